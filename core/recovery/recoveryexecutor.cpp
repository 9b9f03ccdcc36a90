#include "recoveryexecutor.h"
#include "recoveryexecutor_p.h"

#include "logging/logging.h"
#include "mysql/connection.h"
#include "replicationrules.h"
#include "sqldialect.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Topograph {

namespace {

bool isCoMasterCode(const QString &code)
{
    return code.startsWith(QLatin1String("DeadCoMaster"));
}

bool isIntermediateCode(const QString &code)
{
    return code.contains(QLatin1String("IntermediateMaster"));
}

} // namespace

RecoveryExecutor::RecoveryExecutor(Store &store, Policy policy, OptionsFor optionsFor)
    : m_store(store)
    , m_policy(std::move(policy))
    , m_optionsFor(std::move(optionsFor))
{}

PromotionPlan RecoveryExecutor::plan(const TopologySnapshot &snapshot, const RecoveryRequest &request) const
{
    PromotionSettings settings;
    if (const auto f = HostnameFilter::parse(m_policy.promotionIgnoreHostnameFilters))
        settings.ignoreHosts = *f;
    settings.failMasterPromotionOnLagSeconds = m_policy.failMasterPromotionOnLagSeconds;
    settings.requested = request.candidate;
    return planPromotion(snapshot, request.failed, settings);
}

RecoveryOutcome RecoveryExecutor::run(const TopologySnapshot &snapshot, const RecoveryRequest &request)
{
    Context c{request, RecoveryLog(m_store), HookRunner(m_policy), {}, 0, {}, {}, snapshot.takenAt()};
    c.timer.start();
    const ClusterInfo *cluster = snapshot.clusterOf(request.failed);
    c.hook.failureType = request.analysisCode;
    c.hook.cluster = cluster ? cluster->name : request.failed.toString();
    c.hook.clusterAlias = cluster ? cluster->alias : QString();
    c.hook.failedHost = request.failed.host();
    c.hook.failedPort = request.failed.port();
    c.hook.automatic = request.automatic;
    c.hook.actor = request.actor;

    if (request.forced && (!cluster || cluster->master != request.failed || !cluster->coMasters.isEmpty())) {
        // Refused before any claim: nothing recorded as a recovery, nothing touched.
        RecoveryOutcome out;
        out.refused = true;
        out.message = QStringLiteral("%1 is not the single master of a cluster: a forced failover applies only to one "
                                     "(use relocate or a graceful takeover)").arg(request.failed.toString());
        return out;
    }
    if (isCoMasterCode(request.analysisCode) || (cluster && cluster->coMasters.contains(request.failed))
        || (cluster && cluster->master == request.failed && !cluster->coMasters.isEmpty()))
        return recoverCoMaster(c, snapshot);
    const InstanceFacts *f = snapshot.instance(request.failed);
    if (isIntermediateCode(request.analysisCode) || (f && f->sourceKey() && snapshot.instance(*f->sourceKey())))
        return recoverIntermediateMaster(c, snapshot);
    return recoverMaster(c, snapshot);
}

