// Per-cluster structure warnings: nothing is down, but the shape or configuration of the cluster
// will hurt at the next failure (no promotable replica, errant transactions, mixed formats and
// versions) or is hurting now (lag, stopped replication threads, writable replicas).

#include "analysiscontext.h"
#include "analysis/errantgtid.h"

#include <QMap>
#include <QStringList>

namespace Topograph::AnalysisRules {

namespace {

// Facts we can rely on: current, or at least from a probe that once succeeded.
bool isKnown(const InstanceFacts &f)
{
    return f.reachable || f.lastSeen.isValid();
}

// "ROW: db1:3306, db2:3306; STATEMENT: db3:3306"
QString groupsText(const QMap<QString, QList<InstanceKey>> &groups)
{
    QStringList parts;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        parts << it.key() + QStringLiteral(": ") + keyList(it.value());
    return parts.join(QStringLiteral("; "));
}

QJsonObject groupsJson(const QMap<QString, QList<InstanceKey>> &groups)
{
    QJsonObject o;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        QJsonArray a;
        for (const InstanceKey &k : it.value())
            a.append(k.toString());
        o.insert(it.key(), a);
    }
    return o;
}

QString channelSuffix(const ReplicationChannel &c)
{
    return c.name.isEmpty() ? QString() : QStringLiteral(" (connection '%1')").arg(c.name);
}

void checkReplicationThreads(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &f)
{
    const ReplicationChannel *sqlError = nullptr;
    const ReplicationChannel *ioError = nullptr;
    const ReplicationChannel *lagging = nullptr;
    qint64 worstLag = 0;
    const qint64 threshold = ctx.settings().reasonableReplicationLagSeconds;
    for (const ReplicationChannel &c : f.channels) {
        if (!sqlError && c.sqlThread != ThreadState::Running && c.lastSqlErrno != 0)
            sqlError = &c;
        // Connect errors are the master/intermediate analyses' business; these are the others:
        // access denied for the replication user, binary log purged on the source, ...
        if (!ioError && c.ioThread != ThreadState::Running && c.lastIoErrno != 0 && !isConnectError(c.lastIoErrno))
            ioError = &c;
        // A delayed replica is behind on purpose: only lag beyond its SQL_Delay counts.
        if (c.secondsBehindMaster) {
            const qint64 lag = *c.secondsBehindMaster - c.sqlDelay;
            if (lag > threshold && lag > worstLag) {
                worstLag = lag;
                lagging = &c;
            }
        }
    }
    if (sqlError) {
        Analysis &a = ctx.add(AnalysisCode::ReplicationSQLThreadError, cluster, f.key);
        a.explanation = QStringLiteral("The replication SQL thread on %1%2 stopped with error %3 (%4): it no longer "
                                       "applies what it receives from %5; fix the error and restart it.")
                            .arg(f.key.toString(), channelSuffix(*sqlError))
                            .arg(sqlError->lastSqlErrno)
                            .arg(sqlError->lastSqlError.simplified(), sqlError->source.toString());
        a.facts = QJsonObject{{QStringLiteral("replica"), f.key.toString()},
                              {QStringLiteral("source"), sqlError->source.toString()},
                              {QStringLiteral("lastSqlErrno"), sqlError->lastSqlErrno},
                              {QStringLiteral("lastSqlError"), sqlError->lastSqlError}};
    }
    if (ioError) {
        Analysis &a = ctx.add(AnalysisCode::ReplicationIOThreadError, cluster, f.key);
        a.explanation = QStringLiteral("The replication IO thread on %1%2 stopped with error %3 (%4): it receives "
                                       "nothing from %5; fix the cause and restart it.")
                            .arg(f.key.toString(), channelSuffix(*ioError))
                            .arg(ioError->lastIoErrno)
                            .arg(ioError->lastIoError.simplified(), ioError->source.toString());
        a.facts = QJsonObject{{QStringLiteral("replica"), f.key.toString()},
                              {QStringLiteral("source"), ioError->source.toString()},
                              {QStringLiteral("lastIoErrno"), ioError->lastIoErrno},
                              {QStringLiteral("lastIoError"), ioError->lastIoError}};
    }
    if (lagging) {
        Analysis &a = ctx.add(AnalysisCode::ReplicationLagAboveThreshold, cluster, f.key);
        a.explanation = QStringLiteral("%1 is %2 s behind %3%4, more than ReasonableReplicationLagSeconds (%5 s)%6.")
                            .arg(f.key.toString())
                            .arg(worstLag)
                            .arg(lagging->source.toString(), channelSuffix(*lagging))
                            .arg(threshold)
                            .arg(lagging->sqlDelay > 0
                                     ? QStringLiteral(" beyond its intended SQL_Delay of %1 s").arg(lagging->sqlDelay)
                                     : QString());
        a.facts = QJsonObject{{QStringLiteral("replica"), f.key.toString()},
                              {QStringLiteral("source"), lagging->source.toString()},
                              {QStringLiteral("secondsBehindMaster"), double(*lagging->secondsBehindMaster)},
                              {QStringLiteral("sqlDelay"), double(lagging->sqlDelay)},
                              {QStringLiteral("thresholdSeconds"), double(threshold)}};
    }
}

void checkWritable(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &f)
{
    if (f.readOnly || f.superReadOnly)
        return;
    const bool coMaster = cluster.coMasters.contains(f.key);
    Analysis &a = ctx.add(AnalysisCode::WritableReplica, cluster, f.key);
    a.explanation = QStringLiteral("%1%2 is writable (read_only=0): anything written on it becomes an errant "
                                   "transaction; set read_only=1.")
                        .arg(coMaster ? QStringLiteral("Co-master ") : QStringLiteral("Replica "), f.key.toString());
    a.facts = QJsonObject{{QStringLiteral("replica"), f.key.toString()},
                          {QStringLiteral("readOnly"), false},
                          {QStringLiteral("coMaster"), coMaster}};
}

void checkErrantGtid(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &f)
{
    QSet<QString> uuids;
    QSet<quint32> serverIds;
    QList<const InstanceFacts *> sources;
    ctx.ancestry(f, &uuids, &serverIds, &sources);
    // Both sides must be current: a dead master's last known set says nothing about today.
    if (sources.isEmpty() || sources.size() != f.channels.size())
        return;
    for (const InstanceFacts *s : std::as_const(sources))
        if (!s->reachable)
            return;
    // Names and facts are built only for the rare errant replica.
    auto mastersText = [&] {
        QList<InstanceKey> keys;
        for (const InstanceFacts *s : std::as_const(sources))
            keys << s->key;
        return keyList(keys);
    };
    QString errantText;

    if (f.flavor == Flavor::MariaDB) {
        QStringList binlogPos;
        for (const InstanceFacts *s : std::as_const(sources)) {
            if (s->flavor != Flavor::MariaDB || !s->logBin)
                return; // no binary log, no gtid_binlog_pos to compare with
            binlogPos << s->gtidBinlogPos;
        }
        if (f.gtidCurrentPos.isEmpty())
            return;
        const auto errant = errantMariaDbGtids(f.gtidCurrentPos, binlogPos, serverIds);
        if (!errant || errant->isEmpty())
            return;
        QStringList items;
        for (const MariaDbErrantGtid &e : *errant)
            items << e.toString();
        errantText = items.join(QStringLiteral("; "));
        const QString masters = mastersText();
        QJsonObject facts{{QStringLiteral("replica"), f.key.toString()}, {QStringLiteral("master"), masters}};
        facts.insert(QStringLiteral("replicaGtidCurrentPos"), f.gtidCurrentPos);
        facts.insert(QStringLiteral("masterGtidBinlogPos"), binlogPos.join(QLatin1Char(' ')));
        facts.insert(QStringLiteral("errant"), errantText);
        Analysis &a = ctx.add(AnalysisCode::ErrantGTID, cluster, f.key);
        a.explanation = QStringLiteral("%1 has GTIDs its master %2 never produced: %3; they were written on the "
                                       "replica or came from outside its replication chain: remove them or rebuild "
                                       "the replica before it can be promoted.")
                            .arg(f.key.toString(), masters, errantText);
        a.facts = facts;
        return;
    }
    if (!f.hasGtid())
        return;
    QStringList executed;
    for (const InstanceFacts *s : std::as_const(sources)) {
        if (!s->hasGtid())
            return;
        executed << s->gtidExecuted;
    }
    const auto errant = errantMySqlTransactions(f.gtidExecuted, executed, uuids);
    if (!errant || errant->isEmpty())
        return;
    errantText = errant->toString();
    const quint64 count = errant->transactionCount();
    const QString masters = mastersText();
    QJsonObject facts{{QStringLiteral("replica"), f.key.toString()}, {QStringLiteral("master"), masters}};
    facts.insert(QStringLiteral("errant"), errantText);
    facts.insert(QStringLiteral("errantCount"), double(count));
    facts.insert(QStringLiteral("ignoredAncestorUuids"), QJsonArray::fromStringList(QStringList(uuids.begin(), uuids.end())));
    Analysis &a = ctx.add(AnalysisCode::ErrantGTID, cluster, f.key);
    a.explanation = QStringLiteral("%1 executed %2 %3 its master %4 does not have (errant GTID %5): inject them as "
                                   "empty transactions on the master or rebuild the replica before it can be promoted.")
                        .arg(f.key.toString())
                        .arg(count)
                        .arg(verb(qsizetype(std::min<quint64>(count, 2)), "transaction", "transactions"), masters, errantText);
    a.facts = facts;
}

void checkClusterWide(AnalysisContext &ctx, const ClusterInfo &cluster, const QList<const InstanceFacts *> &members)
{
    QList<InstanceKey> replicas, loggingReplicas, fileposReplicas;
    QMap<QString, QList<InstanceKey>> formats, gtidModes, strictModes;
    // Keyed by number while grouping: the text is built only when versions differ.
    QMap<std::pair<int, int>, QList<InstanceKey>> versionGroups;
    for (const InstanceFacts *f : members) {
        if (!isKnown(*f))
            continue;
        const bool isTop = f->key == cluster.master;
        if (!isTop && f->isReplica()) {
            replicas << f->key;
            if (f->logBin && f->logReplicaUpdates)
                loggingReplicas << f->key;
            const ReplicationChannel *c = f->primaryChannel();
            if (f->reachable && c && !c->usesGtid())
                fileposReplicas << f->key;
        }
        if (f->logBin && !f->binlogFormat.isEmpty())
            formats[f->binlogFormat.toUpper()] << f->key;
        if (const int v = f->versionNumber(); v > 0)
            versionGroups[{int(f->flavor), v}] << f->key;
        if (f->flavor == Flavor::MariaDB)
            strictModes[f->gtidStrictMode ? QStringLiteral("ON") : QStringLiteral("OFF")] << f->key;
        else if (!f->gtidMode.isEmpty())
            gtidModes[f->gtidMode.toUpper()] << f->key;
    }
    const QString name = cluster.name;

    if (!replicas.isEmpty() && loggingReplicas.isEmpty()) {
        Analysis &a = ctx.add(AnalysisCode::NoLoggingReplicas, cluster, cluster.master);
        a.explanation = QStringLiteral("No replica in cluster %1 has both log_bin and log_slave_updates on (%2): "
                                       "none can be promoted, so a failure of the master cannot be recovered.")
                            .arg(name, keyList(replicas));
        a.affectedReplicas = replicas;
        a.facts = QJsonObject{{QStringLiteral("replicas"), double(replicas.size())},
                              {QStringLiteral("loggingReplicas"), 0}};
    }
    if (!fileposReplicas.isEmpty()) {
        Analysis &a = ctx.add(AnalysisCode::NoFailoverSupport, cluster, cluster.master);
        a.explanation = QStringLiteral("%1 in cluster %2 %3 by binary log file and position, not GTID: automatic "
                                       "failover needs GTID (MASTER_USE_GTID=slave_pos on MariaDB, "
                                       "MASTER_AUTO_POSITION=1 on MySQL).")
                            .arg(keyList(fileposReplicas), name, verb(fileposReplicas.size(), "replicates", "replicate"));
        a.affectedReplicas = fileposReplicas;
        QJsonArray keys;
        for (const InstanceKey &k : std::as_const(fileposReplicas))
            keys.append(k.toString());
        a.facts = QJsonObject{{QStringLiteral("withoutGtid"), keys}};
    }
    if (formats.size() > 1) {
        Analysis &a = ctx.add(AnalysisCode::MixedBinlogFormats, cluster, cluster.master);
        a.explanation = QStringLiteral("Cluster %1 mixes binary log formats (%2): a replica cannot apply row events "
                                       "from a master it replaces in another format; use one binlog_format.")
                            .arg(name, groupsText(formats));
        a.facts = QJsonObject{{QStringLiteral("binlogFormats"), groupsJson(formats)}};
    }
    if (versionGroups.size() > 1) {
        QMap<QString, QList<InstanceKey>> versions;
        for (auto it = versionGroups.cbegin(); it != versionGroups.cend(); ++it)
            versions.insert(QStringLiteral("%1 %2.%3")
                                .arg(flavorName(Flavor(it.key().first)))
                                .arg(it.key().second / 100)
                                .arg(it.key().second % 100),
                            it.value());
        Analysis &a = ctx.add(AnalysisCode::MixedMajorVersions, cluster, cluster.master);
        a.explanation = QStringLiteral("Cluster %1 runs several major versions (%2): a replica must not be older "
                                       "than its master, which limits who can be promoted.")
                            .arg(name, groupsText(versions));
        a.facts = QJsonObject{{QStringLiteral("versions"), groupsJson(versions)}};
    }
    if (gtidModes.size() > 1 || strictModes.size() > 1) {
        QStringList parts;
        QJsonObject facts;
        if (gtidModes.size() > 1) {
            parts << QStringLiteral("gtid_mode %1").arg(groupsText(gtidModes));
            facts.insert(QStringLiteral("gtidMode"), groupsJson(gtidModes));
        }
        if (strictModes.size() > 1) {
            parts << QStringLiteral("gtid_strict_mode %1").arg(groupsText(strictModes));
            facts.insert(QStringLiteral("gtidStrictMode"), groupsJson(strictModes));
        }
        Analysis &a = ctx.add(AnalysisCode::DifferentGTIDModes, cluster, cluster.master);
        a.explanation = QStringLiteral("Cluster %1 has different GTID settings (%2): replication and failover behave "
                                       "differently depending on which server is master; align them.")
                            .arg(name, parts.join(QStringLiteral("; ")));
        a.facts = facts;
    }
}

} // namespace

void analyzeStructure(AnalysisContext &ctx, const ClusterInfo &cluster)
{
    QList<const InstanceFacts *> members;
    members.reserve(cluster.members.size());
    for (const InstanceKey &k : cluster.members)
        if (const InstanceFacts *f = ctx.facts(k); f && !ctx.inMaintenance(k))
            members.append(f);

    for (const InstanceFacts *f : std::as_const(members)) {
        // The master itself is no replica; per-replica checks need current facts.
        if (f->key == cluster.master || !f->isReplica() || !f->reachable)
            continue;
        checkWritable(ctx, cluster, *f);
        checkReplicationThreads(ctx, cluster, *f);
        checkErrantGtid(ctx, cluster, *f);
    }
    checkClusterWide(ctx, cluster, members);
}

} // namespace Topograph::AnalysisRules
