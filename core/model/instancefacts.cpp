#include "instancefacts.h"

#include <QRegularExpression>

namespace Topograph {

QString flavorName(Flavor f)
{
    switch (f) {
    case Flavor::MySQL: return QStringLiteral("MySQL");
    case Flavor::MariaDB: return QStringLiteral("MariaDB");
    case Flavor::Percona: return QStringLiteral("Percona");
    case Flavor::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString threadStateName(ThreadState s)
{
    switch (s) {
    case ThreadState::Running: return QStringLiteral("Yes");
    case ThreadState::Connecting: return QStringLiteral("Connecting");
    case ThreadState::Stopped: return QStringLiteral("No");
    case ThreadState::Unknown: break;
    }
    return QStringLiteral("unknown");
}

ThreadState threadStateFromText(const QString &text)
{
    if (text.compare(QLatin1String("Yes"), Qt::CaseInsensitive) == 0)
        return ThreadState::Running;
    if (text.compare(QLatin1String("No"), Qt::CaseInsensitive) == 0)
        return ThreadState::Stopped;
    if (text.compare(QLatin1String("Connecting"), Qt::CaseInsensitive) == 0)
        return ThreadState::Connecting;
    return ThreadState::Unknown;
}

QString probeErrorName(ProbeError e)
{
    switch (e) {
    case ProbeError::None: return QStringLiteral("none");
    case ProbeError::Unreachable: return QStringLiteral("unreachable");
    case ProbeError::Timeout: return QStringLiteral("timeout");
    case ProbeError::AccessDenied: return QStringLiteral("access denied");
    case ProbeError::TooManyConnections: return QStringLiteral("too many connections");
    case ProbeError::Tls: return QStringLiteral("TLS error");
    case ProbeError::NotMySql: return QStringLiteral("not a MySQL server");
    case ProbeError::ServerError: return QStringLiteral("server error");
    }
    return QStringLiteral("unknown");
}

bool ReplicationChannel::isFailingToConnect() const
{
    // Client error codes the IO thread reports when its source cannot be reached:
    // 2003 can't connect, 2005 unknown host, 2013 lost connection, 2006 gone away, 1159/1158 net
    // read/write timeouts (slave_net_timeout expired on a frozen source).
    static const int connectErrors[] = {2003, 2005, 2013, 2006, 1158, 1159, 1161};
    if (sqlThread != ThreadState::Running)
        return false;
    if (ioThread == ThreadState::Running)
        return false;
    if (ioThread == ThreadState::Connecting)
        return true;
    for (int e : connectErrors)
        if (lastIoErrno == e)
            return true;
    return false;
}

const ReplicationChannel *InstanceFacts::primaryChannel() const
{
    for (const ReplicationChannel &c : channels)
        if (c.name.isEmpty())
            return &c;
    return channels.isEmpty() ? nullptr : &channels.first();
}

std::optional<InstanceKey> InstanceFacts::sourceKey() const
{
    const ReplicationChannel *c = primaryChannel();
    if (!c)
        return std::nullopt;
    // A detached replica's source is "//host" (not a host name, never connected to); any other
    // name that fails validation is no source anything may use.
    const QString &host = c->source.host();
    const bool detached = host.startsWith(QLatin1String("//"))
                          && InstanceKey(host.mid(2), c->source.port()).isValid();
    if (!c->source.isValid() && !detached)
        return std::nullopt;
    return c->source;
}

int InstanceFacts::versionNumber() const
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)"));
    const auto m = re.match(version);
    if (!m.hasMatch())
        return 0;
    return m.captured(1).toInt() * 100 + m.captured(2).toInt();
}

bool InstanceFacts::hasGtid() const
{
    if (flavor == Flavor::MariaDB)
        return true;
    return gtidMode.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0;
}

} // namespace Topograph
