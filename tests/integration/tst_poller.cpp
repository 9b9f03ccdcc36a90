// The Poller against a real sandbox, polling every second: one persistent connection per
// instance, a new replica picked up within two rounds, a frozen server not delaying the others,
// a killed server marked unreachable within one round (and, through the socket watch, within
// milliseconds), requestProbe answered at once, and the fleet resumed from the store.
//
// Times are taken in the poller's thread (a direct connection to snapshotReady), so they measure
// the engine, not this test's event loop.
#include "sandbox.h"

#include "discovery/poller.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QMutex>
#include <QTest>

#include <chrono>
#include <csignal>
#include <mutex>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {

constexpr int intervalMs = 1000;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Recorded
{
    qint64 ns = 0;
    TopologySnapshotPtr snapshot;
};

// Every snapshot a poller publishes, with the moment it was published. The poller's thread writes
// into a state the connection shares, so it stays valid whichever of the two is destroyed first.
class Recorder
{
public:
    void attach(Poller *poller)
    {
        QObject::connect(poller, &Poller::snapshotReady, poller, [state = m_state](const TopologySnapshotPtr &s) {
            std::lock_guard lock(state->mutex);
            state->all.push_back({nowNs(), s});
        }, Qt::DirectConnection);
    }
    std::vector<Recorded> since(qint64 ns) const
    {
        std::lock_guard lock(m_state->mutex);
        std::vector<Recorded> out;
        for (const Recorded &r : m_state->all)
            if (r.ns >= ns)
                out.push_back(r);
        return out;
    }
    // The first snapshot published at or after ns that satisfies pred, waiting up to timeoutMs.
    std::optional<Recorded> waitFor(qint64 ns, const std::function<bool(const TopologySnapshot &)> &pred,
                                    int timeoutMs) const
    {
        std::optional<Recorded> found;
        Sandbox::waitFor([&] {
            for (const Recorded &r : since(ns))
                if (pred(*r.snapshot)) {
                    found = r;
                    return true;
                }
            return false;
        }, timeoutMs);
        return found;
    }

private:
    struct State
    {
        std::mutex mutex;
        std::vector<Recorded> all;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace

class tst_Poller : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void discoversTheTreeFromAReplica();
    void onePersistentConnectionPerInstance();
    void requestProbePublishesAtOnce();
    void newReplicaWithinTwoRounds();
    void frozenNodeDoesNotDelayOthers();
    void killedMasterDetectedThroughItsSocket();
    void killedNodeWithinOneRoundWithoutSocketWatch();
    void storedFleetIsResumed();
    void tlsConnectionsAreWatchedQuietly();
    void accessDeniedAsksForTheLoginAgain();

private:
    Poller::Options options(const QList<InstanceKey> &seeds, bool watchSockets = true) const;
    InstanceKey key(const QString &node) const { return InstanceKey(QStringLiteral("127.0.0.1"), m_sb->port(node)); }
    bool reachable(const TopologySnapshot &s, const QString &node) const
    {
        const InstanceFacts *f = s.instance(key(node));
        return f && f->reachable && f->lastError == ProbeError::None;
    }

    std::unique_ptr<Sandbox> m_sb;
    QTemporaryDir m_dir;
    Recorder m_recorder;
    std::unique_ptr<PollerThread> m_thread;
};

Poller::Options tst_Poller::options(const QList<InstanceKey> &seeds, bool watchSockets) const
{
    Poller::Options o;
    o.seeds = seeds;
    o.intervalMs = intervalMs;
    o.watchSockets = watchSockets;
    o.storePath = m_dir.filePath(QStringLiteral("topograph.sqlite"));
    o.persistIntervalMs = 2000;
    o.connectionOptions = [user = m_sb->user(), pw = m_sb->password()](const InstanceKey &k) {
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        c.password = pw;
        c.sslMode = SslMode::Disabled; // defaults otherwise: connect 2000 ms, read 3000 ms
        return c;
    };
    return o;
}

void tst_Poller::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,c>d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    m_thread = std::make_unique<PollerThread>(options({key("b")}));
    m_recorder.attach(m_thread->poller());
    const qint64 t0 = nowNs();
    m_thread->start();
    const auto r = m_recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        return s.instances().size() == 4 && reachable(s, "a") && reachable(s, "d");
    }, 10000);
    QVERIFY(r);
    qInfo("whole tree known %lld ms after start from one replica", (r->ns - t0) / 1000000);
}

void tst_Poller::cleanupTestCase()
{
    m_thread.reset();
}

