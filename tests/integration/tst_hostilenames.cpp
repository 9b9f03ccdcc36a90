// A real replica re-registered with hostile report_host values (restarted with another report_host
// in its option file): whatever name it makes its master report in SHOW SLAVE HOSTS, discovery
// never connects to it (the connection provider is never asked for it, and a rogue server the
// name points at through connection-string syntax gets no connection), it never becomes an
// instance of the snapshot (so nothing can be promoted to it), and the CLI's topology and its
// log show it escaped, on one line, as a warning on the master that reported it.
#include "rogueserver.h"
#include "sandbox.h"

#include "discovery/discovery.h"
#include "text/safetext.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Topograph;
using Topograph::Test::RogueServer;
using Topograph::Test::Sandbox;

namespace {

struct Asked
{
    QMutex mutex;
    QList<InstanceKey> keys;
};

} // namespace

class tst_HostileNames : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportHost_data();
    void reportHost();

private:
    bool reRegister(const QByteArray &reportHost);
    QString cli(const QStringList &args, int *exitCode);

    std::unique_ptr<Sandbox> m_sb;
    std::unique_ptr<RogueServer> m_rogue;
    QTemporaryDir m_dir;
    QString m_lastHosts;
};

void tst_HostileNames::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli")));
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    // Where a name would lead if Connector/C read it as a connection string.
    m_rogue = std::make_unique<RogueServer>(RogueServer::Trick::SwitchToClearPassword);
    m_lastHosts = m_sb->sql(QStringLiteral("a"), QStringLiteral("SHOW SLAVE HOSTS"));
}

