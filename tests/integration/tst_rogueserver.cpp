// A server that is not a friend (tests/support/rogueserver.h) asks for the password in clear
// (an authentication switch to mysql_clear_password or dialog, or a greeting naming
// mysql_clear_password) or for a local file (LOAD DATA LOCAL INFILE): Connection and the probe
// give it nothing. A control case shows, with the bare client library and its defaults, that the
// rogue server does get the password and the file when a client plays along, so the checks here
// can fail.
#include "rogueserver.h"

#include "discovery/discovery.h"
#include "mysql/connection.h"

#include <QTemporaryDir>
#include <QTest>

#include <mysql.h>

using namespace Topograph;
using Topograph::Test::RogueServer;

Q_DECLARE_METATYPE(RogueServer::Trick)
Q_DECLARE_METATYPE(Topograph::SslMode)

namespace {

const QByteArray Password = "Pa55-rogue-test-7f3c91";
const QByteArray FileSecret = "file-secret-5d2e88a0";

ConnectionOptions optionsFor(int port, SslMode mode)
{
    ConnectionOptions o;
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), port);
    o.user = QStringLiteral("topograph");
    o.password = QString::fromLatin1(Password);
    o.sslMode = mode;
    o.connectTimeoutMs = 3000;
    o.readTimeoutMs = 3000;
    return o;
}

} // namespace

class tst_RogueServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("secret.txt")).toLocal8Bit();
        QFile f(QString::fromLocal8Bit(m_file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(FileSecret + '\n');
    }

    // The bare library, as a client that sets nothing: the rogue server reads the password and
    // the file. If this stops being true, the checks below prove nothing.
    void control_data() { tricks(); }
    void control()
    {
        QFETCH(RogueServer::Trick, trick);
        RogueServer rogue(trick, m_file);
        MYSQL *mysql = mysql_init(nullptr);
        const unsigned int timeout = 3;
        const unsigned int localInfile = 1;
        mysql_optionsv(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
        mysql_optionsv(mysql, MYSQL_OPT_READ_TIMEOUT, &timeout);
        mysql_optionsv(mysql, MYSQL_OPT_LOCAL_INFILE, &localInfile);
        const bool connected = mysql_real_connect(mysql, "127.0.0.1", "topograph", Password.constData(), nullptr,
                                                  unsigned(rogue.port()), nullptr, 0);
        if (connected)
            mysql_query(mysql, "SELECT 1");
        mysql_close(mysql);
        QCOMPARE(rogue.tricksPlayed(), 1);
        if (trick == RogueServer::Trick::LocalInfile)
            QVERIFY2(rogue.received().contains(FileSecret), "the bare library sent the file");
        else
            QVERIFY2(rogue.received().contains(Password), "the bare library sent the password");
    }

    void connectionGivesNothing_data()
    {
        QTest::addColumn<RogueServer::Trick>("trick");
        QTest::addColumn<SslMode>("mode");
        const std::pair<const char *, RogueServer::Trick> all[] = {
            {"clear-password switch", RogueServer::Trick::SwitchToClearPassword},
            {"clear-password greeting", RogueServer::Trick::GreetWithClearPassword},
            {"dialog switch", RogueServer::Trick::SwitchToDialog},
            {"local infile", RogueServer::Trick::LocalInfile},
        };
        for (const auto &[name, trick] : all) {
            QTest::addRow("%s, DISABLED", name) << trick << SslMode::Disabled;
            QTest::addRow("%s, PREFERRED", name) << trick << SslMode::Preferred;
        }
    }
    void connectionGivesNothing()
    {
        QFETCH(RogueServer::Trick, trick);
        QFETCH(SslMode, mode);
        RogueServer rogue(trick, m_file);
        Connection c(optionsFor(rogue.port(), mode));
        const bool opened = c.open();
        if (trick == RogueServer::Trick::LocalInfile) {
            QVERIFY2(opened, qPrintable(c.lastError().message));
            QVERIFY(!c.query(QStringLiteral("SELECT 1")));
            QCOMPARE(rogue.tricksPlayed(), 1);
            QVERIFY2(!rogue.received().contains(FileSecret), "the file was sent");
        } else {
            QVERIFY(!opened);
            QCOMPARE(c.lastError().kind, ProbeError::AccessDenied);
            QVERIFY2(c.lastError().message.contains(QLatin1String("nothing was sent")),
                     qPrintable(c.lastError().message));
            qInfo("%s", qPrintable(c.lastError().message));
        }
        QVERIFY2(!rogue.received().contains(Password), "the password was sent");
    }

    // The probe (what discovery runs on every name SHOW SLAVE HOSTS gives it) likewise.
    void probeGivesNothing_data() { tricks(); }
    void probeGivesNothing()
    {
        QFETCH(RogueServer::Trick, trick);
        RogueServer rogue(trick, m_file);
        Discovery::Options options;
        options.connectionOptions = [](const InstanceKey &k) { return optionsFor(k.port(), SslMode::Preferred); };
        const QList<InstanceFacts> facts
            = Discovery::probeOnce({InstanceKey(QStringLiteral("127.0.0.1"), rogue.port())}, options);
        QCOMPARE(facts.size(), 1);
        QVERIFY(rogue.connections() >= 1);
        QVERIFY2(!rogue.received().contains(Password), "the password was sent");
        QVERIFY2(!rogue.received().contains(FileSecret), "the file was sent");
        if (trick != RogueServer::Trick::LocalInfile)
            QCOMPARE(facts.first().lastError, ProbeError::AccessDenied);
        else
            QVERIFY(rogue.tricksPlayed() >= 1);
    }

private:
    static void tricks()
    {
        QTest::addColumn<RogueServer::Trick>("trick");
        QTest::newRow("clear-password switch") << RogueServer::Trick::SwitchToClearPassword;
        QTest::newRow("clear-password greeting") << RogueServer::Trick::GreetWithClearPassword;
        QTest::newRow("dialog switch") << RogueServer::Trick::SwitchToDialog;
        QTest::newRow("local infile") << RogueServer::Trick::LocalInfile;
    }

    QTemporaryDir m_dir;
    QByteArray m_file;
};

QTEST_GUILESS_MAIN(tst_RogueServer)
#include "tst_rogueserver.moc"
