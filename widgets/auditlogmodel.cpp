#include "auditlogmodel.h"

#include "store/store.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <climits>

namespace Topograph::Gui {

QString auditOutcomeText(AuditOutcome outcome)
{
    // A glyph as well as a colour: the outcome must read without colour vision.
    switch (outcome) {
    case AuditOutcome::Ok:
        return AuditLogModel::tr("\u2713 ok");
    case AuditOutcome::Failed:
        return AuditLogModel::tr("\u2716 failed");
    case AuditOutcome::Refused:
        return AuditLogModel::tr("\u2298 refused");
    }
    return {};
}

QString recoveryStateText(RecoveryState state)
{
    switch (state) {
    case RecoveryState::Running:
        return AuditLogModel::tr("running");
    case RecoveryState::Succeeded:
        return AuditLogModel::tr("succeeded");
    case RecoveryState::Failed:
        return AuditLogModel::tr("failed");
    case RecoveryState::Interrupted:
        return AuditLogModel::tr("interrupted");
    }
    return {};
}

namespace {

QColor outcomeColor(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case AuditOutcome::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case AuditOutcome::Refused:
        return QColor(0xb2, 0x5e, 0x00);
    }
    return {};
}

int clampRows(qint64 n)
{
    return int(std::clamp<qint64>(n, 0, INT_MAX));
}

} // namespace

AuditLogModel::AuditLogModel(Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    QString error;
    m_lastId = AuditQuery(m_store).lastId(&error);
    if (m_lastId < 0) {
        m_lastId = 0;
        fail(error);
    }
    reload();
}

void AuditLogModel::setFilter(const AuditQueryFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    QString error;
    const qint64 last = AuditQuery(m_store).lastId(&error);
    if (last < 0)
        fail(error);
    else
        m_lastId = last;
    reload();
}

void AuditLogModel::setAliases(const QHash<QString, QString> &aliases)
{
    if (aliases == m_aliases)
        return;
    m_aliases = aliases;
    if (m_rows > 0)
        emit dataChanged(index(0, ClusterColumn), index(m_rows - 1, ClusterColumn));
}

void AuditLogModel::setChainProblems(const QMap<qint64, QString> &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    if (m_rows > 0)
        emit dataChanged(index(0, IdColumn), index(m_rows - 1, IdColumn));
}

AuditQueryFilter AuditLogModel::snapshotFilter() const
{
    AuditQueryFilter f = m_filter;
    f.upToId = f.upToId > 0 ? std::min(f.upToId, m_lastId) : m_lastId;
    return f;
}

void AuditLogModel::fail(const QString &error) const
{
    m_error = error;
    // Emitted from const readers too: the owner shows it, the model does not change.
    emit const_cast<AuditLogModel *>(this)->errorOccurred(error);
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_recent.clear();
    m_rows = 0;
    m_total = 0;
    if (m_lastId > 0) {
        QString error;
        AuditQuery query(m_store);
        AuditQueryFilter all;
        all.upToId = m_lastId;
        const qint64 rows = query.count(snapshotFilter(), &error);
        const qint64 total = rows >= 0 ? query.count(all, &error) : -1;
        if (rows < 0 || total < 0) {
            fail(error);
        } else {
            m_rows = clampRows(rows);
            m_total = total;
            m_error.clear();
        }
    }
    endResetModel();
}

bool AuditLogModel::refresh(bool force)
{
    AuditQuery query(m_store);
    QString error;
    const qint64 last = query.lastId(&error);
    if (last < 0) {
        fail(error);
        return false;
    }
    if (!force && last == m_lastId)
        return false;
    // Acknowledging changes which old rows match, and a shrinking log means rows were deleted
    // behind our back: only a reset is right then.
    if (force || m_filter.unacknowledgedOnly || last < m_lastId || m_lastId == 0) {
        m_lastId = last;
        reload();
        return true;
    }
    AuditQueryFilter fresh = m_filter;
    fresh.afterId = std::max(m_filter.afterId, m_lastId);
    fresh.upToId = m_filter.upToId > 0 ? std::min(m_filter.upToId, last) : last;
    AuditQueryFilter everything = m_filter;
    everything.upToId = fresh.upToId;
    AuditQueryFilter all;
    all.upToId = last;
    const qint64 added = query.count(fresh, &error);
    const qint64 rows = added >= 0 ? query.count(everything, &error) : -1;
    const qint64 total = rows >= 0 ? query.count(all, &error) : -1;
    if (total < 0) {
        fail(error);
        return false;
    }
    m_lastId = last;
    m_total = total;
    // Entries are append-only, so older rows stay as they were unless someone edited the file:
    // then the counts disagree and the view starts over.
    if (rows != qint64(m_rows) + added) {
        reload();
        return true;
    }
    if (added == 0)
        return false;
    beginInsertRows({}, 0, int(added) - 1);
    m_rows = clampRows(rows);
    // Every page boundary moved by `added` rows.
    m_pages.clear();
    m_recent.clear();
    endInsertRows();
    return true;
}

