#include "engine.h"

#include "analysis/analyzer.h"
#include "discovery/poller.h"
#include "logging/logging.h"
#include "policystore.h"
#include "recovery/hookrunner.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QDateTime>
#include <QPointer>
#include <QThread>

namespace Topograph {

namespace {

int registerTypes()
{
    qRegisterMetaType<Topograph::TopologySnapshotPtr>("Topograph::TopologySnapshotPtr");
    qRegisterMetaType<Topograph::Analysis>("Topograph::Analysis");
    qRegisterMetaType<Topograph::RecoveryDecision>("Topograph::RecoveryDecision");
    qRegisterMetaType<Topograph::RecoveryOutcome>("Topograph::RecoveryOutcome");
    qRegisterMetaType<Topograph::InstanceKey>("Topograph::InstanceKey");
    return 0;
}

} // namespace

Engine::Engine(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    static const int registered = registerTypes();
    Q_UNUSED(registered);
}

Engine::~Engine()
{
    stop();
}

bool Engine::start(QString *error)
{
    m_store = Store::open(m_options.storePath, error);
    if (!m_store)
        return false;
    m_store->setActor(QStringLiteral("auto"));
    refreshPolicy(true);
    Poller::Options po;
    po.seeds = m_options.seeds;
    po.intervalMs = m_options.intervalMs > 0 ? m_options.intervalMs : m_policy.instancePollSeconds * 1000;
    po.connectionOptions = m_options.connectionOptions;
    po.storePath = m_store->path();
    m_poller = std::make_unique<PollerThread>(po);
    connect(m_poller->poller(), &Poller::snapshotReady, this, &Engine::onSnapshot, Qt::QueuedConnection);
    m_poller->start();
    return true;
}

void Engine::stop()
{
    if (m_poller) {
        m_poller->stop();
        m_poller.reset();
    }
    // Recoveries in flight finish what they started: an abandoned half-done recovery is worse
    // than a late exit. They are bounded by their connection and wait timeouts.
    for (QThread *t : findChildren<QThread *>()) {
        t->wait();
        delete t;
    }
}

void Engine::refreshPolicy(bool force)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!force && now - m_policyLoadedAt < 1000)
        return;
    m_policyLoadedAt = now;
    QString error;
    if (const auto p = loadPolicy(*m_store, &error))
        m_policy = *p;
    else
        spdlog::error("{}", error); // keep the last good policy
    // Recoveries by any process sharing the store: whom they replaced (FormerMasterReturned).
    // This runs on the engine's thread (the window's GUI thread), so the table is read again only
    // when a recovery started or ended since.
    const RecoveryLog recoveries(*m_store);
    const RecoveryLog::ChangeMark mark = recoveries.changeMark(); // {} on error: never equal
    if (mark != RecoveryLog::ChangeMark{} && mark == m_replacedMark)
        return;
    QString replacedError;
    const auto replaced = recoveries.replacedMasters(&replacedError);
    if (replacedError.isEmpty()) {
        m_replacedMasters = replaced;
        m_replacedMark = mark;
    } else {
        spdlog::error("{}", replacedError);
    }
}

void Engine::audit(const QString &cluster, const QString &instance, const QString &action, int outcome,
                   const QString &message, const QJsonObject &details)
{
    AuditEntry e;
    e.actor = QStringLiteral("auto");
    e.cluster = cluster;
    e.instance = instance;
    e.action = action;
    e.outcome = AuditOutcome(outcome);
    e.message = message;
    e.details = details;
    QString error;
    if (!AuditLog(*m_store).append(e, &error))
        spdlog::error("audit: {}", error);
}

