#pragma once

// Internal to the analyzer: the per-snapshot index and the shared vocabulary of the rule files
// (masteranalysis.cpp, intermediateanalysis.cpp, structureanalysis.cpp).

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Topograph {

// Is the server alive? Reachable, or it answered with an error that only a live server gives
// (access denied, too many connections). A Timeout or refused connection is not alive.
bool isAlive(const InstanceFacts &f);

// A client error code that means the IO thread could not reach its source (as opposed to the
// source answering and refusing: access denied, binlog purged, ...).
bool isConnectError(int ioErrno);

// How one replica's channel to the source under study stands.
enum class ReplicaState {
    Dead,             // the replica itself is unreachable
    Unknown,          // alive but not probed (access denied...): its replication status is unknown
    Replicating,      // IO and SQL threads running
    ReceivingOnly,    // IO thread running (streaming from the source), SQL thread not
    FailingToConnect, // IO thread cannot reach the source: a vote that the source is dead
    Stopped,          // both threads stopped with no connect error: a DBA's STOP SLAVE, not a vote
    Broken,           // IO thread stopped by a non-connect error, or stopped alone
};
QString replicaStateName(ReplicaState s);

struct ReplicaView
{
    const InstanceFacts *facts = nullptr;
    const ReplicationChannel *channel = nullptr; // the channel to the source under study
    ReplicaState state = ReplicaState::Unknown;
    std::optional<qint64> lag; // Seconds_Behind_Master minus SQL_Delay, when known

    InstanceKey key() const { return facts->key; }
    bool streaming() const { return state == ReplicaState::Replicating || state == ReplicaState::ReceivingOnly; }
    QString describe() const; // "stopped", "SQL error 1062", ... for explanations
    QJsonObject toJson() const;
};

ReplicaState classifyReplica(const InstanceFacts &replica, const ReplicationChannel &channel);

// The replicas of one source, maintenance ones left out (multi-source replicas whose secondary
// connection points at the source are included: they are witnesses of its health too).
struct ReplicaGroup
{
    QList<ReplicaView> views;
    // Replicas in maintenance are left out of views, but one still streaming from the source is
    // evidence that the source is up, and that must not be thrown away.
    QList<InstanceKey> maintenanceStreaming;

    bool isEmpty() const { return views.isEmpty(); }
    qsizetype size() const { return views.size(); }
    QList<InstanceKey> keys() const;
    QList<InstanceKey> keys(ReplicaState s) const;
    qsizetype count(ReplicaState s) const;
    qsizetype countStreaming() const;
    QJsonArray toJson() const;
    // "db2:3306 stopped, db3:3306 SQL error 1062", optionally leaving out one state.
    QString describe(std::optional<ReplicaState> except = std::nullopt) const;
};

// Verdict on an unreachable source from what its replicas say (the holistic rule).
enum class DeadSourceVerdict {
    NoReplicas,       // nobody to ask
    AllReplicasDead,  // nobody reachable to ask: maybe we are the ones cut off
    Streaming,        // some replica (even one in maintenance) still receives from it
    StreamingLagging, // ... but every streaming replica lags beyond the threshold
    NoVotes,          // no replica confirms (stopped by a DBA, unknown state)
    Dead,             // reachable replicas fail to connect, none streams, all replicas reachable
    DeadAndSomeReplicas, // as Dead, but some replicas are unreachable too
};
DeadSourceVerdict judgeUnreachableSource(const ReplicaGroup &group, qint64 reasonableLagSeconds);

class AnalysisContext
{
public:
    AnalysisContext(const TopologySnapshot &snapshot, const AnalyzerSettings &settings);

    const TopologySnapshot &snapshot() const { return m_snapshot; }
    const AnalyzerSettings &settings() const { return m_settings; }
    const InstanceFacts *facts(const InstanceKey &key) const { return m_index.value(key, nullptr); }
    bool inMaintenance(const InstanceKey &key) const { return m_snapshot.inMaintenance(key); }
    ReplicaGroup replicaGroup(const InstanceKey &source) const;

    // The uuids / server ids of every server replica replicates from, directly or further up
    // (all channels), stopping at unknown servers and cycles. Cost: the depth of the tree.
    void ancestry(const InstanceFacts &replica, QSet<QString> *uuids, QSet<quint32> *serverIds,
                  QList<const InstanceFacts *> *directSources) const;

    // Appends an analysis with the code's severity and actionability; the caller fills the rest.
    Analysis &add(AnalysisCode code, const ClusterInfo &cluster, const InstanceKey &instance);
    QList<Analysis> takeResults();

private:
    const TopologySnapshot &m_snapshot;
    const AnalyzerSettings &m_settings;
    QHash<InstanceKey, const InstanceFacts *> m_index;
    QList<Analysis> m_results;
};

// Text helpers shared by the rule files.
QString errorText(const InstanceFacts &f);           // "connection refused" / probe error kind
QString keyList(const QList<InstanceKey> &keys);      // "db2:3306, db3:3306" (long lists shortened)
QString replicasPhrase(qsizetype part, qsizetype whole); // "its only replica", "all 3 of its replicas", "2 of its 3 replicas"
QString verb(qsizetype n, const char *singular, const char *plural);
// "the only reachable replica fails", "both reachable replicas fail", "2 of the 3 reachable replicas fail"
QString reachablePhrase(qsizetype votes, qsizetype alive);
// "2 of its 3 replicas are still replicating from it" (also naming maintenance replicas streaming).
QString streamingPhrase(const ReplicaGroup &g);
QJsonObject instanceJson(const InstanceFacts &f);

namespace AnalysisRules {
void analyzeMasters(AnalysisContext &ctx, const ClusterInfo &cluster);
void analyzeIntermediateMasters(AnalysisContext &ctx, const ClusterInfo &cluster);
void analyzeStructure(AnalysisContext &ctx, const ClusterInfo &cluster);
} // namespace AnalysisRules

} // namespace Topograph
