// RecoveryLog: acknowledgements and blocked recovery attempts.

#include "recoverylog.h"

#include "auditlog.h"
#include "store.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace Topograph {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

int RecoveryLog::acknowledge(qint64 recoveryId, const QString &comment, QString *error)
{
    return acknowledgeWhere(QStringLiteral("recovery"), {}, recoveryId, comment, error);
}

int RecoveryLog::acknowledgeCluster(const QString &cluster, const QString &comment, QString *error)
{
    return acknowledgeWhere(QStringLiteral("cluster"), cluster, 0, comment, error);
}

int RecoveryLog::acknowledgeAll(const QString &comment, QString *error)
{
    return acknowledgeWhere(QStringLiteral("all"), {}, 0, comment, error);
}

int RecoveryLog::acknowledgeWhere(const QString &scope, const QString &cluster, qint64 recoveryId,
    const QString &comment, QString *error)
{
    const QString text = comment.trimmed();
    // orchestrator's GUI once ignored an empty comment silently (#417): here it is refused, loudly.
    if (text.isEmpty()) {
        setError(error,
            QStringLiteral("an acknowledgement needs a comment (what was checked, why automatic "
                           "recoveries may resume); nothing was acknowledged."));
        return -1;
    }
    int count = 0;
    const bool ok = m_store.write(
        [&](QString *err) {
            count = 0;
            QList<qint64> ids;
            QStringList clusters;
            if (scope == QLatin1String("recovery")) {
                auto r = recovery(recoveryId, err);
                if (!r)
                    return false;
                if (r->state == RecoveryState::Running) {
                    setError(err,
                        QStringLiteral(
                            "recovery %1 is still running; acknowledge it once it has ended.")
                            .arg(recoveryId));
                    return false;
                }
                if (r->acknowledged()) {
                    setError(err,
                        QStringLiteral("recovery %1 was already acknowledged by %2 at %3 (\"%4\").")
                            .arg(recoveryId)
                            .arg(r->acknowledgedBy, Store::toDb(r->acknowledgedAt), r->ackComment));
                    return false;
                }
                ids << recoveryId;
                clusters << r->cluster;
            } else {
                QSqlQuery q(m_store.database());
                q.prepare(QStringLiteral(
                    "SELECT id, cluster FROM recoveries WHERE acknowledged_at IS NULL AND "
                    "state <> 'running' AND (? = '' OR cluster = ?) ORDER BY id"));
                q.addBindValue(Store::text(cluster));
                q.addBindValue(Store::text(cluster));
                if (!m_store.exec(q, err))
                    return false;
                while (q.next()) {
                    ids << q.value(0).toLongLong();
                    if (!clusters.contains(q.value(1).toString()))
                        clusters << q.value(1).toString();
                }
                q.finish();
                if (scope == QLatin1String("cluster") && ids.isEmpty()) {
                    QSqlQuery any(m_store.database());
                    any.prepare(
                        QStringLiteral("SELECT count(*) FROM recoveries WHERE cluster = ?"));
                    any.addBindValue(cluster);
                    if (!m_store.exec(any, err) || !any.next())
                        return false;
                    if (any.value(0).toInt() == 0) {
                        setError(err,
                            QStringLiteral(
                                "no recovery was ever recorded for cluster '%1' (check the name: "
                                "topograph-cli recoveries lists them); nothing was acknowledged.")
                                .arg(cluster));
                        return false;
                    }
                }
                if (ids.isEmpty())
                    return true; // nothing unacknowledged: no record
            }
            const QString now = Store::toDb(QDateTime::currentDateTimeUtc());
            QSqlQuery a(m_store.database());
            a.prepare(QStringLiteral(
                "INSERT INTO acknowledgements(at, actor, scope, cluster, recovery_id, comment, "
                "recoveries) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            a.addBindValue(now);
            a.addBindValue(m_store.actor());
            a.addBindValue(scope);
            a.addBindValue(
                Store::text(scope == QLatin1String("recovery") ? clusters.value(0) : cluster));
            a.addBindValue(
                recoveryId ? QVariant(recoveryId) : QVariant(QMetaType::fromType<qlonglong>()));
            a.addBindValue(text);
            a.addBindValue(ids.size());
            if (!m_store.exec(a, err))
                return false;
            const qint64 ackId = a.lastInsertId().toLongLong();
            QJsonArray idList;
            for (qint64 id : std::as_const(ids)) {
                QSqlQuery u(m_store.database());
                u.prepare(QStringLiteral("UPDATE recoveries SET acknowledged_at = ?, "
                                         "acknowledged_by = ?, ack_comment = ?, "
                                         "acknowledgement_id = ? WHERE id = ?"));
                u.addBindValue(now);
                u.addBindValue(m_store.actor());
                u.addBindValue(text);
                u.addBindValue(ackId);
                u.addBindValue(id);
                if (!m_store.exec(u, err))
                    return false;
                idList << id;
            }
            count = int(ids.size());
            QString what;
            if (scope == QLatin1String("recovery"))
                what = QStringLiteral("recovery %1").arg(recoveryId);
            else if (scope == QLatin1String("cluster"))
                what = QStringLiteral("%1 recover%2 of cluster %3")
                           .arg(count)
                           .arg(count == 1 ? QLatin1String("y") : QLatin1String("ies"), cluster);
            else
                what = QStringLiteral("all %1 unacknowledged recover%2")
                           .arg(count)
                           .arg(count == 1 ? QLatin1String("y") : QLatin1String("ies"));
            AuditEntry e;
            e.actor = m_store.actor();
            e.cluster = clusters.size() == 1 ? clusters.first() : QString();
            e.action = QStringLiteral("acknowledge");
            e.message = QStringLiteral("Acknowledged %1: %2").arg(what, text);
            e.details = { { QStringLiteral("scope"), scope },
                { QStringLiteral("recoveries"), idList },
                { QStringLiteral("clusters"), QJsonArray::fromStringList(clusters) },
                { QStringLiteral("comment"), text }, { QStringLiteral("acknowledgement"), ackId } };
            e.recoveryId = scope == QLatin1String("recovery") ? recoveryId : 0;
            return AuditLog::appendInTransaction(m_store, e, err);
        },
        error);
    return ok ? count : -1;
}

QList<Acknowledgement> RecoveryLog::acknowledgements(QString *error) const
{
    QList<Acknowledgement> result;
    QSqlQuery q(m_store.database());
    q.prepare(
        QStringLiteral("SELECT id, at, actor, scope, cluster, recovery_id, comment, recoveries "
                       "FROM acknowledgements ORDER BY id"));
    if (!m_store.exec(q, error))
        return result;
    while (q.next()) {
        Acknowledgement a;
        a.id = q.value(0).toLongLong();
        a.at = Store::fromDb(q.value(1));
        a.actor = q.value(2).toString();
        a.scope = q.value(3).toString();
        a.cluster = q.value(4).toString();
        a.recoveryId = q.value(5).toLongLong();
        a.comment = q.value(6).toString();
        a.recoveries = q.value(7).toInt();
        result << a;
    }
    return result;
}

bool RecoveryLog::recordBlocked(BlockedRecovery &b, QString *error)
{
    if (b.cluster.isEmpty() || b.reason.trimmed().isEmpty()) {
        setError(error, QStringLiteral("a blocked recovery needs a cluster and a reason"));
        return false;
    }
    if (!b.at.isValid())
        b.at = QDateTime::currentDateTimeUtc();
    return m_store.write(
        [&](QString *err) {
            QSqlQuery q(m_store.database());
            q.prepare(QStringLiteral(
                "INSERT INTO blocked_recoveries(at, cluster, failed_instance, analysis, reason, "
                "blocking_recovery_id) VALUES (?, ?, ?, ?, ?, ?)"));
            q.addBindValue(Store::toDb(b.at));
            q.addBindValue(b.cluster);
            q.addBindValue(Store::text(b.failedInstance));
            q.addBindValue(Store::text(b.analysis));
            q.addBindValue(b.reason);
            q.addBindValue(b.blockingRecoveryId ? QVariant(b.blockingRecoveryId)
                                                : QVariant(QMetaType::fromType<qlonglong>()));
            if (!m_store.exec(q, err))
                return false;
            b.id = q.lastInsertId().toLongLong();
            AuditEntry e;
            e.at = b.at;
            e.actor = QStringLiteral("auto");
            e.cluster = b.cluster;
            e.instance = b.failedInstance;
            e.action = QStringLiteral("recovery-blocked");
            e.outcome = AuditOutcome::Refused;
            e.message = QStringLiteral("Automatic recovery of cluster %1 blocked: %2")
                            .arg(b.cluster, b.reason);
            e.details = { { QStringLiteral("analysis"), b.analysis },
                { QStringLiteral("blockingRecovery"), b.blockingRecoveryId },
                { QStringLiteral("blocked"), b.id } };
            e.recoveryId = b.blockingRecoveryId;
            return AuditLog::appendInTransaction(m_store, e, err);
        },
        error);
}

QList<BlockedRecovery> RecoveryLog::blockedRecoveries(
    const QString &cluster, const QDateTime &since, const QDateTime &until, QString *error) const
{
    QList<BlockedRecovery> result;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT id, at, cluster, failed_instance, analysis, reason, blocking_recovery_id "
        "FROM blocked_recoveries WHERE (? = '' OR cluster = ?) AND (? = '' OR at >= ?) "
        "AND (? = '' OR at < ?) ORDER BY id"));
    for (const QString &v : { Store::text(cluster), Store::text(Store::toDb(since)),
             Store::text(Store::toDb(until)) }) {
        q.addBindValue(v);
        q.addBindValue(v);
    }
    if (!m_store.exec(q, error))
        return result;
    while (q.next()) {
        BlockedRecovery b;
        b.id = q.value(0).toLongLong();
        b.at = Store::fromDb(q.value(1));
        b.cluster = q.value(2).toString();
        b.failedInstance = q.value(3).toString();
        b.analysis = q.value(4).toString();
        b.reason = q.value(5).toString();
        b.blockingRecoveryId = q.value(6).toLongLong();
        result << b;
    }
    return result;
}

} // namespace Topograph
