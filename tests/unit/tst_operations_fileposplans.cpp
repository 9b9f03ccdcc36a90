// The statements and checks of file:pos plans (validate()'s accepted/refused rows are in
// tst_operations): the order that keeps a replica's position exact, the placeholders the executor
// fills in, what can be undone, and the MySQL spellings the MariaDB sandbox cannot run
// (tests/fixtures/operations/filepos-mysql.json).
#include "model/factsjson.h"
#include "operations/fileposmove.h"
#include "operations/operation.h"
#include "operationsfixture.h"
#include "recovery/sqldialect.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Topograph;
using namespace Topograph::OperationsFixture;

class tst_OperationsFilePosPlans : public QObject
{
    Q_OBJECT
private slots:
    void fileposMoveUpPlan();
    void fileposSiblingPlan();
    void fileposCoordinates();
    void fileposDetachPlan();
    void fileposMySqlFixture();
    void fileposMySqlSpellings();
};

void tst_OperationsFilePosPlans::fileposMoveUpPlan()
{
    const auto snap = fixture({ "a1.filepos" });
    OperationRequest r;
    r.kind = OperationKind::MoveUp;
    r.instance = key("a1");
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY2(p.ok, qPrintable(p.toText()));
    const QList<OperationStep::Type> types { OperationStep::Sql, OperationStep::ReadPosition,
        OperationStep::ReadBinlogEnd, OperationStep::WaitPosition, OperationStep::Sql,
        OperationStep::ReadPosition, OperationStep::Sql, OperationStep::Sql, OperationStep::Sql,
        OperationStep::WaitReplicating, OperationStep::WaitReplicating };
    QCOMPARE(p.steps.size(), types.size());
    for (int i = 0; i < types.size(); ++i)
        QVERIFY2(p.steps[i].type == types[i], qPrintable(p.steps[i].name));
    // the parent stops first, and is started again whatever happens after
    QCOMPARE(p.steps[0].server, key("a"));
    QCOMPARE(p.steps[0].statements, QStringList { "STOP SLAVE" });
    QCOMPARE(p.steps[0].undo, QStringList { "START SLAVE" });
    QCOMPARE(p.steps[1].server, key("a"));
    QCOMPARE(p.steps[1].source, key("m"));
    QCOMPARE(
        p.steps[2].statements, (QStringList { "SHOW ALL SLAVES STATUS", "SHOW MASTER STATUS" }));
    // a1 executes everything a has, then stops there (checked: not before a's binlog end)
    QCOMPARE(p.steps[3].server, key("a1"));
    QCOMPARE(p.steps[3].coordinates, QStringLiteral("db-a:3307 binlog end"));
    QCOMPARE(p.steps[5].coordinates, QStringLiteral("db-a:3307 binlog end"));
    // a's own position in m's binlog becomes a1's; the undo goes back to where a1 stopped in a's
    QCOMPARE(p.steps[6].server, key("a1"));
    QCOMPARE(p.steps[6].statements,
        QStringList { "CHANGE MASTER TO MASTER_HOST='db-m', MASTER_PORT=3306, "
                      "MASTER_LOG_FILE=<file of db-a:3307 in db-m:3306>, "
                      "MASTER_LOG_POS=<pos of db-a:3307 in db-m:3306>, MASTER_USE_GTID=no" });
    QCOMPARE(p.steps[6].undo,
        QStringList { "CHANGE MASTER TO MASTER_HOST='db-a', MASTER_PORT=3307, "
                      "MASTER_LOG_FILE=<file of db-a1:3310 in db-a:3307>, "
                      "MASTER_LOG_POS=<pos of db-a1:3310 in db-a:3307>, MASTER_USE_GTID=no" });
    QCOMPARE(p.steps[7].server, key("a"));
    QCOMPARE(p.steps[7].statements, QStringList { "START SLAVE" });
    // once a1 applies m's events there is no way back under a: no undo
    QCOMPARE(p.steps[8].server, key("a1"));
    QVERIFY(p.steps[8].undo.isEmpty());
    QCOMPARE(p.steps[9].source, key("m"));
    QCOMPARE(p.steps[10].server, key("a"));
}

