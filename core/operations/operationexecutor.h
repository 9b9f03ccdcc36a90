#pragma once

#include "mysql/connectionoptions.h"
#include "operation.h"
#include "recovery/policy.h"
#include "store/recoverylog.h"

#include <functional>

namespace Topograph {

class Store;

struct OperationOutcome
{
    qint64 operationId = 0; // its record in the recovery log (0 for store-only actions)
    bool success = false;
    bool refused = false; // nothing was changed on any server
    qint64 runningId = 0; // refused because this recovery/operation runs on the cluster
    QString message; // one sentence for a person
    QStringList undone; // names of the steps that were undone after a failure
    qint64 writeBlockedMs
        = -1; // takeover: from read_only on the old master to the new master writable
    qint64 elapsedMs = 0;
    OperationPlan plan;
};

// Carries a validated plan out on real servers. Each step is recorded in the store before and after
// it runs (as a "recovery" of kind relocate, graceful-takeover, ...: the same claim that serialises
// recoveries makes an operation refuse while one runs on the cluster, and the other way round), and
// every record is in the audit log. On a failure, the completed steps are undone in reverse order
// as long as that is safe: undoing stops at the first completed step that cannot be undone
// (a promotion), since going back past it would make two writable masters.
// Synchronous; the Store must belong to the calling thread.
class OperationExecutor
{
public:
    using OptionsFor = std::function<ConnectionOptions(const InstanceKey &)>;

    OperationExecutor(Store &store, Policy policy, OptionsFor optionsFor);
    // Password of OperationRequest::replicationUser (registered as a secret, never recorded).
    void setReplicationPassword(const QString &password);
    // Bound on each wait step (catch-up, replication running).
    void setWaitTimeoutSeconds(int seconds) { m_waitSeconds = seconds; }
    // Called on the executing thread as each step starts (Running) and ends, undo steps included,
    // so a window can show live progress; the store holds the same record.
    using Progress = std::function<void(const QString &step, StepOutcome outcome)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    OperationOutcome execute(const TopologySnapshot &snapshot, const OperationRequest &request);

private:
    struct Run;
    OperationOutcome storeChange(
        const TopologySnapshot &snapshot, const OperationRequest &request, OperationOutcome out);
    bool runStep(Run &run, const OperationStep &step, QString &output);
    bool runSql(
        Run &run, const InstanceKey &server, const QStringList &statements, QString &output);
    bool waitExecuted(Run &run, const OperationStep &step, QString &output);
    bool waitReplicating(Run &run, const OperationStep &step, QString &output);
    bool runHooks(Run &run, const OperationStep &step, QString &output);
    bool killClients(Run &run, const OperationStep &step, QString &output);
    void audit(
        const OperationRequest &request, const OperationOutcome &out, const QString &cluster);

    Store &m_store;
    Policy m_policy;
    OptionsFor m_optionsFor;
    QString m_replicationPassword;
    int m_waitSeconds = 10;
    Progress m_progress;
};

// Where a former master rejoins: the master, in this snapshot, of the cluster that the successor
// named by the latest successful recovery of `old` belongs to now (it may itself have been
// replaced or taken over since). nullopt when no recovery replaced `old`. `replaced` is
// RecoveryLog::replacedMasters() (the engine keeps it current); the Store form reads it.
std::optional<InstanceKey> rejoinTarget(const QHash<InstanceKey, InstanceKey> &replaced, const TopologySnapshot &snapshot,
                                        const InstanceKey &old);
std::optional<InstanceKey> rejoinTarget(Store &store, const TopologySnapshot &snapshot, const InstanceKey &old);

} // namespace Topograph
