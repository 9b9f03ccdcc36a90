// The CLI face of core/operations: can-relocate (the drag's validate(), exit 0/1), the moves,
// graceful takeover, rejoin and the per-instance actions. Each looks at the live fleet, validates,
// and (except can-relocate) executes with the person as actor; every step lands in the store.
#include "clicommands.h"
#include "clisupport.h"
#include "watchcommand.h"

#include "credentials/credentialstore.h"
#include "engine/policystore.h"
#include "logging/logging.h"
#include "operations/operationexecutor.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Topograph::Cli {

namespace {

struct Args
{
    QStringList positional;
    QString below, to, reason, replicationUser, replicationPasswordEnv;
    int minutes = 0;
    bool killConnections = false;
};

// Parses the options an operation command may take; false on anything unknown.
bool parseArgs(Context &ctx, const QStringList &args, Args &a, int *code)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &s = args.at(i);
        auto value = [&](QString &into) {
            if (i + 1 >= args.size())
                return false;
            into = args.at(++i);
            return true;
        };
        bool ok = true;
        if (s == QLatin1String("--below"))
            ok = value(a.below);
        else if (s == QLatin1String("--to"))
            ok = value(a.to);
        else if (s == QLatin1String("--reason"))
            ok = value(a.reason);
        else if (s == QLatin1String("--replication-user"))
            ok = value(a.replicationUser);
        else if (s == QLatin1String("--replication-password-env"))
            ok = value(a.replicationPasswordEnv);
        else if (s == QLatin1String("--kill-connections"))
            a.killConnections = true;
        else if (s == QLatin1String("--minutes")) {
            QString m;
            ok = value(m);
            a.minutes = m.toInt(&ok);
            ok = ok && a.minutes > 0;
        } else if (s.startsWith(QLatin1String("--")))
            ok = false;
        else
            a.positional << s;
        if (!ok) {
            *code = ctx.fail(QStringLiteral("bad or incomplete option '%1'").arg(s), ExitUsage);
            return false;
        }
    }
    return true;
}

QJsonObject planJson(const OperationPlan &p)
{
    QJsonArray steps;
    for (const OperationStep &s : p.steps)
        steps.append(QJsonObject { { QStringLiteral("name"), s.name },
            { QStringLiteral("server"), s.server.isValid() ? s.server.toString() : QString() },
            { QStringLiteral("statements"), QJsonArray::fromStringList(s.statements) } });
    return { { QStringLiteral("ok"), p.ok },
        { QStringLiteral("operation"), operationKindName(p.kind) },
        { QStringLiteral("cluster"), p.cluster }, { QStringLiteral("summary"), p.summary },
        { QStringLiteral("refusal"), p.refusal },
        { QStringLiteral("notes"), QJsonArray::fromStringList(p.notes) },
        { QStringLiteral("errantTransactions"), QJsonArray::fromStringList(p.errantTransactions) },
        { QStringLiteral("expectedWriteBlock"), p.expectedWriteBlock },
        { QStringLiteral("steps"), steps } };
}

// The id of a recovery/operation running on the clusters of the instance and the target.
void fillRunning(Store &store, const TopologySnapshot &s, OperationRequest &r)
{
    RecoveryLog log(store);
    for (const InstanceKey &k : { r.instance, r.target })
        if (const ClusterInfo *c = k.isValid() ? s.clusterOf(k) : nullptr)
            if (const auto running = log.running(c->name))
                r.running.insert(c->name, running->id);
}