bool RecoveryExecutor::claim(Context &c, const QString &kind, const QJsonObject &details, RecoveryOutcome &out)
{
    c.kind = kind;
    QString error;
    c.log.markInterruptedRecoveries(120, &error);
    RecoveryLog::Start s;
    s.cluster = c.hook.cluster;
    s.kind = kind;
    s.analysis = c.request.analysisCode;
    s.failedInstance = c.request.failed.toString();
    s.actor = c.request.actor;
    s.automatic = c.request.automatic;
    s.details = details;
    if (c.request.continues > 0)
        s.details.insert(QStringLiteral("continuesInterrupted"), double(c.request.continues));
    const RecoveryLog::Claim claim = c.log.start(s);
    if (!claim) {
        // Nothing was touched: a refusal is recorded by the caller (blocked attempt), not here.
        out.refused = true;
        out.runningId = claim.runningId;
        out.message = claim.error.isEmpty()
                          ? QStringLiteral("recovery %1 is already running on cluster %2").arg(claim.runningId).arg(s.cluster)
                          : claim.error;
        return false;
    }
    c.id = claim.id;
    c.hook.recoveryId = c.id;
    out.recoveryId = c.id;
    // Two processes may see the same failure: the claim serialises them, and the one that comes
    // second must not act on a view that predates the other's recovery (orchestrator #1217).
    RecoveryFilter recent;
    recent.cluster = s.cluster;
    recent.limit = 5;
    for (const Recovery &r : c.log.recoveries(recent, &error)) {
        if (r.id == c.id || r.startedAt < c.snapshotTakenAt)
            continue;
        out.refused = true;
        out.runningId = r.id;
        out.message = QStringLiteral("recovery %1 on cluster %2 started after the topology this one was based on "
                                     "(taken at %3): nothing done, look again")
                          .arg(r.id)
                          .arg(s.cluster, c.snapshotTakenAt.toString(Qt::ISODateWithMs));
        finish(c, out);
        return false;
    }
    spdlog::warn("recovery {} of {} ({}) started by {}", c.id, s.failedInstance, kind, c.request.actor);
    return true;
}

bool RecoveryExecutor::step(Context &c, const QString &name, const InstanceKey &server, const QString &statement,
                            const std::function<bool(QString &output)> &body)
{
    QString error;
    const int seq = c.log.beginStep(c.id, name, server.isValid() ? server.toString() : QString(), statement, &error);
    if (m_progress)
        m_progress(name, StepOutcome::Running);
    QString output;
    const bool ok = body(output);
    c.log.endStep(c.id, seq, ok ? StepOutcome::Ok : StepOutcome::Failed, output, &error);
    c.log.heartbeat(c.id);
    if (m_progress)
        m_progress(name, ok ? StepOutcome::Ok : StepOutcome::Failed);
    if (!ok)
        spdlog::warn("recovery {}: step '{}' on {} failed: {}", c.id, name, server.toString(), output);
    return ok;
}

std::unique_ptr<Connection> RecoveryExecutor::connect(const InstanceKey &key, int readTimeoutMs) const
{
    ConnectionOptions o = m_optionsFor(key);
    o.key = key;
    if (readTimeoutMs > 0)
        o.readTimeoutMs = readTimeoutMs;
    return std::make_unique<Connection>(o);
}

bool RecoveryExecutor::runStatements(Context &c, const QString &name, const InstanceKey &server,
                                     const QStringList &statements, int readTimeoutMs)
{
    return step(c, name, server, statements.join(QStringLiteral("; ")), [&](QString &output) {
        auto conn = connect(server, readTimeoutMs);
        if (!conn->open()) {
            output = conn->lastError().message;
            return false;
        }
        for (const QString &sql : statements)
            if (!conn->execute(sql)) {
                output = conn->lastError().message;
                return false;
            }
        output = QStringLiteral("ok");
        return true;
    });
}

bool RecoveryExecutor::preFailoverHooks(Context &c, RecoveryOutcome &out)
{
    for (const QStringList &argv : m_policy.hooks.value(HookPoint::PreFailover)) {
        HookResult r;
        const bool ok = step(c, QStringLiteral("PreFailover hook"), {}, argv.join(QLatin1Char(' ')), [&](QString &output) {
            r = HookRunner::runCommand(argv, c.hook.environment(), m_policy.hookTimeoutSeconds * 1000);
            output = r.summary() + (r.output.isEmpty() ? QString() : QLatin1Char('\n') + r.output);
            return r.ok();
        });
        if (!ok) {
            out.message = QStringLiteral("aborted by the PreFailover hook %1 (%2): nothing was changed on any server")
                              .arg(argv.first(), r.summary());
            return false;
        }
    }
    return true;
}

