#include "poller.h"

#include "model/factsjson.h"

#include "discovery.h"

#include "logging/logging.h"
#include "mysql/reactor.h"
#include "store/store.h"

#include <cerrno>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>

namespace Topograph {

struct Poller::Slot
{
    InstanceKey key;
    std::shared_ptr<InstanceSession> session;
    InstanceFacts facts;
    bool probed = false; // a probe finished at least once; never-probed slots stay out of snapshots
    bool busy = false;
    QList<qint64> inflight; // batches waiting for the running probe
    bool again = false;     // asked for again while busy
    QList<qint64> againBatches;
    qint64 connectsSeen = 0;
    // Back-off of a server that stops answering: rounds to skip before its next round probe.
    int timeoutStreak = 0;
    int roundsToSkip = 0;

    quint64 watchId = 0; // the reactor's wait on the idle socket, 0 when not watched
    int watchedFd = -1;
    qint64 watchedConnects = -1;
    bool socketTriggered = false;
    int spuriousWakeups = 0;

    bool persisted = false;
    QDateTime persistedAt;
    bool persistedReachable = false;
    QString persistedCluster;
};

namespace {

// A round's snapshot waits for its probes at most this long; a server that starts hanging costs
// the others' publication this much once (afterwards it is probed without being waited for).
int roundDeadlineMs(int intervalMs)
{
    return std::clamp(intervalMs / 4, 50, 250);
}

int urgentDeadlineMs(int intervalMs)
{
    return std::clamp(intervalMs / 2, 50, 250);
}

// After k probes in a row that timed out, a server without replicas skips this many rounds: it
// is probed every 1, 2, 4, then 5 intervals (InstancePollSeconds up to five times it).
int backoffRounds(int timeoutStreak)
{
    return timeoutStreak <= 1 ? 0 : std::min(4, (1 << std::min(timeoutStreak - 1, 3)) - 1);
}

// Descriptors the process needs besides one per instance: the store, logs, the event loop, the
// GUI or the terminal, a recovery's connections.
constexpr int ReservedDescriptors = 256;

} // namespace

QString Poller::ensureDescriptorLimit(int instances)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return {};
    const rlim_t needed = rlim_t(instances) + ReservedDescriptors;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed) {
        const rlim_t old = limit.rlim_cur;
        // Room to grow without asking again at every new instance.
        const rlim_t wanted = needed + needed / 4;
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(limit.rlim_max, wanted);
        if (::setrlimit(RLIMIT_NOFILE, &limit) == 0)
            spdlog::info("poller: open-file limit raised from {} to {} for {} instances", old, limit.rlim_cur,
                         instances);
        else
            ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < needed)
        return QStringLiteral("the fleet has %1 instances, which need about %2 open files (one connection "
                              "each plus %3), but this process may open at most %4 (ulimit -Hn); some "
                              "instances will fail to connect with 'too many open files': raise the hard "
                              "limit (LimitNOFILE= in the service unit, nofile in /etc/security/limits.conf)")
            .arg(instances)
            .arg(qulonglong(needed))
            .arg(ReservedDescriptors)
            .arg(qulonglong(limit.rlim_cur));
    return {};
}

namespace {

} // namespace

Poller::Poller(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<Topograph::TopologySnapshotPtr>("Topograph::TopologySnapshotPtr");
    m_options.intervalMs = std::max(50, m_options.intervalMs);
}

Poller::~Poller()
{
    // Probes still suspended unwind through their timeout path while the sessions exist.
    if (m_reactor)
        m_reactor->expireAll();
}

