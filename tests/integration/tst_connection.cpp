// Connection against real servers: every error class the probe relies on (each produced for real,
// not simulated in the client), the timeout bound on a frozen server, escaping round trips, and
// results read by column name with NULL kept apart from "".
#include "rogueserver.h"
#include "sandbox.h"

#include "mysql/connection.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {

// A timeout must fire no earlier than asked and not much later. "Not much later" allows for a
// scheduler that is busy with the rest of the suite on a 2-core machine; the figures printed by
// qInfo() are the measurement, the bound only catches a hang or a timeout counted twice.
constexpr qint64 kSchedulingSlackMs = 400;

// A loopback TCP listener that is not MySQL. With a reply it accepts, writes the reply and
// closes (an HTTP server answering garbage); without one it never accepts, so the kernel
// completes the TCP handshake and then nothing ever comes (like a frozen server).
class FakeServer
{
public:
    explicit FakeServer(QByteArray reply, bool accept = true)
        : m_reply(std::move(reply))
    {
        m_fd = Topograph::Test::listenOnLoopback(&m_port);
        if (accept)
            m_thread = std::thread([this] { serve(); });
    }
    ~FakeServer()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_fd);
    }
    int port() const { return m_port; }

private:
    void serve()
    {
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0)
                continue;
            (void)!::write(client, m_reply.constData(), size_t(m_reply.size()));
            ::close(client);
        }
    }

    QByteArray m_reply;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// A port nothing listens on: bind, read the port, close.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace

class tst_Connection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();

    void connectAndReadByColumnName();
    void nullIsNotEmpty();
    void integers();
    void statementWithoutResult();
    void notConnected();

    void wrongPasswordIsAccessDenied();
    void refusedPortIsUnreachable();
    void unresolvableHostIsUnreachableQuickly();
    void httpPortIsNotMySql();
    void silentPortTimesOut();
    void frozenServerTimesOutOnConnect();
    void frozenServerTimesOutOnQuery();
    void tooManyConnectionsMeansAlive();
    void badStatementIsServerErrorAndKeepsConnection();
    void passwordNeverInMessages();

    void noAutomaticReconnect();
    void idleSocketReportsServerClose();
    void moveKeepsTheConnection();
    void connectionsInSeveralThreads();

    void escapingRoundTrip_data();
    void escapingRoundTrip();
    void quoteIdentifier_data();
    void quoteIdentifier();

private:
    ConnectionOptions options(const QString &node) const;

    std::unique_ptr<Sandbox> m_sb;
};

ConnectionOptions tst_Connection::options(const QString &node) const
{
    ConnectionOptions o;
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), m_sb->port(node));
    o.user = m_sb->user();
    o.password = m_sb->password();
    o.sslMode = SslMode::Disabled;
    return o;
}

void tst_Connection::initTestCase()
{
    // Two independent servers: "b" is frozen and filled up by some tests, "a" stays healthy.
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a,b"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
}

void tst_Connection::cleanup()
{
    m_sb->thaw(QStringLiteral("b"));
}

void tst_Connection::connectAndReadByColumnName()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY(!c.isOpen());
    QCOMPARE(c.socketDescriptor(), -1);
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    QVERIFY(c.isOpen());
    QVERIFY(c.socketDescriptor() >= 0);
    QCOMPARE(c.connectCount(), 1);
    QVERIFY2(c.serverVersion().contains(QLatin1String("MariaDB")), qPrintable(c.serverVersion()));
    QVERIFY(!c.tlsActive());
    QVERIFY(c.ping());

    const auto rs = c.query(QStringLiteral("SELECT @@server_id AS Server_Id, @@version AS Version, 'x' AS Last"));
    QVERIFY2(rs, qPrintable(c.lastError().message));
    QCOMPARE(rs->columns(), (QStringList{"Server_Id", "Version", "Last"}));
    QCOMPARE(rs->rows().size(), 1);
    const Row row = rs->rows().first();
    QCOMPARE(row.integer(QStringLiteral("server_id")), qint64(m_sb->port(QStringLiteral("a"))));
    QCOMPARE(row.integer(QStringLiteral("SERVER_ID")), qint64(m_sb->port(QStringLiteral("a"))));
    QCOMPARE(row.text(QStringLiteral("version")), c.serverVersion());
    QVERIFY(!row.has(QStringLiteral("nope")));
    QVERIFY(!row.value(QStringLiteral("nope")));

    // Position does not matter: the same names in another order read the same.
    const auto swapped = c.query(QStringLiteral("SELECT 2 AS a, 1 AS b"));
    const auto straight = c.query(QStringLiteral("SELECT 1 AS b, 2 AS a"));
    QVERIFY(swapped && straight);
    QCOMPARE(swapped->first().text(QStringLiteral("b")), straight->first().text(QStringLiteral("b")));

    // A real status statement, by name.
    const auto vars = c.query(QStringLiteral("SHOW GLOBAL VARIABLES LIKE 'log_bin'"));
    QVERIFY2(vars, qPrintable(c.lastError().message));
    QCOMPARE(vars->first().text(QStringLiteral("variable_name")), QStringLiteral("log_bin"));
    QCOMPARE(vars->first().text(QStringLiteral("Value")), QStringLiteral("ON"));

    c.close();
    QVERIFY(!c.isOpen());
    QCOMPARE(c.socketDescriptor(), -1);
}