void Engine::onSnapshot(const TopologySnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    refreshPolicy(false);
    AnalyzerSettings settings;
    settings.reasonableReplicationLagSeconds = m_policy.reasonableReplicationLagSeconds;
    settings.replacedMasters = m_replacedMasters;
    m_analyses = analyze(*snapshot, settings);

    // Re-probe what an analysis asks for at once when it appears, then at most every 250 ms per
    // server: a dead server's probe fails instantly, and asking on every snapshot would spin.
    QHash<QString, Analysis> now;
    QList<InstanceKey> reprobe;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const Analysis &a : std::as_const(m_analyses)) {
        now.insert(a.identity(), a);
        for (const InstanceKey &k : a.reprobe) {
            const bool fresh = !m_active.contains(a.identity());
            if (fresh || nowMs - m_reprobedAt.value(k, 0) >= 250) {
                if (!reprobe.contains(k))
                    reprobe << k;
                m_reprobedAt.insert(k, nowMs);
            }
        }
    }
    if (!reprobe.isEmpty() && m_poller)
        m_poller->poller()->requestProbe(reprobe);

    // A condition is one audit entry when it appears and one when it clears, however many
    // snapshots it lasts.
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (m_active.contains(it.key()))
            continue;
        const Analysis &a = it.value();
        audit(a.cluster, a.instance.toString(), QStringLiteral("detect"), int(AuditOutcome::Ok),
              QStringLiteral("%1: %2").arg(a.codeName(), a.explanation), a.toJson());
        emit analysisAppeared(a);
        if (a.actionable && !a.downtimed) {
            HookContext h;
            h.failureType = a.codeName();
            h.cluster = a.cluster;
            h.clusterAlias = a.clusterAlias;
            h.failedHost = a.instance.host();
            h.failedPort = a.instance.port();
            const Policy policy = m_policy;
            if (!policy.hooks.value(HookPoint::OnFailureDetection).isEmpty()) {
                QThread *t = QThread::create([policy, h] { HookRunner(policy).run(HookPoint::OnFailureDetection, h); });
                t->setParent(this);
                connect(t, &QThread::finished, t, &QObject::deleteLater);
                t->start();
            }
        }
    }
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (now.contains(it.key()))
            continue;
        const Analysis &a = it.value();
        audit(a.cluster, a.instance.toString(), QStringLiteral("clear"), int(AuditOutcome::Ok),
              QStringLiteral("%1 cleared on %2").arg(a.codeName(), a.instance.toString()));
        m_decided.remove(it.key());
        m_waitingSaid.remove(it.key());
        emit analysisCleared(a);
    }
    m_active = now;
    emit snapshotUpdated(snapshot);

    for (const Analysis &a : std::as_const(m_analyses))
        if (a.actionable)
            considerRecovery(a);
}

void Engine::considerRecovery(const Analysis &a)
{
    if (!m_options.automaticRecovery || m_recovering.contains(a.cluster))
        return;
    refreshPolicy(true);
    RecoveryLog log(*m_store);
    QString error;
    log.markInterruptedRecoveries(120, &error);
    // A recovery renames its cluster (the name is the master's address): the one that blocks
    // this cluster may be recorded under the old name, with this cluster's master as successor.
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    RecoveryFilter f;
    f.since = nowUtc.addSecs(-qMax(m_policy.recoveryPeriodBlockSeconds, 1));
    const ClusterInfo *cluster = m_snapshot ? m_snapshot->cluster(a.cluster) : nullptr;
    std::optional<Recovery> recent;
    for (const Recovery &r : log.recoveries(f, &error)) {
        const auto successor = InstanceKey::parse(r.successor);
        const auto failed = InstanceKey::parse(r.failedInstance);
        const bool ours = r.cluster == a.cluster
                          || (cluster && ((successor && cluster->members.contains(*successor))
                                          || (failed && cluster->members.contains(*failed))));
        if (ours && (!recent || r.startedAt > recent->startedAt))
            recent = r;
    }
    const RecoveryDecision d = decideAutomaticRecovery(a, m_policy, recent, nowUtc, notYetProbed());
    if (d.kind == RecoveryDecision::Waiting) {
        // Asked again on every snapshot until the first probes are in; said once.
        if (!m_waitingSaid.contains(a.identity())) {
            m_waitingSaid.insert(a.identity());
            emit recoveryDecided(a, d);
            spdlog::info("{} on {}: {}", a.codeName(), a.instance.toString(), d.reason);
        }
        return;
    }
    if (d.kind == RecoveryDecision::Recover) {
        m_decided.insert(a.identity());
        emit recoveryDecided(a, d);
        RecoveryRequest request;
        request.failed = a.instance;
        request.analysisCode = a.codeName();
        request.automatic = true;
        request.actor = QStringLiteral("auto");
        request.continues = d.continuesRecoveryId;
        startRecovery(a.cluster, request);
        return;
    }
    if (m_decided.contains(a.identity()))
        return; // said once for this occurrence
    m_decided.insert(a.identity());
    emit recoveryDecided(a, d);
    if (d.kind == RecoveryDecision::Blocked) {
        BlockedRecovery b;
        b.cluster = a.cluster;
        b.failedInstance = a.instance.toString();
        b.analysis = a.codeName();
        b.reason = d.reason;
        b.blockingRecoveryId = d.blockingRecoveryId;
        if (!log.recordBlocked(b, &error))
            spdlog::error("recording a blocked recovery: {}", error);
    } else {
        audit(a.cluster, a.instance.toString(), QStringLiteral("auto-recovery"), int(AuditOutcome::Refused),
              QStringLiteral("no automatic recovery of %1 on %2: %3").arg(a.codeName(), a.instance.toString(), d.reason),
              QJsonObject{{QStringLiteral("decision"), recoveryDecisionName(d.kind)}});
    }
    spdlog::warn("{} on {}: {}", a.codeName(), a.instance.toString(), d.reason);
}

