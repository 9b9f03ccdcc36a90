#pragma once

#include "instancesession.h"

#include "model/topologysnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>

class QThread;

namespace Topograph {

class Reactor;
class Store;

// Keeps the fleet's facts fresh and publishes them as immutable snapshots.
//
// Lives in its own thread (see PollerThread). Every intervalMs a round probes every known
// instance, each over ONE persistent connection. Every probe is a coroutine (InstanceSession::
// probeAsync) whose socket waits and deadlines one Reactor drives on this thread's event loop, so
// probes progress independently of each other: a hung or cut-off server costs its own suspended
// probe, one socket and one deadline, never a thread or another server's probe. The round's
// snapshot is published when its probes are done, or at the round's deadline, whichever comes
// first: a hung server keeps its last known facts (its lastChecked shows how stale they are) and
// never holds back the others. One that keeps timing out is probed every 1, 2, 4, then 5 rounds,
// unless it has replicas (a master's death must be seen at once).
//
// Failures are seen faster than a round where a cheaper signal exists:
//  - between probes the poller watches each idle connection's socket. A server that dies (even
//    by kill -9: the kernel closes its sockets and sends FIN) makes the socket readable at once;
//    that instance and its replicas are probed immediately;
//  - when a probe of an instance fails, the snapshot is published at once and the instance's
//    replicas are re-probed at once, so their IO threads' view (failing to connect or still
//    streaming) follows within milliseconds;
//  - requestProbe() lets the analyser ask for the same (UnreachableMaster).
// Instances named by a probe (a new replica in SHOW SLAVE HOSTS, a source nobody knew) join the
// fleet and are probed at once; instances that stop answering are kept and marked unreachable.
class Poller : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QList<InstanceKey> seeds;
        int intervalMs = 1000; // InstancePollSeconds
        bool watchSockets = true;
        ConnectionOptionsProvider connectionOptions;
        // Known instances are saved there and loaded at start (empty: nothing persisted).
        QString storePath;
        bool loadStoredInstances = true;
        // lastSeen/lastChecked/lastError are written at most this often per instance (sooner
        // when reachability or the cluster changes): the store is not a probe log.
        int persistIntervalMs = 10000;
    };
    struct Stats
    {
        qint64 probes = 0;
        qint64 connects = 0; // connections opened, over every instance
        qint64 rounds = 0;
        qint64 snapshots = 0;
        qint64 socketWakeups = 0; // probes started because a watched socket signalled
        int instances = 0;
        int inFlight = 0;        // probes waiting on their server now
        int openConnections = 0; // at the last snapshot (at most one per instance)
        // Non-empty when the fleet needs more open files than the process may have.
        QString limitError;
    };

    explicit Poller(Options options, QObject *parent = nullptr);
    ~Poller() override;

    // Thread-safe: probe these now, outside the round (unknown keys join the fleet), and publish
    // a snapshot as soon as they are done.
    void requestProbe(const QList<InstanceKey> &keys);
    // Thread-safe.
    Stats stats() const;
    TopologySnapshotPtr latestSnapshot() const;
    // Error opening the store at start (the poller then runs without persistence).
    QString storeError() const;

    // Raises the soft RLIMIT_NOFILE (up to the hard one) so that this many instances, one
    // connection each, fit with room for everything else; returns what to tell the user when
    // they do not (empty when they do). Called by the poller when its fleet grows.
    static QString ensureDescriptorLimit(int instances);

public slots:
    void start();
    // Stops the rounds, waits for probes in flight (bounded by the connection timeouts) and
    // closes every connection. Must run in the poller's thread.
    void stop();

signals:
    void snapshotReady(Topograph::TopologySnapshotPtr snapshot);

private:
    struct Slot;
    struct Batch
    {
        int pending = 0;
        bool published = false;
    };

    Slot *addSlot(const InstanceKey &key, bool persist);
    void removeSlot(const InstanceKey &key);
    qint64 newBatch(int deadlineMs);
    // queueIfBusy: a probe already running may predate what prompted this one, so run again
    // after it (requests, failures); a round simply skips a busy instance.
    void dispatch(Slot &slot, qint64 batch, bool queueIfBusy);
    void startProbe(Slot &slot, QList<qint64> batches);
    // Publishes at once when the batch has nothing to wait for.
    bool sealBatch(qint64 batch, bool publishIfEmpty);
    void round();
    void probeNow(const QList<InstanceKey> &keys);
    void onProbeDone(const InstanceKey &key, const std::shared_ptr<InstanceSession> &session,
                     const InstanceFacts &facts);
    enum class Due { Nothing, Now, Soon };
    // Now when the batch is complete; Soon for a late result of a batch already published at its
    // deadline (late results are gathered into one snapshot).
    Due finishBatch(qint64 batch);
    void publishSoon();
    void probeBatch(const QList<InstanceKey> &keys, bool queueIfBusy);
    QList<InstanceKey> replicasOf(const InstanceKey &key) const;
    void learnNeighbours(const InstanceFacts &facts);
    // True when slot turned out to be a second name of a known server and was removed.
    bool resolveAlias(const InstanceKey &key);
    void armWatch(Slot &slot);
    void unwatch(Slot &slot);
    void checkDescriptorLimit();
    void onSocketActivity(const InstanceKey &key);
    void publish();
    void refreshStoreMetadata();
    void persist(const TopologySnapshot &snapshot);

    Options m_options;
    Reactor *m_reactor = nullptr; // created in start(), in the poller's thread
    QHash<InstanceKey, std::shared_ptr<Slot>> m_slots;
    QHash<InstanceKey, InstanceKey> m_aliases; // a second name of a known server -> its key
    QHash<QString, InstanceKey> m_identities;  // Discovery::identity -> key
    QHash<qint64, Batch> m_batches;
    qint64 m_nextBatch = 1;
    qint64 m_sequence = 0;
    QTimer *m_roundTimer = nullptr;
    QTimer *m_publishTimer = nullptr;
    bool m_running = false;

    std::unique_ptr<Store> m_store;
    QString m_storeError;
    QHash<QString, QString> m_clusterAliases;
    QHash<InstanceKey, Downtime> m_downtimes;
    QSet<InstanceKey> m_maintenance;
    QHash<InstanceKey, PromotionRule> m_promotionRules;

    mutable std::mutex m_latestMutex;
    TopologySnapshotPtr m_latest;
    std::atomic<qint64> m_probes{0}, m_connects{0}, m_rounds{0}, m_snapshots{0}, m_wakeups{0};
    std::atomic<int> m_instanceCount{0};
    std::atomic<int> m_inFlight{0};
    std::atomic<int> m_openConnections{0};
    int m_limitCheckedFor = 0;
    QString m_limitError; // under m_latestMutex
};

// Runs a Poller in a thread of its own; stop() (or the destructor) ends it cleanly.
class PollerThread
{
public:
    explicit PollerThread(Poller::Options options);
    ~PollerThread();
    PollerThread(const PollerThread &) = delete;
    PollerThread &operator=(const PollerThread &) = delete;

    // Connect to its signals before start(); they arrive queued in the receiver's thread.
    Poller *poller() const { return m_poller; }
    void start();
    void stop();

private:
    std::unique_ptr<QThread> m_thread;
    Poller *m_poller = nullptr;
    bool m_started = false;
};

} // namespace Topograph

Q_DECLARE_METATYPE(Topograph::TopologySnapshotPtr)
