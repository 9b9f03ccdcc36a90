#include "model/factsjson.h"
#include "recovery/candidates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Topograph;

namespace {

// A dead MariaDB master m (db0) with replicas a, b, c (db1..db3), all healthy 10.6 GTID replicas
// with the IO thread failing to connect. A row changes what it needs with shorthand fields:
//   io / applied: Gtid_IO_Pos / gtid_current_pos      sqlErrno, sqlDelay, lag: replication
//   rule: promotion rule    version, binlogFormat, logSlaveUpdates, reachable, flavor
//   downtime: true          gtidExecuted / retrieved: MySQL sets
TopologySnapshotPtr scenario(const QJsonObject &changes)
{
    QJsonArray instances;
    QJsonObject rules;
    QJsonObject downtimes;
    instances.append(QJsonObject{{"key", "db0:3306"}, {"reachable", false}, {"flavor", "MariaDB"},
                                 {"version", "10.6.16-MariaDB"}, {"logBin", true}, {"readOnly", false},
                                 {"gtidBinlogPos", "0-100-105"}, {"binlogFormat", "ROW"}});
    const QStringList names{"a", "b", "c"};
    for (int i = 0; i < names.size(); ++i) {
        const QString key = QStringLiteral("db%1:3306").arg(i + 1);
        const QJsonObject ch = changes.value(names.at(i)).toObject();
        QJsonObject channel{{"source", "db0:3306"}, {"ioThread", "Connecting"}, {"sqlThread", "Yes"},
                            {"lastIoErrno", 2003}, {"usingGtid", "Slave_Pos"},
                            {"gtidIoPos", ch.value("io").toString("0-100-100")},
                            {"lastSqlErrno", ch.value("sqlErrno").toInt(0)},
                            {"lastSqlError", ch.contains("sqlErrno") ? "Duplicate entry '7' for key 'PRIMARY'" : ""},
                            {"sqlDelay", ch.value("sqlDelay").toInt(0)},
                            {"retrievedGtidSet", ch.value("retrieved").toString()}};
        if (ch.contains("lag"))
            channel.insert("secondsBehindMaster", ch.value("lag"));
        if (ch.contains("sqlErrno"))
            channel.insert("sqlThread", "No");
        QJsonObject f{{"key", key},
                      {"reachable", ch.value("reachable").toBool(true)},
                      {"flavor", ch.value("flavor").toString("MariaDB")},
                      {"version", ch.value("version").toString("10.6.16-MariaDB")},
                      {"logBin", true},
                      {"logReplicaUpdates", ch.value("logSlaveUpdates").toBool(true)},
                      {"binlogFormat", ch.value("binlogFormat").toString("ROW")},
                      {"readOnly", true},
                      {"gtidMode", "ON"},
                      {"gtidExecuted", ch.value("gtidExecuted").toString()},
                      {"gtidCurrentPos", ch.value("applied").toString(ch.value("io").toString("0-100-100"))},
                      {"channels", QJsonArray{channel}}};
        instances.append(f);
        if (ch.contains("rule"))
            rules.insert(key, ch.value("rule"));
        if (ch.value("downtime").toBool())
            downtimes.insert(key, QJsonObject{{"reason", "disk swap"}});
    }
    QString error;
    auto input = snapshotInputFromJson(QJsonObject{{"instances", instances}, {"promotionRules", rules},
                                                   {"downtimes", downtimes}}, &error);
    if (!input)
        qFatal("fixture: %s", qPrintable(error));
    return TopologySnapshot::build(*input);
}

QString keyOf(const QString &name)
{
    return QStringLiteral("db%1:3306").arg(name.at(0).unicode() - 'a' + 1);
}

} // namespace

class tst_Candidates : public QObject
{
    Q_OBJECT
private slots:
    void plan_data();
    void plan();
    void noReplicas();
};

