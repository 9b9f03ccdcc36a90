// Recovery against real servers: each case kills, freezes or breaks real mariadbd processes in
// its own sandbox, builds the snapshot with the real discovery code, runs the executor, and checks
// the servers themselves afterwards (who replicates from whom, who is writable, which rows exist).
#include "mysql/connection.h"
#include "recovery/recoveryexecutor.h"
#include "sandbox.h"
#include "writer.h"
#include "fleet.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>


using namespace Topograph;
using Topograph::Test::Sandbox;
using Topograph::Test::Writer;
using Topograph::Test::KnownFleet;
using Topograph::Test::keyOf;

namespace {


struct Fixture
{
    std::unique_ptr<Sandbox> sb;
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    Policy policy;

    explicit Fixture(const QString &topology)
        : sb(std::make_unique<Sandbox>(topology))
    {
        QString error;
        store = Store::open(dir.filePath(QStringLiteral("t.sqlite")), &error);
        if (!store)
            qWarning("store: %s", qPrintable(error));
        if (sb->isUp())
            Writer::createTable(*sb, QStringLiteral("a"));
    }
    ConnectionOptions options(const InstanceKey &k) const { return Topograph::Test::connectionOptions(*sb, k); }
    InstanceKey key(const QString &node) const { return keyOf(*sb, node); }
    // Like the engine's poller: a server that dies keeps its last known facts.
    std::unique_ptr<KnownFleet> fleet = std::make_unique<KnownFleet>(*sb);
    TopologySnapshotPtr known;
    void learn() { known = fleet->discover(); }
    TopologySnapshotPtr discover(const QHash<InstanceKey, PromotionRule> &rules = {})
    {
        TopologySnapshot::Input extra;
        extra.promotionRules = rules;
        return fleet->discover(extra);
    }
    RecoveryOutcome recover(const TopologySnapshot &s, const QString &node, const QString &code,
                            std::optional<InstanceKey> candidate = {}, bool forced = false)
    {
        RecoveryExecutor ex(*store, policy, [this](const InstanceKey &k) { return options(k); });
        ex.setApplyTimeoutSeconds(10);
        RecoveryRequest r;
        r.failed = key(node);
        r.analysisCode = code;
        r.actor = QStringLiteral("test@host");
        r.candidate = candidate;
        r.forced = forced;
        return ex.run(s, r);
    }
    // Waits until every replica in `nodes` replicates (IO+SQL running) from `source`.
    bool allReplicateFrom(const QStringList &nodes, const QString &source, int timeoutMs = 10000)
    {
        return Sandbox::waitFor([&] {
            for (const QString &n : nodes) {
                const auto st = sb->slaveStatus(n);
                if (st.value(QStringLiteral("Master_Port")) != QString::number(sb->port(source))
                    || st.value(QStringLiteral("Slave_IO_Running")) != QLatin1String("Yes")
                    || st.value(QStringLiteral("Slave_SQL_Running")) != QLatin1String("Yes"))
                    return false;
            }
            return true;
        }, timeoutMs);
    }
    qint64 rows(const QString &node) { return sb->sql(node, QStringLiteral("SELECT COUNT(*) FROM app.w")).toLongLong(); }
    QString stepsText(qint64 id)
    {
        const auto r = RecoveryLog(*store).recovery(id);
        QString t;
        if (r)
            for (const RecoveryStep &s : r->steps)
                t += QStringLiteral("%1 [%2] %3 -> %4: %5\n").arg(s.seq).arg(s.server, s.name, stepOutcomeName(s.outcome), s.output);
        return t;
    }
};

// The replicas noticed the kill: their IO threads are no longer connected.
bool replicasNoticed(Sandbox &sb, const QStringList &nodes)
{
    return Sandbox::waitFor([&] {
        for (const QString &n : nodes)
            if (sb.slaveStatus(n).value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes"))
                return false;
        return true;
    }, 10000);
}

} // namespace

class tst_Recovery : public QObject
{
    Q_OBJECT
private slots:
    void deadMasterUnderWriteLoadLosesNothing();
    void laggingReplicaIsNotPromoted();
    void brokenReplicaIsNeverPromoted();
    void sqlThreadStoppedByHandStaysStopped();
    void followerThatCannotConnectIsNotCounted();
    void preferredButBehindCatchesUpFirst();
    void preFailoverHookAbortsAndChangesNothing();
    void postHooksGetContextWithoutShell();
    void deadIntermediateMasterReplicasMoveUp();
    void deadCoMaster();
    void secondRecoveryOfAClusterIsRefused();
    void forcedFailoverOfALiveMasterLosesNothing();
    void forcedFailoverOfAReplicaIsRefused();
};

void tst_Recovery::deadMasterUnderWriteLoadLosesNothing()
{
    Fixture f(QStringLiteral("a>b,a>c,a>d"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    Writer w(*f.sb, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 200; }, 10000));
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    w.stop();
    const qint64 acked = w.acked();
    QVERIFY(replicasNoticed(*f.sb, {"b", "c", "d"}));

    // Replication is asynchronous: a write the master acknowledged in the last instant before
    // kill -9 may have reached no replica, and then nothing can recover it (semi-sync would). What
    // a failover must never lose is what any replica received: the most any survivor holds.
    qint64 seenOnReplicas = 0;
    for (const QString &n : {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")})
        seenOnReplicas = qMax(seenOnReplicas, f.rows(n));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + QLatin1Char('\n') + f.stepsText(out.recoveryId)));
    QVERIFY(out.successor);
    const QString winner = f.sb->nodes().at(out.successor->port() - f.sb->port(QStringLiteral("a")));
    QStringList others{"b", "c", "d"};
    others.removeAll(winner);

    QCOMPARE(f.sb->sql(winner, QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(f.sb->slaveStatus(winner).isEmpty()); // RESET SLAVE ALL
    QVERIFY2(f.allReplicateFrom(others, winner), qPrintable(f.sb->status()));
    // Every acknowledged write is on the new master, and the replicas converge to it.
    const qint64 onWinner = f.rows(winner);
    QVERIFY2(onWinner >= seenOnReplicas,
             qPrintable(QStringLiteral("a replica had %1 rows, new master has %2").arg(seenOnReplicas).arg(onWinner)));
    // Never more than the few in flight at the kill (one per round trip of the single writer).
    QVERIFY2(onWinner >= acked - 2, qPrintable(QStringLiteral("acked %1, new master has %2").arg(acked).arg(onWinner)));
    QCOMPARE(f.sb->sql(winner, QStringLiteral("SELECT COUNT(*) = MAX(id) FROM app.w")), QStringLiteral("1"));
    f.sb->sql(winner, QStringLiteral("INSERT INTO app.w VALUES (1000000)"));
    for (const QString &n : others)
        QVERIFY(Sandbox::waitFor([&] { return f.rows(n) == onWinner + 1; }, 10000));
    qInfo("acknowledged %lld writes before the kill; new master %s has %lld; recovery took %lld ms",
          acked, qPrintable(winner), onWinner, out.elapsedMs);

    const auto record = RecoveryLog(*f.store).recovery(out.recoveryId);
    QVERIFY(record);
    QCOMPARE(record->state, RecoveryState::Succeeded);
    QCOMPARE(record->successor, out.successor->toString());
    QVERIFY(record->details.value(QStringLiteral("candidates")).isArray()); // why it was chosen
    for (const RecoveryStep &s : record->steps)
        QVERIFY2(s.outcome == StepOutcome::Ok, qPrintable(f.stepsText(out.recoveryId)));
}

void tst_Recovery::laggingReplicaIsNotPromoted()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    // b stops receiving (IO thread) while a keeps writing: b is behind; c has everything.
    f.sb->sql(QStringLiteral("b"), QStringLiteral("STOP SLAVE IO_THREAD"));
    for (int i = 1; i <= 50; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 50; }, 5000));
    QCOMPARE(f.rows(QStringLiteral("b")), 0);
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"c"}));
    const auto snap = f.discover();
    // b sorts first by key: it would win a tie. It must lose on progress.
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QCOMPARE(*out.successor, f.key(QStringLiteral("c")));
    QVERIFY(f.allReplicateFrom({"b"}, QStringLiteral("c")));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("b")) == 50; }, 5000)); // b caught up from c
}

