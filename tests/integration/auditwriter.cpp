// A child process for tst_auditprocesses: writes to a store the way the GUI or a `watch` would,
// so the test can kill it with SIGKILL mid-write or run two of them at once.
//
//   auditwriter STORE append N TAG [BATCH [PAUSE_US]]
//                                            N entries (0 = until killed), one transaction per
//                                            entry, or per BATCH entries, PAUSE_US between
//                                            transactions; prints "appended I" after each
//                                            commit. TOPOGRAPH_TEST_START_AT (ms since epoch)
//                                            holds the first write until then, so that two
//                                            writers really overlap
//   auditwriter STORE recover-and-hang CLUSTER
//                                            starts a recovery, completes two steps, begins a
//                                            third, prints "hanging ID" and waits to be killed
//   auditwriter STORE hold-write-lock        takes the write lock (BEGIN IMMEDIATE), prints
//                                            "holding" and keeps it until killed
//   auditwriter STORE sample                 a small store with every kind of record and text
//                                            that exports must keep intact

#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace Topograph;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "auditwriter: %s\n", qPrintable(message));
    return 1;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int append(Store &store, qint64 n, const QString &tag, int batch, int pauseUs)
{
    AuditLog log(store);
    QString error;
    const qint64 startAt = qEnvironmentVariable("TOPOGRAPH_TEST_START_AT").toLongLong();
    while (QDateTime::currentMSecsSinceEpoch() < startAt)
        QThread::usleep(200);
    for (qint64 i = 1; n == 0 || i <= n;) {
        QList<AuditEntry> entries;
        for (int b = 0; b < batch && (n == 0 || i <= n); ++b, ++i) {
            AuditEntry e;
            e.actor = tag;
            e.cluster = QStringLiteral("cluster-%1").arg(tag);
            e.instance = QStringLiteral("db%1:3306").arg(i % 7);
            e.action = QStringLiteral("probe");
            e.message = QStringLiteral(
                "%1 entry %2, with a long enough message to make the write take a while: %3")
                            .arg(tag)
                            .arg(i)
                            .arg(QString(200, QLatin1Char('x')));
            e.details = { { QStringLiteral("seq"), i }, { QStringLiteral("tag"), tag } };
            entries << e;
        }
        if (!log.append(entries, &error))
            return fail(error);
        say(QStringLiteral("appended %1").arg(i - 1));
        if (pauseUs > 0)
            QThread::usleep(pauseUs);
    }
    return 0;
}

int recoverAndHang(Store &store, const QString &cluster)
{
    RecoveryLog log(store);
    const auto claim
        = log.start({ cluster, QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"),
            QStringLiteral("db1:3306"), QStringLiteral("auto"), true, {} });
    if (!claim)
        return fail(claim.error);
    int s = log.beginStep(claim.id, QStringLiteral("pre-failover hook"), {},
        QStringLiteral("/usr/local/bin/fence db1"));
    log.endStep(claim.id, s, StepOutcome::Ok, QStringLiteral("fenced"));
    s = log.beginStep(claim.id, QStringLiteral("repoint db3 under db2"), QStringLiteral("db3:3306"),
        QStringLiteral("CHANGE MASTER TO MASTER_HOST='db2', MASTER_USE_GTID=slave_pos"));
    log.endStep(claim.id, s, StepOutcome::Ok);
    log.beginStep(claim.id, QStringLiteral("repoint db4 under db2"), QStringLiteral("db4:3306"),
        QStringLiteral("CHANGE MASTER TO MASTER_HOST='db2', MASTER_USE_GTID=slave_pos"));
    say(QStringLiteral("hanging %1").arg(claim.id));
    for (;;)
        QThread::sleep(1);
}

int holdWriteLock(Store &store)
{
    QString error;
    store.write(
        [](QString *) {
            say(QStringLiteral("holding"));
            for (;;)
                QThread::sleep(1);
            return true;
        },
        &error);
    return fail(error);
}

