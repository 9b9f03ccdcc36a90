// File:pos moves against real servers (scripts/sandbox --no-gtid: every replica Using_Gtid=No):
// up below the grandparent and below a sibling, under a write load on the master, each checked on
// the servers themselves (who replicates from whom, in which mode, which rows exist, no SQL error)
// and in the recovery log; a refused move that changes nothing; failures halfway that are recorded
// as they happened and undone where that is safe.
#include "fleet.h"
#include "operationsfixture.h"
#include "operations/operationexecutor.h"
#include "sandbox.h"
#include "store/recoverylog.h"
#include "store/store.h"
#include "writer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using Topograph::Test::Sandbox;
using Topograph::Test::Writer;

namespace {

struct Fixture : Topograph::Test::OperationsFixture
{
    explicit Fixture(const QString &topology)
        : OperationsFixture(topology, Sandbox::Options{false, true})
    {
    }
    using OperationsFixture::run;
    OperationOutcome run(const OperationRequest &r, int waitSeconds = 10)
    {
        return run(*fleet.discover(), r, waitSeconds);
    }
    // Replicating from source, both threads running, by file:pos.
    bool replicatesFrom(const QString &node, const QString &source, int timeoutMs = 10000)
    {
        return OperationsFixture::replicatesFrom(node, source, timeoutMs, QStringLiteral("No"));
    }
    // Stops node's IO thread and waits until the other node has applied further than node will
    // (node's SQL thread runs dry at what it received): node is then behind `ahead`. Dry means
    // Exec_Master_Log_Pos stays put, not that it equals Read_Master_Log_Pos: the IO thread may
    // have stopped inside a transaction, which the SQL thread never completes.
    bool fallBehind(const QString &node, const QString &ahead)
    {
        bool ok = false;
        sb->sql(node, QStringLiteral("STOP SLAVE IO_THREAD"), &ok);
        if (!ok)
            return false;
        QString last;
        int same = 0;
        const bool dry = Sandbox::waitFor(
            [&] {
                const QString now
                    = sb->slaveStatus(node).value(QStringLiteral("Exec_Master_Log_Pos"));
                same = now == last ? same + 1 : 0;
                last = now;
                return same >= 10;
            },
            20000);
        const qint64 stuck = rows(node);
        return dry && Sandbox::waitFor([&] { return rows(ahead) > stuck + 20; }, 10000);
    }
    // Every planned step recorded once, in order, each ok.
    bool allStepsOk(const OperationOutcome &out)
    {
        const auto r = record(out.operationId);
        if (!r || r->state != RecoveryState::Succeeded || r->steps.size() != out.plan.steps.size())
            return false;
        for (int i = 0; i < r->steps.size(); ++i)
            if (r->steps[i].outcome != StepOutcome::Ok
                || r->steps[i].name != out.plan.steps[i].name)
                return false;
        return true;
    }
    // How long node's replication was stopped by the operation (its stop to its restart).
    qint64 pausedMs(qint64 id, const QString &node)
    {
        const QString k = key(node).toString();
        QDateTime from, to;
        if (const auto r = record(id))
            for (const RecoveryStep &s : r->steps) {
                if (!from.isValid()
                    && s.name.startsWith(QStringLiteral("stop replication on ") + k))
                    from = s.startedAt;
                if (s.name.startsWith(QStringLiteral("start replication on ") + k))
                    to = s.endedAt;
            }
        return from.isValid() && to.isValid() ? from.msecsTo(to) : -1;
    }
};

#define RUN_OK(f, out)                                                                             \
    QVERIFY2((out).success,                                                                        \
        qPrintable((out).message + QLatin1Char('\n') + (out).plan.toText() + QLatin1Char('\n')     \
            + (f).stepsText((out).operationId)));                                                  \
    QVERIFY2((f).allStepsOk(out), qPrintable((f).stepsText((out).operationId)))

} // namespace

class tst_OperationsFilePos : public QObject
{
    Q_OBJECT
private slots:
    void movesUnderWriteLoad();
    void frozenReplicaDuringTheWaitIsUndone();
    void siblingThatCannotCatchUpIsUndone();
    void detachReattachAndRepointKeepThePosition();
    void takeoverMovesFilePosSiblingsByFilePos();
};

