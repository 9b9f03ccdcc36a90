#include "recovery/recoverydecision.h"

#include <QTest>

using namespace Topograph;

class tst_RecoveryDecision : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
};

Q_DECLARE_METATYPE(RecoveryDecision::Kind)

void tst_RecoveryDecision::decide_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("actionable");
    QTest::addColumn<bool>("downtimed");
    QTest::addColumn<bool>("autoFailover");
    QTest::addColumn<QString>("masterFilters");
    QTest::addColumn<QString>("intermediateFilters");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<int>("recentAgeSeconds"); // -1 = no recent recovery
    QTest::addColumn<bool>("recentAcknowledged");
    QTest::addColumn<bool>("recentRunning");
    QTest::addColumn<RecoveryDecision::Kind>("expected");
    QTest::addColumn<QString>("reasonPart");

    using K = RecoveryDecision::Kind;
    QTest::newRow("covered, nothing recent") << "DeadMaster" << true << false << true << "*" << "" << "" << -1 << false << false << K::Recover << "entry '*'";
    QTest::newRow("auto off: detect only") << "DeadMaster" << true << false << false << "*" << "" << "" << -1 << false << false << K::DetectOnly << "AutoFailover is off";
    QTest::newRow("report-only code") << "UnreachableMaster" << false << false << true << "*" << "" << "" << -1 << false << false << K::NotActionable << "UnreachableMaster is reported";
    QTest::newRow("downtimed beats everything") << "DeadMaster" << true << true << true << "*" << "" << "" << -1 << false << false << K::Downtimed << "downtimed";
    QTest::newRow("empty filters cover nothing") << "DeadMaster" << true << false << true << "" << "*" << "" << -1 << false << false << K::NotCovered << "(empty: covers no cluster)";
    QTest::newRow("alias filter covers") << "DeadMaster" << true << false << true << "alias=orders" << "" << "orders" << -1 << false << false << K::Recover << "alias=orders";
    QTest::newRow("other alias not covered") << "DeadMaster" << true << false << true << "alias=orders" << "" << "billing" << -1 << false << false << K::NotCovered << "RecoverMasterClusterFilters [alias=orders]";
    QTest::newRow("intermediate uses its own filters") << "DeadIntermediateMaster" << true << false << true << "*" << "" << "" << -1 << false << false << K::NotCovered << "RecoverIntermediateMasterClusterFilters";
    QTest::newRow("intermediate covered") << "DeadIntermediateMaster" << true << false << true << "" << "db1:3306" << "" << -1 << false << false << K::Recover << "";
    QTest::newRow("recent recovery blocks") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << false << false << K::Blocked << "acknowledge it to unblock: topograph-cli ack 42";
    QTest::newRow("acknowledged recovery does not block") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << true << false << K::Recover << "";
    QTest::newRow("block period over") << "DeadMaster" << true << false << true << "*" << "" << "" << 4000 << false << false << K::Recover << "";
    QTest::newRow("running recovery blocks") << "DeadMaster" << true << false << true << "*" << "" << "" << 4000 << false << true << K::Blocked << "still running";
}

void tst_RecoveryDecision::decide()
{
    QFETCH(QString, code);
    QFETCH(bool, actionable);
    QFETCH(bool, downtimed);
    QFETCH(bool, autoFailover);
    QFETCH(QString, masterFilters);
    QFETCH(QString, intermediateFilters);
    QFETCH(QString, alias);
    QFETCH(int, recentAgeSeconds);
    QFETCH(bool, recentAcknowledged);
    QFETCH(bool, recentRunning);
    QFETCH(RecoveryDecision::Kind, expected);
    QFETCH(QString, reasonPart);

    Analysis a;
    a.code = *analysisCodeFromName(code);
    a.cluster = QStringLiteral("db1:3306");
    a.clusterAlias = alias;
    a.instance = InstanceKey(QStringLiteral("db1"), 3306);
    a.actionable = actionable;
    a.downtimed = downtimed;
    Policy p;
    p.autoFailover = autoFailover;
    QVERIFY(p.set(QStringLiteral("RecoverMasterClusterFilters"), masterFilters));
    QVERIFY(p.set(QStringLiteral("RecoverIntermediateMasterClusterFilters"), intermediateFilters));
    const QDateTime now(QDate(2026, 11, 21), QTime(3, 0), Qt::UTC);
    std::optional<Recovery> recent;
    if (recentAgeSeconds >= 0) {
        Recovery r;
        r.id = 42;
        r.startedAt = now.addSecs(-recentAgeSeconds);
        r.state = recentRunning ? RecoveryState::Running : RecoveryState::Succeeded;
        if (recentAcknowledged)
            r.acknowledgedAt = now;
        recent = r;
    }
    const RecoveryDecision d = decideAutomaticRecovery(a, p, recent, now);
    QCOMPARE(recoveryDecisionName(d.kind), recoveryDecisionName(expected));
    QVERIFY2(d.reason.contains(reasonPart), qPrintable(d.reason));
    if (expected == RecoveryDecision::Blocked)
        QCOMPARE(d.blockingRecoveryId, 42);
}

QTEST_APPLESS_MAIN(tst_RecoveryDecision)
#include "tst_recoverydecision.moc"
