#include "topologyprinter.h"

#include "text/safetext.h"

#include <QJsonArray>
#include <QSet>

namespace Topograph::Cli {

namespace {

// Lines quote what servers report (host names, errors, comments): each stays one line on the
// terminal, and an escape sequence in it is shown, not run.
QStringList oneLineEach(QStringList lines)
{
    for (QString &line : lines)
        line = SafeText::line(line);
    return lines;
}

QString lagText(const InstanceFacts &f, bool isReplica)
{
    if (!isReplica)
        return QStringLiteral("-");
    const ReplicationChannel *c = f.primaryChannel();
    if (!c || !c->secondsBehindMaster)
        return QStringLiteral("null");
    return QStringLiteral("%1s").arg(*c->secondsBehindMaster);
}

QString threadProblem(const char *which, ThreadState state, int errorNumber)
{
    QString text = QLatin1String(which) + QLatin1Char(':') + threadStateName(state);
    if (errorNumber != 0)
        text += QStringLiteral("(%1)").arg(errorNumber);
    return text;
}

QString stateText(const InstanceFacts &f, bool isReplica)
{
    if (!f.reachable)
        return QStringLiteral("UNREACHABLE");
    if (f.lastError != ProbeError::None && f.lastError != ProbeError::ServerError)
        return probeErrorName(f.lastError).replace(QLatin1Char(' '), QLatin1Char('-'));
    if (!isReplica)
        return QStringLiteral("ok");
    const ReplicationChannel *c = f.primaryChannel();
    if (!c)
        return QStringLiteral("ok");
    if (c->isReplicating())
        return QStringLiteral("ok");
    if (c->ioThread == ThreadState::Stopped && c->sqlThread == ThreadState::Stopped && c->lastIoErrno == 0
        && c->lastSqlErrno == 0)
        return QStringLiteral("nonreplicating");
    QStringList problems;
    if (c->ioThread != ThreadState::Running)
        problems << threadProblem("io", c->ioThread, c->lastIoErrno);
    if (c->sqlThread != ThreadState::Running)
        problems << threadProblem("sql", c->sqlThread, c->lastSqlErrno);
    return problems.join(QLatin1Char(' '));
}

QString gtidText(const InstanceFacts &f, bool isReplica)
{
    if (isReplica) {
        const ReplicationChannel *c = f.primaryChannel();
        return c && c->usesGtid() ? QStringLiteral("GTID") : QStringLiteral("pos");
    }
    return f.hasGtid() ? QStringLiteral("GTID") : QStringLiteral("pos");
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("(none)") : s;
}

} // namespace

QString ageText(const QDateTime &when, const QDateTime &nowUtc)
{
    if (!when.isValid())
        return QStringLiteral("never");
    const qint64 s = std::max<qint64>(0, when.secsTo(nowUtc));
    if (s < 120)
        return QStringLiteral("%1s ago").arg(s);
    if (s < 7200)
        return QStringLiteral("%1 min ago").arg(s / 60);
    if (s < 172800)
        return QStringLiteral("%1 h ago").arg(s / 3600);
    return QStringLiteral("%1 days ago").arg(s / 86400);
}

QString instanceSummary(const InstanceFacts &f, bool isReplica)
{
    const QString version = f.version.isEmpty() ? QStringLiteral("unknown") : f.version;
    const QString format = !f.logBin ? QStringLiteral("nobinlog")
                           : f.binlogFormat.isEmpty() ? QStringLiteral("unknown")
                                                      : f.binlogFormat;
    return QStringLiteral("[%1,%2,%3,%4,%5,%6]")
        .arg(lagText(f, isReplica), stateText(f, isReplica), version,
             f.readOnly ? QStringLiteral("ro") : QStringLiteral("rw"), format, gtidText(f, isReplica));
}

QStringList topologyTree(const TopologySnapshot &s, const ClusterInfo &cluster, const QDateTime &nowUtc)
{
    QStringList lines;
    QSet<InstanceKey> printed;
    const QSet<InstanceKey> coMasters(cluster.coMasters.cbegin(), cluster.coMasters.cend());

    std::function<void(const InstanceKey &, int)> print = [&](const InstanceKey &key, int depth) {
        printed.insert(key);
        const InstanceFacts *f = s.instance(key);
        QString line = QString(2 * std::max(0, depth - 1), QLatin1Char(' '));
        if (depth > 0)
            line += QStringLiteral("+ ");
        line += key.toString();
        QStringList notes;
        if (!f) {
            line += QStringLiteral(" [never probed]");
        } else {
            line += QLatin1Char(' ') + instanceSummary(*f, depth > 0 && f->isReplica());
            if (!f->reachable || f->lastError != ProbeError::None)
                notes << QStringLiteral("%1 (last seen %2)")
                             .arg(f->lastErrorText.isEmpty() ? probeErrorName(f->lastError) : f->lastErrorText,
                                  ageText(f->lastSeen, nowUtc));
            if (const ReplicationChannel *c = f->primaryChannel(); c && c->sqlDelay > 0)
                notes << QStringLiteral("delayed %1s").arg(c->sqlDelay);
            for (const ReplicationChannel &c : f->channels)
                if (&c != f->primaryChannel())
                    notes << QStringLiteral("also replicates from %1 ('%2', %3)")
                                 .arg(c.source.toString(), c.name,
                                      c.isReplicating() ? QStringLiteral("ok") : QStringLiteral("not replicating"));
        }
        if (coMasters.contains(key))
            notes << QStringLiteral("co-master of %1").arg(cluster.master.toString());
        if (s.downtime(key))
            notes << QStringLiteral("downtimed: %1").arg(s.downtime(key)->reason);
        if (s.inMaintenance(key))
            notes << QStringLiteral("in maintenance");
        if (f && !f->rejectedReplicaNames.isEmpty())
            notes << QStringLiteral("WARNING: reports replica name(s) that are not host names, not connected to: %1")
                         .arg(f->rejectedReplicaNames.join(QStringLiteral(", ")));
        if (!notes.isEmpty())
            line += QStringLiteral("  ") + notes.join(QStringLiteral("; "));
        lines << line;
        for (const InstanceKey &child : s.replicasOf(key))
            if (!printed.contains(child))
                print(child, depth + 1);
    };
    print(cluster.master, 0);
    // Members not under the master by default connections (should not happen; never hide one).
    for (const InstanceKey &k : cluster.members)
        if (!printed.contains(k))
            print(k, 1);
    return oneLineEach(lines);
}

QStringList clusterTable(const TopologySnapshot &s)
{
    QStringList lines;
    lines << QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("CLUSTER"), -28).arg(QStringLiteral("ALIAS"), -16)
                 .arg(QStringLiteral("INSTANCES"), -10).arg(QStringLiteral("UNREACHABLE"));
    for (const ClusterInfo &c : s.clusters()) {
        int unreachable = 0;
        for (const InstanceKey &k : c.members)
            if (const InstanceFacts *f = s.instance(k); !f || !f->reachable)
                ++unreachable;
        lines << QStringLiteral("%1 %2 %3 %4")
                     .arg(c.name, -28)
                     .arg(c.alias.isEmpty() ? QStringLiteral("-") : c.alias, -16)
                     .arg(c.members.size(), -10)
                     .arg(unreachable);
    }
    return oneLineEach(lines);
}

