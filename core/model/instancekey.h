#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>

namespace Topograph {

// How Topograph names a server everywhere: host and port, as the server's replicas see it
// (report_host/report_port when set). Host names are compared case-insensitively.
//
// Names come from servers (SHOW SLAVE HOSTS, Master_Host), and any account that can register a
// replica chooses what SHOW SLAVE HOSTS says. A key whose host is not a host name (see hostProblem:
// Connector/C would read ';', '=' or '://' as connection-string syntax) is not valid: nothing
// connects to it, the poller and the store refuse it, and it is printed escaped. It still exists,
// so that a bad name can be shown as what a server reported, forgotten and ruled by its raw form.
class InstanceKey
{
public:
    InstanceKey() = default;
    InstanceKey(const QString &host, int port);

    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    // A usable host name and a port in 1-65535: the only keys anything connects to.
    bool isValid() const { return m_hostOk && m_port > 0 && m_port <= 65535; }
    // Empty when isValid(), else what is wrong, e.g. "the host 'a;b' contains ';', which a host
    // name cannot have" (with the name escaped as SafeText::line does).
    QString problem() const;
    // "host:port", "[v6]:port"; an invalid host is escaped (SafeText::line), never printed raw.
    QString toString() const;

    // Empty when host is a name Topograph connects to: at most 255 characters, ASCII letters,
    // digits, '-', '_' and '.' in labels of at most 63 that do not start with '-' (DNS names,
    // IPv4), or an IPv6 address (with an optional %zone). Anything else (control characters,
    // ';', '=', '/', '<', spaces, non-ASCII, bytes that were not UTF-8) says what is wrong.
    static QString hostProblem(const QString &host);

    // Parses "host:port", "[v6addr]:port" or "host" (defaultPort). On failure returns nullopt and
    // sets *error to a sentence that names the input and says what is wrong.
    static std::optional<InstanceKey> parse(const QString &text, QString *error = nullptr,
                                            int defaultPort = 0);
    // "HOST:PORT" as printed for a name that failed validation (SafeText::line escapes such as
    // \x1b undone): a key that is not valid but names that server, for forget and promotion-rule.
    // nullopt (and *error) only when there is no port after the last ':'.
    static std::optional<InstanceKey> parseRaw(const QString &text, QString *error = nullptr);

    friend bool operator==(const InstanceKey &a, const InstanceKey &b)
    {
        return a.m_port == b.m_port && a.m_host == b.m_host;
    }
    friend bool operator!=(const InstanceKey &a, const InstanceKey &b) { return !(a == b); }
    friend bool operator<(const InstanceKey &a, const InstanceKey &b)
    {
        return a.m_host != b.m_host ? a.m_host < b.m_host : a.m_port < b.m_port;
    }
    friend size_t qHash(const InstanceKey &k, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, k.m_host, k.m_port);
    }

private:
    QString m_host; // lower-cased
    int m_port = 0;
    bool m_hostOk = false;
};

} // namespace Topograph
