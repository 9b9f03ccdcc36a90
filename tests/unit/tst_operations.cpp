// validate() over snapshot fixtures: every refusal with its reason, every happy path's plan.
// Fixture: m (master) > a, b, c; a > a1; x is a former master (its own cluster). MariaDB 10.11,
// ROW, log_bin + log_slave_updates, domain 0. Each row applies small mutations to it.
#include "operations/operation.h"

#include <QTest>

using namespace Topograph;

namespace {

InstanceKey key(const QString &n)
{
    static const QStringList names { "m", "a", "b", "c", "a1", "x" };
    return InstanceKey(QStringLiteral("db-%1").arg(n), 3306 + int(names.indexOf(n)));
}

InstanceFacts node(const QString &n, const QString &source, const QString &pos)
{
    InstanceFacts f;
    f.key = key(n);
    f.reachable = true;
    f.flavor = Flavor::MariaDB;
    f.version = QStringLiteral("10.11.6-MariaDB");
    f.serverId = quint32(f.key.port());
    f.logBin = true;
    f.logReplicaUpdates = true;
    f.binlogFormat = QStringLiteral("ROW");
    f.readOnly = !source.isEmpty();
    f.gtidCurrentPos = pos;
    f.gtidBinlogPos = pos;
    if (!source.isEmpty()) {
        ReplicationChannel ch;
        ch.source = key(source);
        ch.ioThread = ThreadState::Running;
        ch.sqlThread = ThreadState::Running;
        ch.secondsBehindMaster = 0;
        ch.usingGtid = QStringLiteral("Slave_Pos");
        f.channels << ch;
    }
    return f;
}

// m writes as server 3306: "0-3306-100".
TopologySnapshotPtr fixture(const QStringList &mutations)
{
    QMap<QString, InstanceFacts> n;
    n["m"] = node("m", {}, "0-3306-100");
    n["a"] = node("a", "m", "0-3306-100");
    n["b"] = node("b", "m", "0-3306-100");
    n["c"] = node("c", "m", "0-3306-100");
    n["a1"] = node("a1", "a", "0-3306-100");
    n["x"] = node("x", {}, "0-3311-90");
    TopologySnapshot::Input in;
    for (const QString &m : mutations) {
        const QString who = m.section(QLatin1Char('.'), 0, 0);
        const QString what = m.section(QLatin1Char('.'), 1);
        const QString field = what.section(QLatin1Char('='), 0, 0);
        const QString value = what.section(QLatin1Char('='), 1);
        InstanceFacts &f = n[who];
        if (field == "noLogSlaveUpdates")
            f.logReplicaUpdates = false;
        else if (field == "noLogBin")
            f.logBin = false;
        else if (field == "version")
            f.version = value;
        else if (field == "format")
            f.binlogFormat = value;
        else if (field == "pos")
            f.gtidCurrentPos = f.gtidBinlogPos = value;
        else if (field == "stopped") {
            f.channels[0].ioThread = f.channels[0].sqlThread = ThreadState::Stopped;
            f.channels[0].secondsBehindMaster.reset();
        } else if (field == "lag")
            f.channels[0].secondsBehindMaster = value.toInt();
        else if (field == "unreachable")
            f.reachable = false;
        else if (field == "mysqlNoGtid") {
            f.flavor = Flavor::MySQL;
            f.version = QStringLiteral("8.0.36");
            f.gtidMode = QStringLiteral("OFF");
        } else if (field == "downtime")
            in.downtimes.insert(f.key,
                Downtime { QDateTime::currentDateTimeUtc().addSecs(3600),
                    QStringLiteral("disk swap"), QStringLiteral("dba") });
        else if (field == "maintenance")
            in.maintenance.insert(f.key);
        else if (field == "mustNot")
            in.promotionRules.insert(f.key, PromotionRule::MustNot);
        else if (field == "detached")
            f.channels[0].source = InstanceKey(
                QStringLiteral("//") + f.channels[0].source.host(), f.channels[0].source.port());
        else
            qFatal("unknown mutation %s", qPrintable(m));
    }
    in.instances = n.values();
    return TopologySnapshot::build(in);
}

} // namespace

