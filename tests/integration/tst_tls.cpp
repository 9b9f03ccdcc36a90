// Every ssl-mode against a TLS sandbox and a sandbox without TLS. Connector/C has no
// MYSQL_OPT_SSL_MODE, so this is where the mapping in connection.cpp is proven: what the client
// accepts, what it refuses, and that a refusal happens before credentials leave the client.
#include "sandbox.h"

#include "mysql/connection.h"

#include <QFile>
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

// Forwards one loopback TCP connection to a server and counts the bytes the client sent: shows
// whether a refused connection leaked anything (the handshake response carries the user name and
// the password hash).
class CountingProxy
{
public:
    explicit CountingProxy(int upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_listen, 4);
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    ~CountingProxy()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_listen);
    }
    int port() const { return m_port; }
    qint64 clientBytes() const { return m_clientBytes; }

private:
    void run()
    {
        pollfd l{m_listen, POLLIN, 0};
        while (!m_stop && ::poll(&l, 1, 50) <= 0) {
        }
        if (m_stop)
            return;
        const int client = ::accept(m_listen, nullptr, nullptr);
        const int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(m_upstreamPort));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(server, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
            ::close(client);
            ::close(server);
            return;
        }
        char buf[4096];
        bool open = true;
        while (!m_stop && open) {
            pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(p, 2, 50) <= 0)
                continue;
            for (int i = 0; i < 2 && open; ++i) {
                if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = ::read(p[i].fd, buf, sizeof buf);
                if (n <= 0) {
                    open = false;
                    break;
                }
                if (i == 0)
                    m_clientBytes += n;
                (void)!::write(i == 0 ? server : client, buf, size_t(n));
            }
        }
        ::close(client);
        ::close(server);
    }

    int m_upstreamPort;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_clientBytes{0};
    std::thread m_thread;
};

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void tlsServer_data();
    void tlsServer();
    void plainServer_data();
    void plainServer();
    void refusalSendsNoCredentials_data();
    void refusalSendsNoCredentials();
    void wrongPasswordThroughTheGuard_data();
    void wrongPasswordThroughTheGuard();
    void clientCertificate();
    void badFiles_data();
    void badFiles();

private:
    ConnectionOptions options(const Sandbox &sb, SslMode mode, const QString &ca = QString(),
                              const QString &host = QStringLiteral("127.0.0.1")) const;

    std::unique_ptr<Sandbox> m_tls;
    std::unique_ptr<Sandbox> m_plain;
};

ConnectionOptions tst_Tls::options(const Sandbox &sb, SslMode mode, const QString &ca, const QString &host) const
{
    ConnectionOptions o;
    o.key = InstanceKey(host, sb.port(QStringLiteral("a")));
    o.user = sb.user();
    o.password = sb.password();
    o.sslMode = mode;
    if (!ca.isEmpty())
        o.sslCa = m_tls->tlsDir() + QLatin1Char('/') + ca;
    return o;
}

void tst_Tls::initTestCase()
{
    m_tls = std::make_unique<Sandbox>(QStringLiteral("a"), Sandbox::Options{true, false});
    QVERIFY2(m_tls->isUp(), qPrintable(m_tls->error()));
    m_plain = std::make_unique<Sandbox>(QStringLiteral("a"));
    QVERIFY2(m_plain->isUp(), qPrintable(m_plain->error()));
    // The sandbox certificate names 127.0.0.1 only, so "localhost" is a name mismatch.
    QVERIFY(QFile::exists(m_tls->tlsDir() + QStringLiteral("/ca.pem")));
}

