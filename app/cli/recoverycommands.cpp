// analysis, candidates, recover, policy, promotion-rule: the CLI face of core/analysis and
// core/recovery. Each looks at the live fleet; recover runs the same executor as the engine's
// automatic recovery, with the person as actor and without the policy's filters or anti-flapping.
#include "clicommands.h"
#include "clisupport.h"
#include "watchcommand.h"

#include "analysis/analyzer.h"
#include "engine/policystore.h"
#include "logging/logging.h"
#include "recovery/recoveryexecutor.h"
#include "store/store.h"
#include "text/safetext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Topograph::Cli {

namespace {

std::optional<Policy> policyOf(Context &ctx, Store &store, int *exitCode)
{
    QString error;
    auto p = loadPolicy(store, &error);
    if (!p)
        *exitCode = ctx.fail(error);
    return p;
}

// What analysis, candidates and recover all start from: the store, its policy, the live fleet.
struct LiveView
{
    std::unique_ptr<Store> store;
    Policy policy;
    TopologySnapshotPtr snapshot;
};

std::optional<LiveView> openLiveView(Context &ctx, const QList<InstanceKey> &extraSeeds, int *exitCode)
{
    LiveView v;
    v.store = openStore(ctx, exitCode);
    if (!v.store)
        return std::nullopt;
    const auto policy = policyOf(ctx, *v.store, exitCode);
    if (!policy)
        return std::nullopt;
    v.policy = *policy;
    v.snapshot = liveSnapshot(ctx, *v.store, extraSeeds, exitCode);
    if (!v.snapshot)
        return std::nullopt;
    return v;
}

// CLUSTER as a name, alias or member's host:port.
const ClusterInfo *findCluster(Context &ctx, const TopologySnapshot &s, const QString &name, int *exitCode)
{
    if (const ClusterInfo *c = s.cluster(name))
        return c;
    QStringList names;
    for (const ClusterInfo &c : s.clusters())
        names << (c.alias.isEmpty() ? c.name : QStringLiteral("%1 (%2)").arg(c.name, c.alias));
    *exitCode = ctx.fail(QStringLiteral("no cluster named '%1'; known clusters: %2")
                             .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
    return nullptr;
}

int analysisCommand(Context &ctx, const QStringList &args)
{
    if (args.size() > 1)
        return ctx.fail(QStringLiteral("analysis takes at most one CLUSTER"), ExitUsage);
    int code = ExitOk;
    auto view = openLiveView(ctx, {}, &code);
    if (!view)
        return code;
    Store *store = view->store.get();
    const Policy *policy = &view->policy;
    const TopologySnapshotPtr snapshot = view->snapshot;
    const ClusterInfo *only = nullptr;
    if (!args.isEmpty() && !(only = findCluster(ctx, *snapshot, args.first(), &code)))
        return code;
    AnalyzerSettings settings;
    settings.reasonableReplicationLagSeconds = policy->reasonableReplicationLagSeconds;
    settings.replacedMasters = RecoveryLog(*store).replacedMasters();
    QJsonArray json;
    int shown = 0;
    for (const Analysis &a : analyze(*snapshot, settings)) {
        if (only && a.cluster != only->name)
            continue;
        ++shown;
        if (ctx.options().json) {
            json.append(a.toJson());
            continue;
        }
        // The explanation quotes what servers said (errors, names): one line each, no escapes.
        ctx.out() << a.codeName() << "  " << a.instance.toString() << "  cluster " << SafeText::line(a.cluster)
                  << (a.clusterAlias.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(SafeText::line(a.clusterAlias)))
                  << (a.actionable ? "  [recoverable]" : "") << (a.downtimed ? "  [downtimed]" : "") << '\n'
                  << "    " << SafeText::line(a.explanation) << '\n';
    }
    if (ctx.options().json)
        printJsonValue(ctx, json);
    else if (shown == 0)
        ctx.out() << "No problems found in " << (only ? only->name : QStringLiteral("the known fleet")) << ".\n";
    return ExitOk;
}

void printPlan(Context &ctx, const PromotionPlan &plan)
{
    ctx.out() << "Candidates to replace " << plan.failed.toString() << " (cluster " << plan.cluster << "), best first:\n";
    int rank = 0;
    for (const CandidateAssessment &a : plan.candidates) {
        if (a.eligible)
            ctx.out() << QStringLiteral("  %1. %2%3").arg(++rank).arg(a.key.toString(),
                                                           plan.chosen && *plan.chosen == a.key ? QStringLiteral("  <- chosen") : QString())
                      << "\n       received " << (a.received.isEmpty() ? QStringLiteral("-") : a.received)
                      << ", applied " << (a.applied.isEmpty() ? QStringLiteral("-") : a.applied)
                      << ", rule " << promotionRuleName(a.rule) << '\n';
        else
            ctx.out() << "  -  " << a.key.toString() << "  excluded: " << a.exclusion << '\n';
        for (const QString &n : a.notes)
            ctx.out() << "       " << n << '\n';
    }
    if (!plan.refusal.isEmpty()) {
        ctx.out() << "\nNo promotion possible: " << plan.refusal << '\n';
        return;
    }
    ctx.out() << '\n' << plan.explanation << '\n';
    if (plan.catchUpFrom)
        ctx.out() << "It first catches up from " << plan.catchUpFrom->toString() << ".\n";
    for (const InstanceKey &k : plan.followers)
        ctx.out() << "  follows: " << k.toString() << '\n';
    for (const auto &l : plan.lost)
        ctx.out() << "  lost:    " << l.first.toString() << " (" << l.second << ")\n";
}

int candidatesCommand(Context &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.fail(QStringLiteral("candidates needs a CLUSTER (name, alias or a member's HOST:PORT)"), ExitUsage);
    int code = ExitOk;
    auto view = openLiveView(ctx, {}, &code);
    if (!view)
        return code;
    Store *store = view->store.get();
    const Policy *policy = &view->policy;
    const TopologySnapshotPtr snapshot = view->snapshot;
    const ClusterInfo *cluster = findCluster(ctx, *snapshot, args.first(), &code);
    if (!cluster)
        return code;
    RecoveryExecutor ex(*store, *policy, {});
    RecoveryRequest request;
    request.failed = cluster->master;
    const PromotionPlan plan = ex.plan(*snapshot, request);
    if (ctx.options().json)
        printJsonValue(ctx, promotionPlanToJson(plan));
    else
        printPlan(ctx, plan);
    return ExitOk;
}

int recoverCommand(Context &ctx, const QStringList &args)
{
    QString target;
    std::optional<InstanceKey> candidate;
    bool force = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--force")) {
            force = true;
        } else if (args.at(i) == QLatin1String("--candidate") && i + 1 < args.size()) {
            int code = ExitOk;
            candidate = parseInstanceArgument(ctx, args.at(++i), &code);
            if (!candidate)
                return code;
        } else if (target.isEmpty() && !args.at(i).startsWith(QLatin1String("--"))) {
            target = args.at(i);
        } else {
            return ctx.fail(QStringLiteral("usage: recover HOST:PORT [--candidate HOST:PORT] [--force]"), ExitUsage);
        }
    }
    if (target.isEmpty())
        return ctx.fail(QStringLiteral("recover needs the failed server's HOST:PORT"), ExitUsage);
    int code = ExitOk;
    const auto failed = parseInstanceArgument(ctx, target, &code);
    if (!failed)
        return code;
    auto view = openLiveView(ctx, {*failed}, &code);
    if (!view)
        return code;
    Store *store = view->store.get();
    const Policy *policy = &view->policy;
    const TopologySnapshotPtr snapshot = view->snapshot;
    const InstanceFacts *f = snapshot->instance(*failed);
    if (!f || !snapshot->clusterOf(*failed))
        return ctx.fail(QStringLiteral("%1 is not part of any known cluster").arg(failed->toString()));
    if (f->reachable && !force)
        return ctx.fail(QStringLiteral("%1 is alive (it answered just now): recovering it would leave two writable "
                                       "masters; for a planned switchover use graceful-takeover, or --force to fail "
                                       "over now (it is made read_only first)")
                            .arg(failed->toString()));
    auto provider = connectionOptionsFor(ctx, &code);
    if (!provider)
        return code;
    RecoveryRequest request;
    request.failed = *failed;
    request.candidate = candidate;
    request.actor = Store::osActor();
    // The analysis code names what kind of recovery this is; the executor infers it otherwise.
    for (const Analysis &a : analyze(*snapshot))
        if (a.instance == *failed && a.actionable)
            request.analysisCode = a.codeName();
    if (f->reachable) {
        request.forced = true;
        request.analysisCode = QStringLiteral("ForcedMasterFailover");
    }
    store->setActor(request.actor);
    RecoveryExecutor ex(*store, *policy, *provider);
    ex.setProgress([&ctx](const QString &step, StepOutcome o) {
        if (o != StepOutcome::Running)
            ctx.out() << "  [" << stepOutcomeName(o) << "] " << step << Qt::endl;
    });
    ctx.out() << "Recovering " << failed->toString() << " as " << request.actor << Qt::endl;
    const RecoveryOutcome out = ex.run(*snapshot, request);
    if (ctx.options().json) {
        printJsonValue(ctx, QJsonObject{{QStringLiteral("recoveryId"), double(out.recoveryId)},
                                        {QStringLiteral("success"), out.success},
                                        {QStringLiteral("refused"), out.refused},
                                        {QStringLiteral("successor"), out.successor ? out.successor->toString() : QString()},
                                        {QStringLiteral("lost"), QJsonArray::fromStringList(out.lost)},
                                        {QStringLiteral("message"), out.message},
                                        {QStringLiteral("elapsedMs"), double(out.elapsedMs)}});
    }
    if (!out.success)
        return ctx.fail(out.refused && out.runningId
                            ? QStringLiteral("%1 (recovery %2)").arg(out.message).arg(out.runningId)
                            : out.message);
    if (!ctx.options().json)
        ctx.out() << "Recovery " << out.recoveryId << " done in " << out.elapsedMs << " ms: " << out.message << '\n';
    return ExitOk;
}

