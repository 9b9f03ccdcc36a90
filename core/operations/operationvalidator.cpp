// validate(): the pure half of every topology operation. Everything here reads the snapshot through
// its indexes (instance, clusterOf, replicasOf) and walks up the tree; nothing scans the fleet.
#include "operation.h"
#include "plansteps.h"

#include "analysis/errantgtid.h"
#include "fileposplan.h"
#include "gtidcoverage.h"
#include "mysql/connection.h"
#include "recovery/replicationrules.h"
#include "recovery/sqldialect.h"

namespace Topograph {

using namespace OperationsDetail;

namespace {

// The checks and steps that move replica x (currently under oldSource) below y. Empty = ok.
QString moveBelow(Ctx &c, const InstanceFacts &x, const InstanceFacts &y, bool checkYLag)
{
    QString why;
    if (x.key == y.key)
        return QStringLiteral("%1 cannot replicate from itself").arg(x.key.toString());
    if (c.s.isDescendantOf(y.key, x.key))
        return QStringLiteral(
            "%1 replicates (directly or not) from %2: moving %2 below its own descendant makes a "
            "replication loop that no write can reach")
            .arg(y.key.toString(), x.key.toString());
    if (replicatesByFilePos(x))
        return moveByFilePos(c, x, y);
    if (!canReplicateFrom(x, y, &why))
        return why;
    const auto oldSource = x.sourceKey();
    if (oldSource && *oldSource == y.key)
        return QStringLiteral("%1 already replicates from %2")
            .arg(x.key.toString(), y.key.toString());
    const Coverage cov = coverage(c.s, x, y);
    if (!cov.error.isEmpty())
        return QStringLiteral("cannot compare the GTID positions of %1 and %2: %3")
            .arg(x.key.toString(), y.key.toString(), cov.error);
    if (!cov.errant.isEmpty()) {
        c.p.errantTransactions << cov.errant;
        return QStringLiteral(
            "%1 executed transactions %2 does not have and will never receive: %3. Under %2 "
            "they would be errant; fix them first (inject empty transactions on %2, or rebuild %1)")
            .arg(x.key.toString(), y.key.toString(), cov.errant.join(QStringLiteral(", ")));
    }
    if (!cov.behind.isEmpty()) {
        const ReplicationChannel *ych = y.primaryChannel();
        const bool flowing = ych && ych->isReplicating() && ych->secondsBehindMaster
            && (!checkYLag || *ych->secondsBehindMaster <= c.r.maxLagSeconds);
        if (!flowing)
            return QStringLiteral(
                "%1 is behind %2 (it lacks %3) and is not catching up (replication %4): "
                "%2 would wait for it indefinitely")
                .arg(y.key.toString(), x.key.toString(), cov.behind.join(QStringLiteral(", ")),
                    ych ? (ych->isReplicating() ? QStringLiteral("lagging %1 s")
                                                      .arg(ych->secondsBehindMaster.value_or(-1))
                                                : QStringLiteral("stopped"))
                        : QStringLiteral("not configured"));
        c.p.notes << QStringLiteral("%1 is behind %2 (lacks %3): %2 is stopped until %1 has it")
                         .arg(y.key.toString(), x.key.toString(),
                             cov.behind.join(QStringLiteral(", ")));
    }
    const SqlDialect d(x);
    const QString channel = oldSource ? channelFrom(x, *oldSource) : QString();
    const QStringList back = oldSource ? QStringList { d.stopReplication(channel),
        d.changeSource(*oldSource, channel), d.startReplication(channel) }
                                       : QStringList { d.stopReplication(channel) };
    // Stopped first, so that its position is fixed while the new source catches up to it: a
    // replica asking a source for a position the source has not reached yet is refused.
    c.p.steps << sql(QStringLiteral("stop replication on %1").arg(x.key.toString()), x.key,
        { d.stopReplication(channel) }, { d.startReplication(channel) });
    c.p.steps << waitExecuted(y.key, x.key,
        QStringLiteral(" (so that %1 asks for nothing %2 lacks)")
            .arg(x.key.toString(), y.key.toString()));
    c.p.steps << sql(QStringLiteral("point %1 at %2").arg(x.key.toString(), y.key.toString()),
        x.key, { d.changeSource(y.key, channel), d.startReplication(channel) }, back);
    c.p.steps << waitReplicating(x.key, y.key);
    return {};
}

QString credentialsUser(const OperationRequest &r)
{
    return r.replicationUser.isEmpty() ? QString() : Connection::quoteString(r.replicationUser);
}
QString credentialsPassword(const OperationRequest &r)
{
    return r.replicationUser.isEmpty() ? QString()
                                       : QString::fromLatin1(replicationPasswordPlaceholder);
}

// Statements that make a server without a channel (a master) replicate from source.
QStringList demoteStatements(
    const OperationRequest &r, const InstanceFacts &f, const InstanceKey &source)
{
    const SqlDialect d(f);
    QStringList st;
    if (f.isReplica())
        st << d.stopReplication();
    st << d.prepareDemote(true);
    st << d.changeSource(source, QString(), credentialsUser(r), credentialsPassword(r), true)
       << d.startReplication();
    return st;
}

OperationPlan &relocate(Ctx &c, const InstanceFacts &x, const InstanceFacts &y)
{
    if (const QString u = usable(c, &y, y.key, QStringLiteral("target")); !u.isEmpty())
        return refuse(c, u);
    if (!x.isReplica())
        return refuse(c,
            QStringLiteral("%1 is a master, not a replica: use graceful takeover or rejoin")
                .arg(x.key.toString()));
    // Another cluster is another data set: MariaDB positions cannot even prove the histories
    // diverged (only the last GTID per domain is known), so such a move is never offered.
    const ClusterInfo *yc = c.s.clusterOf(y.key);
    if (yc && yc->name != c.p.cluster)
        return refuse(c,
            QStringLiteral(
                "%1 is in cluster %2 and %3 in cluster %4: a replica moves within its cluster "
                "(a former master uses rejoin)")
                .arg(x.key.toString(), c.p.cluster, y.key.toString(),
                    yc->alias.isEmpty() ? yc->name : yc->alias));
    if (const QString why = moveBelow(c, x, y, true); !why.isEmpty())
        return refuse(c, why);
    return accept(c,
        QStringLiteral("relocate %1 (and its %2 replica(s)) below %3 by %4")
            .arg(x.key.toString())
            .arg(c.s.replicasOf(x.key).size())
            .arg(y.key.toString(),
                replicatesByFilePos(x) ? QStringLiteral("file:pos") : QStringLiteral("GTID")));
}

OperationPlan &takeover(Ctx &c, const InstanceFacts &t)
{
    const auto masterKey = t.sourceKey();
    const ClusterInfo *cl = c.s.clusterOf(t.key);
    if (!masterKey || !cl || cl->master != *masterKey)
        return refuse(c,
            QStringLiteral("%1 is not a direct replica of its cluster's master: only a master's "
                           "replica can take over")
                .arg(t.key.toString()));
    if (!c.r.cluster.isEmpty() && c.s.cluster(c.r.cluster) != cl)
        return refuse(
            c, QStringLiteral("%1 is not in cluster %2").arg(t.key.toString(), c.r.cluster));
    if (!cl->coMasters.isEmpty())
        return refuse(c,
            QStringLiteral("cluster %1 has co-masters: break the co-master pair first")
                .arg(cl->name));
    const InstanceFacts *m = c.s.instance(*masterKey);
    if (const QString u = usable(c, m, *masterKey, QStringLiteral("master")); !u.isEmpty())
        return refuse(c, u);
    if (c.s.promotionRule(t.key) == PromotionRule::MustNot)
        return refuse(c, QStringLiteral("%1 has promotion rule must_not").arg(t.key.toString()));
    if (!t.logBin || !t.logReplicaUpdates)
        return refuse(c,
            QStringLiteral(
                "%1 cannot serve replicas: log_bin and log_slave_updates must both be ON")
                .arg(t.key.toString()));
    QString why;
    if (!canReplicateFrom(*m, t, &why))
        return refuse(c,
            QStringLiteral("%1 could not replicate from %2 afterwards: %3")
                .arg(m->key.toString(), t.key.toString(), why));
    const ReplicationChannel *ch = channelTo(t, m->key);
    if (!ch || !ch->isReplicating() || !ch->secondsBehindMaster)
        return refuse(c,
            QStringLiteral("%1 is not replicating from %2: it would not catch up")
                .arg(t.key.toString(), m->key.toString()));
    if (*ch->secondsBehindMaster > c.r.maxLagSeconds)
        return refuse(c,
            QStringLiteral("%1 lags %2 s behind %3, more than "
                           "ReasonableMaintenanceReplicationLagSeconds (%4 s)")
                .arg(t.key.toString())
                .arg(*ch->secondsBehindMaster)
                .arg(m->key.toString())
                .arg(c.r.maxLagSeconds));
    // T must not hold anything the master lacks: as master it would serve it to everyone.
    const Coverage cov = coverage(c.s, t, *m);
    if (!cov.errant.isEmpty()) {
        c.p.errantTransactions << cov.errant;
        return refuse(c,
            QStringLiteral("%1 has errant transactions the master %2 lacks: %3")
                .arg(t.key.toString(), m->key.toString(), cov.errant.join(QStringLiteral(", "))));
    }
    QStringList siblings;
    for (const InstanceKey &k : c.s.replicasOf(m->key)) {
        if (k == t.key)
            continue;
        const InstanceFacts *sf = c.s.instance(k);
        if (!sf || !sf->reachable) {
            c.p.notes << QStringLiteral("%1 does not answer: it stays under %2")
                             .arg(k.toString(), m->key.toString());
            continue;
        }
        if (const QString w = moveBelow(c, *sf, t, false); !w.isEmpty())
            return refuse(c,
                QStringLiteral("sibling %1 cannot move below %2: %3")
                    .arg(k.toString(), t.key.toString(), w));
        siblings << k.toString();
    }
    OperationStep pre;
    pre.type = OperationStep::Hooks;
    pre.name = QStringLiteral("PreGracefulTakeover hooks");
    pre.hookPoint = QStringLiteral("PreGracefulTakeover");
    c.p.steps << pre;
    const SqlDialect md(*m);
    OperationStep ro = sql(
        QStringLiteral("set %1 read_only (writes are refused from here)").arg(m->key.toString()),
        m->key, md.setReadOnly(), md.setWritable());
    ro.writeBlockStart = true;
    c.p.steps << ro;
    if (c.r.killClientConnections) {
        OperationStep kill;
        kill.type = OperationStep::KillClients;
        kill.name = QStringLiteral("kill the client connections on %1 (asked for)")
                        .arg(m->key.toString());
        kill.server = m->key;
        kill.statements = { QStringLiteral(
            "KILL CONNECTION <id> for each client session (not replication, system or this one)") };
        c.p.steps << kill;
    }
    c.p.steps << waitExecuted(
        t.key, m->key, QStringLiteral(" (nothing acknowledged on the old master is lost)"));
    const SqlDialect td(t);
    const QString tch = channelFrom(t, m->key);
    OperationStep promote = sql(
        QStringLiteral("promote %1 (writes accepted again)").arg(t.key.toString()), t.key,
        QStringList { td.stopReplication(tch), td.resetReplicationAll(tch) } + td.setWritable());
    promote.writeBlockEnd = true;
    c.p.steps << promote;
    c.p.steps << sql(
        QStringLiteral("make %1 a replica of %2").arg(m->key.toString(), t.key.toString()), m->key,
        demoteStatements(c.r, *m, t.key));
    c.p.steps << waitReplicating(m->key, t.key);
    OperationStep post = pre;
    post.name = QStringLiteral("PostGracefulTakeover hooks");
    post.hookPoint = QStringLiteral("PostGracefulTakeover");
    c.p.steps << post;
    if (c.r.replicationUser.isEmpty())
        return refuse(c, QStringLiteral("no replication user is known for %1 to replicate from %2 (no replica of "
                                        "the cluster names one): give --replication-user NAME")
                             .arg(m->key.toString(), t.key.toString()));
    c.p.expectedWriteBlock = QStringLiteral(
        "writes on %1 are refused from read_only until %2 is writable: about the time %2 "
        "needs to apply its %3 s of lag, plus a few statements")
                                 .arg(m->key.toString(), t.key.toString())
                                 .arg(*ch->secondsBehindMaster);
    return accept(c,
        QStringLiteral(
            "graceful takeover of cluster %1: %2 becomes master, %3 replicates from it%4")
            .arg(cl->name, t.key.toString(), m->key.toString(),
                siblings.isEmpty() ? QString()
                                   : QStringLiteral("; siblings moved below it first: ")
                        + siblings.join(QStringLiteral(", "))));
}

OperationPlan &rejoin(Ctx &c, const InstanceFacts &x)
{
    if (!c.r.target.isValid())
        return refuse(c,
            QStringLiteral(
                "say which master %1 rejoins (the recovery that replaced it names the successor)")
                .arg(x.key.toString()));
    const InstanceFacts *t = c.s.instance(c.r.target);
    if (const QString u = usable(c, t, c.r.target, QStringLiteral("new master")); !u.isEmpty())
        return refuse(c, u);
    if (x.key == t->key)
        return refuse(c, QStringLiteral("%1 cannot replicate from itself").arg(x.key.toString()));
    if (c.s.isDescendantOf(t->key, x.key))
        return refuse(c,
            QStringLiteral("%1 replicates from %2: it is not a master %2 can rejoin")
                .arg(t->key.toString(), x.key.toString()));
    if (x.sourceKey() && *x.sourceKey() == t->key)
        return refuse(c,
            QStringLiteral("%1 already replicates from %2")
                .arg(x.key.toString(), t->key.toString()));
    QString why;
    if (!canReplicateFrom(x, *t, &why))
        return refuse(c, why);
    QSet<QString> uuids;
    QSet<quint32> ids;
    ancestry(c.s, t->key, &uuids, &ids);
    QString error;
    QStringList errant;
    if (x.flavor == Flavor::MariaDB) {
        const QString xpos = x.gtidBinlogPos.isEmpty() ? x.gtidCurrentPos : x.gtidBinlogPos;
        const auto e = errantMariaDbGtids(xpos,
            { t->gtidBinlogPos.isEmpty() ? t->gtidCurrentPos : t->gtidBinlogPos }, ids, &error);
        if (e)
            for (const MariaDbErrantGtid &g : *e)
                errant << g.toString();
    } else if (const auto e
               = errantMySqlTransactions(x.gtidExecuted, { t->gtidExecuted }, uuids, &error);
               e && !e->isEmpty()) {
        errant << e->toString();
    }
    if (!error.isEmpty())
        return refuse(c,
            QStringLiteral("cannot compare %1 with %2: %3")
                .arg(x.key.toString(), t->key.toString(), error));
    if (!errant.isEmpty()) {
        c.p.errantTransactions = errant;
        return refuse(c,
            QStringLiteral(
                "%1 has transactions the new master %2 lacks: %3. Rejoining would replay or lose "
                "them; "
                "injecting empty transactions or flashback is out of scope: rebuild %1 from %2, or "
                "reconcile by hand")
                .arg(x.key.toString(), t->key.toString(), errant.join(QStringLiteral(", "))));
    }
    const SqlDialect d(x);
    c.p.steps << sql(
        QStringLiteral("set %1 read_only").arg(x.key.toString()), x.key, d.setReadOnly());
    c.p.steps << sql(
        QStringLiteral("make %1 a replica of %2").arg(x.key.toString(), t->key.toString()), x.key,
        demoteStatements(c.r, x, t->key));
    c.p.steps << waitReplicating(x.key, t->key);
    if (c.r.replicationUser.isEmpty() && !x.isReplica())
        return refuse(c, QStringLiteral("no replication user is known for %1 to replicate from %2 (no replica of "
                                        "the cluster names one): give --replication-user NAME")
                             .arg(x.key.toString(), t->key.toString()));
    return accept(c,
        QStringLiteral("%1 rejoins as a replica of %2 (no errant transactions)")
            .arg(x.key.toString(), t->key.toString()));
}

} // namespace

// The replication account the cluster already uses: the one a replica of `source` connects with,
// else the one any replica of the cluster uses. A server given its first channel (a demoted
// master, a co-master) needs an account, and an empty MASTER_USER leaves it unable to connect.
QString existingReplicationUser(const TopologySnapshot &s, const InstanceKey &source, const InstanceKey &member)
{
    for (const InstanceKey &k : s.replicasOf(source))
        if (const InstanceFacts *f = s.instance(k))
            for (const ReplicationChannel &ch : f->channels)
                if (ch.source == source && !ch.sourceUser.isEmpty())
                    return ch.sourceUser;
    if (const ClusterInfo *cl = s.clusterOf(member))
        for (const InstanceKey &k : cl->members)
            if (const InstanceFacts *f = s.instance(k))
                for (const ReplicationChannel &ch : f->channels)
                    if (!ch.sourceUser.isEmpty())
                        return ch.sourceUser;
    return {};
}

bool givesFirstChannel(OperationKind kind)
{
    return kind == OperationKind::GracefulTakeover || kind == OperationKind::Rejoin
        || kind == OperationKind::MakeCoMaster;
}

OperationPlan validate(const TopologySnapshot &snapshot, const OperationRequest &original)
{
    OperationRequest request = original;
    QString userNote;
    if (givesFirstChannel(request.kind) && request.replicationUser.isEmpty()) {
        // The new source: the takeover's target becomes master, a rejoin goes under its target,
        // a co-master pair's master replicates from the instance.
        const InstanceKey source = request.kind == OperationKind::Rejoin ? request.target : request.instance;
        request.replicationUser = existingReplicationUser(snapshot, source, request.instance);
        if (!request.replicationUser.isEmpty())
            userNote = QStringLiteral("replication user '%1': the account the cluster's replicas already use")
                           .arg(request.replicationUser);
    }
    Ctx c { snapshot, request, {} };
    c.p.replicationUser = request.replicationUser;
    if (!userNote.isEmpty())
        c.p.notes << userNote;
    c.p.kind = request.kind;
    const InstanceFacts *x = snapshot.instance(request.instance);
    if (const ClusterInfo *cl = snapshot.clusterOf(request.instance))
        c.p.cluster = cl->name;
    const QString k = request.instance.toString();

    // Store changes: only the instance (or cluster) needs to exist; downtime does not block them.
    auto storeStep = [&](const QString &name) {
        OperationStep st;
        st.type = OperationStep::StoreChange;
        st.name = name;
        st.server = request.instance;
        c.p.steps << st;
        return accept(c, name);
    };
    switch (request.kind) {
    case OperationKind::BeginDowntime:
        if (!x)
            return refuse(c, QStringLiteral("%1 is not in the topology").arg(k));
        if (request.minutes <= 0)
            return refuse(c, QStringLiteral("a downtime needs a duration in minutes"));
        if (request.text.trimmed().isEmpty())
            return refuse(c, QStringLiteral("a downtime needs a reason"));
        return storeStep(QStringLiteral("downtime %1 for %2 min: %3")
                             .arg(k)
                             .arg(request.minutes)
                             .arg(request.text));
    case OperationKind::EndDowntime:
        if (!snapshot.downtime(request.instance))
            return refuse(c, QStringLiteral("%1 is not downtimed").arg(k));
        return storeStep(QStringLiteral("end the downtime of %1").arg(k));
    case OperationKind::BeginMaintenance:
        if (!x)
            return refuse(c, QStringLiteral("%1 is not in the topology").arg(k));
        if (snapshot.inMaintenance(request.instance))
            return refuse(c, QStringLiteral("%1 is already in maintenance").arg(k));
        return storeStep(QStringLiteral("begin maintenance of %1: %2").arg(k, request.text));
    case OperationKind::EndMaintenance:
        if (!snapshot.inMaintenance(request.instance))
            return refuse(c, QStringLiteral("%1 is not in maintenance").arg(k));
        return storeStep(QStringLiteral("end maintenance of %1").arg(k));
    case OperationKind::Forget:
        if (x && x->reachable)
            c.p.notes << QStringLiteral(
                "%1 still answers: discovery finds it again through its master or replicas")
                             .arg(k);
        return storeStep(QStringLiteral("forget %1").arg(k));
    case OperationKind::SetAlias: {
        const ClusterInfo *cl = snapshot.cluster(request.cluster);
        if (!cl)
            return refuse(c, QStringLiteral("no cluster named %1").arg(request.cluster));
        c.p.cluster = cl->name;
        OperationStep st;
        st.type = OperationStep::StoreChange;
        st.name = request.text.isEmpty()
            ? QStringLiteral("remove the alias of cluster %1").arg(cl->name)
            : QStringLiteral("alias cluster %1 as %2").arg(cl->name, request.text);
        c.p.steps << st;
        return accept(c, st.name);
    }
    default:
        break;
    }

    if (const QString u = usable(c, x, request.instance, QStringLiteral("instance")); !u.isEmpty())
        return refuse(c, u);
    if (const QString b = busy(c, c.p.cluster); !b.isEmpty())
        return refuse(c, b);

    switch (request.kind) {
    case OperationKind::Relocate: {
        const InstanceFacts *y = snapshot.instance(request.target);
        if (!y)
            return refuse(c,
                QStringLiteral("target %1 is not in the topology").arg(request.target.toString()));
        if (const ClusterInfo *yc = snapshot.clusterOf(request.target);
            yc && yc->name != c.p.cluster)
            if (const QString b = busy(c, yc->name); !b.isEmpty())
                return refuse(c, b);
        return relocate(c, *x, *y);
    }
    case OperationKind::MoveUp: {
        const auto parent = x->sourceKey();
        const InstanceFacts *p = parent ? snapshot.instance(*parent) : nullptr;
        const auto grand = p ? p->sourceKey() : std::nullopt;
        const InstanceFacts *g = grand ? snapshot.instance(*grand) : nullptr;
        if (!g)
            return refuse(c,
                QStringLiteral("%1 replicates from the master (or its source is unknown): there is "
                               "no level above")
                    .arg(k));
        return relocate(c, *x, *g);
    }
    case OperationKind::TakeSiblings: {
        const auto parent = x->sourceKey();
        if (!parent)
            return refuse(c, QStringLiteral("%1 is a master: it has no siblings").arg(k));
        QStringList moved;
        for (const InstanceKey &sk : snapshot.replicasOf(*parent)) {
            if (sk == x->key)
                continue;
            const InstanceFacts *sf = snapshot.instance(sk);
            if (const QString u = usable(c, sf, sk, QStringLiteral("sibling")); !u.isEmpty())
                return refuse(c, u);
            if (const QString w = moveBelow(c, *sf, *x, false); !w.isEmpty())
                return refuse(c,
                    QStringLiteral("sibling %1 cannot move below %2: %3").arg(sk.toString(), k, w));
            moved << sk.toString();
        }
        if (moved.isEmpty())
            return refuse(c, QStringLiteral("%1 has no siblings").arg(k));
        return accept(c,
            QStringLiteral("%1 takes its siblings: %2").arg(k, moved.join(QStringLiteral(", "))));
    }
    case OperationKind::MakeCoMaster: {
        const auto parent = x->sourceKey();
        const ClusterInfo *cl = snapshot.clusterOf(x->key);
        if (!parent || !cl || cl->master != *parent)
            return refuse(
                c, QStringLiteral("%1 is not a direct replica of its cluster's master").arg(k));
        if (!cl->coMasters.isEmpty())
            return refuse(c, QStringLiteral("cluster %1 already has a co-master").arg(cl->name));
        const InstanceFacts *m = snapshot.instance(*parent);
        if (const QString u = usable(c, m, *parent, QStringLiteral("master")); !u.isEmpty())
            return refuse(c, u);
        QString why;
        if (!canReplicateFrom(*m, *x, &why))
            return refuse(c, why);
        const Coverage cov = coverage(snapshot, *x, *m);
        if (!cov.errant.isEmpty()) {
            c.p.errantTransactions << cov.errant;
            return refuse(c,
                QStringLiteral("%1 has errant transactions that %2 would replicate: %3")
                    .arg(k, m->key.toString(), cov.errant.join(QStringLiteral(", "))));
        }
        c.p.steps << sql(QStringLiteral("make %1 replicate from %2").arg(m->key.toString(), k),
            m->key, demoteStatements(request, *m, x->key),
            { SqlDialect(*m).stopReplication(), SqlDialect(*m).resetReplicationAll() });
        c.p.steps << waitReplicating(m->key, x->key);
        c.p.notes << QStringLiteral("%1 stays read_only: write on one co-master only").arg(k);
        return accept(c, QStringLiteral("%1 and %2 become co-masters").arg(k, m->key.toString()));
    }
    case OperationKind::GracefulTakeover:
        return takeover(c, *x);
    case OperationKind::Rejoin:
        return rejoin(c, *x);
    default:
        return instanceAction(c, *x);
    }
}

} // namespace Topograph