void RecoveryExecutor::postHooks(Context &c, const RecoveryOutcome &out, HookPoint successPoint)
{
    c.hook.lostReplicas = out.lost;
    if (out.successor) {
        c.hook.successorHost = out.successor->host();
        c.hook.successorPort = out.successor->port();
    }
    c.hook.error = out.success ? QString() : out.message;
    const QList<HookPoint> points = out.success ? QList<HookPoint>{successPoint, HookPoint::PostFailover}
                                                : QList<HookPoint>{HookPoint::PostUnsuccessfulFailover};
    for (HookPoint p : points)
        for (const QStringList &argv : m_policy.hooks.value(p))
            step(c, hookPointName(p) + QStringLiteral(" hook"), {}, argv.join(QLatin1Char(' ')), [&](QString &output) {
                const HookResult r = HookRunner::runCommand(argv, c.hook.environment(), m_policy.hookTimeoutSeconds * 1000);
                output = r.summary() + (r.output.isEmpty() ? QString() : QLatin1Char('\n') + r.output);
                return r.ok();
            });
}

RecoveryOutcome RecoveryExecutor::finish(Context &c, RecoveryOutcome out)
{
    out.elapsedMs = c.timer.elapsed();
    if (c.id == 0)
        return out;
    // The cluster is named after its master: a person's alias follows it to the new one.
    if (out.success && out.successor && c.kind != QLatin1String("DeadIntermediateMaster") && !c.hook.clusterAlias.isEmpty()
        && c.hook.cluster != out.successor->toString()) {
        QString aliasError;
        if (!m_store.setClusterAlias(out.successor->toString(), c.hook.clusterAlias, &aliasError))
            spdlog::error("recovery {}: could not move alias {}: {}", c.id, c.hook.clusterAlias, aliasError);
    }
    RecoveryLog::Finish f;
    f.state = out.success ? RecoveryState::Succeeded : RecoveryState::Failed;
    f.successor = out.successor ? out.successor->toString() : QString();
    f.summary = out.message;
    f.lostReplicas = out.lost;
    f.details = QJsonObject{{QStringLiteral("elapsedMs"), double(out.elapsedMs)}};
    QString error;
    if (!c.log.finish(c.id, f, &error))
        spdlog::error("recovery {}: could not record the outcome: {}", c.id, error);
    spdlog::warn("recovery {} {} in {} ms: {}", c.id, out.success ? "succeeded" : "failed", out.elapsedMs, out.message);
    return out;
}

bool RecoveryExecutor::waitApplied(Context &c, const InstanceFacts &replica)
{
    const SqlDialect d(replica);
    const int waitMs = m_applyTimeoutSeconds * 1000;
    return step(c, QStringLiteral("wait until %1 applied what it received").arg(replica.key.toString()), replica.key,
                d.waitForPosition(QStringLiteral("<received>"), m_applyTimeoutSeconds), [&](QString &output) {
        auto conn = connect(replica.key, waitMs + 5000);
        if (!conn->open()) {
            output = conn->lastError().message;
            return false;
        }
        // Read what was received now, not from the snapshot: it is the position to reach. The IO
        // thread is left alone: restarting it would throw away relay logs not yet applied.
        const auto status = conn->query(d.replicationStatus());
        if (!status) {
            output = conn->lastError().message;
            return false;
        }
        QString received;
        for (const Row &row : status->rows()) {
            const QString name = row.text(QStringLiteral("Connection_name"));
            if (name == channelFrom(replica, replica.sourceKey().value_or(InstanceKey())) || status->size() == 1)
                received = row.text(d.receivedColumn());
        }
        if (received.trimmed().isEmpty()) {
            output = QStringLiteral("nothing received: nothing to wait for");
            return true;
        }
        const auto r = conn->query(d.waitForPosition(received, m_applyTimeoutSeconds));
        if (!r) {
            output = conn->lastError().message;
            return false;
        }
        const auto result = r->first().integer(QStringLiteral("result"));
        if (!result || !d.waitSucceeded(*result)) {
            output = QStringLiteral("%1 did not apply %2 within %3 s").arg(replica.key.toString(), received).arg(m_applyTimeoutSeconds);
            return false;
        }
        output = QStringLiteral("applied %1").arg(received);
        return true;
    });
}

