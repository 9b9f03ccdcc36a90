// Intermediate masters: replicas that feed replicas of their own. The same holistic rule as for
// masters: an unreachable intermediate master is dead only when its reachable replicas fail to
// connect to it and none still streams from it.

#include "analysiscontext.h"

#include <QStringList>

namespace Topograph::AnalysisRules {

namespace {

void reportUnreachable(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &im, const ReplicaGroup &g)
{
    const DeadSourceVerdict verdict = judgeUnreachableSource(g, ctx.settings().reasonableReplicationLagSeconds);
    const QString who = QStringLiteral("Intermediate master %1").arg(im.key.toString());
    const QString err = errorText(im);
    const qsizetype n = g.size();
    const qsizetype dead = g.count(ReplicaState::Dead);
    const qsizetype votes = g.count(ReplicaState::FailingToConnect);
    QList<InstanceKey> everyone{im.key};
    everyone += g.keys();

    AnalysisCode code = AnalysisCode::UnreachableIntermediateMaster;
    QString text;
    QList<InstanceKey> reprobe;
    switch (verdict) {
    case DeadSourceVerdict::NoReplicas:
        return; // not an intermediate master after all
    case DeadSourceVerdict::AllReplicasDead:
        code = AnalysisCode::DeadIntermediateMasterAndReplicas;
        text = QStringLiteral("%1 and %2 (%3) are unreachable: nothing left to relocate; check the network "
                              "path to them and restore the servers.")
                   .arg(who, replicasPhrase(n, n), keyList(g.keys()));
        reprobe = everyone;
        break;
    case DeadSourceVerdict::Streaming:
    case DeadSourceVerdict::StreamingLagging:
        text = QStringLiteral("%1 is unreachable (%2) but %3: re-probing, no recovery.")
                   .arg(who, err, streamingPhrase(g));
        reprobe = everyone;
        break;
    case DeadSourceVerdict::NoVotes:
        text = QStringLiteral("%1 is unreachable (%2) but none of its replicas confirms it is dead (%3): "
                              "re-probing, no recovery.")
                   .arg(who, err, g.describe());
        reprobe = everyone;
        break;
    case DeadSourceVerdict::Dead:
        if (n == 1) {
            code = AnalysisCode::DeadIntermediateMasterWithSingleReplicaFailingToConnect;
            text = QStringLiteral("%1 is unreachable (%2) and its only replica %3 fails to connect to it: relocate "
                                  "the replica under another server.")
                       .arg(who, err, g.views.first().key().toString());
        } else {
            code = AnalysisCode::DeadIntermediateMaster;
            text = QStringLiteral("%1 is unreachable (%2) and %3 %4 to connect to it%5: relocate its replicas.")
                       .arg(who, err, replicasPhrase(votes, n), verb(votes, "fails", "fail"),
                            votes == n ? QString() : QStringLiteral(" (%1: %2)").arg(verb(n - votes, "the other", "the others"), g.describe(ReplicaState::FailingToConnect)));
        }
        break;
    case DeadSourceVerdict::DeadAndSomeReplicas:
        code = AnalysisCode::DeadIntermediateMasterAndSomeReplicas;
        text = QStringLiteral("%1 is unreachable (%2), %3 %4 unreachable too (%5), and %6 to connect to it: "
                              "relocate the reachable replicas.")
                   .arg(who, err, replicasPhrase(dead, n), verb(dead, "is", "are"), keyList(g.keys(ReplicaState::Dead)),
                        reachablePhrase(votes, n - dead));
        break;
    }
    Analysis &a = ctx.add(code, cluster, im.key);
    a.affectedReplicas = g.keys();
    a.explanation = text;
    a.reprobe = reprobe;
    a.facts = QJsonObject{{QStringLiteral("intermediateMaster"), instanceJson(im)},
                          {QStringLiteral("replicas"), g.toJson()}};
}

void reportAlive(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &im, const ReplicaGroup &g)
{
    const qsizetype n = g.size();
    const qsizetype votes = g.count(ReplicaState::FailingToConnect);
    const qsizetype dead = g.count(ReplicaState::Dead);
    // We reach it, its replicas do not: a partition between them, or its replication user broke.
    if (votes == 0 || votes + dead != n)
        return;
    Analysis &a = ctx.add(AnalysisCode::AllIntermediateMasterReplicasFailingToConnectOrDead, cluster, im.key);
    a.explanation = QStringLiteral("Intermediate master %1 is reachable but %2 %3 to connect to it%4: they are "
                                   "cut off from it; relocate them under another server.")
                        .arg(im.key.toString(), replicasPhrase(votes, n), verb(votes, "fails", "fail"),
                             dead == 0 ? QString()
                                       : QStringLiteral(" and the others (%1) are unreachable").arg(keyList(g.keys(ReplicaState::Dead))));
    a.affectedReplicas = g.keys();
    a.facts = QJsonObject{{QStringLiteral("intermediateMaster"), instanceJson(im)},
                          {QStringLiteral("replicas"), g.toJson()}};
}

} // namespace

void analyzeIntermediateMasters(AnalysisContext &ctx, const ClusterInfo &cluster)
{
    for (const InstanceKey &k : cluster.members) {
        if (k == cluster.master || cluster.coMasters.contains(k) || ctx.inMaintenance(k))
            continue;
        const InstanceFacts *f = ctx.facts(k);
        if (!f)
            continue;
        const ReplicaGroup g = ctx.replicaGroup(k);
        if (g.isEmpty())
            continue;
        if (isAlive(*f))
            reportAlive(ctx, cluster, *f, g);
        else
            reportUnreachable(ctx, cluster, *f, g);
    }
}

} // namespace Topograph::AnalysisRules
