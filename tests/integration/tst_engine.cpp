// The engine end to end on real servers: poller, analysis, policy and automatic recovery, with
// failures made for real (kill -9, SIGSTOP) and a writer inserting rows throughout.
#include "engine/engine.h"
#include "engine/policystore.h"
#include "mysql/connection.h"
#include "fleet.h"
#include "sandbox.h"
#include "writer.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Topograph;
using Topograph::Test::Sandbox;
using Topograph::Test::Writer;

namespace {


struct Fleet
{
    Sandbox sb;
    QTemporaryDir dir;
    QString storePath;
    QList<RecoveryOutcome> finished;
    QList<QPair<Analysis, RecoveryDecision>> decisions;
    QHash<QString, qint64> appearedAt; // code -> ms since epoch of first appearance
    std::unique_ptr<Engine> engine; // last: destroyed before what its signal handlers write into

    explicit Fleet(const QString &topology)
        : sb(topology)
        , storePath(dir.filePath(QStringLiteral("store.sqlite")))
    {
        if (sb.isUp())
            Writer::createTable(sb, QStringLiteral("a"));
    }
    InstanceKey key(const QString &node) const { return InstanceKey(QStringLiteral("127.0.0.1"), sb.port(node)); }
    bool setPolicy(const QStringList &keyValues)
    {
        QString error;
        auto store = Store::open(storePath, &error);
        if (!store)
            return false;
        Policy p;
        for (int i = 0; i + 1 < keyValues.size(); i += 2)
            if (!p.set(keyValues.at(i), keyValues.at(i + 1), &error))
                return false;
        return savePolicy(*store, p, QStringLiteral("test"), &error);
    }
    bool start()
    {
        Engine::Options o;
        o.storePath = storePath;
        o.seeds = {key(QStringLiteral("a"))};
        o.intervalMs = 1000;
        o.connectionOptions = [this](const InstanceKey &k) { return Topograph::Test::connectionOptions(sb, k); };
        engine = std::make_unique<Engine>(o);
        QObject::connect(engine.get(), &Engine::recoveryFinished, engine.get(),
                         [this](const QString &, const RecoveryOutcome &out) { finished << out; });
        QObject::connect(engine.get(), &Engine::recoveryDecided, engine.get(),
                         [this](const Analysis &a, const RecoveryDecision &d) { decisions << qMakePair(a, d); });
        QObject::connect(engine.get(), &Engine::analysisAppeared, engine.get(), [this](const Analysis &a) {
            if (!appearedAt.contains(a.codeName()))
                appearedAt.insert(a.codeName(), QDateTime::currentMSecsSinceEpoch());
        });
        QString error;
        if (!engine->start(&error)) {
            qWarning("engine: %s", qPrintable(error));
            return false;
        }
        // the whole fleet seen and healthy
        return Sandbox::waitFor([&] {
            const auto s = engine->snapshot();
            if (!s || s->instances().size() != sb.nodes().size())
                return false;
            for (const InstanceFacts &f : s->instances())
                if (!f.reachable)
                    return false;
            return true;
        }, 15000);
    }
    bool hasDecision(RecoveryDecision::Kind kind) const
    {
        for (const auto &d : decisions)
            if (d.second.kind == kind)
                return true;
        return false;
    }
    QString decisionsText() const
    {
        QString t;
        for (const auto &d : decisions)
            t += d.first.codeName() + QLatin1String(": ") + recoveryDecisionName(d.second.kind) + QLatin1String(" ") + d.second.reason + QLatin1Char('\n');
        return t;
    }
    QList<Recovery> recoveries()
    {
        QString error;
        auto store = Store::open(storePath, &error);
        return store ? RecoveryLog(*store).recoveries({}) : QList<Recovery>{};
    }
    QString nodeOf(const InstanceKey &k) const
    {
        for (const QString &n : sb.nodes())
            if (sb.port(n) == k.port())
                return n;
        return {};
    }
    bool replicatesFrom(const QString &node, const QString &source)
    {
        const auto st = sb.slaveStatus(node);
        return st.value(QStringLiteral("Master_Port")) == QString::number(sb.port(source))
               && st.value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
               && st.value(QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
    }
};

} // namespace

class tst_Engine : public QObject
{
    Q_OBJECT
private slots:
    void autoFailoverLosesNothingAndThenBlocksFlapping();
    void detectionOnlyWhenAutoFailoverIsOff();
    void clusterNotCoveredByFilters();
    void briefFreezeIsNoFailoverLongFreezeIs();
};

void tst_Engine::autoFailoverLosesNothingAndThenBlocksFlapping()
{
    Fleet f(QStringLiteral("a>b,a>c,a>d"));
    QVERIFY2(f.sb.isUp(), qPrintable(f.sb.error()));
    QVERIFY(f.setPolicy({"AutoFailover", "on", "RecoverMasterClusterFilters", "*", "RecoveryPeriodBlockSeconds", "3600"}));
    QVERIFY(f.start());
    QVERIFY(f.sb.semiSync(QStringLiteral("a"), {"b", "c", "d"})); // acknowledged = received by a replica

    Writer w(f.sb, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 300; }, 10000));
    const qint64 pid = f.sb.pid(QStringLiteral("a"));
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    w.stop();
    QVERIFY2(Sandbox::waitFor([&] { return !f.finished.isEmpty(); }, 15000), qPrintable(f.decisionsText()));
    const RecoveryOutcome out = f.finished.first();
    QVERIFY2(out.success, qPrintable(out.message));
    const QString winner = f.nodeOf(*out.successor);
    QStringList others{"b", "c", "d"};
    others.removeAll(winner);
    QVERIFY(Sandbox::waitFor([&] {
        for (const QString &n : others)
            if (!f.replicatesFrom(n, winner))
                return false;
        return f.sb.sql(winner, QStringLiteral("SELECT @@read_only")) == QLatin1String("0");
    }, 5000));
    const qint64 rows = f.sb.sql(winner, QStringLiteral("SELECT COUNT(*) FROM app.w")).toLongLong();
    QVERIFY2(rows >= w.acked(), qPrintable(QStringLiteral("acked %1, new master has %2").arg(w.acked()).arg(rows)));
    qInfo("kill -9 -> DeadMaster detected in %lld ms; recovery took %lld ms; %lld acked writes, %lld on %s",
          f.appearedAt.value(QStringLiteral("DeadMaster")) - killedAt, out.elapsedMs, w.acked(), rows, qPrintable(winner));
    QVERIFY(f.appearedAt.contains(QStringLiteral("DeadMaster")));

    // The new master dies too, within the block period: detected, blocked, recorded, not recovered.
    QVERIFY(f.sb.kill(winner));
    QVERIFY2(Sandbox::waitFor([&] { return f.hasDecision(RecoveryDecision::Blocked); }, 15000), qPrintable(f.decisionsText()));
    QTest::qWait(1500);
    QCOMPARE(f.finished.size(), 1);
    {
        QString error;
        auto store = Store::open(f.storePath, &error);
        const auto blocked = RecoveryLog(*store).blockedRecoveries();
        QVERIFY(!blocked.isEmpty());
        QCOMPARE(blocked.first().blockingRecoveryId, out.recoveryId);
        QVERIFY2(blocked.first().reason.contains(QLatin1String("acknowledge")), qPrintable(blocked.first().reason));
        // Acknowledging the first recovery unblocks the next one.
        QCOMPARE(RecoveryLog(*store).acknowledge(out.recoveryId, QStringLiteral("checked, the host was replaced"), &error), 1);
    }
    QVERIFY2(Sandbox::waitFor([&] { return f.finished.size() == 2; }, 15000), qPrintable(f.decisionsText()));
    QVERIFY2(f.finished.at(1).success, qPrintable(f.finished.at(1).message));
    const QString third = f.nodeOf(*f.finished.at(1).successor);
    QVERIFY(others.contains(third));
    QCOMPARE(f.sb.sql(third, QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
}

void tst_Engine::detectionOnlyWhenAutoFailoverIsOff()
{
    Fleet f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb.isUp(), qPrintable(f.sb.error()));
    QVERIFY(f.setPolicy({"AutoFailover", "off", "RecoverMasterClusterFilters", "*"}));
    QVERIFY(f.start());
    QVERIFY(f.sb.kill(QStringLiteral("a")));
    QVERIFY2(Sandbox::waitFor([&] { return f.hasDecision(RecoveryDecision::DetectOnly); }, 15000), qPrintable(f.decisionsText()));
    QTest::qWait(1500);
    QVERIFY(f.finished.isEmpty());
    QVERIFY(f.recoveries().isEmpty());
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")) == false);
    QCOMPARE(f.sb.slaveStatus(QStringLiteral("b")).value(QStringLiteral("Master_Port")), QString::number(f.sb.port(QStringLiteral("a"))));
    // the detection is in the audit log, once
    QString error;
    auto store = Store::open(f.storePath, &error);
    int detections = 0;
    for (const AuditEntry &e : AuditLog(*store).entries({}))
        if (e.action == QLatin1String("detect") && e.message.startsWith(QLatin1String("DeadMaster")))
            ++detections;
    QCOMPARE(detections, 1);
}

