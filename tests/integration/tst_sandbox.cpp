// The sandbox is the ground every integration test stands on, so it is tested itself: replication
// really flows, and each fault does what it says, checked from outside the script (process state
// from /proc, replication state from the servers).
#include "sandbox.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using Topograph::Test::Sandbox;

namespace {

char processState(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = f.readAll();
    const int close = s.lastIndexOf(')');
    return close > 0 && close + 2 < s.size() ? s.at(close + 2) : 0;
}

bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace

class tst_Sandbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void replicationFlowsDownTheChain();
    void replicasAreConfiguredForFastDetection();
    void topologyUserHasExactlyTheDocumentedGrants();
    void killFreezeThawStart();
    void stopReplication();
    void addReplicaLater();
    void badArguments_data();
    void badArguments();
    void portInUseIsRefused();
    void downLeavesNoProcess();

private:
    std::unique_ptr<Sandbox> m_sb;
};

void tst_Sandbox::initTestCase()
{
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,b>c,a>d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    QCOMPARE(m_sb->nodes(), (QStringList{"a", "b", "c", "d"}));
    QCOMPARE(m_sb->port(QStringLiteral("b")), m_sb->port(QStringLiteral("a")) + 1);
}

void tst_Sandbox::replicationFlowsDownTheChain()
{
    bool ok = false;
    m_sb->sql(QStringLiteral("a"), QStringLiteral("CREATE TABLE app.flow (id INT PRIMARY KEY, note VARCHAR(20));"
                                                  "INSERT INTO app.flow VALUES (1,'one'),(2,'two')"), &ok);
    QVERIFY2(ok, qPrintable(m_sb->error()));
    const QString master = m_sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@gtid_binlog_pos"));
    QVERIFY(!master.isEmpty());
    // c is two hops away (a > b > c): it must have the rows and the same GTID position
    QVERIFY(Sandbox::waitFor([&] {
        return m_sb->sql(QStringLiteral("c"), QStringLiteral("SELECT @@gtid_current_pos")) == master;
    }, 10000));
    QCOMPARE(m_sb->sql(QStringLiteral("c"), QStringLiteral("SELECT GROUP_CONCAT(note ORDER BY id) FROM app.flow")),
             QStringLiteral("one,two"));
    QCOMPARE(m_sb->sql(QStringLiteral("d"), QStringLiteral("SELECT COUNT(*) FROM app.flow")), QStringLiteral("2"));
}