void tst_Recovery::brokenReplicaIsNeverPromoted()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    // A row written behind replication's back on b, then the same key from the master: b's SQL
    // thread stops with a duplicate-key error (1062) while its IO thread keeps receiving.
    f.sb->sql(QStringLiteral("b"), QStringLiteral("SET sql_log_bin=0; INSERT INTO app.w VALUES (7)"));
    for (int i = 1; i <= 20; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor([&] { return f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Last_SQL_Errno")) == QLatin1String("1062"); }, 5000));
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"b", "c"}));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QCOMPARE(*out.successor, f.key(QStringLiteral("c")));
    // b is not lost: it follows the new master, still stopped on its own error for a DBA to fix
    // (repointing it does not hide the problem, and it is in the right place once fixed).
    QVERIFY(Sandbox::waitFor([&] {
        const auto st = f.sb->slaveStatus(QStringLiteral("b"));
        return st.value(QStringLiteral("Master_Port")) == QString::number(f.sb->port(QStringLiteral("c")))
               && st.value(QStringLiteral("Last_SQL_Errno")) == QLatin1String("1062");
    }, 5000));
    const auto record = RecoveryLog(*f.store).recovery(out.recoveryId);
    QVERIFY(record->details.value(QStringLiteral("candidates")).toArray().at(1).toObject()
                .value(QStringLiteral("exclusion")).toString().contains(QLatin1String("error 1062")));
}