void Poller::start()
{
    if (m_running)
        return;
    m_running = true;
    m_reactor = new Reactor(this);
    if (!m_options.storePath.isEmpty()) {
        m_store = Store::open(m_options.storePath, &m_storeError);
        if (!m_store)
            spdlog::warn("poller: known instances will not be saved: {}", m_storeError);
        else // what the poller changes by itself (forgetting an alias) is the engine's doing
            m_store->setActor(QStringLiteral("auto"));
    }
    if (m_store && m_options.loadStoredInstances) {
        QString error;
        for (const Store::KnownInstance &k : m_store->knownInstances(&error)) {
            Slot *slot = addSlot(k.key, false);
            // Where it sat in the tree when last seen: if it does not answer now, the snapshot
            // still places it (and its replicas) truthfully, marked unreachable.
            if (slot && !k.lastFacts.isEmpty())
                if (auto last = instanceFactsFromJson(k.lastFacts)) {
                    last->reachable = false;
                    slot->facts = *last;
                }
        }
        if (!error.isEmpty())
            spdlog::warn("poller: cannot read the known instances: {}", error);
    }
    for (const InstanceKey &k : std::as_const(m_options.seeds))
        if (k.isValid() && !m_slots.contains(k))
            addSlot(k, true);
    m_publishTimer = new QTimer(this);
    m_publishTimer->setSingleShot(true);
    m_publishTimer->setInterval(20);
    connect(m_publishTimer, &QTimer::timeout, this, &Poller::publish);
    m_roundTimer = new QTimer(this);
    m_roundTimer->setTimerType(Qt::PreciseTimer);
    m_roundTimer->setInterval(m_options.intervalMs);
    connect(m_roundTimer, &QTimer::timeout, this, &Poller::round);
    m_roundTimer->start();
    checkDescriptorLimit();
    spdlog::info("poller: polling {} instances every {} ms, every probe on this thread's event loop",
                 m_slots.size(), m_options.intervalMs);
    round();
}

void Poller::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_roundTimer)
        m_roundTimer->stop();
    if (m_publishTimer)
        m_publishTimer->stop();
    for (auto &slot : m_slots)
        unwatch(*slot);
    m_reactor->expireAll(); // probes in flight end now, as if they had timed out
    for (auto &slot : m_slots)
        slot->session->close();
    m_store.reset();
    spdlog::info("poller: stopped after {} probes and {} connections", m_probes.load(), m_connects.load());
}

void Poller::requestProbe(const QList<InstanceKey> &keys)
{
    QMetaObject::invokeMethod(this, [this, keys] { probeBatch(keys, true); }, Qt::QueuedConnection);
}

Poller::Stats Poller::stats() const
{
    Stats s;
    s.probes = m_probes;
    s.connects = m_connects;
    s.rounds = m_rounds;
    s.snapshots = m_snapshots;
    s.socketWakeups = m_wakeups;
    s.instances = m_instanceCount;
    s.inFlight = m_inFlight;
    s.openConnections = m_openConnections;
    {
        std::lock_guard lock(m_latestMutex);
        s.limitError = m_limitError;
    }
    return s;
}

TopologySnapshotPtr Poller::latestSnapshot() const
{
    std::lock_guard lock(m_latestMutex);
    return m_latest;
}

QString Poller::storeError() const
{
    return m_storeError;
}

Poller::Slot *Poller::addSlot(const InstanceKey &key, bool persist)
{
    auto slot = std::make_shared<Slot>();
    slot->key = key;
    ConnectionOptions o = m_options.connectionOptions ? m_options.connectionOptions(key) : ConnectionOptions{};
    o.key = key;
    slot->session = std::make_shared<InstanceSession>(std::move(o));
    slot->facts.key = key;
    // Stored instances are already in the store; new ones are written with the next snapshot.
    slot->persisted = !persist;
    m_slots.insert(key, slot);
    m_instanceCount = int(m_slots.size());
    if (m_running)
        checkDescriptorLimit();
    return slot.get();
}

void Poller::removeSlot(const InstanceKey &key)
{
    const auto slot = m_slots.take(key);
    if (!slot)
        return;
    unwatch(*slot);
    // A probe in flight keeps the session alive; its result is then ignored.
    if (!slot->busy)
        slot->session->close();
    for (qint64 b : std::as_const(slot->inflight) + slot->againBatches)
        if (finishBatch(b) != Due::Nothing)
            publishSoon();
    m_instanceCount = int(m_slots.size());
}

