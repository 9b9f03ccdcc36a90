#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Topograph;

class tst_RecoveryLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void lifecycleWithSteps();
    void oneRecoveryPerCluster();
    void interruptedWhenOwnerDied_data();
    void interruptedWhenOwnerDied();
    void acknowledgeNeedsAComment_data();
    void acknowledgeNeedsAComment();
    void acknowledgeScopes();
    void blockedAttempts();
    void replacedMasters();
    void changeMarkFollowsStartAndFinish();

private:
    qint64 finishedRecovery(const QString &cluster, RecoveryState state = RecoveryState::Succeeded);
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_n = 0;
};

void tst_RecoveryLog::init()
{
    QString error;
    m_store = Store::open(m_dir.filePath(QStringLiteral("r%1.sqlite").arg(++m_n)), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_store->setActor(QStringLiteral("lee@console"));
}

void tst_RecoveryLog::cleanup()
{
    if (m_store) {
        const AuditVerification v = AuditLog(*m_store).verify();
        QVERIFY2(v.intact, qPrintable(v.reason));
    }
    m_store.reset();
}

void tst_RecoveryLog::replacedMasters()
{
    // Who replaced whom, for FormerMasterReturned and rejoin: succeeded recoveries that named a
    // successor, the latest per server; failed ones and operations without a successor do not count.
    RecoveryLog log(*m_store);
    auto recovery = [&](const QString &failed, RecoveryState state, const QString &successor) {
        const auto claim = log.start({ failed, QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"), failed,
            QStringLiteral("auto"), true, {} });
        QVERIFY2(claim, qPrintable(claim.error));
        RecoveryLog::Finish f;
        f.state = state;
        f.successor = successor;
        QVERIFY(log.finish(claim.id, f));
    };
    QVERIFY(log.replacedMasters().isEmpty());
    recovery(QStringLiteral("db1:3306"), RecoveryState::Succeeded, QStringLiteral("db2:3306"));
    recovery(QStringLiteral("db2:3306"), RecoveryState::Failed, QStringLiteral("db3:3306"));
    recovery(QStringLiteral("db4:3306"), RecoveryState::Succeeded, QString());
    recovery(QStringLiteral("db1:3306"), RecoveryState::Succeeded, QStringLiteral("db5:3306"));
    QString error;
    const QHash<InstanceKey, InstanceKey> replaced = log.replacedMasters(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced.value(InstanceKey(QStringLiteral("db1"), 3306)), InstanceKey(QStringLiteral("db5"), 3306));
}

void tst_RecoveryLog::changeMarkFollowsStartAndFinish()
{
    // The engine reads replacedMasters() again only when this mark moves: it must move when a
    // recovery starts and when it ends, and may stay put for what does not change who replaced whom.
    RecoveryLog log(*m_store);
    const RecoveryLog::ChangeMark empty = log.changeMark();
    QCOMPARE(empty.lastId, 0);
    QCOMPARE(empty.running, 0);
    const auto claim = log.start({ QStringLiteral("db1:3306"), QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"),
        QStringLiteral("db1:3306"), QStringLiteral("auto"), true, {} });
    QVERIFY2(claim, qPrintable(claim.error));
    const RecoveryLog::ChangeMark started = log.changeMark();
    QVERIFY(started != empty);
    QVERIFY(log.heartbeat(claim.id));
    QVERIFY(log.changeMark() == started);
    RecoveryLog::Finish f;
    f.state = RecoveryState::Succeeded;
    f.successor = QStringLiteral("db2:3306");
    QVERIFY(log.finish(claim.id, f));
    const RecoveryLog::ChangeMark finished = log.changeMark();
    QVERIFY(finished != started);
    QCOMPARE(finished.lastId, started.lastId); // the same row: the running count carries it
    QCOMPARE(log.acknowledge(claim.id, QStringLiteral("seen")), 1);
    QVERIFY(log.changeMark() == finished);
}

qint64 tst_RecoveryLog::finishedRecovery(const QString &cluster, RecoveryState state)
{
    RecoveryLog log(*m_store);
    const auto claim = log.start({ cluster, QStringLiteral("DeadMaster"),
        QStringLiteral("DeadMaster"), cluster, QStringLiteral("auto"), true, {} });
    if (!claim)
        qWarning() << claim.error;
    RecoveryLog::Finish f;
    f.state = state;
    log.finish(claim.id, f);
    return claim.id;
}

void tst_RecoveryLog::lifecycleWithSteps()
{
    RecoveryLog log(*m_store);
    const auto claim = log.start({ QStringLiteral("db1:3306"), QStringLiteral("DeadMaster"),
        QStringLiteral("DeadMaster"), QStringLiteral("db1:3306"), QStringLiteral("auto"), true,
        { { QStringLiteral("candidates"), 2 } } });
    QVERIFY2(claim, qPrintable(claim.error));
    const int s1 = log.beginStep(claim.id, QStringLiteral("wait for relay log"),
        QStringLiteral("db2:3306"), QStringLiteral("SELECT MASTER_GTID_WAIT('0-1-42', 10)"));
    QCOMPARE(s1, 1);
    auto during = log.recovery(claim.id);
    QVERIFY(during);
    QCOMPARE(during->steps.size(), 1);
    QCOMPARE(during->steps[0].outcome, StepOutcome::Running); // written before it runs
    QVERIFY(log.endStep(claim.id, s1, StepOutcome::Ok, QStringLiteral("0")));
    QVERIFY(!log.endStep(claim.id, s1, StepOutcome::Ok)); // not twice
    const int s2 = log.beginStep(claim.id, QStringLiteral("promote"), QStringLiteral("db2:3306"),
        QStringLiteral("SET GLOBAL read_only=0"));
    QCOMPARE(s2, 2);
    QVERIFY(log.endStep(
        claim.id, s2, StepOutcome::Failed, QStringLiteral("Access denied; you need SUPER")));
    RecoveryLog::Finish f;
    f.state = RecoveryState::Failed;
    f.successor = QStringLiteral("db2:3306");
    f.summary = QStringLiteral("db2:3306 could not be made writable");
    f.lostReplicas = { QStringLiteral("db4:3306") };
    QVERIFY(log.finish(claim.id, f));
    QString error;
    QVERIFY(!log.finish(claim.id, f, &error));
    QVERIFY(error.contains(QLatin1String("already ended")));
    QCOMPARE(log.beginStep(claim.id, QStringLiteral("late"), {}, {}, &error), 0);

    const auto r = log.recovery(claim.id);
    QVERIFY(r);
    QCOMPARE(r->state, RecoveryState::Failed);
    QCOMPARE(r->actor, QStringLiteral("auto"));
    QVERIFY(r->automatic);
    QCOMPARE(r->successor, QStringLiteral("db2:3306"));
    QCOMPARE(r->lostReplicas, QStringList { QStringLiteral("db4:3306") });
    QCOMPARE(r->details.value(QStringLiteral("candidates")).toInt(), 2);
    QCOMPARE(r->steps.size(), 2);
    QCOMPARE(r->steps[1].outcome, StepOutcome::Failed);
    QCOMPARE(r->steps[1].output, QStringLiteral("Access denied; you need SUPER"));
    QVERIFY(r->steps[0].durationMs() >= 0);
    QCOMPARE(r->ownerPid, QCoreApplication::applicationPid());

    QStringList actions;
    for (const AuditEntry &e : AuditLog(*m_store).entries({})) {
        actions << e.action;
        QCOMPARE(e.recoveryId, claim.id);
    }
    QCOMPARE(actions,
        (QStringList { "recovery-start", "recovery-step", "recovery-step", "recovery-end" }));
    QCOMPARE(log.recoveries({}).size(), 1);
    RecoveryFilter other;
    other.cluster = QStringLiteral("elsewhere:1");
    QVERIFY(log.recoveries(other).isEmpty());
}

void tst_RecoveryLog::oneRecoveryPerCluster()
{
    // Two Store objects on one file, as two processes would be.
    QString error;
    auto second = Store::open(m_store->path(), &error);
    QVERIFY2(second, qPrintable(error));
    RecoveryLog a(*m_store), b(*second);
    const auto first
        = a.start({ QStringLiteral("c1"), QStringLiteral("DeadMaster"), {}, {}, {}, true, {} });
    QVERIFY(first);
    const auto refused = b.start(
        { QStringLiteral("c1"), QStringLiteral("GracefulTakeover"), {}, {}, {}, false, {} });
    QVERIFY(!refused);
    QCOMPARE(refused.runningId, first.id);
    QVERIFY2(refused.error.contains(QStringLiteral("recovery %1").arg(first.id)),
        qPrintable(refused.error));
    QVERIFY(b.start({ QStringLiteral("c2"), QStringLiteral("DeadMaster"), {}, {}, {}, true,
        {} })); // other cluster
    QVERIFY(a.finish(first.id, {}));
    QVERIFY(b.start(
        { QStringLiteral("c1"), QStringLiteral("GracefulTakeover"), {}, {}, {}, false, {} }));
    QCOMPARE(b.running(QStringLiteral("c1"))->kind, QStringLiteral("GracefulTakeover"));
}

void tst_RecoveryLog::interruptedWhenOwnerDied_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("interrupted");
    QTest::newRow("owner exited") << "exited" << true;
    QTest::newRow("pid reused by another process") << "reused" << true;
    QTest::newRow("owner alive") << "alive" << false;
    QTest::newRow("this process") << "self" << false;
    QTest::newRow("other host, stale heartbeat") << "remote-stale" << true;
    QTest::newRow("other host, fresh heartbeat") << "remote-fresh" << false;
}

