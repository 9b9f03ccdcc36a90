#include "recoverylog.h"

#include "auditlog.h"
#include "store.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace Topograph {

namespace {

const char recoveryColumns[] = "SELECT id, cluster, kind, analysis, failed_instance, successor, "
                               "actor, automatic, state, started_at, "
                               "ended_at, summary, lost_replicas, details, owner_pid, owner_host, "
                               "heartbeat_at, acknowledged_at, "
                               "acknowledged_by, ack_comment FROM recoveries";

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString nowText()
{
    return Store::toDb(QDateTime::currentDateTimeUtc());
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

StepOutcome outcomeFromName(const QString &s)
{
    for (StepOutcome o : { StepOutcome::Running, StepOutcome::Ok, StepOutcome::Failed,
             StepOutcome::Skipped, StepOutcome::Undone, StepOutcome::Interrupted })
        if (stepOutcomeName(o) == s)
            return o;
    return StepOutcome::Failed;
}

// Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), -1 if unknown.
qint64 processStartTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const int close = stat.lastIndexOf(')'); // the command name may contain spaces and parentheses
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : -1;
}

bool processAlive(qint64 pid, qint64 startTicks)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    const qint64 now = processStartTicks(pid);
    // A different start time means the pid was reused by another process.
    return startTicks <= 0 || now < 0 || now == startTicks;
}

Recovery recoveryFrom(const QSqlQuery &q)
{
    Recovery r;
    r.id = q.value(0).toLongLong();
    r.cluster = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.analysis = q.value(3).toString();
    r.failedInstance = q.value(4).toString();
    r.successor = q.value(5).toString();
    r.actor = q.value(6).toString();
    r.automatic = q.value(7).toBool();
    r.state = recoveryStateFromName(q.value(8).toString());
    r.startedAt = Store::fromDb(q.value(9));
    r.endedAt = Store::fromDb(q.value(10));
    r.summary = q.value(11).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(12).toString().toUtf8()).array())
        r.lostReplicas << v.toString();
    r.details = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).object();
    r.ownerPid = q.value(14).toLongLong();
    r.ownerHost = q.value(15).toString();
    r.heartbeatAt = Store::fromDb(q.value(16));
    r.acknowledgedAt = Store::fromDb(q.value(17));
    r.acknowledgedBy = q.value(18).toString();
    r.ackComment = q.value(19).toString();
    return r;
}

bool audit(Store &store, const QString &actor, const QString &cluster, const QString &instance,
    const QString &action, AuditOutcome outcome, const QString &message, const QJsonObject &details,
    qint64 recoveryId, QString *error)
{
    AuditEntry e;
    e.actor = actor.isEmpty() ? store.actor() : actor;
    e.cluster = cluster;
    e.instance = instance;
    e.action = action;
    e.outcome = outcome;
    e.message = message;
    e.details = details;
    e.recoveryId = recoveryId;
    return AuditLog::appendInTransaction(store, e, error);
}

} // namespace

