#include "replicationrules.h"

namespace Topograph {

int binlogFormatRank(const QString &format)
{
    const QString f = format.toUpper();
    if (f == QLatin1String("STATEMENT"))
        return 1;
    if (f == QLatin1String("MIXED"))
        return 2;
    if (f == QLatin1String("ROW"))
        return 3;
    return 0;
}

bool canReplicateFrom(const InstanceFacts &replica, const InstanceFacts &source, QString *why)
{
    auto refuse = [&](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    const QString s = source.key.toString();
    if (replica.key == source.key)
        return refuse(QStringLiteral("%1 cannot replicate from itself").arg(s));
    if (!source.logBin)
        return refuse(QStringLiteral("%1 has no binary log (log_bin=OFF): nothing to replicate from").arg(s));
    if (source.isReplica() && !source.logReplicaUpdates)
        return refuse(QStringLiteral("%1 does not log what it replicates (log_slave_updates=OFF): its "
                                     "replicas would miss every transaction it receives")
                          .arg(s));
    if (replica.flavor != Flavor::Unknown && source.flavor != Flavor::Unknown
        && (replica.flavor == Flavor::MariaDB) != (source.flavor == Flavor::MariaDB))
        return refuse(QStringLiteral("%1 is %2 and %3 is %4: GTID replication between the two is not supported")
                          .arg(s, flavorName(source.flavor), replica.key.toString(), flavorName(replica.flavor)));
    const int rv = replica.versionNumber();
    const int sv = source.versionNumber();
    // major.minor: 10.6 -> 10.11 and 8.0 -> 8.4 are real boundaries; patch levels are not
    if (rv > 0 && sv > 0 && sv > rv)
        return refuse(QStringLiteral("%1 runs %2, newer than %3's %4: a replica must not be older than its source")
                          .arg(s, source.version, replica.key.toString(), replica.version));
    if (replica.logBin && replica.logReplicaUpdates) {
        const int rf = binlogFormatRank(replica.binlogFormat);
        const int sf = binlogFormatRank(source.binlogFormat);
        if (rf > 0 && sf > rf)
            return refuse(QStringLiteral("%1 writes %2 events, which %3 (binlog_format=%4) cannot re-log")
                              .arg(s, source.binlogFormat, replica.key.toString(), replica.binlogFormat));
    }
    if (!replica.hasGtid() || !source.hasGtid())
        return refuse(QStringLiteral("GTID is not enabled on %1: a move needs GTID (gtid_mode=ON on MySQL)")
                          .arg(!source.hasGtid() ? s : replica.key.toString()));
    return true;
}

} // namespace Topograph
