#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Topograph::Test {

// A real MariaDB topology for one test (or test file), started with scripts/sandbox on free
// loopback ports and torn down by the destructor. If the test process dies instead, the
// sandbox's watchdog (--owner-pid) tears it down within a second.
class Sandbox
{
public:
    struct Options
    {
        bool tls; // no default member initializers: GCC 12 rejects them in a default argument
        bool noGtid; // replicas by file:pos (scripts/sandbox --no-gtid): Options{false, true}
    };

    explicit Sandbox(const QString &topology, Options options = {});
    ~Sandbox();
    Sandbox(const Sandbox &) = delete;
    Sandbox &operator=(const Sandbox &) = delete;

    bool isUp() const { return m_up; }
    QString error() const { return m_error; }
    QString dir() const;

    int port(const QString &node) const { return m_ports.value(node); }
    QString address(const QString &node) const;
    QStringList nodes() const { return m_ports.keys(); }
    qint64 pid(const QString &node);

    // Credentials generated for this sandbox (see scripts/sandbox).
    QString user() const { return QStringLiteral("topograph"); }
    QString password() const { return m_env.value(QStringLiteral("TOPOGRAPH_SANDBOX_PASSWORD")); }
    QString replicationPassword() const { return m_env.value(QStringLiteral("TOPOGRAPH_SANDBOX_REPL_PASSWORD")); }
    QString appPassword() const { return m_env.value(QStringLiteral("TOPOGRAPH_SANDBOX_APP_PASSWORD")); }
    QString tlsDir() const { return dir() + QStringLiteral("/tls"); }
    // false when started with Options::noGtid: replicas use MASTER_USE_GTID=no.
    bool usesGtid() const { return m_env.value(QStringLiteral("TOPOGRAPH_SANDBOX_REPLICATION")) != QLatin1String("filepos"); }

    // Fault injection; each returns false and sets error() when the sandbox script failed.
    bool kill(const QString &node) { return runOk({QStringLiteral("kill"), node}); }
    bool freeze(const QString &node) { return runOk({QStringLiteral("freeze"), node}); }
    bool thaw(const QString &node) { return runOk({QStringLiteral("thaw"), node}); }
    bool start(const QString &node) { return runOk({QStringLiteral("start"), node}); }
    bool stopReplication(const QString &node) { return runOk({QStringLiteral("stop-replication"), node}); }
    bool startReplication(const QString &node) { return runOk({QStringLiteral("start-replication"), node}); }
    bool add(const QString &node, const QString &source);
    QString status();

    // Runs SQL as root over the node's socket; output rows tab-separated, no header.
    QString sql(const QString &node, const QString &statement, bool *ok = nullptr);
    // Semi-synchronous replication from master to these replicas (AFTER_SYNC, a 60 s timeout so it
    // never falls back to asynchronous during a test): once it returns true, a write the master
    // acknowledged is in at least one replica's relay log. Failover tests need it to demand that
    // every acknowledged write survives: with asynchronous replication, writes acknowledged just
    // before kill -9 may have reached no replica when the machine is loaded, and nobody can keep them.
    bool semiSync(const QString &master, const QStringList &replicas);
    // SHOW SLAVE STATUS of a node as field -> value (empty map for a master or on error).
    QMap<QString, QString> slaveStatus(const QString &node);

    bool down();

    // Runs scripts/sandbox with these arguments and --dir; returns stdout, or sets *ok=false.
    QString run(const QStringList &arguments, bool *ok = nullptr, int timeoutMs = 60000);

    // Polls predicate every 20 ms until it is true or timeoutMs passes.
    static bool waitFor(const std::function<bool()> &predicate, int timeoutMs);

private:
    bool runOk(const QStringList &arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    QMap<QString, int> m_ports;
    QMap<QString, QString> m_env;
    QString m_error;
    bool m_up = false;
};

QString sandboxScript();

} // namespace Topograph::Test
