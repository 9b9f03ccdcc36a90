#include "connection.h"

#include "clientlibrary.h"
#include "failureclassifier.h"
#include "reactor.h"
#include "logging/logging.h"

#include <mysql.h>
#include <errmsg.h>

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <utility>

// ssl-mode onto MariaDB Connector/C 3.3 (verified against a TLS and a plain sandbox in tst_tls):
//
//   mode             use_ssl  CA passed  VERIFY_SERVER_CERT  TLS guard  what the library then does
//   DISABLED         no       no         no                  no         plain text
//   PREFERRED        yes      no         no                  no         TLS if offered, else plain
//   REQUIRED         yes      no         no                  yes        TLS without verification;
//                                                                       the guard refuses a server
//                                                                       without TLS
//   VERIFY_CA        yes      yes        no                  yes        a CA file makes the library
//                                                                       verify the chain
//                                                                       (SSL_VERIFY_PEER); no host
//                                                                       name check
//   VERIFY_IDENTITY  yes      yes        yes                 no         chain + host name (or IP SAN);
//                                                                       the library refuses a plain
//                                                                       server by itself
//
// Like MySQL's client, PREFERRED and REQUIRED do not verify the certificate even when --ssl-ca is
// given (Connector/C would verify the chain as soon as a CA is set, so the CA is not passed). The
// client certificate and key are passed in every mode but DISABLED. After connecting, every mode
// from REQUIRED up also checks that a cipher is in use, in case the library changes its mind.
//
// Every connection may be to a server that is not ours: any account that can register a replica
// makes a name appear in SHOW SLAVE HOSTS. So in every mode the library runs only authentication
// plugins that never reveal the password (MARIADB_OPT_RESTRICTED_AUTH; the lists are in
// clientlibrary.h) and refuses LOAD DATA LOCAL INFILE. Plugins that hand the password to the server
// (mysql_clear_password, dialog, caching_sha2_password, sha256_password) are allowed only with
// VERIFY_CA and VERIFY_IDENTITY, where the server's certificate proves it is one of the operator's;
// TLS alone (PREFERRED, REQUIRED) only hides the password from the network, not from the server.

namespace Topograph {

namespace {

constexpr size_t AsyncStackBytes = 256 * 1024; // TLS handshakes need more than the default

// The library's own timeouts (whole seconds) are only a backstop: the deadlines here fire first.
unsigned int backstopSeconds(int ms)
{
    return unsigned((qMax(ms, 1) + 999) / 1000 + 1);
}

// "SHOW SLAVE STATUS", "CHANGE MASTER TO": names the statement in a message without its values
// (which may hold a password).
QString statementLabel(const QString &sql)
{
    static const QRegularExpression words(QStringLiteral("^\\s*([A-Za-z_]+(?:\\s+[A-Za-z_]+){0,2})"));
    const QRegularExpressionMatch m = words.match(sql);
    return m.hasMatch() ? m.captured(1).simplified().toUpper() : QStringLiteral("statement");
}

// LOAD DATA LOCAL INFILE: whatever file a server names, nothing is read and nothing is sent.
int refuseLocalInfileInit(void **state, const char *, void *)
{
    *state = nullptr;
    return 1;
}

int refuseLocalInfileRead(void *, char *, unsigned int)
{
    return -1;
}

void refuseLocalInfileEnd(void *) {}

int refuseLocalInfileError(void *, char *buffer, unsigned int size)
{
    qstrncpy(buffer, "Topograph never sends local files (LOAD DATA LOCAL INFILE refused)", size);
    return CR_UNKNOWN_ERROR;
}

QString escapeFallback(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case 0: out += QLatin1String("\\0"); break;
        case '\'': out += QLatin1String("\\'"); break;
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case 0x1A: out += QLatin1String("\\Z"); break;
        default: out += c;
        }
    }
    return out;
}