void tst_RecoveryLog::interruptedWhenOwnerDied()
{
    QFETCH(QString, owner);
    QFETCH(bool, interrupted);
    RecoveryLog log(*m_store);
    const auto claim = log.start({ QStringLiteral("c1"), QStringLiteral("DeadMaster"), {},
        QStringLiteral("db1:1"), {}, true, {} });
    QVERIFY(claim);
    QCOMPARE(log.endStep(claim.id,
                 log.beginStep(claim.id, QStringLiteral("pre-failover hook"), {},
                     QStringLiteral("/bin/true")),
                 StepOutcome::Ok),
        true);
    log.beginStep(claim.id, QStringLiteral("repoint db3"), QStringLiteral("db3:1"),
        QStringLiteral("CHANGE MASTER TO ..."));

    QProcess child;
    QString update;
    if (owner == QLatin1String("exited")) {
        // Above the kernel's largest pid_max (2^22): no process can have it.
        update = QStringLiteral("UPDATE recoveries SET owner_pid = 4194305");
    } else if (owner == QLatin1String("reused") || owner == QLatin1String("alive")) {
        child.start(QStringLiteral("sleep"), { QStringLiteral("30") });
        QVERIFY(child.waitForStarted());
        update
            = QStringLiteral("UPDATE recoveries SET owner_pid = %1%2")
                  .arg(child.processId())
                  .arg(owner == QLatin1String("reused") ? QStringLiteral(", owner_start = 1")
                                                        : QStringLiteral(", owner_start = NULL"));
    } else if (owner.startsWith(QLatin1String("remote"))) {
        update = QStringLiteral(
            "UPDATE recoveries SET owner_host = 'elsewhere.example', heartbeat_at = '%1'")
                     .arg(Store::toDb(QDateTime::currentDateTimeUtc().addSecs(
                         owner.endsWith(QLatin1String("stale")) ? -600 : -5)));
    }
    if (!update.isEmpty())
        QVERIFY(m_store->exec(update, nullptr));
    QCOMPARE(log.markInterruptedRecoveries(120), interrupted ? 1 : 0);
    const auto r = log.recovery(claim.id);
    QCOMPARE(r->state, interrupted ? RecoveryState::Interrupted : RecoveryState::Running);
    if (interrupted) {
        QVERIFY2(r->summary.contains(QLatin1String("after step 1 (pre-failover hook, ok)")),
            qPrintable(r->summary));
        QCOMPARE(r->steps[1].outcome, StepOutcome::Interrupted);
        QCOMPARE(
            AuditLog(*m_store).entries({}).last().action, QStringLiteral("recovery-interrupted"));
        // The cluster is free again.
        QVERIFY(log.start(
            { QStringLiteral("c1"), QStringLiteral("DeadMaster"), {}, {}, {}, true, {} }));
    }
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
    }
}

