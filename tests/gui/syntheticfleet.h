#pragma once

// Synthetic snapshots for GUI tests and bench_gui: no server involved.
#include "model/topologysnapshot.h"

#include <QStringList>

namespace Topograph::Test {

inline InstanceFacts syntheticInstance(const QString &host, const QString &source = {})
{
    InstanceFacts f;
    f.key = InstanceKey(host, 3306);
    f.reachable = true;
    f.serverId = quint32(qHash(host) % 100000 + 1);
    f.version = QStringLiteral("10.11.6-MariaDB-log");
    f.flavor = Flavor::MariaDB;
    f.logBin = true;
    f.logReplicaUpdates = true;
    f.binlogFormat = QStringLiteral("ROW");
    f.lastChecked = f.lastSeen = QDateTime::currentDateTimeUtc();
    if (!source.isEmpty()) {
        ReplicationChannel c;
        c.source = InstanceKey(source, 3306);
        c.ioThread = ThreadState::Running;
        c.sqlThread = ThreadState::Running;
        c.secondsBehindMaster = 0;
        c.usingGtid = QStringLiteral("Slave_Pos");
        f.channels << c;
        f.readOnly = true;
    }
    return f;
}

// "a>b,a>c,c>d": edges source>replica; a node alone ("a") is a master without replicas.
inline TopologySnapshotPtr syntheticSnapshot(const QString &spec, qint64 sequence = 1)
{
    TopologySnapshot::Input in;
    QMap<QString, QString> sourceOf;
    QStringList order;
    for (const QString &edge : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList p = edge.split(QLatin1Char('>'));
        for (const QString &n : p)
            if (!order.contains(n))
                order << n;
        if (p.size() == 2)
            sourceOf.insert(p.at(1), p.at(0));
    }
    for (const QString &n : order)
        in.instances << syntheticInstance(n, sourceOf.value(n));
    in.sequence = sequence;
    return TopologySnapshot::build(in);
}

// A fleet of `count` instances in clusters of about 100: master, 8 intermediate masters, leaves.
inline QList<InstanceFacts> syntheticFleet(int count, int clusterSize = 100)
{
    QList<InstanceFacts> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int c = i / clusterSize, j = i % clusterSize;
        const QString host = QStringLiteral("db-%1-%2").arg(c, 3, 10, QLatin1Char('0')).arg(j, 3, 10, QLatin1Char('0'));
        QString source;
        if (j > 0 && j <= 8)
            source = QStringLiteral("db-%1-000").arg(c, 3, 10, QLatin1Char('0'));
        else if (j > 8)
            source = QStringLiteral("db-%1-%2").arg(c, 3, 10, QLatin1Char('0')).arg(1 + j % 8, 3, 10, QLatin1Char('0'));
        out << syntheticInstance(host, source);
    }
    return out;
}

} // namespace Topograph::Test