// Connector/C resolves the host with a blocking getaddrinfo() before its non-blocking part starts,
// so a DNS server that does not answer would hold open() for the resolver's own timeouts (5 s per
// try by default). Resolving once here, asynchronously and against the connect deadline, bounds
// that. The library then looks the name up once more (glibc keeps no cache without nscd), so a DNS
// that is slow but answers can cost its answer time twice; one that does not answer costs
// connectTimeoutMs. Returns false only when the name did not resolve in time; a definite failure
// is left to the library, which reports it as 2005 like any other unknown host. Under a reactor
// the lookup is checked every few milliseconds instead of waited for, so the loop stays free
// (the library's second lookup is still synchronous: fast when the first one answered).
Task<bool> resolvesInTime(QByteArray host, QDeadlineTimer deadline, Reactor *reactor)
{
    in_addr v4;
    in6_addr v6;
    if (inet_pton(AF_INET, host.constData(), &v4) == 1 || inet_pton(AF_INET6, host.constData(), &v6) == 1)
        co_return true;
    // On the heap: if the lookup cannot be cancelled, glibc still owns it after we return.
    struct Lookup
    {
        QByteArray name;
        addrinfo hints{};
        gaicb request{};
    };
    auto *lookup = new Lookup;
    lookup->name = host;
    lookup->hints.ai_socktype = SOCK_STREAM;
    lookup->request.ar_name = lookup->name.constData();
    lookup->request.ar_request = &lookup->hints;
    gaicb *list[1] = {&lookup->request};
    if (getaddrinfo_a(GAI_NOWAIT, list, 1, nullptr) != 0) {
        delete lookup;
        co_return true; // cannot tell: let the library try
    }
    int state;
    while ((state = gai_error(&lookup->request)) == EAI_INPROGRESS && !deadline.hasExpired()) {
        const qint64 ms = qMax<qint64>(1, deadline.remainingTime());
        if (reactor) {
            co_await Reactor::wait(reactor, -1, 0, int(qMin<qint64>(ms, 5)));
            continue;
        }
        const timespec wait{time_t(ms / 1000), long(ms % 1000) * 1000000L};
        gai_suspend(list, 1, &wait);
    }
    if (state == EAI_INPROGRESS && gai_cancel(&lookup->request) == EAI_NOTCANCELED)
        co_return false; // leaks one small Lookup: glibc may still write into it
    if (state == 0 && lookup->request.ar_result)
        freeaddrinfo(lookup->request.ar_result);
    delete lookup;
    co_return state != EAI_INPROGRESS;
}

} // namespace

Connection::Connection(ConnectionOptions options)
    : m_options(std::move(options))
{
    Logging::registerSecret(m_options.password);
}

Connection::~Connection()
{
    close();
}

Connection::Connection(Connection &&other) noexcept
    : m_options(std::move(other.m_options))
    , m_mysql(std::exchange(other.m_mysql, nullptr))
    , m_lastError(std::move(other.m_lastError))
    , m_connectCount(other.m_connectCount)
    , m_connectAttempts(other.m_connectAttempts)
    , m_affectedRows(other.m_affectedRows)
    , m_greetingPeek(std::move(other.m_greetingPeek))
    , m_statement(std::move(other.m_statement))
{
}

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        close();
        m_options = std::move(other.m_options);
        m_mysql = std::exchange(other.m_mysql, nullptr);
        m_lastError = std::move(other.m_lastError);
        m_connectCount = other.m_connectCount;
        m_connectAttempts = other.m_connectAttempts;
        m_affectedRows = other.m_affectedRows;
        m_greetingPeek = std::move(other.m_greetingPeek);
        m_statement = std::move(other.m_statement);
    }
    return *this;
}

namespace {

// What is left of the deadline (or capMs, when not negative), for one wait.
int waitMs(const QDeadlineTimer &deadline, qint64 capMs)
{
    qint64 ms = qMax<qint64>(0, deadline.remainingTime());
    if (capMs >= 0)
        ms = qMin(ms, capMs);
    return int(ms);
}

} // namespace