void tst_RecoveryLog::acknowledgeNeedsAComment_data()
{
    QTest::addColumn<QString>("comment");
    QTest::newRow("empty") << "";
    QTest::newRow("spaces") << "   ";
    QTest::newRow("tabs and newlines") << "\t\n \r\n";
}

void tst_RecoveryLog::acknowledgeNeedsAComment()
{
    QFETCH(QString, comment);
    const qint64 id = finishedRecovery(QStringLiteral("c1"));
    RecoveryLog log(*m_store);
    const qint64 before = AuditLog(*m_store).count({});
    for (int scope = 0; scope < 3; ++scope) {
        QString error;
        const int n = scope == 0 ? log.acknowledge(id, comment, &error)
            : scope == 1         ? log.acknowledgeCluster(QStringLiteral("c1"), comment, &error)
                                 : log.acknowledgeAll(comment, &error);
        QCOMPARE(n, -1);
        QVERIFY2(error.contains(QLatin1String("needs a comment")), qPrintable(error));
    }
    QVERIFY(!log.recovery(id)->acknowledged());
    QVERIFY(log.acknowledgements().isEmpty());
    QCOMPARE(AuditLog(*m_store).count({}), before);
}

void tst_RecoveryLog::acknowledgeScopes()
{
    const qint64 r1 = finishedRecovery(QStringLiteral("c1"));
    const qint64 r2 = finishedRecovery(QStringLiteral("c1"), RecoveryState::Failed);
    const qint64 r3 = finishedRecovery(QStringLiteral("c2"));
    const qint64 r4 = finishedRecovery(QStringLiteral("c3"));
    RecoveryLog log(*m_store);
    const auto running
        = log.start({ QStringLiteral("c3"), QStringLiteral("DeadMaster"), {}, {}, {}, true, {} });
    QString error;
    QCOMPARE(log.acknowledge(r1, QStringLiteral("  checked db2, fine  "), &error), 1);
    QCOMPARE(log.acknowledge(r1, QStringLiteral("again"), &error), -1);
    QVERIFY2(
        error.contains(QLatin1String("already acknowledged by lee@console")), qPrintable(error));
    QCOMPARE(log.acknowledge(running.id, QStringLiteral("too early"), &error), -1);
    QVERIFY(error.contains(QLatin1String("still running")));
    QCOMPARE(log.acknowledge(9999, QStringLiteral("x"), &error), -1);
    QVERIFY(error.contains(QLatin1String("no recovery 9999")));
    QCOMPARE(log.acknowledgeCluster(QStringLiteral("nope"), QStringLiteral("x"), &error), -1);
    QVERIFY(error.contains(QLatin1String("nope")));

    RecoveryFilter unacked;
    unacked.unacknowledgedOnly = true;
    QCOMPARE(log.recoveries(unacked).size(), 4); // r2, r3, r4, running
    QCOMPARE(log.acknowledgeCluster(QStringLiteral("c1"), QStringLiteral("c1 reviewed"), &error),
        1); // r2
    QCOMPARE(log.acknowledgeCluster(QStringLiteral("c1"), QStringLiteral("again"), &error), 0);
    QCOMPARE(log.acknowledgeAll(QStringLiteral("weekly review"), &error),
        2); // r3, r4; not the running one
    QCOMPARE(log.recoveries(unacked).size(), 1);

    const auto one = log.recovery(r1);
    QCOMPARE(one->ackComment, QStringLiteral("checked db2, fine"));
    QCOMPARE(one->acknowledgedBy, QStringLiteral("lee@console"));
    QVERIFY(one->acknowledgedAt.isValid());
    QCOMPARE(log.recovery(r4)->ackComment, QStringLiteral("weekly review"));
    QCOMPARE(log.recovery(r3)->acknowledged(), true);
    Q_UNUSED(r2);

    const auto acks = log.acknowledgements();
    QCOMPARE(acks.size(), 3);
    QCOMPARE(acks[0].scope, QStringLiteral("recovery"));
    QCOMPARE(acks[1].scope, QStringLiteral("cluster"));
    QCOMPARE(acks[2].recoveries, 2);
    int ackEntries = 0;
    for (const AuditEntry &e : AuditLog(*m_store).entries({}))
        if (e.action == QLatin1String("acknowledge")) {
            ++ackEntries;
            QCOMPARE(e.actor, QStringLiteral("lee@console"));
        }
    QCOMPARE(ackEntries, 3);
}