int policyShow(Context &ctx, Store &store)
{
    int code = ExitOk;
    const auto policy = policyOf(ctx, store, &code);
    if (!policy)
        return code;
    if (ctx.options().json) {
        printJsonValue(ctx, policy->toJson());
        return ExitOk;
    }
    for (const QString &key : Policy::keys())
        ctx.out() << key.leftJustified(44) << ' ' << policy->value(key) << '\n';
    return ExitOk;
}

int policyCommand(Context &ctx, const QStringList &args)
{
    static const QString usage = QStringLiteral("usage: policy show | policy set KEY VALUE | policy import FILE | policy export FILE");
    if (args.isEmpty())
        return ctx.fail(usage, ExitUsage);
    int code = ExitOk;
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    store->setActor(Store::osActor());
    const QString verb = args.first();
    if (verb == QLatin1String("show") && args.size() == 1)
        return policyShow(ctx, *store);
    auto policy = policyOf(ctx, *store, &code);
    if (!policy)
        return code;
    QString error;
    if (verb == QLatin1String("set") && args.size() == 3) {
        if (!policy->set(args.at(1), args.at(2), &error))
            return ctx.fail(error, ExitUsage);
        if (!savePolicy(*store, *policy, QString(), &error))
            return ctx.fail(error);
        ctx.out() << args.at(1) << " = " << policy->value(args.at(1)) << '\n';
        return ExitOk;
    }
    if (verb == QLatin1String("import") && args.size() == 2) {
        QFile f(args.at(1));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(QStringLiteral("cannot read %1: %2").arg(args.at(1), f.errorString()));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject())
            return ctx.fail(QStringLiteral("%1 is not a JSON object (%2 at offset %3); nothing changed")
                                .arg(args.at(1), pe.errorString())
                                .arg(pe.offset));
        const auto imported = Policy::fromJson(doc.object(), &error);
        if (!imported)
            return ctx.fail(QStringLiteral("%1: %2; nothing changed").arg(args.at(1), error));
        if (!savePolicy(*store, *imported, QStringLiteral("imported from %1").arg(args.at(1)), &error))
            return ctx.fail(error);
        ctx.out() << "Policy imported from " << args.at(1) << '\n';
        return ExitOk;
    }
    if (verb == QLatin1String("export") && args.size() == 2) {
        QSaveFile f(args.at(1));
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(policy->toJson()).toJson()) < 0 || !f.commit())
            return ctx.fail(QStringLiteral("cannot write %1: %2").arg(args.at(1), f.errorString()));
        ctx.out() << "Policy exported to " << args.at(1) << '\n';
        return ExitOk;
    }
    return ctx.fail(usage, ExitUsage);
}