// Every wait of the library goes through here: poll() in place without a reactor (the blocking
// API), a suspended coroutine resumed by the reactor's event loop with one.
Task<int> Connection::drive(int status, QDeadlineTimer deadline, Progress *progress,
                            std::function<int(int)> resume, Reactor *reactor)
{
    while (status != 0) {
        const int fd = int(mysql_get_socket(m_mysql));
        short wanted = 0;
        if (status & MYSQL_WAIT_READ)
            wanted |= POLLIN;
        if (status & MYSQL_WAIT_WRITE)
            wanted |= POLLOUT;
        if (status & MYSQL_WAIT_EXCEPT)
            wanted |= POLLPRI;
        // The first wait of a connect is for the TCP handshake (write) or, when connect() finished at
        // once, for the greeting (read): only then are the bytes that arrive the greeting.
        const bool firstWait = progress && progress->waits++ == 0;
        if (progress && (status & MYSQL_WAIT_READ))
            progress->tcpConnected = true;

        const qint64 libraryMs = (status & MYSQL_WAIT_TIMEOUT) ? qint64(mysql_get_timeout_value_ms(m_mysql)) : -1;
        const short revents = co_await Reactor::wait(reactor, fd, wanted, waitMs(deadline, libraryMs));
        int r = revents != 0 ? 1 : 0;

        if (r > 0 && progress && progress->peekGreeting && !progress->tcpConnected && (revents & POLLOUT)
            && !(revents & (POLLERR | POLLHUP))) {
            // The TCP connection is up. The library will read the greeting next, and if it is
            // already there it reads without waiting; so wait for it here and peek at its first
            // bytes, which tell a MySQL server from anything else that listens on the port.
            progress->tcpConnected = true;
            const short inEvents = co_await Reactor::wait(reactor, fd, POLLIN, waitMs(deadline, -1));
            if (inEvents != 0) {
                char buf[16];
                const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
                if (n > 0)
                    m_greetingPeek = QByteArray(buf, int(n));
            } else {
                r = 0; // no greeting before the deadline
            }
        }

        int events = 0;
        if (r > 0) {
            if (revents & (POLLIN | POLLHUP | POLLERR))
                events |= MYSQL_WAIT_READ;
            if (revents & (POLLOUT | POLLHUP | POLLERR))
                events |= MYSQL_WAIT_WRITE;
            if (revents & POLLPRI)
                events |= MYSQL_WAIT_EXCEPT;
            events &= status;
            if (events == 0) // POLLNVAL or an event nobody asked for: let the library find out
                events = status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE);
            if (firstWait && progress->peekGreeting && m_greetingPeek.isEmpty() && (revents & POLLIN)) {
                char buf[16];
                const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
                if (n > 0)
                    m_greetingPeek = QByteArray(buf, int(n));
            }
        } else {
            // Our deadline (or the library's own timeout) passed: telling the library its wait
            // timed out makes it abandon the operation with an error and close the socket.
            events = MYSQL_WAIT_TIMEOUT;
            if (progress)
                progress->timedOut = true;
        }
        status = resume(events);
    }
    co_return status;
}

bool Connection::open()
{
    return openAsync(nullptr).runSync();
}

Task<bool> Connection::openAsync(Reactor *reactor)
{
    if (!prepareOpen())
        co_return false;
    const SslMode mode = m_options.sslMode;
    const QString where = m_options.key.toString();
    const QDeadlineTimer deadline(qMax(1, m_options.connectTimeoutMs));
    const QByteArray host = m_options.key.host().toUtf8();
    if (!co_await resolvesInTime(host, deadline, reactor)) {
        discard();
        setError(ProbeError::Unreachable, CR_UNKNOWN_HOST,
                 QStringLiteral("cannot resolve the host name '%1' (for %2) within %3 ms: DNS does not answer; "
                                "check the resolver (/etc/resolv.conf) or use an IP address")
                     .arg(m_options.key.host(), where).arg(m_options.connectTimeoutMs));
        co_return false;
    }
    const QByteArray user = m_options.user.toUtf8();
    QByteArray password = m_options.password.toUtf8();
    MYSQL *ret = nullptr;
    Progress progress;
    progress.peekGreeting = true;
    int status = mysql_real_connect_start(&ret, m_mysql, host.constData(), user.constData(),
                                          password.constData(), nullptr,
                                          unsigned(m_options.key.port()), nullptr, 0);
    status = co_await drive(status, deadline, &progress, [this, &ret](int events) {
        return mysql_real_connect_cont(&ret, m_mysql, events);
    }, reactor);
    password.fill('\0');
    if (!ret)
        co_return fail(Stage::Connect, progress);

    if (mode >= SslMode::Required && !tlsActive()) {
        discard();
        setError(ProbeError::Tls, CR_SSL_CONNECTION_ERROR,
                 QStringLiteral("%1 accepted a connection without TLS, but ssl-mode is %2; enable TLS on the "
                                "server (ssl_cert, ssl_key) or choose --ssl-mode PREFERRED")
                     .arg(where, sslModeName(mode)));
        co_return false;
    }
    ++m_connectCount;
    co_return true;
}

