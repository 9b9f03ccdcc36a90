#include "candidates.h"

#include "model/binlogcoordinates.h"
#include "model/gtid.h"
#include "replicationrules.h"

#include <QJsonArray>

namespace Topograph {

namespace {

int ruleRank(PromotionRule r)
{
    switch (r) {
    case PromotionRule::Prefer: return 0;
    case PromotionRule::Neutral: return 1;
    case PromotionRule::PreferNot: return 2;
    case PromotionRule::MustNot: return 3;
    }
    return 1;
}

// Positions of one replica, parsed once.
struct Progress
{
    std::optional<MariaDbGtidPosition> mariaReceived, mariaApplied;
    std::optional<MySqlGtidSet> mysqlReceived, mysqlApplied;
    BinlogCoordinates fileReceived, fileApplied;
};

Progress progressOf(const InstanceFacts &f)
{
    Progress p;
    const ReplicationChannel *c = f.primaryChannel();
    if (f.flavor == Flavor::MariaDB) {
        const QString applied = !f.gtidCurrentPos.isEmpty() ? f.gtidCurrentPos : f.gtidSlavePos;
        p.mariaApplied = MariaDbGtidPosition::parse(applied);
        // What the IO thread received; before it received anything it equals what was applied.
        p.mariaReceived = c && !c->gtidIoPos.isEmpty() ? MariaDbGtidPosition::parse(c->gtidIoPos) : p.mariaApplied;
        if (p.mariaReceived && p.mariaApplied && !p.mariaReceived->contains(*p.mariaApplied)) {
            // Gtid_IO_Pos only covers the replicated domains; merge what was applied elsewhere.
            MariaDbGtidPosition merged = *p.mariaReceived;
            for (const MariaDbGtid &g : p.mariaApplied->gtids())
                if (!merged.gtid(g.domain) || merged.gtid(g.domain)->sequence < g.sequence)
                    merged.set(g);
            p.mariaReceived = merged;
        }
    } else if (f.hasGtid()) {
        p.mysqlApplied = MySqlGtidSet::parse(f.gtidExecuted);
        const auto retrieved = c ? MySqlGtidSet::parse(c->retrievedGtidSet) : std::nullopt;
        p.mysqlReceived = p.mysqlApplied && retrieved ? p.mysqlApplied->united(*retrieved) : p.mysqlApplied;
    }
    if (c) {
        p.fileReceived = c->readSourceLog;
        p.fileApplied = c->execSourceLog;
    }
    return p;
}

int compareCoordinates(const BinlogCoordinates &a, const BinlogCoordinates &b)
{
    // Incomparable coordinates (different logs) rank as equal: the next criteria decide.
    return compareBinlogCoordinates(a, b).value_or(0);
}

// >0 when a is more advanced than b: received first, then applied.
int compareProgress(const Progress &a, const Progress &b)
{
    auto verdict = [](const AdvancementVerdict &v) {
        return v.winner == AdvancementVerdict::First ? 1 : v.winner == AdvancementVerdict::Second ? -1 : 0;
    };
    if (a.mariaReceived && b.mariaReceived) {
        if (int r = verdict(mostAdvanced(*a.mariaReceived, *b.mariaReceived)))
            return r;
        if (a.mariaApplied && b.mariaApplied)
            return verdict(mostAdvanced(*a.mariaApplied, *b.mariaApplied));
        return 0;
    }
    if (a.mysqlReceived && b.mysqlReceived) {
        if (int r = verdict(mostAdvanced(*a.mysqlReceived, *b.mysqlReceived)))
            return r;
        if (a.mysqlApplied && b.mysqlApplied)
            return verdict(mostAdvanced(*a.mysqlApplied, *b.mysqlApplied));
        return 0;
    }
    if (int r = compareCoordinates(a.fileReceived, b.fileReceived))
        return r;
    return compareCoordinates(a.fileApplied, b.fileApplied);
}

// Transactions `replica` has that `master` lacks, as text; empty when none (or not knowable).
QString errantAgainst(const InstanceFacts &replica, const InstanceFacts &master)
{
    if (replica.flavor == Flavor::MariaDB) {
        const auto r = MariaDbGtidPosition::parse(replica.gtidCurrentPos);
        const auto m = MariaDbGtidPosition::parse(master.gtidBinlogPos.isEmpty() ? master.gtidCurrentPos
                                                                                   : master.gtidBinlogPos);
        if (!r || !m)
            return {};
        QStringList extra;
        for (const DomainComparison &d : compare(*r, *m))
            if (d.order == DomainOrder::MissingInSecond || d.order == DomainOrder::Conflict
                || (d.order == DomainOrder::Ahead && d.first && d.second && d.first->serverId != d.second->serverId))
                extra << d.first->toString();
        return extra.join(QLatin1Char(','));
    }
    const auto r = MySqlGtidSet::parse(replica.gtidExecuted);
    const auto m = MySqlGtidSet::parse(master.gtidExecuted);
    if (!r || !m)
        return {};
    return r->subtracted(*m).toString();
}

QString positionsText(const Progress &p, bool received)
{
    if (received) {
        if (p.mariaReceived)
            return p.mariaReceived->toString();
        if (p.mysqlReceived)
            return p.mysqlReceived->toString();
        return p.fileReceived.toString();
    }
    if (p.mariaApplied)
        return p.mariaApplied->toString();
    if (p.mysqlApplied)
        return p.mysqlApplied->toString();
    return p.fileApplied.toString();
}

} // namespace

PromotionPlan planPromotion(const TopologySnapshot &snapshot, const InstanceKey &failed,
                            const PromotionSettings &settings)
{
    PromotionPlan plan;
    plan.failed = failed;
    if (const ClusterInfo *c = snapshot.clusterOf(failed))
        plan.cluster = c->name;
    const QList<InstanceKey> replicas = snapshot.replicasOf(failed);
    if (replicas.isEmpty()) {
        plan.refusal = QStringLiteral("%1 has no replicas: there is nobody to promote").arg(failed.toString());
        return plan;
    }

    // The oldest version among reachable replicas: a successor newer than that strands them.
    int oldest = 0;
    for (const InstanceKey &k : replicas)
        if (const InstanceFacts *f = snapshot.instance(k); f && f->reachable && f->versionNumber() > 0)
            oldest = oldest == 0 ? f->versionNumber() : std::min(oldest, f->versionNumber());

    QList<CandidateAssessment> eligible;
    QList<CandidateAssessment> excluded;
    QHash<InstanceKey, Progress> progress;
    for (const InstanceKey &k : replicas) {
        const InstanceFacts *f = snapshot.instance(k);
        CandidateAssessment a;
        a.key = k;
        a.rule = snapshot.promotionRule(k);
        if (!f) {
            a.exclusion = QStringLiteral("never probed");
            excluded << a;
            continue;
        }
        const Progress p = progressOf(*f);
        progress.insert(k, p);
        a.received = positionsText(p, true);
        a.applied = positionsText(p, false);
        const ReplicationChannel *ch = f->primaryChannel();
        QString why;
        if (!f->reachable)
            a.exclusion = QStringLiteral("unreachable (%1)").arg(f->lastErrorText.isEmpty() ? probeErrorName(f->lastError) : f->lastErrorText);
        else if (snapshot.inMaintenance(k))
            a.exclusion = QStringLiteral("in maintenance");
        else if (const auto d = snapshot.downtime(k))
            a.exclusion = QStringLiteral("downtimed until %1 (%2)").arg(d->until.toString(Qt::ISODate), d->reason);
        else if (a.rule == PromotionRule::MustNot)
            a.exclusion = QStringLiteral("promotion rule must_not");
        else if (const QString pattern = settings.ignoreHosts.matchingPattern(k.host()); !pattern.isEmpty())
            a.exclusion = QStringLiteral("host matches PromotionIgnoreHostnameFilters '%1'").arg(pattern);
        else if (!f->logBin)
            a.exclusion = QStringLiteral("no binary log (log_bin=OFF): its replicas could not follow it");
        else if (!f->logReplicaUpdates)
            a.exclusion = QStringLiteral("log_slave_updates=OFF: its binary log lacks what it replicated");
        else if (ch && ch->lastSqlErrno != 0)
            a.exclusion = QStringLiteral("SQL thread stopped by error %1 (%2): its data is not trustworthy")
                              .arg(ch->lastSqlErrno)
                              .arg(ch->lastSqlError.left(120));
        else if (ch && ch->sqlThread != ThreadState::Running)
            a.exclusion = QStringLiteral("SQL thread is not running: someone stopped it, and it is not applying");
        else if (ch && ch->sqlDelay > 0)
            a.exclusion = QStringLiteral("delayed replica (SQL_Delay=%1 s)").arg(ch->sqlDelay);
        else if (oldest > 0 && f->versionNumber() > oldest)
            a.exclusion = QStringLiteral("runs %1, newer than other replicas, which could not replicate from it").arg(f->version);
        else if (!f->hasGtid())
            a.exclusion = QStringLiteral("GTID is off: Topograph promotes only with GTID");
        if (!a.exclusion.isEmpty()) {
            excluded << a;
            continue;
        }
        a.eligible = true;
        eligible << a;
    }

    // Rank by progress (an insertion sort: a GTID comparison of diverged histories need not be a
    // strict weak order, and there are few candidates), then promotion rule, then no errant
    // transactions, then key for determinism.
    const InstanceFacts *failedFacts = snapshot.instance(failed);
    QHash<InstanceKey, QString> errant;
    if (failedFacts)
        for (const CandidateAssessment &a : std::as_const(eligible))
            if (const QString e = errantAgainst(*snapshot.instance(a.key), *failedFacts); !e.isEmpty())
                errant.insert(a.key, e);
    auto before = [&](const CandidateAssessment &x, const CandidateAssessment &y) {
        if (const int c = compareProgress(progress.value(x.key), progress.value(y.key)))
            return c > 0;
        if (ruleRank(x.rule) != ruleRank(y.rule))
            return ruleRank(x.rule) < ruleRank(y.rule);
        if (errant.contains(x.key) != errant.contains(y.key))
            return !errant.contains(x.key);
        return x.key < y.key;
    };
    for (int i = 1; i < eligible.size(); ++i)
        for (int j = i; j > 0 && before(eligible.at(j), eligible.at(j - 1)); --j)
            eligible.swapItemsAt(j, j - 1);

    for (CandidateAssessment &a : eligible) {
        if (errant.contains(a.key))
            a.notes << QStringLiteral("has transactions the failed master lacks: %1").arg(errant.value(a.key));
        if (a.rule != PromotionRule::Neutral)
            a.notes << QStringLiteral("promotion rule %1").arg(promotionRuleName(a.rule));
    }
    // The most advanced replica that could feed others, whether or not policy lets it be
    // promoted (a must_not replica can still hand its transactions to the chosen one).
    std::optional<InstanceKey> feeder;
    for (const InstanceKey &k : replicas) {
        const InstanceFacts *f = snapshot.instance(k);
        const ReplicationChannel *ch = f ? f->primaryChannel() : nullptr;
        // A feeder serves from its binary log, so only what it applied: a delayed or stopped
        // applier cannot hand over what it received.
        if (!f || !f->reachable || !f->logBin || !f->logReplicaUpdates || !f->hasGtid()
            || (ch && (ch->lastSqlErrno != 0 || ch->sqlThread != ThreadState::Running || ch->sqlDelay > 0)))
            continue;
        if (!feeder || compareProgress(progress.value(k), progress.value(*feeder)) > 0)
            feeder = k;
    }
    for (CandidateAssessment &a : eligible)
        a.mostAdvanced = !feeder || compareProgress(progress.value(a.key), progress.value(*feeder)) >= 0;

    auto finish = [&]() {
        plan.candidates = eligible + excluded;
        return plan;
    };
    if (eligible.isEmpty()) {
        QStringList reasons;
        for (const CandidateAssessment &a : std::as_const(excluded))
            reasons << QStringLiteral("%1: %2").arg(a.key.toString(), a.exclusion);
        plan.refusal = QStringLiteral("no replica of %1 can be promoted (%2)").arg(failed.toString(), reasons.join(QStringLiteral("; ")));
        return finish();
    }

    // Choose: the requested one, else the most advanced, unless a preferred one can be caught up.
    int chosen = 0;
    if (settings.requested) {
        chosen = -1;
        for (int i = 0; i < eligible.size(); ++i)
            if (eligible.at(i).key == *settings.requested)
                chosen = i;
        if (chosen < 0) {
            QString why = QStringLiteral("it is not a replica of %1").arg(failed.toString());
            for (const CandidateAssessment &a : std::as_const(excluded))
                if (a.key == *settings.requested)
                    why = a.exclusion;
            plan.refusal = QStringLiteral("%1 cannot be promoted: %2").arg(settings.requested->toString(), why);
            return finish();
        }
    } else if (eligible.first().rule != PromotionRule::Prefer) {
        for (int i = 1; i < eligible.size(); ++i)
            if (eligible.at(i).rule == PromotionRule::Prefer) {
                chosen = i;
                break;
            }
    }
    const CandidateAssessment winner = eligible.at(chosen);
    if (!winner.mostAdvanced && feeder) {
        // It must first receive what the most advanced one has: the second phase.
        plan.catchUpFrom = *feeder;
    }
    eligible.move(chosen, 0);
    plan.chosen = winner.key;

    const InstanceFacts *winnerFacts = snapshot.instance(winner.key);
    const ReplicationChannel *wch = winnerFacts->primaryChannel();
    if (settings.failMasterPromotionOnLagSeconds > 0 && wch && wch->secondsBehindMaster
        && *wch->secondsBehindMaster > settings.failMasterPromotionOnLagSeconds) {
        plan.refusal = QStringLiteral("%1 is the best candidate but lags %2 s, more than FailMasterPromotionOnLagSeconds=%3")
                           .arg(winner.key.toString())
                           .arg(*wch->secondsBehindMaster)
                           .arg(settings.failMasterPromotionOnLagSeconds);
        plan.chosen.reset();
        plan.catchUpFrom.reset();
        return finish();
    }

    // Everyone else either follows the winner or is lost, with the reason.
    for (const InstanceKey &k : replicas) {
        if (k == winner.key)
            continue;
        const InstanceFacts *f = snapshot.instance(k);
        QString why;
        if (!f || !f->reachable)
            plan.lost.append({k, QStringLiteral("unreachable")});
        else if (!canReplicateFrom(*f, *winnerFacts, &why))
            plan.lost.append({k, why});
        else if (!plan.catchUpFrom && compareProgress(progress.value(k), progress.value(winner.key)) > 0)
            // Only possible when histories diverged: it holds transactions the winner lacks.
            plan.lost.append({k, QStringLiteral("has transactions %1 lacks; moving it would make them errant")
                                     .arg(winner.key.toString())});
        else
            plan.followers << k;
    }

    QString reason;
    if (settings.requested)
        reason = QStringLiteral("requested by the operator");
    else if (plan.catchUpFrom)
        reason = QStringLiteral("%1; it will first catch up from %2, the most advanced replica")
                     .arg(winner.rule == PromotionRule::Prefer ? QStringLiteral("preferred by promotion rule")
                                                               : QStringLiteral("the best replica policy allows"),
                          plan.catchUpFrom->toString());
    else
        reason = winner.received.isEmpty()
                     ? QStringLiteral("no replica has received anything yet; the first by address")
                     : QStringLiteral("the most advanced replica (received %1)").arg(winner.received);
    if (winner.rule == PromotionRule::Prefer && !plan.catchUpFrom)
        reason += QStringLiteral(", preferred by promotion rule");
    plan.explanation = QStringLiteral("%1 is chosen: %2.").arg(winner.key.toString(), reason);
    return finish();
}

QJsonObject promotionPlanToJson(const PromotionPlan &p)
{
    QJsonArray candidates;
    for (const CandidateAssessment &a : p.candidates)
        candidates.append(QJsonObject{{QStringLiteral("instance"), a.key.toString()},
                                      {QStringLiteral("eligible"), a.eligible},
                                      {QStringLiteral("exclusion"), a.exclusion},
                                      {QStringLiteral("rule"), promotionRuleName(a.rule)},
                                      {QStringLiteral("received"), a.received},
                                      {QStringLiteral("applied"), a.applied},
                                      {QStringLiteral("mostAdvanced"), a.mostAdvanced},
                                      {QStringLiteral("notes"), QJsonArray::fromStringList(a.notes)}});
    QJsonArray lost;
    for (const auto &l : p.lost)
        lost.append(QJsonObject{{QStringLiteral("instance"), l.first.toString()}, {QStringLiteral("reason"), l.second}});
    QStringList followers;
    for (const InstanceKey &k : p.followers)
        followers << k.toString();
    return QJsonObject{{QStringLiteral("failed"), p.failed.toString()},
                       {QStringLiteral("cluster"), p.cluster},
                       {QStringLiteral("candidates"), candidates},
                       {QStringLiteral("chosen"), p.chosen ? p.chosen->toString() : QString()},
                       {QStringLiteral("catchUpFrom"), p.catchUpFrom ? p.catchUpFrom->toString() : QString()},
                       {QStringLiteral("followers"), QJsonArray::fromStringList(followers)},
                       {QStringLiteral("lost"), lost},
                       {QStringLiteral("refusal"), p.refusal},
                       {QStringLiteral("explanation"), p.explanation}};
}

} // namespace Topograph
