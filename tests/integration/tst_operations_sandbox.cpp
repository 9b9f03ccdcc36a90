// Topology operations against real servers: each case builds the snapshot with the real discovery
// code, runs the OperationExecutor, and checks the servers themselves afterwards (who replicates
// from whom, who is writable, which rows exist) and the record in the store.
#include "discovery/discovery.h"
#include "mysql/connection.h"
#include "operations/operationexecutor.h"
#include "recovery/recoveryexecutor.h"
#include "sandbox.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"
#include "writer.h"
#include "fleet.h"
#include "operationsfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using Topograph::Test::Sandbox;
using Topograph::Test::Writer;

namespace {

struct Fixture : Topograph::Test::OperationsFixture
{
    using OperationsFixture::OperationsFixture;
    using OperationsFixture::run;
    TopologySnapshotPtr known;

    QString nodeOf(const InstanceKey &k) const { return Topograph::Test::nodeOf(*sb, k); }
    // Every server seen before is probed again; one that does not answer keeps its last facts.
    TopologySnapshotPtr discover()
    {
        TopologySnapshot::Input extra;
        extra.aliases = store->clusterAliases();
        known = fleet.discover(extra);
        return known;
    }
    OperationOutcome run(const OperationRequest &r, int waitSeconds = 10)
    {
        const auto snap = discover();
        return run(*snap, r, waitSeconds);
    }
    bool allStepsOk(qint64 id)
    {
        const auto r = record(id);
        if (!r || r->state != RecoveryState::Succeeded || r->steps.isEmpty())
            return false;
        for (const RecoveryStep &s : r->steps)
            if (s.outcome != StepOutcome::Ok)
                return false;
        return true;
    }
};

#define RUN_OK(f, out)                                                                             \
    QVERIFY2((out).success,                                                                        \
        qPrintable((out).message + QLatin1Char('\n') + (out).plan.toText() + QLatin1Char('\n')     \
            + (f).stepsText((out).operationId)));                                                  \
    QVERIFY2((f).allStepsOk((out).operationId), qPrintable((f).stepsText((out).operationId)))

} // namespace

class tst_OperationsSandbox : public QObject
{
    Q_OBJECT
private slots:
    void moves();
    void instanceActionsAndStore();
    void gracefulTakeoverUnderWriteLoad();
    void takeoverAbortedByPreHookIsUndone();
    void takeoverKillsClientConnectionsOnlyWhenAsked();
    void rejoinAfterFailover();
    void rejoinRefusedOnErrantTransaction();
    void frozenTargetMidMoveIsUndoneAndRecorded();
};

