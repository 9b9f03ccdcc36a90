// Probe and Discovery against real MariaDB servers: every fact the probe promises is read from a
// live server, a tree and a chain are found the same from any node, NULL lag stays NULL, a source
// nobody knew is probed (or kept, unreachable), and a bad seed gives a clear error in bounded time.
#include "sandbox.h"

#include "discovery/discovery.h"
#include "discovery/instancesession.h"

#include <QElapsedTimer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {

int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

Discovery::Options options(const Sandbox &sb, const QString &password = {})
{
    Discovery::Options o;
    const QString pw = password.isEmpty() ? sb.password() : password;
    o.connectionOptions = [user = sb.user(), pw](const InstanceKey &k) {
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        c.password = pw;
        c.sslMode = SslMode::Disabled;
        c.connectTimeoutMs = 1000;
        c.readTimeoutMs = 1500;
        return c;
    };
    return o;
}

InstanceKey keyOf(const Sandbox &sb, const QString &node)
{
    return InstanceKey(QStringLiteral("127.0.0.1"), sb.port(node));
}

// "a[a,b,c,d]" with sandbox node names, clusters in order.
QString describe(const Sandbox &sb, const TopologySnapshot &s)
{
    QHash<int, QString> names;
    for (const QString &n : sb.nodes())
        names.insert(sb.port(n), n);
    QStringList out;
    for (const ClusterInfo &c : s.clusters()) {
        QStringList members;
        for (const InstanceKey &k : c.members) {
            const InstanceFacts *f = s.instance(k);
            members << names.value(k.port(), k.toString()) + (f && !f->reachable ? QStringLiteral("!") : QString());
        }
        out << names.value(c.master.port(), c.master.toString()) + QLatin1Char('[') + members.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    out.sort();
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_Discovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void probeReadsEveryFact();
    void steadyStateProbeIsFiveStatements();
    void treeFromAnyNode_data();
    void treeFromAnyNode();
    void chainFromAnyNode_data();
    void chainFromAnyNode();
    void nullSecondsBehindMaster();
    void unknownSourceIsProbedOrKept();
    void deadMasterSeenFromItsReplica();
    void badSeeds();
    void frozenSeedIsBounded();

private:
    std::unique_ptr<Sandbox> m_tree;
    std::unique_ptr<Sandbox> m_chain;
};

void tst_Discovery::initTestCase()
{
    m_tree = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,c>d"));
    QVERIFY2(m_tree->isUp(), qPrintable(m_tree->error()));
    m_chain = std::make_unique<Sandbox>(QStringLiteral("x>y,y>z"));
    QVERIFY2(m_chain->isUp(), qPrintable(m_chain->error()));
}

void tst_Discovery::probeReadsEveryFact()
{
    Sandbox &sb = *m_tree;
    // a server just started reports Uptime 0; wait for 1 so the value read is known to be parsed
    QVERIFY(Sandbox::waitFor([&] {
        return sb.sql("c", QStringLiteral("SHOW GLOBAL STATUS LIKE 'Uptime'")).section(QLatin1Char('\t'), 1).toInt() >= 1;
    }, 5000));
    ConnectionOptions o = options(sb).connectionOptions(keyOf(sb, "c"));
    InstanceSession session(o);
    InstanceFacts seed;
    seed.key = keyOf(sb, "c");
    const InstanceFacts f = session.probe(seed);
    QVERIFY2(f.reachable && f.lastError == ProbeError::None, qPrintable(f.lastErrorText));
    QCOMPARE(f.flavor, Flavor::MariaDB);
    QCOMPARE(int(f.serverId), sb.port("c")); // the sandbox uses the port as server_id
    QVERIFY(f.version.contains(QLatin1String("MariaDB")));
    QVERIFY(!f.hostname.isEmpty());
    QVERIFY(f.uptimeSeconds >= 1);
    QVERIFY(f.readOnly);
    QVERIFY(f.logBin && f.logReplicaUpdates);
    QCOMPARE(f.binlogFormat, QStringLiteral("ROW"));
    QCOMPARE(f.slaveNetTimeout, 4);
    QVERIFY(f.gtidStrictMode);
    QVERIFY(f.binlog.isValid());
    QCOMPARE(f.gtidCurrentPos, m_tree->sql("c", QStringLiteral("SELECT @@gtid_current_pos")));
    QCOMPARE(f.gtidSlavePos, m_tree->sql("c", QStringLiteral("SELECT @@gtid_slave_pos")));
    QVERIFY(f.semiSync.sourcePluginLoaded); // built into MariaDB
    QCOMPARE(f.channels.size(), 1);
    const ReplicationChannel &c = f.channels.first();
    QCOMPARE(c.source, keyOf(sb, "a"));
    QVERIFY(c.isReplicating());
    QCOMPARE(c.usingGtid, QStringLiteral("Slave_Pos"));
    QVERIFY(c.secondsBehindMaster.has_value());
    QVERIFY(c.execSourceLog.isValid());
    QCOMPARE(f.replicaKeys, QList<InstanceKey>{keyOf(sb, "d")});
    QVERIFY(!f.replicaKeysFromProcesslist);
    QVERIFY(f.lastSeen.isValid() && f.lastChecked == f.lastSeen);
    QVERIFY(f.probeMicros > 0);
    QCOMPARE(session.connectCount(), qint64(1));
}

void tst_Discovery::steadyStateProbeIsFiveStatements()
{
    const Sandbox &sb = *m_tree;
    InstanceSession session(options(sb).connectionOptions(keyOf(sb, "a")));
    InstanceFacts f;
    f.key = keyOf(sb, "a");
    f = session.probe(f);
    QVERIFY2(f.reachable, qPrintable(f.lastErrorText));
    const int first = session.lastStatementCount();
    for (int i = 0; i < 3; ++i) {
        f = session.probe(f);
        QVERIFY2(f.lastError == ProbeError::None, qPrintable(f.lastErrorText));
        QCOMPARE(session.lastStatementCount(), 5);
    }
    qInfo("first probe: %d statements, later probes: %d; probe time %lld us", first,
          session.lastStatementCount(), f.probeMicros);
    QVERIFY(first <= 7);
    QCOMPARE(f.replicaKeys.size(), 2); // b and c
    QVERIFY(f.channels.isEmpty());
    QVERIFY(!f.readOnly);
    QCOMPARE(session.connectCount(), qint64(1)); // one connection for every probe
}

void tst_Discovery::treeFromAnyNode_data()
{
    QTest::addColumn<QString>("seed");
    for (const char *n : {"a", "b", "c", "d"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void tst_Discovery::treeFromAnyNode()
{
    QFETCH(QString, seed);
    const auto r = Discovery::discover({keyOf(*m_tree, seed)}, options(*m_tree));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(describe(*m_tree, *r.snapshot), QStringLiteral("a[a,b,c,d]"));
    QCOMPARE(r.snapshot->replicasOf(keyOf(*m_tree, "c")), QList<InstanceKey>{keyOf(*m_tree, "d")});
}

void tst_Discovery::chainFromAnyNode_data()
{
    QTest::addColumn<QString>("seed");
    for (const char *n : {"x", "y", "z"})
        QTest::newRow(n) << QString::fromLatin1(n);
}

void tst_Discovery::chainFromAnyNode()
{
    QFETCH(QString, seed);
    const auto r = Discovery::discover({keyOf(*m_chain, seed)}, options(*m_chain));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(describe(*m_chain, *r.snapshot), QStringLiteral("x[x,y,z]"));
    QVERIFY(r.snapshot->isDescendantOf(keyOf(*m_chain, "z"), keyOf(*m_chain, "x")));
}

void tst_Discovery::nullSecondsBehindMaster()
{
    Sandbox &sb = *m_tree;
    bool ok = false;
    sb.sql("b", QStringLiteral("STOP SLAVE SQL_THREAD"), &ok);
    QVERIFY2(ok, qPrintable(sb.error()));
    const auto facts = Discovery::probeOnce({keyOf(sb, "b")}, options(sb));
    sb.sql("b", QStringLiteral("START SLAVE SQL_THREAD"));
    QCOMPARE(facts.size(), 1);
    const ReplicationChannel *c = facts.first().primaryChannel();
    QVERIFY(c);
    QCOMPARE(c->sqlThread, ThreadState::Stopped);
    QCOMPARE(c->ioThread, ThreadState::Running);
    QVERIFY2(!c->secondsBehindMaster.has_value(), "NULL Seconds_Behind_Master must not become a number");
    QVERIFY(!c->isReplicating());
}

void tst_Discovery::unknownSourceIsProbedOrKept()
{
    // d gets a second connection to a source that does not exist: discovery must keep it as an
    // unreachable instance of its own, not loop and not fail.
    Sandbox &sb = *m_tree;
    const int ghostPort = closedPort();
    bool ok = false;
    sb.sql("d", QStringLiteral("CHANGE MASTER 'ghost' TO MASTER_HOST='127.0.0.1', MASTER_PORT=%1, "
                               "MASTER_USER='repl', MASTER_PASSWORD='x', MASTER_CONNECT_RETRY=1; "
                               "START SLAVE 'ghost'").arg(ghostPort), &ok);
    QVERIFY2(ok, qPrintable(sb.error()));
    const auto r = Discovery::discover({keyOf(sb, "d")}, options(sb));
    sb.sql("d", QStringLiteral("STOP SLAVE 'ghost'; RESET SLAVE 'ghost' ALL"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const InstanceKey ghost(QStringLiteral("127.0.0.1"), ghostPort);
    const InstanceFacts *g = r.snapshot->instance(ghost);
    QVERIFY(g);
    QVERIFY(!g->reachable);
    QCOMPARE(g->lastError, ProbeError::Unreachable);
    QStringList expected{QStringLiteral("a[a,b,c,d]"), QStringLiteral("%1[%1!]").arg(ghost.toString())};
    expected.sort();
    QCOMPARE(describe(sb, *r.snapshot), expected.join(QLatin1Char(' ')));
    QCOMPARE(r.snapshot->secondaryReplicasOf(ghost), QList<InstanceKey>{keyOf(sb, "d")});
}

void tst_Discovery::deadMasterSeenFromItsReplica()
{
    // The chain's master is killed: from the leaf, the crawl reaches y, learns of x from y's
    // replication status, probes it, and keeps it as the unreachable master of the cluster.
    Sandbox &sb = *m_chain;
    QVERIFY(sb.kill("x"));
    const auto r = Discovery::discover({keyOf(sb, "z")}, options(sb));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(describe(sb, *r.snapshot), QStringLiteral("x[x!,y,z]"));
    QVERIFY(sb.start("x"));
}

void tst_Discovery::badSeeds()
{
    const Sandbox &sb = *m_tree;
    const InstanceKey nothing(QStringLiteral("127.0.0.1"), closedPort());
    auto r = Discovery::discover({nothing}, options(sb));
    QVERIFY(!r.ok());
    QCOMPARE(r.seedError, ProbeError::Unreachable);
    QVERIFY2(r.error.contains(nothing.toString()), qPrintable(r.error));

    r = Discovery::discover({keyOf(sb, "a")}, options(sb, QStringLiteral("wrong-password")));
    QVERIFY(!r.ok());
    QCOMPARE(r.seedError, ProbeError::AccessDenied);
    QVERIFY2(!r.error.contains(QLatin1String("wrong-password")), qPrintable(r.error));

    // one good seed among bad ones is enough
    r = Discovery::discover({nothing, keyOf(sb, "b")}, options(sb));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(r.snapshot->cluster(keyOf(sb, "a").toString()));
}

void tst_Discovery::frozenSeedIsBounded()
{
    Sandbox &sb = *m_tree;
    QVERIFY(sb.freeze("d"));
    QElapsedTimer t;
    t.start();
    const auto r = Discovery::discover({keyOf(sb, "d")}, options(sb)); // connect timeout 1000 ms
    const qint64 ms = t.elapsed();
    QVERIFY(sb.thaw("d"));
    qInfo("discovery from a frozen seed gave up after %lld ms: %s", ms, qPrintable(r.error));
    QVERIFY(!r.ok());
    QCOMPARE(r.seedError, ProbeError::Timeout);
    QVERIFY(ms < 2500);
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
