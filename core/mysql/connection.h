#pragma once

#include "connectionoptions.h"
#include "mysqlerror.h"
#include "resultset.h"
#include "task.h"

#include <QDeadlineTimer>
#include <QString>

#include <functional>
#include <optional>

struct st_mysql; // MYSQL of <mysql.h>, kept out of this header

namespace Topograph {

class Reactor;

// One server, one connection, over MariaDB Connector/C (libmysqlclient API).
//
// Every call is bounded in milliseconds: Connection drives the library's non-blocking API
// (mysql_*_start/_cont) and poll()s the socket against a deadline, so a frozen server (SIGSTOP:
// the kernel still completes the TCP handshake, nobody answers) costs connectTimeoutMs on open()
// and readTimeoutMs on a query, never more (host name resolution included, see connection.cpp).
// A call that times out or loses the server closes the connection (its protocol state is unknown);
// a statement the server refuses (ServerError) leaves it open. open() connects again. ssl-mode is
// mapped onto what Connector/C offers as the table in connection.cpp says (tested in tst_tls).
// The library never reconnects by itself
// (MYSQL_OPT_RECONNECT off): reconnecting is the caller's decision, so a probe counts connections
// honestly.
//
// Event loops: openAsync() and queryAsync() are the same calls as coroutines whose waits a Reactor
// drives, so one thread can keep thousands of connections in flight and a hung server costs only
// its suspended coroutine and idle socket (the poller probes this way). open() and query() run
// those coroutines in place with poll(), for everyone else.
//
// Threads: one thread at a time per Connection. The client library is initialised once per
// process (std::call_once) and every thread that opens a connection gets mysql_thread_init() on
// its first use and mysql_thread_end() when it exits (a thread_local guard), so callers do
// nothing special in worker threads or QThreadPool tasks.
//
// Movable (a moved-from Connection is closed and empty), not copyable.
class Connection
{
public:
    explicit Connection(ConnectionOptions options);
    ~Connection();
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Connects, or reconnects when the connection was closed or lost. Returns false and sets
    // lastError() on failure. Opening an open connection closes it first.
    bool open();
    // open() as a coroutine whose waits the reactor drives (null: poll in place, as open()).
    Task<bool> openAsync(Reactor *reactor);
    void close();
    bool isOpen() const { return m_mysql != nullptr; }
    // false + lastError() (and closed) when the server is gone; never reconnects.
    bool ping();

    // Runs one statement and reads its whole result. nullopt -> lastError(). A statement without
    // a result set gives an empty ResultSet with no columns. One statement per call (multi
    // statements are not enabled, so an injected ';' cannot add a second one).
    std::optional<ResultSet> query(const QString &sql);
    // query() as a coroutine whose waits the reactor drives (null: poll in place, as query()).
    Task<std::optional<ResultSet>> queryAsync(QString sql, Reactor *reactor);
    // For statements without a result (or whose result is discarded).
    bool execute(const QString &sql);
    qint64 affectedRows() const { return m_affectedRows; }

    const MySqlError &lastError() const { return m_lastError; }
    const ConnectionOptions &options() const { return m_options; }

    // The content of a string literal (no quotes): mysql_real_escape_string on an open
    // connection (which also honours NO_BACKSLASH_ESCAPES), else the same escaping quoteString
    // uses.
    QString escape(const QString &text) const;
    // A complete string literal '...' with NUL, quotes, backslash, CR, LF and ^Z escaped with
    // backslashes. Assumes the server's default sql_mode (no NO_BACKSLASH_ESCAPES); with a
    // connection at hand prefer QLatin1Char('\'') + escape(text) + QLatin1Char('\'').
    static QString quoteString(const QString &text);
    // `name` with backticks doubled; NUL characters are removed (they cannot be in a name).
    static QString quoteIdentifier(const QString &name);

    // -1 when closed. A poller can watch it for readability while idle: an idle MySQL
    // connection only becomes readable when the server closed it (or killed it).
    int socketDescriptor() const;
    bool tlsActive() const;
    QString tlsCipher() const;
    QString tlsVersion() const;
    QString serverVersion() const; // as the greeting gave it, e.g. "10.11.6-MariaDB-0+deb12u1"
    // Successful opens of this object (the poll benchmark checks there is one per instance).
    qint64 connectCount() const { return m_connectCount; }
    qint64 connectAttempts() const { return m_connectAttempts; }

private:
    enum class Stage { Connect, Query, Ping };
    struct Progress
    {
        bool peekGreeting = false; // remember the first bytes the server sends (open() only)
        bool tcpConnected = false; // the TCP handshake completed (open() only)
        bool timedOut = false;
        int waits = 0;
    };
    bool prepareOpen();
    // Resumes the library's non-blocking call until it is done, waiting on its socket for what it
    // asks (through the reactor, or poll() in place) and telling it "timed out" at the deadline.
    Task<int> drive(int status, QDeadlineTimer deadline, Progress *progress, std::function<int(int)> resume,
                    Reactor *reactor);
    bool fail(Stage stage, const Progress &progress);
    bool notConnected();
    void setError(ProbeError kind, int code, const QString &message);
    QString clean(const QString &text) const;
    void discard();

    ConnectionOptions m_options;
    st_mysql *m_mysql = nullptr;
    MySqlError m_lastError;
    qint64 m_connectCount = 0;
    qint64 m_connectAttempts = 0;
    qint64 m_affectedRows = 0;
    QByteArray m_greetingPeek; // first bytes the peer sent while connecting, to tell "not MySQL"
    QString m_statement; // "SHOW SLAVE STATUS": names the last statement in messages
};

} // namespace Topograph