int sample(Store &store)
{
    const QString tricky = QStringLiteral(
        "Quotes \"double\" and 'single', commas, a semicolon; a\nnew line, "
        "<b>HTML</b> & <script>alert(1)</script>, 한국어 장애 조치, 日本語のフェイルオーバー");
    store.setActor(QStringLiteral("kim@ops-1"));
    store.setClusterAlias(QStringLiteral("db1:3306"), QStringLiteral("orders"));
    store.setPolicyValue(
        QStringLiteral("AutoFailover"), true, QStringLiteral("enabled after the DR drill"));
    AuditLog audit(store);
    AuditEntry detect;
    detect.actor = QStringLiteral("auto");
    detect.cluster = QStringLiteral("db1:3306");
    detect.instance = QStringLiteral("db1:3306");
    detect.action = QStringLiteral("detect");
    detect.outcome = AuditOutcome::Ok;
    detect.message = QStringLiteral("DeadMaster: db1:3306 unreachable and its replicas agree.");
    detect.details = { { QStringLiteral("analysis"), QStringLiteral("DeadMaster") },
        { QStringLiteral("replicas"), 3 } };
    audit.append(detect);
    RecoveryLog log(store);
    const auto claim = log.start(
        { QStringLiteral("db1:3306"), QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"),
            QStringLiteral("db1:3306"), QStringLiteral("auto"), true, {} });
    const struct
    {
        const char *name, *server, *statement;
        StepOutcome outcome;
    } steps[] = {
        { "pre-failover hook", "", "/usr/local/bin/fence --host db1", StepOutcome::Ok },
        { "wait until db2 applied its relay log", "db2:3306",
            "SELECT MASTER_GTID_WAIT('0-1-1042', 10)", StepOutcome::Ok },
        { "repoint db3 under db2", "db3:3306",
            "CHANGE MASTER TO MASTER_HOST='db2', MASTER_PORT=3306, MASTER_USE_GTID=slave_pos",
            StepOutcome::Ok },
        { "promote db2", "db2:3306", "STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only=0",
            StepOutcome::Ok },
        { "set old master read-only", "db1:3306", "SET GLOBAL read_only=1", StepOutcome::Failed },
    };
    for (const auto &s : steps) {
        const int seq = log.beginStep(claim.id, QString::fromUtf8(s.name),
            QString::fromUtf8(s.server), QString::fromUtf8(s.statement));
        log.endStep(claim.id, seq, s.outcome,
            s.outcome == StepOutcome::Failed
                ? QStringLiteral("Can't connect to server on 'db1' (111)")
                : QString());
    }
    RecoveryLog::Finish f;
    f.successor = QStringLiteral("db2:3306");
    f.summary
        = QStringLiteral("db2:3306 promoted; db3:3306 follows it; the old master did not answer.");
    log.finish(claim.id, f);
    BlockedRecovery b;
    b.cluster = QStringLiteral("db1:3306");
    b.failedInstance = QStringLiteral("db2:3306");
    b.analysis = QStringLiteral("DeadMaster");
    b.reason = QStringLiteral(
        "RecoveryPeriodBlockSeconds (3600): recovery %1 ended 4 min ago; acknowledge it "
        "(topograph-cli ack %1 --comment ...) to unblock")
                   .arg(claim.id);
    b.blockingRecoveryId = claim.id;
    log.recordBlocked(b);
    AuditEntry manual;
    manual.actor = QStringLiteral("kim@ops-1");
    manual.cluster = QStringLiteral("db7:3306");
    manual.instance = QStringLiteral("db8:3306");
    manual.action = QStringLiteral("relocate");
    manual.outcome = AuditOutcome::Refused;
    manual.message = tricky;
    manual.details = { { QStringLiteral("note"), tricky },
        { QStringLiteral("errant"), QStringLiteral("0-8-17") } };
    audit.append(manual);
    const auto second = log.start({ QStringLiteral("db7:3306"), QStringLiteral("GracefulTakeover"),
        {}, {}, QStringLiteral("kim@ops-1"), false, {} });
    const int seq = log.beginStep(second.id, QStringLiteral("set db7 read-only"),
        QStringLiteral("db7:3306"), QStringLiteral("SET GLOBAL read_only=1"));
    log.endStep(second.id, seq, StepOutcome::Ok);
    RecoveryLog::Finish done;
    done.successor = QStringLiteral("db8:3306");
    done.summary = QStringLiteral("db8:3306 is the new master; writes refused for 212 ms.");
    log.finish(second.id, done);
    log.acknowledge(second.id, QStringLiteral("Planned switchover, ticket OPS-4211 — 계획된 작업"));
    say(QStringLiteral("sample %1 %2").arg(claim.id).arg(second.id));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2)
        return fail(QStringLiteral(
            "usage: auditwriter STORE append N TAG [BATCH] | recover-and-hang CLUSTER | sample"));
    QString error;
    auto store = Store::open(args.at(0), &error);
    if (!store)
        return fail(error);
    const QString mode = args.at(1);
    if (mode == QLatin1String("append") && args.size() >= 4)
        return append(*store, args.at(2).toLongLong(), args.at(3),
            args.size() > 4 ? args.at(4).toInt() : 1, args.size() > 5 ? args.at(5).toInt() : 0);
    if (mode == QLatin1String("recover-and-hang") && args.size() >= 3)
        return recoverAndHang(*store, args.at(2));
    if (mode == QLatin1String("sample"))
        return sample(*store);
    if (mode == QLatin1String("hold-write-lock"))
        return holdWriteLock(*store);
    return fail(QStringLiteral("unknown mode %1").arg(mode));
}
