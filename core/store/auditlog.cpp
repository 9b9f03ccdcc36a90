#include "auditlog.h"

#include "store.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Topograph {

const char auditEntrySelect[]
    = "SELECT id, at, actor, cluster, instance, action, outcome, message, details, "
      "recovery_id, prev_hash, hash FROM audit_entries";

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

void appendField(QByteArray &out, const QByteArray &utf8)
{
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += '\n';
}

} // namespace

AuditEntry auditEntryFromRow(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.at = Store::fromDb(q.value(1));
    e.actor = q.value(2).toString();
    e.cluster = q.value(3).toString();
    e.instance = q.value(4).toString();
    e.action = q.value(5).toString();
    e.outcome = auditOutcomeFromName(q.value(6).toString()).value_or(AuditOutcome::Failed);
    e.message = q.value(7).toString();
    e.details = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
    e.recoveryId = q.value(9).toLongLong();
    e.prevHash = q.value(10).toString();
    e.hash = q.value(11).toString();
    return e;
}

namespace {

// WHERE clause and its bound values for a filter.
QString whereClause(const AuditFilter &f, QVariantList *binds)
{
    QStringList parts;
    if (!f.cluster.isEmpty()) {
        parts << QStringLiteral("cluster = ?");
        *binds << f.cluster;
    }
    if (f.since.isValid()) {
        parts << QStringLiteral("at >= ?");
        *binds << Store::toDb(f.since);
    }
    if (f.until.isValid()) {
        parts << QStringLiteral("at < ?");
        *binds << Store::toDb(f.until);
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + parts.join(QLatin1String(" AND "));
}

} // namespace

QString auditOutcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Ok:
        return QStringLiteral("ok");
    case AuditOutcome::Failed:
        return QStringLiteral("failed");
    case AuditOutcome::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("failed");
}

std::optional<AuditOutcome> auditOutcomeFromName(const QString &name)
{
    for (AuditOutcome o : { AuditOutcome::Ok, AuditOutcome::Failed, AuditOutcome::Refused })
        if (auditOutcomeName(o) == name)
            return o;
    return std::nullopt;
}

AuditLog::AuditLog(Store &store)
    : m_store(store)
{ }

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QByteArray AuditLog::canonicalContent(qint64 id, const QString &at, const QString &actor,
    const QString &cluster, const QString &instance, const QString &action, const QString &outcome,
    const QString &message, const QString &details, qint64 recoveryId)
{
    QByteArray out("topograph-audit-v1\n");
    out.reserve(256 + message.size() * 3 + details.size() * 3);
    appendField(out, QByteArray::number(id));
    appendField(out, at.toUtf8());
    appendField(out, actor.toUtf8());
    appendField(out, cluster.toUtf8());
    appendField(out, instance.toUtf8());
    appendField(out, action.toUtf8());
    appendField(out, outcome.toUtf8());
    appendField(out, message.toUtf8());
    appendField(out, details.toUtf8());
    appendField(out, recoveryId ? QByteArray::number(recoveryId) : QByteArray());
    return out;
}

QString AuditLog::chainHash(const QString &prevHash, const QByteArray &canonical)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(canonical);
    return QString::fromLatin1(h.result().toHex());
}

bool AuditLog::appendInTransaction(Store &store, AuditEntry &entry, QString *error)
{
    return appendEntries(store, &entry, 1, error);
}