void tst_Engine::clusterNotCoveredByFilters()
{
    Fleet f(QStringLiteral("a>b"));
    QVERIFY2(f.sb.isUp(), qPrintable(f.sb.error()));
    QVERIFY(f.setPolicy({"AutoFailover", "on", "RecoverMasterClusterFilters", "alias=orders"}));
    QVERIFY(f.start());
    QVERIFY(f.sb.kill(QStringLiteral("a")));
    QVERIFY2(Sandbox::waitFor([&] { return f.hasDecision(RecoveryDecision::NotCovered); }, 15000), qPrintable(f.decisionsText()));
    QTest::qWait(1000);
    QVERIFY(f.recoveries().isEmpty());
}

void tst_Engine::briefFreezeIsNoFailoverLongFreezeIs()
{
    Fleet f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb.isUp(), qPrintable(f.sb.error()));
    QVERIFY(f.setPolicy({"AutoFailover", "on", "RecoverMasterClusterFilters", "*"}));
    QVERIFY(f.start());
    // 2 s frozen: replicas keep their connection (slave_net_timeout=4), so at most UnreachableMaster.
    QVERIFY(f.sb.freeze(QStringLiteral("a")));
    QTest::qWait(2000);
    QVERIFY(f.sb.thaw(QStringLiteral("a")));
    QTest::qWait(3000);
    QVERIFY2(f.recoveries().isEmpty(), qPrintable(f.decisionsText()));
    QVERIFY(!f.appearedAt.contains(QStringLiteral("DeadMaster")));
    // Frozen for good: once the replicas' IO threads give up on it, it is dead and recovered.
    QElapsedTimer t;
    t.start();
    QVERIFY(f.sb.freeze(QStringLiteral("a")));
    QVERIFY2(Sandbox::waitFor([&] { return !f.finished.isEmpty(); }, 30000), qPrintable(f.decisionsText()));
    QVERIFY2(f.finished.first().success, qPrintable(f.finished.first().message));
    QVERIFY(f.appearedAt.contains(QStringLiteral("UnreachableMaster")));
    qInfo("frozen master recovered %lld ms after SIGSTOP", t.elapsed());
    f.sb.thaw(QStringLiteral("a"));
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