void tst_OperationsFilePos::movesUnderWriteLoad()
{
    Fixture f(QStringLiteral("a>b,b>c,a>d"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    QVERIFY(!f.sb->usesGtid());
    for (const QString &n : { QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d") })
        QCOMPARE(f.sb->slaveStatus(n).value(QStringLiteral("Using_Gtid")), QStringLiteral("No"));
    Writer w(*f.sb, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 200; }, 10000));

    // refused: d below c, its nephew (neither its grandparent nor a sibling); nothing touched
    {
        const auto snap = f.fleet.discover();
        const OperationRequest r
            = f.request(OperationKind::Relocate, QStringLiteral("d"), QStringLiteral("c"));
        const OperationPlan p = validate(*snap, r);
        QVERIFY(!p.ok);
        QVERIFY2(p.refusal.contains(QStringLiteral("replicates by file:pos (Using_Gtid=No)")),
            qPrintable(p.refusal));
        const auto before = f.sb->slaveStatus(QStringLiteral("d"));
        const OperationOutcome out = f.run(*snap, r);
        QVERIFY(out.refused);
        QCOMPARE(out.operationId, qint64(0));
        QVERIFY(f.replicatesFrom(QStringLiteral("d"), QStringLiteral("a")));
        QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));
        QCOMPARE(f.sb->slaveStatus(QStringLiteral("d")).value(QStringLiteral("Master_Log_File")),
            before.value(QStringLiteral("Master_Log_File")));
    }

    // c (under b under a) up to a
    const OperationOutcome up = f.run(f.request(OperationKind::MoveUp, QStringLiteral("c")));
    RUN_OK(f, up);
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    {
        // recorded as run: the coordinates b stopped at in a's binlog, not placeholders
        const auto rec = f.record(up.operationId);
        const RecoveryStep &point = rec->steps[6];
        QVERIFY2(point.name.startsWith(QStringLiteral("point ")), qPrintable(point.name));
        QVERIFY2(point.statement.contains(
                     QStringLiteral("MASTER_LOG_FILE='binlog.000001', MASTER_LOG_POS="))
                && point.statement.contains(QStringLiteral("MASTER_USE_GTID=no"))
                && !point.statement.contains(QLatin1Char('<')),
            qPrintable(point.statement));
    }

    // d below b, b behind d: its IO thread is stopped for a moment while a keeps writing, so b's
    // SQL thread runs dry earlier in a's binlog and must catch up to where d stopped
    QVERIFY(f.fallBehind(QStringLiteral("b"), QStringLiteral("d")));
    const OperationOutcome sib
        = f.run(f.request(OperationKind::Relocate, QStringLiteral("d"), QStringLiteral("b")));
    RUN_OK(f, sib);
    QVERIFY(f.replicatesFrom(QStringLiteral("d"), QStringLiteral("b")));
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    {
        const auto rec = f.record(sib.operationId);
        QVERIFY2(
            rec->steps[4].output.contains(QStringLiteral("ran START SLAVE UNTIL MASTER_LOG_FILE=")),
            qPrintable(f.stepsText(sib.operationId)));
        QVERIFY2(rec->steps[5].output.contains(QStringLiteral("nothing to run")),
            qPrintable(rec->steps[5].output));
    }

    // c below b the other way round: c (the one moving) stopped earlier and catches up to b
    QVERIFY(f.fallBehind(QStringLiteral("c"), QStringLiteral("b")));
    const qint64 mark2 = w.acked();
    const OperationOutcome sib2
        = f.run(f.request(OperationKind::Relocate, QStringLiteral("c"), QStringLiteral("b")));
    RUN_OK(f, sib2);
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));
    {
        const auto rec = f.record(sib2.operationId);
        QVERIFY2(rec->steps[4].output.contains(QStringLiteral("nothing to run")),
            qPrintable(rec->steps[4].output));
        QVERIFY2(rec->steps[5].output.contains(QStringLiteral("ran START SLAVE UNTIL")),
            qPrintable(f.stepsText(sib2.operationId)));
    }

    QVERIFY(Sandbox::waitFor([&] { return w.acked() > mark2 + 300; }, 10000));
    w.stop();
    const qint64 acked = w.acked();
    // 0 lost: every acknowledged id on every node, no gap, no duplicate, no SQL error
    const qint64 onA = f.rows(QStringLiteral("a"));
    QVERIFY(onA >= acked);
    const QStringList nodes { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
        QStringLiteral("d") };
    for (const QString &n : nodes) {
        QVERIFY2(Sandbox::waitFor([&] { return f.rows(n) == onA; }, 20000),
            qPrintable(QStringLiteral("%1 has %2 rows, a has %3\n%4")
                           .arg(n)
                           .arg(f.rows(n))
                           .arg(onA)
                           .arg(f.sb->status())));
        QCOMPARE(f.rows(n, QStringLiteral("WHERE id <= %1").arg(acked)), acked);
        QCOMPARE(f.sb->sql(n, QStringLiteral("SELECT COUNT(*) = MAX(id) FROM app.w")),
            QStringLiteral("1"));
        if (n != QLatin1String("a")) {
            const auto st = f.sb->slaveStatus(n);
            QCOMPARE(st.value(QStringLiteral("Last_SQL_Errno")), QStringLiteral("0"));
            QCOMPARE(st.value(QStringLiteral("Last_IO_Errno")), QStringLiteral("0"));
            QCOMPARE(st.value(QStringLiteral("Using_Gtid")), QStringLiteral("No"));
        }
    }
    qInfo(
        "file:pos moves under a write load on a: %lld writes acknowledged, %lld rows on each of a, "
        "b, c, d; "
        "move-up of c %lld ms (c paused %lld ms, b %lld ms), d below b %lld ms (d paused %lld ms), "
        "c below b %lld ms (c paused %lld ms); writes on a never blocked (a is not touched)",
        acked, onA, up.elapsedMs, f.pausedMs(up.operationId, QStringLiteral("c")),
        f.pausedMs(up.operationId, QStringLiteral("b")), sib.elapsedMs,
        f.pausedMs(sib.operationId, QStringLiteral("d")), sib2.elapsedMs,
        f.pausedMs(sib2.operationId, QStringLiteral("c")));
}