void tst_OperationsFilePosPlans::fileposSiblingPlan()
{
    const auto snap = fixture({ "b.filepos" });
    OperationRequest r;
    r.kind = OperationKind::Relocate;
    r.instance = key("b");
    r.target = key("c");
    const OperationPlan p = Topograph::validate(*snap, r);
    QVERIFY2(p.ok, qPrintable(p.toText()));
    const QList<OperationStep::Type> types { OperationStep::Sql, OperationStep::Sql,
        OperationStep::ReadPosition, OperationStep::ReadPosition, OperationStep::CatchUp,
        OperationStep::CatchUp, OperationStep::ReadBinlogEnd, OperationStep::Sql,
        OperationStep::Sql, OperationStep::Sql, OperationStep::WaitReplicating,
        OperationStep::WaitReplicating };
    QCOMPARE(p.steps.size(), types.size());
    for (int i = 0; i < types.size(); ++i)
        QVERIFY2(p.steps[i].type == types[i], qPrintable(p.steps[i].name));
    // both stop; their undo also clears a START SLAVE UNTIL a failed catch-up may leave
    QCOMPARE(p.steps[0].server, key("b"));
    QCOMPARE(p.steps[1].server, key("c"));
    QCOMPARE(p.steps[1].undo, (QStringList { "STOP SLAVE", "START SLAVE" }));
    // whichever stopped earlier applies up to the other's position
    QCOMPARE(p.steps[4].server, key("c"));
    QCOMPARE(p.steps[4].statements,
        (QStringList { "START SLAVE UNTIL MASTER_LOG_FILE=<file of db-b:3308 in db-m:3306>, "
                       "MASTER_LOG_POS=<pos of db-b:3308 in db-m:3306>",
            "STOP SLAVE" }));
    QCOMPARE(p.steps[5].server, key("b"));
    QCOMPARE(p.steps[5].coordinates, QStringLiteral("db-c:3309 in db-m:3306"));
    // c must be read_only and at b's point when its binlog end is read
    QCOMPARE(p.steps[6].server, key("c"));
    QVERIFY(p.steps[6].readOnlyRequired);
    QCOMPARE(p.steps[6].coordinates, QStringLiteral("db-b:3308 in db-m:3306"));
    QCOMPARE(p.steps[7].statements,
        QStringList { "CHANGE MASTER TO MASTER_HOST='db-c', MASTER_PORT=3309, "
                      "MASTER_LOG_FILE=<file of db-c:3309 binlog end>, "
                      "MASTER_LOG_POS=<pos of db-c:3309 binlog end>, MASTER_USE_GTID=no" });
    QCOMPARE(p.steps[7].undo,
        QStringList { "CHANGE MASTER TO MASTER_HOST='db-m', MASTER_PORT=3306, "
                      "MASTER_LOG_FILE=<file of db-b:3308 in db-m:3306>, "
                      "MASTER_LOG_POS=<pos of db-b:3308 in db-m:3306>, MASTER_USE_GTID=no" });
    QCOMPARE(p.steps[8].server, key("c"));
    QCOMPARE(p.steps[9].server, key("b"));
    QVERIFY(p.steps[9].undo.isEmpty());
    QCOMPARE(p.steps[10].source, key("c"));

    // take-siblings moves each file:pos sibling the same way, one after the other
    OperationRequest t;
    t.kind = OperationKind::TakeSiblings;
    t.instance = key("a");
    const OperationPlan pt = Topograph::validate(*fixture({ "b.filepos", "c.filepos" }), t);
    QVERIFY2(pt.ok, qPrintable(pt.toText()));
    QCOMPARE(pt.steps.size(), 2 * types.size());
    QCOMPARE(pt.steps[types.size() + 7].server, key("c"));
    // a sibling by GTID keeps the GTID move
    const OperationPlan mixed = Topograph::validate(*fixture({ "b.filepos" }), t);
    QVERIFY2(mixed.ok, qPrintable(mixed.toText()));
    QCOMPARE(mixed.steps.size(), types.size() + 4);
    QVERIFY(mixed.steps.last().type == OperationStep::WaitReplicating);
    QVERIFY(mixed.steps[types.size() + 2].statements.first().contains("MASTER_USE_GTID=slave_pos"));
}

