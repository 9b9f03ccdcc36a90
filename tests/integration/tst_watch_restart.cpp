// `topograph-cli watch` restarted around a failure, the most ordinary case for a service: the
// master is already dead when it starts, or the previous watch died in the middle of a recovery.
// Whatever happens, the fleet ends with exactly one writable server and every survivor
// replicating from it, and no second server is ever promoted.
#include "sandbox.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Topograph;
using Topograph::Test::Sandbox;

class tst_WatchRestart : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void decidesOnlyOnceEveryInstanceWasProbed();
    void startedWithTheMasterAlreadyDead();
    void interruptedRecoveryIsCompleted();

private:
    int cli(const QStringList &args, QString *output = nullptr);
    void startWatch(QProcess &w);
    QByteArray stopWatch(QProcess &w, int signo = SIGTERM);
    // Exactly one of nodes is writable and every other one replicates from it; the writable one,
    // or "" with *why set.
    QString singleMasterFollowedByAll(const QStringList &nodes, QString *why);
    QSet<QString> promotedServers();
    void setUpFleet(const QString &topology);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sb;
    QString m_store;
    QProcessEnvironment m_env;
};

void tst_WatchRestart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = m_dir->filePath(QStringLiteral("s.sqlite"));
}

void tst_WatchRestart::cleanup()
{
    m_sb.reset();
    m_dir.reset();
}

int tst_WatchRestart::cli(const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
            QStringList{QStringLiteral("--store"), m_store, QStringLiteral("--user"), QStringLiteral("topograph"),
                        QStringLiteral("--password-env"), QStringLiteral("TG_TEST_PW")}
                + args);
    p.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

void tst_WatchRestart::startWatch(QProcess &w)
{
    w.setProcessEnvironment(m_env);
    w.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
            QStringList{QStringLiteral("--json"), QStringLiteral("--store"), m_store, QStringLiteral("--user"),
                        QStringLiteral("topograph"), QStringLiteral("--password-env"), QStringLiteral("TG_TEST_PW"),
                        QStringLiteral("watch")});
    QVERIFY(w.waitForStarted());
}

QByteArray tst_WatchRestart::stopWatch(QProcess &w, int signo)
{
    if (w.state() == QProcess::NotRunning)
        return w.readAll();
    ::kill(pid_t(w.processId()), signo);
    w.waitForFinished(20000);
    return w.readAllStandardOutput();
}

QString tst_WatchRestart::singleMasterFollowedByAll(const QStringList &nodes, QString *why)
{
    QStringList writable;
    for (const QString &n : nodes)
        if (m_sb->sql(n, QStringLiteral("SELECT @@read_only")).trimmed() == QLatin1String("0"))
            writable << n;
    if (writable.size() != 1) {
        *why = QStringLiteral("writable: [%1]").arg(writable.join(QStringLiteral(", ")));
        return {};
    }
    const QString master = writable.first();
    for (const QString &n : nodes) {
        if (n == master)
            continue;
        const QMap<QString, QString> st = m_sb->slaveStatus(n);
        if (st.value(QStringLiteral("Master_Port")).toInt() != m_sb->port(master)
            || st.value(QStringLiteral("Slave_IO_Running")) != QLatin1String("Yes")
            || st.value(QStringLiteral("Slave_SQL_Running")) != QLatin1String("Yes")) {
            *why = QStringLiteral("%1 does not follow %2 (master port %3, IO %4, SQL %5, %6)")
                       .arg(n, master, st.value(QStringLiteral("Master_Port")), st.value(QStringLiteral("Slave_IO_Running")),
                            st.value(QStringLiteral("Slave_SQL_Running")), st.value(QStringLiteral("Last_IO_Error")));
            return {};
        }
    }
    return master;
}

QSet<QString> tst_WatchRestart::promotedServers()
{
    QString error;
    auto s = Store::open(m_store, &error);
    QSet<QString> promoted;
    if (!s)
        return promoted;
    for (const Recovery &r : RecoveryLog(*s).recoveries({})) {
        const auto full = RecoveryLog(*s).recovery(r.id);
        for (const RecoveryStep &st : full->steps)
            if (st.name.startsWith(QLatin1String("promote ")) && st.outcome == StepOutcome::Ok)
                promoted << st.server;
    }
    return promoted;
}

void tst_WatchRestart::setUpFleet(const QString &topology)
{
    m_sb = std::make_unique<Sandbox>(topology);
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("TG_TEST_PW"), m_sb->password());
    QCOMPARE(cli({QStringLiteral("discover"), m_sb->address(QStringLiteral("a"))}), 0);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("AutoFailover"), QStringLiteral("on")}), 0);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("RecoverMasterClusterFilters"), QStringLiteral("*")}), 0);
}