void tst_OperationsFilePos::frozenReplicaDuringTheWaitIsUndone()
{
    Fixture f(QStringLiteral("a>b,b>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    for (int i = 1; i <= 20; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 20; }, 10000));
    const auto snap = f.fleet.discover();
    const OperationRequest r = f.request(OperationKind::MoveUp, QStringLiteral("c"));
    QVERIFY(validate(*snap, r).ok);
    // c freezes after the drag's validate(): b is stopped, then the wait for c gets no answer
    QVERIFY(f.sb->freeze(QStringLiteral("c")));
    const OperationOutcome out = f.run(*snap, r, 2);
    QVERIFY(f.sb->thaw(QStringLiteral("c")));
    QVERIFY(!out.success);
    QVERIFY(!out.refused);
    const QString b = f.key(QStringLiteral("b")).toString();
    const QString stopB
        = QStringLiteral("stop replication on %1 (its position in the binlog of %2 stops moving)")
              .arg(b, f.key(QStringLiteral("a")).toString());
    QVERIFY2(out.undone == QStringList { stopB }, qPrintable(out.message));
    const auto rec = f.record(out.operationId);
    QVERIFY(rec);
    QCOMPARE(rec->state, RecoveryState::Failed);
    QVERIFY2(rec->steps.size() == 5, qPrintable(f.stepsText(out.operationId)));
    QCOMPARE(rec->steps[0].outcome, StepOutcome::Ok); // b stopped
    QCOMPARE(rec->steps[1].outcome, StepOutcome::Ok); // where b stopped in a's binlog
    QCOMPARE(rec->steps[2].outcome, StepOutcome::Ok); // b's binlog end
    QCOMPARE(rec->steps[3].outcome, StepOutcome::Failed); // c never answered
    QVERIFY(rec->steps[3].name.startsWith(QStringLiteral("wait until ")));
    QCOMPARE(rec->steps[4].outcome, StepOutcome::Undone); // b started again
    QCOMPARE(rec->steps[4].name, QStringLiteral("undo: ") + stopB);
    QCOMPARE(rec->steps[4].statement, QStringLiteral("START SLAVE"));
    // nothing else moved: b under a, c still under b, and both keep up
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (21)"));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 21; }, 10000));
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("c")).value(QStringLiteral("Last_SQL_Errno")),
        QStringLiteral("0"));
}