int promotionRuleCommand(Context &ctx, const QStringList &args)
{
    if (args.size() != 2)
        return ctx.fail(QStringLiteral("usage: promotion-rule HOST:PORT prefer|neutral|prefer_not|must_not"), ExitUsage);
    int code = ExitOk;
    QString why;
    const auto key = parseStoredInstanceArgument(ctx, args.at(0), &code);
    if (!key)
        return code;
    const auto rule = promotionRuleFromName(args.at(1));
    if (!rule)
        return ctx.fail(QStringLiteral("'%1' is not a promotion rule: use prefer, neutral, prefer_not or must_not").arg(args.at(1)),
                        ExitUsage);
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    store->setActor(Store::osActor());
    if (!store->setPromotionRule(*key, *rule, &why))
        return ctx.fail(why);
    ctx.out() << key->toString() << " promotion rule: " << promotionRuleName(*rule) << '\n';
    return ExitOk;
}

} // namespace

QList<Command> recoveryCommands()
{
    return {
        {QStringLiteral("analysis"), QStringLiteral("[CLUSTER]"),
         QStringLiteral("what is wrong with the fleet now (orchestrator's analysis codes)"), analysisCommand},
        {QStringLiteral("candidates"), QStringLiteral("CLUSTER"),
         QStringLiteral("who would replace the master now, and why"), candidatesCommand},
        {QStringLiteral("recover"), QStringLiteral("HOST:PORT [--candidate HOST:PORT] [--force]"),
         QStringLiteral("recover a dead (intermediate/co-)master now, as you; --force fails over a live master"),
         recoverCommand},
        {QStringLiteral("policy"), QStringLiteral("show|set KEY VALUE|import FILE|export FILE"),
         QStringLiteral("the failover policy (AutoFailover, filters, anti-flapping, hooks)"), policyCommand},
        {QStringLiteral("promotion-rule"), QStringLiteral("HOST:PORT prefer|neutral|prefer_not|must_not"),
         QStringLiteral("whether a server may become master"), promotionRuleCommand},
    };
}

} // namespace Topograph::Cli
