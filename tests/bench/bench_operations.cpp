// validate() cost for every (dragged, target) pair of a 2,000-instance synthetic snapshot (the
// GUI calls it on every hover of a drag), and the write-blocked time of a graceful takeover on a
// real sandbox under write load.
//   build/bin/bench_operations [pairs=all|N] [takeovers=10]
// Synthetic fleet: 20 MariaDB clusters of 100 (master > 9 intermediate masters > 10 replicas
// each), a few replicas without log_slave_updates, a few stopped, a few older versions, so that
// accepted and refused hovers (descendant, errant across clusters, versions, ...) are all timed.
// The same fleet is timed again with every replica on file:pos (Using_Gtid=No), where only moves
// below the grandparent or a sibling are accepted.
#include "discovery/discovery.h"
#include "logging/logging.h"
#include "mysql/connection.h"
#include "operations/operationexecutor.h"
#include "sandbox.h"
#include "store/store.h"
#include "writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {

TopologySnapshotPtr syntheticFleet(int clusters, int perCluster, bool filepos)
{
    TopologySnapshot::Input in;
    for (int c = 0; c < clusters; ++c) {
        const QString host = QStringLiteral("c%1-db").arg(c);
        auto key = [&](int i) {
            return InstanceKey(QStringLiteral("%1%2.example.com").arg(host).arg(i), 3306);
        };
        const quint32 masterId = quint32(c * 1000 + 1);
        const QString pos = QStringLiteral("0-%1-%2").arg(masterId).arg(100000 + c);
        for (int i = 0; i < perCluster; ++i) {
            InstanceFacts f;
            f.key = key(i);
            f.reachable = true;
            f.flavor = Flavor::MariaDB;
            f.version = (i % 37 == 5) ? QStringLiteral("10.6.16-MariaDB")
                                      : QStringLiteral("10.11.6-MariaDB");
            f.serverId = quint32(c * 1000 + 1 + i);
            f.logBin = true;
            f.logReplicaUpdates = i % 23 != 7;
            f.binlogFormat = QStringLiteral("ROW");
            f.gtidCurrentPos = f.gtidBinlogPos = pos;
            if (i > 0) {
                ReplicationChannel ch;
                ch.source = i <= 9 ? key(0) : key(1 + (i - 10) / 10);
                const bool stopped = i % 41 == 3;
                ch.ioThread = ch.sqlThread = stopped ? ThreadState::Stopped : ThreadState::Running;
                if (!stopped)
                    ch.secondsBehindMaster = i % 5;
                ch.usingGtid = filepos ? QStringLiteral("No") : QStringLiteral("Slave_Pos");
                ch.readSourceLog = ch.execSourceLog = { QStringLiteral("binlog.000012"), 4567 + i };
                f.channels << ch;
                f.readOnly = true;
                if (i % 53 == 11) // a replica that is behind
                    f.gtidCurrentPos = f.gtidBinlogPos
                        = QStringLiteral("0-%1-%2").arg(masterId).arg(99000 + c);
            }
            in.instances << f;
        }
    }
    return TopologySnapshot::build(in);
}