bool RecoveryExecutor::promote(Context &c, const InstanceFacts &candidate)
{
    const SqlDialect d(candidate);
    const QString channel = channelFrom(candidate, c.request.failed);
    return runStatements(c, QStringLiteral("promote %1").arg(candidate.key.toString()), candidate.key,
                         QStringList{d.stopReplication(channel), d.resetReplicationAll(channel)} + d.setWritable());
}

void RecoveryExecutor::fenceOldMaster(Context &c, const InstanceFacts &oldMaster)
{
    const SqlDialect d(oldMaster);
    step(c, QStringLiteral("set read_only on the old master if it answers"), oldMaster.key,
         d.setReadOnly().join(QStringLiteral("; ")), [&](QString &output) {
        ConnectionOptions o = m_optionsFor(oldMaster.key);
        o.key = oldMaster.key;
        o.connectTimeoutMs = 500;
        o.readTimeoutMs = 1000;
        Connection conn(o);
        if (!conn.open()) {
            // Expected for a dead master; recorded, not a failure of the recovery.
            output = QStringLiteral("not reachable (%1): if it comes back it is still writable").arg(conn.lastError().message);
            return true;
        }
        for (const QString &sql : d.setReadOnly())
            if (!conn.execute(sql)) {
                output = conn.lastError().message;
                return true;
            }
        output = QStringLiteral("read_only=1 set");
        return true;
    });
}

void RecoveryExecutor::detachLost(Context &c, const TopologySnapshot &snapshot, const QList<InstanceKey> &lost)
{
    // A lost replica still points at the failed server: stop it so that it cannot quietly resume
    // from a master that comes back and diverge from the new one.
    for (const InstanceKey &k : lost) {
        const InstanceFacts *f = snapshot.instance(k);
        if (!f || !f->reachable)
            continue;
        const SqlDialect d(*f);
        runStatements(c, QStringLiteral("detach lost replica %1").arg(k.toString()), k,
                      {d.stopReplication(channelFrom(*f, c.request.failed))});
    }
}

QList<InstanceKey> RecoveryExecutor::repointAll(Context &c, const TopologySnapshot &snapshot,
                                                const QList<InstanceKey> &keys, const InstanceKey &newSource)
{
    struct Job
    {
        InstanceKey key;
        QStringList statements;
        int seq = 0;
        bool done = false;
        bool recorded = false;
        bool ok = false;
        QString output;
    };
    QList<Job> jobs;
    for (const InstanceKey &k : keys) {
        const InstanceFacts *f = snapshot.instance(k);
        if (!f)
            continue;
        Job j;
        j.key = k;
        j.statements = repointStatements(*f, c.request.failed, newSource);
        QString error;
        j.seq = c.log.beginStep(c.id, QStringLiteral("repoint %1 under %2").arg(k.toString(), newSource.toString()),
                                k.toString(), j.statements.join(QStringLiteral("; ")), &error);
        jobs << j;
    }
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::thread> threads;
    for (int i = 0; i < jobs.size(); ++i) {
        threads.emplace_back([&, i] {
            auto conn = connect(jobs.at(i).key);
            bool ok = conn->open();
            for (int s = 0; ok && s < jobs.at(i).statements.size(); ++s)
                ok = conn->execute(jobs.at(i).statements.at(s));
            const QString output = ok ? QStringLiteral("ok") : conn->lastError().message;
            std::lock_guard lock(mutex);
            jobs[i].ok = ok;
            jobs[i].output = output;
            jobs[i].done = true;
            changed.notify_one();
        });
    }
    // Record each outcome as it arrives (the store belongs to this thread), so the record is
    // truthful even if we die while a slow server holds up the others.
    int recorded = 0;
    while (recorded < jobs.size()) {
        QList<Job> finished;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] {
                return std::any_of(jobs.cbegin(), jobs.cend(), [](const Job &j) { return j.done && !j.recorded; });
            });
            for (Job &j : jobs)
                if (j.done && !j.recorded) {
                    j.recorded = true;
                    finished << j;
                }
        }
        for (const Job &j : finished) {
            QString error;
            c.log.endStep(c.id, j.seq, j.ok ? StepOutcome::Ok : StepOutcome::Failed, j.output, &error);
            if (m_progress)
                m_progress(QStringLiteral("repoint %1").arg(j.key.toString()), j.ok ? StepOutcome::Ok : StepOutcome::Failed);
            ++recorded;
        }
        c.log.heartbeat(c.id);
    }
    for (std::thread &t : threads)
        t.join();
    QList<InstanceKey> failed;
    for (const Job &j : jobs)
        if (!j.ok)
            failed << j.key;
    return failed;
}