void tst_Connection::nullIsNotEmpty()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    const auto rs = c.query(QStringLiteral("SELECT NULL AS n, '' AS e, 'NULL' AS s"));
    QVERIFY2(rs, qPrintable(c.lastError().message));
    const Row row = rs->first();
    QVERIFY(row.has(QStringLiteral("n")));
    QVERIFY(row.isNull(QStringLiteral("n")));
    QVERIFY(!row.value(QStringLiteral("n")));
    QCOMPARE(row.text(QStringLiteral("n")), QString());
    QVERIFY(!row.isNull(QStringLiteral("e")));
    QCOMPARE(row.value(QStringLiteral("e")), std::optional<QString>(QString()));
    QCOMPARE(row.text(QStringLiteral("s")), QStringLiteral("NULL"));
    QVERIFY(!row.isNull(QStringLiteral("s")));
    QVERIFY(!row.integer(QStringLiteral("n")));
}

void tst_Connection::integers()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    const auto rs = c.query(QStringLiteral(
        "SELECT 0 AS zero, -42 AS neg, 9223372036854775807 AS big, 18446744073709551615 AS toobig, "
        "'12abc' AS word, 3.5 AS frac, NULL AS n"));
    QVERIFY2(rs, qPrintable(c.lastError().message));
    const Row row = rs->first();
    QCOMPARE(row.integer(QStringLiteral("zero")), qint64(0));
    QCOMPARE(row.integer(QStringLiteral("neg")), qint64(-42));
    QCOMPARE(row.integer(QStringLiteral("big")), std::numeric_limits<qint64>::max());
    QVERIFY(!row.integer(QStringLiteral("toobig")));
    QVERIFY(!row.integer(QStringLiteral("word")));
    QVERIFY(!row.integer(QStringLiteral("frac")));
    QVERIFY(!row.integer(QStringLiteral("n")));
}

void tst_Connection::statementWithoutResult()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    QVERIFY2(c.execute(QStringLiteral("SET @topograph_test = 5")), qPrintable(c.lastError().message));
    const auto rs = c.query(QStringLiteral("DO 1"));
    QVERIFY(rs);
    QVERIFY(rs->isEmpty());
    QVERIFY(rs->columns().isEmpty());
    QCOMPARE(c.query(QStringLiteral("SELECT @topograph_test AS v"))->first().integer(QStringLiteral("v")), qint64(5));
    // An empty result keeps its columns.
    const auto none = c.query(QStringLiteral("SELECT 1 AS one FROM DUAL WHERE 1 = 0"));
    QVERIFY(none && none->isEmpty());
    QCOMPARE(none->columns(), QStringList{"one"});
}

void tst_Connection::notConnected()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY(!c.query(QStringLiteral("SELECT 1")));
    QCOMPARE(c.lastError().kind, ProbeError::Unreachable);
    QVERIFY2(c.lastError().message.contains(c.options().key.toString()), qPrintable(c.lastError().message));
    QVERIFY(!c.ping());
}

