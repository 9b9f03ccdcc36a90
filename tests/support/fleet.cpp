#include "fleet.h"

#include "discovery/discovery.h"
#include "sandbox.h"

namespace Topograph::Test {

ConnectionOptions connectionOptions(const Sandbox &sandbox, const InstanceKey &key)
{
    ConnectionOptions o;
    o.key = key;
    o.user = sandbox.user();
    o.password = sandbox.password();
    o.connectTimeoutMs = 1000;
    o.readTimeoutMs = 3000;
    return o;
}

InstanceKey keyOf(const Sandbox &sandbox, const QString &node)
{
    return InstanceKey(QStringLiteral("127.0.0.1"), sandbox.port(node));
}

QString nodeOf(const Sandbox &sandbox, const InstanceKey &key)
{
    for (const QString &n : sandbox.nodes())
        if (sandbox.port(n) == key.port())
            return n;
    return {};
}

TopologySnapshotPtr KnownFleet::discover(const TopologySnapshot::Input &extra)
{
    Discovery::Options o;
    o.connectionOptions = [this](const InstanceKey &k) { return connectionOptions(m_sandbox, k); };
    QList<InstanceKey> seeds;
    for (const QString &n : m_sandbox.nodes())
        seeds << keyOf(m_sandbox, n);
    if (m_known)
        for (const InstanceKey &k : m_known->instances().keys())
            if (!seeds.contains(k))
                seeds << k;
    const auto r = Discovery::discover(seeds, o);
    TopologySnapshot::Input in = extra;
    in.instances.clear();
    for (InstanceFacts f : r.instances) {
        if (!f.reachable && m_known && m_known->instance(f.key)) {
            InstanceFacts last = *m_known->instance(f.key);
            last.reachable = false;
            last.lastError = f.lastError;
            last.lastErrorText = f.lastErrorText;
            f = last;
        }
        in.instances << f;
    }
    m_known = TopologySnapshot::build(in);
    return m_known;
}

} // namespace Topograph::Test
