#include "analysis.h"

#include <QJsonArray>

namespace Topograph {

namespace {

struct CodeInfo
{
    AnalysisCode code;
    const char *name;
    Severity severity;
    bool structure;
};

// One table so that names, severities and the structure flag cannot drift apart.
constexpr CodeInfo codeTable[] = {
    {AnalysisCode::DeadMaster, "DeadMaster", Severity::Critical, false},
    {AnalysisCode::DeadMasterAndSomeReplicas, "DeadMasterAndSomeReplicas", Severity::Critical, false},
    {AnalysisCode::DeadMasterAndReplicas, "DeadMasterAndReplicas", Severity::Critical, false},
    {AnalysisCode::DeadMasterWithoutReplicas, "DeadMasterWithoutReplicas", Severity::Critical, false},
    {AnalysisCode::UnreachableMaster, "UnreachableMaster", Severity::Error, false},
    {AnalysisCode::UnreachableMasterWithLaggingReplicas, "UnreachableMasterWithLaggingReplicas", Severity::Error, false},
    {AnalysisCode::AllMasterReplicasNotReplicating, "AllMasterReplicasNotReplicating", Severity::Error, false},
    {AnalysisCode::AllMasterReplicasNotReplicatingOrDead, "AllMasterReplicasNotReplicatingOrDead", Severity::Error, false},
    {AnalysisCode::MasterSingleReplicaNotReplicating, "MasterSingleReplicaNotReplicating", Severity::Error, false},
    {AnalysisCode::MasterSingleReplicaDead, "MasterSingleReplicaDead", Severity::Error, false},
    {AnalysisCode::DeadIntermediateMaster, "DeadIntermediateMaster", Severity::Error, false},
    {AnalysisCode::DeadIntermediateMasterAndSomeReplicas, "DeadIntermediateMasterAndSomeReplicas", Severity::Error, false},
    {AnalysisCode::DeadIntermediateMasterWithSingleReplicaFailingToConnect,
     "DeadIntermediateMasterWithSingleReplicaFailingToConnect", Severity::Error, false},
    {AnalysisCode::DeadIntermediateMasterAndReplicas, "DeadIntermediateMasterAndReplicas", Severity::Error, false},
    {AnalysisCode::UnreachableIntermediateMaster, "UnreachableIntermediateMaster", Severity::Warning, false},
    {AnalysisCode::AllIntermediateMasterReplicasFailingToConnectOrDead,
     "AllIntermediateMasterReplicasFailingToConnectOrDead", Severity::Error, false},
    {AnalysisCode::DeadCoMaster, "DeadCoMaster", Severity::Critical, false},
    {AnalysisCode::DeadCoMasterAndSomeReplicas, "DeadCoMasterAndSomeReplicas", Severity::Critical, false},
    {AnalysisCode::LockedSemiSyncMaster, "LockedSemiSyncMaster", Severity::Critical, false},
    {AnalysisCode::NoWriteableMaster, "NoWriteableMaster", Severity::Error, false},
    {AnalysisCode::FormerMasterReturned, "FormerMasterReturned", Severity::Warning, false},
    {AnalysisCode::FirstTierReplicaFailingToConnectToMaster, "FirstTierReplicaFailingToConnectToMaster",
     Severity::Warning, false},
    {AnalysisCode::ErrantGTID, "ErrantGTID", Severity::Error, true},
    {AnalysisCode::NoLoggingReplicas, "NoLoggingReplicas", Severity::Warning, true},
    {AnalysisCode::NoFailoverSupport, "NoFailoverSupport", Severity::Warning, true},
    {AnalysisCode::MixedBinlogFormats, "MixedBinlogFormats", Severity::Warning, true},
    {AnalysisCode::MixedMajorVersions, "MixedMajorVersions", Severity::Warning, true},
    {AnalysisCode::DifferentGTIDModes, "DifferentGTIDModes", Severity::Warning, true},
    {AnalysisCode::WritableReplica, "WritableReplica", Severity::Warning, true},
    {AnalysisCode::ReplicationLagAboveThreshold, "ReplicationLagAboveThreshold", Severity::Warning, true},
    {AnalysisCode::ReplicationSQLThreadError, "ReplicationSQLThreadError", Severity::Error, true},
    {AnalysisCode::ReplicationIOThreadError, "ReplicationIOThreadError", Severity::Error, true},
};

const CodeInfo &info(AnalysisCode code)
{
    for (const CodeInfo &i : codeTable)
        if (i.code == code)
            return i;
    return codeTable[0];
}

QJsonArray keysJson(const QList<InstanceKey> &keys)
{
    QJsonArray a;
    for (const InstanceKey &k : keys)
        a.append(k.toString());
    return a;
}

} // namespace

QString analysisCodeName(AnalysisCode code)
{
    return QString::fromLatin1(info(code).name);
}

std::optional<AnalysisCode> analysisCodeFromName(const QString &name)
{
    static const QLatin1String suffix("StructureWarning");
    QString n = name.trimmed();
    if (n.endsWith(suffix))
        n.chop(suffix.size());
    for (const CodeInfo &i : codeTable)
        if (n.compare(QLatin1String(i.name), Qt::CaseInsensitive) == 0)
            return i.code;
    return std::nullopt;
}

QList<AnalysisCode> allAnalysisCodes()
{
    QList<AnalysisCode> out;
    for (const CodeInfo &i : codeTable)
        out.append(i.code);
    return out;
}

bool isStructureWarning(AnalysisCode code)
{
    return info(code).structure;
}

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Error: return QStringLiteral("error");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("warning");
}

Severity defaultSeverity(AnalysisCode code)
{
    return info(code).severity;
}

bool isActionableCode(AnalysisCode code, const AnalyzerSettings &settings)
{
    switch (code) {
    case AnalysisCode::DeadMaster:
    case AnalysisCode::DeadMasterAndSomeReplicas:
    case AnalysisCode::DeadIntermediateMaster:
    case AnalysisCode::DeadIntermediateMasterAndSomeReplicas:
    case AnalysisCode::DeadIntermediateMasterWithSingleReplicaFailingToConnect:
    case AnalysisCode::AllIntermediateMasterReplicasFailingToConnectOrDead:
    case AnalysisCode::DeadCoMaster:
    case AnalysisCode::DeadCoMasterAndSomeReplicas:
        return true;
    case AnalysisCode::LockedSemiSyncMaster:
        return settings.recoverLockedSemiSyncMaster;
    case AnalysisCode::NoWriteableMaster:
        return settings.fixNoWriteableMaster;
    default:
        return false;
    }
}

QString Analysis::identity() const
{
    return codeName() + QLatin1Char(' ') + cluster + QLatin1Char(' ') + instance.toString();
}

QJsonObject Analysis::toJson() const
{
    return QJsonObject{
        {QStringLiteral("code"), codeName()},
        {QStringLiteral("cluster"), cluster},
        {QStringLiteral("clusterAlias"), clusterAlias},
        {QStringLiteral("instance"), instance.toString()},
        {QStringLiteral("affectedReplicas"), keysJson(affectedReplicas)},
        {QStringLiteral("actionable"), actionable},
        {QStringLiteral("downtimed"), downtimed},
        {QStringLiteral("structureWarning"), isStructureWarning(code)},
        {QStringLiteral("severity"), severityName(severity)},
        {QStringLiteral("explanation"), explanation},
        {QStringLiteral("facts"), facts},
        {QStringLiteral("reprobe"), keysJson(reprobe)},
    };
}

} // namespace Topograph