void tst_RecoveryLog::blockedAttempts()
{
    const qint64 r1 = finishedRecovery(QStringLiteral("c1"));
    RecoveryLog log(*m_store);
    BlockedRecovery b;
    b.cluster = QStringLiteral("c1");
    b.failedInstance = QStringLiteral("db2:3306");
    b.analysis = QStringLiteral("DeadMaster");
    b.reason = QStringLiteral(
        "RecoveryPeriodBlockSeconds: recovery 1 ended 5 min ago; acknowledge it to unblock");
    b.blockingRecoveryId = r1;
    QVERIFY(log.recordBlocked(b));
    QVERIFY(b.id > 0);
    BlockedRecovery none;
    QVERIFY(!log.recordBlocked(none));
    const auto list = log.blockedRecoveries(QStringLiteral("c1"));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].blockingRecoveryId, r1);
    QCOMPARE(list[0].reason, b.reason);
    QVERIFY(log.blockedRecoveries(QStringLiteral("c2")).isEmpty());
    QVERIFY(log.blockedRecoveries({}, QDateTime::currentDateTimeUtc().addSecs(60)).isEmpty());
    const AuditEntry last = AuditLog(*m_store).entries({}).last();
    QCOMPARE(last.action, QStringLiteral("recovery-blocked"));
    QCOMPARE(last.outcome, AuditOutcome::Refused);
}

QTEST_GUILESS_MAIN(tst_RecoveryLog)
#include "tst_recoverylog.moc"
