// Masters and co-masters: is the top of the cluster dead, unreachable, or alive with broken
// replicas; is it writable; is semi-sync holding its writes.
//
// The holistic rule (DESIGN.md): our failed probe alone never makes a master dead. Its replicas
// are asked too: a replica whose IO thread still streams from it outweighs our probe
// (UnreachableMaster: re-probe at once, never recover); only when reachable replicas fail to
// connect and none streams is it DeadMaster. A replica stopped by a DBA says nothing either way.

#include "analysiscontext.h"

#include <QStringList>

#include <algorithm>

namespace Topograph::AnalysisRules {

namespace {

QString verdictName(DeadSourceVerdict v)
{
    switch (v) {
    case DeadSourceVerdict::NoReplicas: return QStringLiteral("no replicas");
    case DeadSourceVerdict::AllReplicasDead: return QStringLiteral("all replicas unreachable");
    case DeadSourceVerdict::Streaming: return QStringLiteral("replicas still streaming");
    case DeadSourceVerdict::StreamingLagging: return QStringLiteral("replicas streaming but lagging");
    case DeadSourceVerdict::NoVotes: return QStringLiteral("no replica confirms");
    case DeadSourceVerdict::Dead: return QStringLiteral("replicas fail to connect");
    case DeadSourceVerdict::DeadAndSomeReplicas: return QStringLiteral("replicas fail to connect or are unreachable");
    }
    return QString();
}

void reportUnreachable(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &m,
                       const ReplicaGroup &g, bool coMaster)
{
    const qint64 threshold = ctx.settings().reasonableReplicationLagSeconds;
    const DeadSourceVerdict verdict = judgeUnreachableSource(g, threshold);
    const QString who = coMaster ? QStringLiteral("Co-master %1").arg(m.key.toString()) : m.key.toString();
    const QString what = coMaster ? QStringLiteral("the co-master is dead") : QStringLiteral("the master is dead");
    const QString err = errorText(m);
    const qsizetype n = g.size();
    const qsizetype dead = g.count(ReplicaState::Dead);
    const qsizetype votes = g.count(ReplicaState::FailingToConnect);
    const qsizetype streaming = g.countStreaming();
    QList<InstanceKey> everyone{m.key};
    everyone += g.keys();

    AnalysisCode code = AnalysisCode::UnreachableMaster;
    QString text;
    QList<InstanceKey> reprobe;
    switch (verdict) {
    case DeadSourceVerdict::NoReplicas:
        code = AnalysisCode::DeadMasterWithoutReplicas;
        text = QStringLiteral("%1 is unreachable (%2) and has no replicas to confirm it or take over: restore the server.")
                   .arg(who, err);
        reprobe = {m.key};
        break;
    case DeadSourceVerdict::AllReplicasDead:
        code = AnalysisCode::DeadMasterAndReplicas;
        text = QStringLiteral("%1 and %2 (%3) are unreachable: Topograph may be cut off from them rather than "
                              "the servers being down, so no recovery runs; check the network path to them.")
                   .arg(who, replicasPhrase(n, n), keyList(g.keys()));
        reprobe = everyone;
        break;
    case DeadSourceVerdict::Streaming:
        code = AnalysisCode::UnreachableMaster;
        text = QStringLiteral("%1 is unreachable (%2) but %3, so it is alive as far as they can tell: re-probing "
                              "it and its replicas, no recovery.")
                   .arg(who, err, streamingPhrase(g));
        reprobe = everyone;
        break;
    case DeadSourceVerdict::StreamingLagging: {
        qint64 worst = 0;
        for (const ReplicaView &v : g.views)
            if (v.streaming() && v.lag)
                worst = std::max(worst, *v.lag);
        code = AnalysisCode::UnreachableMasterWithLaggingReplicas;
        text = QStringLiteral("%1 is unreachable (%2) and %3 still replicating from it %4 more than %5 s behind "
                              "(up to %6 s): the master may be overloaded or stalled; re-probing, no recovery.")
                   .arg(who, err, replicasPhrase(streaming, n), verb(streaming, "lags", "lag"))
                   .arg(threshold)
                   .arg(worst);
        reprobe = everyone;
        break;
    }
    case DeadSourceVerdict::NoVotes:
        code = AnalysisCode::UnreachableMaster;
        text = QStringLiteral("%1 is unreachable (%2) but none of its replicas confirms it is dead (%3): "
                              "re-probing, no recovery.")
                   .arg(who, err, g.describe());
        reprobe = everyone;
        break;
    case DeadSourceVerdict::Dead:
        code = coMaster ? AnalysisCode::DeadCoMaster : AnalysisCode::DeadMaster;
        text = QStringLiteral("%1 is unreachable (%2) and %3 %4 to connect to it%5: %6.")
                   .arg(who, err, replicasPhrase(votes, n), verb(votes, "fails", "fail"),
                        votes == n ? QString() : QStringLiteral(" (%1: %2)").arg(verb(n - votes, "the other", "the others"), g.describe(ReplicaState::FailingToConnect)), what);
        break;
    case DeadSourceVerdict::DeadAndSomeReplicas:
        code = coMaster ? AnalysisCode::DeadCoMasterAndSomeReplicas : AnalysisCode::DeadMasterAndSomeReplicas;
        text = QStringLiteral("%1 is unreachable (%2), %3 %4 unreachable too (%5), and %6 to connect to it: %7.")
                   .arg(who, err, replicasPhrase(dead, n), verb(dead, "is", "are"),
                        keyList(g.keys(ReplicaState::Dead)), reachablePhrase(votes, n - dead), what);
        break;
    }
    Analysis &a = ctx.add(code, cluster, m.key);
    a.affectedReplicas = g.keys();
    a.explanation = text;
    a.reprobe = reprobe;
    a.facts = QJsonObject{{QStringLiteral("master"), instanceJson(m)},
                          {QStringLiteral("replicas"), g.toJson()},
                          {QStringLiteral("verdict"), verdictName(verdict)},
                          {QStringLiteral("coMaster"), coMaster}};
}

void reportAliveSource(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &m, const ReplicaGroup &g)
{
    if (g.isEmpty())
        return;
    const qsizetype n = g.size();
    const qsizetype replicating = g.count(ReplicaState::Replicating);
    const qsizetype unknown = g.count(ReplicaState::Unknown);
    const qsizetype dead = g.count(ReplicaState::Dead);
    // Built only when an analysis is emitted: most sources are healthy, and this runs for each.
    auto facts = [&] {
        return QJsonObject{{QStringLiteral("master"), instanceJson(m)}, {QStringLiteral("replicas"), g.toJson()}};
    };
    const qsizetype streaming = g.countStreaming();
    if (n > 1 && (replicating > 0 || unknown > 0) && (streaming == 0 || g.count(ReplicaState::FailingToConnect) == 0))
        return; // the common healthy case: nothing below applies
    const QString mk = m.key.toString();

    if (n == 1) {
        const ReplicaView &v = g.views.first();
        if (v.state == ReplicaState::Dead) {
            Analysis &a = ctx.add(AnalysisCode::MasterSingleReplicaDead, cluster, m.key);
            a.explanation = QStringLiteral("The only replica of %1, %2, is unreachable (%3): the master has no "
                                           "standby to fail over to.").arg(mk, v.key().toString(), errorText(*v.facts));
            a.affectedReplicas = {v.key()};
            a.reprobe = {v.key()};
            a.facts = facts();
        } else if (v.state != ReplicaState::Replicating && v.state != ReplicaState::Unknown) {
            Analysis &a = ctx.add(AnalysisCode::MasterSingleReplicaNotReplicating, cluster, m.key);
            a.explanation = QStringLiteral("The only replica of %1 is not replicating (%2): the master has no "
                                           "up-to-date standby; start replication or fix the error.").arg(mk, v.describe());
            a.affectedReplicas = {v.key()};
            a.facts = facts();
        }
        return;
    }
    // An Unknown replica (alive, not probed) may well be replicating: no "none replicating" claim.
    if (replicating == 0 && unknown == 0) {
        const bool orDead = dead > 0;
        Analysis &a = ctx.add(orDead ? AnalysisCode::AllMasterReplicasNotReplicatingOrDead
                                     : AnalysisCode::AllMasterReplicasNotReplicating,
                              cluster, m.key);
        a.explanation = QStringLiteral("None of the %1 replicas of %2 is replicating (%3): the master is up but has "
                                       "no up-to-date standby; %4.")
                            .arg(n)
                            .arg(mk, g.describe(),
                                 orDead ? QStringLiteral("bring the unreachable ones back and restart replication on the others")
                                        : QStringLiteral("start replication or fix the errors"));
        a.affectedReplicas = g.keys();
        a.reprobe = g.keys(ReplicaState::Dead);
        a.facts = facts();
        return;
    }
    if (streaming == 0)
        return;
    for (const ReplicaView &v : g.views) {
        if (v.state != ReplicaState::FailingToConnect)
            continue;
        const QString ioError = v.channel->lastIoErrno == 0
                                    ? QString()
                                    : QStringLiteral(" (IO error %1: %2)")
                                          .arg(v.channel->lastIoErrno)
                                          .arg(v.channel->lastIoError.simplified());
        Analysis &a = ctx.add(AnalysisCode::FirstTierReplicaFailingToConnectToMaster, cluster, v.key());
        a.explanation = QStringLiteral("%1 fails to connect to its master %2%3 while %4 other %5 from it: check "
                                       "the network and the replication user between them.")
                            .arg(v.key().toString(), mk, ioError)
                            .arg(streaming)
                            .arg(verb(streaming, "replica receives", "replicas receive"));
        a.facts = QJsonObject{{QStringLiteral("master"), instanceJson(m)}, {QStringLiteral("replica"), v.toJson()}};
    }
}

void checkWriteability(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &m, const ReplicaGroup &g)
{
    const qsizetype replicating = g.count(ReplicaState::Replicating);
    if (!(m.readOnly || m.superReadOnly) || replicating == 0)
        return;
    Analysis &a = ctx.add(AnalysisCode::NoWriteableMaster, cluster, m.key);
    a.explanation = QStringLiteral("%1 is the master of %2 replicating %3 but is read-only (%4): applications "
                                   "cannot write; set read_only=0 on it if it should take writes.")
                        .arg(m.key.toString())
                        .arg(replicating)
                        .arg(verb(replicating, "replica", "replicas"),
                             m.superReadOnly ? QStringLiteral("super_read_only=1") : QStringLiteral("read_only=1"));
    a.affectedReplicas = g.keys(ReplicaState::Replicating);
    a.facts = QJsonObject{{QStringLiteral("master"), instanceJson(m)},
                          {QStringLiteral("readOnly"), m.readOnly},
                          {QStringLiteral("superReadOnly"), m.superReadOnly},
                          {QStringLiteral("replicatingReplicas"), double(replicating)}};
}

void checkSemiSync(AnalysisContext &ctx, const ClusterInfo &cluster, const InstanceFacts &m, const ReplicaGroup &g)
{
    const SemiSyncState &s = m.semiSync;
    const int needed = std::max(1, s.waitForReplicaCount);
    // Enabled and still synchronous (not fallen back to async after the timeout), fewer semi-sync
    // replicas connected than acknowledgements required, and sessions waiting now: writes stall.
    if (!s.sourceEnabled || !s.sourceActive || s.sourceClients >= needed || s.waitSessions <= 0)
        return;
    Analysis &a = ctx.add(AnalysisCode::LockedSemiSyncMaster, cluster, m.key);
    const QString connected = s.sourceClients == 0
                                  ? QStringLiteral("no semi-sync replica is")
                                  : QStringLiteral("only %1 semi-sync %2").arg(s.sourceClients).arg(verb(s.sourceClients, "replica is", "replicas are"));
    a.explanation = QStringLiteral("%1 is a semi-sync master that needs %2 %3 but %4 connected, and %5 %6 "
                                   "waiting to commit: writes are stalled for up to rpl_semi_sync_master_timeout "
                                   "(%7 ms).")
                        .arg(m.key.toString())
                        .arg(needed)
                        .arg(verb(needed, "acknowledgement", "acknowledgements"), connected)
                        .arg(s.waitSessions)
                        .arg(verb(s.waitSessions, "session is", "sessions are"))
                        .arg(s.timeoutMs);
    a.affectedReplicas = g.keys();
    a.facts = QJsonObject{{QStringLiteral("master"), instanceJson(m)},
                          {QStringLiteral("semiSyncClients"), s.sourceClients},
                          {QStringLiteral("waitForReplicaCount"), needed},
                          {QStringLiteral("waitSessions"), double(s.waitSessions)},
                          {QStringLiteral("timeoutMs"), double(s.timeoutMs)}};
}

} // namespace

// A server a recovery replaced that answers again as the master of a cluster other than its
// successor's: it is not replicating from the new master, and whatever it accepts (it may be
// writable: a dead server could not be fenced) is missing there. Never recovered automatically:
// the fix is a person's rejoin (or keeping it down).
static void checkFormerMaster(AnalysisContext &ctx, const ClusterInfo &cluster)
{
    const auto successor = ctx.settings().replacedMasters.constFind(cluster.master);
    if (successor == ctx.settings().replacedMasters.cend())
        return;
    const InstanceFacts *f = ctx.facts(cluster.master);
    const ClusterInfo *now = ctx.snapshot().clusterOf(*successor);
    // Taken over again by a person, or the successor unknown: nothing to say.
    if (!f || !f->reachable || ctx.inMaintenance(f->key) || !now || now->name == cluster.name)
        return;
    const bool writable = !f->readOnly && !f->superReadOnly;
    Analysis &a = ctx.add(AnalysisCode::FormerMasterReturned, cluster, f->key);
    a.severity = writable ? Severity::Error : Severity::Warning;
    a.explanation = QStringLiteral("%1 was replaced by %2 in a recovery and answers again as a %3 master of its own: "
                                   "%4rejoin it as a replica of %5 (its menu, or topograph-cli rejoin %1), or keep "
                                   "it stopped.")
                        .arg(f->key.toString(), successor->toString(),
                             writable ? QStringLiteral("writable") : QStringLiteral("read-only"),
                             writable ? QStringLiteral("anything written on it is not on %1; ").arg(now->master.toString())
                                      : QString(),
                             now->master.toString());
    a.facts = QJsonObject{{QStringLiteral("formerMaster"), f->key.toString()},
                          {QStringLiteral("successor"), successor->toString()},
                          {QStringLiteral("currentMaster"), now->master.toString()},
                          {QStringLiteral("readOnly"), !writable}};
}

void analyzeMasters(AnalysisContext &ctx, const ClusterInfo &cluster)
{
    checkFormerMaster(ctx, cluster);
    // In a co-master cycle every member is a top: each may die, each feeds replicas.
    QList<InstanceKey> tops{cluster.master};
    tops += cluster.coMasters;
    const bool cycle = !cluster.coMasters.isEmpty();
    for (const InstanceKey &k : std::as_const(tops)) {
        const InstanceFacts *f = ctx.facts(k);
        if (!f || ctx.inMaintenance(k))
            continue; // a source never probed: we know nothing about it
        const ReplicaGroup g = ctx.replicaGroup(k);
        if (!isAlive(*f)) {
            reportUnreachable(ctx, cluster, *f, g, cycle);
            continue;
        }
        // A dead co-master is reported as DeadCoMaster on its own; the other side of the cycle
        // should not also report it as its broken replica.
        ReplicaGroup others = g;
        if (cycle)
            others.views.removeIf([&](const ReplicaView &v) { return tops.contains(v.key()); });
        reportAliveSource(ctx, cluster, *f, others);
        // Writeability and semi-sync need current facts, not last known ones.
        if (k == cluster.master && f->reachable) {
            checkWriteability(ctx, cluster, *f, g);
            checkSemiSync(ctx, cluster, *f, g);
        }
    }
}

} // namespace Topograph::AnalysisRules