class tst_Operations : public QObject
{
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void relocatePlanStatements();
    void takeoverPlan();
    void passwordNeverInPlan();
    void kindNames();
};

void tst_Operations::validate_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("mutations");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // a substring of the refusal, or of the summary

    // relocate: refusals
    QTest::newRow("onto itself") << "relocate"
                                 << "b"
                                 << "b" << QStringList {} << false
                                 << "cannot replicate from itself";
    QTest::newRow("onto its descendant") << "relocate"
                                         << "a"
                                         << "a1" << QStringList {} << false << "own descendant";
    QTest::newRow("onto its current source")
        << "relocate"
        << "b"
        << "m" << QStringList {} << false << "already replicates from";
    QTest::newRow("onto a node without log_slave_updates")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.noLogSlaveUpdates" } << false << "log_slave_updates=OFF";
    QTest::newRow("onto a node without binlog")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.noLogBin" } << false << "log_bin=OFF";
    QTest::newRow("onto a node behind it, stopped")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.pos=0-3306-90", "c.stopped" } << false
        << "is behind db-b:3308 (it lacks 0-3306-100";
    QTest::newRow("onto a node behind it, lagging")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.pos=0-3306-90", "c.lag=600" } << false << "lagging 600 s";
    QTest::newRow("onto a node lacking its errant transaction")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.pos=0-3308-101" } << false << "0-3308-101";
    QTest::newRow("onto a newer version") << "relocate"
                                          << "b"
                                          << "c" << QStringList { "b.version=10.6.16-MariaDB" }
                                          << false << "a replica must not be older than its source";
    QTest::newRow("across binlog formats")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.format=STATEMENT" } << false << "cannot re-log";
    QTest::newRow("across flavours")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.mysqlNoGtid" } << false << "not supported";
    QTest::newRow("no GTID") << "relocate"
                             << "b"
                             << "c"
                             << QStringList { "b.mysqlNoGtid", "c.mysqlNoGtid", "m.mysqlNoGtid" }
                             << false << "file:pos are not implemented";
    QTest::newRow("target downtimed")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.downtime" } << false << "downtimed until";
    QTest::newRow("instance in maintenance")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.maintenance" } << false << "in maintenance";
    QTest::newRow("target unreachable")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.unreachable" } << false << "does not answer";
    QTest::newRow("unknown target") << "relocate"
                                    << "b"
                                    << "zz" << QStringList {} << false << "not in the topology";
    QTest::newRow("a master") << "relocate"
                              << "m"
                              << "c" << QStringList {} << false << "is a master";
    QTest::newRow("into another cluster")
        << "relocate"
        << "b"
        << "x" << QStringList {} << false << "moves within its cluster";
    // relocate: happy paths
    QTest::newRow("below a sibling") << "relocate"
                                     << "b"
                                     << "c" << QStringList {} << true
                                     << "relocate db-b:3308 (and its 0 replica(s)) below db-c:3309";
    QTest::newRow("with its subtree") << "relocate"
                                      << "a"
                                      << "c" << QStringList {} << true << "(and its 1 replica(s))";
    QTest::newRow("below a sibling slightly behind")
        << "relocate"
        << "b"
        << "c" << QStringList { "c.pos=0-3306-99", "c.lag=1" } << true << "below db-c:3309";
    QTest::newRow("into another branch") << "relocate"
                                         << "b"
                                         << "a1" << QStringList {} << true << "below db-a1:3310";
    // move-up
    QTest::newRow("move-up") << "move-up"
                             << "a1"
                             << "" << QStringList {} << true << "below db-m:3306";
    QTest::newRow("move-up of a master's replica")
        << "move-up"
        << "a"
        << "" << QStringList {} << false << "no level above";
    // take-siblings
    QTest::newRow("take-siblings") << "take-siblings"
                                   << "a"
                                   << "" << QStringList {} << true << "db-b:3308, db-c:3309";
    QTest::newRow("take-siblings without log_slave_updates")
        << "take-siblings"
        << "a"
        << "" << QStringList { "a.noLogSlaveUpdates" } << false << "log_slave_updates=OFF";
    QTest::newRow("take-siblings, only child")
        << "take-siblings"
        << "a1"
        << "" << QStringList {} << false << "has no siblings";
    // repoint, co-master
    QTest::newRow("repoint") << "repoint"
                             << "b"
                             << "" << QStringList { "b.stopped" } << true
                             << "repoint db-b:3308 at db-m:3306";
    QTest::newRow("make-co-master") << "make-co-master"
                                    << "a"
                                    << "" << QStringList {} << true << "become co-masters";
    QTest::newRow("make-co-master of a deep replica")
        << "make-co-master"
        << "a1"
        << "" << QStringList {} << false << "not a direct replica";
    QTest::newRow("make-co-master with errant")
        << "make-co-master"
        << "a"
        << "" << QStringList { "a.pos=0-3307-101" } << false << "0-3307-101";
    // graceful takeover
    QTest::newRow("takeover") << "graceful-takeover"
                              << "a"
                              << "" << QStringList {} << true << "db-a:3307 becomes master";
    QTest::newRow("takeover, target lags")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "a.lag=30" } << false
        << "more than ReasonableMaintenanceReplicationLagSeconds (20 s)";
    QTest::newRow("takeover, target stopped")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "a.stopped" } << false << "is not replicating";
    QTest::newRow("takeover, target must_not")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "a.mustNot" } << false << "must_not";
    QTest::newRow("takeover by a deep replica")
        << "graceful-takeover"
        << "a1"
        << "" << QStringList {} << false << "not a direct replica";
    QTest::newRow("takeover, target without log_slave_updates")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "a.noLogSlaveUpdates" } << false
        << "log_slave_updates must both be ON";
    QTest::newRow("takeover, target with errant")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "a.pos=0-3307-101" } << false << "errant";
    QTest::newRow("takeover, master downtimed")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "m.downtime" } << false << "downtimed";
    // rejoin
    QTest::newRow("rejoin") << "rejoin"
                            << "x"
                            << "m" << QStringList {} << true
                            << "db-x:3311 rejoins as a replica of db-m:3306";
    QTest::newRow("rejoin with errant")
        << "rejoin"
        << "x"
        << "m" << QStringList { "x.pos=0-3311-130" } << false << "0-3311-130";
    QTest::newRow("rejoin, errant says out of scope")
        << "rejoin"
        << "x"
        << "m" << QStringList { "x.pos=0-3311-130" } << false << "flashback is out of scope";
    QTest::newRow("rejoin under its own replica")
        << "rejoin"
        << "m"
        << "a" << QStringList {} << false << "is not a master";
    QTest::newRow("rejoin without target") << "rejoin"
                                           << "x"
                                           << "" << QStringList {} << false << "say which master";
    // per-instance actions
    QTest::newRow("start-replica")
        << "start-replica"
        << "b"
        << "" << QStringList { "b.stopped" } << true << "start replication on db-b:3308";
    QTest::newRow("start-replica on a master")
        << "start-replica"
        << "m"
        << "" << QStringList {} << false << "no replication configured";
    QTest::newRow("stop-replica") << "stop-replica"
                                  << "b"
                                  << "" << QStringList {} << true << "stop replication";
    QTest::newRow("set-read-only") << "set-read-only"
                                   << "m"
                                   << "" << QStringList {} << true << "read_only";
    QTest::newRow("set-writeable") << "set-writeable"
                                   << "b"
                                   << "" << QStringList {} << true << "writeable";
    QTest::newRow("detach") << "detach-replica"
                            << "b"
                            << "" << QStringList {} << true << "detach db-b:3308 from db-m:3306";
    QTest::newRow("reattach") << "reattach-replica"
                              << "b"
                              << "" << QStringList { "b.detached" } << true
                              << "reattach db-b:3308 to db-m:3306";
    QTest::newRow("reattach an attached one")
        << "reattach-replica"
        << "b"
        << "" << QStringList {} << false << "not a detached replica";
    QTest::newRow("stop-replica, downtimed")
        << "stop-replica"
        << "b"
        << "" << QStringList { "b.downtime" } << false << "downtimed";
    QTest::newRow("begin-downtime")
        << "begin-downtime"
        << "b"
        << "" << QStringList {} << true << "downtime db-b:3308 for 30 min";
    QTest::newRow("end-downtime, none") << "end-downtime"
                                        << "b"
                                        << "" << QStringList {} << false << "not downtimed";
    QTest::newRow("end-downtime") << "end-downtime"
                                  << "b"
                                  << "" << QStringList { "b.downtime" } << true
                                  << "end the downtime";
    QTest::newRow("begin-maintenance") << "begin-maintenance"
                                       << "b"
                                       << "" << QStringList {} << true << "begin maintenance";
    QTest::newRow("end-maintenance, none") << "end-maintenance"
                                           << "b"
                                           << "" << QStringList {} << false << "not in maintenance";
    QTest::newRow("forget") << "forget"
                            << "b"
                            << "" << QStringList {} << true << "forget db-b:3308";
    QTest::newRow("alias") << "set-alias"
                           << "m"
                           << "" << QStringList {} << true << "alias cluster db-m:3306 as";
}