QString recoveryStateName(RecoveryState state)
{
    switch (state) {
    case RecoveryState::Running:
        return QStringLiteral("running");
    case RecoveryState::Succeeded:
        return QStringLiteral("succeeded");
    case RecoveryState::Failed:
        return QStringLiteral("failed");
    case RecoveryState::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

QString stepOutcomeName(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Running:
        return QStringLiteral("running");
    case StepOutcome::Ok:
        return QStringLiteral("ok");
    case StepOutcome::Failed:
        return QStringLiteral("failed");
    case StepOutcome::Skipped:
        return QStringLiteral("skipped");
    case StepOutcome::Undone:
        return QStringLiteral("undone");
    case StepOutcome::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

RecoveryLog::RecoveryLog(Store &store)
    : m_store(store)
{ }

RecoveryLog::Claim RecoveryLog::start(const Start &s)
{
    Claim claim;
    const QString actor = s.actor.isEmpty() ? m_store.actor() : s.actor;
    if (s.cluster.isEmpty() || s.kind.isEmpty()) {
        claim.error = QStringLiteral("a recovery needs a cluster and a kind");
        return claim;
    }
    m_store.write(
        [&](QString *err) {
            QSqlQuery r(m_store.database());
            r.prepare(QStringLiteral(
                "SELECT id, kind, actor, started_at, owner_pid, owner_host FROM recoveries "
                "WHERE cluster = ? AND state = 'running'"));
            r.addBindValue(s.cluster);
            if (!m_store.exec(r, err))
                return false;
            if (r.next()) {
                claim.runningId = r.value(0).toLongLong();
                setError(err,
                    QStringLiteral(
                        "recovery %1 (%2, started %3 by %4, process %5 on %6) is already running "
                        "on cluster %7; wait for it to end (topograph-cli recoveries --cluster "
                        "%7).")
                        .arg(claim.runningId)
                        .arg(r.value(1).toString(), r.value(3).toString(), r.value(2).toString(),
                            r.value(4).toString(), r.value(5).toString(), s.cluster));
                return false;
            }
            r.finish();
            const QString now = nowText();
            const qint64 pid = QCoreApplication::applicationPid();
            QSqlQuery q(m_store.database());
            q.prepare(QStringLiteral(
                "INSERT INTO recoveries(cluster, kind, analysis, failed_instance, actor, "
                "automatic, "
                "state, started_at, details, owner_pid, owner_start, owner_host, heartbeat_at) "
                "VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(s.cluster);
            q.addBindValue(s.kind);
            q.addBindValue(Store::text(s.analysis));
            q.addBindValue(Store::text(s.failedInstance));
            q.addBindValue(actor);
            q.addBindValue(s.automatic ? 1 : 0);
            q.addBindValue(now);
            q.addBindValue(json(s.details));
            q.addBindValue(pid);
            q.addBindValue(processStartTicks(pid));
            q.addBindValue(QSysInfo::machineHostName());
            q.addBindValue(now);
            if (!m_store.exec(q, err))
                return false;
            claim.id = q.lastInsertId().toLongLong();
            const QString sentence
                = QStringLiteral("%1 recovery %2 (%3) of cluster %4 started%5.")
                      .arg(s.automatic ? QStringLiteral("Automatic") : QStringLiteral("Manual"))
                      .arg(claim.id)
                      .arg(s.kind, s.cluster,
                          s.failedInstance.isEmpty()
                              ? QString()
                              : QStringLiteral(": %1 failed").arg(s.failedInstance));
            QJsonObject details = s.details;
            details.insert(QStringLiteral("kind"), s.kind);
            if (!s.analysis.isEmpty())
                details.insert(QStringLiteral("analysis"), s.analysis);
            return audit(m_store, actor, s.cluster, s.failedInstance,
                QStringLiteral("recovery-start"), AuditOutcome::Ok, sentence, details, claim.id,
                err);
        },
        &claim.error);
    if (!claim.error.isEmpty())
        claim.id = 0;
    return claim;
}

bool RecoveryLog::heartbeat(qint64 id, QString *error)
{
    return m_store.write(
        [&](QString *err) {
            QSqlQuery q(m_store.database());
            q.prepare(QStringLiteral(
                "UPDATE recoveries SET heartbeat_at = ? WHERE id = ? AND state = 'running'"));
            q.addBindValue(nowText());
            q.addBindValue(id);
            return m_store.exec(q, err);
        },
        error);
}

int RecoveryLog::beginStep(
    qint64 id, const QString &name, const QString &server, const QString &statement, QString *error)
{
    int seq = 0;
    const bool ok = m_store.write(
        [&](QString *err) {
            QSqlQuery s(m_store.database());
            s.prepare(QStringLiteral(
                "SELECT state, (SELECT COALESCE(max(seq), 0) FROM recovery_steps WHERE "
                "recovery_id = ?) FROM recoveries WHERE id = ?"));
            s.addBindValue(id);
            s.addBindValue(id);
            if (!m_store.exec(s, err))
                return false;
            if (!s.next() || s.value(0).toString() != QLatin1String("running")) {
                setError(err,
                    QStringLiteral("recovery %1 is not running; its step '%2' was not recorded")
                        .arg(id)
                        .arg(name));
                return false;
            }
            seq = s.value(1).toInt() + 1;
            s.finish();
            const QString now = nowText();
            QSqlQuery q(m_store.database());
            q.prepare(QStringLiteral(
                "INSERT INTO recovery_steps(recovery_id, seq, name, server, statement, started_at, "
                "outcome) VALUES (?, ?, ?, ?, ?, ?, 'running')"));
            q.addBindValue(id);
            q.addBindValue(seq);
            q.addBindValue(name);
            q.addBindValue(Store::text(server));
            q.addBindValue(Store::text(statement));
            q.addBindValue(now);
            if (!m_store.exec(q, err))
                return false;
            QSqlQuery h(m_store.database());
            h.prepare(QStringLiteral("UPDATE recoveries SET heartbeat_at = ? WHERE id = ?"));
            h.addBindValue(now);
            h.addBindValue(id);
            return m_store.exec(h, err);
        },
        error);
    return ok ? seq : 0;
}

bool RecoveryLog::endStep(
    qint64 id, int seq, StepOutcome outcome, const QString &output, QString *error)
{
    return m_store.write(
        [&](QString *err) {
            const QString now = nowText();
            QSqlQuery q(m_store.database());
            q.prepare(
                QStringLiteral("UPDATE recovery_steps SET ended_at = ?, outcome = ?, output = ? "
                               "WHERE recovery_id = ? AND seq = ? AND outcome = 'running'"));
            q.addBindValue(now);
            q.addBindValue(stepOutcomeName(outcome));
            q.addBindValue(Store::text(output));
            q.addBindValue(id);
            q.addBindValue(seq);
            if (!m_store.exec(q, err))
                return false;
            if (q.numRowsAffected() != 1) {
                setError(err,
                    QStringLiteral(
                        "step %1 of recovery %2 is not running; its end was not recorded")
                        .arg(seq)
                        .arg(id));
                return false;
            }
            QSqlQuery s(m_store.database());
            s.prepare(QStringLiteral(
                "SELECT s.name, s.server, s.statement, s.started_at, r.cluster, r.actor FROM "
                "recovery_steps s JOIN recoveries r ON r.id = s.recovery_id "
                "WHERE s.recovery_id = ? AND s.seq = ?"));
            s.addBindValue(id);
            s.addBindValue(seq);
            if (!m_store.exec(s, err) || !s.next())
                return false;
            const QString name = s.value(0).toString(), server = s.value(1).toString();
            const qint64 ms = Store::fromDb(s.value(3)).msecsTo(Store::fromDb(now));
            const QJsonObject details { { QStringLiteral("seq"), seq },
                { QStringLiteral("step"), name }, { QStringLiteral("server"), server },
                { QStringLiteral("statement"), s.value(2).toString() },
                { QStringLiteral("outcome"), stepOutcomeName(outcome) },
                { QStringLiteral("durationMs"), ms },
                { QStringLiteral("output"), output.left(4000) } };
            const QString sentence
                = QStringLiteral("Recovery %1, step %2: %3%4: %5 (%6 ms).")
                      .arg(id)
                      .arg(seq)
                      .arg(name, server.isEmpty() ? QString() : QStringLiteral(" on ") + server,
                          stepOutcomeName(outcome))
                      .arg(ms);
            return audit(m_store, s.value(5).toString(), s.value(4).toString(), server,
                QStringLiteral("recovery-step"),
                outcome == StepOutcome::Failed ? AuditOutcome::Failed : AuditOutcome::Ok, sentence,
                details, id, err);
        },
        error);
}

bool RecoveryLog::finish(qint64 id, const Finish &f, QString *error)
{
    if (f.state != RecoveryState::Succeeded && f.state != RecoveryState::Failed) {
        setError(error, QStringLiteral("a recovery finishes as succeeded or failed"));
        return false;
    }
    return m_store.write(
        [&](QString *err) {
            auto r = recovery(id, err);
            if (!r)
                return false;
            if (r->state != RecoveryState::Running) {
                setError(err,
                    QStringLiteral("recovery %1 already ended (%2)")
                        .arg(id)
                        .arg(recoveryStateName(r->state)));
                return false;
            }
            QJsonObject details = r->details;
            for (auto it = f.details.begin(); it != f.details.end(); ++it)
                details.insert(it.key(), it.value());
            QSqlQuery q(m_store.database());
            q.prepare(QStringLiteral(
                "UPDATE recoveries SET state = ?, ended_at = ?, successor = ?, summary = ?, "
                "lost_replicas = ?, details = ? WHERE id = ?"));
            q.addBindValue(recoveryStateName(f.state));
            q.addBindValue(nowText());
            q.addBindValue(Store::text(f.successor.isEmpty() ? r->successor : f.successor));
            q.addBindValue(Store::text(f.summary));
            q.addBindValue(
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(f.lostReplicas))
                                      .toJson(QJsonDocument::Compact)));
            q.addBindValue(json(details));
            q.addBindValue(id);
            if (!m_store.exec(q, err))
                return false;
            QJsonObject auditDetails { { QStringLiteral("state"), recoveryStateName(f.state) },
                { QStringLiteral("successor"), f.successor },
                { QStringLiteral("lostReplicas"), QJsonArray::fromStringList(f.lostReplicas) },
                { QStringLiteral("steps"), r->steps.size() } };
            const QString sentence
                = QStringLiteral("Recovery %1 (%2) of cluster %3 %4%5")
                      .arg(id)
                      .arg(r->kind, r->cluster, recoveryStateName(f.state),
                          f.summary.isEmpty() ? QStringLiteral(".")
                                              : QStringLiteral(": ") + f.summary);
            return audit(m_store, r->actor, r->cluster, r->failedInstance,
                QStringLiteral("recovery-end"),
                f.state == RecoveryState::Succeeded ? AuditOutcome::Ok : AuditOutcome::Failed,
                sentence, auditDetails, id, err);
        },
        error);
}

bool RecoveryLog::loadSteps(Recovery &r, QString *error) const
{
    QSqlQuery q(m_store.database());
    q.prepare(
        QStringLiteral("SELECT seq, name, server, statement, started_at, ended_at, outcome, output "
                       "FROM recovery_steps WHERE recovery_id = ? ORDER BY seq"));
    q.addBindValue(r.id);
    if (!m_store.exec(q, error))
        return false;
    while (q.next()) {
        RecoveryStep s;
        s.recoveryId = r.id;
        s.seq = q.value(0).toInt();
        s.name = q.value(1).toString();
        s.server = q.value(2).toString();
        s.statement = q.value(3).toString();
        s.startedAt = Store::fromDb(q.value(4));
        s.endedAt = Store::fromDb(q.value(5));
        s.outcome = outcomeFromName(q.value(6).toString());
        s.output = q.value(7).toString();
        r.steps << s;
    }
    return true;
}

std::optional<Recovery> RecoveryLog::recovery(qint64 id, QString *error) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QString::fromLatin1(recoveryColumns) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!m_store.exec(q, error))
        return std::nullopt;
    if (!q.next()) {
        setError(error,
            QStringLiteral("there is no recovery %1 in the store %2").arg(id).arg(m_store.path()));
        return std::nullopt;
    }
    Recovery r = recoveryFrom(q);
    q.finish();
    if (!loadSteps(r, error))
        return std::nullopt;
    return r;
}

RecoveryLog::ChangeMark RecoveryLog::changeMark(QString *error) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT (SELECT ifnull(max(id), 0) FROM recoveries),"
                             " (SELECT count(*) FROM recoveries WHERE state = 'running')"));
    if (!m_store.exec(q, error) || !q.next())
        return {};
    return { q.value(0).toLongLong(), q.value(1).toLongLong() };
}