void tst_OperationsFilePosPlans::fileposCoordinates()
{
    FilePos::Coordinates known;
    known.insert(
        FilePos::executedName(key("a"), key("m")), { QStringLiteral("binlog.000002"), 4567 });
    known.insert(FilePos::binlogEndName(key("c")), { QStringLiteral("it's.000009"), 385 });
    const QString planned
        = QStringLiteral("CHANGE MASTER TO MASTER_LOG_FILE=%1, MASTER_LOG_POS=%2")
              .arg(FilePos::filePlaceholder(FilePos::executedName(key("a"), key("m"))),
                  FilePos::posPlaceholder(FilePos::executedName(key("a"), key("m"))));
    QVERIFY(FilePos::unresolved(planned));
    const QString ran = FilePos::resolve(planned, known);
    QCOMPARE(ran,
        QStringLiteral("CHANGE MASTER TO MASTER_LOG_FILE='binlog.000002', MASTER_LOG_POS=4567"));
    QVERIFY(!FilePos::unresolved(ran));
    // a file name is quoted as a literal
    QCOMPARE(FilePos::resolve(FilePos::filePlaceholder(FilePos::binlogEndName(key("c"))), known),
        QStringLiteral("'it\\'s.000009'"));
    // coordinates not read yet stay visible, and the executor refuses to run them
    const QString later = FilePos::posPlaceholder(FilePos::executedName(key("b"), key("m")));
    QCOMPARE(FilePos::resolve(later, known), later);
    QVERIFY(FilePos::unresolved(FilePos::resolve(later, known)));
}

// A new MASTER_HOST resets a channel's coordinates: a file:pos detach/reattach/repoint gives them
// again, as read when the channel stopped.
void tst_OperationsFilePosPlans::fileposDetachPlan()
{
    OperationRequest r;
    r.kind = OperationKind::DetachReplica;
    r.instance = key("b");
    const OperationPlan d = Topograph::validate(*fixture({ "b.filepos" }), r);
    QVERIFY2(d.ok, qPrintable(d.toText()));
    QCOMPARE(d.steps.size(), 3);
    QCOMPARE(d.steps[0].statements, QStringList { "STOP SLAVE" });
    QVERIFY(d.steps[1].type == OperationStep::ReadPosition);
    QCOMPARE(d.steps[2].statements,
        QStringList { "CHANGE MASTER TO MASTER_HOST='//db-m', MASTER_PORT=3306, "
                      "MASTER_LOG_FILE=<file of db-b:3308 in db-m:3306>, "
                      "MASTER_LOG_POS=<pos of db-b:3308 in db-m:3306>, MASTER_USE_GTID=no" });

    r.kind = OperationKind::ReattachReplica;
    const OperationPlan a = Topograph::validate(*fixture({ "b.filepos", "b.detached" }), r);
    QVERIFY2(a.ok, qPrintable(a.toText()));
    QCOMPARE(a.steps.size(), 2);
    QVERIFY(a.steps[0].type == OperationStep::ReadPosition);
    QCOMPARE(a.steps[0].source, InstanceKey(QStringLiteral("//db-m"), 3306));
    QCOMPARE(a.steps[1].statements,
        (QStringList { "CHANGE MASTER TO MASTER_HOST='db-m', MASTER_PORT=3306, "
                       "MASTER_LOG_FILE=<file of db-b:3308 in //db-m:3306>, "
                       "MASTER_LOG_POS=<pos of db-b:3308 in //db-m:3306>, MASTER_USE_GTID=no",
            "START SLAVE" }));

    r.kind = OperationKind::Repoint;
    const OperationPlan rp = Topograph::validate(*fixture({ "b.filepos", "b.stopped" }), r);
    QVERIFY2(rp.ok, qPrintable(rp.toText()));
    QCOMPARE(rp.steps.size(), 4);
    QCOMPARE(rp.steps[2].statements.first(),
        QStringLiteral("CHANGE MASTER TO MASTER_HOST='db-m', MASTER_PORT=3306, "
                       "MASTER_LOG_FILE=<file of db-b:3308 in db-m:3306>, "
                       "MASTER_LOG_POS=<pos of db-b:3308 in db-m:3306>, MASTER_USE_GTID=no"));
    // a GTID channel keeps the one-statement forms
    r.kind = OperationKind::DetachReplica;
    QCOMPARE(Topograph::validate(*fixture({}), r).steps.size(), 1);
}