qint64 Poller::newBatch(int deadlineMs)
{
    const qint64 id = m_nextBatch++;
    m_batches.insert(id, Batch{});
    QTimer::singleShot(deadlineMs, this, [this, id] {
        const auto it = m_batches.find(id);
        if (it == m_batches.end() || it->published)
            return;
        it->published = true;
        publish();
    });
    return id;
}

bool Poller::sealBatch(qint64 batch, bool publishIfEmpty)
{
    const auto it = m_batches.find(batch);
    if (it == m_batches.end() || it->pending > 0)
        return false;
    m_batches.erase(it);
    if (publishIfEmpty)
        publish();
    return true;
}

Poller::Due Poller::finishBatch(qint64 batch)
{
    const auto it = m_batches.find(batch);
    if (it == m_batches.end())
        return Due::Nothing;
    --it->pending;
    const bool late = it->published;
    if (it->pending <= 0) {
        m_batches.erase(it);
        return late ? Due::Soon : Due::Now;
    }
    return late ? Due::Soon : Due::Nothing;
}

void Poller::publishSoon()
{
    // Gathers results that trickle in (late ones, instances outside any batch) into one snapshot.
    if (m_publishTimer && !m_publishTimer->isActive())
        m_publishTimer->start();
}

void Poller::dispatch(Slot &slot, qint64 batch, bool queueIfBusy)
{
    if (slot.busy) {
        if (!queueIfBusy)
            return;
        slot.again = true;
        if (batch) {
            slot.againBatches.append(batch);
            ++m_batches[batch].pending;
        }
        return;
    }
    if (batch)
        ++m_batches[batch].pending;
    startProbe(slot, batch ? QList<qint64>{batch} : QList<qint64>{});
}

void Poller::startProbe(Slot &slot, QList<qint64> batches)
{
    if (!m_running) {
        // A result handled after stop() (it was queued) asks for more: nothing runs any more.
        for (qint64 b : std::as_const(batches))
            finishBatch(b);
        return;
    }
    slot.busy = true;
    slot.inflight = std::move(batches);
    unwatch(slot); // the probe owns the socket until the result is back
    ++m_inFlight;
    const std::shared_ptr<InstanceSession> session = slot.session;
    const InstanceKey key = slot.key;
    // The probe runs on this thread's reactor, concurrently with every other one: a server that
    // does not answer holds its own suspended probe and socket, nothing else. The result is
    // handled from the event loop (a probe that never waits would otherwise finish inside the
    // loop that started it); a queued call to a deleted poller is dropped.
    Task<InstanceFacts>::start(session->probeAsync(slot.facts, m_reactor), [this, key, session](InstanceFacts facts) {
        QMetaObject::invokeMethod(this, [this, key, session, facts = std::move(facts)] {
            --m_inFlight;
            onProbeDone(key, session, facts);
        }, Qt::QueuedConnection);
    });
}

void Poller::probeBatch(const QList<InstanceKey> &keys, bool queueIfBusy)
{
    if (!m_running || keys.isEmpty())
        return;
    const qint64 batch = newBatch(urgentDeadlineMs(m_options.intervalMs));
    for (InstanceKey k : keys) {
        k = m_aliases.value(k, k);
        if (!k.isValid())
            continue;
        auto it = m_slots.find(k);
        Slot *slot = it != m_slots.end() ? it->get() : addSlot(k, true);
        dispatch(*slot, batch, queueIfBusy);
    }
    sealBatch(batch, false);
}

void Poller::round()
{
    if (!m_running)
        return;
    ++m_rounds;
    refreshStoreMetadata();
    const qint64 batch = newBatch(roundDeadlineMs(m_options.intervalMs));
    for (auto &slot : m_slots) {
        // A busy (slow, frozen) instance is skipped; one whose last probe timed out is probed but
        // not waited for (its result is published whenever it comes), and less often while it
        // keeps timing out (see onProbeDone).
        if (!slot->busy && slot->roundsToSkip > 0) {
            --slot->roundsToSkip;
            continue;
        }
        const bool suspect = slot->facts.lastError == ProbeError::Timeout;
        dispatch(*slot, suspect ? 0 : batch, false);
    }
    sealBatch(batch, true);
}