QList<Recovery> RecoveryLog::recoveries(const RecoveryFilter &f, QString *error) const
{
    QStringList where;
    QVariantList binds;
    if (!f.cluster.isEmpty()) {
        where << QStringLiteral("cluster = ?");
        binds << f.cluster;
    }
    if (f.unacknowledgedOnly)
        where << QStringLiteral("acknowledged_at IS NULL");
    if (f.since.isValid()) {
        where << QStringLiteral("started_at >= ?");
        binds << Store::toDb(f.since);
    }
    if (f.until.isValid()) {
        where << QStringLiteral("started_at < ?");
        binds << Store::toDb(f.until);
    }
    QString sql = QString::fromLatin1(recoveryColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    sql = f.limit > 0 ? QStringLiteral("SELECT * FROM (%1 ORDER BY id DESC LIMIT %2) ORDER BY id")
                            .arg(sql)
                            .arg(f.limit)
                      : sql + QStringLiteral(" ORDER BY id");
    QList<Recovery> result;
    QSqlQuery q(m_store.database());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!m_store.exec(q, error))
        return result;
    while (q.next())
        result << recoveryFrom(q);
    q.finish();
    if (f.withSteps)
        for (Recovery &r : result)
            if (!loadSteps(r, error))
                return {};
    return result;
}