void tst_Poller::discoversTheTreeFromAReplica()
{
    const TopologySnapshotPtr s = m_thread->poller()->latestSnapshot();
    QVERIFY(s);
    const ClusterInfo *c = s->cluster(key("a").toString());
    QVERIFY(c);
    QCOMPARE(c->members, (QList<InstanceKey>{key("a"), key("b"), key("c"), key("d")}));
    QCOMPARE(s->replicasOf(key("c")), QList<InstanceKey>{key("d")});
}

void tst_Poller::onePersistentConnectionPerInstance()
{
    const Poller::Stats before = m_thread->poller()->stats();
    QTest::qWait(3 * intervalMs + 200);
    const Poller::Stats after = m_thread->poller()->stats();
    QVERIFY2(after.probes - before.probes >= 12, qPrintable(QString::number(after.probes - before.probes)));
    QCOMPARE(after.connects, qint64(4));
    QVERIFY(after.rounds - before.rounds >= 3);
}

void tst_Poller::requestProbePublishesAtOnce()
{
    const QDateTime checked = m_thread->poller()->latestSnapshot()->instance(key("c"))->lastChecked;
    const qint64 t0 = nowNs();
    m_thread->poller()->requestProbe({key("c")});
    const auto r = m_recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        const InstanceFacts *f = s.instance(key("c"));
        return f && f->lastChecked > checked;
    }, 2000);
    QVERIFY(r);
    const qint64 ms = (r->ns - t0) / 1000000;
    qInfo("requestProbe -> snapshot in %lld ms", ms);
    QVERIFY2(ms < 500, qPrintable(QString::number(ms))); // at once, not at the next round (1000 ms)
}

void tst_Poller::newReplicaWithinTwoRounds()
{
    QVERIFY2(m_sb->add(QStringLiteral("e"), QStringLiteral("c")), qPrintable(m_sb->error()));
    const qint64 t0 = nowNs(); // e is registered with c and streaming from here on
    const auto r = m_recorder.waitFor(t0, [&](const TopologySnapshot &s) { return reachable(s, "e"); },
                                      5 * intervalMs);
    QVERIFY(r);
    const qint64 ms = (r->ns - t0) / 1000000;
    qInfo("new replica e in a snapshot %lld ms after it started replicating", ms);
    QVERIFY(ms <= 2 * intervalMs);
    QCOMPARE(r->snapshot->clusterOf(key("e"))->master, key("a"));
    QCOMPARE(r->snapshot->replicasOf(key("c")), (QList<InstanceKey>{key("d"), key("e")}));
}

void tst_Poller::frozenNodeDoesNotDelayOthers()
{
    QVERIFY(m_sb->freeze(QStringLiteral("d")));
    const qint64 t0 = nowNs();
    QTest::qWait(4500); // longer than the read timeout (3 s)
    QVERIFY(m_sb->thaw(QStringLiteral("d")));

    // The others keep being probed every round: the largest gap between two successive probes of
    // any of them must stay about one interval.
    qint64 maxGapMs = 0;
    qint64 maxSnapshotGapMs = 0;
    QHash<QString, QDateTime> last;
    qint64 previousNs = t0;
    qint64 unreachableAtMs = -1;
    for (const Recorded &r : m_recorder.since(t0)) {
        maxSnapshotGapMs = std::max(maxSnapshotGapMs, (r.ns - previousNs) / 1000000);
        previousNs = r.ns;
        for (const char *n : {"a", "b", "c", "e"}) {
            const InstanceFacts *f = r.snapshot->instance(key(QLatin1String(n)));
            QVERIFY(f && f->reachable);
            const QDateTime prev = last.value(QLatin1String(n));
            if (prev.isValid() && f->lastChecked > prev)
                maxGapMs = std::max(maxGapMs, prev.msecsTo(f->lastChecked));
            last.insert(QLatin1String(n), f->lastChecked);
        }
        const InstanceFacts *d = r.snapshot->instance(key("d"));
        if (unreachableAtMs < 0 && d && !d->reachable) {
            unreachableAtMs = (r.ns - t0) / 1000000;
            QCOMPARE(d->lastError, ProbeError::Timeout);
        }
    }
    qInfo("while d was frozen: others probed at most %lld ms apart, snapshots at most %lld ms apart, "
          "d marked unreachable (timeout) after %lld ms", maxGapMs, maxSnapshotGapMs, unreachableAtMs);
    QVERIFY(maxGapMs > 0);
    QVERIFY(maxGapMs < intervalMs + 300);
    // once, when d starts hanging, a round waits for it until the round deadline (250 ms)
    QVERIFY(maxSnapshotGapMs < intervalMs + 250 + 100);
    QVERIFY(unreachableAtMs > 0 && unreachableAtMs < 3000 + intervalMs + 500);

    const qint64 t1 = nowNs();
    QVERIFY(m_recorder.waitFor(t1, [&](const TopologySnapshot &s) { return reachable(s, "d"); }, 6000));
}