// A DBA stopped c's SQL thread on purpose (STOP SLAVE SQL_THREAD, no error): the recovery moves c
// under the new master with its IO thread only, and says c follows.
void tst_Recovery::sqlThreadStoppedByHandStaysStopped()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    f.sb->sql(QStringLiteral("c"), QStringLiteral("STOP SLAVE SQL_THREAD"));
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"b", "c"}));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QCOMPARE(*out.successor, f.key(QStringLiteral("b")));
    QVERIFY2(out.message.contains(QLatin1String("1 replica(s) follow it")) && out.lost.isEmpty(),
             qPrintable(out.message + f.stepsText(out.recoveryId)));
    const auto st = f.sb->slaveStatus(QStringLiteral("c"));
    QCOMPARE(st.value(QStringLiteral("Master_Port")), QString::number(f.sb->port(QStringLiteral("b"))));
    QCOMPARE(st.value(QStringLiteral("Slave_IO_Running")), QStringLiteral("Yes"));
    QCOMPARE(st.value(QStringLiteral("Slave_SQL_Running")), QStringLiteral("No"));
    const auto record = RecoveryLog(*f.store).recovery(out.recoveryId);
    bool ioOnly = false;
    for (const RecoveryStep &s : record->steps)
        ioOnly = ioOnly || (s.server == f.key(QStringLiteral("c")).toString() && s.statement.endsWith(QLatin1String("START SLAVE IO_THREAD")));
    QVERIFY2(ioOnly, qPrintable(f.stepsText(out.recoveryId)));
}

// A moved replica whose IO thread cannot log in to the new master (its replication account does
// not exist there) is not reported as following: the outcome names it and why.
void tst_Recovery::followerThatCannotConnectIsNotCounted()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    f.sb->sql(QStringLiteral("b"), QStringLiteral("SET sql_log_bin=0; DROP USER 'repl'@'%'"));
    f.sb->sql(QStringLiteral("c"), QStringLiteral("STOP SLAVE SQL_THREAD")); // so that b is the candidate
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"b", "c"}));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QCOMPARE(*out.successor, f.key(QStringLiteral("b")));
    QVERIFY2(out.message.contains(QLatin1String("0 replica(s) follow it")), qPrintable(out.message));
    QCOMPARE(out.lost, QStringList{f.key(QStringLiteral("c")).toString()});
    const QString steps = f.stepsText(out.recoveryId);
    QVERIFY2(steps.contains(QLatin1String("verify that 1 replica(s) follow")) && steps.contains(QLatin1String("-> failed")),
             qPrintable(steps));
}

void tst_Recovery::preferredButBehindCatchesUpFirst()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    f.sb->sql(QStringLiteral("b"), QStringLiteral("STOP SLAVE IO_THREAD"));
    for (int i = 1; i <= 30; ++i)
        f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (%1)").arg(i));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 30; }, 5000));
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"c"}));
    const auto snap = f.discover({{f.key(QStringLiteral("b")), PromotionRule::Prefer}});
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QCOMPARE(*out.successor, f.key(QStringLiteral("b")));
    QCOMPARE(f.rows(QStringLiteral("b")), 30); // it caught up before it was promoted
    QCOMPARE(f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(f.allReplicateFrom({"c"}, QStringLiteral("b")));
    QVERIFY(f.stepsText(out.recoveryId).contains(QLatin1String("catch")));
}

