#include "instancekey.h"

#include <QRegularExpression>

namespace Topograph {

InstanceKey::InstanceKey(const QString &host, int port)
    : m_host(host.trimmed().toLower())
    , m_port(port)
{}

QString InstanceKey::toString() const
{
    if (m_host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(m_host).arg(m_port);
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

std::optional<InstanceKey> InstanceKey::parse(const QString &text, QString *error, int defaultPort)
{
    auto fail = [&](const QString &why) -> std::optional<InstanceKey> {
        if (error)
            *error = QStringLiteral("'%1' is not a valid HOST:PORT: %2").arg(text, why);
        return std::nullopt;
    };
    const QString t = text.trimmed();
    if (t.isEmpty())
        return fail(QStringLiteral("it is empty"));

    QString host;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const int close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(QStringLiteral("an IPv6 address in brackets lacks its ']'"));
        host = t.mid(1, close - 1);
        const QString rest = t.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return fail(QStringLiteral("expected ':' after ']'"));
            portText = rest.mid(1);
        }
    } else {
        const int colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && t.indexOf(QLatin1Char(':')) != colon)
            return fail(QStringLiteral("write IPv6 addresses in brackets, e.g. [::1]:3306"));
        host = colon >= 0 ? t.left(colon) : t;
        portText = colon >= 0 ? t.mid(colon + 1) : QString();
        if (colon >= 0 && portText.isEmpty())
            return fail(QStringLiteral("the port after ':' is missing"));
    }
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9_.:%-]+$"));
    if (host.isEmpty())
        return fail(QStringLiteral("the host is missing"));
    if (!hostRe.match(host).hasMatch())
        return fail(QStringLiteral("the host contains characters a host name cannot have"));

    int port = defaultPort;
    if (!portText.isEmpty()) {
        bool ok = false;
        const qlonglong p = portText.toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("the port '%1' is not a number").arg(portText));
        if (p < 1 || p > 65535)
            return fail(QStringLiteral("the port %1 is outside 1-65535").arg(p));
        port = int(p);
    }
    if (port <= 0)
        return fail(QStringLiteral("the port is missing (write HOST:PORT, e.g. db1:3306)"));
    return InstanceKey(host, port);
}

} // namespace Topograph
