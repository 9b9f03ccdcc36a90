#include "recovery/policy.h"

#include <QJsonDocument>
#include <QTest>

using namespace Topograph;

class tst_Policy : public QObject
{
    Q_OBJECT
private slots:
    void defaults();
    void set_data();
    void set();
    void refusedValuesChangeNothing_data();
    void refusedValuesChangeNothing();
    void jsonRoundTrip();
    void importErrors_data();
    void importErrors();
};

void tst_Policy::defaults()
{
    const Policy p;
    QVERIFY(!p.autoFailover); // detection only until a person turns it on
    QCOMPARE(p.recoveryPeriodBlockSeconds, 3600);
    QVERIFY(p.recoverMasterClusterFilters.isEmpty());
    QCOMPARE(p.value(QStringLiteral("AutoFailover")), QStringLiteral("off"));
    QVERIFY(p.validate());
}

void tst_Policy::set_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("shownAs");
    QTest::newRow("auto on") << "AutoFailover" << "on" << "on";
    QTest::newRow("auto true, key case-insensitive") << "autofailover" << "true" << "on";
    QTest::newRow("auto 0") << "AutoFailover" << "0" << "off";
    QTest::newRow("filters star") << "RecoverMasterClusterFilters" << "*" << R"(["*"])";
    QTest::newRow("filters comma separated") << "RecoverMasterClusterFilters" << "alias=orders, db.*" << R"(["alias=orders","db.*"])";
    QTest::newRow("filters JSON array") << "RecoverIntermediateMasterClusterFilters" << R"(["alias~=prod-.*"])" << R"(["alias~=prod-.*"])";
    QTest::newRow("empty list") << "PromotionIgnoreHostnameFilters" << "" << "[]";
    QTest::newRow("ignore hosts") << "PromotionIgnoreHostnameFilters" << "backup-.*,10.0.0.9" << R"(["backup-.*","10.0.0.9"])";
    QTest::newRow("block seconds") << "RecoveryPeriodBlockSeconds" << "600" << "600";
    QTest::newRow("block zero = no anti-flapping") << "RecoveryPeriodBlockSeconds" << "0" << "0";
    QTest::newRow("poll") << "InstancePollSeconds" << "2" << "2";
    QTest::newRow("hook") << "PreFailoverProcesses" << R"([["/usr/local/bin/fence","--host"]])" << R"([["/usr/local/bin/fence","--host"]])";
    QTest::newRow("hook cleared") << "PostFailoverProcesses" << "[]" << "[]";
}

void tst_Policy::set()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, shownAs);
    Policy p;
    QString error;
    QVERIFY2(p.set(key, value, &error), qPrintable(error));
    QCOMPARE(p.value(key), shownAs);
    QVERIFY(p.validate());
}

void tst_Policy::refusedValuesChangeNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("unknown key") << "AutoFailoverr" << "on" << "unknown policy key 'AutoFailoverr'";
    QTest::newRow("bad bool") << "AutoFailover" << "maybe" << "on or off";
    QTest::newRow("bad regex, with position") << "RecoverMasterClusterFilters" << "*,db[1" << "'db[1' at character 5";
    QTest::newRow("bad alias regex") << "RecoverIntermediateMasterClusterFilters" << "alias~=(x" << "'alias~=(x' at character";
    QTest::newRow("bad host regex") << "PromotionIgnoreHostnameFilters" << "+x" << "'+x' at character 1";
    QTest::newRow("negative seconds") << "RecoveryPeriodBlockSeconds" << "-1" << "from 0 to";
    QTest::newRow("not a number") << "InstancePollSeconds" << "fast" << "not 'fast'";
    QTest::newRow("poll zero") << "InstancePollSeconds" << "0" << "from 1 to";
    QTest::newRow("broken JSON list") << "RecoverMasterClusterFilters" << R"(["a",)" << "not a valid JSON array";
    QTest::newRow("hook as shell string") << "PreFailoverProcesses" << R"(["/bin/sh -c 'x'"])" << "array of arguments";
    QTest::newRow("hook empty program") << "PreFailoverProcesses" << R"([[""]])" << "program is empty";
}

void tst_Policy::refusedValuesChangeNothing()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, errorPart);
    Policy p;
    p.set(QStringLiteral("RecoverMasterClusterFilters"), QStringLiteral("alias=orders"));
    p.set(QStringLiteral("PreFailoverProcesses"), QStringLiteral(R"([["/bin/true"]])"));
    const Policy before = p;
    QString error;
    QVERIFY(!p.set(key, value, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(p == before);
}

void tst_Policy::jsonRoundTrip()
{
    Policy p;
    QVERIFY(p.set(QStringLiteral("AutoFailover"), QStringLiteral("on")));
    QVERIFY(p.set(QStringLiteral("RecoverMasterClusterFilters"), QStringLiteral("alias~=prod-.*,db9:3306")));
    QVERIFY(p.set(QStringLiteral("PromotionIgnoreHostnameFilters"), QStringLiteral("backup-.*")));
    QVERIFY(p.set(QStringLiteral("RecoveryPeriodBlockSeconds"), QStringLiteral("120")));
    QVERIFY(p.set(QStringLiteral("PostFailoverProcesses"), QStringLiteral(R"([["/usr/bin/logger","-t","failover"],["/bin/true"]])")));
    const QJsonObject json = p.toJson();
    QString error;
    const auto back = Policy::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == p);
    QCOMPARE(back->toJson(), json);
    QVERIFY(json.value(QStringLiteral("Hooks")).toObject().contains(QStringLiteral("PostFailover")));
}

void tst_Policy::importErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("unknown key") << QByteArray(R"({"AutoFailover": true, "Bogus": 1})") << "unknown policy key 'Bogus'";
    QTest::newRow("bad regex") << QByteArray(R"({"RecoverMasterClusterFilters": ["db("]})") << "'db(' at character";
    QTest::newRow("unknown hook") << QByteArray(R"({"Hooks": {"PreFailure": [["/bin/true"]]}})") << "unknown hook 'PreFailure'";
    QTest::newRow("hook not argv") << QByteArray(R"({"Hooks": {"PreFailover": ["/bin/true"]}})") << "Hooks.PreFailover";
    QTest::newRow("wrong type") << QByteArray(R"({"AutoFailover": null})") << "wrong type";
}

void tst_Policy::importErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorPart);
    QString error;
    QVERIFY(!Policy::fromJson(QJsonDocument::fromJson(json).object(), &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

QTEST_APPLESS_MAIN(tst_Policy)
#include "tst_policy.moc"
