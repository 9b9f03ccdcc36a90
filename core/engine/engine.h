#pragma once

#include "analysis/analysis.h"
#include "discovery/instancesession.h"
#include "model/topologysnapshot.h"
#include "recovery/policy.h"
#include "recovery/recoverydecision.h"
#include "recovery/recoveryexecutor.h"
#include "store/recoverylog.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

namespace Topograph {

class PollerThread;
class Store;

// The whole engine behind one object, for the GUI and `topograph-cli watch`: polling, analysis,
// detection records, automatic recovery under policy. Lives in the caller's thread (which owns
// its Store); the poller and recoveries run on threads of their own and report back queued, so
// the caller's event loop never waits on a server.
class Engine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString storePath;
        QList<InstanceKey> seeds;             // added to the stored fleet
        ConnectionOptionsProvider connectionOptions;
        bool automaticRecovery = true;        // act when policy allows (watch); false = observe only
        int intervalMs = 0;                   // 0 = the policy's InstancePollSeconds
    };

    explicit Engine(Options options, QObject *parent = nullptr);
    ~Engine() override;

    bool start(QString *error);
    void stop();

    // A person's recovery (the Recover button, `topograph-cli recover`): not subject to
    // AutoFailover, filters or anti-flapping, still one per cluster across processes. Runs on a
    // worker thread; progress and outcome arrive as signals. Returns false (with *error) when it
    // cannot even start: unknown instance, or a recovery already running here on the cluster.
    bool recover(const RecoveryRequest &request, QString *error = nullptr);
    // Probe these now instead of at the next round (e.g. after an operation).
    void requestProbe(const QList<InstanceKey> &keys);

    TopologySnapshotPtr snapshot() const { return m_snapshot; }
    QList<Analysis> analyses() const { return m_analyses; }
    Policy policy() const { return m_policy; }
    // Who replaced whom (RecoveryLog::replacedMasters), as the latest analysis used it.
    QHash<InstanceKey, InstanceKey> replacedMasters() const { return m_replacedMasters; }
    bool recovering(const QString &cluster) const { return m_recovering.contains(cluster); }

signals:
    void snapshotUpdated(Topograph::TopologySnapshotPtr snapshot);
    void analysisAppeared(const Topograph::Analysis &analysis);
    void analysisCleared(const Topograph::Analysis &analysis);
    void recoveryDecided(const Topograph::Analysis &analysis, const Topograph::RecoveryDecision &decision);
    void recoveryStarted(const QString &cluster, const Topograph::InstanceKey &failed);
    void recoveryProgress(const QString &cluster, const QString &step, int outcome);
    void recoveryFinished(const QString &cluster, const Topograph::RecoveryOutcome &outcome);

private:
    void onSnapshot(const TopologySnapshotPtr &snapshot);
    void refreshPolicy(bool force);
    void audit(const QString &cluster, const QString &instance, const QString &action, int outcome,
               const QString &message, const QJsonObject &details = {});
    void considerRecovery(const Analysis &analysis);
    void startRecovery(const QString &cluster, const RecoveryRequest &request);
    // Known instances whose first probe has not ended yet.
    QList<InstanceKey> notYetProbed() const;

    Options m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<PollerThread> m_poller;
    TopologySnapshotPtr m_snapshot;
    QList<Analysis> m_analyses;
    QHash<QString, Analysis> m_active;          // identity -> analysis, as last seen
    QSet<QString> m_decided;                    // identities whose recovery decision was recorded
    QSet<QString> m_waitingSaid;                // identities whose "waiting for probes" was said
    QSet<QString> m_recovering;                 // clusters with a recovery in flight here
    QHash<InstanceKey, qint64> m_reprobedAt;    // ms since epoch of the last re-probe asked
    Policy m_policy;
    qint64 m_policyLoadedAt = 0;
    QHash<InstanceKey, InstanceKey> m_replacedMasters; // refreshed with the policy
    RecoveryLog::ChangeMark m_replacedMark;            // of the recoveries m_replacedMasters was read from
};

} // namespace Topograph

Q_DECLARE_METATYPE(Topograph::Analysis)
Q_DECLARE_METATYPE(Topograph::RecoveryDecision)
Q_DECLARE_METATYPE(Topograph::RecoveryOutcome)
Q_DECLARE_METATYPE(Topograph::InstanceKey)
