// Failover time on a real 4-node sandbox under write load (issue 6), and kill-to-DeadMaster
// detection latency (issue 5). Each run: a fresh sandbox a>b,a>c,a>d, the engine with
// AutoFailover on, a writer on a, then kill -9 of a. A separate thread watches the servers
// themselves over persistent connections every 2 ms and stops the clock when one survivor is
// writable and both others replicate from it (IO and SQL threads running). Lost writes = writes
// the old master acknowledged that the new master lacks.
//   build/bin/bench_failover [runs=10]
#include "engine/engine.h"
#include "engine/policystore.h"
#include "logging/logging.h"
#include "mysql/connection.h"
#include "fleet.h"
#include "sandbox.h"
#include "store/store.h"
#include "writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <signal.h>
#include <thread>

using namespace Topograph;
using Topograph::Test::Sandbox;
using Topograph::Test::Writer;

namespace {

struct Run
{
    bool ok = false;
    double detectMs = -1;
    double recoveredMs = -1;
    qint64 acked = 0;
    qint64 lost = 0;
    QString note;
};

Run oneRun()
{
    Run run;
    Sandbox sb(QStringLiteral("a>b,a>c,a>d"));
    if (!sb.isUp()) {
        run.note = sb.error();
        return run;
    }
    Writer::createTable(sb, QStringLiteral("a"));
    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
    {
        QString error;
        auto store = Store::open(storePath, &error);
        Policy p;
        p.autoFailover = true;
        p.recoverMasterClusterFilters = {QStringLiteral("*")};
        savePolicy(*store, p, QStringLiteral("bench"), &error);
    }
    auto key = [&](const QString &n) { return InstanceKey(QStringLiteral("127.0.0.1"), sb.port(n)); };
    Engine::Options o;
    o.storePath = storePath;
    o.seeds = {key(QStringLiteral("a"))};
    o.connectionOptions = [&sb](const InstanceKey &k) { return Topograph::Test::connectionOptions(sb, k); };
    Engine engine(o);
    QString error;
    if (!engine.start(&error)) {
        run.note = error;
        return run;
    }
    Sandbox::waitFor([&] {
        const auto s = engine.snapshot();
        return s && s->instances().size() == 4
               && std::all_of(s->instances().cbegin(), s->instances().cend(), [](const InstanceFacts &f) { return f.reachable; });
    }, 15000);

    QElapsedTimer clock;
    std::atomic<qint64> detectedNs{-1};
    QObject::connect(&engine, &Engine::analysisAppeared, &engine, [&](const Analysis &a) {
        if (a.code == AnalysisCode::DeadMaster && detectedNs < 0 && clock.isValid())
            detectedNs = clock.nsecsElapsed();
    });

    // The watcher's own connections, opened before the kill so it measures servers, not connects.
    const QStringList survivors{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")};
    std::vector<std::unique_ptr<Connection>> watch;
    for (const QString &n : survivors) {
        watch.push_back(std::make_unique<Connection>(Topograph::Test::connectionOptions(sb, key(n))));
        watch.back()->open();
    }

    Writer w(sb, QStringLiteral("a"));
    Sandbox::waitFor([&] { return w.acked() > 500; }, 10000);
    const qint64 pid = sb.pid(QStringLiteral("a"));
    std::atomic<qint64> recoveredNs{-1};
    std::atomic<int> winner{-1};
    std::atomic<bool> stopWatch{false};
    clock.start();
    ::kill(pid_t(pid), SIGKILL);
    std::thread watcher([&] {
        while (!stopWatch) {
            int writable = -1;
            for (int i = 0; i < 3; ++i) {
                const auto r = watch[i]->query(QStringLiteral("SELECT @@read_only AS ro"));
                if (r && r->first().text(QStringLiteral("ro")) == QLatin1String("0"))
                    writable = i;
            }
            if (writable >= 0) {
                bool all = true;
                for (int i = 0; i < 3 && all; ++i) {
                    if (i == writable)
                        continue;
                    const auto st = watch[i]->query(QStringLiteral("SHOW SLAVE STATUS"));
                    all = st && !st->isEmpty()
                          && st->first().text(QStringLiteral("Master_Port")) == QString::number(sb.port(survivors.at(writable)))
                          && st->first().text(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
                          && st->first().text(QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
                }
                if (all) {
                    recoveredNs = clock.nsecsElapsed();
                    winner = writable;
                    return;
                }
            }
            if (clock.elapsed() > 20000)
                return;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    Sandbox::waitFor([&] { return recoveredNs >= 0 || clock.elapsed() > 20000; }, 21000);
    stopWatch = true;
    watcher.join();
    w.stop();
    run.acked = w.acked();
    run.detectMs = detectedNs >= 0 ? detectedNs / 1e6 : -1;
    if (recoveredNs < 0) {
        run.note = QStringLiteral("no complete failover within 20 s");
        return run;
    }
    run.recoveredMs = recoveredNs / 1e6;
    const QString newMaster = survivors.at(winner);
    const qint64 present = sb.sql(newMaster, QStringLiteral("SELECT COUNT(*) FROM app.w WHERE id <= %1").arg(run.acked)).toLongLong();
    run.lost = run.acked - present;
    run.ok = true;
    engine.stop();
    return run;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return -1;
    return v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The engine's log goes to a file, so that stdout carries only the figures.
    Logging::Options logOptions;
    logOptions.appName = QStringLiteral("bench_failover");
    logOptions.directory = QDir::tempPath() + QStringLiteral("/topograph-bench-logs");
    Logging::initialize(logOptions);
    const int runs = argc > 1 ? qMax(1, atoi(argv[1])) : 10;
    QList<double> detect, recovered;
    qint64 lost = 0;
    int failed = 0;
    std::printf("run  detect(ms)  recovered(ms)  acked  lost\n");
    for (int i = 1; i <= runs; ++i) {
        const Run r = oneRun();
        if (!r.ok) {
            ++failed;
            std::printf("%3d  failed: %s\n", i, qPrintable(r.note));
            continue;
        }
        detect << r.detectMs;
        recovered << r.recoveredMs;
        lost += r.lost;
        std::printf("%3d  %10.1f  %13.1f  %5lld  %4lld\n", i, r.detectMs, r.recoveredMs, r.acked, r.lost);
        std::fflush(stdout);
    }
    std::printf("\nkill -9 -> DeadMaster:            median %.1f ms, max %.1f ms\n", median(detect),
                detect.isEmpty() ? -1 : *std::max_element(detect.begin(), detect.end()));
    std::printf("kill -9 -> survivor writable, others replicating from it: median %.1f ms, max %.1f ms\n",
                median(recovered), recovered.isEmpty() ? -1 : *std::max_element(recovered.begin(), recovered.end()));
    std::printf("lost acknowledged writes: %lld over %d runs; runs failed: %d\n", lost, int(recovered.size()), failed);
    return failed == 0 && lost == 0 ? 0 : 1;
}
