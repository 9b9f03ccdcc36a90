#include "operationexecutor.h"

#include "fileposmove.h"
#include "logging/logging.h"
#include "model/gtid.h"
#include "mysql/connection.h"
#include "recovery/hookrunner.h"
#include "recovery/sqldialect.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <memory>

namespace Topograph {

struct OperationExecutor::Run
{
    const TopologySnapshot &snapshot;
    const OperationRequest &request;
    RecoveryLog log;
    qint64 id = 0;
    HookContext hook;
    QHash<InstanceKey, std::shared_ptr<Connection>> connections;
    FilePos::Coordinates coordinates; // read by file:pos steps, substituted into later statements
};

namespace {

QJsonObject planToJson(const OperationPlan &p)
{
    QJsonArray steps;
    for (const OperationStep &s : p.steps)
        steps.append(QJsonObject { { QStringLiteral("name"), s.name },
            { QStringLiteral("server"), s.server.isValid() ? s.server.toString() : QString() },
            { QStringLiteral("statements"), QJsonArray::fromStringList(s.statements) },
            { QStringLiteral("undoable"), !s.undo.isEmpty() } });
    return QJsonObject { { QStringLiteral("operation"), operationKindName(p.kind) },
        { QStringLiteral("summary"), p.summary },
        { QStringLiteral("notes"), QJsonArray::fromStringList(p.notes) },
        { QStringLiteral("expectedWriteBlock"), p.expectedWriteBlock },
        { QStringLiteral("steps"), steps } };
}

// One row per channel; both MariaDB/MySQL-before-8.0.22 and MySQL 8.0.22+ column names.
QString column(const Row &row, const char *oldName, const char *newName)
{
    const QString o = QString::fromLatin1(oldName);
    return row.has(o) ? row.text(o) : row.text(QString::fromLatin1(newName));
}

} // namespace

OperationExecutor::OperationExecutor(Store &store, Policy policy, OptionsFor optionsFor)
    : m_store(store)
    , m_policy(std::move(policy))
    , m_optionsFor(std::move(optionsFor))
{ }

void OperationExecutor::setReplicationPassword(const QString &password)
{
    m_replicationPassword = password;
    Logging::registerSecret(password);
}

void OperationExecutor::audit(
    const OperationRequest &request, const OperationOutcome &out, const QString &cluster)
{
    AuditEntry e;
    e.actor = m_store.actor();
    e.cluster = cluster;
    // Cluster-wide requests (an alias) name no instance: none is recorded, not ":0".
    e.instance = request.instance.isValid() ? request.instance.toString() : QString();
    e.action = operationKindName(request.kind);
    e.outcome = AuditOutcome::Refused;
    e.message = out.message;
    e.details
        = QJsonObject { { QStringLiteral("target"),
                            request.target.isValid() ? request.target.toString() : QString() },
              { QStringLiteral("runningId"), double(out.runningId) } };
    if (cluster.isEmpty() && !request.cluster.isEmpty()) // a cluster the snapshot does not know
        e.details.insert(QStringLiteral("requestedCluster"), request.cluster);
    if (!request.text.isEmpty() && request.kind == OperationKind::SetAlias)
        e.details.insert(QStringLiteral("alias"), request.text);
    QString error;
    if (!AuditLog(m_store).append(e, &error))
        spdlog::error("could not audit the refused {}: {}", e.action, error);
}

OperationOutcome OperationExecutor::storeChange(
    const TopologySnapshot &snapshot, const OperationRequest &r, OperationOutcome out)
{
    // The Store audits these itself, in the same transaction.
    QString error;
    bool ok = false;
    switch (r.kind) {
    case OperationKind::BeginDowntime: {
        Downtime d;
        d.until = QDateTime::currentDateTimeUtc().addSecs(qint64(r.minutes) * 60);
        d.reason = r.text;
        d.owner = m_store.actor();
        ok = m_store.beginDowntime(r.instance, d, &error);
        break;
    }
    case OperationKind::EndDowntime:
        ok = m_store.endDowntime(r.instance, &error);
        break;
    case OperationKind::BeginMaintenance:
        ok = m_store.setMaintenance(r.instance, true, r.text, &error);
        break;
    case OperationKind::EndMaintenance:
        ok = m_store.setMaintenance(r.instance, false, r.text, &error);
        break;
    case OperationKind::Forget:
        ok = m_store.forgetInstance(r.instance, &error);
        break;
    case OperationKind::SetAlias: {
        const ClusterInfo *cl = snapshot.cluster(r.cluster);
        ok = cl && m_store.setClusterAlias(cl->name, r.text, &error);
        break;
    }
    default:
        error = QStringLiteral("not a store change");
    }
    out.success = ok;
    out.message = ok ? out.plan.summary : error;
    // The Store audits what it changed; what it refused (an alias another cluster has) is
    // audited here like every other refusal.
    if (!ok) {
        out.refused = true;
        audit(r, out, out.plan.cluster);
    }
    return out;
}

OperationOutcome OperationExecutor::execute(
    const TopologySnapshot &snapshot, const OperationRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    OperationOutcome out;
    OperationRequest req = request;
    RecoveryLog log(m_store);
    QString error;
    log.markInterruptedRecoveries(120, &error);
    out.plan = validate(snapshot, req);
    if (!out.plan.ok) {
        out.refused = true;
        out.message = out.plan.refusal;
        audit(req, out, out.plan.cluster);
        return out;
    }
    if (out.plan.needsReplicationPassword() && m_replicationPassword.isEmpty()) {
        // Refused before anything runs: a demoted master or a new co-master given an empty
        // MASTER_PASSWORD would stop replicating halfway through the operation.
        out.refused = true;
        out.message = QStringLiteral(
            "%1 needs the password of replication user '%2' (MASTER_PASSWORD): store it in the "
            "keychain as %2@%3 or %2@*, or pass --replication-password-env VAR; nothing done")
                          .arg(operationKindName(req.kind), out.plan.replicationUser, out.plan.cluster);
        audit(req, out, out.plan.cluster);
        return out;
    }
    if (!out.plan.steps.isEmpty() && out.plan.steps.first().type == OperationStep::StoreChange) {
        out = storeChange(snapshot, req, out);
        out.elapsedMs = timer.elapsed();
        return out;
    }

    Run run { snapshot, req, RecoveryLog(m_store), 0, {}, {}, {} };
    RecoveryLog::Start s;
    s.cluster = out.plan.cluster;
    s.kind = operationKindName(req.kind);
    s.analysis = QStringLiteral("operation");
    s.failedInstance = req.instance.toString();
    s.actor = m_store.actor();
    s.details = planToJson(out.plan);
    const RecoveryLog::Claim claim = run.log.start(s);
    if (!claim) {
        out.refused = true;
        out.runningId = claim.runningId;
        out.message = claim.error.isEmpty()
            ? QStringLiteral("recovery/operation %1 is already running on cluster %2: nothing done")
                  .arg(claim.runningId)
                  .arg(s.cluster)
            : claim.error;
        audit(req, out, s.cluster);
        return out;
    }
    run.id = out.operationId = claim.id;
    // A recovery that started after the snapshot was taken changed the topology this plan is based
    // on.
    RecoveryFilter recent;
    recent.cluster = s.cluster;
    recent.limit = 5;
    for (const Recovery &r : run.log.recoveries(recent, &error))
        if (r.id != run.id && r.startedAt > snapshot.takenAt()) {
            out.refused = true;
            out.runningId = r.id;
            out.message = QStringLiteral("recovery %1 on cluster %2 started after the topology "
                                         "this plan is based on: nothing done, look again")
                              .arg(r.id)
                              .arg(s.cluster);
            RecoveryLog::Finish f;
            f.state = RecoveryState::Failed;
            f.summary = out.message;
            run.log.finish(run.id, f, &error);
            return out;
        }

    const ClusterInfo *cl = snapshot.clusterOf(req.instance);
    run.hook.failureType = operationKindName(req.kind);
    run.hook.cluster = s.cluster;
    run.hook.clusterAlias = cl ? cl->alias : QString();
    if (cl) {
        run.hook.failedHost = cl->master.host();
        run.hook.failedPort = cl->master.port();
    }
    run.hook.successorHost = req.instance.host();
    run.hook.successorPort = req.instance.port();
    run.hook.recoveryId = run.id;
    run.hook.actor = m_store.actor();
    spdlog::warn(
        "operation {} ({}) of {} started by {}", run.id, s.kind, s.failedInstance, s.actor);

    QElapsedTimer block;
    QList<int> done; // indexes of completed steps
    int failedAt = -1;
    QString failure;
    for (int i = 0; i < out.plan.steps.size(); ++i) {
        const OperationStep &st = out.plan.steps.at(i);
        // Recorded with the coordinates earlier steps read, as they will run.
        const int seq = run.log.beginStep(run.id, st.name,
            st.server.isValid() ? st.server.toString() : QString(),
            FilePos::resolve(st.statements.join(QStringLiteral("; ")), run.coordinates), &error);
        if (m_progress)
            m_progress(st.name, StepOutcome::Running);
        if (st.writeBlockStart)
            block.start();
        QString output;
        const bool ok = runStep(run, st, output);
        if (st.writeBlockEnd && ok && block.isValid())
            out.writeBlockedMs = block.elapsed();
        run.log.endStep(run.id, seq, ok ? StepOutcome::Ok : StepOutcome::Failed, output, &error);
        if (m_progress)
            m_progress(st.name, ok ? StepOutcome::Ok : StepOutcome::Failed);
        run.log.heartbeat(run.id);
        if (!ok) {
            failedAt = i;
            failure = QStringLiteral("step '%1' failed: %2").arg(st.name, output);
            spdlog::warn("operation {}: {}", run.id, failure);
            break;
        }
        done << i;
    }

    if (failedAt >= 0) {
        // Undo, newest first: the failed step (it may have half run), then the completed ones,
        // stopping at the first step that has no undo (a promotion): going back past it is not
        // safe (the old master writable again next to a new one; a file:pos replica that applied
        // from its new source has no known position under its old one).
        QList<int> toUndo { failedAt };
        for (int j = done.size() - 1; j >= 0; --j)
            toUndo << done.at(j);
        QStringList notUndone;
        bool blocked = false;
        for (int i : toUndo) {
            const OperationStep &st = out.plan.steps.at(i);
            if (st.type != OperationStep::Sql)
                continue;
            if (st.undo.isEmpty()) {
                // A step that cannot be undone, completed or half run (a promotion whose reply was
                // lost may have made the new master writable): nothing before it is undone.
                blocked = true;
                notUndone << st.name;
                continue;
            }
            if (blocked) {
                notUndone << st.name;
                continue;
            }
            const int seq = run.log.beginStep(run.id, QStringLiteral("undo: ") + st.name,
                st.server.toString(),
                FilePos::resolve(st.undo.join(QStringLiteral("; ")), run.coordinates), &error);
            QString output;
            const bool ok = runSql(run, st.server, st.undo, output);
            run.log.endStep(
                run.id, seq, ok ? StepOutcome::Undone : StepOutcome::Failed, output, &error);
            if (m_progress)
                m_progress(QStringLiteral("undo: ") + st.name, ok ? StepOutcome::Undone : StepOutcome::Failed);
            if (ok && i != failedAt)
                out.undone << st.name;
            else if (ok)
                out.undone << st.name + QStringLiteral(" (half run)");
            else
                notUndone << st.name;
        }
        out.message = QStringLiteral("%1; undone: %2; left as is: %3")
                          .arg(failure,
                              out.undone.isEmpty() ? QStringLiteral("nothing")
                                                   : out.undone.join(QStringLiteral(", ")),
                              notUndone.isEmpty() ? QStringLiteral("nothing")
                                                  : notUndone.join(QStringLiteral(", ")));
    } else {
        out.success = true;
        out.message = out.plan.summary;
        if (out.writeBlockedMs >= 0)
            out.message
                += QStringLiteral("; writes were refused for %1 ms").arg(out.writeBlockedMs);
    }
    // The cluster is named after its master: a person's alias follows the new one.
    if (out.success && req.kind == OperationKind::GracefulTakeover && cl && !cl->alias.isEmpty()) {
        // An alias names one cluster: taken from the old name first (the store audits both).
        if (!m_store.setClusterAlias(cl->name, QString(), &error)
            || !m_store.setClusterAlias(req.instance.toString(), cl->alias, &error))
            spdlog::error("operation {}: could not move alias {}: {}", run.id, cl->alias, error);
    }
    out.elapsedMs = timer.elapsed();
    RecoveryLog::Finish f;
    f.state = out.success ? RecoveryState::Succeeded : RecoveryState::Failed;
    if (req.kind == OperationKind::GracefulTakeover && out.success)
        f.successor = req.instance.toString();
    f.summary = out.message;
    f.details = QJsonObject { { QStringLiteral("elapsedMs"), double(out.elapsedMs) },
        { QStringLiteral("writeBlockedMs"), double(out.writeBlockedMs) },
        { QStringLiteral("undone"), QJsonArray::fromStringList(out.undone) } };
    if (!run.log.finish(run.id, f, &error))
        spdlog::error("operation {}: could not record the outcome: {}", run.id, error);
    spdlog::warn("operation {} {} in {} ms: {}", run.id, out.success ? "succeeded" : "failed",
        out.elapsedMs, out.message);
    return out;
}

bool OperationExecutor::runStep(Run &run, const OperationStep &step, QString &output)
{
    switch (step.type) {
    case OperationStep::Sql:
        return runSql(run, step.server, step.statements, output);
    case OperationStep::WaitExecuted:
        return waitExecuted(run, step, output);
    case OperationStep::WaitReplicating:
        return waitReplicating(run, step, output);
    case OperationStep::Hooks:
        return runHooks(run, step, output);
    case OperationStep::KillClients:
        return killClients(run, step, output);
    case OperationStep::ReadPosition:
    case OperationStep::ReadBinlogEnd:
    case OperationStep::WaitPosition:
    case OperationStep::CatchUp: {
        FilePos::StepContext c { run.snapshot,
            [&](const InstanceKey &k, QString *error) -> Connection * {
                QString opened;
                if (!runSql(run, k, {}, opened)) { // opens the connection
                    *error = opened;
                    return nullptr;
                }
                return run.connections[k].get();
            },
            run.coordinates, m_waitSeconds };
        return FilePos::runStep(c, step, output);
    }
    case OperationStep::StoreChange:
        output = QStringLiteral("not run here");
        return false;
    }
    return false;
}

bool OperationExecutor::runSql(
    Run &run, const InstanceKey &server, const QStringList &statements, QString &output)
{
    auto &conn = run.connections[server];
    if (!conn || !conn->isOpen()) {
        ConnectionOptions o = m_optionsFor(server);
        o.key = server;
        conn = std::make_shared<Connection>(o);
        if (!conn->open()) {
            output = conn->lastError().message;
            conn.reset();
            return false;
        }
    }
    QStringList resolved;
    for (const QString &sql : statements) {
        resolved << FilePos::resolve(sql, run.coordinates);
        // Coordinates never read: run nothing rather than a statement that might half apply.
        if (FilePos::unresolved(resolved.last())) {
            output = QStringLiteral("coordinates not read yet: %1").arg(resolved.last());
            return false;
        }
    }
    const QString placeholder = QString::fromLatin1(replicationPasswordPlaceholder);
    for (QString sql : resolved) {
        sql.replace(placeholder, Connection::quoteString(m_replicationPassword));
        if (!conn->execute(sql)) {
            output = conn->lastError().message;
            conn.reset();
            return false;
        }
    }
    output = QStringLiteral("ok");
    return true;
}

bool OperationExecutor::waitExecuted(Run &run, const OperationStep &step, QString &output)
{
    const InstanceFacts *src = run.snapshot.instance(step.source);
    const InstanceFacts *dst = run.snapshot.instance(step.server);
    if (!src || !dst) {
        output = QStringLiteral("unknown server");
        return false;
    }
    const SqlDialect sd(*src);
    const SqlDialect dd(*dst);
    auto query = [&](const InstanceKey &k, const QString &sql, QString &value) {
        auto &conn = run.connections[k];
        if (!conn || !conn->isOpen()) {
            ConnectionOptions o = m_optionsFor(k);
            o.key = k;
            conn = std::make_shared<Connection>(o);
            if (!conn->open()) {
                output = conn->lastError().message;
                conn.reset();
                return false;
            }
        }
        const auto r = conn->query(sql);
        if (!r || r->isEmpty()) {
            output = conn->lastError().message;
            conn.reset();
            return false;
        }
        value = r->rows().first().text(QStringLiteral("pos"));
        return true;
    };
    QString target;
    if (!query(step.source, sd.executedPositionQuery(), target))
        return false;
    if (target.trimmed().isEmpty()) {
        output = QStringLiteral("%1 executed nothing yet: nothing to wait for")
                     .arg(step.source.toString());
        return true;
    }
    const bool mariadb = src->flavor == Flavor::MariaDB;
    QElapsedTimer t;
    t.start();
    QString have;
    // Polled rather than MASTER_GTID_WAIT: the waiting server may be a master (move-up below the
    // master), whose gtid_slave_pos does not move.
    while (true) {
        if (!query(step.server, dd.executedPositionQuery(), have))
            return false;
        bool reached = false;
        if (mariadb) {
            const auto a = MariaDbGtidPosition::parse(have);
            const auto b = MariaDbGtidPosition::parse(target);
            reached = a && b && a->contains(*b);
        } else {
            const auto a = MySqlGtidSet::parse(have);
            const auto b = MySqlGtidSet::parse(target);
            reached = a && b && a->contains(*b);
        }
        if (reached) {
            output = QStringLiteral("reached %1 in %2 ms").arg(target).arg(t.elapsed());
            return true;
        }
        if (t.elapsed() > m_waitSeconds * 1000) {
            output = QStringLiteral("%1 did not reach %2 within %3 s (at %4)")
                         .arg(step.server.toString(), target)
                         .arg(m_waitSeconds)
                         .arg(have);
            return false;
        }
        QThread::msleep(2);
    }
}

bool OperationExecutor::waitReplicating(Run &run, const OperationStep &step, QString &output)
{
    const InstanceFacts *f = run.snapshot.instance(step.server);
    if (!f) {
        output = QStringLiteral("unknown server");
        return false;
    }
    const SqlDialect d(*f);
    QElapsedTimer t;
    t.start();
    QString last;
    while (true) {
        auto &conn = run.connections[step.server];
        if (!conn || !conn->isOpen()) {
            ConnectionOptions o = m_optionsFor(step.server);
            o.key = step.server;
            conn = std::make_shared<Connection>(o);
            if (!conn->open()) {
                output = conn->lastError().message;
                conn.reset();
                return false;
            }
        }
        const auto r = conn->query(d.replicationStatus());
        if (!r) {
            output = conn->lastError().message;
            conn.reset();
            return false;
        }
        for (const Row &row : r->rows()) {
            const QString host = column(row, "Master_Host", "Source_Host");
            const int port = column(row, "Master_Port", "Source_Port").toInt();
            if (InstanceKey(host, port) != step.source)
                continue;
            const QString io = column(row, "Slave_IO_Running", "Replica_IO_Running");
            const QString sql = column(row, "Slave_SQL_Running", "Replica_SQL_Running");
            last = QStringLiteral("IO %1, SQL %2").arg(io, sql);
            const QString ioErr = column(row, "Last_IO_Error", "Last_IO_Error");
            const QString sqlErr = column(row, "Last_SQL_Error", "Last_SQL_Error");
            if (!ioErr.isEmpty())
                last += QStringLiteral(", IO error: ") + ioErr;
            if (!sqlErr.isEmpty())
                last += QStringLiteral(", SQL error: ") + sqlErr;
            if (io == QLatin1String("Yes") && sql == QLatin1String("Yes")) {
                output = QStringLiteral("replicating after %1 ms").arg(t.elapsed());
                return true;
            }
        }
        if (t.elapsed() > m_waitSeconds * 1000) {
            output = QStringLiteral("%1 does not replicate from %2 after %3 s (%4)")
                         .arg(step.server.toString(), step.source.toString())
                         .arg(m_waitSeconds)
                         .arg(last.isEmpty() ? QStringLiteral("no channel to it") : last);
            return false;
        }
        QThread::msleep(20);
    }
}

bool OperationExecutor::killClients(Run &run, const OperationStep &step, QString &output)
{
    QString error;
    if (!runSql(run, step.server, {}, error)) { // opens the connection
        output = error;
        return false;
    }
    Connection &conn = *run.connections[step.server];
    // Binlog dump threads feed the replicas (the new master among them): never killed.
    const auto r
        = conn.query(QStringLiteral("SELECT ID AS id, USER AS user FROM "
                                    "information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() "
                                    "AND COMMAND NOT IN ('Binlog Dump', 'Binlog Dump GTID', "
                                    "'Daemon', 'Slave_IO', 'Slave_SQL', 'Slave_worker') "
                                    "AND USER NOT IN ('system user', 'event_scheduler')"));
    if (!r) {
        output = conn.lastError().message;
        return false;
    }
    QStringList killed;
    for (const Row &row : r->rows()) {
        const auto id = row.integer(QStringLiteral("id"));
        // A session may end on its own meanwhile: an unknown thread is not a failure.
        if (id
            && (conn.execute(QStringLiteral("KILL CONNECTION %1").arg(*id))
                || conn.lastError().code == 1094))
            killed << QStringLiteral("%1 (%2)").arg(*id).arg(row.text(QStringLiteral("user")));
    }
    output = killed.isEmpty() ? QStringLiteral("no client connection")
                              : QStringLiteral("killed ") + killed.join(QStringLiteral(", "));
    return true;
}

bool OperationExecutor::runHooks(Run &run, const OperationStep &step, QString &output)
{
    HookPoint point = HookPoint::PreGracefulTakeover;
    for (HookPoint p : allHookPoints())
        if (hookPointName(p) == step.hookPoint)
            point = p;
    QStringList results;
    for (const QStringList &argv : m_policy.hooks.value(point)) {
        const HookResult r = HookRunner::runCommand(
            argv, run.hook.environment(), m_policy.hookTimeoutSeconds * 1000);
        results << QStringLiteral("%1: %2").arg(argv.join(QLatin1Char(' ')), r.summary());
        // A Pre hook is the fencing point: its failure aborts. A Post hook's failure is recorded.
        if (!r.ok() && HookRunner::stopsOnFailure(point)) {
            output = results.join(QLatin1Char('\n'))
                + (r.output.isEmpty() ? QString() : QLatin1Char('\n') + r.output);
            return false;
        }
    }
    output = results.isEmpty() ? QStringLiteral("no hooks") : results.join(QLatin1Char('\n'));
    return true;
}

std::optional<InstanceKey> rejoinTarget(const QHash<InstanceKey, InstanceKey> &replaced, const TopologySnapshot &snapshot,
                                        const InstanceKey &old)
{
    if (const auto successor = replaced.constFind(old); successor != replaced.cend())
        if (const ClusterInfo *c = snapshot.clusterOf(*successor))
            return c->master;
    return std::nullopt;
}

std::optional<InstanceKey> rejoinTarget(Store &store, const TopologySnapshot &snapshot, const InstanceKey &old)
{
    return rejoinTarget(RecoveryLog(store).replacedMasters(), snapshot, old);
}

} // namespace Topograph
