#include "sandbox.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Topograph::Test {

namespace {

bool portFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

int countNodes(const QString &topology)
{
    QStringList names;
    for (const QString &edge : topology.split(QLatin1Char(','), Qt::SkipEmptyParts))
        for (const QString &n : edge.split(QLatin1Char('>'), Qt::SkipEmptyParts))
            if (!names.contains(n.trimmed()))
                names.append(n.trimmed());
    return int(names.size());
}

} // namespace

QString sandboxScript()
{
    return QStringLiteral(TOPOGRAPH_SOURCE_DIR "/scripts/sandbox");
}

Sandbox::Sandbox(const QString &topology, Options options)
    : m_dir(std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/tg-sandbox-XXXXXX")))
{
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString();
        return;
    }
    const int nodes = countNodes(topology);
    // Random bases spread parallel tests apart; a clash (another test won the race for a port)
    // makes `up` fail cleanly, and we try elsewhere.
    for (int attempt = 0; attempt < 6 && !m_up; ++attempt) {
        const int base = 20000 + int(QRandomGenerator::global()->bounded(800)) * 50;
        bool free = true;
        for (int p = base; p < base + nodes + 4 && free; ++p)
            free = portFree(p);
        if (!free)
            continue;
        QStringList args{QStringLiteral("up"), QStringLiteral("--base-port"), QString::number(base),
                         QStringLiteral("--topology"), topology, QStringLiteral("--owner-pid"),
                         QString::number(QCoreApplication::applicationPid())};
        if (options.tls)
            args << QStringLiteral("--tls");
        if (options.noGtid)
            args << QStringLiteral("--no-gtid");
        bool ok = false;
        const QString out = run(args, &ok, 120000);
        if (!ok) {
            if (!m_error.contains(QLatin1String("already in use")))
                return;
            continue;
        }
        m_up = true;
        static const QRegularExpression row(QStringLiteral("^(\\S+)\\s+127\\.0\\.0\\.1:(\\d+)\\s"));
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            const auto m = row.match(line);
            if (m.hasMatch())
                m_ports.insert(m.captured(1), m.captured(2).toInt());
        }
    }
    if (!m_up) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("no free range of loopback ports found for the sandbox");
        return;
    }
    QFile env(dir() + QStringLiteral("/sandbox.env"));
    if (env.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : env.readAll().split('\n')) {
            const int eq = line.indexOf('=');
            if (eq > 0)
                m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
    }
}

Sandbox::~Sandbox()
{
    down();
}

QString Sandbox::dir() const
{
    return m_dir ? m_dir->path() : QString();
}

QString Sandbox::address(const QString &node) const
{
    return QStringLiteral("127.0.0.1:%1").arg(port(node));
}

qint64 Sandbox::pid(const QString &node)
{
    bool ok = false;
    const QString out = run({QStringLiteral("pid"), node}, &ok);
    return ok ? out.trimmed().toLongLong() : 0;
}

bool Sandbox::add(const QString &node, const QString &source)
{
    bool ok = false;
    const QString out = run({QStringLiteral("add"), node, QStringLiteral("--source"), source}, &ok);
    static const QRegularExpression re(QStringLiteral("127\\.0\\.0\\.1:(\\d+)"));
    const auto m = re.match(out);
    if (ok && m.hasMatch())
        m_ports.insert(node, m.captured(1).toInt());
    return ok;
}

QString Sandbox::status()
{
    return run({QStringLiteral("status")});
}

QString Sandbox::sql(const QString &node, const QString &statement, bool *ok)
{
    return run({QStringLiteral("sql"), node, statement}, ok).trimmed();
}

bool Sandbox::semiSync(const QString &master, const QStringList &replicas)
{
    bool ok = true;
    sql(master, QStringLiteral("SET GLOBAL rpl_semi_sync_master_wait_point = AFTER_SYNC; "
                               "SET GLOBAL rpl_semi_sync_master_timeout = 60000; "
                               "SET GLOBAL rpl_semi_sync_master_enabled = ON"), &ok);
    for (const QString &r : replicas) {
        if (!ok)
            return false;
        // A replica announces semi-sync when its IO thread connects: reconnect it.
        sql(r, QStringLiteral("SET GLOBAL rpl_semi_sync_slave_enabled = ON; STOP SLAVE IO_THREAD; START SLAVE IO_THREAD"), &ok);
    }
    const QString clients = QString::number(replicas.size());
    return ok && waitFor([&] {
        return sql(master, QStringLiteral("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                                          "WHERE VARIABLE_NAME = 'RPL_SEMI_SYNC_MASTER_CLIENTS'")) == clients;
    }, 10000);
}

QMap<QString, QString> Sandbox::slaveStatus(const QString &node)
{
    // The client's vertical output gives name: value lines, independent of column order.
    QMap<QString, QString> fields;
    QProcess p;
    p.setProgram(QStringLiteral("mariadb"));
    p.setArguments({QStringLiteral("--no-defaults"), QStringLiteral("-uroot"),
                    QStringLiteral("-S"), dir() + QStringLiteral("/") + node + QStringLiteral("/mariadbd.sock"),
                    QStringLiteral("--vertical"), QStringLiteral("-e"), QStringLiteral("SHOW SLAVE STATUS")});
    p.start();
    if (!p.waitForFinished(10000))
        return fields;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0 && !line.startsWith(QLatin1Char('*')))
            fields.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return fields;
}

bool Sandbox::down()
{
    if (!m_dir || !m_dir->isValid())
        return true;
    bool ok = false;
    run({QStringLiteral("down")}, &ok);
    m_up = false;
    return ok;
}

QString Sandbox::run(const QStringList &arguments, bool *ok, int timeoutMs)
{
    QProcess p;
    p.setProgram(sandboxScript());
    p.setArguments(QStringList(arguments) << QStringLiteral("--dir") << dir());
    p.start();
    const bool finished = p.waitForStarted() && p.waitForFinished(timeoutMs);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    const bool success = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!success) {
        if (!finished)
            p.kill();
        m_error = QStringLiteral("scripts/sandbox %1 failed: %2")
                      .arg(arguments.join(QLatin1Char(' ')), finished ? err : QStringLiteral("timed out"));
    }
    if (ok)
        *ok = success;
    return out;
}

bool Sandbox::runOk(const QStringList &arguments)
{
    bool ok = false;
    run(arguments, &ok);
    return ok;
}

bool Sandbox::waitFor(const std::function<bool()> &predicate, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!predicate()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(20);
    }
    return true;
}

} // namespace Topograph::Test