RecoveryOutcome RecoveryExecutor::recoverMaster(Context &c, const TopologySnapshot &snapshot)
{
    RecoveryOutcome out;
    if (!c.request.forced)
        if (const auto taken = successorTookOver(c, snapshot))
            return completeTakeover(c, snapshot, *taken);
    const PromotionPlan plan = this->plan(snapshot, c.request);
    if (!claim(c, c.request.forced ? QStringLiteral("ForcedMasterFailover") : QStringLiteral("DeadMaster"),
               promotionPlanToJson(plan), out))
        return out;
    if (!preFailoverHooks(c, out)) {
        postHooks(c, out, HookPoint::PostMasterFailover);
        return finish(c, out);
    }
    const bool chosen = step(c, QStringLiteral("choose successor"), plan.chosen.value_or(InstanceKey()), QString(),
                             [&](QString &output) {
                                 output = plan.refusal.isEmpty() ? plan.explanation : plan.refusal;
                                 return plan.refusal.isEmpty();
                             });
    if (!chosen) {
        out.message = plan.refusal;
        postHooks(c, out, HookPoint::PostMasterFailover);
        return finish(c, out);
    }
    const InstanceFacts &candidate = *snapshot.instance(*plan.chosen);
    auto fail = [&](const QString &message) {
        out.message = message;
        postHooks(c, out, HookPoint::PostMasterFailover);
        return finish(c, out);
    };

    if (c.request.forced)
        if (const InstanceFacts *old = snapshot.instance(c.request.failed))
            if (!fenceLiveMasterFirst(c, *old, candidate, out)) {
                postHooks(c, out, HookPoint::PostMasterFailover);
                return finish(c, out);
            }

    // Nothing the candidate received may be lost: it applies its relay log before anything moves.
    if (!waitApplied(c, candidate))
        return fail(QStringLiteral("%1 could not apply what it received; nothing was moved").arg(candidate.key.toString()));

    if (plan.catchUpFrom) {
        // Second phase: the chosen replica first takes what the most advanced one has.
        const InstanceFacts &feeder = *snapshot.instance(*plan.catchUpFrom);
        if (!waitApplied(c, feeder))
            return fail(QStringLiteral("%1 could not apply what it received; nothing was moved").arg(feeder.key.toString()));
        const SqlDialect d(candidate);
        const QString channel = channelFrom(candidate, c.request.failed);
        if (!runStatements(c, QStringLiteral("catch %1 up from %2").arg(candidate.key.toString(), feeder.key.toString()),
                           candidate.key,
                           {d.stopReplication(channel), d.changeSource(feeder.key, channel), d.startReplication(channel)}))
            return fail(QStringLiteral("could not repoint %1 under %2 to catch up").arg(candidate.key.toString(), feeder.key.toString()));
        QString feederPos;
        const bool caughtUp = step(c, QStringLiteral("wait until %1 has everything %2 has").arg(candidate.key.toString(), feeder.key.toString()),
                                   candidate.key, QString(), [&](QString &output) {
            auto f = connect(feeder.key);
            const auto pos = f->open() ? f->query(QStringLiteral("SELECT @@gtid_binlog_pos AS pos")) : std::nullopt;
            if (!pos) {
                output = f->lastError().message;
                return false;
            }
            feederPos = pos->first().text(QStringLiteral("pos"));
            auto cand = connect(candidate.key, m_applyTimeoutSeconds * 1000 + 5000);
            const auto r = cand->open() ? cand->query(d.waitForPosition(feederPos, m_applyTimeoutSeconds)) : std::nullopt;
            if (!r || !d.waitSucceeded(r->first().integer(QStringLiteral("result")).value_or(-1))) {
                output = r ? QStringLiteral("did not reach %1 within %2 s").arg(feederPos).arg(m_applyTimeoutSeconds)
                           : cand->lastError().message;
                return false;
            }
            output = QStringLiteral("reached %1").arg(feederPos);
            return true;
        });
        if (!caughtUp)
            return fail(QStringLiteral("%1 did not catch up from %2").arg(candidate.key.toString(), feeder.key.toString()));
    }

    const QList<InstanceKey> notRepointed = repointAll(c, snapshot, plan.followers, candidate.key);
    if (!promote(c, candidate))
        return fail(QStringLiteral("could not promote %1").arg(candidate.key.toString()));
    out.successor = candidate.key;
    if (const InstanceFacts *old = snapshot.instance(c.request.failed))
        fenceOldMaster(c, *old);

    const QList<InstanceKey> repointed = withoutKeys(plan.followers, notRepointed);
    const QList<InstanceKey> notFollowing = verifyFollowers(c, snapshot, repointed, candidate.key);

    QList<InstanceKey> lost = notRepointed;
    for (const auto &l : plan.lost)
        lost << l.first;
    detachLost(c, snapshot, lost);
    lost << notFollowing;
    for (const InstanceKey &k : std::as_const(lost))
        out.lost << k.toString();
    out.success = true;
    out.message = QStringLiteral("%1 promoted; %2 replica(s) follow it%3")
                      .arg(candidate.key.toString())
                      .arg(repointed.size() - notFollowing.size())
                      .arg(lost.isEmpty() ? QString() : QStringLiteral("; lost: %1").arg(out.lost.join(QStringLiteral(", "))));
    postHooks(c, out, HookPoint::PostMasterFailover);
    return finish(c, out);
}

