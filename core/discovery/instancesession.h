#pragma once

#include "probe.h"

#include "mysql/connectionoptions.h"

#include <functional>
#include <memory>

namespace Topograph {

class Connection;

// Who Topograph connects as, per instance: user, password and TLS options (the lead wires it to
// the CLI/GUI options and the keychain). Called on the poller's thread, never concurrently.
using ConnectionOptionsProvider = std::function<ConnectionOptions(const InstanceKey &key)>;

// One server's persistent connection and its probe plan. Used by one thread at a time (the
// poller hands it to a worker for a probe and watches its socket in between).
class InstanceSession
{
public:
    explicit InstanceSession(ConnectionOptions options);
    ~InstanceSession();
    InstanceSession(const InstanceSession &) = delete;
    InstanceSession &operator=(const InstanceSession &) = delete;

    const InstanceKey &key() const { return m_key; }

    // Probes over the persistent connection (opened on first use, reopened only when lost).
    InstanceFacts probe(const InstanceFacts &previous);

    bool isOpen() const;
    // The connection's socket while it is open, else -1.
    int socketDescriptor() const;
    // How many times the connection was (re)opened.
    qint64 connectCount() const;
    int lastStatementCount() const { return m_probe.statementCount(); }
    void close();

private:
    InstanceKey m_key;
    std::unique_ptr<Connection> m_connection;
    Probe m_probe;
};

} // namespace Topograph