int operation(Context &ctx, OperationKind kind, const QStringList &rawArgs, bool dryRun = false)
{
    Args a;
    int code = ExitOk;
    if (!parseArgs(ctx, rawArgs, a, &code))
        return code;
    const bool clusterFirst
        = kind == OperationKind::SetAlias || kind == OperationKind::GracefulTakeover;
    const int wantPositional = kind == OperationKind::SetAlias ? 2 : 1;
    if (a.positional.size() != wantPositional)
        return ctx.fail(QStringLiteral("%1 takes %2")
                            .arg(operationKindName(kind),
                                wantPositional == 2 ? QStringLiteral("CLUSTER NAME")
                                                    : QStringLiteral("one argument")),
            ExitUsage);
    OperationRequest r;
    r.kind = kind;
    QList<InstanceKey> seeds;
    if (!clusterFirst) {
        const auto k = kind == OperationKind::Forget ? parseStoredInstanceArgument(ctx, a.positional.first(), &code)
                                                     : parseInstanceArgument(ctx, a.positional.first(), &code);
        if (!k)
            return code;
        r.instance = *k;
        if (k->isValid())
            seeds << *k;
    } else {
        r.cluster = a.positional.first();
        if (kind == OperationKind::SetAlias)
            r.text = a.positional.at(1);
    }
    if (kind == OperationKind::Relocate) {
        if (a.below.isEmpty())
            return ctx.fail(
                QStringLiteral("%1 needs --below HOST:PORT")
                    .arg(dryRun ? QStringLiteral("can-relocate") : QStringLiteral("relocate")),
                ExitUsage);
        const auto t = parseInstanceArgument(ctx, a.below, &code);
        if (!t)
            return code;
        r.target = *t;
        seeds << *t;
    }
    if (kind == OperationKind::GracefulTakeover
        || (kind == OperationKind::Rejoin && !a.to.isEmpty())) {
        if (a.to.isEmpty())
            return ctx.fail(
                QStringLiteral(
                    "graceful-takeover needs --to HOST:PORT (the replica that becomes master)"),
                ExitUsage);
        const auto t = parseInstanceArgument(ctx, a.to, &code);
        if (!t)
            return code;
        (kind == OperationKind::GracefulTakeover ? r.instance : r.target) = *t;
        seeds << *t;
    }
    if (kind == OperationKind::BeginDowntime) {
        if (a.minutes <= 0 || a.reason.trimmed().isEmpty())
            return ctx.fail(
                QStringLiteral("downtime needs --minutes N and --reason TEXT"), ExitUsage);
        r.minutes = a.minutes;
        r.text = a.reason;
    }
    if (kind == OperationKind::BeginMaintenance)
        r.text = a.reason;
    r.replicationUser = a.replicationUser;
    r.killClientConnections = a.killConnections;
    QString replicationPassword;
    if (!a.replicationPasswordEnv.isEmpty()) {
        replicationPassword = qEnvironmentVariable(qPrintable(a.replicationPasswordEnv));
        if (replicationPassword.isEmpty())
            return ctx.fail(QStringLiteral(
                "environment variable %1 (--replication-password-env) is empty or unset")
                                .arg(a.replicationPasswordEnv));
        Logging::registerSecret(replicationPassword);
    }

    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    QString error;
    const auto policy = loadPolicy(*store, &error);
    if (!policy)
        return ctx.fail(error);
    r.maxLagSeconds = policy->reasonableMaintenanceReplicationLagSeconds;
    QHash<InstanceKey, InstanceKey> renamed;
    const auto snapshot = liveSnapshot(ctx, *store, seeds, &code, &renamed);
    if (!snapshot)
        return code;
    // An argument typed as localhost:PORT names the server the fleet knows as 127.0.0.1:PORT.
    r.instance = renamed.value(r.instance, r.instance);
    r.target = renamed.value(r.target, r.target);
    if (kind == OperationKind::GracefulTakeover && !snapshot->cluster(r.cluster))
        return ctx.fail(QStringLiteral("no cluster named '%1'").arg(r.cluster));
    if (kind == OperationKind::Rejoin && !r.target.isValid()) {
        const auto t = rejoinTarget(*store, *snapshot, r.instance);
        if (!t)
            return ctx.fail(QStringLiteral(
                "no recovery replaced %1: say which master it rejoins with --to HOST:PORT")
                                .arg(r.instance.toString()));
        r.target = *t;
    }
    fillRunning(*store, *snapshot, r);
    const OperationPlan plan = validate(*snapshot, r);
    if (dryRun || !plan.ok) {
        if (ctx.options().json)
            printJsonValue(ctx, planJson(plan));
        else
            ctx.out() << plan.toText() << '\n';
        if (!plan.ok && !dryRun) {
            // execute() audits the refusal
            OperationExecutor ex(*store, *policy, {});
            ex.execute(*snapshot, r);
        }
        return plan.ok ? ExitOk : ExitFailed;
    }
    std::optional<ConnectionOptionsProvider> provider;
    if (!plan.steps.isEmpty() && plan.steps.first().type != OperationStep::StoreChange) {
        provider = connectionOptionsFor(ctx, &code);
        if (!provider)
            return code;
    }
    if (plan.needsReplicationPassword() && replicationPassword.isEmpty()) {
        // Like the topology user's: the cluster's own keychain entry (by name, then alias),
        // then the global one. Not found: execute() refuses, saying where to put it.
        CredentialStore keychain;
        const ClusterInfo *cl = snapshot->cluster(plan.cluster);
        CredentialResult pw = resolvePassword(plan.replicationUser, plan.cluster, QString(), keychain);
        if (!pw.ok && cl && !cl->alias.isEmpty())
            pw = resolvePassword(plan.replicationUser, cl->alias, QString(), keychain);
        if (pw.ok) {
            replicationPassword = pw.secret;
            Logging::registerSecret(replicationPassword);
        } else {
            ctx.err() << "keychain: " << pw.error << '\n';
        }
    }
    store->setActor(Store::osActor());
    OperationExecutor ex(*store, *policy, provider ? *provider : OperationExecutor::OptionsFor());
    ex.setReplicationPassword(replicationPassword);
    if (!ctx.options().json)
        ctx.out() << plan.toText() << "\n\nRunning as " << store->actor() << Qt::endl;
    const OperationOutcome out = ex.execute(*snapshot, r);
    QJsonArray steps;
    if (out.operationId)
        if (const auto rec = RecoveryLog(*store).recovery(out.operationId))
            for (const RecoveryStep &s : rec->steps) {
                if (!ctx.options().json)
                    ctx.out() << "  [" << stepOutcomeName(s.outcome) << "] " << s.name
                              << (s.output.isEmpty() ? QString() : QStringLiteral(": ") + s.output)
                              << '\n';
                steps.append(QJsonObject { { QStringLiteral("name"), s.name },
                    { QStringLiteral("outcome"), stepOutcomeName(s.outcome) },
                    { QStringLiteral("output"), s.output } });
            }
    if (ctx.options().json)
        printJsonValue(ctx,
            QJsonObject { { QStringLiteral("operationId"), double(out.operationId) },
                { QStringLiteral("success"), out.success },
                { QStringLiteral("refused"), out.refused },
                { QStringLiteral("message"), out.message },
                { QStringLiteral("undone"), QJsonArray::fromStringList(out.undone) },
                { QStringLiteral("writeBlockedMs"), double(out.writeBlockedMs) },
                { QStringLiteral("elapsedMs"), double(out.elapsedMs) },
                { QStringLiteral("steps"), steps } });
    else
        ctx.out() << (out.success ? "Done: " : "FAILED: ") << out.message << '\n';
    return out.success ? ExitOk : ExitFailed;
}