void tst_Poller::killedMasterDetectedThroughItsSocket()
{
    const qint64 wakeupsBefore = m_thread->poller()->stats().socketWakeups;
    const qint64 pid = m_sb->pid(QStringLiteral("a"));
    QVERIFY(pid > 0);
    const qint64 t0 = nowNs();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0); // our own sandbox's server
    const auto dead = m_recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        const InstanceFacts *f = s.instance(key("a"));
        return f && !f->reachable;
    }, 3 * intervalMs);
    QVERIFY(dead);
    // The replicas' own view, re-probed at once: their IO threads fail to connect to a.
    const auto confirmed = m_recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        const InstanceFacts *a = s.instance(key("a"));
        if (!a || a->reachable)
            return false;
        for (const char *n : {"b", "c"}) {
            const InstanceFacts *f = s.instance(key(QLatin1String(n)));
            if (!f || !f->reachable || !f->primaryChannel() || !f->primaryChannel()->isFailingToConnect())
                return false;
        }
        return true;
    }, 3 * intervalMs);
    QVERIFY(confirmed);
    const double unreachableMs = (dead->ns - t0) / 1e6;
    const double confirmedMs = (confirmed->ns - t0) / 1e6;
    qInfo("kill -9 of the master -> unreachable in a published snapshot: %.1f ms; replicas failing to "
          "connect too: %.1f ms", unreachableMs, confirmedMs);
    QVERIFY(m_thread->poller()->stats().socketWakeups > wakeupsBefore);
    QVERIFY2(unreachableMs < 500, qPrintable(QString::number(unreachableMs))); // the socket watch, not the round (1000 ms)

    QVERIFY(Sandbox::waitFor([&] { return ::kill(pid_t(pid), 0) != 0; }, 5000)); // reaped
    QVERIFY2(m_sb->start(QStringLiteral("a")), qPrintable(m_sb->error()));
    const qint64 t1 = nowNs();
    QVERIFY(m_recorder.waitFor(t1, [&](const TopologySnapshot &s) { return reachable(s, "a"); }, 5000));
}

void tst_Poller::killedNodeWithinOneRoundWithoutSocketWatch()
{
    // A second poller that relies on the rounds alone.
    Poller::Options o = options({key("e")}, false);
    o.storePath.clear();
    Recorder recorder;
    PollerThread second(o);
    recorder.attach(second.poller());
    qint64 t0 = nowNs();
    second.start();
    QVERIFY(recorder.waitFor(t0, [&](const TopologySnapshot &s) { return reachable(s, "e"); }, 5000));
    QTest::qWait(intervalMs + 100); // e's connection is open and idle

    const qint64 pid = m_sb->pid(QStringLiteral("e"));
    t0 = nowNs();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    const auto dead = recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        const InstanceFacts *f = s.instance(key("e"));
        return f && !f->reachable;
    }, 3 * intervalMs);
    QVERIFY(dead);
    const qint64 ms = (dead->ns - t0) / 1000000;
    qInfo("kill -9 of a leaf -> unreachable without the socket watch: %lld ms (interval %d ms)", ms, intervalMs);
    QVERIFY(ms <= intervalMs + 100);
    QCOMPARE(dead->snapshot->instance(key("e"))->lastError, ProbeError::Unreachable);
    second.stop();
    QVERIFY(Sandbox::waitFor([&] { return ::kill(pid_t(pid), 0) != 0; }, 5000)); // reaped
    QVERIFY2(m_sb->start(QStringLiteral("e")), qPrintable(m_sb->error()));
}

