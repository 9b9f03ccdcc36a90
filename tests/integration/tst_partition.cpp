// No number of hung servers may blind the engine to the rest of the fleet (issue 14). One engine
// watches two real clusters: P, twelve servers (a master and eleven replicas), and Q, a 3-server
// star with AutoFailover on (filters cover Q only). Every server of P stops answering, then Q's
// master is killed with kill -9 under write load: Q's DeadMaster must be seen within 1 s and
// recovered with nothing acknowledged lost, while P is reported as not answering.
//
// P stops answering in two ways:
//  - frozen (SIGSTOP): the kernel still completes TCP handshakes, nobody answers;
//  - partitioned: every packet to or from P's ports is dropped (tc on the loopback of a network
//    namespace of this test's own, so nobody else's traffic is touched; see dropPackets()).
//    This needs root (or CAP_NET_ADMIN) and tc; without them that test is skipped and says why.
#include "discovery/reachabilitysummary.h"
#include "engine/engine.h"
#include "engine/policystore.h"
#include "fleet.h"
#include "sandbox.h"
#include "store/store.h"
#include "writer.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Topograph;
using Topograph::Test::Sandbox;
using Topograph::Test::Writer;

namespace {

constexpr int PServers = 12;

// Set by main() before any thread exists: the process runs in a network namespace of its own
// (with its loopback up), or says why not.
bool g_privateNetwork = false;
QString g_privateNetworkWhy;

bool bringLoopbackUp(QString *why)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *why = QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
    bool ok = ::ioctl(fd, SIOCGIFFLAGS, &ifr) == 0;
    if (ok) {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        ok = ::ioctl(fd, SIOCSIFFLAGS, &ifr) == 0;
    }
    if (!ok)
        *why = QStringLiteral("cannot bring lo up: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    ::close(fd);
    return ok;
}

void enterPrivateNetwork()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tc")).isEmpty()
        && QStandardPaths::findExecutable(QStringLiteral("tc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty()) {
        g_privateNetworkWhy = QStringLiteral("tc (iproute2) is not installed");
        return;
    }
    const int original = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (::unshare(CLONE_NEWNET) != 0) {
        g_privateNetworkWhy = QStringLiteral("cannot create a network namespace (unshare: %1; needs root or "
                                             "CAP_SYS_ADMIN)").arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (original >= 0)
            ::close(original);
        return;
    }
    if (!bringLoopbackUp(&g_privateNetworkWhy)) {
        if (original >= 0 && ::setns(original, CLONE_NEWNET) != 0)
            qFatal("cannot return to the original network namespace");
        ::close(original);
        return;
    }
    if (original >= 0)
        ::close(original);
    g_privateNetwork = true;
}

QString tcProgram()
{
    QString tc = QStandardPaths::findExecutable(QStringLiteral("tc"));
    if (tc.isEmpty())
        tc = QStandardPaths::findExecutable(QStringLiteral("tc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return tc;
}

bool tc(const QStringList &arguments, QString *error)
{
    QProcess p;
    p.start(tcProgram(), arguments);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("tc %1: %2").arg(arguments.join(QLatin1Char(' ')),
                                                QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

// Drops every packet to or from these ports on this namespace's loopback: u32 filters send them
// to an htb class whose queue holds nothing (pfifo limit 0), everything else goes to a class
// without limit. (This machine's kernel has no netem, prio or drop action; htb, u32 and pfifo are
// enough for the same effect: loss 100% on those ports.)
bool dropPackets(const QList<int> &ports, QString *error)
{
    if (!tc({"qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "20", "r2q", "10000"}, error)
        || !tc({"class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb", "rate", "1gbit"}, error)
        || !tc({"class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", "100gbit"}, error)
        || !tc({"qdisc", "add", "dev", "lo", "parent", "1:10", "handle", "10:", "pfifo", "limit", "0"}, error))
        return false;
    for (int port : ports)
        for (const char *direction : {"sport", "dport"})
            if (!tc({"filter", "add", "dev", "lo", "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip",
                     direction, QString::number(port), "0xffff", "flowid", "1:10"},
                    error))
                return false;
    return true;
}

bool stopDroppingPackets(QString *error)
{
    return tc({"qdisc", "del", "dev", "lo", "root"}, error);
}

} // namespace

class tst_Partition : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void frozenClusterDoesNotBlindTheOther();
    void partitionedClusterDoesNotBlindTheOther();
    void cleanupTestCase();

private:
    enum class Fault { Freeze, DropPackets };
    void run(Fault fault);
    InstanceKey pKey(const QString &node) const { return Topograph::Test::keyOf(*m_p, node); }

    std::unique_ptr<Sandbox> m_p;
};

void tst_Partition::initTestCase()
{
    QStringList spec;
    for (int i = 1; i < PServers; ++i)
        spec << QStringLiteral("a>%1").arg(QChar(QLatin1Char('a' + i)));
    m_p = std::make_unique<Sandbox>(spec.join(QLatin1Char(',')));
    QVERIFY2(m_p->isUp(), qPrintable(m_p->error()));
    QCOMPARE(m_p->nodes().size(), PServers);
    if (!g_privateNetwork)
        qInfo("packet-drop test will be skipped: %s", qPrintable(g_privateNetworkWhy));
}

void tst_Partition::cleanupTestCase()
{
    if (m_p)
        for (const QString &n : m_p->nodes())
            m_p->thaw(n);
}

void tst_Partition::frozenClusterDoesNotBlindTheOther()
{
    run(Fault::Freeze);
}

void tst_Partition::partitionedClusterDoesNotBlindTheOther()
{
    if (!g_privateNetwork)
        QSKIP(qPrintable(QStringLiteral("cannot drop packets here: %1").arg(g_privateNetworkWhy)));
    run(Fault::DropPackets);
}

void tst_Partition::run(Fault fault)
{
    Sandbox q(QStringLiteral("a>b,a>c"));
    QVERIFY2(q.isUp(), qPrintable(q.error()));
    QVERIFY(Writer::createTable(q, QStringLiteral("a")));
    const InstanceKey qMaster = Topograph::Test::keyOf(q, QStringLiteral("a"));

    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
    {
        QString error;
        auto store = Store::open(storePath, &error);
        QVERIFY2(store, qPrintable(error));
        Policy p;
        QVERIFY(p.set(QStringLiteral("AutoFailover"), QStringLiteral("on"), &error));
        QVERIFY2(p.set(QStringLiteral("RecoverMasterClusterFilters"), qMaster.toString(), &error), qPrintable(error));
        QVERIFY(p.set(QStringLiteral("RecoveryPeriodBlockSeconds"), QStringLiteral("3600"), &error));
        QVERIFY(savePolicy(*store, p, QStringLiteral("test"), &error));
    }

    Engine::Options o;
    o.storePath = storePath;
    o.seeds = {pKey(QStringLiteral("a")), qMaster};
    o.intervalMs = 1000;
    const Sandbox *p = m_p.get();
    o.connectionOptions = [p, &q](const InstanceKey &k) {
        // Both sandboxes have their own password; the port says whose server it is.
        for (const QString &n : p->nodes())
            if (p->port(n) == k.port())
                return Topograph::Test::connectionOptions(*p, k);
        return Topograph::Test::connectionOptions(q, k);
    };
    Engine engine(o);
    QList<RecoveryOutcome> finished;
    QHash<QString, qint64> appearedAt;
    QHash<InstanceKey, QDateTime> qLastChecked;
    qint64 qMaxGapMs = 0;
    bool measureQ = false;
    QObject::connect(&engine, &Engine::recoveryFinished, &engine,
                     [&](const QString &, const RecoveryOutcome &out) { finished << out; });
    QObject::connect(&engine, &Engine::analysisAppeared, &engine, [&](const Analysis &a) {
        const QString id = a.codeName() + QLatin1Char(' ') + a.instance.toString();
        if (!appearedAt.contains(id))
            appearedAt.insert(id, QDateTime::currentMSecsSinceEpoch());
    });
    QObject::connect(&engine, &Engine::snapshotUpdated, &engine, [&](const TopologySnapshotPtr &s) {
        for (const QString &n : q.nodes()) {
            const InstanceFacts *f = s->instance(Topograph::Test::keyOf(q, n));
            if (!f || !f->reachable)
                continue;
            const QDateTime prev = qLastChecked.value(f->key);
            if (measureQ && prev.isValid() && f->lastChecked > prev)
                qMaxGapMs = std::max(qMaxGapMs, prev.msecsTo(f->lastChecked));
            qLastChecked.insert(f->key, f->lastChecked);
        }
    });
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    auto countReachable = [&](const Sandbox &sb, bool wanted) {
        int n = 0;
        if (const auto s = engine.snapshot())
            for (const QString &node : sb.nodes())
                if (const InstanceFacts *f = s->instance(Topograph::Test::keyOf(sb, node)); f && f->reachable == wanted)
                    ++n;
        return n;
    };
    QVERIFY(Sandbox::waitFor([&] { return countReachable(*m_p, true) == PServers && countReachable(q, true) == 3; },
                             30000));

    // P stops answering.
    QElapsedTimer sinceFault;
    sinceFault.start();
    if (fault == Fault::Freeze) {
        for (const QString &n : m_p->nodes())
            QVERIFY2(m_p->freeze(n), qPrintable(m_p->error()));
    } else {
        QList<int> ports;
        for (const QString &n : m_p->nodes())
            ports << m_p->port(n);
        QVERIFY2(dropPackets(ports, &error), qPrintable(error));
    }
    auto restoreP = qScopeGuard([&] {
        QString e;
        if (fault == Fault::Freeze)
            for (const QString &n : m_p->nodes())
                m_p->thaw(n);
        else if (!stopDroppingPackets(&e))
            qWarning("%s", qPrintable(e));
    });
    QVERIFY2(Sandbox::waitFor([&] { return countReachable(*m_p, false) == PServers; }, 20000),
             qPrintable(QStringLiteral("%1 of P's servers seen as not answering").arg(countReachable(*m_p, false))));
    qInfo("all %d servers of P not answering in a snapshot %lld ms after the fault", PServers, sinceFault.elapsed());

    // Q keeps being polled every round while P hangs (the probes of P time out every round).
    measureQ = true;
    QTest::qWait(4000);
    QVERIFY2(qMaxGapMs > 0 && qMaxGapMs < 1300,
             qPrintable(QStringLiteral("Q's servers probed up to %1 ms apart while P hangs").arg(qMaxGapMs)));
    QCOMPARE(countReachable(q, true), 3);
    const auto s = engine.snapshot();
    const ClusterInfo *pCluster = s->clusterOf(pKey(QStringLiteral("a")));
    QVERIFY(pCluster);
    QCOMPARE(reachabilitySummaryText(reachabilitySummary(*s)),
             QStringLiteral("12 servers of cluster %1 are not answering; 3 others polled normally").arg(pCluster->name));
    // The hung servers keep their place in the tree and their last facts; lastChecked says how stale.
    const InstanceFacts *pb = s->instance(pKey(QStringLiteral("b")));
    QVERIFY(pb && !pb->reachable);
    QCOMPARE(pb->channels.value(0).source, pKey(QStringLiteral("a")));
    QVERIFY(pb->lastSeen.isValid() && pb->lastSeen < pb->lastChecked);
    bool cutOff = false;
    for (const Analysis &a : engine.analyses())
        cutOff = cutOff || (a.codeName() == QLatin1String("DeadMasterAndReplicas") && a.instance == pKey(QStringLiteral("a"))
                            && a.explanation.contains(QLatin1String("cut off")));
    QVERIFY2(cutOff, "P's master is not reported as DeadMasterAndReplicas (Topograph may be cut off from them)");
    qInfo("Q probed at most %lld ms apart while P hung; %s", qMaxGapMs,
          qPrintable(reachabilitySummaryText(reachabilitySummary(*s))));

    // Q's master dies under write load; semi-sync, so that every acknowledged write reached a replica.
    QVERIFY(q.semiSync(QStringLiteral("a"), {QStringLiteral("b"), QStringLiteral("c")}));
    Writer w(q, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 300; }, 10000));
    const qint64 pid = q.pid(QStringLiteral("a"));
    QVERIFY(pid > 0);
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0); // our own sandbox's server
    w.stop();
    const QString deadMaster = QStringLiteral("DeadMaster ") + qMaster.toString();
    QVERIFY2(Sandbox::waitFor([&] { return !finished.isEmpty(); }, 15000),
             qPrintable(QStringLiteral("no recovery of Q; analyses seen: %1").arg(QStringList(appearedAt.keys()).join(", "))));
    QVERIFY(appearedAt.contains(deadMaster));
    const qint64 detectedMs = appearedAt.value(deadMaster) - killedAt;
    const RecoveryOutcome out = finished.first();
    QVERIFY2(out.success, qPrintable(out.message));
    const QString winner = Topograph::Test::nodeOf(q, *out.successor);
    QStringList others{QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(others.removeAll(winner) == 1);
    auto replicatesFrom = [&](const QString &node, const QString &source) {
        const auto st = q.slaveStatus(node);
        return st.value(QStringLiteral("Master_Port")) == QString::number(q.port(source))
               && st.value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
               && st.value(QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
    };
    QVERIFY(Sandbox::waitFor([&] {
        return replicatesFrom(others.first(), winner) && q.sql(winner, QStringLiteral("SELECT @@read_only")) == QLatin1String("0");
    }, 5000));
    const qint64 convergedMs = QDateTime::currentMSecsSinceEpoch() - killedAt;
    const qint64 rows = q.sql(winner, QStringLiteral("SELECT COUNT(*) FROM app.w")).toLongLong();
    qInfo("with P %s: kill -9 of Q's master -> DeadMaster in %lld ms, recovery %lld ms, converged (seen from "
          "outside) %lld ms; %lld acked writes, %lld on %s",
          fault == Fault::Freeze ? "frozen" : "dropping packets", detectedMs, out.elapsedMs, convergedMs, w.acked(),
          rows, qPrintable(winner));
    QVERIFY2(detectedMs <= 1000, qPrintable(QStringLiteral("DeadMaster after %1 ms").arg(detectedMs)));
    // Semi-sync: every acknowledged write is in some replica's relay log, so the winner has all of
    // them (the survivors converge on it without holes).
    QVERIFY2(rows >= w.acked(), qPrintable(QStringLiteral("acked %1, new master has %2").arg(w.acked()).arg(rows)));
    QCOMPARE(q.sql(winner, QStringLiteral("SELECT COUNT(*) = MAX(id) FROM app.w")), QStringLiteral("1"));
    QVERIFY(Sandbox::waitFor([&] {
        return q.sql(others.first(), QStringLiteral("SELECT COUNT(*) FROM app.w")).toLongLong() == rows;
    }, 5000));
    // P is not covered by the filters: detected, never recovered.
    QCOMPARE(finished.size(), 1);
    engine.stop();
}

int main(int argc, char *argv[])
{
    enterPrivateNetwork(); // before any thread: every later thread and child inherits it
    QCoreApplication app(argc, argv);
    tst_Partition test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_partition.moc"