Command command(const char *name, const char *synopsis, const char *summary, OperationKind kind,
    bool dryRun = false)
{
    return Command { QString::fromLatin1(name), QString::fromLatin1(synopsis),
        QString::fromLatin1(summary), [kind, dryRun](Context &ctx, const QStringList &args) {
            return operation(ctx, kind, args, dryRun);
        } };
}

} // namespace

QList<Command> operationCommands()
{
    return {
        command("can-relocate", "HOST:PORT --below HOST:PORT",
            "print the plan of a relocation, or why not (exit 0/1); changes nothing",
            OperationKind::Relocate, true),
        command("relocate", "HOST:PORT --below HOST:PORT",
            "move a replica (and its replicas) below another server: by GTID, or by file:pos below its grandparent or a sibling",
            OperationKind::Relocate),
        command("move-up", "HOST:PORT", "move a replica below its master's master",
            OperationKind::MoveUp),
        command("take-siblings", "HOST:PORT", "make a replica's siblings its own replicas",
            OperationKind::TakeSiblings),
        command("repoint", "HOST:PORT",
            "point a replica at its source again (fixes a broken connection)",
            OperationKind::Repoint),
        command("make-co-master",
            "HOST:PORT [--replication-user NAME --replication-password-env VAR]",
            "make a master's replica and the master replicate from each other",
            OperationKind::MakeCoMaster),
        command("graceful-takeover",
            "CLUSTER --to HOST:PORT [--kill-connections] [--replication-user NAME "
            "--replication-password-env VAR]",
            "planned switchover: the replica becomes master, the old master its replica; no write "
            "lost",
            OperationKind::GracefulTakeover),
        command("rejoin",
            "HOST:PORT [--to HOST:PORT] [--replication-user NAME --replication-password-env VAR]",
            "a former master becomes a replica of the current master (refused on errant "
            "transactions)",
            OperationKind::Rejoin),
        command("start-replica", "HOST:PORT", "START SLAVE / START REPLICA",
            OperationKind::StartReplica),
        command(
            "stop-replica", "HOST:PORT", "STOP SLAVE / STOP REPLICA", OperationKind::StopReplica),
        command("set-read-only", "HOST:PORT", "set read_only (and super_read_only on MySQL)",
            OperationKind::SetReadOnly),
        command("set-writeable", "HOST:PORT", "clear read_only", OperationKind::SetWriteable),
        command("detach-replica", "HOST:PORT",
            "stop a replica and point it nowhere, keeping its coordinates",
            OperationKind::DetachReplica),
        command(
            "reattach-replica", "HOST:PORT", "undo detach-replica", OperationKind::ReattachReplica),
        command("downtime", "HOST:PORT --minutes N --reason TEXT",
            "never recover nor promote this server for a while", OperationKind::BeginDowntime),
        command("end-downtime", "HOST:PORT", "end a downtime", OperationKind::EndDowntime),
        command("begin-maintenance", "HOST:PORT [--reason TEXT]", "mark a server as in maintenance",
            OperationKind::BeginMaintenance),
        command("end-maintenance", "HOST:PORT", "end a maintenance", OperationKind::EndMaintenance),
        command("alias", "CLUSTER NAME", "name a cluster (an empty NAME removes the alias)",
            OperationKind::SetAlias),
        command("forget", "HOST:PORT",
            "remove a server from the store (discovery finds it again if it is still there)",
            OperationKind::Forget),
    };
}

} // namespace Topograph::Cli
