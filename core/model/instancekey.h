#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>

namespace Topograph {

// How Topograph names a server everywhere: host and port, as the server's replicas see it
// (report_host/report_port when set). Host names are compared case-insensitively.
class InstanceKey
{
public:
    InstanceKey() = default;
    InstanceKey(const QString &host, int port);

    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    bool isValid() const { return !m_host.isEmpty() && m_port > 0 && m_port <= 65535; }
    QString toString() const;

    // Parses "host:port", "[v6addr]:port" or "host" (defaultPort). On failure returns nullopt and
    // sets *error to a sentence that names the input and says what is wrong.
    static std::optional<InstanceKey> parse(const QString &text, QString *error = nullptr,
                                            int defaultPort = 0);

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
};

} // namespace Topograph