void tst_Candidates::plan_data()
{
    QTest::addColumn<QByteArray>("changes");     // JSON object: node -> shorthand fields
    QTest::addColumn<QString>("ignoreHosts");    // PromotionIgnoreHostnameFilters, comma separated
    QTest::addColumn<QString>("requested");      // manual --candidate, node name or ""
    QTest::addColumn<int>("lagLimit");           // FailMasterPromotionOnLagSeconds
    QTest::addColumn<QString>("chosen");         // node name, or "" when refused
    QTest::addColumn<QString>("catchUpFrom");    // node name or ""
    QTest::addColumn<QString>("lost");           // node names, sorted, comma separated
    QTest::addColumn<QString>("mention");        // text the refusal / exclusions / explanation contains

    QTest::newRow("most advanced receiver wins")
        << QByteArray(R"({"a":{"io":"0-100-101"},"b":{"io":"0-100-105"},"c":{"io":"0-100-103"}})")
        << "" << "" << 0 << "b" << "" << "" << "most advanced replica (received 0-100-105)";
    QTest::newRow("received counts before applied")
        << QByteArray(R"({"a":{"io":"0-100-105","applied":"0-100-90"},"b":{"io":"0-100-104"},"c":{}})")
        << "" << "" << 0 << "a" << "" << "" << "";
    QTest::newRow("equal received: applied decides")
        << QByteArray(R"({"a":{"io":"0-100-105","applied":"0-100-101"},"b":{"io":"0-100-105"},"c":{"io":"0-100-105","applied":"0-100-99"}})")
        << "" << "" << 0 << "b" << "" << "" << "";
    QTest::newRow("ties broken by key, deterministic")
        << QByteArray(R"({})") << "" << "" << 0 << "a" << "" << "" << "";
    QTest::newRow("SQL thread error never wins (orchestrator #1050)")
        << QByteArray(R"({"b":{"io":"0-100-105","sqlErrno":1062},"c":{"io":"0-100-103"}})")
        << "" << "" << 0 << "c" << "" << "b" << "SQL thread stopped by error 1062";
    QTest::newRow("must_not is not promoted but hands over what it has")
        << QByteArray(R"({"b":{"io":"0-100-105","rule":"must_not"},"c":{"io":"0-100-103"}})")
        << "" << "" << 0 << "c" << "b" << "" << "promotion rule must_not";
    QTest::newRow("ignored host, whole-name match")
        << QByteArray(R"({"b":{"io":"0-100-105"},"c":{"io":"0-100-103"}})")
        << "db2" << "" << 0 << "c" << "b" << "" << "PromotionIgnoreHostnameFilters 'db2'";
    QTest::newRow("ignore filter is not a prefix match")
        << QByteArray(R"({"b":{"io":"0-100-105"}})")
        << "db" << "" << 0 << "b" << "" << "" << "";
    QTest::newRow("preferred but behind: catches up first")
        << QByteArray(R"({"a":{"rule":"prefer"},"b":{"io":"0-100-105"}})")
        << "" << "" << 0 << "a" << "b" << "" << "preferred by promotion rule; it will first catch up from db2:3306";
    QTest::newRow("prefer_not ranks after neutral at equal progress")
        << QByteArray(R"({"a":{"rule":"prefer_not"}})")
        << "" << "" << 0 << "b" << "" << "" << "";
    QTest::newRow("delayed replica excluded and cannot feed")
        << QByteArray(R"({"b":{"io":"0-100-105","applied":"0-100-60","sqlDelay":3600},"c":{"io":"0-100-103"}})")
        << "" << "" << 0 << "c" << "" << "b" << "delayed replica (SQL_Delay=3600 s)";
    QTest::newRow("downtimed replica is never promoted")
        << QByteArray(R"({"b":{"io":"0-100-105","downtime":true},"c":{"io":"0-100-101"}})")
        << "" << "" << 0 << "c" << "b" << "" << "downtimed until";
    QTest::newRow("newer version excluded; older replicas stay")
        << QByteArray(R"({"b":{"version":"10.11.6-MariaDB"},"a":{"io":"0-100-101"}})")
        << "" << "" << 0 << "a" << "" << "" << "newer than other replicas";
    QTest::newRow("no log_slave_updates: excluded")
        << QByteArray(R"({"b":{"io":"0-100-105","logSlaveUpdates":false},"c":{"io":"0-100-101"}})")
        << "" << "" << 0 << "c" << "" << "b" << "log_slave_updates=OFF";
    QTest::newRow("unreachable replica is lost")
        << QByteArray(R"({"c":{"reachable":false}})")
        << "" << "" << 0 << "a" << "" << "c" << "unreachable";
    QTest::newRow("STATEMENT replica cannot follow a ROW master")
        << QByteArray(R"({"a":{"io":"0-100-101"},"c":{"binlogFormat":"STATEMENT"}})")
        << "" << "" << 0 << "a" << "" << "c" << "cannot re-log";
    QTest::newRow("operator's choice, caught up from the most advanced")
        << QByteArray(R"({"b":{"io":"0-100-105"}})")
        << "" << "c" << 0 << "c" << "b" << "" << "requested by the operator";
    QTest::newRow("operator's choice refused when excluded")
        << QByteArray(R"({"b":{"rule":"must_not"}})")
        << "" << "b" << 0 << "" << "" << "" << "db2:3306 cannot be promoted: promotion rule must_not";
    QTest::newRow("best candidate lags beyond the limit")
        << QByteArray(R"({"b":{"io":"0-100-105","lag":30}})")
        << "" << "" << 10 << "" << "" << "" << "lags 30 s, more than FailMasterPromotionOnLagSeconds=10";
    QTest::newRow("lag within the limit")
        << QByteArray(R"({"b":{"io":"0-100-105","lag":3}})")
        << "" << "" << 10 << "b" << "" << "" << "";
    QTest::newRow("everyone excluded: refused with each reason")
        << QByteArray(R"({"a":{"rule":"must_not"},"b":{"sqlErrno":1062},"c":{"reachable":false}})")
        << "" << "" << 0 << "" << "" << "" << "db1:3306: promotion rule must_not; db2:3306: SQL thread stopped by error 1062";
    QTest::newRow("MySQL: largest executed+retrieved set wins")
        << QByteArray(R"({"a":{"flavor":"MySQL","version":"8.0.36","gtidExecuted":"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100"},
                          "b":{"flavor":"MySQL","version":"8.0.36","gtidExecuted":"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100","retrieved":"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-104"},
                          "c":{"flavor":"MySQL","version":"8.0.36","gtidExecuted":"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-102"}})")
        << "" << "" << 0 << "b" << "" << "" << "";
}

