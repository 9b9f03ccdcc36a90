#pragma once

#include "probe.h"

#include "mysql/connectionoptions.h"

#include <functional>
#include <memory>

namespace Topograph {

class Connection;
class Reactor;

// Who Topograph connects as, per instance: user, password and TLS options (the lead wires it to
// the CLI/GUI options and the keychain). Called on the poller's thread, never concurrently.
using ConnectionOptionsProvider = std::function<ConnectionOptions(const InstanceKey &key)>;

// One server's persistent connection and its probe plan: the state machine the poller's reactor
// drives (probeAsync()), one probe at a time, its socket watched by the same reactor in between.
// Used by one thread at a time.
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
    // probe() as a coroutine whose waits the reactor drives; the session must outlive the task.
    Task<InstanceFacts> probeAsync(InstanceFacts previous, Reactor *reactor);

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
