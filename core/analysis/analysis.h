#pragma once

#include "model/instancekey.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Topograph {

// orchestrator's analysis vocabulary (REFERENCE.md), so DBAs recognise it, plus the per-cluster
// structure warnings. The names are part of the CLI/JSON contract: never rename one.
enum class AnalysisCode {
    // masters
    DeadMaster,
    DeadMasterAndSomeReplicas,
    DeadMasterAndReplicas,
    DeadMasterWithoutReplicas,
    UnreachableMaster,
    UnreachableMasterWithLaggingReplicas,
    AllMasterReplicasNotReplicating,
    AllMasterReplicasNotReplicatingOrDead,
    MasterSingleReplicaNotReplicating,
    MasterSingleReplicaDead,
    // intermediate masters
    DeadIntermediateMaster,
    DeadIntermediateMasterAndSomeReplicas,
    DeadIntermediateMasterWithSingleReplicaFailingToConnect,
    DeadIntermediateMasterAndReplicas,
    UnreachableIntermediateMaster,
    AllIntermediateMasterReplicasFailingToConnectOrDead,
    // co-masters, semi-sync, writeability, first tier
    DeadCoMaster,
    DeadCoMasterAndSomeReplicas,
    LockedSemiSyncMaster,
    NoWriteableMaster,
    FormerMasterReturned, // a master a recovery replaced answers again, outside its successor's cluster
    FirstTierReplicaFailingToConnectToMaster,
    // structure warnings
    ErrantGTID,
    NoLoggingReplicas,
    NoFailoverSupport,
    MixedBinlogFormats,
    MixedMajorVersions,
    DifferentGTIDModes,
    WritableReplica,
    ReplicationLagAboveThreshold,
    ReplicationSQLThreadError,
    ReplicationIOThreadError,
};

QString analysisCodeName(AnalysisCode code);
// Also accepts orchestrator's long structure-warning names ("ErrantGTIDStructureWarning").
std::optional<AnalysisCode> analysisCodeFromName(const QString &name);
QList<AnalysisCode> allAnalysisCodes();
bool isStructureWarning(AnalysisCode code);

enum class Severity { Info, Warning, Error, Critical };
QString severityName(Severity s); // info, warning, error, critical

struct AnalyzerSettings
{
    // orchestrator's ReasonableReplicationLagSeconds: lag above it is reported, and an unreachable
    // master whose replicas all lag more is UnreachableMasterWithLaggingReplicas.
    qint64 reasonableReplicationLagSeconds = 10;
    // orchestrator reports these two and recovers/fixes them only when told to.
    bool recoverLockedSemiSyncMaster = false;
    bool fixNoWriteableMaster = false;
    // Servers a recovery replaced -> the successor it promoted (the store's record). A replaced
    // server that answers again as a master of its own is FormerMasterReturned.
    QHash<InstanceKey, InstanceKey> replacedMasters;
};

struct Analysis
{
    AnalysisCode code = AnalysisCode::DeadMaster;
    QString cluster;      // the cluster's name (its master's host:port)
    QString clusterAlias; // empty when none
    InstanceKey instance; // the server the analysis is about
    QList<InstanceKey> affectedReplicas;
    // The code would trigger a recovery under policy (whether one runs is the policy's decision).
    // Never true for a downtimed instance.
    bool actionable = false;
    bool downtimed = false; // the instance is downtimed: shown, never acted on
    Severity severity = Severity::Warning;
    QString explanation; // one sentence naming the servers and the facts
    QJsonObject facts;   // what the decision was based on
    // Servers to probe again at once rather than at the next poll round.
    QList<InstanceKey> reprobe;

    QString codeName() const { return analysisCodeName(code); }
    // Stable across snapshots while the condition persists: for de-duplicating audit entries.
    QString identity() const;
    QJsonObject toJson() const;
};

// Would this code trigger a recovery (before downtime and policy)?
bool isActionableCode(AnalysisCode code, const AnalyzerSettings &settings);
Severity defaultSeverity(AnalysisCode code);

} // namespace Topograph