bool AuditLog::appendEntries(Store &store, AuditEntry *entries, qsizetype count, QString *error)
{
    for (qsizetype i = 0; i < count; ++i) {
        if (entries[i].action.isEmpty() || entries[i].actor.isEmpty()) {
            setError(error, QStringLiteral("an audit entry needs an actor and an action"));
            return false;
        }
    }
    // The predecessor is read inside the caller's BEGIN IMMEDIATE transaction: no other writer
    // can chain onto the same predecessor meanwhile.
    QSqlQuery head(store.database());
    head.prepare(
        QStringLiteral("SELECT last_hash, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = "
                       "'audit_entries'), 0) FROM (SELECT 1) LEFT JOIN audit_head ON one = 1"));
    if (!store.exec(head, error) || !head.next())
        return false;
    QString prevHash = head.value(0).isNull() ? genesisHash() : head.value(0).toString();
    qint64 id = head.value(1).toLongLong();
    head.finish();

    QSqlQuery q(store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO audit_entries(id, at, actor, cluster, instance, action, outcome, "
        "message, details, recovery_id, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < count; ++i) {
        AuditEntry &entry = entries[i];
        ++id;
        if (!entry.at.isValid())
            entry.at = now;
        const QString at = Store::toDb(entry.at);
        const QString details
            = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
        const QString outcome = auditOutcomeName(entry.outcome);
        const QString hash = chainHash(prevHash,
            canonicalContent(id, at, entry.actor, entry.cluster, entry.instance, entry.action,
                outcome, entry.message, details, entry.recoveryId));
        q.bindValue(0, id);
        q.bindValue(1, at);
        q.bindValue(2, Store::text(entry.actor));
        q.bindValue(3, Store::text(entry.cluster));
        q.bindValue(4, Store::text(entry.instance));
        q.bindValue(5, Store::text(entry.action));
        q.bindValue(6, outcome);
        q.bindValue(7, Store::text(entry.message));
        q.bindValue(8, details);
        q.bindValue(9,
            entry.recoveryId ? QVariant(entry.recoveryId)
                             : QVariant(QMetaType::fromType<qlonglong>()));
        q.bindValue(10, prevHash);
        q.bindValue(11, hash);
        if (!store.exec(q, error))
            return false;
        entry.id = id;
        entry.prevHash = prevHash;
        entry.hash = hash;
        prevHash = hash;
    }
    q.finish();
    QSqlQuery h(store.database());
    h.prepare(QStringLiteral(
        "INSERT INTO audit_head(one, last_id, last_hash, entries) VALUES (1, ?, ?, ?) "
        "ON CONFLICT(one) DO UPDATE SET last_id = excluded.last_id, "
        "last_hash = excluded.last_hash, entries = entries + excluded.entries"));
    h.addBindValue(id);
    h.addBindValue(prevHash);
    h.addBindValue(count);
    return store.exec(h, error);
}

bool AuditLog::append(AuditEntry &entry, QString *error)
{
    return m_store.write(
        [&](QString *err) { return appendEntries(m_store, &entry, 1, err); }, error);
}

bool AuditLog::append(QList<AuditEntry> &entries, QString *error)
{
    if (entries.isEmpty())
        return true;
    return m_store.write(
        [&](QString *err) { return appendEntries(m_store, entries.data(), entries.size(), err); },
        error);
}

bool AuditLog::forEach(const AuditFilter &filter,
    const std::function<bool(const AuditEntry &)> &visit, QString *error) const
{
    QVariantList binds;
    QString sql = QString::fromLatin1(auditEntrySelect) + whereClause(filter, &binds);
    if (filter.limit > 0)
        sql = QStringLiteral("SELECT * FROM (%1 ORDER BY id DESC LIMIT %2) ORDER BY id")
                  .arg(sql)
                  .arg(filter.limit);
    else
        sql += QStringLiteral(" ORDER BY id");
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!m_store.exec(q, error))
        return false;
    while (q.next())
        if (!visit(auditEntryFromRow(q)))
            break;
    return true;
}

QList<AuditEntry> AuditLog::entries(const AuditFilter &filter, QString *error) const
{
    QList<AuditEntry> result;
    forEach(
        filter,
        [&](const AuditEntry &e) {
            result << e;
            return true;
        },
        error);
    return result;
}

qint64 AuditLog::count(const AuditFilter &filter, QString *error) const
{
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    const qint64 n = m_store.count(QStringLiteral("audit_entries"), where, binds, error);
    return filter.limit > 0 && n >= 0 ? std::min<qint64>(n, filter.limit) : n;
}