// Restarts b with report_host=VALUE (as the option file reads it: quotes stripped, \n decoded) and
// waits until a's SHOW SLAVE HOSTS lists the new registration.
bool tst_HostileNames::reRegister(const QByteArray &reportHost)
{
    if (!m_sb->kill(QStringLiteral("b")))
        return false;
    QFile cnf(m_sb->dir() + QStringLiteral("/b/my.cnf"));
    if (!cnf.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = cnf.readAll();
    cnf.close();
    static const QRegularExpression line(QStringLiteral("(?m)^report_host=.*$"));
    const QRegularExpressionMatch m = line.match(QString::fromLatin1(text));
    if (!m.hasMatch())
        return false;
    text.replace(m.capturedStart(), m.capturedLength(), "report_host=" + reportHost);
    if (!cnf.open(QIODevice::WriteOnly | QIODevice::Truncate) || cnf.write(text) != text.size())
        return false;
    cnf.close();
    if (!m_sb->start(QStringLiteral("b")))
        return false;
    return Sandbox::waitFor(
        [&] {
            const QString hosts = m_sb->sql(QStringLiteral("a"), QStringLiteral("SHOW SLAVE HOSTS"));
            if (hosts.trimmed().isEmpty() || hosts == m_lastHosts)
                return false;
            m_lastHosts = hosts;
            return true;
        },
        30000);
}

QString tst_HostileNames::cli(const QStringList &args, int *exitCode)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_PW"), m_sb->password());
    env.insert(QStringLiteral("TOPOGRAPH_LOG_DIR"), m_dir.filePath(QStringLiteral("logs")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
            QStringList{QStringLiteral("--store"), m_dir.filePath(QStringLiteral("s.sqlite")), QStringLiteral("--user"),
                        QStringLiteral("topograph"), QStringLiteral("--password-env"), QStringLiteral("TG_PW")}
                + args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

void tst_HostileNames::reportHost_data()
{
    QTest::addColumn<QByteArray>("reportHost"); // as written in the option file; ROGUE = the rogue's port
    QTest::addColumn<QString>("shown");        // what the warning must contain (escaped)
    QTest::newRow("';' connection string to a rogue server")
        << QByteArray("\"host=127.0.0.1;port=ROGUE\"") << "host=127.0.0.1;port=ROGUE";
    QTest::newRow("'=' alone") << QByteArray("host=127.0.0.1") << "host=127.0.0.1";
    QTest::newRow("'://' URI to a rogue server") << QByteArray("mysql://topograph@127.0.0.1:ROGUE/")
                                                 << "mysql://topograph@127.0.0.1:ROGUE/";
    QTest::newRow("'<'") << QByteArray("<b>db1</b>") << "<b>db1</b>";
    QTest::newRow("newline (a forged line)") << QByteArray("db1\\nforged-line") << "db1\\nforged-line";
    // Host names are compared (and kept) lower-cased.
    QTest::newRow("escape character") << QByteArray("db1\x1b[2J\x1b[31mred") << "db1\\x1b[2j\\x1b[31mred";
    // 300 characters: MariaDB 10.11 itself refuses to register a report_host over 255 ("this slave
    // cannot be registered"), and a 255-character one did not register either; 200 characters in
    // one label (over 63) is what a server can report. Over 255 is covered in tst_instancekey.
    QTest::newRow("200 characters") << QByteArray(200, 'a') << QString(80, QLatin1Char('a'));
    QTest::newRow("bytes that are not UTF-8") << QByteArray("db\xff\xfe" "1") << "db";
}

void tst_HostileNames::reportHost()
{
    QFETCH(QByteArray, reportHost);
    QFETCH(QString, shown);
    const QByteArray roguePort = QByteArray::number(m_rogue->port());
    reportHost.replace("ROGUE", roguePort);
    shown.replace(QLatin1String("ROGUE"), QString::fromLatin1(roguePort));
    QVERIFY2(reRegister(reportHost), qPrintable(m_sb->error()));
    const int rogueBefore = m_rogue->connections();

    // Discovery from the master, recording every key it asks connection options for.
    auto asked = std::make_shared<Asked>();
    Discovery::Options o;
    o.connectionOptions = [asked, user = m_sb->user(), pw = m_sb->password()](const InstanceKey &k) {
        {
            QMutexLocker lock(&asked->mutex);
            asked->keys << k;
        }
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        c.password = pw;
        c.sslMode = SslMode::Disabled;
        c.connectTimeoutMs = 1000;
        c.readTimeoutMs = 1500;
        return c;
    };
    const InstanceKey a(QStringLiteral("127.0.0.1"), m_sb->port(QStringLiteral("a")));
    const auto r = Discovery::discover({a}, o);
    QVERIFY2(r.ok(), qPrintable(r.error));
    {
        QMutexLocker lock(&asked->mutex);
        for (const InstanceKey &k : std::as_const(asked->keys))
            QVERIFY2(k.isValid() && k.host() == QLatin1String("127.0.0.1"), qPrintable(k.toString()));
    }
    QCOMPARE(m_rogue->connections(), rogueBefore);
    QVERIFY(!m_rogue->received().contains(m_sb->password().toUtf8()));
    // Never an instance (what recovery promotes is always one): a is alone, b is unknown by name.
    for (const InstanceFacts &f : r.snapshot->instances())
        QVERIFY2(f.key.isValid(), qPrintable(f.key.toString()));
    QCOMPARE(r.snapshot->instances().size(), 1);
    const InstanceFacts *master = r.snapshot->instance(a);
    QVERIFY(master);
    QVERIFY(master->reachable);
    QVERIFY(master->replicaKeys.isEmpty());
    QCOMPARE(master->rejectedReplicaNames.size(), 1);
    const QString rejected = master->rejectedReplicaNames.first();
    QVERIFY2(rejected.contains(shown), qPrintable(rejected));
    QVERIFY2(!SafeText::needsEscaping(rejected), qPrintable(rejected));

    // The CLI: discover stores the fleet, topology shows the warning; one line each, escaped.
    int code = -1;
    const QString discovered = cli({QStringLiteral("discover"), a.toString()}, &code);
    QVERIFY2(code == 0, qPrintable(discovered));
    const QString topology = cli({QStringLiteral("topology")}, &code);
    QVERIFY2(code == 0, qPrintable(topology));
    QVERIFY2(topology.contains(QLatin1String("WARNING")) && topology.contains(shown), qPrintable(topology));
    for (const QString &out : {discovered, topology}) {
        for (const QString &l : out.split(QLatin1Char('\n'))) {
            QVERIFY2(!SafeText::needsEscaping(l), qPrintable(SafeText::line(l)));
            QVERIFY2(!l.startsWith(QLatin1String("forged")), qPrintable(out));
        }
    }
    QCOMPARE(m_rogue->connections(), rogueBefore);
    const QDir logs(m_dir.filePath(QStringLiteral("logs")));
    for (const QString &name : logs.entryList(QDir::Files)) {
        QFile log(logs.filePath(name));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        for (const QString &l : text.split(QLatin1Char('\n'))) {
            QVERIFY2(!SafeText::needsEscaping(l), qPrintable(SafeText::line(l)));
            QVERIFY2(!l.startsWith(QLatin1String("forged")), qPrintable(name));
        }
    }
}

QTEST_GUILESS_MAIN(tst_HostileNames)
#include "tst_hostilenames.moc"
