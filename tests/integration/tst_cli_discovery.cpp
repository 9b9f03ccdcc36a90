// The discovery commands through the real topograph-cli binary against a real sandbox: output of
// discover/clusters/topology/instance, every bad input ending in one line and a non-zero status
// (with the store left untouched), and `watch` printing changes and stopping cleanly on a signal.
#include "rogueserver.h"
#include "sandbox.h"

#include "store/auditlog.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

using Topograph::Test::Sandbox;

namespace {

// A loopback listener that answers like an HTTP server, then closes: "a port that is not MySQL".
class HttpLikeServer
{
public:
    HttpLikeServer()
    {
        m_fd = Topograph::Test::listenOnLoopback(&m_port);
        m_thread = std::thread([this] {
            static const char reply[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            while (!m_stop) {
                pollfd p{m_fd, POLLIN, 0};
                if (::poll(&p, 1, 50) <= 0)
                    continue;
                const int client = ::accept(m_fd, nullptr, nullptr);
                if (client < 0)
                    continue;
                (void)!::write(client, reply, sizeof reply - 1);
                ::close(client);
            }
        });
    }
    ~HttpLikeServer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

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

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 ms = 0;
};

} // namespace

class tst_CliDiscovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void discoverPrintsTheTree();
    void clustersTopologyAndInstanceProbeLive();
    void jsonOutput();
    void badInput_data();
    void badInput();
    void storeThatIsNotOursIsLeftUntouched_data();
    void storeThatIsNotOursIsLeftUntouched();
    void watchPrintsChangesAndStopsOnSignal_data();
    void watchPrintsChangesAndStopsOnSignal();
    void discoverFromLocalhostUsesTheFleetsName();
    void optionMistakesAreUsageErrorsBeforeAnything_data();
    void optionMistakesAreUsageErrorsBeforeAnything();
    void watchForgetsAnAliasAsTheEngine();

private:
    QProcessEnvironment environment(const QString &password) const;
    QStringList globals(const QString &store = {}) const;
    Run cli(const QStringList &args, const QString &password = {},
            const QProcessEnvironment &extra = {}) const;
    QString addr(const QString &node) const { return m_sb->address(node); }

    std::unique_ptr<Sandbox> m_sb;
    QTemporaryDir m_dir;
    QString m_store;
};

QProcessEnvironment tst_CliDiscovery::environment(const QString &password) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_PW"), password.isEmpty() ? m_sb->password() : password);
    env.insert(QStringLiteral("TOPOGRAPH_LOG_DIR"), m_dir.filePath(QStringLiteral("logs")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return env;
}

QStringList tst_CliDiscovery::globals(const QString &store) const
{
    return {QStringLiteral("--store"), store.isEmpty() ? m_store : store, QStringLiteral("--user"),
            QStringLiteral("topograph"), QStringLiteral("--password-env"), QStringLiteral("TG_PW")};
}

Run tst_CliDiscovery::cli(const QStringList &args, const QString &password,
                          const QProcessEnvironment &extra) const
{
    QProcess p;
    QProcessEnvironment env = environment(password);
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), args);
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    r.ms = t.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void tst_CliDiscovery::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli")));
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,c>d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
}

void tst_CliDiscovery::discoverPrintsTheTree()
{
    const Run r = cli(globals() << QStringLiteral("discover") << addr("d"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("Discovered 4 instance(s) in 1 cluster(s)")));
    // the master first, its replicas indented under it, d under c
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int master = lines.indexOf(QRegularExpression(QStringLiteral("^%1 \\[-,ok,.*MariaDB.*,rw,ROW,GTID\\]$")
                                                            .arg(QRegularExpression::escape(addr("a")))));
    QVERIFY2(master > 0, qPrintable(r.out));
    QVERIFY(lines.value(master + 1).startsWith(QStringLiteral("+ ") + addr("b") + QStringLiteral(" [0s,ok,")));
    QVERIFY(lines.value(master + 2).startsWith(QStringLiteral("+ ") + addr("c")));
    QVERIFY(lines.value(master + 3).startsWith(QStringLiteral("  + ") + addr("d")));
    QVERIFY(lines.value(master + 3).contains(QLatin1String(",ro,ROW,GTID]")));
}

