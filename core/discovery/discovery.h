#pragma once

#include "instancesession.h"

#include "model/topologysnapshot.h"

#include <QHash>
#include <QList>

#include <functional>

namespace Topograph {

// Crawls a replication fleet from seeds: up through each replica's sources and down through each
// server's replicas, until nothing new is named. Every instance is probed once, so co-master
// cycles and multi-source replicas are represented, never looped on; a source nobody knew about
// is probed like any other (and kept, unreachable, when it does not answer).
class Discovery
{
public:
    // Probes a batch of instances (in parallel if it likes) and returns their facts, one per key.
    using ProbeBatch = std::function<QList<InstanceFacts>(const QList<InstanceKey> &keys)>;

    // The crawl itself, independent of how probing happens (tests give it a fake fleet).
    // Stops adding instances after maxInstances so a misconfigured fleet cannot run away.
    // *aliases receives alias -> canonical key for servers reached under two names.
    static QList<InstanceFacts> crawl(const QList<InstanceKey> &seeds, const ProbeBatch &probe,
                                      int maxInstances = 10000,
                                      QHash<InstanceKey, InstanceKey> *aliases = nullptr);
    // Instances a probe result names: the source of each channel and the replicas it feeds.
    static QList<InstanceKey> neighbours(const InstanceFacts &facts);

    // One server reached under two names (a seed typed as localhost:3306 while its replicas say
    // 127.0.0.1:3306) must be one instance. Returns alias -> canonical key for every duplicate in
    // facts and removes the aliases from it; the canonical key is the one other instances use.
    static QHash<InstanceKey, InstanceKey> removeAliases(QList<InstanceFacts> &facts);
    // What identifies a server whatever it is called: MySQL's server_uuid, else (MariaDB)
    // server_id, @@hostname and port. Empty when the server was never probed successfully.
    static QString identity(const InstanceFacts &facts);

    struct Options
    {
        ConnectionOptionsProvider connectionOptions;
        int maxConcurrency = 8;
        int maxInstances = 10000;
    };
    struct Result
    {
        TopologySnapshotPtr snapshot;
        QList<InstanceFacts> instances;
        // Set when no seed could be probed: names the seed(s) and why (the first seed's error).
        QString error;
        ProbeError seedError = ProbeError::None;
        // alias -> canonical key for servers reached under two names (see removeAliases): a seed
        // typed as localhost:3306 is in the snapshot as 127.0.0.1:3306 when its replicas say so.
        QHash<InstanceKey, InstanceKey> renamed;
        bool ok() const { return error.isEmpty(); }
    };
    // Live discovery over real connections, each instance probed on its own thread (at most
    // maxConcurrency at once); every probe is bounded by the connection timeouts, so a frozen
    // server costs at most one timeout. aliases: cluster name -> alias for the snapshot.
    static Result discover(const QList<InstanceKey> &seeds, const Options &options,
                           const QHash<QString, QString> &aliases = {});
    // Probes keys in parallel with one fresh session each (closed afterwards).
    static QList<InstanceFacts> probeOnce(const QList<InstanceKey> &keys, const Options &options);
};

} // namespace Topograph
