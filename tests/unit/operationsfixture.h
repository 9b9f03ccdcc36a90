#pragma once

// The snapshot fixture of tst_operations and tst_operations_fileposplans: m (master) > a, b, c;
// a > a1; x is a former master (its own cluster). MariaDB 10.11, ROW, log_bin + log_slave_updates,
// domain 0, every replica by GTID (Using_Gtid=Slave_Pos) at binlog.000001:1000 of its source.
// fixture() applies small mutations, "who.what[=value]" (e.g. "b.filepos", "c.lag=600").
#include "model/topologysnapshot.h"

#include <QMap>
#include <QStringList>

namespace Topograph::OperationsFixture {

inline InstanceKey key(const QString &n)
{
    static const QStringList names { "m", "a", "b", "c", "a1", "x" };
    return InstanceKey(QStringLiteral("db-%1").arg(n), 3306 + int(names.indexOf(n)));
}

inline InstanceFacts node(const QString &n, const QString &source, const QString &pos)
{
    InstanceFacts f;
    f.key = key(n);
    f.reachable = true;
    f.flavor = Flavor::MariaDB;
    f.version = QStringLiteral("10.11.6-MariaDB");
    f.serverId = quint32(f.key.port());
    f.logBin = true;
    f.logReplicaUpdates = true;
    f.binlogFormat = QStringLiteral("ROW");
    f.readOnly = !source.isEmpty();
    f.gtidCurrentPos = pos;
    f.gtidBinlogPos = pos;
    if (!source.isEmpty()) {
        ReplicationChannel ch;
        ch.source = key(source);
        ch.ioThread = ThreadState::Running;
        ch.sqlThread = ThreadState::Running;
        ch.secondsBehindMaster = 0;
        ch.usingGtid = QStringLiteral("Slave_Pos");
        ch.sourceUser = QStringLiteral("repl");
        ch.readSourceLog = ch.execSourceLog = { QStringLiteral("binlog.000001"), 1000 };
        f.channels << ch;
    }
    return f;
}

// m writes as server 3306: "0-3306-100".
inline TopologySnapshotPtr fixture(const QStringList &mutations)
{
    QMap<QString, InstanceFacts> n;
    n["m"] = node("m", {}, "0-3306-100");
    n["a"] = node("a", "m", "0-3306-100");
    n["b"] = node("b", "m", "0-3306-100");
    n["c"] = node("c", "m", "0-3306-100");
    n["a1"] = node("a1", "a", "0-3306-100");
    n["x"] = node("x", {}, "0-3311-90");
    TopologySnapshot::Input in;
    for (const QString &m : mutations) {
        const QString who = m.section(QLatin1Char('.'), 0, 0);
        const QString what = m.section(QLatin1Char('.'), 1);
        const QString field = what.section(QLatin1Char('='), 0, 0);
        const QString value = what.section(QLatin1Char('='), 1);
        InstanceFacts &f = n[who];
        if (field == "noLogSlaveUpdates")
            f.logReplicaUpdates = false;
        else if (field == "noLogBin")
            f.logBin = false;
        else if (field == "version")
            f.version = value;
        else if (field == "user")
            f.channels[0].sourceUser = value;
        else if (field == "format")
            f.binlogFormat = value;
        else if (field == "pos")
            f.gtidCurrentPos = f.gtidBinlogPos = value;
        else if (field == "stopped") {
            f.channels[0].ioThread = f.channels[0].sqlThread = ThreadState::Stopped;
            f.channels[0].secondsBehindMaster.reset();
        } else if (field == "lag")
            f.channels[0].secondsBehindMaster = value.toInt();
        else if (field == "unreachable")
            f.reachable = false;
        else if (field == "mysqlNoGtid") {
            f.flavor = Flavor::MySQL;
            f.version = QStringLiteral("8.0.36");
            f.gtidMode = QStringLiteral("OFF");
            for (ReplicationChannel &ch : f.channels)
                ch.usingGtid.clear(); // MySQL has Auto_Position (0 here), no Using_Gtid
        } else if (field == "filepos")
            f.channels[0].usingGtid = QStringLiteral("No");
        else if (field == "sqlStopped") {
            f.channels[0].sqlThread = ThreadState::Stopped;
            f.channels[0].lastSqlError = QStringLiteral("Duplicate entry '7' for key 'PRIMARY'");
            f.channels[0].secondsBehindMaster.reset();
        } else if (field == "ioStopped") {
            f.channels[0].ioThread = ThreadState::Stopped;
            f.channels[0].secondsBehindMaster.reset();
        } else if (field == "writable")
            f.readOnly = false;
        else if (field == "noExecPos")
            f.channels[0].execSourceLog = {};
        else if (field == "downtime")
            in.downtimes.insert(f.key,
                Downtime { QDateTime::currentDateTimeUtc().addSecs(3600),
                    QStringLiteral("disk swap"), QStringLiteral("dba") });
        else if (field == "maintenance")
            in.maintenance.insert(f.key);
        else if (field == "mustNot")
            in.promotionRules.insert(f.key, PromotionRule::MustNot);
        else if (field == "detached")
            f.channels[0].source = InstanceKey(
                QStringLiteral("//") + f.channels[0].source.host(), f.channels[0].source.port());
        else
            qFatal("unknown mutation %s", qPrintable(m));
    }
    in.instances = n.values();
    return TopologySnapshot::build(in);
}

} // namespace Topograph::OperationsFixture
