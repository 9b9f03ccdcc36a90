#include "recoverydecision.h"

#include "filters.h"

namespace Topograph {

QString recoveryDecisionName(RecoveryDecision::Kind kind)
{
    switch (kind) {
    case RecoveryDecision::Recover: return QStringLiteral("recover");
    case RecoveryDecision::NotActionable: return QStringLiteral("not-actionable");
    case RecoveryDecision::Downtimed: return QStringLiteral("downtimed");
    case RecoveryDecision::DetectOnly: return QStringLiteral("detect-only");
    case RecoveryDecision::NotCovered: return QStringLiteral("not-covered");
    case RecoveryDecision::Blocked: return QStringLiteral("blocked");
    case RecoveryDecision::Waiting: return QStringLiteral("waiting");
    }
    return {};
}

RecoveryDecision decideAutomaticRecovery(const Analysis &analysis, const Policy &policy,
                                         const std::optional<Recovery> &recent, const QDateTime &nowUtc,
                                         const QList<InstanceKey> &notYetProbed)
{
    RecoveryDecision d;
    const QString cluster = analysis.clusterAlias.isEmpty()
                                ? analysis.cluster
                                : QStringLiteral("%1 (%2)").arg(analysis.cluster, analysis.clusterAlias);
    if (analysis.downtimed) {
        d.kind = RecoveryDecision::Downtimed;
        d.reason = QStringLiteral("%1 is downtimed: Topograph does not act on it (end the downtime to allow recovery)")
                       .arg(analysis.instance.toString());
        return d;
    }
    if (!analysis.actionable) {
        d.kind = RecoveryDecision::NotActionable;
        d.reason = QStringLiteral("%1 is reported, not recovered").arg(analysis.codeName());
        return d;
    }
    if (!policy.autoFailover) {
        d.kind = RecoveryDecision::DetectOnly;
        d.reason = QStringLiteral("AutoFailover is off: detection only (recover by hand with "
                                  "`topograph-cli recover %1`, or turn AutoFailover on)")
                       .arg(analysis.instance.toString());
        return d;
    }
    const bool intermediate = analysis.codeName().contains(QLatin1String("IntermediateMaster"));
    const QStringList entries = intermediate ? policy.recoverIntermediateMasterClusterFilters
                                             : policy.recoverMasterClusterFilters;
    const char *key = intermediate ? "RecoverIntermediateMasterClusterFilters" : "RecoverMasterClusterFilters";
    const auto filter = ClusterFilter::parse(entries);
    if (!filter || !filter->matches(analysis.cluster, analysis.clusterAlias)) {
        d.kind = RecoveryDecision::NotCovered;
        d.reason = QStringLiteral("cluster %1 is not covered by %2 %3")
                       .arg(cluster, QLatin1String(key),
                            entries.isEmpty() ? QStringLiteral("(empty: covers no cluster)")
                                              : QLatin1Char('[') + entries.join(QStringLiteral(", ")) + QLatin1Char(']'));
        return d;
    }
    if (!notYetProbed.isEmpty()) {
        QStringList names;
        for (const InstanceKey &k : notYetProbed.mid(0, 5))
            names << k.toString();
        if (notYetProbed.size() > 5)
            names << QStringLiteral("%1 more").arg(notYetProbed.size() - 5);
        d.kind = RecoveryDecision::Waiting;
        d.reason = QStringLiteral("waiting for the first probe of %1 before deciding on cluster %2")
                       .arg(names.join(QStringLiteral(", ")), cluster);
        return d;
    }
    // A recovery whose process died is not a recovery that ended: whatever it changed or not,
    // the cluster still needs one, so it does not start the anti-flapping period. The new one
    // looks at the live topology (a successor it already promoted is completed, not replaced).
    if (recent && recent->state == RecoveryState::Interrupted) {
        d.kind = RecoveryDecision::Recover;
        d.continuesRecoveryId = recent->id;
        d.reason = QStringLiteral("cluster %1: recovery %2 was interrupted (%3); completing it")
                       .arg(cluster)
                       .arg(recent->id)
                       .arg(recent->summary);
        return d;
    }
    if (recent && !recent->acknowledged()) {
        const QDateTime until = recent->startedAt.addSecs(policy.recoveryPeriodBlockSeconds);
        if (recent->state == RecoveryState::Running || until > nowUtc) {
            d.kind = RecoveryDecision::Blocked;
            d.blockingRecoveryId = recent->id;
            d.blockedUntil = until;
            d.reason = recent->state == RecoveryState::Running
                           ? QStringLiteral("recovery %1 is still running on cluster %2").arg(recent->id).arg(cluster)
                           : QStringLiteral("recovery %1 on cluster %2 at %3 blocks automatic recoveries until %4 "
                                            "(RecoveryPeriodBlockSeconds=%5); acknowledge it to unblock: "
                                            "topograph-cli ack %1 --comment \"...\"")
                                 .arg(recent->id)
                                 .arg(cluster, recent->startedAt.toString(Qt::ISODate), until.toString(Qt::ISODate))
                                 .arg(policy.recoveryPeriodBlockSeconds);
            return d;
        }
    }
    d.kind = RecoveryDecision::Recover;
    d.reason = QStringLiteral("cluster %1 is covered by %2 entry '%3'")
                   .arg(cluster, QLatin1String(key), filter->matchingEntry(analysis.cluster, analysis.clusterAlias));
    return d;
}

} // namespace Topograph
