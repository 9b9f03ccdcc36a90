#pragma once

#include "model/topologysnapshot.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Topograph {

// What a DBA does by dragging in the tree or from an instance's menu.
enum class OperationKind {
    Relocate, // instance below target
    MoveUp, // instance below its master's master
    TakeSiblings, // instance's siblings become its replicas
    Repoint, // instance to the same source again (fixes a broken connection)
    MakeCoMaster, // instance and its master replicate from each other
    GracefulTakeover, // instance (a replica of the master) becomes the cluster's master
    Rejoin, // a former master becomes a replica of target (the current master)
    StartReplica,
    StopReplica,
    SetReadOnly,
    SetWriteable,
    DetachReplica, // stop replication and keep the coordinates (reattach resumes)
    ReattachReplica,
    BeginDowntime,
    EndDowntime,
    BeginMaintenance,
    EndMaintenance,
    Forget,
    SetAlias,
};
QString operationKindName(OperationKind kind); // "relocate", "move-up", "graceful-takeover", ...
std::optional<OperationKind> operationKindFromName(const QString &name);

struct OperationRequest
{
    OperationKind kind = OperationKind::Relocate;
    InstanceKey instance; // the dragged instance; for a takeover the new master
    InstanceKey target; // relocate: the new source; rejoin: the current master
    QString cluster; // takeover (optional check: instance must be in it), alias
    QString text; // alias, or the downtime/maintenance reason
    int minutes = 0; // downtime length
    // ReasonableMaintenanceReplicationLagSeconds: a takeover refuses a target lagging beyond it.
    int maxLagSeconds = 20;
    // Replication user for a server that gets its first channel (an old master demoted, a
    // co-master); its password is substituted by the executor, never written in the plan.
    QString replicationUser;
    // Takeover: after read_only, also kill the old master's client connections (a session with
    // an open transaction otherwise keeps its locks, and a privileged one can still write).
    // Replication and system threads are never killed. Off unless asked.
    bool killClientConnections = false;
    // Recoveries and operations running now, cluster name -> id (from the store or the engine);
    // validate() stays pure: it refuses on what it is told, the executor's claim is the real guard.
    QHash<QString, qint64> running;
};

// One step of a plan. The executor runs Sql steps as they are written; the others are
// interpreted (the statement text then only describes them for a person and the record).
struct OperationStep
{
    enum Type {
        Sql, // statements on server, in order, on one connection
        WaitExecuted, // server waits until it executed source's current position (bounded)
        WaitReplicating, // server's replication from source is running (IO + SQL), bounded
        KillClients, // kill server's client connections (not replication, not system, not ours)
        Hooks, // the policy's hooks of `hookPoint`
        StoreChange, // downtime, maintenance, alias, forget: done in the store
        // File:pos moves (fileposplan.h): coordinates read on a server are kept under a name for
        // later steps, whose statements hold them as placeholders until then.
        ReadPosition, // server's stopped channel from source: where it executed in source's binlog
        ReadBinlogEnd, // server's own binlog end (SHOW MASTER STATUS), its replication stopped
        WaitPosition, // server executed source's binlog up to `coordinates` (bounded)
        CatchUp, // server's stopped channel from source runs UNTIL `coordinates`, if behind them
    };
    Type type = Sql;
    QString name; // "repoint db3 under db2"
    InstanceKey server; // where it runs; invalid for hooks and store changes
    QStringList statements; // SQL as it will run (replication password as a placeholder)
    InstanceKey source; // WaitExecuted / WaitReplicating, and the source of file:pos steps' channel
    QString hookPoint; // Hooks: "PreGracefulTakeover" / "PostGracefulTakeover"
    // File:pos steps: WaitPosition / CatchUp: the coordinates to reach; ReadPosition: a minimum
    // the server must have executed; ReadBinlogEnd: where the server's channel from source must
    // have stopped (both replicas at the same point). Empty = no check.
    QString coordinates;
    // ReadBinlogEnd: the server must be read_only (writes of its own would be skipped).
    bool readOnlyRequired = false;
    // Statements that put the server back as it was if a later step fails; empty = not undoable.
    QStringList undo;
    // The write-block of a takeover starts at the step with writeBlockStart and ends when the
    // step with writeBlockEnd completes.
    bool writeBlockStart = false;
    bool writeBlockEnd = false;
};

struct OperationPlan
{
    bool ok = false;
    OperationKind kind = OperationKind::Relocate;
    QString cluster; // the cluster it acts on (its master's host:port)
    QString summary; // one line: what will happen, or why not
    QString refusal; // empty when ok
    QStringList notes; // warnings that do not refuse
    QList<OperationStep> steps;
    // Takeover: what a person should expect while writes are refused.
    QString expectedWriteBlock;
    // Transactions that make the move unsafe (named in the refusal too).
    QStringList errantTransactions;
    // The replication account a server given its first channel will use: the request's, else
    // the one the cluster's replicas already use. Its password is what needsReplicationPassword asks for.
    QString replicationUser;

    explicit operator bool() const { return ok; }
    // Multi-line text for a person: summary, then each step with its statements.
    QString toText() const;
    // Some statement gives a server MASTER_PASSWORD (the replication password's placeholder):
    // running the plan without that password would leave a server that cannot connect.
    bool needsReplicationPassword() const;
};

// Pure and fast: no server round trip, no scan of the whole snapshot (index lookups and walks up
// the tree only), so the GUI can call it on every hover of a drag.
OperationPlan validate(const TopologySnapshot &snapshot, const OperationRequest &original);

// Placeholder of the replication password in planned statements; the executor substitutes it.
inline constexpr const char *replicationPasswordPlaceholder = "<replication password>";

} // namespace Topograph
