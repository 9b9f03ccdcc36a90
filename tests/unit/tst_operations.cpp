// validate() over snapshot fixtures (operationsfixture.h): every refusal with its reason, every
// happy path's plan. The statements of file:pos plans are checked in tst_operations_fileposplans.
#include "operations/operation.h"
#include "operationsfixture.h"

#include <QTest>

using namespace Topograph;
using namespace Topograph::OperationsFixture;

class tst_Operations : public QObject
{
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void relocatePlanStatements();
    void takeoverPlan();
    void passwordNeverInPlan();
    void replicationPasswordNeeded_data();
    void replicationPasswordNeeded();
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
    // file:pos (b.filepos: Using_Gtid=No): below the grandparent or a sibling only
    const QStringList myNoGtid { "m.mysqlNoGtid", "a.mysqlNoGtid", "b.mysqlNoGtid", "c.mysqlNoGtid",
        "a1.mysqlNoGtid" };
    QTest::newRow("file:pos into another branch")
        << "relocate"
        << "b"
        << "a1" << QStringList { "b.filepos" } << false
        << "db-b:3308 replicates by file:pos (Using_Gtid=No): it can move only below its "
           "grandparent or a sibling (another replica of db-m:3306); enable GTID (CHANGE MASTER TO "
           "MASTER_USE_GTID=slave_pos) to move it anywhere";
    QTest::newRow("file:pos below a cousin")
        << "relocate"
        << "a1"
        << "b" << QStringList { "a1.filepos" } << false
        << "only below its grandparent (db-m:3306) or a sibling (another replica of db-a:3307)";
    QTest::newRow("file:pos below a nephew")
        << "relocate"
        << "c"
        << "a1" << QStringList { "c.filepos" } << false << "replicates by file:pos";
    QTest::newRow("file:pos onto its current source")
        << "relocate"
        << "b"
        << "m" << QStringList { "b.filepos" } << false << "already replicates from";
    QTest::newRow("file:pos onto its descendant")
        << "relocate"
        << "a"
        << "a1" << QStringList { "a.filepos" } << false << "own descendant";
    QTest::newRow("file:pos below a sibling without log_slave_updates")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "c.noLogSlaveUpdates" } << false
        << "log_slave_updates=OFF";
    QTest::newRow("file:pos below a newer sibling")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "b.version=10.6.16-MariaDB" } << false
        << "a replica must not be older than its source";
    QTest::newRow("file:pos below a writable sibling")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "c.writable" } << false
        << "db-c:3309 is writable (read_only=OFF)";
    QTest::newRow("file:pos below a stopped sibling")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "c.stopped" } << false
        << "db-c:3309 is not replicating from db-m:3306";
    QTest::newRow("file:pos with its SQL thread stopped")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "b.sqlStopped" } << false
        << "db-b:3308 is not replicating from db-m:3306 (Slave_IO_Running=Yes, "
           "Slave_SQL_Running=No: Duplicate entry";
    QTest::newRow("file:pos without an executed position")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "b.noExecPos" } << false
        << "reports no executed position";
    QTest::newRow("file:pos below a sibling lagging")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "c.lag=600" } << false << "lags 600 s";
    QTest::newRow("file:pos move-up with its IO thread stopped")
        << "move-up"
        << "a1"
        << "" << QStringList { "a1.filepos", "a1.ioStopped" } << false
        << "db-a1:3310 is not replicating from db-a:3307 (Slave_IO_Running=No, "
           "Slave_SQL_Running=Yes)";
    QTest::newRow("file:pos move-up, parent stopped")
        << "move-up"
        << "a1"
        << "" << QStringList { "a1.filepos", "a.stopped" } << false
        << "db-a:3307 is not replicating from db-m:3306";
    QTest::newRow("file:pos move-up, parent downtimed")
        << "move-up"
        << "a1"
        << "" << QStringList { "a1.filepos", "a.downtime" } << false
        << "parent db-a:3307 is downtimed";
    QTest::newRow("file:pos move-up, lagging") << "move-up"
                                               << "a1"
                                               << "" << QStringList { "a1.filepos", "a1.lag=600" }
                                               << false << "db-a1:3310 lags 600 s behind db-a:3307";
    QTest::newRow("file:pos take-siblings, taker writable")
        << "take-siblings"
        << "a"
        << "" << QStringList { "b.filepos", "a.writable" } << false
        << "sibling db-b:3308 cannot move below db-a:3307: db-a:3307 is writable";
    QTest::newRow("MySQL without GTID into another branch")
        << "relocate"
        << "b"
        << "a1" << myNoGtid << false
        << "replicates by file:pos (Auto_Position=0): it can move only below its grandparent or a "
           "sibling (another replica of db-m:3306); enable GTID (gtid_mode=ON, then "
           "MASTER_AUTO_POSITION=1)";
    QTest::newRow("file:pos move-up") << "move-up"
                                      << "a1"
                                      << "" << QStringList { "a1.filepos" } << true
                                      << "relocate db-a1:3310 (and its 0 replica(s)) below "
                                         "db-m:3306 by file:pos";
    QTest::newRow("file:pos below its grandparent")
        << "relocate"
        << "a1"
        << "m" << QStringList { "a1.filepos" } << true << "below db-m:3306 by file:pos";
    QTest::newRow("file:pos below a sibling") << "relocate"
                                              << "b"
                                              << "c" << QStringList { "b.filepos" } << true
                                              << "relocate db-b:3308 (and its 0 replica(s)) below "
                                                 "db-c:3309 by file:pos";
    QTest::newRow("file:pos below a sibling, both file:pos, sibling behind")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "c.filepos", "c.lag=3" } << true << "by file:pos";
    QTest::newRow("file:pos with its subtree below a sibling")
        << "relocate"
        << "a"
        << "b" << QStringList { "a.filepos" } << true
        << "relocate db-a:3307 (and its 1 replica(s)) below db-b:3308 by file:pos";
    QTest::newRow("file:pos below a sibling, its IO thread stopped")
        << "relocate"
        << "b"
        << "c" << QStringList { "b.filepos", "b.ioStopped" } << true << "by file:pos";
    QTest::newRow("file:pos take-siblings")
        << "take-siblings"
        << "a"
        << "" << QStringList { "b.filepos", "c.filepos" } << true << "db-b:3308, db-c:3309";
    QTest::newRow("file:pos siblings in a takeover")
        << "graceful-takeover"
        << "a"
        << "" << QStringList { "b.filepos" } << true << "db-a:3307 becomes master";
    QTest::newRow("MySQL without GTID below a sibling")
        << "relocate"
        << "b"
        << "c" << myNoGtid << true << "below db-c:3309 by file:pos";
    QTest::newRow("file:pos repoint") << "repoint"
                                      << "b"
                                      << "" << QStringList { "b.filepos", "b.stopped" } << true
                                      << "repoint db-b:3308 at db-m:3306 by file:pos";
    QTest::newRow("MySQL without GTID repoint")
        << "repoint"
        << "b"
        << "" << (QStringList(myNoGtid) << "b.stopped") << true << "by file:pos";
    QTest::newRow("file:pos detach") << "detach-replica"
                                     << "b"
                                     << "" << QStringList { "b.filepos" } << true
                                     << "detach db-b:3308 from db-m:3306 (coordinates kept";
    QTest::newRow("file:pos reattach") << "reattach-replica"
                                       << "b"
                                       << "" << QStringList { "b.filepos", "b.detached" } << true
                                       << "reattach db-b:3308 to db-m:3306";
    QTest::newRow("MySQL without GTID move-up")
        << "move-up"
        << "a1"
        << "" << myNoGtid << true << "below db-m:3306 by file:pos";
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
    QVERIFY(p.needsReplicationPassword());
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
    QVERIFY(p.needsReplicationPassword());
}