QList<InstanceKey> Engine::notYetProbed() const
{
    // An instance whose first probe has not ended may belong to any cluster (it may be the most
    // advanced replica of the one that failed): nobody decides until it answered or timed out.
    return m_snapshot ? m_snapshot->notYetProbed() : QList<InstanceKey>{};
}

bool Engine::recover(const RecoveryRequest &request, QString *error)
{
    const ClusterInfo *cluster = m_snapshot ? m_snapshot->clusterOf(request.failed) : nullptr;
    if (!cluster) {
        if (error)
            *error = QStringLiteral("%1 is not a known instance").arg(request.failed.toString());
        return false;
    }
    if (const QList<InstanceKey> pending = notYetProbed(); !pending.isEmpty()) {
        if (error) {
            QStringList names;
            for (const InstanceKey &k : pending)
                names << k.toString();
            *error = QStringLiteral("not every known instance has been probed yet (%1): nothing changed; "
                                    "try again in a moment")
                         .arg(names.join(QStringLiteral(", ")));
        }
        return false;
    }
    if (m_recovering.contains(cluster->name)) {
        if (error)
            *error = QStringLiteral("a recovery of cluster %1 is already running").arg(cluster->name);
        return false;
    }
    startRecovery(cluster->name, request);
    return true;
}

void Engine::requestProbe(const QList<InstanceKey> &keys)
{
    if (m_poller)
        m_poller->poller()->requestProbe(keys);
}

void Engine::startRecovery(const QString &cluster, const RecoveryRequest &request)
{
    m_recovering.insert(cluster);
    emit recoveryStarted(cluster, request.failed);
    const QString storePath = m_store->path();
    const Policy policy = m_policy;
    const TopologySnapshotPtr snapshot = m_snapshot;
    const ConnectionOptionsProvider options = m_options.connectionOptions;
    QPointer<Engine> self(this);
    QThread *t = QThread::create([=] {
        QString error;
        RecoveryOutcome out;
        auto store = Store::open(storePath, &error);
        if (!store) {
            out.message = error;
        } else {
            store->setActor(request.actor.isEmpty() ? Store::osActor() : request.actor);
            RecoveryExecutor ex(*store, policy, options);
            ex.setProgress([self, cluster](const QString &step, StepOutcome o) {
                if (self)
                    QMetaObject::invokeMethod(self, [self, cluster, step, o] {
                        if (self)
                            emit self->recoveryProgress(cluster, step, int(o));
                    }, Qt::QueuedConnection);
            });
            out = ex.run(*snapshot, request);
        }
        QMetaObject::invokeMethod(self, [self, cluster, out] {
            if (!self)
                return;
            self->m_recovering.remove(cluster);
            // Look again at once: the topology just changed.
            if (self->m_poller && self->m_snapshot)
                if (const ClusterInfo *c = self->m_snapshot->cluster(cluster))
                    self->m_poller->poller()->requestProbe(c->members);
            emit self->recoveryFinished(cluster, out);
        }, Qt::QueuedConnection);
    });
    t->setParent(this);
    connect(t, &QThread::finished, t, &QObject::deleteLater);
    t->start();
}

} // namespace Topograph
