// Failure analysis on real servers (issue 5): each condition is made for real on one sandbox
// (a>b, a>c, c>d: c is an intermediate master) and must appear in the engine's analyses, with
// the servers named; AutoFailover stays off, so nothing is repaired behind the test's back.
#include "engine/engine.h"
#include "engine/policystore.h"
#include "fleet.h"
#include "sandbox.h"
#include "store/auditlog.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using Topograph::Test::Sandbox;

class tst_Detection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void healthyFleetHasNoFailure();
    void writeOnAReplicaIsErrantGtid();
    void allReplicasStoppedIsReported();
    void deadIntermediateMaster();
    void conditionsAreAuditedOnceAndCleared();
    void cleanupTestCase();

private:
    const Analysis *find(const QString &code, const QString &node = {}) const;
    bool waitFor(const QString &code, const QString &node = {}, int timeoutMs = 10000) const;
    InstanceKey key(const QString &node) const { return InstanceKey(QStringLiteral("127.0.0.1"), m_sb->port(node)); }

    std::unique_ptr<Sandbox> m_sb;
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
};

const Analysis *tst_Detection::find(const QString &code, const QString &node) const
{
    static QList<Analysis> keep;
    keep = m_engine->analyses();
    for (const Analysis &a : keep)
        if (a.codeName() == code && (node.isEmpty() || a.instance == key(node)))
            return &a;
    return nullptr;
}

bool tst_Detection::waitFor(const QString &code, const QString &node, int timeoutMs) const
{
    return Sandbox::waitFor([&] { return find(code, node) != nullptr; }, timeoutMs);
}

void tst_Detection::initTestCase()
{
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,c>d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    Engine::Options o;
    o.storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
    o.seeds = {key(QStringLiteral("d"))}; // from a leaf: the engine finds its way up
    o.connectionOptions = [sb = m_sb.get()](const InstanceKey &k) { return Topograph::Test::connectionOptions(*sb, k); };
    m_engine = std::make_unique<Engine>(o);
    QString error;
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    QVERIFY(Sandbox::waitFor([&] { return m_engine->snapshot() && m_engine->snapshot()->instances().size() == 4; }, 15000));
}

void tst_Detection::healthyFleetHasNoFailure()
{
    QTest::qWait(1200); // a full poll round
    for (const Analysis &a : m_engine->analyses())
        QVERIFY2(a.severity < Severity::Error, qPrintable(a.codeName() + QLatin1String(": ") + a.explanation));
    QCOMPARE(m_engine->snapshot()->clusters().size(), 1);
}

void tst_Detection::writeOnAReplicaIsErrantGtid()
{
    // A DBA's write straight on d (read_only does not stop root): a transaction the master never had.
    m_sb->sql(QStringLiteral("d"), QStringLiteral("CREATE TABLE app.oops (id INT PRIMARY KEY)"));
    const QString gtid = m_sb->sql(QStringLiteral("d"), QStringLiteral("SELECT @@gtid_binlog_pos"));
    QVERIFY(waitFor(QStringLiteral("ErrantGTID"), QStringLiteral("d")));
    const Analysis *a = find(QStringLiteral("ErrantGTID"), QStringLiteral("d"));
    QVERIFY2(a->explanation.contains(gtid), qPrintable(a->explanation + QLatin1String(" / expected ") + gtid));
    QVERIFY(!a->actionable);
}

void tst_Detection::allReplicasStoppedIsReported()
{
    QVERIFY(m_sb->stopReplication(QStringLiteral("b")));
    QVERIFY(m_sb->stopReplication(QStringLiteral("c")));
    QVERIFY(waitFor(QStringLiteral("AllMasterReplicasNotReplicating"), QStringLiteral("a")));
    QVERIFY(!find(QStringLiteral("DeadMaster"))); // a DBA's STOP SLAVE is not a vote against the master
    QVERIFY(m_sb->startReplication(QStringLiteral("b")));
    QVERIFY(m_sb->startReplication(QStringLiteral("c")));
    QVERIFY(Sandbox::waitFor([&] { return !find(QStringLiteral("AllMasterReplicasNotReplicating")); }, 10000));
}

void tst_Detection::deadIntermediateMaster()
{
    QVERIFY(m_sb->kill(QStringLiteral("c")));
    QVERIFY(waitFor(QStringLiteral("DeadIntermediateMaster"), QStringLiteral("c")) || waitFor(QStringLiteral("DeadIntermediateMasterWithSingleReplicaFailingToConnect"), QStringLiteral("c")));
    QVERIFY(!find(QStringLiteral("DeadMaster")));
    QVERIFY(m_sb->start(QStringLiteral("c")));
    QVERIFY(Sandbox::waitFor([&] {
        return !find(QStringLiteral("DeadIntermediateMaster")) && !find(QStringLiteral("DeadIntermediateMasterWithSingleReplicaFailingToConnect"));
    }, 15000));
}

void tst_Detection::conditionsAreAuditedOnceAndCleared()
{
    QString error;
    auto store = Store::open(m_dir.filePath(QStringLiteral("store.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    int allStopped = 0, cleared = 0;
    for (const AuditEntry &e : AuditLog(*store).entries({})) {
        if (e.action == QLatin1String("detect") && e.message.startsWith(QLatin1String("AllMasterReplicasNotReplicating")))
            ++allStopped;
        if (e.action == QLatin1String("clear") && e.message.startsWith(QLatin1String("AllMasterReplicasNotReplicating")))
            ++cleared;
    }
    QCOMPARE(allStopped, 1); // it lasted several snapshots: still one entry
    QCOMPARE(cleared, 1);
    QVERIFY(AuditLog(*store).verify().intact);
}

void tst_Detection::cleanupTestCase()
{
    m_engine.reset();
    m_sb.reset();
}

QTEST_GUILESS_MAIN(tst_Detection)
#include "tst_detection.moc"