void tst_Operations::replicationPasswordNeeded_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("mutations");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("planUser");
    QTest::addColumn<bool>("needed");
    const int takeover = int(OperationKind::GracefulTakeover), rejoin = int(OperationKind::Rejoin),
              relocate = int(OperationKind::Relocate), moveUp = int(OperationKind::MoveUp);
    QTest::newRow("takeover with a replication user") << takeover << "a" << "" << "repl" << "" << true << "repl" << true;
    // An empty MASTER_USER left the old master unable to connect ("Invalid (empty) username").
    QTest::newRow("takeover without one, none known: refused") << takeover << "a" << "" << "" << "a.user=,b.user=,c.user=,a1.user=" << false << "" << false;
    QTest::newRow("takeover without one: what the target's replicas use") << takeover << "a" << "" << "" << "a1.user=rpl_a1" << true << "rpl_a1" << true;
    QTest::newRow("takeover without one: any replica's account") << takeover << "a" << "" << "" << "a.user=,b.user=,a1.user=,c.user=rpl_c" << true << "rpl_c" << true;
    QTest::newRow("given user wins over the cluster's") << takeover << "a" << "" << "repl" << "a.user=rpl_a" << true << "repl" << true;
    QTest::newRow("rejoin with a replication user") << rejoin << "x" << "m" << "repl" << "" << true << "repl" << true;
    QTest::newRow("rejoin without one: what the target's replicas use") << rejoin << "x" << "m" << "" << "a.user=,b.user=rpl_b,c.user=rpl_b,a1.user=rpl_a1" << true << "rpl_b" << true;
    QTest::newRow("rejoin without one, none known: refused") << rejoin << "x" << "m" << "" << "a.user=,b.user=,c.user=,a1.user=" << false << "" << false;
    // existing channels keep their credentials: a move never sets MASTER_PASSWORD
    QTest::newRow("relocate") << relocate << "a1" << "b" << "repl" << "" << true << "repl" << false;
    QTest::newRow("move-up") << moveUp << "a1" << "" << "repl" << "" << true << "repl" << false;
    QTest::newRow("relocate without a user: none needed") << relocate << "a1" << "b" << "" << "" << true << "" << false;
}

void tst_Operations::replicationPasswordNeeded()
{
    QFETCH(int, kind);
    QFETCH(QString, instance);
    QFETCH(QString, target);
    QFETCH(QString, user);
    QFETCH(QString, mutations);
    QFETCH(bool, ok);
    QFETCH(QString, planUser);
    QFETCH(bool, needed);
    const auto snap = fixture(mutations.split(QLatin1Char(','), Qt::SkipEmptyParts));
    OperationRequest r;
    r.kind = OperationKind(kind);
    r.instance = key(instance);
    if (!target.isEmpty())
        r.target = key(target);
    r.cluster = key("m").toString();
    r.replicationUser = user;
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY2(p.ok == ok, qPrintable(p.toText()));
    if (!ok) {
        QVERIFY2(p.refusal.contains(QLatin1String("--replication-user")), qPrintable(p.refusal));
        return;
    }
    QCOMPARE(p.replicationUser, planUser);
    QCOMPARE(p.needsReplicationPassword(), needed);
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
