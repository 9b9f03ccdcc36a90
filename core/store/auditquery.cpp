#include "auditquery.h"

#include "store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace Topograph {

namespace {

QString whereClause(const AuditQueryFilter &f, QVariantList *binds)
{
    QStringList parts;
    if (!f.cluster.isEmpty()) {
        parts << QStringLiteral("cluster = ?");
        *binds << f.cluster;
    }
    if (!f.action.isEmpty()) {
        parts << QStringLiteral("action = ?");
        *binds << f.action;
    }
    if (f.outcome) {
        parts << QStringLiteral("outcome = ?");
        *binds << auditOutcomeName(*f.outcome);
    }
    if (f.since.isValid()) {
        parts << QStringLiteral("at >= ?");
        *binds << Store::toDb(f.since);
    }
    if (f.until.isValid()) {
        parts << QStringLiteral("at < ?");
        *binds << Store::toDb(f.until);
    }
    if (f.afterId > 0) {
        parts << QStringLiteral("id > ?");
        *binds << f.afterId;
    }
    if (f.upToId > 0) {
        parts << QStringLiteral("id <= ?");
        *binds << f.upToId;
    }
    if (f.unacknowledgedOnly)
        parts << QStringLiteral("recovery_id IN (SELECT id FROM recoveries "
                                "WHERE acknowledged_at IS NULL)");
    if (!f.text.isEmpty()) {
        QStringList likes;
        for (const char *column : { "message", "instance", "cluster", "action", "actor" }) {
            likes << QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column));
            *binds << AuditQuery::likePattern(f.text);
        }
        parts << QLatin1Char('(') + likes.join(QLatin1String(" OR ")) + QLatin1Char(')');
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + parts.join(QLatin1String(" AND "));
}

} // namespace

AuditQuery::AuditQuery(Store &store)
    : m_store(store)
{ }

QString AuditQuery::likePattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

qint64 AuditQuery::count(const AuditQueryFilter &filter, QString *error) const
{
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    return m_store.count(QStringLiteral("audit_entries"), where, binds, error);
}

QList<AuditEntry> AuditQuery::pageBefore(
    const AuditQueryFilter &filter, qint64 beforeId, int limit, QString *error) const
{
    AuditQueryFilter f = filter;
    if (beforeId > 0)
        f.upToId = f.upToId > 0 ? std::min(f.upToId, beforeId - 1) : beforeId - 1;
    return pageAt(f, 0, limit, error);
}

QList<AuditEntry> AuditQuery::pageAfter(
    const AuditQueryFilter &filter, qint64 afterId, int limit, QString *error) const
{
    AuditQueryFilter f = filter;
    f.afterId = std::max(f.afterId, afterId);
    QList<AuditEntry> result;
    QVariantList binds;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(auditEntrySelect) + whereClause(f, &binds)
        + QStringLiteral(" ORDER BY id LIMIT ?"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(std::max(limit, 0));
    if (!m_store.exec(q, error))
        return result;
    while (q.next())
        result.prepend(auditEntryFromRow(q));
    return result;
}

QList<AuditEntry> AuditQuery::pageAt(
    const AuditQueryFilter &filter, qint64 offset, int limit, QString *error) const
{
    QList<AuditEntry> result;
    QVariantList binds;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(auditEntrySelect) + whereClause(filter, &binds)
        + QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?"));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.addBindValue(std::max(limit, 0));
    q.addBindValue(std::max<qint64>(offset, 0));
    if (!m_store.exec(q, error))
        return result;
    result.reserve(limit);
    while (q.next())
        result << auditEntryFromRow(q);
    return result;
}

std::optional<AuditEntry> AuditQuery::entry(qint64 id, QString *error) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QString::fromLatin1(auditEntrySelect) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!m_store.exec(q, error) || !q.next())
        return std::nullopt;
    return auditEntryFromRow(q);
}

qint64 AuditQuery::lastId(QString *error) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit_entries"));
    if (!m_store.exec(q, error) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool AuditQuery::distinctValues(
    qint64 afterId, QSet<QString> *clusters, QSet<QString> *actions, QString *error) const
{
    // Two DISTINCTs rather than one over the pair: a pair set grows with clusters x actions.
    for (const bool cluster : { true, false }) {
        QSqlQuery q(m_store.database());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT DISTINCT %1 FROM audit_entries WHERE id > ?")
                      .arg(cluster ? QLatin1String("cluster") : QLatin1String("action")));
        q.addBindValue(afterId);
        if (!m_store.exec(q, error))
            return false;
        QSet<QString> *into = cluster ? clusters : actions;
        while (q.next())
            if (into && !q.value(0).toString().isEmpty())
                into->insert(q.value(0).toString());
    }
    return true;
}

} // namespace Topograph