const QList<AuditEntry> *AuditLogModel::page(int index) const
{
    auto it = m_pages.constFind(index);
    if (it != m_pages.constEnd()) {
        if (m_recent.last() != index) {
            m_recent.removeOne(index);
            m_recent << index;
        }
        return &it.value();
    }
    AuditQuery query(m_store);
    const AuditQueryFilter f = snapshotFilter();
    QString error;
    QList<AuditEntry> rows;
    const auto previous = m_pages.constFind(index - 1);
    const auto next = m_pages.constFind(index + 1);
    if (previous != m_pages.constEnd() && previous->size() == pageSize)
        rows = query.pageBefore(f, previous->last().id, pageSize, &error);
    else if (next != m_pages.constEnd() && !next->isEmpty())
        rows = query.pageAfter(f, next->first().id, pageSize, &error);
    else
        rows = query.pageAt(f, qint64(index) * pageSize, pageSize, &error);
    if (!error.isEmpty()) {
        fail(error);
        return nullptr;
    }
    ++m_pagesRead;
    while (m_recent.size() >= maxCachedPages)
        m_pages.remove(m_recent.takeFirst());
    m_recent << index;
    return &m_pages.insert(index, rows).value();
}

const AuditEntry *AuditLogModel::entryPointer(int row) const
{
    if (row < 0 || row >= m_rows)
        return nullptr;
    const QList<AuditEntry> *p = page(row / pageSize);
    const int at = row % pageSize;
    return p && at < p->size() ? &p->at(at) : nullptr;
}

qint64 AuditLogModel::entryId(int row) const
{
    const AuditEntry *e = entryPointer(row);
    return e ? e->id : 0;
}

std::optional<AuditEntry> AuditLogModel::entryAt(int row) const
{
    const AuditEntry *e = entryPointer(row);
    return e ? std::optional<AuditEntry>(*e) : std::nullopt;
}

int AuditLogModel::rowOfId(qint64 id) const
{
    if (id <= 0)
        return -1;
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it)
        for (int i = 0; i < it->size(); ++i)
            if (it->at(i).id == id)
                return it.key() * pageSize + i;
    const AuditQueryFilter f = snapshotFilter();
    if (id > f.upToId)
        return -1;
    AuditQuery query(m_store);
    AuditQueryFilter self = f;
    self.afterId = std::max(f.afterId, id - 1);
    self.upToId = id;
    QString error;
    if (query.count(self, &error) != 1)
        return -1;
    AuditQueryFilter newer = f;
    newer.afterId = std::max(f.afterId, id);
    const qint64 row = query.count(newer, &error);
    return row >= 0 && row < m_rows ? int(row) : -1;
}

int AuditLogModel::cachedRowCount() const
{
    int n = 0;
    for (const QList<AuditEntry> &p : m_pages)
        n += int(p.size());
    return n;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole
        && role != Qt::TextAlignmentRole && role < Qt::UserRole)
        return {};
    const AuditEntry *e = entryPointer(index.row());
    if (!e)
        return {};
    switch (role) {
    case EntryIdRole:
        return e->id;
    case RecoveryIdRole:
        return e->recoveryId;
    case ClusterNameRole:
        return e->cluster;
    case OutcomeNameRole:
        return auditOutcomeName(e->outcome);
    case Qt::TextAlignmentRole:
        return index.column() == IdColumn || index.column() == RecoveryColumn
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == IdColumn && m_problems.contains(e->id))
            return QBrush(outcomeColor(AuditOutcome::Failed));
        return index.column() == OutcomeColumn ? QVariant(QBrush(outcomeColor(e->outcome)))
                                               : QVariant();
    default:
        break;
    }
    const bool tip = role == Qt::ToolTipRole;
    switch (index.column()) {
    case IdColumn:
        if (m_problems.contains(e->id))
            return tip ? tr("Chain broken here: %1").arg(m_problems.value(e->id))
                       : QStringLiteral("\u26a0 %1").arg(e->id);
        return tip ? QVariant() : QVariant(e->id);
    case TimeColumn:
        return tip ? e->at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"))
                   : e->at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ActorColumn:
        return e->actor;
    case ClusterColumn: {
        const QString alias = m_aliases.value(e->cluster);
        if (tip)
            return alias.isEmpty() ? e->cluster : tr("%1 (alias %2)").arg(e->cluster, alias);
        return alias.isEmpty() ? e->cluster : alias;
    }
    case InstanceColumn:
        return e->instance;
    case ActionColumn:
        return e->action;
    case OutcomeColumn:
        return auditOutcomeText(e->outcome);
    case MessageColumn: {
        if (tip)
            return e->message;
        QString line = e->message;
        line.replace(QLatin1Char('\n'), QStringLiteral(" \u23ce "));
        return line;
    }
    case RecoveryColumn:
        return e->recoveryId ? QVariant(QStringLiteral("#%1").arg(e->recoveryId)) : QVariant();
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time (local)");
    case ActorColumn:
        return tr("Actor");
    case ClusterColumn:
        return tr("Cluster");
    case InstanceColumn:
        return tr("Instance");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case MessageColumn:
        return tr("Message");
    case RecoveryColumn:
        return tr("Recovery");
    default:
        return {};
    }
}

} // namespace Topograph::Gui