RecoveryOutcome RecoveryExecutor::recoverIntermediateMaster(Context &c, const TopologySnapshot &snapshot)
{
    RecoveryOutcome out;
    const InstanceFacts *failed = snapshot.instance(c.request.failed);
    const auto parentKey = failed ? failed->sourceKey() : std::nullopt;
    const InstanceFacts *parent = parentKey ? snapshot.instance(*parentKey) : nullptr;
    // Its replicas move up to its own source: everything they have came from there.
    QList<InstanceKey> movers;
    QList<QPair<InstanceKey, QString>> lost;
    for (const InstanceKey &k : snapshot.replicasOf(c.request.failed)) {
        const InstanceFacts *f = snapshot.instance(k);
        QString why;
        if (!f || !f->reachable)
            lost.append({k, QStringLiteral("unreachable")});
        else if (parent && !canReplicateFrom(*f, *parent, &why))
            lost.append({k, why});
        else
            movers << k;
    }
    QJsonObject details{{QStringLiteral("newSource"), parentKey ? parentKey->toString() : QString()}};
    if (!claim(c, QStringLiteral("DeadIntermediateMaster"), details, out))
        return out;
    auto fail = [&](const QString &message) {
        out.message = message;
        postHooks(c, out, HookPoint::PostIntermediateMasterFailover);
        return finish(c, out);
    };
    if (!preFailoverHooks(c, out))
        return fail(out.message);
    if (!parent || !parent->reachable)
        return fail(QStringLiteral("%1's source %2 is not reachable: its replicas have nowhere to go")
                        .arg(c.request.failed.toString(), parentKey ? parentKey->toString() : QStringLiteral("(unknown)")));
    const QList<InstanceKey> notMoved = repointAll(c, snapshot, movers, parent->key);
    const QList<InstanceKey> moved = withoutKeys(movers, notMoved);
    const QList<InstanceKey> notFollowing = verifyFollowers(c, snapshot, moved, parent->key);
    QList<InstanceKey> lostKeys = notMoved;
    for (const auto &l : std::as_const(lost))
        lostKeys << l.first;
    detachLost(c, snapshot, lostKeys);
    lostKeys << notFollowing;
    for (const InstanceKey &k : std::as_const(lostKeys))
        out.lost << k.toString();
    out.successor = parent->key;
    out.success = moved.size() > notFollowing.size() || movers.isEmpty();
    out.message = QStringLiteral("%1 replica(s) of %2 now replicate from %3%4")
                      .arg(moved.size() - notFollowing.size())
                      .arg(c.request.failed.toString(), parent->key.toString(),
                           lostKeys.isEmpty() ? QString() : QStringLiteral("; lost: %1").arg(out.lost.join(QStringLiteral(", "))));
    postHooks(c, out, HookPoint::PostIntermediateMasterFailover);
    return finish(c, out);
}