void tst_Tls::tlsServer_data()
{
    QTest::addColumn<SslMode>("mode");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("connects");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<QString>("messagePart");

    const QString ip = QStringLiteral("127.0.0.1");
    const QString name = QStringLiteral("localhost");
    QTest::newRow("DISABLED: plain text") << SslMode::Disabled << "" << ip << true << false << "";
    QTest::newRow("DISABLED ignores a CA") << SslMode::Disabled << "ca.pem" << ip << true << false << "";
    QTest::newRow("PREFERRED: TLS when offered") << SslMode::Preferred << "" << ip << true << true << "";
    QTest::newRow("PREFERRED does not verify (unrelated CA)") << SslMode::Preferred << "other-ca.pem" << ip << true << true << "";
    QTest::newRow("REQUIRED: TLS") << SslMode::Required << "" << ip << true << true << "";
    QTest::newRow("REQUIRED does not verify (unrelated CA)") << SslMode::Required << "other-ca.pem" << ip << true << true << "";
    QTest::newRow("REQUIRED does not check the name") << SslMode::Required << "" << name << true << true << "";
    QTest::newRow("VERIFY_CA: right CA") << SslMode::VerifyCa << "ca.pem" << ip << true << true << "";
    QTest::newRow("VERIFY_CA: name mismatch is fine") << SslMode::VerifyCa << "ca.pem" << name << true << true << "";
    QTest::newRow("VERIFY_CA: unrelated CA fails") << SslMode::VerifyCa << "other-ca.pem" << ip << false << false << "VERIFY_CA";
    QTest::newRow("VERIFY_CA: no CA given") << SslMode::VerifyCa << "" << ip << false << false << "needs --ssl-ca";
    QTest::newRow("VERIFY_IDENTITY: right CA and IP") << SslMode::VerifyIdentity << "ca.pem" << ip << true << true << "";
    QTest::newRow("VERIFY_IDENTITY: name mismatch fails") << SslMode::VerifyIdentity << "ca.pem" << name << false << false << "name the host 'localhost'";
    QTest::newRow("VERIFY_IDENTITY: unrelated CA fails") << SslMode::VerifyIdentity << "other-ca.pem" << ip << false << false << "VERIFY_IDENTITY";
    QTest::newRow("VERIFY_IDENTITY: system CAs do not know it") << SslMode::VerifyIdentity << "" << ip << false << false << "system CAs";
}

void tst_Tls::tlsServer()
{
    QFETCH(SslMode, mode);
    QFETCH(QString, ca);
    QFETCH(QString, host);
    QFETCH(bool, connects);
    QFETCH(bool, encrypted);
    QFETCH(QString, messagePart);

    Connection c(options(*m_tls, mode, ca, host));
    const bool opened = c.open();
    QVERIFY2(opened == connects, qPrintable(c.lastError().message));
    if (!connects) {
        qInfo("%s", qPrintable(c.lastError().message));
        QCOMPARE(c.lastError().kind, ProbeError::Tls);
        QVERIFY2(c.lastError().message.contains(messagePart), qPrintable(c.lastError().message));
        QVERIFY2(c.lastError().message.contains(c.options().key.toString()), qPrintable(c.lastError().message));
        QVERIFY(!c.isOpen());
        return;
    }
    QCOMPARE(c.tlsActive(), encrypted);
    QCOMPARE(c.tlsCipher().isEmpty(), !encrypted);
    // The server's view agrees with the client's.
    const auto rs = c.query(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'"));
    QVERIFY2(rs, qPrintable(c.lastError().message));
    QCOMPARE(rs->first().text(QStringLiteral("Value")), c.tlsCipher());
    if (encrypted)
        QVERIFY2(c.tlsVersion().startsWith(QLatin1String("TLSv1.")), qPrintable(c.tlsVersion()));
}

void tst_Tls::plainServer_data()
{
    QTest::addColumn<SslMode>("mode");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<bool>("connects");

    QTest::newRow("DISABLED") << SslMode::Disabled << "" << true;
    QTest::newRow("PREFERRED falls back to plain text") << SslMode::Preferred << "" << true;
    QTest::newRow("REQUIRED fails") << SslMode::Required << "" << false;
    QTest::newRow("VERIFY_CA fails") << SslMode::VerifyCa << "ca.pem" << false;
    QTest::newRow("VERIFY_IDENTITY fails") << SslMode::VerifyIdentity << "ca.pem" << false;
}

void tst_Tls::plainServer()
{
    QFETCH(SslMode, mode);
    QFETCH(QString, ca);
    QFETCH(bool, connects);

    Connection c(options(*m_plain, mode, ca));
    QVERIFY2(c.open() == connects, qPrintable(c.lastError().message));
    if (connects) {
        QVERIFY(!c.tlsActive());
        QVERIFY(c.query(QStringLiteral("SELECT 1 AS one")));
        return;
    }
    qInfo("%s", qPrintable(c.lastError().message));
    QCOMPARE(c.lastError().kind, ProbeError::Tls);
    const QString expected = QStringLiteral("%1 does not offer TLS, but ssl-mode is %2")
                                 .arg(c.options().key.toString(), sslModeName(mode));
    QVERIFY2(c.lastError().message.contains(expected), qPrintable(c.lastError().message));
    QVERIFY(!c.lastError().message.contains(m_plain->password()));
}

void tst_Tls::refusalSendsNoCredentials_data()
{
    QTest::addColumn<SslMode>("mode");
    QTest::addColumn<bool>("refused");
    QTest::newRow("PREFERRED sends its handshake") << SslMode::Preferred << false;
    QTest::newRow("REQUIRED sends nothing") << SslMode::Required << true;
    QTest::newRow("VERIFY_CA sends nothing") << SslMode::VerifyCa << true;
    QTest::newRow("VERIFY_IDENTITY sends nothing") << SslMode::VerifyIdentity << true;
}

void tst_Tls::refusalSendsNoCredentials()
{
    QFETCH(SslMode, mode);
    QFETCH(bool, refused);
    CountingProxy proxy(m_plain->port(QStringLiteral("a")));
    ConnectionOptions o = options(*m_plain, mode, QStringLiteral("ca.pem"));
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), proxy.port());
    Connection c(o);
    QCOMPARE(c.open(), !refused);
    if (refused) {
        QCOMPARE(c.lastError().kind, ProbeError::Tls);
        QCOMPARE(proxy.clientBytes(), 0);
    } else {
        c.close();
        QVERIFY(Sandbox::waitFor([&] { return proxy.clientBytes() > 0; }, 2000));
    }
}