void benchValidate(qint64 pairsWanted, bool filepos)
{
    const auto snap = syntheticFleet(20, 100, filepos);
    const QList<InstanceKey> keys = snap->instances().keys();
    const qint64 all = qint64(keys.size()) * keys.size();
    const qint64 pairs = pairsWanted <= 0 ? all : std::min(pairsWanted, all);
    std::vector<qint32> ns;
    ns.reserve(size_t(pairs));
    qint64 accepted = 0;
    OperationRequest r;
    r.kind = OperationKind::Relocate;
    QRandomGenerator rng(42);
    QElapsedTimer total;
    total.start();
    for (qint64 n = 0; n < pairs; ++n) {
        const qint64 idx = pairs == all ? n : qint64(rng.bounded(quint64(all)));
        r.instance = keys.at(idx / keys.size());
        r.target = keys.at(idx % keys.size());
        const auto t0 = std::chrono::steady_clock::now();
        const OperationPlan p = validate(*snap, r);
        const auto t1 = std::chrono::steady_clock::now();
        ns.push_back(qint32(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()));
        accepted += p.ok ? 1 : 0;
    }
    const double seconds = total.elapsed() / 1000.0;
    std::sort(ns.begin(), ns.end());
    auto pct
        = [&](double q) { return ns[std::min(ns.size() - 1, size_t(q * ns.size()))] / 1000.0; };
    std::printf(
        "validate(relocate X below Y), %s, %lld instances, %lld of %lld pairs%s, %.1f s in all\n",
        filepos ? "replicas by file:pos" : "replicas by GTID", qint64(keys.size()), pairs, all,
        pairs == all ? " (every pair)" : " (random sample)", seconds);
    std::printf("  accepted %lld, refused %lld\n", accepted, pairs - accepted);
    std::printf("  per call: median %.2f us, p99 %.2f us, p99.9 %.2f us, max %.1f us\n", pct(0.5),
        pct(0.99), pct(0.999), ns.back() / 1000.0);

    // the other hover-time checks, once per instance
    for (OperationKind k :
        { OperationKind::GracefulTakeover, OperationKind::MoveUp, OperationKind::TakeSiblings }) {
        std::vector<qint32> t;
        OperationRequest q;
        q.kind = k;
        for (const InstanceKey &key : keys) {
            q.instance = key;
            const auto t0 = std::chrono::steady_clock::now();
            const OperationPlan p = validate(*snap, q);
            const auto t1 = std::chrono::steady_clock::now();
            Q_UNUSED(p);
            t.push_back(
                qint32(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count()));
        }
        std::sort(t.begin(), t.end());
        std::printf("validate(%s) x %zu: median %.2f us, max %.1f us\n",
            qPrintable(operationKindName(k)), t.size(), t[t.size() / 2] / 1000.0,
            t.back() / 1000.0);
    }
}

ConnectionOptions optionsFor(const Sandbox &sb, const InstanceKey &k, bool app = false)
{
    ConnectionOptions o;
    o.key = k;
    o.user = app ? QStringLiteral("app") : sb.user();
    o.password = app ? sb.appPassword() : sb.password();
    o.connectTimeoutMs = 1000;
    o.readTimeoutMs = 3000;
    return o;
}

