#pragma once

#include "candidates.h"
#include "hookrunner.h"
#include "mysql/connectionoptions.h"
#include "policy.h"
#include "store/recoverylog.h"

#include <functional>

namespace Topograph {

class Connection;
class Store;

struct RecoveryRequest
{
    InstanceKey failed;
    QString analysisCode;  // DeadMaster, DeadMasterAndSomeReplicas, DeadIntermediateMaster..., DeadCoMaster...
    bool automatic = false;
    QString actor;         // "auto" or user@host
    std::optional<InstanceKey> candidate; // a person's choice of successor
    // "Force failover now": the master answers but must go (failing disk, hung storage engine).
    // Only a master of a cluster, only by a person. It is made read_only first and the candidate
    // waits for its last position, so nothing it committed is lost; if it does not answer, the
    // recovery goes on as for a dead master.
    bool forced = false;
    qint64 continues = 0; // an interrupted recovery this one completes (linked in the record)
};

struct RecoveryOutcome
{
    qint64 recoveryId = 0;
    bool success = false;
    bool refused = false;    // nothing was changed on any server
    qint64 runningId = 0;    // refused because this recovery runs on the cluster
    QString message;         // one sentence for a person
    std::optional<InstanceKey> successor;
    QStringList lost;
    qint64 elapsedMs = 0;
};

// Carries out one recovery on real servers, step by step, recording each step in the store before
// and after it runs, so that a crash leaves a truthful record. Synchronous: run it on a worker
// thread (it owns its connections; the Store must belong to the calling thread).
// Whether a recovery should run at all (policy, filters, anti-flapping) is decided by the caller.
class RecoveryExecutor
{
public:
    using OptionsFor = std::function<ConnectionOptions(const InstanceKey &)>;
    using Progress = std::function<void(const QString &step, StepOutcome outcome)>;

    RecoveryExecutor(Store &store, Policy policy, OptionsFor optionsFor);
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Bound on waiting for a candidate to apply what it received (MASTER_GTID_WAIT).
    void setApplyTimeoutSeconds(int seconds) { m_applyTimeoutSeconds = seconds; }
    // Bound on waiting for moved replicas' IO threads to connect to their new source.
    void setVerifySeconds(int seconds) { m_verifySeconds = seconds; }

    // STOP, CHANGE MASTER to newSource, START: the SQL thread stays stopped when a person had
    // stopped it (no error), only the IO thread starts.
    static QStringList repointStatements(const InstanceFacts &replica, const InstanceKey &oldSource,
                                         const InstanceKey &newSource);

    // Dispatches on the analysis code: master, intermediate master or co-master.
    RecoveryOutcome run(const TopologySnapshot &snapshot, const RecoveryRequest &request);

    // The plan run() would follow for a dead master, without touching anything.
    PromotionPlan plan(const TopologySnapshot &snapshot, const RecoveryRequest &request) const;

private:
    struct Context;
    RecoveryOutcome recoverMaster(Context &c, const TopologySnapshot &snapshot);
    // Forced failover: read_only on the live master, then the candidate waits for its last
    // position. False (and the master made writable again) when the candidate cannot get there.
    bool fenceLiveMasterFirst(Context &c, const InstanceFacts &oldMaster, const InstanceFacts &candidate,
                              RecoveryOutcome &out);
    // A recorded recovery already replaced the failed master and its successor's cluster has a
    // writable master that answers: recovering again would make a second master.
    struct TakenOver
    {
        qint64 recoveryId = 0;
        InstanceKey successor; // as the record names it
        InstanceKey master;    // the master of the successor's cluster now
    };
    std::optional<TakenOver> successorTookOver(Context &c, const TopologySnapshot &snapshot) const;
    // Promotes nobody: the failed master's replicas left behind move under the master that took over.
    RecoveryOutcome completeTakeover(Context &c, const TopologySnapshot &snapshot, const TakenOver &t);
    // Reads every follower's replication status until its IO thread runs from source (bounded):
    // what a recovery reports as following really does. Returns those that do not.
    QList<InstanceKey> verifyFollowers(Context &c, const TopologySnapshot &snapshot, const QList<InstanceKey> &followers,
                                       const InstanceKey &source);
    RecoveryOutcome recoverIntermediateMaster(Context &c, const TopologySnapshot &snapshot);
    RecoveryOutcome recoverCoMaster(Context &c, const TopologySnapshot &snapshot);

    bool claim(Context &c, const QString &kind, const QJsonObject &details, RecoveryOutcome &out);
    bool preFailoverHooks(Context &c, RecoveryOutcome &out);
    void postHooks(Context &c, const RecoveryOutcome &out, HookPoint successPoint);
    RecoveryOutcome finish(Context &c, RecoveryOutcome out);

    // One recorded step: begin, run body (returns ok and output), end.
    bool step(Context &c, const QString &name, const InstanceKey &server, const QString &statement,
              const std::function<bool(QString &output)> &body);
    bool runStatements(Context &c, const QString &name, const InstanceKey &server,
                       const QStringList &statements, int readTimeoutMs = 0);
    std::unique_ptr<Connection> connect(const InstanceKey &key, int readTimeoutMs = 0) const;

    // Repoints every key under newSource in parallel; records each step as it completes.
    QList<InstanceKey> repointAll(Context &c, const TopologySnapshot &snapshot, const QList<InstanceKey> &keys,
                                  const InstanceKey &newSource);
    bool waitApplied(Context &c, const InstanceFacts &replica);
    bool promote(Context &c, const InstanceFacts &candidate);
    void fenceOldMaster(Context &c, const InstanceFacts &oldMaster);
    void detachLost(Context &c, const TopologySnapshot &snapshot, const QList<InstanceKey> &lost);

    Store &m_store;
    Policy m_policy;
    OptionsFor m_optionsFor;
    Progress m_progress;
    int m_applyTimeoutSeconds = 30;
    int m_verifySeconds = 5;
};

} // namespace Topograph
