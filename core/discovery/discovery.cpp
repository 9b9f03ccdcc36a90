#include "discovery.h"

#include <QSet>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace Topograph {

QList<InstanceKey> Discovery::neighbours(const InstanceFacts &facts)
{
    QList<InstanceKey> out;
    for (const ReplicationChannel &c : facts.channels)
        if (c.source.isValid() && c.source != facts.key && !out.contains(c.source))
            out.append(c.source);
    for (const InstanceKey &k : facts.replicaKeys)
        if (k.isValid() && k != facts.key && !out.contains(k))
            out.append(k);
    return out;
}

QList<InstanceFacts> Discovery::crawl(const QList<InstanceKey> &seeds, const ProbeBatch &probe,
                                      int maxInstances, QHash<InstanceKey, InstanceKey> *aliases)
{
    QList<InstanceKey> frontier;
    QSet<InstanceKey> seen;
    for (const InstanceKey &k : seeds) {
        if (k.isValid() && !seen.contains(k)) {
            seen.insert(k);
            frontier.append(k);
        }
    }
    QList<InstanceFacts> out;
    // Breadth first, one batch per hop, so a batch's probes run side by side.
    while (!frontier.isEmpty()) {
        const QList<InstanceFacts> batch = probe(frontier);
        frontier.clear();
        for (const InstanceFacts &f : batch) {
            out.append(f);
            for (const InstanceKey &n : neighbours(f)) {
                if (seen.contains(n) || seen.size() >= maxInstances)
                    continue;
                seen.insert(n);
                frontier.append(n);
            }
        }
    }
    const auto found = removeAliases(out);
    if (aliases)
        *aliases = found;
    return out;
}

QString Discovery::identity(const InstanceFacts &f)
{
    if (!f.serverUuid.isEmpty())
        return QStringLiteral("uuid:") + f.serverUuid;
    if (f.serverId == 0 || f.version.isEmpty())
        return QString();
    return QStringLiteral("id:%1:%2:%3").arg(f.serverId).arg(f.hostname).arg(f.key.port());
}

QHash<InstanceKey, InstanceKey> Discovery::removeAliases(QList<InstanceFacts> &facts)
{
    QHash<InstanceKey, InstanceKey> aliasOf;
    QHash<QString, QList<qsizetype>> byIdentity;
    QSet<InstanceKey> referenced;
    for (qsizetype i = 0; i < facts.size(); ++i) {
        const QString id = identity(facts.at(i));
        if (!id.isEmpty())
            byIdentity[id].append(i);
        for (const InstanceKey &n : neighbours(facts.at(i)))
            referenced.insert(n);
    }
    for (const QList<qsizetype> &group : std::as_const(byIdentity)) {
        if (group.size() < 2)
            continue;
        // Replicas link to their source by the name they use, so that name wins.
        qsizetype canonical = group.first();
        for (qsizetype i : group) {
            if (referenced.contains(facts.at(i).key)) {
                canonical = i;
                break;
            }
        }
        for (qsizetype i : group)
            if (i != canonical)
                aliasOf.insert(facts.at(i).key, facts.at(canonical).key);
    }
    if (aliasOf.isEmpty())
        return aliasOf;
    facts.erase(std::remove_if(facts.begin(), facts.end(),
                               [&](const InstanceFacts &f) { return aliasOf.contains(f.key); }),
                facts.end());
    for (InstanceFacts &f : facts) {
        for (ReplicationChannel &c : f.channels)
            c.source = aliasOf.value(c.source, c.source);
        for (InstanceKey &k : f.replicaKeys)
            k = aliasOf.value(k, k);
    }
    return aliasOf;
}

QList<InstanceFacts> Discovery::probeOnce(const QList<InstanceKey> &keys, const Options &options)
{
    QList<InstanceFacts> results(keys.size());
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (qsizetype i = next++; i < keys.size(); i = next++) {
            ConnectionOptions o = options.connectionOptions ? options.connectionOptions(keys.at(i))
                                                            : ConnectionOptions{};
            o.key = keys.at(i);
            InstanceSession session(o);
            InstanceFacts seed;
            seed.key = keys.at(i);
            results[i] = session.probe(seed);
            session.close();
        }
    };
    const int threads = std::clamp(int(keys.size()), 1, std::max(1, options.maxConcurrency));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return results;
}

Discovery::Result Discovery::discover(const QList<InstanceKey> &seeds, const Options &options,
                                      const QHash<QString, QString> &aliases)
{
    Result result;
    // The options provider is not required to be thread-safe: ask it here, on this thread.
    QHash<InstanceKey, ConnectionOptions> optionsCache;
    Options probing = options;
    ProbeBatch batch = [&](const QList<InstanceKey> &keys) {
        for (const InstanceKey &k : keys)
            if (!optionsCache.contains(k))
                optionsCache.insert(k, options.connectionOptions ? options.connectionOptions(k)
                                                                 : ConnectionOptions{});
        probing.connectionOptions = [&optionsCache](const InstanceKey &k) { return optionsCache.value(k); };
        return probeOnce(keys, probing);
    };
    result.instances = crawl(seeds, batch, options.maxInstances, &result.renamed);
    QList<InstanceKey> seedKeys;
    for (const InstanceKey &k : seeds)
        seedKeys.append(result.renamed.value(k, k));

    // Success when at least one seed answered; otherwise say why the first one did not.
    bool anySeed = false;
    const InstanceFacts *firstSeed = nullptr;
    for (const InstanceFacts &f : std::as_const(result.instances)) {
        if (!seedKeys.contains(f.key))
            continue;
        if (!firstSeed)
            firstSeed = &f;
        anySeed = anySeed || f.lastSeen.isValid();
    }
    if (!anySeed && !seeds.isEmpty()) {
        if (firstSeed) {
            result.seedError = firstSeed->lastError;
            result.error = firstSeed->lastErrorText.isEmpty()
                               ? QStringLiteral("cannot probe %1: %2")
                                     .arg(firstSeed->key.toString(), probeErrorName(firstSeed->lastError))
                               : firstSeed->lastErrorText;
        } else {
            result.seedError = ProbeError::Unreachable;
            result.error = QStringLiteral("no valid seed to discover from");
        }
    }

    TopologySnapshot::Input input;
    input.instances = result.instances;
    input.aliases = aliases;
    result.snapshot = TopologySnapshot::build(std::move(input));
    return result;
}

} // namespace Topograph