void tst_Sandbox::replicasAreConfiguredForFastDetection()
{
    for (const QString &n : {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}) {
        const auto st = m_sb->slaveStatus(n);
        QCOMPARE(st.value(QStringLiteral("Using_Gtid")), QStringLiteral("Slave_Pos"));
        QCOMPARE(st.value(QStringLiteral("Connect_Retry")), QStringLiteral("1"));
        QCOMPARE(st.value(QStringLiteral("Slave_IO_Running")), QStringLiteral("Yes"));
        QCOMPARE(st.value(QStringLiteral("Slave_SQL_Running")), QStringLiteral("Yes"));
        QCOMPARE(m_sb->sql(n, QStringLiteral("SELECT @@read_only, @@slave_net_timeout, @@log_bin, @@log_slave_updates,"
                                             " @@binlog_format, @@gtid_strict_mode, @@report_port = @@port,"
                                             " @@server_id = @@port")),
                 QStringLiteral("1\t4\t1\t1\tROW\t1\t1\t1"));
        QCOMPARE(m_sb->sql(n, QStringLiteral("SHOW GLOBAL STATUS LIKE 'Slave_heartbeat_period'")),
                 QStringLiteral("Slave_heartbeat_period\t1.000"));
    }
    QCOMPARE(m_sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QCOMPARE(m_sb->slaveStatus(QStringLiteral("c")).value(QStringLiteral("Master_Port")),
             QString::number(m_sb->port(QStringLiteral("b"))));
}

void tst_Sandbox::topologyUserHasExactlyTheDocumentedGrants()
{
    // The README documents these grants; if the sandbox drifts from them, this fails.
    const QString grants = m_sb->sql(QStringLiteral("a"), QStringLiteral("SHOW GRANTS FOR 'topograph'@'%'"));
    QVERIFY2(grants.startsWith(QLatin1String("GRANT RELOAD, PROCESS, BINLOG MONITOR, CONNECTION ADMIN, READ_ONLY ADMIN,"
                                             " REPLICATION SLAVE ADMIN, REPLICATION MASTER ADMIN, SLAVE MONITOR"
                                             " ON *.* TO `topograph`@`%`")),
             qPrintable(grants));
    QVERIFY(!grants.contains(QLatin1String("SUPER")));
    QVERIFY(!m_sb->password().isEmpty());
}

void tst_Sandbox::killFreezeThawStart()
{
    const qint64 pid = m_sb->pid(QStringLiteral("d"));
    QVERIFY(processExists(pid));

    QVERIFY2(m_sb->freeze(QStringLiteral("d")), qPrintable(m_sb->error()));
    QCOMPARE(processState(pid), 'T');
    QVERIFY(m_sb->status().contains(QRegularExpression(QStringLiteral("\\nd\\s+\\S+\\s+\\d+\\s+frozen"))));
    QVERIFY2(m_sb->thaw(QStringLiteral("d")), qPrintable(m_sb->error()));
    QVERIFY(processState(pid) != 'T');
    QCOMPARE(m_sb->sql(QStringLiteral("d"), QStringLiteral("SELECT 1")), QStringLiteral("1"));

    QVERIFY2(m_sb->kill(QStringLiteral("d")), qPrintable(m_sb->error()));
    QVERIFY(!processExists(pid));
    QVERIFY(m_sb->status().contains(QRegularExpression(QStringLiteral("\\nd\\s+\\S+\\s+-\\s+stopped"))));
    QVERIFY(!m_sb->kill(QStringLiteral("d"))); // nothing to kill: an error, not silence
    QVERIFY(m_sb->error().contains(QLatin1String("not running")));

    // writes while d is down arrive after it starts again (crash-safe GTID position)
    m_sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.flow VALUES (3,'three')"));
    QVERIFY2(m_sb->start(QStringLiteral("d")), qPrintable(m_sb->error()));
    const qint64 newPid = m_sb->pid(QStringLiteral("d"));
    QVERIFY(newPid != pid && processExists(newPid));
    QVERIFY(Sandbox::waitFor([&] {
        return m_sb->sql(QStringLiteral("d"), QStringLiteral("SELECT COUNT(*) FROM app.flow")) == QLatin1String("3");
    }, 10000));
    QVERIFY(!m_sb->start(QStringLiteral("d")));
    QVERIFY(m_sb->error().contains(QLatin1String("already running")));
}

void tst_Sandbox::stopReplication()
{
    QVERIFY(m_sb->stopReplication(QStringLiteral("b")));
    auto st = m_sb->slaveStatus(QStringLiteral("b"));
    QCOMPARE(st.value(QStringLiteral("Slave_IO_Running")), QStringLiteral("No"));
    QCOMPARE(st.value(QStringLiteral("Slave_SQL_Running")), QStringLiteral("No"));
    QVERIFY(m_sb->startReplication(QStringLiteral("b")));
    QVERIFY(Sandbox::waitFor([&] {
        return m_sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes");
    }, 5000));
}

void tst_Sandbox::addReplicaLater()
{
    QVERIFY2(m_sb->add(QStringLiteral("e"), QStringLiteral("c")), qPrintable(m_sb->error()));
    QVERIFY(m_sb->port(QStringLiteral("e")) > m_sb->port(QStringLiteral("d")));
    m_sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.flow VALUES (4,'four')"));
    QVERIFY(Sandbox::waitFor([&] {
        return m_sb->sql(QStringLiteral("e"), QStringLiteral("SELECT note FROM app.flow WHERE id=4")) == QLatin1String("four");
    }, 10000));
    QCOMPARE(m_sb->slaveStatus(QStringLiteral("e")).value(QStringLiteral("Master_Port")),
             QString::number(m_sb->port(QStringLiteral("c"))));
}

void tst_Sandbox::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown node") << QStringList{"kill", "zz"} << "no node 'zz'";
    QTest::newRow("second sandbox in the same dir") << QStringList{"up", "--base-port", "30000", "--topology", "a>b"} << "already exists";
    QTest::newRow("unknown option") << QStringList{"status", "--bogus"} << "unknown argument '--bogus'";
}

void tst_Sandbox::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    bool ok = true;
    m_sb->run(args, &ok);
    QVERIFY(!ok);
    QVERIFY2(m_sb->error().contains(message), qPrintable(m_sb->error()));
}

void tst_Sandbox::portInUseIsRefused()
{
    // A fresh sandbox asked to use the ports of this one must refuse, start nothing and leave
    // this one alone.
    QTemporaryDir other(QStringLiteral("/tmp/tg-sandbox-XXXXXX"));
    QProcess p;
    p.start(Topograph::Test::sandboxScript(),
            {QStringLiteral("up"), QStringLiteral("--dir"), other.path(), QStringLiteral("--base-port"),
             QString::number(m_sb->port(QStringLiteral("a"))), QStringLiteral("--topology"), QStringLiteral("x>y")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("already in use")) && err.contains(QString::number(m_sb->port(QStringLiteral("a")))),
             qPrintable(err));
    QCOMPARE(m_sb->sql(QStringLiteral("a"), QStringLiteral("SELECT 1")), QStringLiteral("1"));
}

void tst_Sandbox::downLeavesNoProcess()
{
    QList<qint64> pids;
    for (const QString &n : m_sb->nodes())
        pids << m_sb->pid(n);
    m_sb->freeze(QStringLiteral("b")); // even a frozen server goes
    QVERIFY2(m_sb->down(), qPrintable(m_sb->error()));
    for (qint64 pid : pids)
        QVERIFY2(!processExists(pid), qPrintable(QString::number(pid)));
    const QString dir = m_sb->dir();
    QVERIFY(!QFile::exists(dir + QStringLiteral("/a/my.cnf")));
    QVERIFY(!QFile::exists(dir + QStringLiteral("/sandbox.env")));
}

QTEST_GUILESS_MAIN(tst_Sandbox)
#include "tst_sandbox.moc"