QList<InstanceKey> Poller::replicasOf(const InstanceKey &key) const
{
    QList<InstanceKey> out;
    if (const auto it = m_slots.constFind(key); it != m_slots.cend())
        for (const InstanceKey &k : (*it)->facts.replicaKeys)
            if (m_slots.contains(m_aliases.value(k, k)) && !out.contains(m_aliases.value(k, k)))
                out.append(m_aliases.value(k, k));
    for (const auto &slot : m_slots)
        for (const ReplicationChannel &c : slot->facts.channels)
            if (m_aliases.value(c.source, c.source) == key && !out.contains(slot->key))
                out.append(slot->key);
    return out;
}

void Poller::learnNeighbours(const InstanceFacts &facts)
{
    QList<InstanceKey> fresh;
    for (const InstanceKey &n : Discovery::neighbours(facts)) {
        const InstanceKey k = m_aliases.value(n, n);
        if (m_slots.contains(k))
            continue;
        spdlog::info("poller: {} names {}, which joins the fleet", facts.key.toString(), k.toString());
        addSlot(k, true);
        fresh.append(k);
    }
    if (!fresh.isEmpty())
        probeBatch(fresh, false);
}

bool Poller::resolveAlias(const InstanceKey &key)
{
    const auto it = m_slots.find(key);
    const QString id = Discovery::identity((*it)->facts);
    if (id.isEmpty())
        return false;
    const InstanceKey other = m_identities.value(id);
    if (!other.isValid() || other == key || !m_slots.contains(other)) {
        m_identities.insert(id, key);
        return false;
    }
    // One server under two names: keep the name other instances use for it.
    bool keyReferenced = false;
    for (const auto &slot : std::as_const(m_slots))
        keyReferenced = keyReferenced || Discovery::neighbours(slot->facts).contains(key);
    const InstanceKey alias = keyReferenced ? other : key;
    const InstanceKey canonical = keyReferenced ? key : other;
    spdlog::info("poller: {} is {} under another name; keeping {}", alias.toString(),
                 canonical.toString(), canonical.toString());
    m_aliases.insert(alias, canonical);
    m_identities.insert(id, canonical);
    removeSlot(alias);
    if (m_store) {
        QString error;
        m_store->forgetInstance(alias, &error);
    }
    return alias == key;
}