void tst_CliDiscovery::clustersTopologyAndInstanceProbeLive()
{
    Run r = cli(globals() << QStringLiteral("clusters"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\n%1\\s+-\\s+4\\s+0\\n").arg(QRegularExpression::escape(addr("a"))))));

    // live: a stopped replica shows at once, not what the store remembers
    QVERIFY(m_sb->stopReplication(QStringLiteral("b")));
    r = cli(globals() << QStringLiteral("topology"));
    QVERIFY(m_sb->startReplication(QStringLiteral("b")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("+ %1 [null,nonreplicating,").arg(addr("b"))), qPrintable(r.out));

    r = cli(globals() << QStringLiteral("topology") << addr("a"));
    QVERIFY2(r.exitCode == 0 && r.out.count(QLatin1Char('\n')) == 4, qPrintable(r.out + r.err));

    // a cluster named by its alias
    {
        QString error;
        auto store = Topograph::Store::open(m_store, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(store->setClusterAlias(addr("a"), QStringLiteral("shop"), &error), qPrintable(error));
    }
    r = cli(globals() << QStringLiteral("topology") << QStringLiteral("shop"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("# %1 (shop)\n%1 [").arg(addr("a"))), qPrintable(r.out));
    QCOMPARE(r.out.count(QLatin1Char('\n')), 5);
    r = cli(globals() << QStringLiteral("clusters"));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n%1\\s+shop\\s+4\\s+0\\n").arg(QRegularExpression::escape(addr("a"))))),
             qPrintable(r.out));

    r = cli(globals() << QStringLiteral("instance") << addr("c"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const char *expected : {"flavor:", "MariaDB", "read_only:", "gtid_slave_pos:", "connection '' from",
                                 "Using_Gtid:", "Slave_Pos", "source plugin:", "Replicas"})
        QVERIFY2(r.out.contains(QLatin1String(expected)), expected);
    QVERIFY(r.out.contains(addr("d")));
}

void tst_CliDiscovery::jsonOutput()
{
    Run r = cli(QStringList{QStringLiteral("--json")} + globals() << QStringLiteral("instance") << addr("b"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("key")).toString(), addr("b"));
    QCOMPARE(o.value(QStringLiteral("reachable")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("channels")).toArray().size(), 1);

    r = cli(QStringList{QStringLiteral("--json")} + globals() << QStringLiteral("clusters"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray clusters = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(clusters.size(), 1);
    QCOMPARE(clusters.at(0).toObject().value(QStringLiteral("members")).toArray().size(), 4);
}

void tst_CliDiscovery::badInput_data()
{
    QTest::addColumn<QStringList>("args"); // after the global options; %a..%d = node addresses
    QTest::addColumn<QString>("password"); // "" = the right one
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // a regular expression the one stderr line matches
    QTest::addColumn<QString>("freeze");  // node frozen during the run

    const QString p = QString::number(closedPort());
    QTest::newRow("malformed host:port") << QStringList{"discover", "db1:"} << "" << 2 << "not a valid HOST:PORT" << "";
    QTest::newRow("port out of range") << QStringList{"discover", "127.0.0.1:70000"} << "" << 2 << "outside 1-65535" << "";
    QTest::newRow("port not a number") << QStringList{"instance", "127.0.0.1:mysql"} << "" << 2 << "not a number" << "";
    QTest::newRow("unresolvable host") << QStringList{"discover", "no-such-host.invalid:3306"} << "" << 1
                                       << "cannot resolve host 'no-such-host.invalid'" << "";
    QTest::newRow("unreachable seed") << QStringList{"discover", "127.0.0.1:" + p} << "" << 1 << "127\\.0\\.0\\.1:" + p << "";
    QTest::newRow("wrong password") << QStringList{"discover", "%a"} << "not-the-password" << 1 << "(?i)access denied" << "";
    QTest::newRow("TLS required, server without TLS")
        << QStringList{"--ssl-mode", "REQUIRED", "discover", "%a"} << "" << 1 << "(?i)TLS|SSL" << "";
    QTest::newRow("a port that is not MySQL") << QStringList{"instance", "http"} << "" << 1 << "(?i)not (with )?(the )?MySQL( protocol)?|not a MySQL" << "";
    QTest::newRow("frozen seed") << QStringList{"discover", "%c"} << "" << 1 << "(?i)frozen|timed out|within" << "c";
    QTest::newRow("bad ssl mode") << QStringList{"--ssl-mode", "SOMETIMES", "discover", "%a"} << "" << 2 << "ssl-mode" << "";
    QTest::newRow("no argument") << QStringList{"discover"} << "" << 2 << "exactly one HOST:PORT" << "";
    QTest::newRow("unknown cluster") << QStringList{"topology", "no-such-alias"} << "" << 1 << "no cluster named 'no-such-alias'" << "";
}

void tst_CliDiscovery::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, password);
    QFETCH(QString, freeze);
    HttpLikeServer http;
    // --ssl-mode is a global option: it goes before the command
    QStringList before, command;
    for (int i = 0; i < args.size(); ++i) {
        QString a = args.at(i);
        for (const QString &n : m_sb->nodes())
            a.replace(QLatin1Char('%') + n, addr(n));
        if (a == QLatin1String("http"))
            a = QStringLiteral("127.0.0.1:%1").arg(http.port());
        if (a.startsWith(QLatin1String("--ssl-mode"))) {
            before << a << args.at(++i);
            continue;
        }
        command << a;
    }
    if (!freeze.isEmpty())
        QVERIFY(m_sb->freeze(freeze));
    const Run r = cli(before + globals() + command, password);
    if (!freeze.isEmpty())
        QVERIFY(m_sb->thaw(freeze));
    const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    qInfo("exit %d after %lld ms: %s", r.exitCode, r.ms, qPrintable(r.err.trimmed()));
    QTEST(r.exitCode, "exitCode");
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().startsWith(QLatin1String("topograph-cli: ")));
    QFETCH(QString, message);
    QVERIFY2(lines.first().contains(QRegularExpression(message)), qPrintable(lines.first()));
    QVERIFY(!r.err.contains(m_sb->password()));
    if (!password.isEmpty())
        QVERIFY(!r.err.contains(password));
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.ms < 8000); // a frozen server costs the connect timeout (2 s), not a hang
}

void tst_CliDiscovery::storeThatIsNotOursIsLeftUntouched_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("not SQLite") << "garbage" << "(?i)not .*SQLite|damaged|not a Topograph store|cannot open";
    QTest::newRow("newer schema") << "newer" << "newer Topograph";
}