void tst_Connection::wrongPasswordIsAccessDenied()
{
    ConnectionOptions o = options(QStringLiteral("a"));
    o.password = QStringLiteral("wrong-") + m_sb->password();
    Connection c(o);
    QVERIFY(!c.open());
    QCOMPARE(c.lastError().kind, ProbeError::AccessDenied);
    QCOMPARE(c.lastError().code, 1045);
    QVERIFY(probeErrorMeansAlive(c.lastError().kind));
    const QString expected = QStringLiteral("check the user and password for topograph@127.0.0.1:%1 "
                                            "(keychain entry or --password-env)")
                                 .arg(m_sb->port(QStringLiteral("a")));
    QVERIFY2(c.lastError().message.contains(expected), qPrintable(c.lastError().message));
    QVERIFY(!c.isOpen());
    QCOMPARE(c.connectCount(), 0);
    QCOMPARE(c.connectAttempts(), 1);
}

void tst_Connection::refusedPortIsUnreachable()
{
    ConnectionOptions o = options(QStringLiteral("a"));
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), closedPort());
    Connection c(o);
    QElapsedTimer t;
    t.start();
    QVERIFY(!c.open());
    QCOMPARE(c.lastError().kind, ProbeError::Unreachable);
    // Connector/C 3.3 reports a refused TCP port as 2002 (CR_CONNECTION_ERROR, errno 111); other
    // client libraries use 2003 (CR_CONN_HOST_ERROR).
    QVERIFY2(c.lastError().code == 2002 || c.lastError().code == 2003, qPrintable(QString::number(c.lastError().code)));
    QVERIFY2(c.lastError().message.contains(QLatin1String("connection refused")), qPrintable(c.lastError().message));
    QVERIFY(!probeErrorMeansAlive(c.lastError().kind));
    QVERIFY2(c.lastError().message.contains(o.key.toString()), qPrintable(c.lastError().message));
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

void tst_Connection::unresolvableHostIsUnreachableQuickly()
{
    ConnectionOptions o = options(QStringLiteral("a"));
    o.key = InstanceKey(QStringLiteral("nonexistent.invalid"), 3306);
    Connection c(o);
    QElapsedTimer t;
    t.start();
    QVERIFY(!c.open());
    QCOMPARE(c.lastError().kind, ProbeError::Unreachable);
    QCOMPARE(c.lastError().code, 2005);
    QVERIFY2(c.lastError().message.contains(QLatin1String("nonexistent.invalid")), qPrintable(c.lastError().message));
    QVERIFY2(c.lastError().message.contains(QLatin1String("resolve")), qPrintable(c.lastError().message));
    qInfo("unresolvable host reported after %lld ms", qint64(t.elapsed()));
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
}

void tst_Connection::httpPortIsNotMySql()
{
    FakeServer http("HTTP/1.1 400 Bad Request\r\n\r\n");
    ConnectionOptions o = options(QStringLiteral("a"));
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), http.port());
    // Repeated: however the reply races with the client's first read, it is recognised.
    for (int i = 0; i < 20; ++i) {
        Connection c(o);
        QElapsedTimer t;
        t.start();
        QVERIFY(!c.open());
        QCOMPARE(c.lastError().kind, ProbeError::NotMySql);
        QVERIFY2(c.lastError().message.contains(o.key.toString()), qPrintable(c.lastError().message));
        QVERIFY2(c.lastError().message.contains(QLatin1String("HTTP/1.1")), qPrintable(c.lastError().message));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!probeErrorMeansAlive(c.lastError().kind));
    }
}

void tst_Connection::silentPortTimesOut()
{
    FakeServer silent(QByteArray(), /*accept=*/false);
    ConnectionOptions o = options(QStringLiteral("a"));
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), silent.port());
    o.connectTimeoutMs = 400;
    Connection c(o);
    QElapsedTimer t;
    t.start();
    QVERIFY(!c.open());
    const qint64 ms = t.elapsed();
    QCOMPARE(c.lastError().kind, ProbeError::Timeout);
    QVERIFY2(c.lastError().message.contains(QLatin1String("no MySQL greeting within 400 ms")),
             qPrintable(c.lastError().message));
    QVERIFY2(ms >= 390 && ms < 400 + kSchedulingSlackMs, qPrintable(QString::number(ms)));
}