// d answers its first probe late (frozen, thawed within the connect timeout): the watch must not
// recover with b and c alone and leave d on the dead master.
void tst_WatchRestart::decidesOnlyOnceEveryInstanceWasProbed()
{
    setUpFleet(QStringLiteral("a>b,a>c,a>d"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_sb->freeze(QStringLiteral("d")));
    QVERIFY(m_sb->kill(QStringLiteral("a")));
    QProcess w;
    startWatch(w);
    QTest::qWait(800);
    QVERIFY(m_sb->thaw(QStringLiteral("d")));
    QVERIFY2(Sandbox::waitFor([&] { return w.peek(1 << 20).contains("\"event\":\"recovery\""); }, 30000),
             qPrintable(QString::fromUtf8(w.peek(1 << 20))));
    QTest::qWait(1000);
    const QString out = QString::fromUtf8(stopWatch(w));
    qInfo().noquote() << out;
    QString why;
    QVERIFY2(!singleMasterFollowedByAll({QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}, &why).isEmpty(),
             qPrintable(why + QLatin1Char('\n') + out));
    QVERIFY2(out.contains(QLatin1String("3 replica(s)")) || out.contains(QLatin1String("2 replica(s) follow it")),
             qPrintable(out));
    QCOMPARE(promotedServers().size(), 1);
}

// The issue this guards against: the first watch decided before it had probed every known
// instance, promoted one replica and left another on the dead master; each later start promoted
// yet another server. d is frozen while a dies, so it is probed last (its probe times out) and
// is behind; it comes back later still pointing at a.
void tst_WatchRestart::startedWithTheMasterAlreadyDead()
{
    setUpFleet(QStringLiteral("a>b,a>c,a>d"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_sb->freeze(QStringLiteral("d")));
    QVERIFY(m_sb->kill(QStringLiteral("a")));
    const QStringList survivors{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")};
    QString lastMaster;
    for (int run = 1; run <= 5; ++run) {
        QProcess w;
        startWatch(w);
        QVERIFY(Sandbox::waitFor([&] { return w.peek(1 << 20).contains("\"event\":\"watching\""); }, 20000));
        // Run 1 recovers, run 2 completes it for d; later runs have nothing to do.
        if (run <= 2)
            QVERIFY2(Sandbox::waitFor([&] { return w.peek(1 << 20).contains("\"event\":\"recovery\""); }, 30000),
                     qPrintable(QString::fromUtf8(w.peek(1 << 20))));
        QTest::qWait(run <= 2 ? 2000 : 4000); // time for anything else it might (wrongly) do
        const QString out = QString::fromUtf8(stopWatch(w));
        QVERIFY2(w.exitCode() == 0, qPrintable(out));
        QString why;
        const QStringList nodes = run == 1 ? QStringList{QStringLiteral("b"), QStringLiteral("c")} : survivors;
        const QString master = singleMasterFollowedByAll(nodes, &why);
        QVERIFY2(!master.isEmpty(), qPrintable(QStringLiteral("run %1: %2\n%3").arg(run).arg(why, out)));
        if (!lastMaster.isEmpty())
            QCOMPARE(master, lastMaster);
        lastMaster = master;
        QCOMPARE(promotedServers().size(), 1);
        if (run == 1)
            QVERIFY(m_sb->thaw(QStringLiteral("d")));
        if (run == 2)
            QVERIFY2(out.contains(QLatin1String("had already taken over")), qPrintable(out));
        QCOMPARE(cli({QStringLiteral("ack"), QStringLiteral("--all"), QStringLiteral("--comment"), QStringLiteral("checked")}), 0);
    }
    QString error;
    auto s = Store::open(m_store, &error);
    QVERIFY2(s, qPrintable(error));
    const QList<Recovery> all = RecoveryLog(*s).recoveries({});
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).details.value(QStringLiteral("continues")).toInteger(), all.at(0).id);
}

// The watch is killed (kill -9) while its recovery waits on a PreFailover hook: nothing was
// changed on any server. The next watch must recover (not be blocked for RecoveryPeriodBlockSeconds)
// and link its record to the interrupted one.
void tst_WatchRestart::interruptedRecoveryIsCompleted()
{
    setUpFleet(QStringLiteral("a>b,a>c"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("PreFailoverProcesses"),
                  QStringLiteral("[[\"/bin/sleep\", \"3\"]]")}),
             0);

    QProcess w1;
    startWatch(w1);
    QVERIFY(Sandbox::waitFor([&] { return w1.peek(1 << 20).contains("\"event\":\"watching\""); }, 20000));
    QVERIFY(m_sb->kill(QStringLiteral("a")));
    QVERIFY2(Sandbox::waitFor([&] { return w1.peek(1 << 20).contains("\"decision\""); }, 15000),
             qPrintable(QString::fromUtf8(w1.peek(1 << 20))));
    QTest::qWait(500); // inside the hook
    stopWatch(w1, SIGKILL);

    QString why;
    QVERIFY2(singleMasterFollowedByAll({QStringLiteral("b"), QStringLiteral("c")}, &why).isEmpty(),
             "the hook had not finished: nothing may have been promoted yet");

    QProcess w2;
    startWatch(w2);
    QVERIFY2(Sandbox::waitFor([&] { return w2.peek(1 << 20).contains("\"event\":\"recovery\""); }, 30000),
             qPrintable(QString::fromUtf8(w2.peek(1 << 20))));
    QTest::qWait(1000);
    const QString out = QString::fromUtf8(stopWatch(w2));
    QVERIFY2(!out.contains(QLatin1String("RecoveryPeriodBlockSeconds")), qPrintable(out));
    QVERIFY2(!singleMasterFollowedByAll({QStringLiteral("b"), QStringLiteral("c")}, &why).isEmpty(),
             qPrintable(why + QLatin1Char('\n') + out));
    QCOMPARE(promotedServers().size(), 1);

    QString error;
    auto s = Store::open(m_store, &error);
    QVERIFY2(s, qPrintable(error));
    const QList<Recovery> all = RecoveryLog(*s).recoveries({});
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).state, RecoveryState::Interrupted);
    QCOMPARE(all.at(1).state, RecoveryState::Succeeded);
    QCOMPARE(all.at(1).details.value(QStringLiteral("continuesInterrupted")).toInteger(), all.at(0).id);
}

QTEST_GUILESS_MAIN(tst_WatchRestart)
#include "tst_watch_restart.moc"