void tst_Recovery::preFailoverHookAbortsAndChangesNothing()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"b", "c"}));
    QVERIFY(f.policy.set(QStringLiteral("PreFailoverProcesses"), QStringLiteral(R"([["/bin/sh","-c","exit 1"]])")));
    const auto before = f.sb->status();
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY(!out.success);
    QVERIFY2(out.message.contains(QLatin1String("PreFailover")) && out.message.contains(QLatin1String("nothing was changed")),
             qPrintable(out.message));
    for (const QString &n : {QStringLiteral("b"), QStringLiteral("c")}) {
        QCOMPARE(f.sb->slaveStatus(n).value(QStringLiteral("Master_Port")), QString::number(f.sb->port(QStringLiteral("a"))));
        QCOMPARE(f.sb->sql(n, QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    }
    const auto record = RecoveryLog(*f.store).recovery(out.recoveryId);
    QCOMPARE(record->state, RecoveryState::Failed);
}

void tst_Recovery::postHooksGetContextWithoutShell()
{
    Fixture f(QStringLiteral("a>b"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    QTemporaryDir tmp;
    const QString envFile = tmp.filePath(QStringLiteral("env.txt"));
    const QString injected = tmp.filePath(QStringLiteral("injected"));
    // The hook prints its environment; a hostile alias must arrive as text and run nothing.
    QVERIFY(f.policy.set(QStringLiteral("PostMasterFailoverProcesses"),
                         QStringLiteral(R"([["/bin/sh","-c","env | grep ^TOPOGRAPH_ | sort > %1"]])").arg(envFile)));
    f.sb->kill(QStringLiteral("a"));
    QVERIFY(replicasNoticed(*f.sb, {"b"}));
    auto input = TopologySnapshot::Input{};
    const auto base = f.discover();
    for (const InstanceFacts &i : base->instances())
        input.instances << i;
    input.aliases.insert(f.key(QStringLiteral("a")).toString(), QStringLiteral("$(touch %1)").arg(injected));
    const auto snap = TopologySnapshot::build(input);
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QFile e(envFile);
    QVERIFY(e.open(QIODevice::ReadOnly));
    const QString env = QString::fromUtf8(e.readAll());
    QVERIFY2(env.contains(QStringLiteral("TOPOGRAPH_FAILURE_TYPE=DeadMaster")), qPrintable(env));
    QVERIFY(env.contains(QStringLiteral("TOPOGRAPH_FAILED_PORT=%1").arg(f.sb->port(QStringLiteral("a")))));
    QVERIFY(env.contains(QStringLiteral("TOPOGRAPH_SUCCESSOR_PORT=%1").arg(f.sb->port(QStringLiteral("b")))));
    QVERIFY(env.contains(QStringLiteral("TOPOGRAPH_RECOVERY_ID=%1").arg(out.recoveryId)));
    QVERIFY(env.contains(QStringLiteral("TOPOGRAPH_CLUSTER_ALIAS=$(touch %1)").arg(injected)));
    QVERIFY(!QFile::exists(injected));
}

void tst_Recovery::deadIntermediateMasterReplicasMoveUp()
{
    Fixture f(QStringLiteral("a>b,b>c,b>d"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (1)"));
    f.learn();
    QVERIFY(f.sb->kill(QStringLiteral("b")));
    QVERIFY(replicasNoticed(*f.sb, {"c", "d"}));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("b"), QStringLiteral("DeadIntermediateMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QVERIFY(f.allReplicateFrom({"c", "d"}, QStringLiteral("a")));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (2)"));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 2 && f.rows(QStringLiteral("d")) == 2; }, 5000));
}

void tst_Recovery::deadCoMaster()
{
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    // Make a and b co-masters: a replicates from b too.
    f.sb->sql(QStringLiteral("a"), QStringLiteral("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=%1, MASTER_USER='repl', "
                                                  "MASTER_PASSWORD='%2', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE")
                                       .arg(f.sb->port(QStringLiteral("b")))
                                       .arg(f.sb->replicationPassword()));
    QVERIFY(f.allReplicateFrom({"a"}, QStringLiteral("b")));
    f.sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (1)"));
    f.learn();
    QVERIFY(f.known->clusterOf(f.key(QStringLiteral("a"))));
    QCOMPARE(f.known->clusterOf(f.key(QStringLiteral("a")))->coMasters.size(), 1);
    QVERIFY(f.sb->kill(QStringLiteral("a")));
    QVERIFY(replicasNoticed(*f.sb, {"b", "c"}));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadCoMaster"));
    QVERIFY2(out.success, qPrintable(out.message + f.stepsText(out.recoveryId)));
    QCOMPARE(*out.successor, f.key(QStringLiteral("b")));
    QCOMPARE(f.sb->sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(f.sb->slaveStatus(QStringLiteral("b")).isEmpty());
    QVERIFY(f.allReplicateFrom({"c"}, QStringLiteral("b")));
    f.sb->sql(QStringLiteral("b"), QStringLiteral("INSERT INTO app.w VALUES (2)"));
    QVERIFY(Sandbox::waitFor([&] { return f.rows(QStringLiteral("c")) == 2; }, 5000));
}

void tst_Recovery::secondRecoveryOfAClusterIsRefused()
{
    Fixture f(QStringLiteral("a>b"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    f.learn();
    RecoveryLog log(*f.store);
    RecoveryLog::Start s;
    s.cluster = f.key(QStringLiteral("a")).toString();
    s.kind = QStringLiteral("DeadMaster");
    s.failedInstance = s.cluster;
    const auto first = log.start(s);
    QVERIFY(first);
    f.sb->kill(QStringLiteral("a"));
    QVERIFY(replicasNoticed(*f.sb, {"b"}));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("DeadMaster"));
    QVERIFY(out.refused);
    QCOMPARE(out.runningId, first.id);
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Master_Port")), QString::number(f.sb->port(QStringLiteral("a"))));
}



void tst_Recovery::forcedFailoverOfALiveMasterLosesNothing()
{
    // "Force failover now": a master that answers but must go. It is made read_only first, the
    // candidate waits for its last position, so every write it acknowledged is on the successor.
    Fixture f(QStringLiteral("a>b,a>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    Writer w(*f.sb, QStringLiteral("a"));
    QVERIFY(Sandbox::waitFor([&] { return w.acked() > 200; }, 10000));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("a"), QStringLiteral("ForcedMasterFailover"), f.key(QStringLiteral("c")), true);
    w.stop(); // the writer stopped at read_only already: the app account has no READ_ONLY ADMIN
    const qint64 acked = w.acked();
    QVERIFY2(out.success, qPrintable(out.message + QLatin1Char('\n') + f.stepsText(out.recoveryId)));
    QCOMPARE(out.successor->toString(), f.key(QStringLiteral("c")).toString());
    QCOMPARE(f.sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    QCOMPARE(f.sb->sql(QStringLiteral("c"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY2(f.allReplicateFrom({QStringLiteral("b")}, QStringLiteral("c")), qPrintable(f.sb->status()));
    const qint64 onWinner = f.rows(QStringLiteral("c"));
    QVERIFY2(onWinner >= acked, qPrintable(QStringLiteral("acked %1, new master has %2").arg(acked).arg(onWinner)));
    QCOMPARE(onWinner, f.rows(QStringLiteral("a"))); // nothing written on a after the fence
    const auto record = RecoveryLog(*f.store).recovery(out.recoveryId);
    QVERIFY(record);
    QCOMPARE(record->kind, QStringLiteral("ForcedMasterFailover"));
    QVERIFY2(record->steps.first().name.contains(QLatin1String("choose")) || record->steps.at(1).name.contains(QLatin1String("read_only")),
             qPrintable(f.stepsText(out.recoveryId)));
    bool fenced = false;
    for (const RecoveryStep &s : record->steps) {
        QVERIFY2(s.outcome == StepOutcome::Ok, qPrintable(f.stepsText(out.recoveryId)));
        fenced |= s.name.startsWith(QLatin1String("set read_only on the live master")) && s.output.contains(QLatin1String("last position"));
    }
    QVERIFY2(fenced, qPrintable(f.stepsText(out.recoveryId)));
    qInfo("forced failover: %lld acknowledged writes, successor has %lld, took %lld ms", acked, onWinner, out.elapsedMs);
}

void tst_Recovery::forcedFailoverOfAReplicaIsRefused()
{
    Fixture f(QStringLiteral("a>b,b>c"));
    QVERIFY2(f.sb->isUp(), qPrintable(f.sb->error()));
    const auto snap = f.discover();
    const RecoveryOutcome out = f.recover(*snap, QStringLiteral("b"), QStringLiteral("ForcedMasterFailover"), {}, true);
    QVERIFY(!out.success);
    QVERIFY(out.refused);
    QVERIFY2(out.message.contains(QLatin1String("not the single master")), qPrintable(out.message));
    QVERIFY(RecoveryLog(*f.store).recoveries({}).isEmpty());
    QCOMPARE(f.sb->slaveStatus(QStringLiteral("c")).value(QStringLiteral("Master_Port")), QString::number(f.sb->port(QStringLiteral("b"))));
}

QTEST_GUILESS_MAIN(tst_Recovery)
#include "tst_recovery.moc"