void tst_Connection::frozenServerTimesOutOnConnect()
{
    ConnectionOptions o = options(QStringLiteral("b"));
    o.connectTimeoutMs = 700;
    QVERIFY2(m_sb->freeze(QStringLiteral("b")), qPrintable(m_sb->error()));
    for (int i = 0; i < 3; ++i) {
        Connection c(o);
        QElapsedTimer t;
        t.start();
        QVERIFY(!c.open());
        const qint64 ms = t.elapsed();
        qInfo("open() on a frozen server: %lld ms with connectTimeoutMs=700", ms);
        QCOMPARE(c.lastError().kind, ProbeError::Timeout);
        QVERIFY2(c.lastError().message.contains(o.key.toString()), qPrintable(c.lastError().message));
        QVERIFY2(c.lastError().message.contains(QLatin1String("sent no MySQL greeting within 700 ms")),
                 qPrintable(c.lastError().message));
        QVERIFY2(ms >= 690 && ms < 700 + kSchedulingSlackMs, qPrintable(QString::number(ms)));
        QVERIFY(!probeErrorMeansAlive(c.lastError().kind));
    }
    QVERIFY(m_sb->thaw(QStringLiteral("b")));
    Connection after(o);
    QVERIFY2(after.open(), qPrintable(after.lastError().message));
}

void tst_Connection::frozenServerTimesOutOnQuery()
{
    ConnectionOptions o = options(QStringLiteral("b"));
    o.readTimeoutMs = 500;
    Connection c(o);
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    QVERIFY2(m_sb->freeze(QStringLiteral("b")), qPrintable(m_sb->error()));

    QElapsedTimer t;
    t.start();
    QVERIFY(!c.query(QStringLiteral("SHOW SLAVE STATUS")));
    qint64 ms = t.elapsed();
    qInfo("query() on a frozen server: %lld ms with readTimeoutMs=500", ms);
    QCOMPARE(c.lastError().kind, ProbeError::Timeout);
    QVERIFY2(c.lastError().message.contains(QLatin1String("SHOW SLAVE STATUS")), qPrintable(c.lastError().message));
    QVERIFY2(ms >= 490 && ms < 500 + kSchedulingSlackMs, qPrintable(QString::number(ms)));
    QVERIFY(!c.isOpen()); // its protocol state is unknown: closed, open() again later

    QVERIFY(m_sb->thaw(QStringLiteral("b")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    QVERIFY(c.ping());
    QVERIFY(m_sb->freeze(QStringLiteral("b")));
    t.restart();
    QVERIFY(!c.ping());
    ms = t.elapsed();
    qInfo("ping() on a frozen server: %lld ms with readTimeoutMs=500", ms);
    QCOMPARE(c.lastError().kind, ProbeError::Timeout);
    QVERIFY2(ms >= 490 && ms < 500 + kSchedulingSlackMs, qPrintable(QString::number(ms)));
}

void tst_Connection::tooManyConnectionsMeansAlive()
{
    const QString node = QStringLiteral("b");
    bool ok = false;
    // MariaDB's lowest max_connections is 10.
    m_sb->sql(node, QStringLiteral("SET GLOBAL max_connections = 10"), &ok);
    QVERIFY2(ok, qPrintable(m_sb->error()));
    // The "app" account has no CONNECTION ADMIN, so it cannot use the one connection MariaDB keeps
    // for administrators (root restores the setting through it below).
    ConnectionOptions o = options(node);
    o.user = QStringLiteral("app");
    o.password = m_sb->appPassword();
    std::vector<Connection> held;
    MySqlError refused;
    for (int i = 0; i < 15 && !refused.isError(); ++i) {
        Connection c(o);
        if (c.open())
            held.push_back(std::move(c));
        else
            refused = c.lastError();
    }
    m_sb->sql(node, QStringLiteral("SET GLOBAL max_connections = 200"), &ok);
    QVERIFY2(ok, qPrintable(m_sb->error()));
    QVERIFY2(held.size() >= 8 && held.size() <= 10, qPrintable(QString::number(held.size())));
    QCOMPARE(refused.kind, ProbeError::TooManyConnections);
    QCOMPARE(refused.code, 1040);
    QVERIFY(probeErrorMeansAlive(refused.kind));
    QVERIFY2(refused.message.contains(o.key.toString()) && refused.message.contains(QLatin1String("max_connections")),
             qPrintable(refused.message));
}

void tst_Connection::badStatementIsServerErrorAndKeepsConnection()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    QVERIFY(!c.query(QStringLiteral("SELEC 1")));
    QCOMPARE(c.lastError().kind, ProbeError::ServerError);
    QCOMPARE(c.lastError().code, 1064);
    QVERIFY(probeErrorMeansAlive(c.lastError().kind));
    QVERIFY2(c.lastError().message.contains(c.options().key.toString()), qPrintable(c.lastError().message));
    QVERIFY(c.isOpen());

    QVERIFY(!c.execute(QStringLiteral("SELECT no_such_column")));
    QCOMPARE(c.lastError().kind, ProbeError::ServerError);
    QCOMPARE(c.lastError().code, 1054);

    // The least-privilege user may not do this: still a server error on a live connection.
    QVERIFY(!c.execute(QStringLiteral("CREATE DATABASE topograph_should_not_exist")));
    QCOMPARE(c.lastError().kind, ProbeError::ServerError);
    QVERIFY(c.lastError().code == 1044 || c.lastError().code == 1227);

    QVERIFY(c.query(QStringLiteral("SELECT 1 AS one")));
    QVERIFY(!c.lastError().isError());
    QCOMPARE(c.connectCount(), 1);
}

void tst_Connection::passwordNeverInMessages()
{
    // A wrong password, a password inside a failing statement, and a timeout: no message has it.
    const QString secret = QStringLiteral("Zq7-secret-%1").arg(QRandomGenerator::global()->generate());
    ConnectionOptions o = options(QStringLiteral("a"));
    o.password = secret;
    Connection wrong(o);
    QVERIFY(!wrong.open());
    QVERIFY(!wrong.lastError().message.contains(secret));

    Connection right(options(QStringLiteral("a")));
    QVERIFY2(right.open(), qPrintable(right.lastError().message));
    QVERIFY(!right.query(QStringLiteral("SELEC '%1' FROMM x").arg(m_sb->password())));
    QCOMPARE(right.lastError().kind, ProbeError::ServerError);
    QVERIFY2(!right.lastError().message.contains(m_sb->password()), qPrintable(right.lastError().message));
    QVERIFY(!right.query(QStringLiteral("CHANGE MASTER TO MASTER_PASSWORD='%1', NONSENSE=1").arg(m_sb->password())));
    QVERIFY2(!right.lastError().message.contains(m_sb->password()), qPrintable(right.lastError().message));
    QVERIFY2(right.lastError().message.contains(QLatin1String("CHANGE MASTER TO")), qPrintable(right.lastError().message));
}

void tst_Connection::noAutomaticReconnect()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    const auto id = c.query(QStringLiteral("SELECT CONNECTION_ID() AS id"))->first().integer(QStringLiteral("id"));
    QVERIFY(id);
    bool ok = false;
    m_sb->sql(QStringLiteral("a"), QStringLiteral("KILL %1").arg(*id), &ok);
    QVERIFY2(ok, qPrintable(m_sb->error()));

    QVERIFY(!c.query(QStringLiteral("SELECT 1")));
    QCOMPARE(c.lastError().kind, ProbeError::Unreachable);
    QVERIFY(!c.isOpen());
    QCOMPARE(c.connectCount(), 1); // the library did not reconnect behind our back
    QVERIFY(!c.query(QStringLiteral("SELECT 1")));

    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    QCOMPARE(c.connectCount(), 2);
    const auto id2 = c.query(QStringLiteral("SELECT CONNECTION_ID() AS id"))->first().integer(QStringLiteral("id"));
    QVERIFY(id2 && *id2 != *id);
}