void tst_Tls::wrongPasswordThroughTheGuard_data()
{
    QTest::addColumn<SslMode>("mode");
    QTest::newRow("REQUIRED") << SslMode::Required;
    QTest::newRow("VERIFY_CA") << SslMode::VerifyCa;
    QTest::newRow("VERIFY_IDENTITY") << SslMode::VerifyIdentity;
}

void tst_Tls::wrongPasswordThroughTheGuard()
{
    // REQUIRED and VERIFY_CA authenticate through the TLS guard's plugin switch: a wrong password
    // must still be the server's plain "access denied", over TLS.
    QFETCH(SslMode, mode);
    ConnectionOptions o = options(*m_tls, mode, QStringLiteral("ca.pem"));
    o.password = QStringLiteral("not-the-password");
    Connection c(o);
    QVERIFY(!c.open());
    QCOMPARE(c.lastError().kind, ProbeError::AccessDenied);
    QCOMPARE(c.lastError().code, 1045);
    QVERIFY2(c.lastError().message.contains(QLatin1String("check the user and password for topograph@")),
             qPrintable(c.lastError().message));
}

void tst_Tls::clientCertificate()
{
    // An account that insists on a client certificate signed by the sandbox CA.
    bool ok = false;
    m_tls->sql(QStringLiteral("a"),
               QStringLiteral("CREATE USER 'certuser'@'%' IDENTIFIED BY 'cert-pass-1' REQUIRE X509"), &ok);
    QVERIFY2(ok, qPrintable(m_tls->error()));

    ConnectionOptions o = options(*m_tls, SslMode::VerifyIdentity, QStringLiteral("ca.pem"));
    o.user = QStringLiteral("certuser");
    o.password = QStringLiteral("cert-pass-1");
    Connection without(o);
    QVERIFY(!without.open());
    QCOMPARE(without.lastError().kind, ProbeError::AccessDenied);

    o.sslCert = m_tls->tlsDir() + QStringLiteral("/client-cert.pem");
    o.sslKey = m_tls->tlsDir() + QStringLiteral("/client-key.pem");
    for (SslMode mode : {SslMode::Required, SslMode::VerifyCa, SslMode::VerifyIdentity}) {
        o.sslMode = mode;
        Connection with(o);
        QVERIFY2(with.open(), qPrintable(sslModeName(mode) + QLatin1String(": ") + with.lastError().message));
        QVERIFY(with.tlsActive());
    }
}

void tst_Tls::badFiles_data()
{
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("missing CA file") << "/nonexistent/ca.pem" << "" << "" << "--ssl-ca file '/nonexistent/ca.pem'";
    QTest::newRow("certificate without key") << "" << "client-cert.pem" << "" << "--ssl-cert and --ssl-key go together";
    QTest::newRow("missing key file") << "" << "client-cert.pem" << "/nonexistent/key.pem" << "--ssl-key file";
}

void tst_Tls::badFiles()
{
    QFETCH(QString, ca);
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, messagePart);
    ConnectionOptions o = options(*m_tls, SslMode::VerifyIdentity);
    o.sslCa = ca;
    o.sslCert = cert.isEmpty() ? QString() : m_tls->tlsDir() + QLatin1Char('/') + cert;
    o.sslKey = key;
    Connection c(o);
    QVERIFY(!c.open());
    QCOMPARE(c.lastError().kind, ProbeError::Tls);
    QVERIFY2(c.lastError().message.contains(messagePart), qPrintable(c.lastError().message));
    QCOMPARE(c.connectCount(), 0);
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"