QMap<QString, qint64> AuditLog::countByOutcome(const AuditFilter &filter, QString *error) const
{
    QMap<QString, qint64> result;
    QVariantList binds;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT outcome, count(*) FROM audit_entries")
        + whereClause(filter, &binds) + QStringLiteral(" GROUP BY outcome"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!m_store.exec(q, error))
        return result;
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toLongLong());
    return result;
}

AuditVerification AuditLog::verify(QString *error) const
{
    AuditVerification v;
    auto broken = [&v](qint64 id, const QString &why) {
        if (v.intact) {
            v.intact = false;
            v.firstBadId = id;
            v.reason = why;
        }
        if (v.problems.size() < AuditVerification::maxProblems && !v.problems.contains(id))
            v.problems.insert(id, why);
    };
    // One SELECT is one consistent snapshot in WAL mode, even while another process appends.
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, at, actor, cluster, instance, action, outcome, message, details, "
        "recovery_id, prev_hash, hash, (SELECT last_id FROM audit_head), "
        "(SELECT last_hash FROM audit_head) FROM audit_entries ORDER BY id"));
    if (!m_store.exec(q, error)) {
        broken(0,
            QStringLiteral("the audit log could not be read: %1").arg(error ? *error : QString()));
        return v;
    }
    QString prevHash = genesisHash();
    qint64 prevId = 0;
    QVariant headId, headHash;
    while (q.next()) {
        ++v.entries;
        const qint64 id = q.value(0).toLongLong();
        headId = q.value(12);
        headHash = q.value(13);
        const QString storedPrev = q.value(10).toString();
        const QString storedHash = q.value(11).toString();
        {
            const QString expected = chainHash(storedPrev,
                canonicalContent(id, q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                    q.value(9).toLongLong()));
            if (storedPrev != prevHash) {
                const QString where = prevId == 0
                    ? QStringLiteral("it is the first entry, but it was chained "
                                     "onto an earlier one")
                    : QStringLiteral("it does not follow entry %1").arg(prevId);
                QString why = QStringLiteral("entry %1: %2").arg(id).arg(where);
                if (id > prevId + 1)
                    why += QStringLiteral(" (entr%1 %2 missing: deleted)")
                               .arg(id == prevId + 2 ? QStringLiteral("y") : QStringLiteral("ies"))
                               .arg(id == prevId + 2
                                       ? QString::number(prevId + 1)
                                       : QStringLiteral("%1-%2").arg(prevId + 1).arg(id - 1));
                else
                    why += QStringLiteral(" (an entry was deleted, inserted or moved before it)");
                broken(id, why + QLatin1Char('.'));
            } else if (expected != storedHash) {
                broken(id,
                    QStringLiteral(
                        "entry %1: its content does not match its hash (it was edited after "
                        "it was written).")
                        .arg(id));
            }
        }
        prevHash = storedHash;
        prevId = id;
        v.headId = id;
        v.headHash = storedHash;
    }
    if (q.lastError().isValid()) {
        broken(v.headId,
            QStringLiteral("the audit log could not be read to the end: %1")
                .arg(q.lastError().text()));
        return v;
    }
    if (v.entries > 0 && (headId.toLongLong() != v.headId || headHash.toString() != v.headHash))
        broken(headId.toLongLong(),
            QStringLiteral("the log ends at entry %1, but entry %2 was written last: "
                           "entries were deleted from the end.")
                .arg(v.headId)
                .arg(headId.toLongLong()));
    if (v.entries == 0) {
        QSqlQuery h(m_store.database());
        h.prepare(QStringLiteral("SELECT last_id FROM audit_head"));
        if (m_store.exec(h, error) && h.next())
            broken(h.value(0).toLongLong(),
                QStringLiteral("the log is empty, but entry %1 was written last: "
                               "every entry was deleted.")
                    .arg(h.value(0).toLongLong()));
    }
    return v;
}

} // namespace Topograph
