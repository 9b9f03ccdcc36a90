#include "analysis/analysiscontext.h"
#include "analysis/analyzer.h"
#include "model/factsjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Topograph;

namespace {

struct Fixture
{
    TopologySnapshotPtr snapshot;
    AnalyzerSettings settings;
};

QJsonObject overlay(QJsonObject base, const QJsonObject &top)
{
    for (auto it = top.begin(); it != top.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

// tests/fixtures/analysis/NAME.json: a snapshot in factsjson's format, plus "instanceDefaults"
// and "channelDefaults" merged under every instance/channel (so each fixture states only what
// differs from a healthy GTID cluster) and optional "analyzerSettings".
std::optional<Fixture> loadFixture(const QString &name, QString *error)
{
    QFile file(QStringLiteral(TOPOGRAPH_FIXTURES_DIR "/analysis/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonObject doc = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2").arg(file.fileName(), parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject instanceDefaults = doc.value(QLatin1String("instanceDefaults")).toObject();
    const QJsonObject channelDefaults = doc.value(QLatin1String("channelDefaults")).toObject();
    QJsonArray instances;
    for (const QJsonValue &v : doc.value(QLatin1String("instances")).toArray()) {
        QJsonObject inst = overlay(instanceDefaults, v.toObject());
        QJsonArray channels;
        for (const QJsonValue &c : inst.value(QLatin1String("channels")).toArray())
            channels.append(overlay(channelDefaults, c.toObject()));
        if (!channels.isEmpty())
            inst.insert(QStringLiteral("channels"), channels);
        instances.append(inst);
    }
    doc.insert(QStringLiteral("instances"), instances);
    const auto input = snapshotInputFromJson(doc, error);
    if (!input)
        return std::nullopt;
    Fixture f;
    f.snapshot = TopologySnapshot::build(*input);
    const QJsonObject s = doc.value(QLatin1String("analyzerSettings")).toObject();
    f.settings.reasonableReplicationLagSeconds =
        s.value(QLatin1String("reasonableReplicationLagSeconds")).toInteger(f.settings.reasonableReplicationLagSeconds);
    const QJsonObject replaced = s.value(QLatin1String("replacedMasters")).toObject();
    for (auto it = replaced.begin(); it != replaced.end(); ++it) {
        const auto former = InstanceKey::parse(it.key()), successor = InstanceKey::parse(it.value().toString());
        if (!former || !successor) {
            *error = QStringLiteral("%1: replacedMasters: bad key %2").arg(file.fileName(), it.key());
            return std::nullopt;
        }
        f.settings.replacedMasters.insert(*former, *successor);
    }
    return f;
}

QString tag(const Analysis &a)
{
    return a.codeName() + QLatin1Char('@') + a.instance.toString();
}

struct Row
{
    const char *name;
    const char *fixture;
    QStringList expected;   // every analysis of the snapshot, "Code@host:port"
    QStringList actionable; // the subset that must be actionable
    const char *mention;    // the first expected analysis's explanation contains this
};

QString d(int n)
{
    return QStringLiteral("@db%1:3306").arg(n);
}

// One table so that everyCodeHasARow() can check that no code goes untested.
QList<Row> rows()
{
    const QString dm = QStringLiteral("DeadMaster") + d(1);
    return {
        {"healthy cluster", "healthy", {}, {}, ""},
        {"dead master: all replicas fail to connect", "dead-master", {dm}, {dm},
         "db1:3306 is unreachable (connection refused) and all 3 of its replicas fail to connect to it: the master is dead."},
        {"dead master: IO thread gave up, SQL thread running", "dead-master-io-gave-up", {dm}, {dm}, "both of its replicas fail"},
        {"dead master: a replica stopped by a DBA abstains", "dead-master-one-dba-stopped", {dm}, {dm},
         "1 of its 2 replicas fails to connect to it (the other: db3:3306 stopped): the master is dead."},
        {"near miss: master unreachable but one replica still streaming", "unreachable-master-one-streaming",
         {"UnreachableMaster" + d(1)}, {}, "1 of its 2 replicas is still replicating from it"},
        {"near miss: frozen master, replica IO threads not timed out yet", "unreachable-master-frozen",
         {"UnreachableMaster" + d(1)}, {}, "read timeout after 2 s"},
        {"near miss: replicas stopped by a DBA are no votes", "unreachable-master-dba-stopped",
         {"UnreachableMaster" + d(1)}, {}, "none of its replicas confirms it is dead (db2:3306 stopped, db3:3306 stopped (last IO error 2003))"},
        {"near miss: replica IO threads get access denied from the master", "unreachable-master-replica-access-denied",
         {"UnreachableMaster" + d(1), "ReplicationIOThreadError" + d(2), "ReplicationIOThreadError" + d(3)}, {}, "none of its replicas confirms"},
        {"unreachable master, all replicas lagging", "unreachable-master-lagging",
         {"UnreachableMasterWithLaggingReplicas" + d(1), "ReplicationLagAboveThreshold" + d(2), "ReplicationLagAboveThreshold" + d(3)},
         {}, "more than 10 s behind (up to 300 s)"},
        {"near miss: unreachable master, only one replica lagging", "unreachable-master-one-lagging",
         {"UnreachableMaster" + d(1), "ReplicationLagAboveThreshold" + d(2)}, {}, ""},
        {"near miss: access denied on the master means alive", "access-denied-master", {}, {}, ""},
        {"near miss: too many connections on the master means alive", "too-many-connections-master",
         {"AllMasterReplicasNotReplicating" + d(1), "ReplicationIOThreadError" + d(2), "ReplicationIOThreadError" + d(3)}, {},
         "IO error 1040"},
        {"dead master and some replicas", "dead-master-and-some-replicas", {"DeadMasterAndSomeReplicas" + d(1)},
         {"DeadMasterAndSomeReplicas" + d(1)}, "1 of its 3 replicas is unreachable too (db2:3306), and both reachable replicas fail to connect to it: the master is dead."},
        {"dead master and all its replicas: report only", "dead-master-and-replicas", {"DeadMasterAndReplicas" + d(1)}, {},
         "may be cut off"},
        {"dead master without replicas", "dead-master-without-replicas", {"DeadMasterWithoutReplicas" + d(1)}, {}, "no replicas"},
        {"all master replicas not replicating", "all-replicas-not-replicating", {"AllMasterReplicasNotReplicating" + d(1)}, {},
         "db2:3306 stopped, db3:3306 stopped"},
        {"all master replicas not replicating or dead", "all-replicas-not-replicating-or-dead",
         {"AllMasterReplicasNotReplicatingOrDead" + d(1)}, {}, "db3:3306 unreachable"},
        {"near miss: all replicas lagging under a reachable master", "all-replicas-lagging",
         {"ReplicationLagAboveThreshold" + d(2), "ReplicationLagAboveThreshold" + d(3)}, {}, "100 s behind db1:3306"},
        {"master single replica not replicating", "single-replica-not-replicating",
         {"MasterSingleReplicaNotReplicating" + d(1), "ReplicationSQLThreadError" + d(2)}, {}, "db2:3306 SQL error 1062"},
        {"master single replica dead", "single-replica-dead", {"MasterSingleReplicaDead" + d(1)}, {}, "db2:3306, is unreachable"},
        {"first tier replica failing to connect", "first-tier-failing", {"FirstTierReplicaFailingToConnectToMaster" + d(2)}, {},
         "while 2 other replicas receive"},
        {"no writeable master", "no-writeable-master", {"NoWriteableMaster" + d(1)}, {}, "read_only=1"},
        {"locked semi-sync master", "locked-semi-sync-master", {"LockedSemiSyncMaster" + d(1)}, {}, "needs 1 acknowledgement but no semi-sync replica is connected, and 3 sessions are waiting"},
        {"near miss: semi-sync fell back to asynchronous", "semi-sync-fallen-back", {}, {}, ""},
        {"near miss: semi-sync has its acknowledgements", "semi-sync-enough-acks", {}, {}, ""},
        {"downtimed dead master: reported, not actionable", "downtimed-dead-master", {dm}, {},
         "downtimed until 2026-05-01T14:00:00Z by alice: kernel upgrade"},
        {"expired downtime: actionable again", "expired-downtime-dead-master", {dm}, {dm}, ""},
        {"maintenance: a master in maintenance is left out", "maintenance-dead-master", {}, {}, ""},
        {"maintenance replica still streaming blocks DeadMaster", "maintenance-replica-streaming",
         {"UnreachableMaster" + d(1)}, {}, "db3:3306 in maintenance is still replicating"},
        {"maintenance replica is not counted", "maintenance-replica-dead", {dm}, {dm}, "both of its replicas fail to connect"},
        {"two clusters: only the broken one reports", "two-clusters", {dm}, {dm}, ""},
        {"multi-source replica streaming on a secondary connection is a witness", "multi-source-witness",
         {"UnreachableMaster" + d(1)}, {}, ""},
        {"dead intermediate master", "dead-intermediate-master", {"DeadIntermediateMaster" + d(2)},
         {"DeadIntermediateMaster" + d(2)}, "both of its replicas fail to connect to it: relocate its replicas."},
        {"dead intermediate master, single replica failing to connect", "dead-intermediate-master-single-replica",
         {"DeadIntermediateMasterWithSingleReplicaFailingToConnect" + d(2)},
         {"DeadIntermediateMasterWithSingleReplicaFailingToConnect" + d(2)}, "its only replica db3:3306 fails"},
        {"dead intermediate master and some replicas", "dead-intermediate-master-and-some-replicas",
         {"DeadIntermediateMasterAndSomeReplicas" + d(2)}, {"DeadIntermediateMasterAndSomeReplicas" + d(2)}, "(db3:3306), and the only reachable replica fails to connect"},
        {"dead intermediate master and all its replicas", "dead-intermediate-master-and-replicas",
         {"DeadIntermediateMasterAndReplicas" + d(2)}, {}, ""},
        {"near miss: unreachable intermediate master, a replica still streams", "unreachable-intermediate-master",
         {"UnreachableIntermediateMaster" + d(2)}, {}, "1 of its 2 replicas is still replicating"},
        {"all intermediate master replicas failing to connect", "intermediate-master-replicas-failing",
         {"AllIntermediateMasterReplicasFailingToConnectOrDead" + d(2)},
         {"AllIntermediateMasterReplicasFailingToConnectOrDead" + d(2)}, "is reachable but both of its replicas fail"},
        {"near miss: intermediate master's replicas stopped by a DBA", "intermediate-master-replicas-stopped", {}, {}, ""},
        {"deep chain: dead middle link", "deep-chain-dead-middle",
         {"DeadIntermediateMasterWithSingleReplicaFailingToConnect" + d(3)},
         {"DeadIntermediateMasterWithSingleReplicaFailingToConnect" + d(3)}, ""},
        {"dead co-master", "dead-co-master", {"DeadCoMaster" + d(1)}, {"DeadCoMaster" + d(1)}, "Co-master db1:3306 is unreachable"},
        {"dead co-master and some replicas", "dead-co-master-and-some-replicas", {"DeadCoMasterAndSomeReplicas" + d(1)},
         {"DeadCoMasterAndSomeReplicas" + d(1)}, "the co-master is dead"},
        {"near miss: healthy co-masters", "healthy-co-masters", {}, {}, ""},
        {"no logging replicas", "no-logging-replicas", {"NoLoggingReplicas" + d(1)}, {}, "db2:3306, db3:3306"},
        {"no failover support", "no-failover-support", {"NoFailoverSupport" + d(1)}, {}, "not GTID"},
        {"mixed binlog formats", "mixed-binlog-formats", {"MixedBinlogFormats" + d(1)}, {}, "STATEMENT: db3:3306"},
        {"mixed major versions", "mixed-major-versions", {"MixedMajorVersions" + d(1)}, {}, "MariaDB 10.6: db3:3306"},
        {"different gtid_strict_mode", "different-gtid-strict-mode", {"DifferentGTIDModes" + d(1)}, {}, "gtid_strict_mode"},
        {"different gtid_mode (MySQL)", "different-gtid-modes-mysql", {"DifferentGTIDModes" + d(1), "NoFailoverSupport" + d(1)},
         {}, "ON_PERMISSIVE: db3:3306"},
        {"writable replica", "writable-replica", {"WritableReplica" + d(2)}, {}, "read_only=0"},
        {"former master back, writable", "former-master-returned-writable", {"FormerMasterReturned" + d(1)}, {},
         "db1:3306 was replaced by db2:3306 in a recovery and answers again as a writable master of its own: anything "
         "written on it is not on db2:3306; rejoin it as a replica of db2:3306"},
        {"former master back, read-only", "former-master-returned-read-only", {"FormerMasterReturned" + d(1)}, {},
         "answers again as a read-only master of its own: rejoin it"},
        {"near miss: former master rejoined below its successor", "former-master-rejoined", {}, {}, ""},
        {"near miss: former master made master again by a takeover", "former-master-taken-over-again", {}, {}, ""},
        {"replication lag (a delayed replica is not lagging)", "replication-lag", {"ReplicationLagAboveThreshold" + d(2)}, {},
         "30 s behind"},
        {"near miss: lag under a configured threshold", "lag-threshold-setting", {}, {}, ""},
        {"SQL thread error", "sql-thread-error", {"ReplicationSQLThreadError" + d(2)}, {}, "error 1062"},
        {"IO thread error", "io-thread-error", {"ReplicationIOThreadError" + d(2)}, {}, "error 1236"},
        {"errant GTID, MariaDB: a write on the replica (timing ignored)", "errant-gtid-mariadb", {"ErrantGTID" + d(2)}, {},
         "0-2-101 (master at 0-1-100)"},
        {"errant GTID, MariaDB: a domain the master never produced", "errant-gtid-mariadb-domain", {"ErrantGTID" + d(2)}, {},
         "5-2-3 (domain 5 is not in the master's binary log)"},
        {"near miss: upstream GTIDs ahead of an intermediate master are timing", "errant-gtid-mariadb-chain-timing", {}, {}, ""},
        {"errant GTID, MySQL: own writes named, timing ignored", "errant-gtid-mysql", {"ErrantGTID" + d(2)}, {},
         "executed 2 transactions its master db1:3306 does not have (errant GTID 4f22ab58-82db-22f2-af44-d91bb0b30673:1-2)"},
        {"errant GTID, MySQL: old master's transactions the new master lacks", "errant-gtid-mysql-old-master",
         {"ErrantGTID" + d(2)}, {}, "5a33bc69-93ec-33a3-b055-ea2cc1c41784:6-7"},
    };
}

} // namespace

class tst_Analyzer : public QObject
{
    Q_OBJECT
private slots:
    void codes_data();
    void codes();
    void everyCodeHasARow();
    void formerMasterSeverity();
    void unreachableMasterAsksForReprobe();
    void downtimeIsFlagged();
    void errantGtidFacts();
    void deterministic();
    void codeNames();
    void classifyReplica_data();
    void classifyReplica();
};

void tst_Analyzer::codes_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("actionable");
    QTest::addColumn<QString>("mention");
    for (const Row &r : rows())
        QTest::newRow(r.name) << QString::fromLatin1(r.fixture) << r.expected << r.actionable << QString::fromUtf8(r.mention);
}

void tst_Analyzer::codes()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, actionable);
    QFETCH(QString, mention);
    QString error;
    const auto f = loadFixture(fixture, &error);
    QVERIFY2(f, qPrintable(error));
    const QList<Analysis> result = analyze(*f->snapshot, f->settings);

    QStringList got, gotActionable;
    for (const Analysis &a : result) {
        got << tag(a);
        if (a.actionable)
            gotActionable << tag(a);
        // every analysis is complete and belongs to the instance's cluster
        QVERIFY2(a.explanation.endsWith(QLatin1Char('.')), qPrintable(a.explanation));
        QVERIFY2(a.explanation.contains(a.instance.toString()), qPrintable(a.explanation));
        QVERIFY(!a.facts.isEmpty());
        if (const ClusterInfo *c = f->snapshot->clusterOf(a.instance))
            QCOMPARE(a.cluster, c->name);
        QVERIFY2(!a.actionable || !a.downtimed, qPrintable(tag(a)));
    }
    auto sorted = [](QStringList l) {
        l.sort();
        return l;
    };
    QCOMPARE(sorted(got), sorted(expected));
    QCOMPARE(sorted(gotActionable), sorted(actionable));
    if (!mention.isEmpty()) {
        const auto it = std::find_if(result.begin(), result.end(), [&](const Analysis &a) { return tag(a) == expected.first(); });
        QVERIFY(it != result.end());
        QVERIFY2(it->explanation.contains(mention), qPrintable(it->explanation));
    }
}

void tst_Analyzer::everyCodeHasARow()
{
    QSet<QString> covered;
    for (const Row &r : rows())
        for (const QString &e : r.expected)
            covered.insert(e.section(QLatin1Char('@'), 0, 0));
    for (AnalysisCode c : allAnalysisCodes())
        QVERIFY2(covered.contains(analysisCodeName(c)), qPrintable(analysisCodeName(c) + QStringLiteral(" has no test row")));
}

void tst_Analyzer::formerMasterSeverity()
{
    // Writable: writes are diverging now (error); read-only: only out of the topology (warning).
    for (const auto &[fixture, severity] : {std::pair{"former-master-returned-writable", Severity::Error},
                                            std::pair{"former-master-returned-read-only", Severity::Warning}}) {
        QString error;
        const auto f = loadFixture(QString::fromLatin1(fixture), &error);
        QVERIFY2(f, qPrintable(error));
        const QList<Analysis> result = analyze(*f->snapshot, f->settings);
        const auto it = std::find_if(result.begin(), result.end(),
                                     [](const Analysis &a) { return a.code == AnalysisCode::FormerMasterReturned; });
        QVERIFY(it != result.end());
        QCOMPARE(it->severity, severity);
        QVERIFY(!it->actionable);
        QCOMPARE(it->facts.value(QLatin1String("currentMaster")).toString(), QStringLiteral("db2:3306"));
    }
}

void tst_Analyzer::unreachableMasterAsksForReprobe()
{
    QString error;
    const auto f = loadFixture(QStringLiteral("unreachable-master-one-streaming"), &error);
    QVERIFY2(f, qPrintable(error));
    const QList<Analysis> result = analyze(*f->snapshot, f->settings);
    QCOMPARE(result.size(), 1);
    const Analysis &a = result.first();
    QCOMPARE(a.code, AnalysisCode::UnreachableMaster);
    QVERIFY(!a.actionable);
    QList<InstanceKey> reprobe = a.reprobe;
    std::sort(reprobe.begin(), reprobe.end());
    QCOMPARE(reprobe, (QList<InstanceKey>{{QStringLiteral("db1"), 3306}, {QStringLiteral("db2"), 3306}, {QStringLiteral("db3"), 3306}}));
    QCOMPARE(a.facts.value(QLatin1String("verdict")).toString(), QStringLiteral("replicas still streaming"));
    QCOMPARE(a.affectedReplicas.size(), 2);
}

void tst_Analyzer::downtimeIsFlagged()
{
    QString error;
    const auto f = loadFixture(QStringLiteral("downtimed-dead-master"), &error);
    QVERIFY2(f, qPrintable(error));
    const QList<Analysis> result = analyze(*f->snapshot, f->settings);
    QCOMPARE(result.size(), 1);
    QVERIFY(result.first().downtimed);
    QVERIFY(!result.first().actionable);
    QCOMPARE(result.first().facts.value(QLatin1String("downtime")).toObject().value(QLatin1String("owner")).toString(),
             QStringLiteral("alice"));
    QCOMPARE(result.first().toJson().value(QLatin1String("downtimed")).toBool(), true);
}

void tst_Analyzer::errantGtidFacts()
{
    QString error;
    const auto f = loadFixture(QStringLiteral("errant-gtid-mysql"), &error);
    QVERIFY2(f, qPrintable(error));
    const QList<Analysis> result = analyze(*f->snapshot, f->settings);
    QCOMPARE(result.size(), 1);
    QCOMPARE(result.first().facts.value(QLatin1String("errant")).toString(),
             QStringLiteral("4f22ab58-82db-22f2-af44-d91bb0b30673:1-2"));
    QCOMPARE(result.first().facts.value(QLatin1String("errantCount")).toInt(), 2);
    QCOMPARE(result.first().severity, Severity::Error);
}

void tst_Analyzer::deterministic()
{
    QString error;
    const auto f = loadFixture(QStringLiteral("two-clusters"), &error);
    QVERIFY2(f, qPrintable(error));
    auto json = [](const QList<Analysis> &list) {
        QJsonArray a;
        for (const Analysis &x : list)
            a.append(x.toJson());
        return a;
    };
    const QJsonArray first = json(analyze(*f->snapshot, f->settings));
    QCOMPARE(json(analyze(*f->snapshot, f->settings)), first);
    // the same facts given in another order give the same analyses
    TopologySnapshot::Input in;
    const auto values = f->snapshot->instances().values();
    in.instances = QList<InstanceFacts>(values.rbegin(), values.rend());
    in.takenAt = f->snapshot->takenAt();
    QCOMPARE(json(analyze(*TopologySnapshot::build(in), f->settings)), first);
}

void tst_Analyzer::codeNames()
{
    for (AnalysisCode c : allAnalysisCodes())
        QCOMPARE(analysisCodeFromName(analysisCodeName(c)), c);
    QCOMPARE(analysisCodeFromName(QStringLiteral("ErrantGTIDStructureWarning")), AnalysisCode::ErrantGTID);
    QCOMPARE(analysisCodeFromName(QStringLiteral("deadmaster")), AnalysisCode::DeadMaster);
    QCOMPARE(analysisCodeFromName(QStringLiteral("NoSuchThing")), std::nullopt);
    QVERIFY(isStructureWarning(AnalysisCode::NoLoggingReplicas));
    QVERIFY(!isStructureWarning(AnalysisCode::DeadMaster));
    AnalyzerSettings s;
    QVERIFY(!isActionableCode(AnalysisCode::NoWriteableMaster, s));
    s.fixNoWriteableMaster = true;
    QVERIFY(isActionableCode(AnalysisCode::NoWriteableMaster, s));
    QVERIFY(!isActionableCode(AnalysisCode::UnreachableMaster, s));
}

void tst_Analyzer::classifyReplica_data()
{
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<QString>("probeError");
    QTest::addColumn<QString>("io");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("ioErrno");
    QTest::addColumn<int>("sqlErrno");
    QTest::addColumn<QString>("state");

    QTest::newRow("replicating") << true << "none" << "Yes" << "Yes" << 0 << 0 << "replicating";
    QTest::newRow("IO running, SQL stopped by an error") << true << "none" << "Yes" << "No" << 0 << 1062 << "receiving, SQL thread stopped";
    QTest::newRow("connecting, no error yet") << true << "none" << "Connecting" << "Yes" << 0 << 0 << "failing to connect";
    QTest::newRow("connecting, can't connect") << true << "none" << "Connecting" << "Yes" << 2003 << 0 << "failing to connect";
    QTest::newRow("connecting, SQL thread broken too") << true << "none" << "Connecting" << "No" << 2003 << 1062 << "failing to connect";
    QTest::newRow("IO gave up, SQL running") << true << "none" << "No" << "Yes" << 2013 << 0 << "failing to connect";
    QTest::newRow("IO gave up, SQL stopped by an error") << true << "none" << "No" << "No" << 2003 << 1062 << "failing to connect";
    QTest::newRow("DBA stop after an old connect error") << true << "none" << "No" << "No" << 2003 << 0 << "stopped";
    QTest::newRow("DBA stop") << true << "none" << "No" << "No" << 0 << 0 << "stopped";
    QTest::newRow("source answers: access denied") << true << "none" << "Connecting" << "Yes" << 1045 << 0 << "IO thread broken";
    QTest::newRow("source answers: binlog purged") << true << "none" << "No" << "Yes" << 1236 << 0 << "IO thread broken";
    QTest::newRow("IO thread stopped alone") << true << "none" << "No" << "Yes" << 0 << 0 << "IO thread broken";
    QTest::newRow("replica unreachable") << false << "unreachable" << "Yes" << "Yes" << 0 << 0 << "unreachable";
    QTest::newRow("replica frozen") << false << "timeout" << "Yes" << "Yes" << 0 << 0 << "unreachable";
    QTest::newRow("replica alive, access denied to us") << false << "access denied" << "Connecting" << "Yes" << 2003 << 0 << "unknown";
}

void tst_Analyzer::classifyReplica()
{
    QFETCH(bool, reachable);
    QFETCH(QString, probeError);
    QFETCH(QString, io);
    QFETCH(QString, sql);
    QFETCH(int, ioErrno);
    QFETCH(int, sqlErrno);
    QFETCH(QString, state);
    const QJsonObject json{{QStringLiteral("key"), QStringLiteral("db2:3306")},
                           {QStringLiteral("reachable"), reachable},
                           {QStringLiteral("lastError"), probeError},
                           {QStringLiteral("channels"),
                            QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("db1:3306")},
                                                   {QStringLiteral("ioThread"), io},
                                                   {QStringLiteral("sqlThread"), sql},
                                                   {QStringLiteral("lastIoErrno"), ioErrno},
                                                   {QStringLiteral("lastSqlErrno"), sqlErrno}}}}};
    QString error;
    const auto f = instanceFactsFromJson(json, &error);
    QVERIFY2(f, qPrintable(error));
    QCOMPARE(replicaStateName(Topograph::classifyReplica(*f, f->channels.first())), state);
}

QTEST_APPLESS_MAIN(tst_Analyzer)
#include "tst_analyzer.moc"
