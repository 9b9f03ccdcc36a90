#pragma once

// Internal to core/operations: the pieces validate() assembles plans from.
#include "operation.h"

namespace Topograph::OperationsDetail {

struct Ctx
{
    const TopologySnapshot &s;
    const OperationRequest &r;
    OperationPlan p;
};

OperationPlan &refuse(Ctx &c, const QString &why);
OperationPlan &accept(Ctx &c, const QString &summary);
const ReplicationChannel *channelTo(const InstanceFacts &f, const InstanceKey &source);
// Instance known, reachable, not downtimed, not in maintenance; the refusal text or empty.
QString usable(const Ctx &c, const InstanceFacts *f, const InstanceKey &key, const QString &role,
    bool needReachable = true);
// A recovery/operation running on the cluster (as the caller said); the refusal text or empty.
QString busy(const Ctx &c, const QString &cluster);
OperationStep sql(const QString &name, const InstanceKey &server, const QStringList &statements,
    const QStringList &undo = {});
OperationStep waitExecuted(
    const InstanceKey &server, const InstanceKey &source, const QString &why);
OperationStep waitReplicating(const InstanceKey &server, const InstanceKey &source);
// start/stop replication, read_only, writeable, detach, reattach, repoint.
OperationPlan &instanceAction(Ctx &c, const InstanceFacts &x);

} // namespace Topograph::OperationsDetail