std::optional<Recovery> RecoveryLog::running(const QString &cluster) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT id FROM recoveries WHERE cluster = ? AND state = 'running'"));
    q.addBindValue(cluster);
    if (!m_store.exec(q, nullptr) || !q.next())
        return std::nullopt;
    return recovery(q.value(0).toLongLong());
}

int RecoveryLog::markInterruptedRecoveries(int staleSeconds, QString *error)
{
    int marked = 0;
    const QString host = QSysInfo::machineHostName();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool ok = m_store.write(
        [&](QString *err) {
            marked = 0;
            QSqlQuery q(m_store.database());
            q.prepare(QStringLiteral(
                "SELECT id, owner_pid, owner_start, owner_host, heartbeat_at FROM recoveries "
                "WHERE state = 'running'"));
            if (!m_store.exec(q, err))
                return false;
            QList<qint64> dead;
            QHash<qint64, QString> why;
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong(), pid = q.value(1).toLongLong();
                const QString owner = q.value(3).toString();
                if (owner == host) {
                    if (!processAlive(pid, q.value(2).toLongLong())) {
                        dead << id;
                        why[id]
                            = QStringLiteral("process %1 on %2 ended before the recovery finished")
                                  .arg(pid)
                                  .arg(host);
                    }
                } else if (Store::fromDb(q.value(4)).secsTo(now) > staleSeconds) {
                    dead << id;
                    why[id] = QStringLiteral("process %1 on %2 sent no heartbeat for over %3 s")
                                  .arg(pid)
                                  .arg(owner)
                                  .arg(staleSeconds);
                }
            }
            q.finish();
            for (qint64 id : std::as_const(dead)) {
                auto r = recovery(id, err);
                if (!r)
                    return false;
                const RecoveryStep *last = nullptr;
                for (const RecoveryStep &s : std::as_const(r->steps))
                    if (s.outcome != StepOutcome::Running)
                        last = &s;
                const QString at = last ? QStringLiteral("after step %1 (%2, %3)")
                                              .arg(last->seq)
                                              .arg(last->name, stepOutcomeName(last->outcome))
                                        : QStringLiteral("before its first step completed");
                const QString summary
                    = QStringLiteral("Interrupted %1: %2.").arg(at, why.value(id));
                QSqlQuery s(m_store.database());
                s.prepare(QStringLiteral(
                    "UPDATE recovery_steps SET outcome = 'interrupted', ended_at = ? "
                    "WHERE recovery_id = ? AND outcome = 'running'"));
                s.addBindValue(Store::toDb(now));
                s.addBindValue(id);
                QSqlQuery u(m_store.database());
                u.prepare(QStringLiteral(
                    "UPDATE recoveries SET state = 'interrupted', ended_at = ?, summary = ? "
                    "WHERE id = ? AND state = 'running'"));
                u.addBindValue(Store::toDb(now));
                u.addBindValue(summary);
                u.addBindValue(id);
                if (!m_store.exec(s, err) || !m_store.exec(u, err))
                    return false;
                const QJsonObject details { { QStringLiteral("lastCompletedStep"),
                                                last ? last->seq : 0 },
                    { QStringLiteral("ownerPid"), r->ownerPid },
                    { QStringLiteral("ownerHost"), r->ownerHost } };
                if (!audit(m_store, {}, r->cluster, r->failedInstance,
                        QStringLiteral("recovery-interrupted"), AuditOutcome::Failed,
                        QStringLiteral("Recovery %1 of cluster %2: %3")
                            .arg(id)
                            .arg(r->cluster, summary),
                        details, id, err))
                    return false;
                ++marked;
            }
            return true;
        },
        error);
    return ok ? marked : -1;
}

RecoveryState recoveryStateFromName(const QString &name)
{
    for (RecoveryState r : { RecoveryState::Running, RecoveryState::Succeeded,
             RecoveryState::Failed, RecoveryState::Interrupted })
        if (recoveryStateName(r) == name)
            return r;
    return RecoveryState::Failed;
}

} // namespace Topograph
