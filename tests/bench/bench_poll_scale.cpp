// bench_poll scale: what polling costs as the fleet grows.
//  1. 40 real servers (four 10-node sandboxes) polled every 1 s for SECONDS: CPU per probe,
//     threads, file descriptors, connections, probe latency.
//  2. simulated fleets of 2,000 and 10,000 instances: fakemysqld processes (tests/support) serve
//     one fake MariaDB master per loopback address (127.10.0.1, ...), each answering the probe's
//     statements, so the poller runs its real code over real sockets; the poll interval is chosen
//     for about 2,000 probes a second (what two shared cores take beside the fake servers). Prints
//     CPU per probe (this process: the poller and its reactor), resident memory, threads, fds,
//     probe latency and the gap between two probes of one instance.
#include "benchpoll.h"
#include "benchutil.h"
#include "sandbox.h"

#include "discovery/poller.h"
#include "fleet.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <arpa/inet.h>

#include <cstdio>

namespace Topograph::Bench {

using Topograph::Test::Sandbox;

namespace {

constexpr int FakePort = 13306;
constexpr int PerFakeProcess = 4000; // a listener and a connection each: 8,000 descriptors

struct Figures
{
    int instances = 0;
    int intervalMs = 0;
    double seconds = 0;
    qint64 probes = 0;
    double cpuPerProbeUs = 0;
    double rss = 0;
    int threads = 0;
    int fds = 0;
    qint64 connects = 0;
    int open = 0;
    double p50 = 0, p99 = 0, gapP99 = 0;
};

double peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

// Polls `keys` every intervalMs until all answer, then measures for `seconds`.
std::optional<Figures> measure(const QList<InstanceKey> &keys, const ConnectionOptionsProvider &provider,
                               int intervalMs, int seconds)
{
    Poller::Options o;
    o.seeds = keys;
    o.intervalMs = intervalMs;
    o.connectionOptions = provider;
    PollerThread thread(o);
    ProbeRecorder recorder;
    QSet<InstanceKey> sample;
    for (qsizetype i = 0; i < keys.size(); i += std::max<qsizetype>(1, keys.size() / 500))
        sample.insert(keys.at(i));
    recorder.watch(sample);
    QObject::connect(thread.poller(), &Poller::snapshotReady, thread.poller(),
                     [&recorder](const TopologySnapshotPtr &s) { recorder.record(*s); }, Qt::DirectConnection);
    thread.start();
    auto answering = [&] {
        const auto s = thread.poller()->latestSnapshot();
        int n = 0;
        if (s)
            for (const InstanceFacts &f : s->instances())
                n += f.reachable && f.lastError == ProbeError::None;
        return n;
    };
    if (!Sandbox::waitFor([&] { return answering() == keys.size(); }, 30000 + intervalMs * 3)) {
        std::fprintf(stderr, "only %d of %lld instances answer\n", answering(), qlonglong(keys.size()));
        return std::nullopt;
    }
    QThread::msleep(ulong(2 * intervalMs)); // steady state: plans made, connections open
    const Poller::Stats before = thread.poller()->stats();
    recorder.setMeasuring(true);
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    // The main thread sleeps: the CPU measured is the poller's (and the recorder's sample).
    QThread::msleep(ulong(seconds) * 1000);
    Figures fig;
    const double cpu = cpuSeconds() - cpuBefore;
    recorder.setMeasuring(false);
    const Poller::Stats after = thread.poller()->stats();
    fig.instances = int(keys.size());
    fig.intervalMs = intervalMs;
    fig.seconds = wall.elapsed() / 1000.0;
    fig.probes = after.probes - before.probes;
    fig.cpuPerProbeUs = fig.probes ? cpu / double(fig.probes) * 1e6 : 0;
    fig.rss = rssMiB();
    fig.threads = threadCount();
    fig.fds = descriptorCount();
    fig.connects = after.connects;
    fig.open = after.openConnections;
    const auto lat = recorder.latencyUs();
    fig.p50 = percentile(lat, 0.5) / 1000.0;
    fig.p99 = percentile(lat, 0.99) / 1000.0;
    fig.gapP99 = percentile(recorder.gapMs(), 0.99);
    if (!after.limitError.isEmpty())
        std::printf("  limit: %s\n", qPrintable(after.limitError));
    thread.stop();
    return fig;
}

void print(const char *what, const Figures &f)
{
    std::printf("%s: %d instances every %.1f s, %.0f s measured\n", what, f.instances, f.intervalMs / 1000.0, f.seconds);
    std::printf("  probes                 %lld (%.0f a second)\n", f.probes, double(f.probes) / f.seconds);
    std::printf("  CPU per probe          %.1f us\n", f.cpuPerProbeUs);
    std::printf("  resident memory        %.1f MiB (peak %.1f MiB)\n", f.rss, peakRssMiB());
    std::printf("  threads                %d\n", f.threads);
    std::printf("  file descriptors       %d; connections opened %lld, open %d (%s)\n", f.fds, f.connects, f.open,
                f.connects == f.instances ? "one each" : "NOT ONE EACH");
    std::printf("  probe latency          p50 %.2f ms, p99 %.2f ms; gap between probes p99 %.0f ms\n", f.p50, f.p99,
                f.gapP99);
    std::fflush(stdout);
}

QString dotted(uint32_t a)
{
    in_addr in{htonl(a)};
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &in, text, sizeof text);
    return QString::fromLatin1(text);
}

// The addresses fakemysqld serves from `first`, `count` of them (it skips .0 and .255).
QList<InstanceKey> fakeKeys(uint32_t first, int count)
{
    QList<InstanceKey> keys;
    for (uint32_t a = first; keys.size() < count; ++a)
        if ((a & 0xff) != 0 && (a & 0xff) != 0xff)
            keys << InstanceKey(dotted(a), FakePort);
    return keys;
}

} // namespace