void tst_CliDiscovery::storeThatIsNotOursIsLeftUntouched()
{
    QFETCH(QString, kind);
    const QString path = m_dir.filePath(kind + QStringLiteral(".sqlite"));
    if (kind == QLatin1String("garbage")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database\n").repeated(200));
    } else {
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {path, QStringLiteral("CREATE TABLE future (x); PRAGMA user_version=99;")});
        QVERIFY(sqlite.waitForFinished() && sqlite.exitCode() == 0);
    }
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());
    for (const QStringList &command : {QStringList{"discover", addr("a")}, QStringList{"clusters"},
                                       QStringList{"topology"}, QStringList{"watch", addr("a")}}) {
        const Run r = cli(globals(path) + command);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.trimmed().split(QLatin1Char('\n')).size() == 1, qPrintable(r.err));
        QFETCH(QString, message);
        QVERIFY2(r.err.contains(QRegularExpression(message)), qPrintable(r.err));
        QVERIFY2(r.err.contains(path), qPrintable(r.err));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }
}

void tst_CliDiscovery::watchPrintsChangesAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT (Ctrl-C)") << int(SIGINT);
}

void tst_CliDiscovery::watchPrintsChangesAndStopsOnSignal()
{
    QFETCH(int, signal);
    QProcess p;
    p.setProcessEnvironment(environment({}));
    // no seed: the fleet remembered by discover
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), globals() << QStringLiteral("watch"));
    QString out;
    auto waitOutput = [&](const QString &text, int ms) {
        return Sandbox::waitFor([&] {
            out += QString::fromUtf8(p.readAllStandardOutput());
            return out.contains(text);
        }, ms);
    };
    QVERIFY2(waitOutput(QStringLiteral("watching 4 instance(s) in 1 cluster(s)"), 10000), qPrintable(out));
    QVERIFY(m_sb->stopReplication(QStringLiteral("d")));
    QVERIFY2(waitOutput(addr("d") + QStringLiteral(" replication stopped"), 4000), qPrintable(out));
    QVERIFY(m_sb->startReplication(QStringLiteral("d")));
    QVERIFY2(waitOutput(addr("d") + QStringLiteral(" replication started"), 4000), qPrintable(out));

    QElapsedTimer t;
    t.start();
    ::kill(pid_t(p.processId()), signal);
    QVERIFY(p.waitForFinished(10000));
    out += QString::fromUtf8(p.readAllStandardOutput());
    qInfo("watch stopped %lld ms after the signal", t.elapsed());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("%1 received: stopping").arg(signal == SIGINT ? "SIGINT" : "SIGTERM")),
             qPrintable(out));
    // every line after the header starts with a UTC timestamp
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(QLatin1String("    ")) || QDateTime::fromString(line.section(QLatin1Char(' '), 0, 0), Qt::ISODateWithMs).isValid(),
                 qPrintable(line));
    QVERIFY(p.readAllStandardError().isEmpty());
}