void tst_OperationsFilePosPlans::fileposMySqlFixture()
{
    QFile file(QStringLiteral(TOPOGRAPH_FIXTURES_DIR "/operations/filepos-mysql.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QString error;
    const auto input
        = snapshotInputFromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
    QVERIFY2(input, qPrintable(error));
    const auto snap = TopologySnapshot::build(*input);
    const auto k = [](const char *n) { return InstanceKey(QString::fromLatin1(n), 3306); };
    OperationRequest r;
    r.kind = OperationKind::MoveUp;
    r.instance = k("my-a1");
    const OperationPlan up = Topograph::validate(*snap, r);
    QVERIFY2(up.ok, qPrintable(up.toText()));
    QCOMPARE(up.steps[0].statements, QStringList { "STOP SLAVE" });
    QCOMPARE(up.steps[2].statements, (QStringList { "SHOW SLAVE STATUS", "SHOW MASTER STATUS" }));
    QCOMPARE(up.steps[6].statements,
        QStringList { "CHANGE MASTER TO MASTER_HOST='my-m', MASTER_PORT=3306, "
                      "MASTER_LOG_FILE=<file of my-a:3306 in my-m:3306>, "
                      "MASTER_LOG_POS=<pos of my-a:3306 in my-m:3306>, MASTER_AUTO_POSITION=0" });

    r.kind = OperationKind::Relocate;
    r.instance = k("my-b");
    r.target = k("my-a");
    const OperationPlan sib = Topograph::validate(*snap, r);
    QVERIFY2(sib.ok, qPrintable(sib.toText()));
    QCOMPARE(sib.steps[4].statements.first(),
        QStringLiteral("START SLAVE UNTIL MASTER_LOG_FILE=<file of my-b:3306 in my-m:3306>, "
                       "MASTER_LOG_POS=<pos of my-b:3306 in my-m:3306>"));

    r.instance = k("my-a1");
    r.target = k("my-b");
    const OperationPlan cousin = Topograph::validate(*snap, r);
    QVERIFY(!cousin.ok);
    QVERIFY2(cousin.refusal.contains("my-a1:3306 replicates by file:pos (Auto_Position=0)"),
        qPrintable(cousin.refusal));
}

void tst_OperationsFilePosPlans::fileposMySqlSpellings()
{
    InstanceFacts my84;
    my84.flavor = Flavor::MySQL;
    my84.version = QStringLiteral("8.4.2");
    const SqlDialect d(my84);
    const InstanceKey src(QStringLiteral("db1"), 3306);
    QCOMPARE(d.changeSourceAt(src, QStringLiteral("c1"), QStringLiteral("'mysql-bin.000001'"),
                 QStringLiteral("4")),
        QStringLiteral(
            "CHANGE REPLICATION SOURCE TO SOURCE_HOST='db1', SOURCE_PORT=3306, "
            "SOURCE_LOG_FILE='mysql-bin.000001', SOURCE_LOG_POS=4, SOURCE_AUTO_POSITION=0 "
            "FOR CHANNEL 'c1'"));
    QCOMPARE(d.startReplicationUntil(
                 QStringLiteral("c1"), QStringLiteral("'mysql-bin.000001'"), QStringLiteral("4")),
        QStringLiteral("START REPLICA UNTIL SOURCE_LOG_FILE='mysql-bin.000001', SOURCE_LOG_POS=4 "
                       "FOR CHANNEL 'c1'"));
    QCOMPARE(d.binlogEndQuery(), QStringLiteral("SHOW BINARY LOG STATUS"));
    InstanceFacts maria;
    maria.flavor = Flavor::MariaDB;
    maria.version = QStringLiteral("10.11.6-MariaDB");
    const SqlDialect m(maria);
    QCOMPARE(m.startReplicationUntil(
                 QStringLiteral("east"), QStringLiteral("'binlog.000003'"), QStringLiteral("77")),
        QStringLiteral(
            "START SLAVE 'east' UNTIL MASTER_LOG_FILE='binlog.000003', MASTER_LOG_POS=77"));
    QCOMPARE(m.changeSourceAt(src, QStringLiteral("east"), QStringLiteral("'binlog.000003'"),
                 QStringLiteral("77")),
        QStringLiteral("CHANGE MASTER 'east' TO MASTER_HOST='db1', MASTER_PORT=3306, "
                       "MASTER_LOG_FILE='binlog.000003', MASTER_LOG_POS=77, MASTER_USE_GTID=no"));
    QCOMPARE(m.binlogEndQuery(), QStringLiteral("SHOW MASTER STATUS"));
}

QTEST_GUILESS_MAIN(tst_OperationsFilePosPlans)
#include "tst_operations_fileposplans.moc"