void Poller::onProbeDone(const InstanceKey &key, const std::shared_ptr<InstanceSession> &session,
                         const InstanceFacts &facts)
{
    const auto it = m_slots.find(key);
    if (it == m_slots.end() || (*it)->session != session)
        return; // forgotten, or renamed, while the probe ran
    const std::shared_ptr<Slot> slot = *it;
    ++m_probes;
    const qint64 connects = session->connectCount();
    m_connects += connects - slot->connectsSeen;
    slot->connectsSeen = connects;

    const bool wasProbed = slot->probed;
    const bool wasReachable = slot->facts.reachable;
    const bool succeeded = facts.lastSeen.isValid() && facts.lastSeen == facts.lastChecked;
    slot->facts = facts;
    slot->probed = true;
    slot->busy = false;
    const QList<qint64> done = std::exchange(slot->inflight, {});
    if (facts.lastError == ProbeError::Timeout && replicasOf(key).isEmpty()) {
        // Hung or cut off: probe it less often. Never a server with replicas: its death must be
        // seen at once (and its replicas' view is what decides DeadMaster).
        ++slot->timeoutStreak;
        slot->roundsToSkip = backoffRounds(slot->timeoutStreak);
    } else {
        slot->timeoutStreak = 0;
        slot->roundsToSkip = 0;
    }
    // A failure, or a recovery, is news the analyser should have now, not at the round's end.
    bool publishNow = wasProbed ? wasReachable != facts.reachable : !facts.reachable;
    if (slot->socketTriggered) {
        slot->socketTriggered = false;
        slot->spuriousWakeups = succeeded ? slot->spuriousWakeups + 1 : 0;
    }

    auto finish = [&] {
        bool soon = done.isEmpty(); // probed outside any batch
        for (qint64 b : done) {
            const Due due = finishBatch(b);
            publishNow = publishNow || due == Due::Now;
            soon = soon || due == Due::Soon;
        }
        if (publishNow)
            publish();
        else if (soon)
            publishSoon();
    };
    if (succeeded && resolveAlias(key)) {
        finish();
        return;
    }
    learnNeighbours(facts);

    if (facts.lastError == ProbeError::AccessDenied && m_options.connectionOptions) {
        // The login may have changed since the session was made (a password stored in the
        // keychain, a connection profile saved, the server placed in a cluster with its own
        // entry): ask the provider again for the next probe. It caches, so this stays cheap.
        ConnectionOptions o = m_options.connectionOptions(key);
        o.key = key;
        unwatch(*slot);
        slot->watchedFd = -1;
        slot->session->close();
        slot->session = std::make_shared<InstanceSession>(std::move(o));
        slot->connectsSeen = 0;
    }

    if (!facts.reachable) {
        // Confirm at once what the replicas' IO threads say about it (DeadMaster needs them to
        // agree). After a fresh failure a probe already running may predate it: run it again.
        const QList<InstanceKey> replicas = replicasOf(key);
        if (!replicas.isEmpty()) {
            const qint64 batch = newBatch(urgentDeadlineMs(m_options.intervalMs));
            const bool fresh = wasReachable || !wasProbed;
            for (const InstanceKey &r : replicas)
                dispatch(*m_slots.value(r), batch, fresh);
            sealBatch(batch, false);
        }
    }

    if (slot->again) {
        slot->again = false;
        startProbe(*slot, std::exchange(slot->againBatches, {}));
    } else {
        armWatch(*slot);
    }
    finish();
}

void Poller::unwatch(Slot &slot)
{
    if (slot.watchId && m_reactor)
        m_reactor->cancel(slot.watchId);
    slot.watchId = 0;
}

void Poller::armWatch(Slot &slot)
{
    unwatch(slot);
    if (!m_options.watchSockets || slot.busy || !m_running)
        return;
    const int fd = slot.session->socketDescriptor();
    if (fd < 0) {
        slot.watchedFd = -1;
        return;
    }
    const qint64 connects = slot.session->connectCount();
    if (slot.watchedFd != fd || slot.watchedConnects != connects) {
        slot.watchedFd = fd;
        slot.watchedConnects = connects;
        slot.spuriousWakeups = 0;
    }
    // A socket that keeps waking us while the server answers fine (bytes we cannot consume
    // between probes) is left to the rounds rather than probed in a loop.
    if (slot.spuriousWakeups >= 2)
        return;
    slot.watchId = m_reactor->watch(fd, POLLIN, -1, [this, key = slot.key](short revents) {
        if (revents != 0) // 0: the reactor is stopping
            onSocketActivity(key);
    });
}

void Poller::onSocketActivity(const InstanceKey &key)
{
    const auto it = m_slots.find(key);
    if (it == m_slots.end())
        return;
    Slot &slot = **it;
    slot.watchId = 0; // it fired
    if (slot.busy)
        return;
    // Nothing is ever sent to an idle client, so readable means the server closed the connection
    // (EOF: it died or was restarted) or sent its last words (an error before closing it).
    char byte = 0;
    const ssize_t n = ::recv(slot.watchedFd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        armWatch(slot);
        return;
    }
    ++m_wakeups;
    slot.socketTriggered = true;
    spdlog::info("poller: the connection to {} was {}; probing it and its replicas now", key.toString(),
                 n == 0 ? QStringLiteral("closed by the server") : QStringLiteral("signalled by the server"));
    probeBatch(QList<InstanceKey>{key} + replicasOf(key), true);
}