void tst_CliDiscovery::discoverFromLocalhostUsesTheFleetsName()
{
    // "localhost" is one server under a second name (its replicas call it 127.0.0.1): discover
    // names it as the fleet does, remembers that name, and later commands accept either.
    const QString store = m_dir.filePath(QStringLiteral("localhost.sqlite"));
    const QString typed = QStringLiteral("localhost:%1").arg(m_sb->port(QStringLiteral("c")));
    Run r = cli(globals(store) << QStringLiteral("discover") << typed);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("%1 is %2 (the name its replicas use for it); remembered as %2.\n")
                                  .arg(typed, addr("c"))),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("Discovered 4 instance(s) in 1 cluster(s)")));
    QVERIFY(r.err.isEmpty());
    {
        QString error;
        auto s = Topograph::Store::open(store, &error);
        QVERIFY2(s, qPrintable(error));
        QStringList known;
        for (const Topograph::Store::KnownInstance &k : s->knownInstances())
            known << k.key.toString();
        known.sort();
        QStringList expected{addr("a"), addr("b"), addr("c"), addr("d")};
        expected.sort();
        QCOMPARE(known, expected);
    }
    r = cli(globals(store) << QStringLiteral("topology") << typed);
    QVERIFY2(r.exitCode == 0 && r.out.count(QLatin1Char('\n')) == 4, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("+ ") + addr("c")), qPrintable(r.out));
}