void tst_Poller::storedFleetIsResumed()
{
    QTest::qWait(2 * intervalMs + 500); // past persistIntervalMs: lastSeen written
    m_thread->stop();
    QString error;
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("topograph.sqlite")), &error);
        QVERIFY2(store, qPrintable(error));
        QSet<InstanceKey> known;
        for (const Store::KnownInstance &k : store->knownInstances()) {
            known.insert(k.key);
            QCOMPARE(k.clusterName, key("a").toString());
            QVERIFY(k.lastSeen.isValid());
        }
        QCOMPARE(known, (QSet<InstanceKey>{key("a"), key("b"), key("c"), key("d"), key("e")}));
    }

    // A restart without any seed polls the same fleet.
    m_thread = std::make_unique<PollerThread>(options({}));
    m_recorder.attach(m_thread->poller());
    const qint64 t0 = nowNs();
    m_thread->start();
    const auto r = m_recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        for (const char *n : {"a", "b", "c", "d", "e"})
            if (!reachable(s, QLatin1String(n)))
                return false;
        return s.instances().size() == 5;
    }, 8000);
    QVERIFY(r);
    QCOMPARE(m_thread->poller()->stats().connects, qint64(5));
}

void tst_Poller::tlsConnectionsAreWatchedQuietly()
{
    // Over TLS the socket may carry bytes the server sends on its own (TLS 1.3 session tickets);
    // they must not be taken for a dying server: no wake-ups while all is well, and a kill is
    // still seen at once.
    Sandbox tls(QStringLiteral("t1>t2"), Sandbox::Options{true, false});
    QVERIFY2(tls.isUp(), qPrintable(tls.error()));
    Poller::Options o;
    o.seeds = {InstanceKey(QStringLiteral("127.0.0.1"), tls.port(QStringLiteral("t1")))};
    o.intervalMs = intervalMs;
    o.connectionOptions = [user = tls.user(), pw = tls.password(), ca = tls.tlsDir() + QStringLiteral("/ca.pem")](
                              const InstanceKey &k) {
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        c.password = pw;
        c.sslMode = SslMode::VerifyCa;
        c.sslCa = ca;
        return c;
    };
    Recorder recorder;
    PollerThread thread(o);
    recorder.attach(thread.poller());
    const qint64 t0 = nowNs();
    thread.start();
    const InstanceKey t2(QStringLiteral("127.0.0.1"), tls.port(QStringLiteral("t2")));
    QVERIFY(recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        const InstanceFacts *f = s.instance(t2);
        return s.instances().size() == 2 && f && f->reachable && f->lastError == ProbeError::None;
    }, 10000));
    QTest::qWait(3 * intervalMs);
    const Poller::Stats quiet = thread.poller()->stats();
    QCOMPARE(quiet.socketWakeups, qint64(0));
    QCOMPARE(quiet.connects, qint64(2));

    const qint64 pid = tls.pid(QStringLiteral("t2"));
    const qint64 t1 = nowNs();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    const auto dead = recorder.waitFor(t1, [&](const TopologySnapshot &s) {
        const InstanceFacts *f = s.instance(t2);
        return f && !f->reachable;
    }, 3 * intervalMs);
    QVERIFY(dead);
    qInfo("over TLS: kill -9 -> unreachable in %.1f ms", (dead->ns - t1) / 1e6);
    QVERIFY((dead->ns - t1) / 1000000 < 500); // the socket watch, not the round
    thread.stop();
}

void tst_Poller::accessDeniedAsksForTheLoginAgain()
{
    // A person stores the right password (keychain, connection manager) while the console runs:
    // the next probe after an access-denied one uses it, without a restart.
    QTemporaryDir dir;
    Poller::Options o = options({key("a")});
    o.storePath = dir.filePath(QStringLiteral("other.sqlite"));
    auto password = std::make_shared<QString>(QStringLiteral("wrong"));
    auto mutex = std::make_shared<QMutex>();
    o.connectionOptions = [user = m_sb->user(), password, mutex](const InstanceKey &k) {
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        QMutexLocker lock(mutex.get());
        c.password = *password;
        c.sslMode = SslMode::Disabled;
        return c;
    };
    Recorder recorder;
    PollerThread thread(o);
    recorder.attach(thread.poller());
    qint64 t0 = nowNs();
    thread.start();
    QVERIFY(recorder.waitFor(t0, [&](const TopologySnapshot &s) {
        const InstanceFacts *f = s.instance(key("a"));
        return f && f->lastError == ProbeError::AccessDenied;
    }, 8000));
    {
        QMutexLocker lock(mutex.get());
        *password = m_sb->password();
    }
    t0 = nowNs();
    const auto r = recorder.waitFor(t0, [&](const TopologySnapshot &s) { return reachable(s, "a"); }, 8000);
    QVERIFY(r);
    qInfo("access denied, then the right password: reachable %lld ms later", (r->ns - t0) / 1000000);
}

QTEST_GUILESS_MAIN(tst_Poller)
#include "tst_poller.moc"