void tst_Connection::idleSocketReportsServerClose()
{
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    const auto id = c.query(QStringLiteral("SELECT CONNECTION_ID() AS id"))->first().integer(QStringLiteral("id"));
    pollfd p{c.socketDescriptor(), POLLIN, 0};
    QCOMPARE(::poll(&p, 1, 0), 0); // idle and healthy: nothing to read
    m_sb->sql(QStringLiteral("a"), QStringLiteral("KILL %1").arg(*id));
    QElapsedTimer t;
    t.start();
    QCOMPARE(::poll(&p, 1, 2000), 1);
    qInfo("idle socket became readable %lld ms after the server killed the connection", qint64(t.elapsed()));
    QVERIFY(!c.ping());
    QVERIFY(!c.isOpen());
}

void tst_Connection::moveKeepsTheConnection()
{
    Connection a(options(QStringLiteral("a")));
    QVERIFY2(a.open(), qPrintable(a.lastError().message));
    Connection b(std::move(a));
    QVERIFY(b.isOpen());
    QVERIFY(!a.isOpen()); // NOLINT(bugprone-use-after-move): moved-from is documented as closed
    QVERIFY(b.query(QStringLiteral("SELECT 1 AS one")));
    Connection c(options(QStringLiteral("b")));
    c = std::move(b);
    QVERIFY(c.isOpen());
    QCOMPARE(c.options().key.port(), m_sb->port(QStringLiteral("a")));
    QCOMPARE(c.connectCount(), 1);
}