void Poller::checkDescriptorLimit()
{
    const int instances = int(m_slots.size());
    if (instances <= m_limitCheckedFor)
        return;
    // Asked again only when the fleet grew by a quarter (or at start).
    m_limitCheckedFor = instances + instances / 4;
    const QString error = ensureDescriptorLimit(instances);
    std::lock_guard lock(m_latestMutex);
    if (error != m_limitError && !error.isEmpty())
        spdlog::error("poller: {}", error);
    m_limitError = error;
}

void Poller::refreshStoreMetadata()
{
    if (!m_store)
        return;
    m_clusterAliases = m_store->clusterAliases();
    m_downtimes = m_store->activeDowntimes(QDateTime::currentDateTimeUtc());
    m_maintenance = m_store->maintenance();
    m_promotionRules = m_store->promotionRules();
}

void Poller::publish()
{
    if (m_publishTimer)
        m_publishTimer->stop(); // this snapshot includes whatever it was waiting to publish
    TopologySnapshot::Input input;
    input.instances.reserve(m_slots.size());
    int open = 0;
    for (const auto &slot : std::as_const(m_slots)) {
        open += slot->session->isOpen() ? 1 : 0;
        if (!slot->probed) {
            input.notYetProbed.append(slot->key);
            continue;
        }
        InstanceFacts f = slot->facts;
        if (!m_aliases.isEmpty()) {
            for (ReplicationChannel &c : f.channels)
                c.source = m_aliases.value(c.source, c.source);
            for (InstanceKey &k : f.replicaKeys)
                k = m_aliases.value(k, k);
        }
        input.instances.append(std::move(f));
    }
    m_openConnections = open;
    input.aliases = m_clusterAliases;
    input.downtimes = m_downtimes;
    input.maintenance = m_maintenance;
    input.promotionRules = m_promotionRules;
    input.sequence = ++m_sequence;
    input.takenAt = QDateTime::currentDateTimeUtc();
    const TopologySnapshotPtr snapshot = TopologySnapshot::build(std::move(input));
    {
        std::lock_guard lock(m_latestMutex);
        m_latest = snapshot;
    }
    ++m_snapshots;
    persist(*snapshot);
    emit snapshotReady(snapshot);
}

void Poller::persist(const TopologySnapshot &snapshot)
{
    if (!m_store)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Store::KnownInstance> due;
    QList<Slot *> dueSlots;
    for (const auto &slot : std::as_const(m_slots)) {
        if (!slot->probed)
            continue;
        const ClusterInfo *cluster = snapshot.clusterOf(slot->key);
        const QString clusterName = cluster ? cluster->name : QString();
        const bool changed = !slot->persisted || slot->persistedReachable != slot->facts.reachable
                             || slot->persistedCluster != clusterName;
        if (!changed && slot->persistedAt.msecsTo(now) < m_options.persistIntervalMs)
            continue;
        Store::KnownInstance k;
        k.key = slot->key;
        k.clusterName = clusterName;
        k.lastSeen = slot->facts.lastSeen;
        k.lastChecked = slot->facts.lastChecked;
        if (slot->facts.lastError != ProbeError::None)
            k.lastError = slot->facts.lastErrorText.isEmpty() ? probeErrorName(slot->facts.lastError)
                                                              : slot->facts.lastErrorText;
        if (slot->facts.reachable)
            k.lastFacts = instanceFactsToJson(slot->facts);
        due.append(k);
        dueSlots.append(slot.get());
    }
    if (due.isEmpty())
        return;
    QString error;
    const bool ok = m_store->write([&](QString *e) {
        for (const Store::KnownInstance &k : std::as_const(due))
            if (!m_store->upsertKnownInstance(k, e))
                return false;
        return true;
    }, &error);
    if (!ok) {
        spdlog::warn("poller: cannot save the known instances: {}", error);
        return;
    }
    for (int i = 0; i < dueSlots.size(); ++i) {
        dueSlots[i]->persisted = true;
        dueSlots[i]->persistedAt = now;
        dueSlots[i]->persistedReachable = dueSlots[i]->facts.reachable;
        dueSlots[i]->persistedCluster = due[i].clusterName;
    }
}

} // namespace Topograph
