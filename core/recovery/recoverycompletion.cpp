// What keeps a recovery from making a second master: a successor that already took over is
// completed, never replaced, and every replica a recovery reports as following is checked.
#include "recoveryexecutor.h"
#include "recoveryexecutor_p.h"

#include "discovery/probeparsers.h"
#include "logging/logging.h"
#include "mysql/connection.h"
#include "replicationrules.h"
#include "sqldialect.h"

#include <QDeadlineTimer>
#include <QThread>

namespace Topograph {

namespace {

// A replica whose SQL thread is stopped without an error was stopped by a person (STOP SLAVE
// SQL_THREAD, a delayed apply they manage): moving it must not start it again.
bool sqlStoppedOnPurpose(const InstanceFacts &f, const InstanceKey &oldSource)
{
    for (const ReplicationChannel &ch : f.channels)
        if (ch.source == oldSource || f.channels.size() == 1)
            return ch.sqlThread == ThreadState::Stopped && ch.lastSqlErrno == 0 && ch.lastSqlError.isEmpty();
    return false;
}

} // namespace

QStringList RecoveryExecutor::repointStatements(const InstanceFacts &replica, const InstanceKey &oldSource,
                                                const InstanceKey &newSource)
{
    const SqlDialect d(replica);
    const QString channel = channelFrom(replica, oldSource);
    return {d.stopReplication(channel), d.changeSource(newSource, channel),
            sqlStoppedOnPurpose(replica, oldSource) ? d.startIoThread(channel) : d.startReplication(channel)};
}

std::optional<RecoveryExecutor::TakenOver> RecoveryExecutor::successorTookOver(Context &c,
                                                                             const TopologySnapshot &snapshot) const
{
    QString error;
    const QList<RecoveryLog::Succession> named = c.log.successorsNamed(c.request.failed, &error);
    if (!error.isEmpty())
        spdlog::error("recovery of {}: cannot read earlier recoveries: {}", c.request.failed.toString(), error);
    const ClusterInfo *failedCluster = snapshot.clusterOf(c.request.failed);
    for (const RecoveryLog::Succession &s : named) {
        // The successor may have moved on since (a takeover, a later recovery): what counts is the
        // master of the cluster it is in now, answering and writable.
        const ClusterInfo *cluster = snapshot.clusterOf(s.successor);
        if (!cluster || cluster == failedCluster || cluster->members.contains(c.request.failed))
            continue;
        const InstanceFacts *master = snapshot.instance(cluster->master);
        if (!master || !master->reachable || master->readOnly || master->sourceKey())
            continue;
        return TakenOver{s.recoveryId, s.successor, master->key};
    }
    return std::nullopt;
}

RecoveryOutcome RecoveryExecutor::completeTakeover(Context &c, const TopologySnapshot &snapshot, const TakenOver &t)
{
    RecoveryOutcome out;
    QList<InstanceKey> movers;
    QList<QPair<InstanceKey, QString>> lost;
    const InstanceFacts *master = snapshot.instance(t.master);
    for (const InstanceKey &k : snapshot.replicasOf(c.request.failed)) {
        const InstanceFacts *f = snapshot.instance(k);
        QString why;
        if (!f || !f->reachable)
            lost.append({k, QStringLiteral("unreachable")});
        else if (!canReplicateFrom(*f, *master, &why))
            lost.append({k, why});
        else
            movers << k;
    }
    QJsonObject details{{QStringLiteral("continues"), double(t.recoveryId)},
                        {QStringLiteral("successor"), t.master.toString()}};
    if (!claim(c, QStringLiteral("DeadMaster"), details, out))
        return out;
    step(c, QStringLiteral("successor already took over"), t.master, QString(), [&](QString &output) {
        output = t.successor == t.master
                     ? QStringLiteral("recovery %1 made %2 the master in place of %3: nobody else is promoted")
                           .arg(t.recoveryId)
                           .arg(t.master.toString(), c.request.failed.toString())
                     : QStringLiteral("recovery %1 replaced %2 by %3, whose cluster's master is now %4: nobody else "
                                      "is promoted")
                           .arg(t.recoveryId)
                           .arg(c.request.failed.toString(), t.successor.toString(), t.master.toString());
        return true;
    });
    const QList<InstanceKey> notMoved = repointAll(c, snapshot, movers, t.master);
    const QList<InstanceKey> moved = withoutKeys(movers, notMoved);
    const QList<InstanceKey> notFollowing = verifyFollowers(c, snapshot, moved, t.master);
    QList<InstanceKey> lostKeys = notMoved;
    for (const auto &l : std::as_const(lost))
        lostKeys << l.first;
    detachLost(c, snapshot, lostKeys);
    lostKeys << notFollowing;
    for (const InstanceKey &k : std::as_const(lostKeys))
        out.lost << k.toString();
    out.successor = t.master;
    out.success = true;
    out.message = QStringLiteral("%1 had already taken over from %2 (recovery %3); %4 replica(s) left behind now follow "
                                 "it; nobody else was promoted%5")
                      .arg(t.master.toString(), c.request.failed.toString())
                      .arg(t.recoveryId)
                      .arg(moved.size() - notFollowing.size())
                      .arg(lostKeys.isEmpty() ? QString()
                                              : QStringLiteral("; lost: %1").arg(out.lost.join(QStringLiteral(", "))));
    postHooks(c, out, HookPoint::PostMasterFailover);
    return finish(c, out);
}

QList<InstanceKey> RecoveryExecutor::verifyFollowers(Context &c, const TopologySnapshot &snapshot,
                                                     const QList<InstanceKey> &followers, const InstanceKey &source)
{
    if (followers.isEmpty())
        return {};
    struct Check
    {
        InstanceKey key;
        std::unique_ptr<Connection> conn;
        QString statement;
        bool sqlWasStopped = false; // by a person or by an error: not this recovery's doing
        bool ok = false;
        QString why = QStringLiteral("not checked");
    };
    std::vector<Check> checks;
    for (const InstanceKey &k : followers) {
        const InstanceFacts *f = snapshot.instance(k);
        if (!f)
            continue;
        Check ch;
        ch.key = k;
        ch.statement = SqlDialect(*f).replicationStatus();
        for (const ReplicationChannel &rc : f->channels)
            if (rc.source == c.request.failed || f->channels.size() == 1)
                ch.sqlWasStopped = rc.sqlThread != ThreadState::Running;
        checks.push_back(std::move(ch));
    }
    QList<InstanceKey> notFollowing;
    step(c, QStringLiteral("verify that %1 replica(s) follow %2").arg(checks.size()).arg(source.toString()), source,
         checks.empty() ? QString() : checks.front().statement, [&](QString &output) {
        // An IO thread needs a moment to connect after START SLAVE; a name that does not resolve,
        // a wrong password or a source that refuses never gets there.
        const QDeadlineTimer deadline(m_verifySeconds * 1000);
        for (;;) {
            bool pending = false;
            for (Check &ch : checks) {
                if (ch.ok)
                    continue;
                if (!ch.conn) {
                    ch.conn = connect(ch.key);
                    if (!ch.conn->open()) {
                        ch.why = ch.conn->lastError().message;
                        ch.conn.reset();
                        pending = true;
                        continue;
                    }
                }
                const auto rows = ch.conn->query(ch.statement);
                if (!rows) {
                    ch.why = ch.conn->lastError().message;
                    ch.conn.reset();
                    pending = true;
                    continue;
                }
                const QList<ReplicationChannel> channels = ProbeParsers::replicaStatus(*rows);
                const auto it = std::find_if(channels.cbegin(), channels.cend(),
                                             [&](const ReplicationChannel &r) { return r.source == source; });
                if (it == channels.cend()) {
                    ch.why = channels.isEmpty() ? QStringLiteral("replicates from nothing")
                                                : QStringLiteral("replicates from %1").arg(channels.first().source.toString());
                } else if (it->ioThread != ThreadState::Running) {
                    ch.why = it->lastIoError.isEmpty() ? QStringLiteral("IO thread %1").arg(threadStateName(it->ioThread))
                                                       : QStringLiteral("IO thread: %1").arg(it->lastIoError);
                } else if (it->sqlThread != ThreadState::Running && !ch.sqlWasStopped) {
                    ch.why = it->lastSqlError.isEmpty() ? QStringLiteral("SQL thread stopped")
                                                        : QStringLiteral("SQL thread: %1").arg(it->lastSqlError);
                } else {
                    ch.ok = true;
                    continue;
                }
                pending = true;
            }
            if (!pending || deadline.hasExpired())
                break;
            QThread::msleep(50);
        }
        QStringList lines;
        for (const Check &ch : checks) {
            if (!ch.ok)
                notFollowing << ch.key;
            lines << QStringLiteral("%1: %2").arg(ch.key.toString(), ch.ok ? QStringLiteral("follows") : ch.why);
        }
        output = lines.join(QLatin1Char('\n'));
        return notFollowing.isEmpty();
    });
    return notFollowing;
}

} // namespace Topograph