void tst_Operations::validate()
{
    QFETCH(QString, kind);
    QFETCH(QString, instance);
    QFETCH(QString, target);
    QFETCH(QStringList, mutations);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    const auto snap = fixture(mutations);
    OperationRequest r;
    r.kind = *operationKindFromName(kind);
    r.instance = key(instance);
    if (!target.isEmpty())
        r.target = target == "zz" ? InstanceKey(QStringLiteral("db-zz"), 1) : key(target);
    r.cluster = key("m").toString();
    r.text = QStringLiteral("primary");
    if (r.kind == OperationKind::BeginDowntime)
        r.text = QStringLiteral("kernel upgrade");
    r.minutes = 30;
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY2(p.ok == ok, qPrintable(p.toText()));
    QVERIFY2((ok ? p.summary : p.refusal).contains(expected), qPrintable(p.toText()));
    if (ok)
        QVERIFY(!p.steps.isEmpty());
    else
        QVERIFY(p.steps.isEmpty());
}

void tst_Operations::relocatePlanStatements()
{
    const auto snap = fixture({});
    OperationRequest r;
    r.kind = OperationKind::Relocate;
    r.instance = key("b");
    r.target = key("c");
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY(p.ok);
    QCOMPARE(p.steps.size(), 4);
    QCOMPARE(p.steps[0].statements, QStringList { "STOP SLAVE" });
    QCOMPARE(p.steps[0].undo, QStringList { "START SLAVE" });
    QCOMPARE(p.steps[1].type, OperationStep::WaitExecuted);
    QCOMPARE(p.steps[1].server, key("c"));
    QCOMPARE(p.steps[2].statements,
        (QStringList {
            "CHANGE MASTER TO MASTER_HOST='db-c', MASTER_PORT=3309, MASTER_USE_GTID=slave_pos",
            "START SLAVE" }));
    QCOMPARE(p.steps[2].undo.at(1),
        QStringLiteral(
            "CHANGE MASTER TO MASTER_HOST='db-m', MASTER_PORT=3306, MASTER_USE_GTID=slave_pos"));
    QCOMPARE(p.steps[3].type, OperationStep::WaitReplicating);

    // a recovery running on the cluster refuses, naming it
    r.running.insert(key("m").toString(), 42);
    const OperationPlan busy = Topograph::validate(*snap, r);
    QVERIFY(!busy.ok);
    QVERIFY2(busy.refusal.contains("recovery/operation 42 is running on cluster db-m:3306"),
        qPrintable(busy.refusal));
}

