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
    QTest::addColumn<QString>("recentState"); // succeeded, running, interrupted
    QTest::addColumn<QString>("notYetProbed"); // host:port list, comma separated
    QTest::addColumn<RecoveryDecision::Kind>("expected");
    QTest::addColumn<QString>("reasonPart");

    using K = RecoveryDecision::Kind;
    QTest::newRow("covered, nothing recent") << "DeadMaster" << true << false << true << "*" << "" << "" << -1 << false << "succeeded" << "" << K::Recover << "entry '*'";
    QTest::newRow("auto off: detect only") << "DeadMaster" << true << false << false << "*" << "" << "" << -1 << false << "succeeded" << "" << K::DetectOnly << "AutoFailover is off";
    QTest::newRow("report-only code") << "UnreachableMaster" << false << false << true << "*" << "" << "" << -1 << false << "succeeded" << "" << K::NotActionable << "UnreachableMaster is reported";
    QTest::newRow("downtimed beats everything") << "DeadMaster" << true << true << true << "*" << "" << "" << -1 << false << "succeeded" << "" << K::Downtimed << "downtimed";
    QTest::newRow("empty filters cover nothing") << "DeadMaster" << true << false << true << "" << "*" << "" << -1 << false << "succeeded" << "" << K::NotCovered << "(empty: covers no cluster)";
    QTest::newRow("alias filter covers") << "DeadMaster" << true << false << true << "alias=orders" << "" << "orders" << -1 << false << "succeeded" << "" << K::Recover << "alias=orders";
    QTest::newRow("other alias not covered") << "DeadMaster" << true << false << true << "alias=orders" << "" << "billing" << -1 << false << "succeeded" << "" << K::NotCovered << "RecoverMasterClusterFilters [alias=orders]";
    QTest::newRow("intermediate uses its own filters") << "DeadIntermediateMaster" << true << false << true << "*" << "" << "" << -1 << false << "succeeded" << "" << K::NotCovered << "RecoverIntermediateMasterClusterFilters";
    QTest::newRow("intermediate covered") << "DeadIntermediateMaster" << true << false << true << "" << "db1:3306" << "" << -1 << false << "succeeded" << "" << K::Recover << "";
    QTest::newRow("recent recovery blocks") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << false << "succeeded" << "" << K::Blocked << "acknowledge it to unblock: topograph-cli ack 42";
    QTest::newRow("acknowledged recovery does not block") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << true << "succeeded" << "" << K::Recover << "";
    QTest::newRow("block period over") << "DeadMaster" << true << false << true << "*" << "" << "" << 4000 << false << "succeeded" << "" << K::Recover << "";
    QTest::newRow("interrupted recovery does not block") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << false << "interrupted" << "" << K::Recover << "recovery 42 was interrupted";
    QTest::newRow("interrupted and acknowledged: continue") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << true << "interrupted" << "" << K::Recover << "completing it";
    QTest::newRow("not every instance probed yet") << "DeadMaster" << true << false << true << "*" << "" << "" << -1 << false << "succeeded" << "db2:3306,db3:3306" << K::Waiting << "first probe of db2:3306, db3:3306";
    QTest::newRow("waiting beats an interrupted recovery") << "DeadMaster" << true << false << true << "*" << "" << "" << 60 << false << "interrupted" << "db2:3306" << K::Waiting << "before deciding";
    QTest::newRow("unprobed instances of a report-only code") << "UnreachableMaster" << false << false << true << "*" << "" << "" << -1 << false << "succeeded" << "db2:3306" << K::NotActionable << "";
    QTest::newRow("running recovery blocks") << "DeadMaster" << true << false << true << "*" << "" << "" << 4000 << false << "running" << "" << K::Blocked << "still running";
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
    QFETCH(QString, recentState);
    QFETCH(QString, notYetProbed);
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
        r.state = recoveryStateFromName(recentState);
        r.summary = QStringLiteral("Interrupted after step 2");
        if (recentAcknowledged)
            r.acknowledgedAt = now;
        recent = r;
    }
    QList<InstanceKey> unprobed;
    for (const QString &k : notYetProbed.split(QLatin1Char(','), Qt::SkipEmptyParts))
        unprobed << *InstanceKey::parse(k);
    const RecoveryDecision d = decideAutomaticRecovery(a, p, recent, now, unprobed);
    QCOMPARE(recoveryDecisionName(d.kind), recoveryDecisionName(expected));
    QVERIFY2(d.reason.contains(reasonPart), qPrintable(d.reason));
    if (expected == RecoveryDecision::Blocked)
        QCOMPARE(d.blockingRecoveryId, 42);
    QCOMPARE(d.continuesRecoveryId, recentState == QLatin1String("interrupted") && expected == RecoveryDecision::Recover ? 42 : 0);
}

QTEST_APPLESS_MAIN(tst_RecoveryDecision)
#include "tst_recoverydecision.moc"
