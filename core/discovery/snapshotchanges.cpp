#include "snapshotchanges.h"

namespace Topograph {

namespace {

QString channelLabel(const ReplicationChannel &c)
{
    return c.name.isEmpty() ? QStringLiteral("replication") : QStringLiteral("replication connection '%1'").arg(c.name);
}

const ReplicationChannel *channelNamed(const InstanceFacts &f, const QString &name)
{
    for (const ReplicationChannel &c : f.channels)
        if (c.name == name)
            return &c;
    return nullptr;
}

QString threadsText(const ReplicationChannel &c)
{
    QString text = QStringLiteral("IO thread %1, SQL thread %2")
                       .arg(threadStateName(c.ioThread), threadStateName(c.sqlThread));
    if (c.lastIoErrno != 0)
        text += QStringLiteral("; IO error %1: %2").arg(c.lastIoErrno).arg(c.lastIoError);
    if (c.lastSqlErrno != 0)
        text += QStringLiteral("; SQL error %1: %2").arg(c.lastSqlErrno).arg(c.lastSqlError);
    return text;
}

} // namespace

QString topologyChangeKindName(TopologyChange::Kind kind)
{
    using K = TopologyChange::Kind;
    switch (kind) {
    case K::Appeared: return QStringLiteral("appeared");
    case K::Vanished: return QStringLiteral("vanished");
    case K::Unreachable: return QStringLiteral("unreachable");
    case K::Reachable: return QStringLiteral("reachable");
    case K::ReplicationStarted: return QStringLiteral("replication-started");
    case K::ReplicationStopped: return QStringLiteral("replication-stopped");
    case K::SourceChanged: return QStringLiteral("source-changed");
    case K::ReadOnlyChanged: return QStringLiteral("read-only-changed");
    case K::ChannelAdded: return QStringLiteral("channel-added");
    case K::ChannelRemoved: return QStringLiteral("channel-removed");
    }
    return QString();
}

QList<TopologyChange> topologyChanges(const TopologySnapshot *before, const TopologySnapshot &after)
{
    using K = TopologyChange::Kind;
    QList<TopologyChange> out;
    if (!before)
        return out;
    auto add = [&](K kind, const InstanceKey &key, const QString &text) {
        out.append(TopologyChange{kind, key, key.toString() + QLatin1Char(' ') + text});
    };

    for (const InstanceFacts &now : after.instances()) {
        const InstanceFacts *was = before->instance(now.key);
        if (!was) {
            const auto src = now.sourceKey();
            add(K::Appeared, now.key,
                src ? QStringLiteral("appeared (replica of %1)").arg(src->toString())
                    : QStringLiteral("appeared"));
            continue;
        }
        if (was->reachable && !now.reachable) {
            add(K::Unreachable, now.key,
                QStringLiteral("unreachable (%1)")
                    .arg(now.lastErrorText.isEmpty() ? probeErrorName(now.lastError) : now.lastErrorText));
            continue;
        }
        if (!was->reachable && now.reachable)
            add(K::Reachable, now.key, QStringLiteral("reachable again"));
        if (!was->reachable || !now.reachable)
            continue;

        if (was->readOnly != now.readOnly)
            add(K::ReadOnlyChanged, now.key,
                QStringLiteral("read_only changed to %1").arg(now.readOnly ? u"ON" : u"OFF"));
        const auto oldSource = was->sourceKey();
        const auto newSource = now.sourceKey();
        if (oldSource != newSource) {
            const QString from = oldSource ? oldSource->toString() : QStringLiteral("(none: it was a master)");
            const QString to = newSource ? newSource->toString() : QStringLiteral("(none: it is now a master)");
            add(K::SourceChanged, now.key, QStringLiteral("source changed from %1 to %2").arg(from, to));
        }
        for (const ReplicationChannel &c : now.channels) {
            const ReplicationChannel *old = channelNamed(*was, c.name);
            if (!old) {
                if (!c.name.isEmpty() || !was->channels.isEmpty())
                    add(K::ChannelAdded, now.key,
                        QStringLiteral("%1 added (from %2)").arg(channelLabel(c), c.source.toString()));
                continue;
            }
            if (old->isReplicating() && !c.isReplicating())
                add(K::ReplicationStopped, now.key,
                    QStringLiteral("%1 stopped (%2)").arg(channelLabel(c), threadsText(c)));
            else if (!old->isReplicating() && c.isReplicating())
                add(K::ReplicationStarted, now.key,
                    QStringLiteral("%1 started (from %2)").arg(channelLabel(c), c.source.toString()));
        }
        for (const ReplicationChannel &old : was->channels)
            if (!channelNamed(now, old.name) && !(old.name.isEmpty() && now.channels.isEmpty()))
                add(K::ChannelRemoved, now.key, QStringLiteral("%1 removed").arg(channelLabel(old)));
    }
    for (const InstanceFacts &old : before->instances())
        if (!after.instance(old.key))
            add(K::Vanished, old.key, QStringLiteral("vanished (no longer part of the known fleet)"));
    return out;
}

} // namespace Topograph