void tst_CliDiscovery::optionMistakesAreUsageErrorsBeforeAnything_data()
{
    QTest::addColumn<QStringList>("options"); // global options, replacing the defaults' --password-env
    QTest::addColumn<QString>("message");
    QTest::newRow("VERIFY_CA without a CA")
        << QStringList{"--password-env", "TG_PW", "--ssl-mode", "VERIFY_CA"}
        << "^topograph-cli: --ssl-mode VERIFY_CA needs --ssl-ca FILE";
    QTest::newRow("CA file missing")
        << QStringList{"--password-env", "TG_PW", "--ssl-mode", "VERIFY_CA", "--ssl-ca", "/nonexistent/ca.pem"}
        << "^topograph-cli: the --ssl-ca file '/nonexistent/ca.pem' does not exist";
    QTest::newRow("certificate without key")
        << QStringList{"--password-env", "TG_PW", "--ssl-mode", "REQUIRED", "--ssl-cert", "%self"}
        << "^topograph-cli: --ssl-cert and --ssl-key go together";
    QTest::newRow("password variable empty") << QStringList{"--password-env", "TG_EMPTY"}
                                             << "^topograph-cli: --password-env TG_EMPTY: the environment "
                                                "variable TG_EMPTY is empty";
    QTest::newRow("password variable unset") << QStringList{"--password-env", "TG_NO_SUCH_VARIABLE"}
                                             << "^topograph-cli: --password-env TG_NO_SUCH_VARIABLE: the "
                                                "environment variable TG_NO_SUCH_VARIABLE is not set";
}

void tst_CliDiscovery::optionMistakesAreUsageErrorsBeforeAnything()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    options.replaceInStrings(QStringLiteral("%self"), QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"));
    const QString store = m_dir.filePath(QStringLiteral("never-created.sqlite"));
    QProcessEnvironment extra;
    extra.insert(QStringLiteral("TG_EMPTY"), QString());
    for (const QString &command : {QStringLiteral("discover"), QStringLiteral("instance")}) {
        const Run r = cli(QStringList{QStringLiteral("--store"), store, QStringLiteral("--user"),
                                      QStringLiteral("topograph")}
                              + options + QStringList{command, addr("a")},
                          {}, extra);
        QCOMPARE(r.exitCode, 2); // a usage error: the option is wrong, not the server
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QRegularExpression(message)), qPrintable(lines.first()));
        QVERIFY2(!lines.first().contains(addr("a")), qPrintable(lines.first())); // no server blamed
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(store)); // nothing opened, nothing created
    }
}

void tst_CliDiscovery::watchForgetsAnAliasAsTheEngine()
{
    // A store that knows c under a second name too (discovered as localhost:PORT back when it had
    // no replica naming it): the watch sees both names are one server and forgets the alias on
    // its own, so the audit log names the engine, not the person who started the watch.
    const QString store = m_dir.filePath(QStringLiteral("alias.sqlite"));
    Run r = cli(globals(store) << QStringLiteral("discover") << addr("a"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Topograph::InstanceKey alias(QStringLiteral("localhost"), m_sb->port(QStringLiteral("c")));
    auto knowsAlias = [&] {
        QString error;
        auto s = Topograph::Store::open(store, &error);
        for (const Topograph::Store::KnownInstance &k : s->knownInstances())
            if (k.key == alias)
                return true;
        return false;
    };
    {
        QString error;
        auto s = Topograph::Store::open(store, &error);
        QVERIFY2(s, qPrintable(error));
        Topograph::Store::KnownInstance k;
        k.key = alias;
        QVERIFY2(s->upsertKnownInstance(k, &error), qPrintable(error));
    }
    QVERIFY(knowsAlias());
    QProcess p;
    p.setProcessEnvironment(environment({}));
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), globals(store) << QStringLiteral("watch"));
    QVERIFY(p.waitForStarted());
    const bool forgotten = Sandbox::waitFor([&] { return !knowsAlias(); }, 10000);
    ::kill(pid_t(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(10000));
    QVERIFY2(forgotten, qPrintable(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())));

    QString error;
    auto s = Topograph::Store::open(store, &error);
    QVERIFY2(s, qPrintable(error));
    Topograph::AuditFilter all;
    QList<Topograph::AuditEntry> forgets;
    for (const Topograph::AuditEntry &e : Topograph::AuditLog(*s).entries(all, &error))
        if (e.action == QLatin1String("forget-instance"))
            forgets << e;
    QCOMPARE(forgets.size(), 1);
    QCOMPARE(forgets.first().instance, alias.toString());
    QCOMPARE(forgets.first().actor, QStringLiteral("auto"));
}

QTEST_GUILESS_MAIN(tst_CliDiscovery)
#include "tst_cli_discovery.moc"
