#pragma once

#include "model/topologysnapshot.h"
#include "mysql/connectionoptions.h"

namespace Topograph::Test {

class Sandbox;

// How tests reach a sandbox's servers: the least-privilege topology user, short timeouts.
ConnectionOptions connectionOptions(const Sandbox &sandbox, const InstanceKey &key);
InstanceKey keyOf(const Sandbox &sandbox, const QString &node);
QString nodeOf(const Sandbox &sandbox, const InstanceKey &key);

// Snapshots of a sandbox the way the engine's poller sees it: every server seen before is probed
// again, and one that no longer answers keeps its last known facts (its source, its replicas),
// marked unreachable. Call discover() before a failure so the fleet is known.
class KnownFleet
{
public:
    explicit KnownFleet(const Sandbox &sandbox) : m_sandbox(sandbox) {}
    TopologySnapshotPtr discover(const TopologySnapshot::Input &extra = {});
    TopologySnapshotPtr last() const { return m_known; }

private:
    const Sandbox &m_sandbox;
    TopologySnapshotPtr m_known;
};

} // namespace Topograph::Test