void tst_Connection::connectionsInSeveralThreads()
{
    // Each thread initialises the client library for itself (thread_local guard) and cleans up
    // when it ends.
    std::atomic<int> succeeded{0};
    std::vector<std::thread> threads;
    const ConnectionOptions o = options(QStringLiteral("a"));
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&succeeded, o] {
            for (int round = 0; round < 5; ++round) {
                Connection c(o);
                if (c.open() && c.query(QStringLiteral("SELECT SLEEP(0.01) AS s")))
                    ++succeeded;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(succeeded.load(), 20);
}

void tst_Connection::escapingRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("replica-1");
    QTest::newRow("empty") << QString();
    QTest::newRow("single quote") << QStringLiteral("it's");
    QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
    QTest::newRow("backslash") << QStringLiteral("C:\\path\\n");
    QTest::newRow("trailing backslash") << QStringLiteral("ends\\");
    QTest::newRow("NUL") << QString::fromUtf16(u"a\0b", 3);
    QTest::newRow("newline and CR") << QStringLiteral("line1\nline2\r\n");
    QTest::newRow("ctrl-Z") << QString::fromUtf16(u"x\x1Ay");
    QTest::newRow("percent and underscore") << QStringLiteral("50%_off");
    QTest::newRow("Korean") << QStringLiteral("토포그래프 복제 토폴로지");
    QTest::newRow("emoji (utf8mb4)") << QStringLiteral("dolphin 🐬");
    QTest::newRow("injection") << QStringLiteral("x'; DROP TABLE app.t; -- ");
    QTest::newRow("backtick") << QStringLiteral("`name`");
    QTest::newRow("everything") << QString::fromUtf16(u"'\\\"\n\r\0\x1A`한국어'\\");
}

void tst_Connection::escapingRoundTrip()
{
    QFETCH(QString, text);
    Connection c(options(QStringLiteral("a")));
    // The fallback (no connection) and the library's escaping must both round-trip.
    const QString offline = QLatin1Char('\'') + c.escape(text) + QLatin1Char('\'');
    QCOMPARE(offline, Connection::quoteString(text));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    const QString online = QLatin1Char('\'') + c.escape(text) + QLatin1Char('\'');

    const auto rs = c.query(QStringLiteral("SELECT %1 AS quoted, %2 AS via_escape, CHAR_LENGTH(%1) AS len")
                                .arg(Connection::quoteString(text), online));
    QVERIFY2(rs, qPrintable(c.lastError().message));
    QCOMPARE(rs->rows().size(), 1);
    QCOMPARE(rs->first().text(QStringLiteral("quoted")), text);
    QCOMPARE(rs->first().text(QStringLiteral("via_escape")), text);
    QCOMPARE(rs->first().integer(QStringLiteral("len")), qint64(text.toUcs4().size()));

    // With NO_BACKSLASH_ESCAPES a backslash is an ordinary character: the library's escaping
    // (escape() on an open connection) follows the session's mode.
    QVERIFY(c.execute(QStringLiteral("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")));
    const QString literal = QLatin1Char('\'') + c.escape(text) + QLatin1Char('\'');
    const auto plain = c.query(QStringLiteral("SELECT %1 AS v").arg(literal));
    QVERIFY2(plain, qPrintable(c.lastError().message));
    QCOMPARE(plain->first().text(QStringLiteral("v")), text);
}

void tst_Connection::quoteIdentifier_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "Seconds_Behind_Master" << "`Seconds_Behind_Master`";
    QTest::newRow("backtick doubled") << "we`ird" << "`we``ird`";
    QTest::newRow("space and quote") << "a 'b'" << "`a 'b'`";
    QTest::newRow("Korean") << "지연" << "`지연`";
}

void tst_Connection::quoteIdentifier()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(Connection::quoteIdentifier(name), quoted);
    Connection c(options(QStringLiteral("a")));
    QVERIFY2(c.open(), qPrintable(c.lastError().message));
    const auto rs = c.query(QStringLiteral("SELECT 1 AS %1").arg(Connection::quoteIdentifier(name)));
    QVERIFY2(rs, qPrintable(c.lastError().message));
    QCOMPARE(rs->columns(), QStringList{name});
    QCOMPARE(rs->first().integer(name), qint64(1));
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"