void tst_Operations::takeoverPlan()
{
    const auto snap = fixture({ "a.lag=2" });
    OperationRequest r;
    r.kind = OperationKind::GracefulTakeover;
    r.instance = key("a");
    r.cluster = key("m").toString();
    r.replicationUser = QStringLiteral("repl");
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY2(p.ok, qPrintable(p.toText()));
    QStringList names;
    for (const OperationStep &s : p.steps)
        names << s.name;
    // siblings b and c first (stop, wait, point, check each), then the switch
    QCOMPARE(p.steps.size(), 8 + 7);
    QVERIFY(names[8].startsWith("PreGracefulTakeover"));
    QVERIFY(p.steps[9].writeBlockStart);
    QCOMPARE(p.steps[9].statements, QStringList { "SET GLOBAL read_only=1" });
    QCOMPARE(p.steps[9].undo, QStringList { "SET GLOBAL read_only=0" });
    QCOMPARE(p.steps[10].type, OperationStep::WaitExecuted);
    QVERIFY(p.steps[11].writeBlockEnd);
    QCOMPARE(p.steps[11].statements,
        (QStringList { "STOP SLAVE", "RESET SLAVE ALL", "SET GLOBAL read_only=0" }));
    QVERIFY(p.steps[11].undo.isEmpty()); // a promotion is never undone
    QCOMPARE(p.steps[12].statements,
        (QStringList {
            "CHANGE MASTER TO MASTER_HOST='db-a', MASTER_PORT=3307, MASTER_USE_GTID=slave_pos, "
            "MASTER_USER='repl', MASTER_PASSWORD=<replication password>, MASTER_DEMOTE_TO_SLAVE=1",
            "START SLAVE" }));
    QVERIFY(names[14].startsWith("PostGracefulTakeover"));
    QVERIFY2(p.expectedWriteBlock.contains("2 s of lag"), qPrintable(p.expectedWriteBlock));

    // client connections are killed only when asked, right after read_only
    QVERIFY(std::none_of(p.steps.cbegin(), p.steps.cend(),
        [](const OperationStep &s) { return s.type == OperationStep::KillClients; }));
    OperationRequest kill = r;
    kill.killClientConnections = true;
    const OperationPlan pk = Topograph::validate(*snap, kill);
    QCOMPARE(pk.steps.size(), p.steps.size() + 1);
    QCOMPARE(pk.steps[10].type, OperationStep::KillClients);
    QCOMPARE(pk.steps[10].server, key("m"));

    // MariaDB before 10.10 has no MASTER_DEMOTE_TO_SLAVE: the slave position is set first
    const auto old = fixture({ "m.version=10.6.16-MariaDB", "a.version=10.6.16-MariaDB",
        "b.version=10.6.16-MariaDB", "c.version=10.6.16-MariaDB", "a1.version=10.6.16-MariaDB" });
    const OperationPlan p2 = Topograph::validate(*old, r);
    QVERIFY2(p2.ok, qPrintable(p2.toText()));
    QCOMPARE(p2.steps[12].statements.first(),
        QStringLiteral("SET GLOBAL gtid_slave_pos = @@gtid_binlog_pos"));
    QVERIFY(!p2.steps[12].statements.join(" ").contains("DEMOTE"));
}

void tst_Operations::passwordNeverInPlan()
{
    const auto snap = fixture({});
    OperationRequest r;
    r.kind = OperationKind::Rejoin;
    r.instance = key("x");
    r.target = key("m");
    r.replicationUser = QStringLiteral("repl");
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY(p.ok);
    QVERIFY(p.toText().contains(QString::fromLatin1(replicationPasswordPlaceholder)));
}

void tst_Operations::kindNames()
{
    for (int i = 0; i <= int(OperationKind::SetAlias); ++i) {
        const auto k = OperationKind(i);
        QVERIFY(!operationKindName(k).isEmpty());
        QCOMPARE(operationKindFromName(operationKindName(k)), k);
    }
    QVERIFY(!operationKindFromName("drop-database"));
}

QTEST_GUILESS_MAIN(tst_Operations)
#include "tst_operations.moc"
