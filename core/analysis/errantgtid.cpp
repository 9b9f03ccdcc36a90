#include "errantgtid.h"

namespace Topograph {

std::optional<MySqlGtidSet> errantMySqlTransactions(const QString &replicaExecuted,
                                                    const QStringList &sourcesExecuted,
                                                    const QSet<QString> &ancestorUuids, QString *error)
{
    QString why;
    auto replica = MySqlGtidSet::parse(replicaExecuted, &why);
    if (!replica) {
        if (error)
            *error = QStringLiteral("the replica's gtid_executed does not parse: ") + why;
        return std::nullopt;
    }
    for (const QString &uuid : ancestorUuids)
        *replica = replica->withoutUuid(uuid);
    if (replica->isEmpty())
        return MySqlGtidSet();
    MySqlGtidSet sources;
    for (const QString &text : sourcesExecuted) {
        const auto s = MySqlGtidSet::parse(text, &why);
        if (!s) {
            if (error)
                *error = QStringLiteral("the master's gtid_executed does not parse: ") + why;
            return std::nullopt;
        }
        sources = sources.united(*s);
    }
    return replica->subtracted(sources);
}

QString MariaDbErrantGtid::toString() const
{
    if (!master)
        return QStringLiteral("%1 (domain %2 is not in the master's binary log)").arg(replica.toString()).arg(replica.domain);
    return QStringLiteral("%1 (master at %2)").arg(replica.toString(), master->toString());
}

std::optional<QList<MariaDbErrantGtid>> errantMariaDbGtids(const QString &replicaCurrentPos,
                                                           const QStringList &sourcesBinlogPos,
                                                           const QSet<quint32> &ancestorServerIds,
                                                           QString *error)
{
    QString why;
    const auto replica = MariaDbGtidPosition::parse(replicaCurrentPos, &why);
    if (!replica) {
        if (error)
            *error = QStringLiteral("the replica's gtid_current_pos does not parse: ") + why;
        return std::nullopt;
    }
    MariaDbGtidPosition merged;
    for (const QString &text : sourcesBinlogPos) {
        const auto s = MariaDbGtidPosition::parse(text, &why);
        if (!s) {
            if (error)
                *error = QStringLiteral("the master's gtid_binlog_pos does not parse: ") + why;
            return std::nullopt;
        }
        for (const MariaDbGtid &g : s->gtids()) {
            const auto have = merged.gtid(g.domain);
            if (!have || have->sequence < g.sequence)
                merged.set(g);
        }
    }
    QList<MariaDbErrantGtid> out;
    for (const MariaDbGtid &g : replica->gtids()) {
        if (ancestorServerIds.contains(g.serverId))
            continue;
        const auto m = merged.gtid(g.domain);
        const bool errant = !m || g.sequence > m->sequence
                            || (g.sequence == m->sequence && g.serverId != m->serverId);
        if (errant)
            out.append({g, m});
    }
    return out;
}

} // namespace Topograph