void tst_Candidates::plan()
{
    QFETCH(QByteArray, changes);
    QFETCH(QString, ignoreHosts);
    QFETCH(QString, requested);
    QFETCH(int, lagLimit);
    QFETCH(QString, chosen);
    QFETCH(QString, catchUpFrom);
    QFETCH(QString, lost);
    QFETCH(QString, mention);

    QJsonParseError pe;
    const QJsonObject c = QJsonDocument::fromJson(changes, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    const auto snapshot = scenario(c);
    PromotionSettings settings;
    settings.ignoreHosts = *HostnameFilter::parse(ignoreHosts.split(QLatin1Char(','), Qt::SkipEmptyParts));
    settings.failMasterPromotionOnLagSeconds = lagLimit;
    if (!requested.isEmpty())
        settings.requested = InstanceKey::parse(keyOf(requested));

    const PromotionPlan plan = planPromotion(*snapshot, InstanceKey(QStringLiteral("db0"), 3306), settings);

    QString everything = plan.refusal + QLatin1Char('\n') + plan.explanation;
    for (const CandidateAssessment &a : plan.candidates)
        everything += QLatin1Char('\n') + a.exclusion + QLatin1Char(' ') + a.notes.join(QLatin1Char(' '));
    for (const auto &l : plan.lost)
        everything += QLatin1Char('\n') + l.second;

    QCOMPARE(plan.chosen ? plan.chosen->toString() : QString(), chosen.isEmpty() ? QString() : keyOf(chosen));
    QCOMPARE(plan.refusal.isEmpty(), !chosen.isEmpty());
    QCOMPARE(plan.catchUpFrom ? plan.catchUpFrom->toString() : QString(),
             catchUpFrom.isEmpty() ? QString() : keyOf(catchUpFrom));
    QStringList lostNames;
    for (const auto &l : plan.lost)
        lostNames << QString(QChar(u'a' + l.first.host().mid(2).toInt() - 1));
    lostNames.sort();
    if (!chosen.isEmpty())
        QCOMPARE(lostNames.join(QLatin1Char(',')), lost);
    QVERIFY2(everything.contains(mention), qPrintable(everything));
    if (plan.chosen) {
        QCOMPARE(plan.candidates.first().key, *plan.chosen); // the chosen one is listed first
        // every replica either follows or is lost, never both, never forgotten
        QCOMPARE(plan.followers.size() + plan.lost.size(), 2);
        QVERIFY(!plan.followers.contains(*plan.chosen));
        QCOMPARE(plan.cluster, QStringLiteral("db0:3306"));
    }
}

void tst_Candidates::noReplicas()
{
    TopologySnapshot::Input in;
    InstanceFacts m;
    m.key = InstanceKey(QStringLiteral("solo"), 3306);
    in.instances = {m};
    const auto plan = planPromotion(*TopologySnapshot::build(in), m.key, {});
    QVERIFY(!plan.chosen);
    QVERIFY2(plan.refusal.contains(QLatin1String("has no replicas")), qPrintable(plan.refusal));
}

QTEST_APPLESS_MAIN(tst_Candidates)
#include "tst_candidates.moc"
