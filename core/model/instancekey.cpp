#include "instancekey.h"

#include "text/safetext.h"

#include <QStringList>

#include <arpa/inet.h>

namespace Topograph {

namespace {

constexpr qsizetype MaxHostLength = 255; // DNS; also Connector/C's and the server's limit
constexpr qsizetype MaxLabelLength = 63;

bool isIpv6(const QString &host)
{
    const qsizetype percent = host.indexOf(QLatin1Char('%'));
    const QString address = percent < 0 ? host : host.left(percent);
    if (percent >= 0) {
        const QString zone = host.mid(percent + 1);
        if (zone.isEmpty())
            return false;
        for (QChar c : zone)
            if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('_') && c != QLatin1Char('.')
                && c != QLatin1Char('-'))
                return false;
    }
    in6_addr v6;
    return inet_pton(AF_INET6, address.toLatin1().constData(), &v6) == 1;
}

QString describe(QChar c)
{
    if (c == QLatin1Char(' '))
        return QStringLiteral("a space");
    if (c.unicode() == 0xFFFD)
        return QStringLiteral("bytes that are not UTF-8");
    if (c.unicode() < 0x20 || c.unicode() == 0x7F || (c.unicode() >= 0x80 && c.unicode() <= 0x9F))
        return QStringLiteral("the control character %1").arg(SafeText::line(QString(c)));
    if (c.unicode() >= 0x80)
        return QStringLiteral("the non-ASCII character %1 (write an internationalised name in its xn-- form)")
            .arg(SafeText::line(QString(c)));
    return QStringLiteral("'%1'").arg(c);
}

} // namespace

InstanceKey::InstanceKey(const QString &host, int port)
    : m_host(host.trimmed().toLower())
    , m_port(port)
    , m_hostOk(hostProblem(m_host).isEmpty())
{}

QString InstanceKey::hostProblem(const QString &host)
{
    auto bad = [&](const QString &why) {
        const QString shown = SafeText::line(host.left(80)) + (host.size() > 80 ? QStringLiteral("...") : QString());
        return QStringLiteral("the host '%1' %2").arg(shown, why);
    };
    if (host.isEmpty())
        return QStringLiteral("the host is empty");
    if (host.size() > MaxHostLength)
        return bad(QStringLiteral("is %1 characters long; a host name has at most %2").arg(host.size()).arg(MaxHostLength));
    if (host.contains(QLatin1Char(':'))) {
        if (isIpv6(host))
            return {};
        // Name the first character neither a host name nor an IPv6 address (with a zone) has.
        for (QChar c : host) {
            const char16_t u = c.unicode();
            const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                            || u == '-' || u == '_' || u == '.' || u == ':' || u == '%';
            if (!ok)
                return bad(QStringLiteral("contains %1, which a host name cannot have").arg(describe(c)));
        }
        return bad(QStringLiteral("has a ':' but is not an IPv6 address"));
    }
    for (QChar c : host) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                        || u == '-' || u == '_' || u == '.';
        if (!ok)
            return bad(QStringLiteral("contains %1, which a host name cannot have").arg(describe(c)));
    }
    // One trailing '.' is the DNS root ("db1.example.com."), not an empty label.
    const QString name = host.endsWith(QLatin1Char('.')) ? host.chopped(1) : host;
    for (const QString &label : name.split(QLatin1Char('.'))) {
        if (label.isEmpty())
            return bad(QStringLiteral("has an empty label (a leading, trailing or doubled '.')"));
        if (label.size() > MaxLabelLength)
            return bad(QStringLiteral("has a label longer than %1 characters").arg(MaxLabelLength));
        if (label.startsWith(QLatin1Char('-')))
            return bad(QStringLiteral("has a label that starts with '-'"));
    }
    return {};
}

QString InstanceKey::problem() const
{
    if (!m_hostOk)
        return hostProblem(m_host);
    if (m_port <= 0 || m_port > 65535)
        return QStringLiteral("the port %1 is outside 1-65535").arg(m_port);
    return {};
}

QString InstanceKey::toString() const
{
    const QString host = m_hostOk ? m_host : SafeText::line(m_host);
    if (m_hostOk && m_host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(m_port);
    return QStringLiteral("%1:%2").arg(host).arg(m_port);
}

std::optional<InstanceKey> InstanceKey::parse(const QString &text, QString *error, int defaultPort)
{
    const QString shown = SafeText::line(text);
    auto fail = [&](const QString &why) -> std::optional<InstanceKey> {
        if (error)
            *error = QStringLiteral("'%1' is not a valid HOST:PORT: %2").arg(shown, why);
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
        if (!host.isEmpty() && !isIpv6(host))
            return fail(QStringLiteral("'%1' in brackets is not an IPv6 address").arg(SafeText::line(host)));
    } else {
        const int colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && t.indexOf(QLatin1Char(':')) != colon)
            return fail(QStringLiteral("write IPv6 addresses in brackets, e.g. [::1]:3306"));
        host = colon >= 0 ? t.left(colon) : t;
        portText = colon >= 0 ? t.mid(colon + 1) : QString();
        if (colon >= 0 && portText.isEmpty())
            return fail(QStringLiteral("the port after ':' is missing"));
    }
    if (host.isEmpty())
        return fail(QStringLiteral("the host is missing"));
    if (const QString why = hostProblem(host.toLower()); !why.isEmpty())
        return fail(why + QStringLiteral(" (a name a server reported can still be named by its raw form for "
                                         "forget and promotion-rule)"));

    int port = defaultPort;
    if (!portText.isEmpty()) {
        bool ok = false;
        const qlonglong p = portText.toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("the port '%1' is not a number").arg(SafeText::line(portText)));
        if (p < 1 || p > 65535)
            return fail(QStringLiteral("the port %1 is outside 1-65535").arg(p));
        port = int(p);
    }
    if (port <= 0)
        return fail(QStringLiteral("the port is missing (write HOST:PORT, e.g. db1:3306)"));
    return InstanceKey(host, port);
}

std::optional<InstanceKey> InstanceKey::parseRaw(const QString &text, QString *error)
{
    const QString raw = SafeText::unescape(text);
    const qsizetype colon = raw.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? raw.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || port < 1 || port > 65535) {
        if (error)
            *error = QStringLiteral("'%1' is not HOST:PORT: it needs a port in 1-65535 after its last ':'")
                         .arg(SafeText::line(text));
        return std::nullopt;
    }
    QString host = raw.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return InstanceKey(host, port);
}

} // namespace Topograph
