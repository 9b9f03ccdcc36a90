// Polls a real 8-node MariaDB sandbox at InstancePollSeconds=1 for 30 s (or argv[1] seconds) and
// prints: probe latency p50/p99/max, process CPU time per probe (getrusage over the measured
// window / probes), connections opened (must equal the instance count: one persistent connection
// each), snapshots published and statements per probe.
//
//   build/bin/bench_poll [SECONDS]
//   build/bin/bench_poll partition [SECONDS]   healthy servers while 0, 12, 60 are frozen (bench_poll_partition.cpp)
//   build/bin/bench_poll scale [SECONDS]       40 real servers, then 2,000 and 10,000 simulated (bench_poll_scale.cpp)
#include "benchpoll.h"
#include "sandbox.h"

#include "discovery/instancesession.h"
#include "discovery/poller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>
#include <cctype>
#include <cstring>
#include <mutex>

using namespace Topograph;
using namespace Topograph::Bench;
using Topograph::Test::Sandbox;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const char *mode = argc > 1 && !std::isdigit(static_cast<unsigned char>(argv[1][0])) ? argv[1] : "";
    const int secondsArg = *mode ? 2 : 1;
    const int given = argc > secondsArg ? std::max(1, atoi(argv[secondsArg])) : 0;
    if (!std::strcmp(mode, "partition"))
        return runPartition(given ? given : 20);
    if (!std::strcmp(mode, "scale"))
        return runScale(given ? given : 60);
    if (*mode) {
        std::fprintf(stderr, "bench_poll: unknown mode '%s'; use partition, scale, or a number of seconds\n", mode);
        return 2;
    }
    const int seconds = given ? given : 30;

    std::printf("starting an 8-node sandbox...\n");
    Sandbox sb(QStringLiteral("a>b,a>c,a>d,b>e,b>f,c>g,g>h"));
    if (!sb.isUp()) {
        std::fprintf(stderr, "sandbox failed: %s\n", qPrintable(sb.error()));
        return 1;
    }
    const int instances = int(sb.nodes().size());

    Poller::Options o;
    o.seeds = {InstanceKey(QStringLiteral("127.0.0.1"), sb.port(QStringLiteral("a")))};
    o.intervalMs = 1000;
    o.connectionOptions = [user = sb.user(), pw = sb.password()](const InstanceKey &k) {
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        c.password = pw;
        c.sslMode = SslMode::Disabled;
        return c;
    };
    PollerThread thread(o);

    // Every probe result appears in a snapshot with a new lastChecked; collect its probeMicros.
    std::mutex mutex;
    bool measuring = false;
    std::vector<qint64> latencies;
    QHash<InstanceKey, QDateTime> lastChecked;
    qint64 snapshots = 0;
    bool allUp = false;
    QObject::connect(thread.poller(), &Poller::snapshotReady, thread.poller(), [&](const TopologySnapshotPtr &s) {
        std::lock_guard lock(mutex);
        int up = 0;
        for (const InstanceFacts &f : s->instances()) {
            up += f.reachable && f.lastError == ProbeError::None ? 1 : 0;
            if (lastChecked.value(f.key) == f.lastChecked)
                continue;
            lastChecked.insert(f.key, f.lastChecked);
            if (measuring)
                latencies.push_back(f.probeMicros);
        }
        allUp = up == instances;
        if (measuring)
            ++snapshots;
    }, Qt::DirectConnection);

    thread.start();
    if (!Sandbox::waitFor([&] { std::lock_guard lock(mutex); return allUp; }, 15000)) {
        std::fprintf(stderr, "the poller did not see all %d instances\n", instances);
        return 1;
    }
    const Poller::Stats before = thread.poller()->stats();
    const double cpuBefore = cpuSeconds();
    {
        std::lock_guard lock(mutex);
        measuring = true;
    }
    std::printf("polling %d instances every 1 s for %d s...\n", instances, seconds);
    QElapsedTimer wall;
    wall.start();
    // The main thread sleeps: the recorder runs in the poller's thread, so the process CPU time
    // measured is the poller's and its workers'.
    QThread::msleep(ulong(seconds) * 1000);
    {
        std::lock_guard lock(mutex);
        measuring = false;
    }
    const double cpu = cpuSeconds() - cpuBefore;
    const Poller::Stats after = thread.poller()->stats();
    thread.stop();

    // Statements per steady-state probe, on a session of our own.
    InstanceSession session(o.connectionOptions(o.seeds.first()));
    InstanceFacts f;
    f.key = o.seeds.first();
    f = session.probe(f);
    f = session.probe(f);
    if (f.lastError != ProbeError::None)
        std::fprintf(stderr, "probe of %s: %s\n", qPrintable(f.key.toString()), qPrintable(f.lastErrorText));

    const qint64 probes = after.probes - before.probes;
    std::lock_guard lock(mutex);
    std::printf("\nbench_poll: %d instances, interval 1 s, %.1f s measured\n", instances, wall.elapsed() / 1000.0);
    std::printf("  probes                 %lld (%.2f per instance per second)\n", probes,
                double(probes) / instances / (wall.elapsed() / 1000.0));
    std::printf("  probe latency          p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu samples)\n",
                percentile(latencies, 0.50) / 1000.0, percentile(latencies, 0.99) / 1000.0,
                percentile(latencies, 1.0) / 1000.0, latencies.size());
    std::printf("  CPU per probe          %.1f us (process user+sys %.3f s over the window)\n",
                probes ? cpu / double(probes) * 1e6 : 0.0, cpu);
    std::printf("  connections opened     %lld for %d instances (%s)\n", after.connects, instances,
                after.connects == instances ? "one persistent connection each" : "MORE THAN ONE PER INSTANCE");
    std::printf("  snapshots published    %lld\n", snapshots);
    std::printf("  statements per probe   %d (steady state)\n", session.lastStatementCount());
    return after.connects == instances ? 0 : 2;
}