QJsonObject clusterJson(const TopologySnapshot &s, const ClusterInfo &c)
{
    QJsonArray members, unreachable, coMasters;
    for (const InstanceKey &k : c.members) {
        members.append(k.toString());
        if (const InstanceFacts *f = s.instance(k); !f || !f->reachable)
            unreachable.append(k.toString());
    }
    for (const InstanceKey &k : c.coMasters)
        coMasters.append(k.toString());
    return QJsonObject{{QStringLiteral("name"), c.name},
                       {QStringLiteral("alias"), c.alias},
                       {QStringLiteral("master"), c.master.toString()},
                       {QStringLiteral("coMasters"), coMasters},
                       {QStringLiteral("members"), members},
                       {QStringLiteral("unreachable"), unreachable}};
}

QStringList instanceDetails(const InstanceFacts &f, const QDateTime &nowUtc)
{
    QStringList out;
    auto heading = [&](const QString &h) { out << QString() << h; };
    auto item = [&](const QString &name, const QString &value) {
        out << QStringLiteral("  %1 %2").arg(name + QLatin1Char(':'), -26).arg(value);
    };
    out << f.key.toString();
    item(QStringLiteral("reachable"), yesNo(f.reachable));
    if (f.lastError != ProbeError::None)
        item(QStringLiteral("last error"), QStringLiteral("%1: %2").arg(probeErrorName(f.lastError), f.lastErrorText));
    item(QStringLiteral("last checked"), f.lastChecked.toString(Qt::ISODateWithMs));
    item(QStringLiteral("last seen"), QStringLiteral("%1 (%2)").arg(f.lastSeen.toString(Qt::ISODateWithMs),
                                                                    ageText(f.lastSeen, nowUtc)));
    item(QStringLiteral("probe time"), QStringLiteral("%1 ms").arg(double(f.probeMicros) / 1000.0, 0, 'f', 1));

    heading(QStringLiteral("Server"));
    item(QStringLiteral("flavor"), flavorName(f.flavor));
    item(QStringLiteral("version"), f.version);
    item(QStringLiteral("version comment"), f.versionComment);
    item(QStringLiteral("hostname"), f.hostname);
    item(QStringLiteral("server_id"), QString::number(f.serverId));
    if (f.flavor == Flavor::MariaDB)
        item(QStringLiteral("gtid_domain_id"), QString::number(f.gtidDomainId));
    else
        item(QStringLiteral("server_uuid"), orNone(f.serverUuid));
    item(QStringLiteral("uptime"), QStringLiteral("%1 s").arg(f.uptimeSeconds));

    heading(QStringLiteral("Writes and binary log"));
    item(QStringLiteral("read_only"), yesNo(f.readOnly));
    if (f.flavor != Flavor::MariaDB)
        item(QStringLiteral("super_read_only"), yesNo(f.superReadOnly));
    item(QStringLiteral("log_bin"), yesNo(f.logBin));
    item(QStringLiteral("log_slave_updates"), yesNo(f.logReplicaUpdates));
    item(QStringLiteral("binlog_format"), orNone(f.binlogFormat));
    item(QStringLiteral("binlog position"), orNone(f.binlog.toString()));
    item(QStringLiteral("slave_net_timeout"), QStringLiteral("%1 s").arg(f.slaveNetTimeout));

    heading(QStringLiteral("GTID"));
    if (f.flavor == Flavor::MariaDB) {
        item(QStringLiteral("gtid_current_pos"), orNone(f.gtidCurrentPos));
        item(QStringLiteral("gtid_binlog_pos"), orNone(f.gtidBinlogPos));
        item(QStringLiteral("gtid_slave_pos"), orNone(f.gtidSlavePos));
        item(QStringLiteral("gtid_strict_mode"), yesNo(f.gtidStrictMode));
    } else {
        item(QStringLiteral("gtid_mode"), orNone(f.gtidMode));
        item(QStringLiteral("gtid_executed"), orNone(f.gtidExecuted));
        item(QStringLiteral("gtid_purged"), orNone(f.gtidPurged));
    }

    heading(f.channels.isEmpty() ? QStringLiteral("Replication: none (not a replica)")
                                 : QStringLiteral("Replication"));
    for (const ReplicationChannel &c : f.channels) {
        out << QStringLiteral("  connection '%1' from %2").arg(c.name, c.source.toString());
        item(QStringLiteral("  IO / SQL thread"),
             QStringLiteral("%1 / %2").arg(threadStateName(c.ioThread), threadStateName(c.sqlThread)));
        item(QStringLiteral("  IO state"), orNone(c.ioStateText));
        item(QStringLiteral("  seconds behind master"),
             c.secondsBehindMaster ? QString::number(*c.secondsBehindMaster) : QStringLiteral("NULL"));
        if (c.lastIoErrno)
            item(QStringLiteral("  last IO error"), QStringLiteral("%1 %2").arg(c.lastIoErrno).arg(c.lastIoError));
        if (c.lastSqlErrno)
            item(QStringLiteral("  last SQL error"), QStringLiteral("%1 %2").arg(c.lastSqlErrno).arg(c.lastSqlError));
        item(QStringLiteral("  SQL_Delay"), QStringLiteral("%1 s").arg(c.sqlDelay));
        item(QStringLiteral("  user"), c.sourceUser);
        if (!c.usingGtid.isEmpty())
            item(QStringLiteral("  Using_Gtid"), c.usingGtid);
        else
            item(QStringLiteral("  Auto_Position"), yesNo(c.autoPosition));
        if (!c.gtidIoPos.isEmpty())
            item(QStringLiteral("  Gtid_IO_Pos"), c.gtidIoPos);
        if (!c.retrievedGtidSet.isEmpty())
            item(QStringLiteral("  Retrieved_Gtid_Set"), c.retrievedGtidSet);
        if (!c.executedGtidSet.isEmpty())
            item(QStringLiteral("  Executed_Gtid_Set"), c.executedGtidSet);
        item(QStringLiteral("  read (received)"), orNone(c.readSourceLog.toString()));
        item(QStringLiteral("  executed (applied)"), orNone(c.execSourceLog.toString()));
        item(QStringLiteral("  relay log"), orNone(c.relayLog.toString()));
        item(QStringLiteral("  TLS to source"), yesNo(c.sslAllowed));
    }

    heading(QStringLiteral("Semi-synchronous replication"));
    const SemiSyncState &s = f.semiSync;
    item(QStringLiteral("source plugin"), s.sourcePluginLoaded ? QStringLiteral("loaded") : QStringLiteral("not loaded"));
    if (s.sourcePluginLoaded) {
        item(QStringLiteral("source enabled / active"), QStringLiteral("%1 / %2").arg(yesNo(s.sourceEnabled), yesNo(s.sourceActive)));
        item(QStringLiteral("source clients"), QString::number(s.sourceClients));
        item(QStringLiteral("waits for acks"), QString::number(s.waitForReplicaCount));
        item(QStringLiteral("timeout"), QStringLiteral("%1 ms").arg(s.timeoutMs));
        item(QStringLiteral("waiting sessions"), QString::number(s.waitSessions));
    }
    item(QStringLiteral("replica plugin"), s.replicaPluginLoaded ? QStringLiteral("loaded") : QStringLiteral("not loaded"));
    if (s.replicaPluginLoaded)
        item(QStringLiteral("replica enabled / active"), QStringLiteral("%1 / %2").arg(yesNo(s.replicaEnabled), yesNo(s.replicaActive)));

    heading(QStringLiteral("Replicas"));
    if (f.replicaKeys.isEmpty())
        out << QStringLiteral("  (none)");
    for (const InstanceKey &k : f.replicaKeys)
        out << QStringLiteral("  ") + k.toString();
    if (f.replicaKeysFromProcesslist)
        out << QStringLiteral("  (some from the processlist: no report_host; their port is assumed to be %1)")
                   .arg(f.key.port());
    for (const QString &name : f.rejectedReplicaNames)
        out << QStringLiteral("  WARNING: %1 (reported, not a host name; never connected to)").arg(name);
    return oneLineEach(out);
}

} // namespace Topograph::Cli