void tst_OperationsFilePos::siblingThatCannotCatchUpIsUndone()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    // b applies 60 s late (MASTER_DELAY keeps the file:pos coordinates): when both stop, c is
    // ahead and b, the target, cannot get there within the wait
    bool ok = false;
    f.sb->sql(QStringLiteral("b"),
        QStringLiteral("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=60; START SLAVE"), &ok);
    QVERIFY(ok);
    for (int i = 1; i <= 10; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 10; }, 10000));
    QCOMPARE(f.rows(QStringLiteral("b")), 0);
    const OperationOutcome out
        = f.run(f.request(OperationKind::Relocate, QStringLiteral("c"), QStringLiteral("b")), 2);
    QVERIFY2(!out.success && !out.refused,
        qPrintable(out.message + QLatin1Char('\n') + out.plan.toText()));
    const auto rec = f.record(out.operationId);
    QVERIFY(rec);
    QCOMPARE(rec->state, RecoveryState::Failed);
    QVERIFY2(rec->steps.size() == 7, qPrintable(f.stepsText(out.operationId)));
    QCOMPARE(rec->steps[4].outcome, StepOutcome::Failed); // b's catch-up
    QVERIFY2(rec->steps[4].output.contains(QStringLiteral("did not reach"))
            && rec->steps[4].output.endsWith(QStringLiteral("; STOP SLAVE")),
        qPrintable(rec->steps[4].output));
    QCOMPARE(rec->steps[5].outcome, StepOutcome::Undone); // b: STOP SLAVE; START SLAVE
    QCOMPARE(rec->steps[6].outcome, StepOutcome::Undone); // c: STOP SLAVE; START SLAVE
    // both back under a, b without the UNTIL the catch-up gave it, c still by file:pos
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Until_Condition")),
        QStringLiteral("None"));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (11)"));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 11; }, 10000));
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("c")).value(QStringLiteral("Last_SQL_Errno")),
        QStringLiteral("0"));
}

// A new MASTER_HOST resets file:pos coordinates (to the source's first binlog): without giving
// them again, reattach would replay everything b already has.
void tst_OperationsFilePos::detachReattachAndRepointKeepThePosition()
{
    Fixture f(QStringLiteral("a>b"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    for (int i = 1; i <= 10; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("b")) == 10; }, 10000));
    OperationOutcome out = f.run(f.request(OperationKind::DetachReplica, QStringLiteral("b")));
    RUN_OK(f, out);
    auto st = f.sb->slaveStatus(QStringLiteral("b"));
    QCOMPARE(st.value(QStringLiteral("Master_Host")), QStringLiteral("//127.0.0.1"));
    QVERIFY2(
        st.value(QStringLiteral("Relay_Master_Log_File")).startsWith(QStringLiteral("binlog.")),
        qPrintable(st.value(QStringLiteral("Relay_Master_Log_File"))));
    for (int i = 11; i <= 20; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QCOMPARE(f.rows(QStringLiteral("b")), 10);
    out = f.run(f.request(OperationKind::ReattachReplica, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("b")) == 20; }, 10000));

    // repoint after a broken connection: from where it applied, still by file:pos
    f.sb->sql(QStringLiteral("b"), QStringLiteral("STOP SLAVE IO_THREAD"));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (21)"));
    out = f.run(f.request(OperationKind::Repoint, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("b")) == 21; }, 10000));
    st = f.sb->slaveStatus(QStringLiteral("b"));
    QCOMPARE(st.value(QStringLiteral("Last_SQL_Errno")), QStringLiteral("0"));
    QCOMPARE(f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT COUNT(*) = MAX(id) FROM app.w")),
        QStringLiteral("1"));
}

// A takeover first moves the target's siblings below it: on a file:pos cluster they move as
// siblings by file:pos (and stay so); the old master, which had no channel, is demoted by GTID.
void tst_OperationsFilePos::takeoverMovesFilePosSiblingsByFilePos()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    Writer w(*f.sb, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 200; }, 10000));
    const OperationOutcome out = f.run(f.request(OperationKind::GracefulTakeover, QStringLiteral("b")));
    w.stop(); // at its first write refused by read_only
    const qint64 acked = w.acked();
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));
    QVERIFY(Sandbox::waitFor(
        [&] {
            const auto st = f.sb->slaveStatus(QStringLiteral("a"));
            return st.value(QStringLiteral("Master_Port"))
                == QString::number(f.sb->port(QStringLiteral("b")))
                && st.value(QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
        },
        10000));
    f.sb->sql(QStringLiteral("b"), QStringLiteral("INSERT INTO app.w VALUES (10000000)"));
    const qint64 onB = f.rows(QStringLiteral("b"));
    QVERIFY(onB >= acked + 1);
    for (const QString &n : { QStringLiteral("a"), QStringLiteral("c") }) {
        QVERIFY2(Sandbox::waitFor([&] { return f.rows(n) == onB; }, 10000), qPrintable(n));
        QCOMPARE(f.rows(n, QStringLiteral("WHERE id <= %1").arg(acked)), acked);
        QCOMPARE(f.sb->slaveStatus(n).value(QStringLiteral("Last_SQL_Errno")), QStringLiteral("0"));
    }
    qInfo("takeover of a file:pos cluster under write load: %lld writes acknowledged, all on b and "
          "c; "
          "writes refused for %lld ms, total %lld ms",
        acked, out.writeBlockedMs, out.elapsedMs);
}

QTEST_GUILESS_MAIN(tst_OperationsFilePos)
#include "tst_operations_filepos.moc"