int runScale(int seconds)
{
    // 1. Real servers.
    std::vector<std::unique_ptr<Sandbox>> sandboxes;
    QStringList star;
    for (int i = 1; i < 10; ++i)
        star << QStringLiteral("a>%1").arg(QChar(QLatin1Char('a' + i)));
    QList<InstanceKey> seeds;
    QHash<int, const Sandbox *> owner;
    for (int c = 0; c < 4; ++c) {
        std::printf("starting 10-node sandbox %d of 4...\n", c + 1);
        std::fflush(stdout);
        sandboxes.push_back(std::make_unique<Sandbox>(star.join(QLatin1Char(','))));
        if (!sandboxes.back()->isUp()) {
            std::fprintf(stderr, "sandbox failed: %s\n", qPrintable(sandboxes.back()->error()));
            return 1;
        }
        for (const QString &n : sandboxes.back()->nodes()) {
            owner.insert(sandboxes.back()->port(n), sandboxes.back().get());
            seeds << Topograph::Test::keyOf(*sandboxes.back(), n);
        }
    }
    std::printf("polling 40 real servers every 1 s for %d s...\n", seconds);
    std::fflush(stdout);
    const auto real = measure(seeds, [&owner](const InstanceKey &k) {
        return Topograph::Test::connectionOptions(*owner.value(k.port()), k);
    }, 1000, seconds);
    if (!real)
        return 1;
    sandboxes.clear(); // their CPU and memory are not the simulated fleet's
    print("\nbench_poll scale, real servers", *real);

    // 2. Simulated fleets.
    std::vector<Figures> simulated;
    for (int n : {2000, 10000}) {
        const int processes = (n + PerFakeProcess - 1) / PerFakeProcess;
        std::vector<std::unique_ptr<QProcess>> fakes;
        QList<InstanceKey> keys;
        for (int p = 0; p < processes; ++p) {
            const int count = std::min(PerFakeProcess, n - p * PerFakeProcess);
            const uint32_t first = (127u << 24) | (uint32_t(10 + p) << 16) | 1u;
            auto proc = std::make_unique<QProcess>();
            proc->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            proc->start(QStringLiteral(TOPOGRAPH_BIN_DIR "/fakemysqld"),
                        {QStringLiteral("--first"), dotted(first), QStringLiteral("--count"), QString::number(count),
                         QStringLiteral("--port"), QString::number(FakePort)});
            if (!proc->waitForReadyRead(30000) || !proc->readLine().startsWith("ready")) {
                std::fprintf(stderr, "fakemysqld did not start\n");
                return 1;
            }
            keys << fakeKeys(first, count);
            fakes.push_back(std::move(proc));
        }
        const int intervalMs = std::max(1000, n / 2);
        const int window = std::max(20, seconds / 2);
        std::printf("\npolling %d simulated instances every %.1f s for %d s...\n", n, intervalMs / 1000.0, window);
        std::fflush(stdout);
        const auto fig = measure(keys, [](const InstanceKey &k) {
            ConnectionOptions c;
            c.key = k;
            c.user = QStringLiteral("topograph");
            c.password = QStringLiteral("any"); // fakemysqld accepts every login
            c.sslMode = SslMode::Disabled;
            return c;
        }, intervalMs, window);
        for (auto &p : fakes) {
            p->terminate();
            p->waitForFinished(5000);
        }
        if (!fig)
            return 1;
        print("bench_poll scale, simulated", *fig);
        simulated.push_back(*fig);
    }
    std::printf("\nbench_poll scale summary\n");
    std::printf("  %-10s %-9s %-14s %-12s %-8s %-6s %-20s\n", "instances", "interval", "CPU per probe", "RSS", "threads",
                "fds", "probe p50/p99");
    simulated.insert(simulated.begin(), *real);
    for (const Figures &f : simulated)
        std::printf("  %-10d %-9.1f %8.1f us    %6.1f MiB   %-8d %-6d %.2f / %.2f ms\n", f.instances, f.intervalMs / 1000.0,
                    f.cpuPerProbeUs, f.rss, f.threads, f.fds, f.p50, f.p99);
    return 0;
}

} // namespace Topograph::Bench