void benchTakeover(int runs)
{
    Sandbox sb(QStringLiteral("a>b,a>c"));
    if (!sb.isUp()) {
        std::printf("takeover: sandbox failed: %s\n", qPrintable(sb.error()));
        return;
    }
    Topograph::Test::Writer::createTable(sb, QStringLiteral("a"));
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.filePath(QStringLiteral("s.sqlite")), &error);
    auto key
        = [&](const QString &n) { return InstanceKey(QStringLiteral("127.0.0.1"), sb.port(n)); };
    const QStringList nodes { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };

    // An application that writes to whichever server accepts: one connection per server, it
    // tries the one that last worked, then the others. The gap between two acknowledged writes
    // around the switch is what the application saw.
    std::atomic<bool> stop { false };
    std::atomic<qint64> acked { 0 };
    std::atomic<qint64> maxGapUs { 0 };
    std::atomic<bool> measuring { false };
    std::thread app([&] {
        QList<std::shared_ptr<Connection>> conns;
        for (const QString &n : nodes) {
            conns << std::make_shared<Connection>(optionsFor(sb, key(n), true));
            conns.last()->open();
        }
        int current = 0;
        qint64 id = 0;
        auto last = std::chrono::steady_clock::now();
        while (!stop) {
            bool ok = false;
            for (int t = 0; t < conns.size() && !ok; ++t) {
                const int i = (current + t) % conns.size();
                if (!conns[i]->isOpen() && !conns[i]->open())
                    continue;
                if (conns[i]->execute(
                        QStringLiteral("INSERT INTO app.w (id) VALUES (%1)").arg(id + 1))) {
                    ok = true;
                    current = i;
                }
            }
            const auto now = std::chrono::steady_clock::now();
            if (ok) {
                ++id;
                acked = id;
                const qint64 gap
                    = std::chrono::duration_cast<std::chrono::microseconds>(now - last).count();
                if (measuring && gap > maxGapUs)
                    maxGapUs = gap;
                last = now;
            }
        }
    });

    QList<double> blocked, seen, total;
    QString master = QStringLiteral("a");
    for (int run = 0; run < runs; ++run) {
        const QString to = master == QLatin1String("a") ? QStringLiteral("b") : QStringLiteral("a");
        Discovery::Options o;
        o.connectionOptions = [&](const InstanceKey &k) { return optionsFor(sb, k); };
        QList<InstanceKey> seeds;
        for (const QString &n : nodes)
            seeds << key(n);
        // the previous old master needs a moment to be seen replicating with small lag
        Sandbox::waitFor(
            [&] {
                return sb.slaveStatus(to).value(QStringLiteral("Slave_SQL_Running"))
                    == QLatin1String("Yes")
                    && sb.slaveStatus(to).value(QStringLiteral("Seconds_Behind_Master"))
                    == QLatin1String("0");
            },
            10000);
        const auto r = Discovery::discover(seeds, o);
        OperationExecutor ex(
            *store, Policy(), [&](const InstanceKey &k) { return optionsFor(sb, k); });
        ex.setReplicationPassword(sb.replicationPassword());
        OperationRequest req;
        req.kind = OperationKind::GracefulTakeover;
        req.instance = key(to);
        req.replicationUser = QStringLiteral("repl");
        maxGapUs = 0;
        measuring = true;
        const OperationOutcome out = ex.execute(*r.snapshot, req);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(200)); // the app's first write on the new master
        measuring = false;
        if (!out.success) {
            std::printf("  run %d: %s -> %s failed: %s\n", run + 1, qPrintable(master),
                qPrintable(to), qPrintable(out.message));
            break;
        }
        blocked << out.writeBlockedMs;
        seen << maxGapUs / 1000.0;
        total << out.elapsedMs;
        std::printf("  run %d: %s -> %s: write-blocked %lld ms (executor), longest gap between "
                    "acknowledged writes %.1f ms, "
                    "takeover %lld ms\n",
            run + 1, qPrintable(master), qPrintable(to), out.writeBlockedMs, maxGapUs / 1000.0,
            out.elapsedMs);
        master = to;
    }
    stop = true;
    app.join();
    // 0 lost writes: every acknowledged id is on the final master, without a gap
    const qint64 rows = sb.sql(master, QStringLiteral("SELECT COUNT(*) FROM app.w")).toLongLong();
    const QString noGap = sb.sql(master, QStringLiteral("SELECT COUNT(*) = MAX(id) FROM app.w"));
    auto median = [](QList<double> v) {
        if (v.isEmpty())
            return -1.0;
        std::sort(v.begin(), v.end());
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    };
    std::printf(
        "graceful takeover on a 3-node MariaDB 10.11 sandbox under write load, %lld runs:\n",
        qint64(blocked.size()));
    std::printf("  write-blocked (read_only on old master -> new master writable): median %.0f ms, "
                "max %.0f ms\n",
        median(blocked),
        blocked.isEmpty() ? -1.0 : *std::max_element(blocked.begin(), blocked.end()));
    std::printf("  as the application saw it (longest gap between acknowledged writes): median "
                "%.1f ms, max %.1f ms\n",
        median(seen), seen.isEmpty() ? -1.0 : *std::max_element(seen.begin(), seen.end()));
    std::printf("  whole takeover: median %.0f ms\n", median(total));
    std::printf("  writes acknowledged %lld, rows on the final master %lld, ids without gap: %s\n",
        qint64(acked), rows, qPrintable(noGap));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Logging::Options logOptions;
    logOptions.appName = QStringLiteral("bench_operations");
    logOptions.directory = QDir::tempPath() + QStringLiteral("/topograph-bench-logs");
    Logging::initialize(logOptions);
    qint64 pairs = 0;
    int takeovers = 10;
    if (argc > 1 && QString::fromLatin1(argv[1]) != QLatin1String("all"))
        pairs = QString::fromLatin1(argv[1]).toLongLong();
    if (argc > 2)
        takeovers = QString::fromLatin1(argv[2]).toInt();
    benchValidate(pairs, false);
    benchValidate(pairs, true);
    if (takeovers > 0)
        benchTakeover(takeovers);
    return 0;
}
