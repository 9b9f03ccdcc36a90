// Analysis time for synthetic fleets of 100, 1,000 and 10,000 instances: many small clusters
// (a master, three replicas, one of them an intermediate master with a replica of its own) and a
// few deep chains, with failures injected (dead masters, dead intermediate masters, lag, SQL
// errors, errant GTIDs, writable replicas). Prints median and max time per analyze() call and the
// time per instance, whose flatness across sizes shows the growth is linear.
//
// Run: build/bin/bench_analysis [repetitions]   (not registered with ctest)

#include "analysis/analyzer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Topograph;

namespace {

struct Fleet
{
    QList<InstanceFacts> instances;
    int clusters = 0;
};

InstanceKey keyOf(int n)
{
    return InstanceKey(QStringLiteral("10.%1.%2.%3").arg(n / 65536).arg((n / 256) % 256).arg(n % 256), 3306);
}

InstanceFacts server(int n, int serverId)
{
    InstanceFacts f;
    f.key = keyOf(n);
    f.reachable = true;
    f.serverId = quint32(serverId);
    f.flavor = Flavor::MariaDB;
    f.version = QStringLiteral("10.11.6-MariaDB-log");
    f.logBin = true;
    f.logReplicaUpdates = true;
    f.binlogFormat = QStringLiteral("ROW");
    f.readOnly = true;
    f.gtidStrictMode = true;
    f.gtidBinlogPos = QStringLiteral("0-%1-100000").arg(serverId);
    f.gtidCurrentPos = f.gtidBinlogPos;
    return f;
}

InstanceFacts replicaOf(int n, int serverId, const InstanceFacts &source, const QString &currentPos)
{
    InstanceFacts f = server(n, serverId);
    ReplicationChannel c;
    c.source = source.key;
    c.ioThread = c.sqlThread = ThreadState::Running;
    c.usingGtid = QStringLiteral("Slave_Pos");
    c.secondsBehindMaster = 0;
    f.channels.append(c);
    f.gtidCurrentPos = currentPos;
    f.gtidBinlogPos = currentPos;
    return f;
}

void kill(InstanceFacts &f)
{
    f.reachable = false;
    f.lastError = ProbeError::Unreachable;
    f.lastErrorText = QStringLiteral("connection refused");
}

void failingToConnect(InstanceFacts &f)
{
    f.channels.first().ioThread = ThreadState::Connecting;
    f.channels.first().lastIoErrno = 2003;
    f.channels.first().secondsBehindMaster = std::nullopt;
}

Fleet makeFleet(int size)
{
    Fleet fleet;
    int next = 1;
    // A few deep chains: depth grows with the fleet up to 100.
    const int chains = size >= 10000 ? 4 : size >= 1000 ? 3 : 2;
    const int depth = std::min(100, size / 10);
    for (int c = 0; c < chains; ++c) {
        ++fleet.clusters;
        const int masterId = next;
        InstanceFacts master = server(next++, masterId);
        master.readOnly = false;
        fleet.instances.append(master);
        InstanceFacts prev = master;
        for (int d = 1; d < depth; ++d) {
            InstanceFacts r = replicaOf(next, next, prev, master.gtidBinlogPos);
            ++next;
            if (c == 0 && d == depth / 2)
                kill(r); // a dead link in the middle of the first chain
            else if (c == 0 && d == depth / 2 + 1)
                failingToConnect(r);
            fleet.instances.append(r);
            prev = r;
        }
    }
    // Many small clusters of five: M <- R1 <- R4, M <- R2, M <- R3.
    int cluster = 0;
    while (next + 5 <= size + 1) {
        ++fleet.clusters;
        ++cluster;
        const int m = next;
        InstanceFacts master = server(next++, m);
        master.readOnly = false;
        const QString pos = master.gtidBinlogPos;
        InstanceFacts r1 = replicaOf(next, next, master, pos);
        ++next;
        InstanceFacts r2 = replicaOf(next, next, master, pos);
        ++next;
        InstanceFacts r3 = replicaOf(next, next, master, pos);
        ++next;
        InstanceFacts r4 = replicaOf(next, next, r1, pos);
        ++next;
        if (cluster % 20 == 0) { // dead master, replicas fail to connect
            kill(master);
            failingToConnect(r1);
            failingToConnect(r2);
            failingToConnect(r3);
        } else if (cluster % 20 == 7) { // dead intermediate master
            kill(r1);
            failingToConnect(r4);
        } else if (cluster % 20 == 11) { // unreachable master, replicas still streaming
            master.reachable = false;
            master.lastError = ProbeError::Timeout;
        }
        if (cluster % 30 == 3)
            r2.channels.first().secondsBehindMaster = 120;
        if (cluster % 25 == 5) { // a local write on r3
            r3.gtidCurrentPos = QStringLiteral("0-%1-100001").arg(r3.serverId);
        }
        if (cluster % 33 == 9) {
            r3.channels.first().sqlThread = ThreadState::Stopped;
            r3.channels.first().lastSqlErrno = 1062;
            r3.channels.first().lastSqlError = QStringLiteral("Duplicate entry");
        }
        if (cluster % 50 == 13)
            r2.readOnly = false;
        fleet.instances << master << r1 << r2 << r3 << r4;
    }
    // Top up with lone masters so that the fleet has exactly `size` instances.
    while (next <= size) {
        ++fleet.clusters;
        InstanceFacts lone = server(next, next);
        lone.readOnly = false;
        ++next;
        fleet.instances.append(lone);
    }
    return fleet;
}

struct Stats
{
    double median = 0, max = 0;
};

Stats measure(const TopologySnapshot &snapshot, int repetitions, qsizetype *analyses)
{
    QList<double> ms;
    ms.reserve(repetitions);
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer t;
        t.start();
        const QList<Analysis> result = analyze(snapshot);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        *analyses = result.size();
    }
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.last()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(3, QString::fromLocal8Bit(argv[1]).toInt()) : 31;
    std::printf("analyze() on synthetic fleets, %d runs each (first run included)\n", repetitions);
    std::printf("%10s %9s %10s %12s %12s %16s\n", "instances", "clusters", "analyses", "median ms", "max ms",
                "median us/inst");
    QList<double> perInstanceBySize;
    for (int size : {100, 1000, 10000}) {
        const Fleet fleet = makeFleet(size);
        TopologySnapshot::Input in;
        in.instances = fleet.instances;
        const TopologySnapshotPtr snapshot = TopologySnapshot::build(in);
        qsizetype analyses = 0;
        const Stats s = measure(*snapshot, repetitions, &analyses);
        const double perInstance = s.median * 1000.0 / double(fleet.instances.size());
        perInstanceBySize.append(perInstance);
        std::printf("%10lld %9d %10lld %12.3f %12.3f %16.2f\n", static_cast<long long>(fleet.instances.size()),
                    fleet.clusters, static_cast<long long>(analyses), s.median, s.max, perInstance);
    }
    // 1.0 = perfectly linear; the 100-instance fleet fits in cache, so it is a little cheaper.
    std::printf("median time per instance, 1,000 vs 100: x%.2f; 10,000 vs 1,000: x%.2f (1.0 = linear)\n",
                perInstanceBySize.at(1) / perInstanceBySize.at(0), perInstanceBySize.at(2) / perInstanceBySize.at(1));
    return 0;
}
