#include "analysiscontext.h"

#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <utility>

namespace Topograph {

bool isAlive(const InstanceFacts &f)
{
    return f.reachable || (f.lastError != ProbeError::None && probeErrorMeansAlive(f.lastError));
}

bool isConnectError(int ioErrno)
{
    // One list of connect errors in the code base: ReplicationChannel::isFailingToConnect's.
    ReplicationChannel c;
    c.sqlThread = ThreadState::Running;
    c.ioThread = ThreadState::Stopped;
    c.lastIoErrno = ioErrno;
    return ioErrno != 0 && c.isFailingToConnect();
}

QString replicaStateName(ReplicaState s)
{
    switch (s) {
    case ReplicaState::Dead: return QStringLiteral("unreachable");
    case ReplicaState::Unknown: return QStringLiteral("unknown");
    case ReplicaState::Replicating: return QStringLiteral("replicating");
    case ReplicaState::ReceivingOnly: return QStringLiteral("receiving, SQL thread stopped");
    case ReplicaState::FailingToConnect: return QStringLiteral("failing to connect");
    case ReplicaState::Stopped: return QStringLiteral("stopped");
    case ReplicaState::Broken: return QStringLiteral("IO thread broken");
    }
    return QString();
}

ReplicaState classifyReplica(const InstanceFacts &replica, const ReplicationChannel &c)
{
    if (!isAlive(replica))
        return ReplicaState::Dead;
    if (!replica.reachable)
        return ReplicaState::Unknown;
    if (c.ioThread == ThreadState::Running)
        return c.sqlThread == ThreadState::Running ? ReplicaState::Replicating : ReplicaState::ReceivingOnly;
    // An IO error that is not a connect error means the source answered (access denied, binlog
    // purged, same server id): whatever it is, it is no vote that the source is dead.
    if (c.lastIoErrno != 0 && !isConnectError(c.lastIoErrno))
        return ReplicaState::Broken;
    if (c.ioThread == ThreadState::Connecting)
        return ReplicaState::FailingToConnect;
    if (c.ioThread == ThreadState::Stopped && isConnectError(c.lastIoErrno)) {
        // The IO thread gave up retrying. Last_IO_Errno survives STOP SLAVE, so with the SQL
        // thread stopped too and no SQL error, a DBA stopped replication after an old error.
        if (c.sqlThread == ThreadState::Running || c.lastSqlErrno != 0)
            return ReplicaState::FailingToConnect;
        return ReplicaState::Stopped;
    }
    if (c.ioThread == ThreadState::Stopped && c.sqlThread == ThreadState::Stopped)
        return ReplicaState::Stopped;
    return ReplicaState::Broken;
}

QString ReplicaView::describe() const
{
    const QString k = key().toString();
    switch (state) {
    case ReplicaState::Dead:
        return QStringLiteral("%1 unreachable (%2)").arg(k, errorText(*facts));
    case ReplicaState::FailingToConnect:
        if (channel->lastIoErrno != 0)
            return QStringLiteral("%1 failing to connect (IO error %2)").arg(k).arg(channel->lastIoErrno);
        return QStringLiteral("%1 failing to connect").arg(k);
    case ReplicaState::Stopped:
        // Last_IO_Errno survives STOP SLAVE: an old error, not what is happening now.
        if (channel->lastIoErrno != 0)
            return QStringLiteral("%1 stopped (last IO error %2)").arg(k).arg(channel->lastIoErrno);
        return QStringLiteral("%1 stopped").arg(k);
    case ReplicaState::ReceivingOnly:
    case ReplicaState::Broken:
        if (channel->sqlThread != ThreadState::Running && channel->lastSqlErrno != 0)
            return QStringLiteral("%1 SQL error %2").arg(k).arg(channel->lastSqlErrno);
        if (channel->ioThread != ThreadState::Running && channel->lastIoErrno != 0)
            return QStringLiteral("%1 IO error %2").arg(k).arg(channel->lastIoErrno);
        return QStringLiteral("%1 %2").arg(k, replicaStateName(state));
    case ReplicaState::Unknown:
        return QStringLiteral("%1 state unknown (%2)").arg(k, errorText(*facts));
    case ReplicaState::Replicating:
        break;
    }
    return QStringLiteral("%1 %2").arg(k, replicaStateName(state));
}

QJsonObject ReplicaView::toJson() const
{
    QJsonObject o{{QStringLiteral("key"), key().toString()},
                  {QStringLiteral("state"), replicaStateName(state)},
                  {QStringLiteral("reachable"), facts->reachable}};
    if (!facts->reachable)
        o.insert(QStringLiteral("lastError"), probeErrorName(facts->lastError));
    if (state != ReplicaState::Dead && state != ReplicaState::Unknown) {
        if (!channel->name.isEmpty())
            o.insert(QStringLiteral("channel"), channel->name);
        o.insert(QStringLiteral("ioThread"), threadStateName(channel->ioThread));
        o.insert(QStringLiteral("sqlThread"), threadStateName(channel->sqlThread));
        if (channel->lastIoErrno != 0) {
            o.insert(QStringLiteral("lastIoErrno"), channel->lastIoErrno);
            o.insert(QStringLiteral("lastIoError"), channel->lastIoError);
        }
        if (channel->lastSqlErrno != 0) {
            o.insert(QStringLiteral("lastSqlErrno"), channel->lastSqlErrno);
            o.insert(QStringLiteral("lastSqlError"), channel->lastSqlError);
        }
        if (channel->secondsBehindMaster)
            o.insert(QStringLiteral("secondsBehindMaster"), double(*channel->secondsBehindMaster));
    }
    return o;
}

QList<InstanceKey> ReplicaGroup::keys() const
{
    QList<InstanceKey> out;
    out.reserve(views.size());
    for (const ReplicaView &v : views)
        out.append(v.key());
    return out;
}

QList<InstanceKey> ReplicaGroup::keys(ReplicaState s) const
{
    QList<InstanceKey> out;
    for (const ReplicaView &v : views)
        if (v.state == s)
            out.append(v.key());
    return out;
}

qsizetype ReplicaGroup::count(ReplicaState s) const
{
    return std::count_if(views.begin(), views.end(), [s](const ReplicaView &v) { return v.state == s; });
}

qsizetype ReplicaGroup::countStreaming() const
{
    return std::count_if(views.begin(), views.end(), [](const ReplicaView &v) { return v.streaming(); });
}

QJsonArray ReplicaGroup::toJson() const
{
    QJsonArray a;
    for (const ReplicaView &v : views)
        a.append(v.toJson());
    return a;
}

QString ReplicaGroup::describe(std::optional<ReplicaState> except) const
{
    QStringList out;
    for (const ReplicaView &v : views)
        if (!except || v.state != *except)
            out << v.describe();
    return out.join(QStringLiteral(", "));
}

DeadSourceVerdict judgeUnreachableSource(const ReplicaGroup &group, qint64 reasonableLagSeconds)
{
    if (group.isEmpty() && group.maintenanceStreaming.isEmpty())
        return DeadSourceVerdict::NoReplicas;
    qsizetype streaming = 0, lagging = 0;
    for (const ReplicaView &v : group.views) {
        if (!v.streaming())
            continue;
        ++streaming;
        if (v.lag && *v.lag > reasonableLagSeconds)
            ++lagging;
    }
    // One replica still receiving from the source outweighs any number of failing ones: the
    // source is up, something between it and us (or the others) is not.
    if (streaming > 0)
        return lagging == streaming ? DeadSourceVerdict::StreamingLagging : DeadSourceVerdict::Streaming;
    if (!group.maintenanceStreaming.isEmpty())
        return DeadSourceVerdict::Streaming;
    const qsizetype dead = group.count(ReplicaState::Dead);
    if (dead == group.size())
        return DeadSourceVerdict::AllReplicasDead;
    if (group.count(ReplicaState::FailingToConnect) == 0)
        return DeadSourceVerdict::NoVotes;
    return dead > 0 ? DeadSourceVerdict::DeadAndSomeReplicas : DeadSourceVerdict::Dead;
}

QString streamingPhrase(const ReplicaGroup &g)
{
    const qsizetype streaming = g.countStreaming();
    const qsizetype inMaintenance = g.maintenanceStreaming.size();
    QString out;
    if (streaming > 0)
        out = QStringLiteral("%1 %2 still replicating from it")
                  .arg(replicasPhrase(streaming, g.size()), verb(streaming, "is", "are"));
    if (inMaintenance > 0)
        out += (out.isEmpty() ? QString() : QStringLiteral(", and "))
               + QStringLiteral("%1 in maintenance %2 still replicating from it")
                     .arg(keyList(g.maintenanceStreaming), verb(inMaintenance, "is", "are"));
    return out;
}

AnalysisContext::AnalysisContext(const TopologySnapshot &snapshot, const AnalyzerSettings &settings)
    : m_snapshot(snapshot)
    , m_settings(settings)
{
    m_index.reserve(snapshot.instances().size());
    for (const InstanceFacts &f : snapshot.instances())
        m_index.insert(f.key, &f);
}

ReplicaGroup AnalysisContext::replicaGroup(const InstanceKey &source) const
{
    ReplicaGroup g;
    auto addFrom = [&](const QList<InstanceKey> &keys, bool primary) {
        for (const InstanceKey &k : keys) {
            const InstanceFacts *f = facts(k);
            if (!f)
                continue;
            const ReplicationChannel *ch = primary ? f->primaryChannel() : nullptr;
            if (!primary)
                for (const ReplicationChannel &c : f->channels)
                    if (c.source == source && &c != f->primaryChannel())
                        ch = &c;
            if (!ch)
                continue;
            ReplicaView v;
            v.facts = f;
            v.channel = ch;
            v.state = classifyReplica(*f, *ch);
            if (inMaintenance(k)) {
                if (v.streaming())
                    g.maintenanceStreaming.append(k);
                continue;
            }
            if (ch->secondsBehindMaster)
                v.lag = *ch->secondsBehindMaster - ch->sqlDelay;
            g.views.append(v);
        }
    };
    addFrom(m_snapshot.replicasOf(source), true);
    addFrom(m_snapshot.secondaryReplicasOf(source), false);
    return g;
}

void AnalysisContext::ancestry(const InstanceFacts &replica, QSet<QString> *uuids, QSet<quint32> *serverIds,
                               QList<const InstanceFacts *> *directSources) const
{
    // Pointers, not keys: this runs for every replica, and hashing host names dominated it.
    QVarLengthArray<const InstanceFacts *, 16> todo;
    QSet<const InstanceFacts *> seen;
    for (const ReplicationChannel &c : replica.channels) {
        const InstanceFacts *s = facts(c.source);
        if (!s)
            continue;
        if (!directSources->contains(s))
            directSources->append(s);
        todo.append(s);
    }
    while (!todo.isEmpty()) {
        const InstanceFacts *f = todo.back();
        todo.removeLast();
        if (seen.contains(f))
            continue;
        seen.insert(f);
        // A co-master reaches itself: its own writes are then expected upstream, not errant.
        if (!f->serverUuid.isEmpty())
            uuids->insert(f->serverUuid);
        if (f->serverId != 0)
            serverIds->insert(f->serverId);
        for (const ReplicationChannel &c : f->channels)
            if (const InstanceFacts *s = facts(c.source))
                todo.append(s);
    }
}

Analysis &AnalysisContext::add(AnalysisCode code, const ClusterInfo &cluster, const InstanceKey &instance)
{
    Analysis a;
    a.code = code;
    a.cluster = cluster.name;
    a.clusterAlias = cluster.alias;
    a.instance = instance;
    a.severity = defaultSeverity(code);
    a.actionable = isActionableCode(code, m_settings);
    m_results.append(std::move(a));
    return m_results.last();
}

QList<Analysis> AnalysisContext::takeResults()
{
    return std::exchange(m_results, {});
}

QString errorText(const InstanceFacts &f)
{
    const QString text = f.lastErrorText.simplified();
    if (!text.isEmpty())
        return text;
    return probeErrorName(f.lastError == ProbeError::None ? ProbeError::Unreachable : f.lastError);
}

QString keyList(const QList<InstanceKey> &keys)
{
    constexpr qsizetype shown = 5;
    QStringList names;
    for (qsizetype i = 0; i < keys.size() && i < shown; ++i)
        names << keys.at(i).toString();
    QString out = names.join(QStringLiteral(", "));
    if (keys.size() > shown)
        out += QStringLiteral(" and %1 more").arg(keys.size() - shown);
    return out;
}

QString replicasPhrase(qsizetype part, qsizetype whole)
{
    if (whole == 1 && part == 1)
        return QStringLiteral("its only replica");
    if (part == whole)
        return whole == 2 ? QStringLiteral("both of its replicas") : QStringLiteral("all %1 of its replicas").arg(whole);
    return QStringLiteral("%1 of its %2 replicas").arg(part).arg(whole);
}

QString verb(qsizetype n, const char *singular, const char *plural)
{
    return QString::fromLatin1(n == 1 ? singular : plural);
}

QString reachablePhrase(qsizetype votes, qsizetype alive)
{
    if (votes == alive)
        return alive == 1   ? QStringLiteral("the only reachable replica fails")
               : alive == 2 ? QStringLiteral("both reachable replicas fail")
                            : QStringLiteral("all %1 reachable replicas fail").arg(alive);
    return QStringLiteral("%1 of the %2 reachable replicas %3").arg(votes).arg(alive).arg(verb(votes, "fails", "fail"));
}

QJsonObject instanceJson(const InstanceFacts &f)
{
    QJsonObject o{{QStringLiteral("key"), f.key.toString()}, {QStringLiteral("reachable"), f.reachable}};
    if (!f.reachable) {
        o.insert(QStringLiteral("lastError"), probeErrorName(f.lastError));
        if (!f.lastErrorText.isEmpty())
            o.insert(QStringLiteral("lastErrorText"), f.lastErrorText);
        if (f.lastSeen.isValid())
            o.insert(QStringLiteral("lastSeen"), f.lastSeen.toString(Qt::ISODateWithMs));
    }
    return o;
}

} // namespace Topograph