RecoveryOutcome RecoveryExecutor::recoverCoMaster(Context &c, const TopologySnapshot &snapshot)
{
    RecoveryOutcome out;
    const ClusterInfo *cluster = snapshot.clusterOf(c.request.failed);
    // The survivor is the other side of the pair: the one that replicates from the dead one.
    std::optional<InstanceKey> survivorKey;
    if (cluster) {
        QList<InstanceKey> pair = cluster->coMasters;
        pair << cluster->master;
        for (const InstanceKey &k : pair)
            if (k != c.request.failed)
                if (const InstanceFacts *f = snapshot.instance(k); f && f->reachable && f->sourceKey() == c.request.failed)
                    survivorKey = k;
    }
    QJsonObject details{{QStringLiteral("survivor"), survivorKey ? survivorKey->toString() : QString()}};
    if (!claim(c, QStringLiteral("DeadCoMaster"), details, out))
        return out;
    auto fail = [&](const QString &message) {
        out.message = message;
        postHooks(c, out, HookPoint::PostMasterFailover);
        return finish(c, out);
    };
    if (!preFailoverHooks(c, out))
        return fail(out.message);
    if (!survivorKey)
        return fail(QStringLiteral("no reachable co-master of %1 survives").arg(c.request.failed.toString()));
    const InstanceFacts &survivor = *snapshot.instance(*survivorKey);
    if (!waitApplied(c, survivor))
        return fail(QStringLiteral("%1 could not apply what it received from %2").arg(survivor.key.toString(), c.request.failed.toString()));
    QList<InstanceKey> movers;
    QList<InstanceKey> lost;
    for (const InstanceKey &k : snapshot.replicasOf(c.request.failed)) {
        if (k == survivor.key)
            continue;
        const InstanceFacts *f = snapshot.instance(k);
        if (f && f->reachable && canReplicateFrom(*f, survivor))
            movers << k;
        else
            lost << k;
    }
    const QList<InstanceKey> notMoved = repointAll(c, snapshot, movers, survivor.key);
    if (!promote(c, survivor))
        return fail(QStringLiteral("could not make %1 the sole master").arg(survivor.key.toString()));
    out.successor = survivor.key;
    if (const InstanceFacts *old = snapshot.instance(c.request.failed))
        fenceOldMaster(c, *old);
    const QList<InstanceKey> moved = withoutKeys(movers, notMoved);
    const QList<InstanceKey> notFollowing = verifyFollowers(c, snapshot, moved, survivor.key);
    lost << notMoved;
    detachLost(c, snapshot, lost);
    lost << notFollowing;
    for (const InstanceKey &k : std::as_const(lost))
        out.lost << k.toString();
    out.success = true;
    out.message = QStringLiteral("%1 is now the sole master; %2 replica(s) of %3 follow it")
                      .arg(survivor.key.toString())
                      .arg(moved.size() - notFollowing.size())
                      .arg(c.request.failed.toString());
    postHooks(c, out, HookPoint::PostMasterFailover);
    return finish(c, out);
}

} // namespace Topograph
