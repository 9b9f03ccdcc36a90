#include "clisupport.h"

#include "watchcommand.h"

#include "discovery/discovery.h"
#include "logging/logging.h"
#include "model/factsjson.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Topograph::Cli {

TopologySnapshotPtr liveSnapshot(Context &ctx, Store &store, const QList<InstanceKey> &extraSeeds, int *exitCode,
                                 QHash<InstanceKey, InstanceKey> *renamed)
{
    auto provider = connectionOptionsFor(ctx, exitCode);
    if (!provider)
        return nullptr;
    QString error;
    const QList<Store::KnownInstance> known = store.knownInstances(&error);
    QList<InstanceKey> seeds = extraSeeds;
    QHash<InstanceKey, QJsonObject> lastFacts;
    for (const Store::KnownInstance &k : known) {
        if (!seeds.contains(k.key))
            seeds << k.key;
        if (!k.lastFacts.isEmpty())
            lastFacts.insert(k.key, k.lastFacts);
    }
    if (seeds.isEmpty()) {
        *exitCode = ctx.fail(QStringLiteral("no known instances in %1: run 'topograph-cli discover HOST:PORT' first")
                                 .arg(store.path()));
        return nullptr;
    }
    Discovery::Options options;
    options.connectionOptions = *provider;
    const Discovery::Result result = Discovery::discover(seeds, options);
    if (!result.ok()) {
        *exitCode = ctx.fail(Logging::redacted(result.error));
        return nullptr;
    }
    if (renamed)
        *renamed = result.renamed;
    TopologySnapshot::Input in;
    for (InstanceFacts f : result.instances) {
        if (!f.reachable && lastFacts.contains(f.key))
            if (auto last = instanceFactsFromJson(lastFacts.value(f.key))) {
                last->reachable = false;
                last->lastError = f.lastError;
                last->lastErrorText = f.lastErrorText;
                last->lastChecked = f.lastChecked;
                f = *last;
            }
        in.instances << f;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    in.aliases = store.clusterAliases();
    in.downtimes = store.activeDowntimes(now);
    in.maintenance = store.maintenance();
    in.promotionRules = store.promotionRules();
    in.takenAt = now;
    const TopologySnapshotPtr snapshot = TopologySnapshot::build(in);

    // Only what answered, or was known already: a mistyped seed must not join the fleet.
    QSet<InstanceKey> knownKeys;
    for (const Store::KnownInstance &k : known)
        knownKeys.insert(k.key);
    const bool ok = store.write([&](QString *e) {
        for (const InstanceFacts &f : snapshot->instances()) {
            if (!f.reachable && !knownKeys.contains(f.key))
                continue;
            Store::KnownInstance k;
            k.key = f.key;
            const ClusterInfo *c = snapshot->clusterOf(f.key);
            k.clusterName = c ? c->name : QString();
            k.lastSeen = f.lastSeen;
            k.lastChecked = f.lastChecked;
            if (f.lastError != ProbeError::None)
                k.lastError = f.lastErrorText.isEmpty() ? probeErrorName(f.lastError) : f.lastErrorText;
            if (f.reachable)
                k.lastFacts = instanceFactsToJson(f);
            if (!store.upsertKnownInstance(k, e))
                return false;
        }
        return true;
    }, &error);
    if (!ok)
        spdlog::warn("could not remember the discovered instances: {}", error);
    return snapshot;
}

void printJsonValue(Context &ctx, const QJsonValue &value)
{
    ctx.out() << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                     .toJson(QJsonDocument::Indented);
}

} // namespace Topograph::Cli