void tst_OperationsSandbox::moves()
{
    Fixture f(QStringLiteral("a>b,a>c,b>d"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    for (int i = 1; i <= 20; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));

    // refused while a recovery runs on the cluster: nothing touched
    {
        RecoveryLog log(*f.store);
        RecoveryLog::Start s;
        s.cluster = f.key(QStringLiteral("a")).toString();
        s.kind = QStringLiteral("DeadMaster");
        s.failedInstance = s.cluster;
        const auto claim = log.start(s);
        QVERIFY(claim);
        const auto snap = f.discover();
        const OperationOutcome out = f.run(
            *snap, f.request(OperationKind::Relocate, QStringLiteral("c"), QStringLiteral("b")));
        QVERIFY(out.refused);
        QCOMPARE(out.runningId, claim.id);
        QVERIFY2(out.message.contains(QStringLiteral("already running"))
                || out.message.contains(QString::number(claim.id)),
            qPrintable(out.message));
        QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
        RecoveryLog::Finish fin;
        fin.state = RecoveryState::Failed;
        QVERIFY(log.finish(claim.id, fin));
        AuditFilter af;
        bool audited = false;
        for (const AuditEntry &e : AuditLog(*f.store).entries(af))
            audited |= e.action == QLatin1String("relocate") && e.outcome == AuditOutcome::Refused;
        QVERIFY(audited);
    }

    // relocate c below b
    OperationOutcome out
        = f.run(f.request(OperationKind::Relocate, QStringLiteral("c"), QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));
    const auto rec = RecoveryLog(*f.store).recovery(out.operationId);
    QVERIFY(rec);
    QCOMPARE(rec->kind, QStringLiteral("relocate"));
    QVERIFY(rec->steps.size() >= 4);
    // the audit log holds the operation: its start, each step with its statements, its end
    {
        int entries = 0;
        bool change = false;
        for (const AuditEntry &e : AuditLog(*f.store).entries(AuditFilter()))
            if (e.recoveryId == out.operationId) {
                ++entries;
                QCOMPARE(e.actor, QStringLiteral("dba@test"));
                change |= QJsonDocument(e.details).toJson().contains("CHANGE MASTER TO");
            }
        QVERIFY2(entries >= 1 + 4 + 1, qPrintable(QString::number(entries)));
        QVERIFY(change);
    }

    // the GUI's hover: refused below its own descendant, a loop
    {
        const auto snap = f.discover();
        const OperationPlan p = validate(
            *snap, f.request(OperationKind::Relocate, QStringLiteral("b"), QStringLiteral("c")));
        QVERIFY(!p.ok);
        QVERIFY2(p.refusal.contains(QStringLiteral("descendant")), qPrintable(p.refusal));
    }

    // move-up d (under b) -> under a
    out = f.run(f.request(OperationKind::MoveUp, QStringLiteral("d")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("d"), QStringLiteral("a")));

    // take-siblings b: d (now b's sibling under a) goes below b
    out = f.run(f.request(OperationKind::TakeSiblings, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("d"), QStringLiteral("b")));
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));

    // repoint c: same source, reconnected
    f.sb->sql(QStringLiteral("c"), QStringLiteral("STOP SLAVE"));
    out = f.run(f.request(OperationKind::Repoint, QStringLiteral("c")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));

    // every replica still converges with the master
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (21)"));
    for (const QString &n : { QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d") })
        QVERIFY(Sandbox::waitFor([&] { return f.rows(n) == 21; }, 10000));

    // make-co-master b: a replicates from b too
    out = f.run(f.request(OperationKind::MakeCoMaster, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("a"), QStringLiteral("b")));
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (22)"));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("d")) == 22; }, 10000));
    QCOMPARE(f.rows(QStringLiteral("a")), 22); // nothing replayed back onto a
}

void tst_OperationsSandbox::instanceActionsAndStore()
{
    Fixture f(QStringLiteral("a>b"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    OperationOutcome out = f.run(f.request(OperationKind::StopReplica, QStringLiteral("b")));
    RUN_OK(f, out);
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Slave_SQL_Running")),
        QStringLiteral("No"));
    out = f.run(f.request(OperationKind::StartReplica, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    out = f.run(f.request(OperationKind::SetWriteable, QStringLiteral("b")));
    RUN_OK(f, out);
    QCOMPARE(
        f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    out = f.run(f.request(OperationKind::SetReadOnly, QStringLiteral("b")));
    RUN_OK(f, out);
    QCOMPARE(
        f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    out = f.run(f.request(OperationKind::DetachReplica, QStringLiteral("b")));
    RUN_OK(f, out);
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Master_Host")),
        QStringLiteral("//127.0.0.1"));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (1)"));
    out = f.run(f.request(OperationKind::ReattachReplica, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("b")) == 1; }, 10000));

    // store actions: downtime refuses moves, then ends
    OperationRequest d = f.request(OperationKind::BeginDowntime, QStringLiteral("b"));
    d.minutes = 30;
    d.text = QStringLiteral("disk swap");
    out = f.run(d);
    QVERIFY2(out.success, qPrintable(out.message));
    QVERIFY(f.store->activeDowntimes(QDateTime::currentDateTimeUtc())
                .contains(f.key(QStringLiteral("b"))));
    {
        TopologySnapshot::Input in;
        in.instances = f.discover()->instances().values();
        in.downtimes = f.store->activeDowntimes(QDateTime::currentDateTimeUtc());
        const auto snap = TopologySnapshot::build(in);
        const OperationOutcome refused
            = f.run(*snap, f.request(OperationKind::StopReplica, QStringLiteral("b")));
        QVERIFY(refused.refused);
        QVERIFY2(
            refused.message.contains(QStringLiteral("disk swap")), qPrintable(refused.message));
        out = f.run(*snap, f.request(OperationKind::EndDowntime, QStringLiteral("b")));
        QVERIFY2(out.success, qPrintable(out.message));
    }
    QVERIFY(f.store->activeDowntimes(QDateTime::currentDateTimeUtc()).isEmpty());
    OperationRequest alias = f.request(OperationKind::SetAlias, QStringLiteral("a"));
    alias.cluster = f.key(QStringLiteral("a")).toString();
    alias.text = QStringLiteral("billing");
    out = f.run(alias);
    QVERIFY2(out.success, qPrintable(out.message));
    QCOMPARE(f.store->clusterAliases().value(f.key(QStringLiteral("a")).toString()),
        QStringLiteral("billing"));
}

void tst_OperationsSandbox::gracefulTakeoverUnderWriteLoad()
{
    Fixture f(QStringLiteral("a>b,a>c,a>d"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    QTemporaryDir hookDir;
    const QString marker = hookDir.filePath(QStringLiteral("pre"));
    f.policy.hooks[HookPoint::PreGracefulTakeover] = { { QStringLiteral("/bin/sh"),
        QStringLiteral("-c"), QStringLiteral("echo $TOPOGRAPH_SUCCESSOR_PORT > ") + marker } };
    OperationRequest alias = f.request(OperationKind::SetAlias, QStringLiteral("a"));
    alias.cluster = f.key(QStringLiteral("a")).toString();
    alias.text = QStringLiteral("shop");
    QVERIFY(f.run(alias).success);

    Writer w(*f.sb, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 300; }, 10000));
    OperationRequest r = f.request(OperationKind::GracefulTakeover, QStringLiteral("b"));
    r.cluster = QStringLiteral("shop");
    const OperationOutcome out = f.run(r);
    // the writer on the old master stops at its first refused write
    w.stop();
    const qint64 acked = w.acked();
    RUN_OK(f, out);
    QVERIFY(out.writeBlockedMs >= 0);

    QCOMPARE(
        f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QCOMPARE(
        f.sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    QVERIFY(f.sb->slaveStatus(QStringLiteral("b")).isEmpty());
    for (const QString &n : { QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d") })
        QVERIFY2(f.replicatesFrom(n, QStringLiteral("b")), qPrintable(f.sb->status()));
    // 0 lost writes: every acknowledged id is on the new master, with no gap
    const qint64 onB = f.rows(QStringLiteral("b"));
    QVERIFY2(onB >= acked,
        qPrintable(QStringLiteral("acked %1, new master has %2").arg(acked).arg(onB)));
    QCOMPARE(f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT COUNT(*) = MAX(id) FROM app.w")),
        QStringLiteral("1"));
    // the old master replicates from the new one, without replaying anything
    f.sb->sql(QStringLiteral("b"), QStringLiteral("INSERT INTO app.w VALUES (10000000)"));
    for (const QString &n : { QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d") })
        QVERIFY(Sandbox::waitFor([&] { return f.rows(n) == onB + 1; }, 10000));
    QFile hook(marker);
    QVERIFY(hook.open(QIODevice::ReadOnly));
    QCOMPARE(hook.readAll().trimmed(), QByteArray::number(f.sb->port(QStringLiteral("b"))));
    QCOMPARE(f.store->clusterAliases().value(f.key(QStringLiteral("b")).toString()),
        QStringLiteral("shop"));
    const auto rec = RecoveryLog(*f.store).recovery(out.operationId);
    QCOMPARE(rec->kind, QStringLiteral("graceful-takeover"));
    QCOMPARE(rec->successor, f.key(QStringLiteral("b")).toString());
    qInfo("takeover under load: %lld writes acknowledged, %lld on the new master, writes refused "
          "for %lld ms, total %lld ms",
        acked, onB, out.writeBlockedMs, out.elapsedMs);
}

void tst_OperationsSandbox::takeoverAbortedByPreHookIsUndone()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (1)"));
    f.policy.hooks[HookPoint::PreGracefulTakeover] = { { QStringLiteral("/bin/false") } };

    // Without the replication password the demoted master could not connect: refused up front,
    // saying where the password goes, and nothing runs (not even the hook).
    f.replicationPassword = QString();
    const OperationOutcome noPassword
        = f.run(f.request(OperationKind::GracefulTakeover, QStringLiteral("b")));
    QVERIFY(noPassword.refused);
    QCOMPARE(noPassword.operationId, qint64(0));
    QVERIFY2(noPassword.message.contains(QStringLiteral("replication user 'repl'"))
                 && noPassword.message.contains(QStringLiteral("repl@") + f.key(QStringLiteral("a")).toString())
                 && noPassword.message.contains(QStringLiteral("nothing done")),
        qPrintable(noPassword.message));
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
    QCOMPARE(
        f.sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    f.replicationPassword.reset();

    const OperationOutcome out
        = f.run(f.request(OperationKind::GracefulTakeover, QStringLiteral("b")));
    QVERIFY(!out.success);
    QVERIFY(!out.refused);
    // the sibling went below b before the hook ran: it is moved back; the master was never fenced
    const QString c = f.key(QStringLiteral("c")).toString();
    QVERIFY2(out.undone.contains(
                 QStringLiteral("point %1 at %2").arg(c, f.key(QStringLiteral("b")).toString())),
        qPrintable(out.message));
    QVERIFY2(out.message.contains(QStringLiteral("PreGracefulTakeover")), qPrintable(out.message));
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
    QVERIFY(f.replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));
    QCOMPARE(
        f.sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    const auto rec = RecoveryLog(*f.store).recovery(out.operationId);
    QCOMPARE(rec->state, RecoveryState::Failed);
    int undoneSteps = 0;
    for (const RecoveryStep &s : rec->steps)
        undoneSteps += s.outcome == StepOutcome::Undone ? 1 : 0;
    QCOMPARE(undoneSteps, 2); // point c at b, stop replication on c
}

void tst_OperationsSandbox::takeoverKillsClientConnectionsOnlyWhenAsked()
{
    Fixture f(QStringLiteral("a>b"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    auto appOn = [&](const QString &node) {
        ConnectionOptions o = f.options(f.key(node));
        o.user = QStringLiteral("app");
        o.password = f.sb->appPassword();
        auto c = std::make_unique<Connection>(o);
        return c->open() ? std::move(c) : nullptr;
    };
    auto idleOnA = appOn(QStringLiteral("a"));
    QVERIFY(idleOnA);
    OperationOutcome out = f.run(f.request(OperationKind::GracefulTakeover, QStringLiteral("b")));
    RUN_OK(f, out);
    QVERIFY(idleOnA->ping()); // not asked: left alone

    auto idleOnB = appOn(QStringLiteral("b"));
    QVERIFY(idleOnB);
    OperationRequest r = f.request(OperationKind::GracefulTakeover, QStringLiteral("a"));
    r.killClientConnections = true;
    QVERIFY(Sandbox::waitFor(
        [&] {
            return f.sb->slaveStatus(QStringLiteral("a"))
                       .value(QStringLiteral("Seconds_Behind_Master"))
                == QLatin1String("0");
        },
        10000));
    out = f.run(r);
    RUN_OK(f, out);
    QVERIFY(!idleOnB->ping());
    QVERIFY2(f.stepsText(out.operationId).contains(QStringLiteral("(app)")),
        qPrintable(f.stepsText(out.operationId)));
    QVERIFY(f.replicatesFrom(
        QStringLiteral("b"), QStringLiteral("a"))); // its replication thread survived
}

void tst_OperationsSandbox::rejoinAfterFailover()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    for (int i = 1; i <= 50; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor(
        [&] { return f.rows(QStringLiteral("b")) == 50 && f.rows(QStringLiteral("c")) == 50; },
        10000));
    f.discover();
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor(
        [&] {
            return f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Slave_IO_Running"))
                != QLatin1String("Yes");
        },
        10000));
    RecoveryExecutor rx(*f.store, f.policy, [&](const InstanceKey &k) { return f.options(k); });
    RecoveryRequest rr;
    rr.failed = f.key(QStringLiteral("a"));
    rr.analysisCode = QStringLiteral("DeadMaster");
    rr.actor = QStringLiteral("test");
    const RecoveryOutcome rec = rx.run(*f.discover(), rr);
    QVERIFY2(rec.success && rec.successor, qPrintable(rec.message));
    const QString winner = f.nodeOf(*rec.successor);
    f.sb->sql(winner, QStringLiteral("INSERT INTO app.w VALUES (51)")); // the new master moves on

    QVERIFY(f.sb->start(QStringLiteral("a")));
    const OperationOutcome out
        = f.run(f.request(OperationKind::Rejoin, QStringLiteral("a"), winner));
    RUN_OK(f, out);
    QVERIFY(f.replicatesFrom(QStringLiteral("a"), winner));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("a")) == 51; }, 10000));
    QCOMPARE(
        f.sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
}

void tst_OperationsSandbox::rejoinRefusedOnErrantTransaction()
{
    Fixture f(QStringLiteral("a>b"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (1)"));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("b")) == 1; }, 10000));
    f.discover();
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor(
        [&] {
            return f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Slave_IO_Running"))
                != QLatin1String("Yes");
        },
        10000));
    RecoveryExecutor rx(*f.store, f.policy, [&](const InstanceKey &k) { return f.options(k); });
    RecoveryRequest rr;
    rr.failed = f.key(QStringLiteral("a"));
    rr.analysisCode = QStringLiteral("DeadMaster");
    const RecoveryOutcome rec = rx.run(*f.discover(), rr);
    QVERIFY2(rec.success, qPrintable(rec.message));
    QVERIFY(f.sb->start(QStringLiteral("a")));
    // someone writes on the old master after it came back: a transaction the new master never gets
    f.sb->sql(QStringLiteral("a"),
        QStringLiteral("SET GLOBAL read_only=0; INSERT INTO app.w VALUES (999)"));
    const QString errant
        = f.sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@gtid_binlog_pos"));
    const OperationOutcome out
        = f.run(f.request(OperationKind::Rejoin, QStringLiteral("a"), QStringLiteral("b")));
    QVERIFY(out.refused);
    QVERIFY2(out.message.contains(errant), qPrintable(out.message + " / " + errant));
    QVERIFY(out.message.contains(QStringLiteral("out of scope")));
    QVERIFY(f.sb->slaveStatus(QStringLiteral("a")).isEmpty()); // nothing touched
}

void tst_OperationsSandbox::frozenTargetMidMoveIsUndoneAndRecorded()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    const auto snap = f.discover();
    const OperationRequest r
        = f.request(OperationKind::Relocate, QStringLiteral("c"), QStringLiteral("b"));
    QVERIFY(validate(*snap, r).ok);
    // b freezes between the drag's validate() and the move
    QVERIFY(f.sb->freeze(QStringLiteral("b")));
    const OperationOutcome out = f.run(*snap, r, 3);
    QVERIFY(f.sb->thaw(QStringLiteral("b")));
    QVERIFY(!out.success);
    QVERIFY(!out.refused);
    QVERIFY2(
        out.undone.contains(
            QStringLiteral("stop replication on %1").arg(f.key(QStringLiteral("c")).toString())),
        qPrintable(out.message));
    QVERIFY2(out.message.contains(QStringLiteral("undone")), qPrintable(out.message));
    const auto rec = RecoveryLog(*f.store).recovery(out.operationId);
    QVERIFY(rec);
    QCOMPARE(rec->state, RecoveryState::Failed);
    QVERIFY2(rec->steps.size() == 3, qPrintable(f.stepsText(out.operationId)));
    QCOMPARE(rec->steps[0].outcome, StepOutcome::Ok); // c stopped
    QCOMPARE(rec->steps[1].outcome, StepOutcome::Failed); // b never answered
    QCOMPARE(rec->steps[2].outcome, StepOutcome::Undone); // c started again under a
    QVERIFY(rec->steps[2].name.startsWith(QStringLiteral("undo: ")));
    QVERIFY(f.replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
}

QTEST_GUILESS_MAIN(tst_OperationsSandbox)
#include "tst_operations_sandbox.moc"
