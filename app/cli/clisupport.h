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
// *renamed receives alias -> name in the snapshot for each server reached under two names (a
// seed typed as localhost:PORT whose replicas call it 127.0.0.1:PORT).
TopologySnapshotPtr liveSnapshot(Context &ctx, Store &store, const QList<InstanceKey> &extraSeeds, int *exitCode,
                                 QHash<InstanceKey, InstanceKey> *renamed = nullptr);

void printJsonValue(Context &ctx, const QJsonValue &value);

} // namespace Topograph::Cli
