#pragma once

#include "clicontext.h"

#include "model/topologysnapshot.h"

#include <QJsonValue>

namespace Topograph {
class Store;
}

namespace Topograph::Cli {

// The fleet as it is now: every instance the store knows plus extraSeeds, probed live. A server
// that does not answer keeps the place its last successful probe gave it (from the store), marked
// unreachable; downtime, maintenance, promotion rules and aliases come from the store. What was
// learnt is remembered. On failure reports it and returns nullptr with *exitCode set.
TopologySnapshotPtr liveSnapshot(Context &ctx, Store &store, const QList<InstanceKey> &extraSeeds, int *exitCode);

void printJsonValue(Context &ctx, const QJsonValue &value);

} // namespace Topograph::Cli
