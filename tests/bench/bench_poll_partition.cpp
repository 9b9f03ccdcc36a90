// bench_poll partition: does a hung part of the fleet slow the healthy part? One engine watches an
// 8-node healthy sandbox H and five 12-node clusters F1..F5 (60 servers), polling every 1 s.
// For M = 0, 12 and 60 servers of F frozen (SIGSTOP), it measures for SECONDS the probes of H:
// latency p50/p99 and the gap between two probes of one server (interval + round lag), and then
// fails over a fresh 3-node cluster Q under write load (kill -9 of its master, AutoFailover on
// for Q only): kill -> DeadMaster, and kill -> converged as seen from outside (the survivor
// writable, the other replicating from it).
#include "benchpoll.h"
#include "sandbox.h"
#include "writer.h"

#include "engine/engine.h"
#include "engine/policystore.h"
#include "fleet.h"
#include "store/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <csignal>
#include <cstdio>

namespace Topograph::Bench {

using Topograph::Test::Sandbox;
using Topograph::Test::Writer;

namespace {

constexpr int FrozenClusters = 5;
constexpr int FrozenPerCluster = 12;

bool setRecoverFilter(const QString &storePath, const QString &filter)
{
    QString error;
    auto store = Store::open(storePath, &error);
    Policy p;
    if (store)
        if (const auto loaded = loadPolicy(*store, &error))
            p = *loaded;
    const bool ok = store && p.set(QStringLiteral("AutoFailover"), QStringLiteral("on"), &error)
                    && p.set(QStringLiteral("RecoverMasterClusterFilters"), filter, &error)
                    && savePolicy(*store, p, QStringLiteral("bench_poll"), &error);
    if (!ok)
        std::fprintf(stderr, "policy: %s\n", qPrintable(error));
    return ok;
}

struct Phase
{
    int frozen = 0;
    double p50 = 0, p99 = 0, gapP50 = 0, gapP99 = 0, gapMax = 0;
    size_t samples = 0;
    qint64 detectMs = -1, convergedMs = -1, recoveryMs = -1;
    qint64 acked = 0, kept = 0;
};

} // namespace

int runPartition(int seconds)
{
    std::printf("starting the healthy 8-node sandbox H...\n");
    std::fflush(stdout);
    Sandbox h(QStringLiteral("a>b,a>c,a>d,b>e,b>f,c>g,g>h"));
    if (!h.isUp()) {
        std::fprintf(stderr, "sandbox failed: %s\n", qPrintable(h.error()));
        return 1;
    }
    QStringList star;
    for (int i = 1; i < FrozenPerCluster; ++i)
        star << QStringLiteral("a>%1").arg(QChar(QLatin1Char('a' + i)));
    std::vector<std::unique_ptr<Sandbox>> frozen;
    for (int c = 0; c < FrozenClusters; ++c) {
        // One cluster at a time: 12 servers starting at once is what this machine takes comfortably.
        std::printf("starting cluster F%d (%d servers)...\n", c + 1, FrozenPerCluster);
        std::fflush(stdout);
        frozen.push_back(std::make_unique<Sandbox>(star.join(QLatin1Char(','))));
        if (!frozen.back()->isUp()) {
            std::fprintf(stderr, "sandbox failed: %s\n", qPrintable(frozen.back()->error()));
            return 1;
        }
    }

    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
    if (!setRecoverFilter(storePath, QStringLiteral("127.0.0.1:1")))
        return 1;
    // Whose server is it: the port says (every sandbox has its own password).
    QHash<int, const Sandbox *> owner;
    auto own = [&](const Sandbox &sb) {
        for (const QString &n : sb.nodes())
            owner.insert(sb.port(n), &sb);
    };
    own(h);
    for (const auto &f : frozen)
        own(*f);
    std::mutex ownerMutex;
    Engine::Options o;
    o.storePath = storePath;
    o.seeds = {Topograph::Test::keyOf(h, QStringLiteral("a"))};
    for (const auto &f : frozen)
        o.seeds << Topograph::Test::keyOf(*f, QStringLiteral("a"));
    o.intervalMs = 1000;
    o.connectionOptions = [&](const InstanceKey &k) {
        std::lock_guard lock(ownerMutex);
        const Sandbox *sb = owner.value(k.port(), &h);
        return Topograph::Test::connectionOptions(*sb, k);
    };
    Engine engine(o);
    ProbeRecorder recorder;
    QSet<InstanceKey> healthy;
    for (const QString &n : h.nodes())
        healthy.insert(Topograph::Test::keyOf(h, n));
    recorder.watch(healthy);
    QHash<QString, qint64> appearedAt;
    QList<RecoveryOutcome> finished;
    QObject::connect(&engine, &Engine::snapshotUpdated, &engine, [&](const TopologySnapshotPtr &s) { recorder.record(*s); });
    QObject::connect(&engine, &Engine::analysisAppeared, &engine, [&](const Analysis &a) {
        appearedAt.insert(a.codeName() + QLatin1Char(' ') + a.instance.toString(), QDateTime::currentMSecsSinceEpoch());
    });
    QObject::connect(&engine, &Engine::recoveryFinished, &engine,
                     [&](const QString &, const RecoveryOutcome &out) { finished << out; });
    QString error;
    if (!engine.start(&error)) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(error));
        return 1;
    }
    auto count = [&](const QList<const Sandbox *> &sbs, bool reachable) {
        int n = 0;
        const auto s = engine.snapshot();
        for (const Sandbox *sb : sbs)
            for (const QString &node : sb->nodes())
                if (const InstanceFacts *f = s ? s->instance(Topograph::Test::keyOf(*sb, node)) : nullptr;
                    f && f->reachable == reachable)
                    ++n;
        return n;
    };
    QList<const Sandbox *> all{&h};
    for (const auto &f : frozen)
        all << f.get();
    const int total = int(h.nodes().size()) + FrozenClusters * FrozenPerCluster;
    if (!Sandbox::waitFor([&] { return count(all, true) == total; }, 60000)) {
        std::fprintf(stderr, "the engine did not see all %d servers answering\n", total);
        return 1;
    }

    std::vector<Phase> phases;
    int frozenSoFar = 0;
    for (int m : {0, 12, 60}) {
        Phase ph;
        ph.frozen = m;
        QList<const Sandbox *> frozenSandboxes;
        for (int c = 0; c * FrozenPerCluster < m; ++c) {
            frozenSandboxes << frozen.at(size_t(c)).get();
            if ((c + 1) * FrozenPerCluster > frozenSoFar)
                for (const QString &n : frozen.at(size_t(c))->nodes())
                    frozen.at(size_t(c))->freeze(n);
        }
        frozenSoFar = m;
        std::printf("\nM = %d frozen: waiting until the engine sees them as not answering...\n", m);
        std::fflush(stdout);
        if (!Sandbox::waitFor([&] { return count(frozenSandboxes, false) == m; }, 30000)) {
            std::fprintf(stderr, "only %d of %d frozen servers seen as not answering\n", count(frozenSandboxes, false), m);
            return 1;
        }
        Sandbox::waitFor([] { return false; }, 3000); // past the first timeouts of the frozen ones
        recorder.setMeasuring(true);
        Sandbox::waitFor([] { return false; }, seconds * 1000);
        recorder.setMeasuring(false);
        const auto lat = recorder.latencyUs();
        const auto gaps = recorder.gapMs();
        ph.samples = lat.size();
        ph.p50 = percentile(lat, 0.5) / 1000.0;
        ph.p99 = percentile(lat, 0.99) / 1000.0;
        ph.gapP50 = percentile(gaps, 0.5);
        ph.gapP99 = percentile(gaps, 0.99);
        ph.gapMax = percentile(gaps, 1.0);
        std::printf("  healthy probes: p50 %.2f ms, p99 %.2f ms (%zu); gap between probes p50 %.0f, p99 %.0f, max %.0f ms\n",
                    ph.p50, ph.p99, ph.samples, ph.gapP50, ph.gapP99, ph.gapMax);
        std::fflush(stdout);

        // A fresh cluster Q fails over while M servers hang.
        {
            Sandbox q(QStringLiteral("a>b,a>c"));
            if (!q.isUp() || !Writer::createTable(q, QStringLiteral("a"))) {
                std::fprintf(stderr, "sandbox Q failed: %s\n", qPrintable(q.error()));
                return 1;
            }
            {
                std::lock_guard lock(ownerMutex);
                own(q);
            }
            const InstanceKey qMaster = Topograph::Test::keyOf(q, QStringLiteral("a"));
            if (!setRecoverFilter(storePath, qMaster.toString()))
                return 1;
            engine.requestProbe({qMaster});
            if (!Sandbox::waitFor([&] { return count({&q}, true) == 3; }, 15000)) {
                std::fprintf(stderr, "Q not seen\n");
                return 1;
            }
            Sandbox::waitFor([] { return false; }, 1500); // the policy is re-read within a second
            finished.clear();
            Writer w(q, QStringLiteral("a"));
            Sandbox::waitFor([&] { return w.acked() > 100; }, 10000);
            const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
            ::kill(pid_t(q.pid(QStringLiteral("a"))), SIGKILL);
            w.stop();
            QString winner;
            const bool converged = Sandbox::waitFor([&] {
                if (finished.isEmpty() || !finished.first().successor)
                    return false;
                winner = Topograph::Test::nodeOf(q, *finished.first().successor);
                const QString other = winner == QLatin1String("b") ? QStringLiteral("c") : QStringLiteral("b");
                const auto st = q.slaveStatus(other);
                return st.value(QStringLiteral("Master_Port")) == QString::number(q.port(winner))
                       && st.value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
                       && q.sql(winner, QStringLiteral("SELECT @@read_only")) == QLatin1String("0");
            }, 20000);
            if (converged) {
                ph.convergedMs = QDateTime::currentMSecsSinceEpoch() - killedAt;
                ph.detectMs = appearedAt.value(QStringLiteral("DeadMaster ") + qMaster.toString(), killedAt - 1) - killedAt;
                ph.recoveryMs = finished.first().elapsedMs;
                ph.acked = w.acked();
                ph.kept = q.sql(winner, QStringLiteral("SELECT COUNT(*) FROM app.w")).toLongLong();
            }
            std::printf("  Q failover: kill -9 -> DeadMaster %lld ms, recovery %lld ms, converged %lld ms; %lld acked, %lld kept\n",
                        ph.detectMs, ph.recoveryMs, ph.convergedMs, ph.acked, ph.kept);
            std::fflush(stdout);
            std::lock_guard lock(ownerMutex);
            for (const QString &n : q.nodes())
                owner.remove(q.port(n));
        }
        phases.push_back(ph);
    }
    for (const auto &f : frozen)
        for (const QString &n : f->nodes())
            f->thaw(n);
    engine.stop();

    std::printf("\nbench_poll partition: %lld healthy servers polled at 1 s, %d s measured per phase\n",
                qlonglong(h.nodes().size()), seconds);
    std::printf("  %-9s %-22s %-30s %-36s\n", "frozen", "healthy probe p50/p99", "gap between probes p50/p99/max",
                "Q kill->DeadMaster / ->converged");
    for (const Phase &p : phases)
        std::printf("  %-9d %6.2f / %6.2f ms       %5.0f / %5.0f / %5.0f ms        %5lld / %5lld ms (%lld acked, %lld on the new master)\n",
                    p.frozen, p.p50, p.p99, p.gapP50, p.gapP99, p.gapMax, p.detectMs, p.convergedMs, p.acked, p.kept);
    return 0;
}

} // namespace Topograph::Bench
