// Building blocks of plans shared by validate() and the per-instance actions.
#include "plansteps.h"

#include "fileposplan.h"
#include "recovery/replicationrules.h"
#include "recovery/sqldialect.h"

namespace Topograph::OperationsDetail {

OperationPlan &refuse(Ctx &c, const QString &why)
{
    c.p.ok = false;
    c.p.refusal = why;
    c.p.summary = why;
    c.p.steps.clear();
    return c.p;
}

OperationPlan &accept(Ctx &c, const QString &summary)
{
    c.p.ok = true;
    c.p.summary = summary;
    return c.p;
}

const ReplicationChannel *channelTo(const InstanceFacts &f, const InstanceKey &source)
{
    for (const ReplicationChannel &ch : f.channels)
        if (ch.source == source)
            return &ch;
    return nullptr;
}

QString usable(const Ctx &c, const InstanceFacts *f, const InstanceKey &key, const QString &role,
    bool needReachable)
{
    if (!f)
        return QStringLiteral("%1 %2 is not in the topology: discover it first")
            .arg(role, key.toString());
    if (needReachable && !f->reachable)
        return QStringLiteral("%1 %2 does not answer (%3): nothing can be changed on it")
            .arg(role, key.toString(),
                f->lastErrorText.isEmpty() ? probeErrorName(f->lastError) : f->lastErrorText);
    if (const auto d = c.s.downtime(key))
        return QStringLiteral("%1 %2 is downtimed until %3 (%4): end the downtime first")
            .arg(role, key.toString(), d->until.toString(Qt::ISODate), d->reason);
    if (c.s.inMaintenance(key))
        return QStringLiteral("%1 %2 is in maintenance: end the maintenance first")
            .arg(role, key.toString());
    return {};
}

QString busy(const Ctx &c, const QString &cluster)
{
    const auto it = c.r.running.constFind(cluster);
    if (it == c.r.running.cend())
        return {};
    return QStringLiteral("recovery/operation %1 is running on cluster %2: wait for it to finish")
        .arg(it.value())
        .arg(cluster);
}

OperationStep sql(const QString &name, const InstanceKey &server, const QStringList &statements,
    const QStringList &undo)
{
    OperationStep st;
    st.type = OperationStep::Sql;
    st.name = name;
    st.server = server;
    st.statements = statements;
    st.undo = undo;
    return st;
}

OperationStep waitExecuted(const InstanceKey &server, const InstanceKey &source, const QString &why)
{
    OperationStep st;
    st.type = OperationStep::WaitExecuted;
    st.name = QStringLiteral("wait until %1 executed what %2 has%3")
                  .arg(server.toString(), source.toString(), why);
    st.server = server;
    st.source = source;
    return st;
}

OperationStep waitReplicating(const InstanceKey &server, const InstanceKey &source)
{
    OperationStep st;
    st.type = OperationStep::WaitReplicating;
    st.name
        = QStringLiteral("check %1 replicates from %2").arg(server.toString(), source.toString());
    st.server = server;
    st.source = source;
    return st;
}

OperationPlan &instanceAction(Ctx &c, const InstanceFacts &x)
{
    const SqlDialect d(x);
    const auto src = x.sourceKey();
    const QString channel = src ? channelFrom(x, *src) : QString();
    const QString k = x.key.toString();
    switch (c.r.kind) {
    case OperationKind::StartReplica:
        if (!x.isReplica())
            return refuse(c, QStringLiteral("%1 has no replication configured").arg(k));
        c.p.steps << sql(QStringLiteral("start replication on %1").arg(k), x.key,
            { d.startReplication(channel) });
        return accept(c, QStringLiteral("start replication on %1").arg(k));
    case OperationKind::StopReplica:
        if (!x.isReplica())
            return refuse(c, QStringLiteral("%1 has no replication configured").arg(k));
        c.p.steps << sql(
            QStringLiteral("stop replication on %1").arg(k), x.key, { d.stopReplication(channel) });
        return accept(c, QStringLiteral("stop replication on %1").arg(k));
    case OperationKind::SetReadOnly:
        c.p.steps << sql(QStringLiteral("set %1 read_only").arg(k), x.key, d.setReadOnly());
        if (!x.isReplica())
            c.p.notes << QStringLiteral("%1 is a master: its applications' writes will be refused")
                             .arg(k);
        return accept(c, QStringLiteral("set %1 read_only").arg(k));
    case OperationKind::SetWriteable:
        c.p.steps << sql(QStringLiteral("set %1 writeable").arg(k), x.key, d.setWritable());
        if (x.isReplica())
            c.p.notes << QStringLiteral(
                "%1 is a replica: anything written on it becomes an errant transaction")
                             .arg(k);
        return accept(c, QStringLiteral("set %1 writeable").arg(k));
    case OperationKind::DetachReplica:
        if (!src || src->host().startsWith(QLatin1String("//")))
            return refuse(c, QStringLiteral("%1 is not an attached replica").arg(k));
        if (replicatesByFilePos(x))
            detachByFilePos(c, x, *src);
        else
            c.p.steps << sql(QStringLiteral("detach %1 from %2").arg(k, src->toString()), x.key,
                { d.stopReplication(channel), d.detachSource(*src, channel) });
        return accept(c,
            QStringLiteral("detach %1 from %2 (coordinates kept; reattach resumes)")
                .arg(k, src->toString()));
    case OperationKind::ReattachReplica:
        if (!src || !src->host().startsWith(QLatin1String("//")))
            return refuse(c, QStringLiteral("%1 is not a detached replica").arg(k));
        if (replicatesByFilePos(x))
            reattachByFilePos(c, x, *src);
        else
            c.p.steps << sql(QStringLiteral("reattach %1").arg(k), x.key,
                { d.reattachSource(*src, channel), d.startReplication(channel) });
        return accept(
            c, QStringLiteral("reattach %1 to %2:%3").arg(k, src->host().mid(2)).arg(src->port()));
    case OperationKind::Repoint: {
        if (!src)
            return refuse(c, QStringLiteral("%1 is not a replica").arg(k));
        const InstanceFacts *s = c.s.instance(*src);
        if (const QString u = usable(c, s, *src, QStringLiteral("source")); !u.isEmpty())
            return refuse(c, u);
        QString why;
        const bool filepos = replicatesByFilePos(x);
        if (!(filepos ? canReplicateByPosition(x, *s, &why) : canReplicateFrom(x, *s, &why)))
            return refuse(c, why);
        if (filepos)
            repointByFilePos(c, x, *src);
        else
            c.p.steps << sql(QStringLiteral("repoint %1 at %2").arg(k, src->toString()), x.key,
                { d.stopReplication(channel), d.changeSource(*src, channel),
                    d.startReplication(channel) },
                { d.startReplication(channel) });
        c.p.steps << waitReplicating(x.key, *src);
        return accept(c,
            QStringLiteral("repoint %1 at %2 by %3 (reconnects a broken channel)")
                .arg(k, src->toString(),
                    filepos ? QStringLiteral("file:pos") : QStringLiteral("GTID")));
    }
    default:
        return refuse(c, QStringLiteral("not an instance action"));
    }
}

} // namespace Topograph::OperationsDetail