// Everything before the connect itself: checks, mysql_init and the options.
bool Connection::prepareOpen()
{
    prepareClientLibraryForThisThread();
    close();
    ++m_connectAttempts;
    m_lastError = {};
    m_greetingPeek.clear();
    m_affectedRows = 0;

    const QString where = m_options.key.toString();
    if (!m_options.key.isValid()) {
        // Checked here as well as where names enter: Connector/C reads ';', '=' and '://' in a host
        // as connection-string syntax, so a bad name must never reach mysql_real_connect.
        setError(ProbeError::Unreachable, 0,
                 QStringLiteral("cannot connect to '%1': not a valid host:port (%2)").arg(where, m_options.key.problem()));
        return false;
    }
    const SslMode mode = m_options.sslMode;
    if (const QString why = tlsOptionsProblem(m_options); !why.isEmpty()) {
        setError(ProbeError::Tls, 0, QStringLiteral("cannot connect to %1: %2").arg(where, why));
        return false;
    }

    m_mysql = mysql_init(nullptr);
    if (!m_mysql) {
        setError(ProbeError::Unreachable, CR_OUT_OF_MEMORY,
                 QStringLiteral("cannot connect to %1: the MySQL client library is out of memory").arg(where));
        return false;
    }
    const unsigned int protocol = MYSQL_PROTOCOL_TCP; // "localhost" means TCP to the port, not a socket
    const my_bool off = 0;
    const my_bool on = 1;
    const unsigned int connectSeconds = backstopSeconds(m_options.connectTimeoutMs);
    const unsigned int readSeconds = backstopSeconds(m_options.readTimeoutMs);
    const unsigned int writeSeconds = backstopSeconds(m_options.writeTimeoutMs);
    const size_t stackBytes = AsyncStackBytes;
    mysql_optionsv(m_mysql, MYSQL_OPT_NONBLOCK, &stackBytes);
    mysql_optionsv(m_mysql, MYSQL_OPT_PROTOCOL, &protocol);
    mysql_optionsv(m_mysql, MYSQL_OPT_RECONNECT, &off);
    mysql_optionsv(m_mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectSeconds);
    mysql_optionsv(m_mysql, MYSQL_OPT_READ_TIMEOUT, &readSeconds);
    mysql_optionsv(m_mysql, MYSQL_OPT_WRITE_TIMEOUT, &writeSeconds);
    mysql_optionsv(m_mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    // Connector/C reads this option as an unsigned int (a my_bool left three bytes of garbage and
    // LOCAL INFILE on). With the flag off the library answers a server's LOAD DATA LOCAL request
    // with an empty packet; the handler below refuses as well, should the flag ever be on.
    const unsigned int localInfile = 0;
    mysql_optionsv(m_mysql, MYSQL_OPT_LOCAL_INFILE, &localInfile);
    mysql_set_local_infile_handler(m_mysql, refuseLocalInfileInit, refuseLocalInfileRead,
                                   refuseLocalInfileEnd, refuseLocalInfileError, nullptr);
    const QByteArray allowedPlugins
        = allowedAuthenticationPlugins(mode == SslMode::VerifyCa || mode == SslMode::VerifyIdentity);
    if (mysql_optionsv(m_mysql, MARIADB_OPT_RESTRICTED_AUTH, allowedPlugins.constData()) != 0) {
        discard();
        setError(ProbeError::Unreachable, 0,
                 QStringLiteral("cannot connect to %1: this MySQL client library (%2) cannot restrict the "
                                "authentication plugins, so a server could ask for the password in clear; "
                                "install MariaDB Connector/C 3.3 or newer")
                     .arg(where, clientLibraryName()));
        return false;
    }
    mysql_optionsv(m_mysql, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", "topograph");

    const QByteArray ca = m_options.sslCa.toLocal8Bit();
    const QByteArray cert = m_options.sslCert.toLocal8Bit();
    const QByteArray key = m_options.sslKey.toLocal8Bit();
    if (mode != SslMode::Disabled) {
        mysql_optionsv(m_mysql, MYSQL_OPT_SSL_ENFORCE, &on); // in 3.3 this only sets use_ssl
        if (!cert.isEmpty()) {
            mysql_optionsv(m_mysql, MYSQL_OPT_SSL_CERT, cert.constData());
            mysql_optionsv(m_mysql, MYSQL_OPT_SSL_KEY, key.constData());
        }
        if ((mode == SslMode::VerifyCa || mode == SslMode::VerifyIdentity) && !ca.isEmpty())
            mysql_optionsv(m_mysql, MYSQL_OPT_SSL_CA, ca.constData());
        const my_bool verifyHost = mode == SslMode::VerifyIdentity ? 1 : 0;
        mysql_optionsv(m_mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verifyHost);
        if (mode == SslMode::Required || mode == SslMode::VerifyCa)
            mysql_optionsv(m_mysql, MYSQL_DEFAULT_AUTH, tlsGuardPluginName());
    }
    return true;
}

void Connection::close()
{
    if (!m_mysql)
        return;
    // mysql_close sends COM_QUIT; bound it like everything else.
    const QDeadlineTimer deadline(qMax(1, m_options.writeTimeoutMs));
    MYSQL *mysql = m_mysql;
    const int status = mysql_close_start(mysql);
    drive(status, deadline, nullptr, [mysql](int events) { return mysql_close_cont(mysql, events); }, nullptr).runSync();
    m_mysql = nullptr;
}

void Connection::discard()
{
    // After a failed connect or a lost connection the library has already closed the socket,
    // so this sends nothing.
    if (m_mysql) {
        mysql_close(m_mysql);
        m_mysql = nullptr;
    }
}

bool Connection::ping()
{
    m_lastError = {};
    if (!m_mysql)
        return notConnected();
    int result = 0;
    Progress progress;
    const QDeadlineTimer deadline(qMax(1, m_options.readTimeoutMs));
    const int status = mysql_ping_start(&result, m_mysql);
    drive(status, deadline, &progress, [this, &result](int events) {
        return mysql_ping_cont(&result, m_mysql, events);
    }, nullptr).runSync();
    if (result != 0)
        return fail(Stage::Ping, progress);
    return true;
}

std::optional<ResultSet> Connection::query(const QString &sql)
{
    return queryAsync(sql, nullptr).runSync();
}

Task<std::optional<ResultSet>> Connection::queryAsync(QString sql, Reactor *reactor)
{
    m_lastError = {};
    m_affectedRows = 0;
    if (!m_mysql) {
        notConnected();
        co_return std::nullopt;
    }
    m_statement = statementLabel(sql);
    const QByteArray text = sql.toUtf8();
    Progress progress;
    const QDeadlineTimer deadline(qMax(1, m_options.readTimeoutMs));
    int error = 0;
    int status = mysql_real_query_start(&error, m_mysql, text.constData(), text.size());
    co_await drive(status, deadline, &progress, [this, &error](int events) {
        return mysql_real_query_cont(&error, m_mysql, events);
    }, reactor);
    if (error != 0 || progress.timedOut) {
        fail(Stage::Query, progress);
        co_return std::nullopt;
    }

    std::optional<ResultSet> first;
    for (;;) {
        if (mysql_field_count(m_mysql) == 0) {
            m_affectedRows = qint64(mysql_affected_rows(m_mysql));
            if (!first)
                first = ResultSet();
        } else {
            MYSQL_RES *res = nullptr;
            status = mysql_store_result_start(&res, m_mysql);
            co_await drive(status, deadline, &progress, [this, &res](int events) {
                return mysql_store_result_cont(&res, m_mysql, events);
            }, reactor);
            if (!res) {
                fail(Stage::Query, progress);
                co_return std::nullopt;
            }
            if (!first) {
                const unsigned int count = mysql_num_fields(res);
                const MYSQL_FIELD *fields = mysql_fetch_fields(res);
                QStringList names;
                names.reserve(count);
                for (unsigned int i = 0; i < count; ++i)
                    names.append(QString::fromUtf8(fields[i].name, qsizetype(fields[i].name_length)));
                const auto columns = ResultSet::makeColumns(names);
                QList<Row> rows;
                rows.reserve(qsizetype(mysql_num_rows(res)));
                while (MYSQL_ROW row = mysql_fetch_row(res)) {
                    const unsigned long *lengths = mysql_fetch_lengths(res);
                    QList<std::optional<QString>> values;
                    values.reserve(count);
                    for (unsigned int i = 0; i < count; ++i) {
                        if (row[i])
                            values.append(QString::fromUtf8(row[i], qsizetype(lengths[i])));
                        else
                            values.append(std::nullopt);
                    }
                    rows.append(Row(columns, std::move(values)));
                }
                first = ResultSet(names, std::move(rows));
            }
            mysql_free_result(res);
        }
        // A CALL returns several results; the connection is unusable until all are read.
        if (!mysql_more_results(m_mysql))
            break;
        int next = 0;
        status = mysql_next_result_start(&next, m_mysql);
        co_await drive(status, deadline, &progress, [this, &next](int events) {
            return mysql_next_result_cont(&next, m_mysql, events);
        }, reactor);
        if (next > 0 || progress.timedOut) {
            fail(Stage::Query, progress);
            co_return std::nullopt;
        }
        if (next < 0)
            break;
    }
    co_return first;
}

bool Connection::execute(const QString &sql)
{
    return query(sql).has_value();
}

bool Connection::notConnected()
{
    setError(ProbeError::Unreachable, CR_SERVER_GONE_ERROR,
             QStringLiteral("not connected to %1 (the connection was closed or lost); open it again")
                 .arg(m_options.key.toString()));
    return false;
}

void Connection::setError(ProbeError kind, int code, const QString &message)
{
    m_lastError.kind = kind;
    m_lastError.code = code;
    m_lastError.message = clean(message);
}

QString Connection::clean(const QString &text) const
{
    QString out = Logging::redacted(text);
    // Also when the secret is too short for the log redaction to take it.
    if (!m_options.password.isEmpty())
        out.replace(m_options.password, QStringLiteral("*****"));
    return out;
}

bool Connection::fail(Stage stage, const Progress &progress)
{
    FailureFacts facts;
    facts.code = m_mysql ? mysql_errno(m_mysql) : 0;
    facts.library = m_mysql ? QString::fromUtf8(mysql_error(m_mysql)) : QString();
    facts.timedOut = progress.timedOut;
    facts.tcpConnected = progress.tcpConnected;
    facts.greetingPeek = m_greetingPeek;
    facts.what = stage == Stage::Ping ? QStringLiteral("a ping") : m_statement;
    const MySqlError error = stage == Stage::Connect ? classifyConnectFailure(m_options, facts)
                                                     : classifyCallFailure(m_options, facts);
    // A statement the server refused leaves the connection usable; anything else leaves its
    // protocol state unknown (or the socket already closed by the library).
    if (stage == Stage::Connect || error.kind != ProbeError::ServerError)
        discard();
    setError(error.kind, error.code, error.message);
    return false;
}

QString Connection::escape(const QString &text) const
{
    if (!m_mysql)
        return escapeFallback(text);
    const QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 2 + 1, Qt::Uninitialized);
    const unsigned long n = mysql_real_escape_string(m_mysql, out.data(), in.constData(), in.size());
    out.resize(qsizetype(n));
    return QString::fromUtf8(out);
}

QString Connection::quoteString(const QString &text)
{
    return QLatin1Char('\'') + escapeFallback(text) + QLatin1Char('\'');
}

QString Connection::quoteIdentifier(const QString &name)
{
    QString inner = name;
    inner.remove(QChar(0));
    inner.replace(QLatin1Char('`'), QLatin1String("``"));
    return QLatin1Char('`') + inner + QLatin1Char('`');
}

int Connection::socketDescriptor() const
{
    return m_mysql ? int(mysql_get_socket(m_mysql)) : -1;
}

bool Connection::tlsActive() const
{
    return m_mysql && mysql_get_ssl_cipher(m_mysql) != nullptr;
}

QString Connection::tlsCipher() const
{
    const char *cipher = m_mysql ? mysql_get_ssl_cipher(m_mysql) : nullptr;
    return cipher ? QString::fromLatin1(cipher) : QString();
}

QString Connection::tlsVersion() const
{
    if (!tlsActive())
        return {};
    const char *version = nullptr;
    if (mariadb_get_infov(m_mysql, MARIADB_CONNECTION_TLS_VERSION, &version) != 0 || !version)
        return {};
    return QString::fromLatin1(version);
}

QString Connection::serverVersion() const
{
    const char *version = m_mysql ? mysql_get_server_info(m_mysql) : nullptr;
    return version ? QString::fromUtf8(version) : QString();
}

} // namespace Topograph
