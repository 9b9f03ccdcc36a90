#pragma once

#include "model/topologysnapshot.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Topograph::Cli {

// How topograph-cli prints what the engine knows. Pure functions of a snapshot, so their output
// is tested on fixtures.

// "[3s,ok,10.11.6-MariaDB,ro,ROW,GTID]": lag, state, version, ro|rw, binlog format, GTID or pos.
// An unreachable instance shows UNREACHABLE as its state (and its last known facts).
QString instanceSummary(const InstanceFacts &facts, bool isReplica);

// The cluster as an indented tree in the spirit of orchestrator's `topology`: one line per
// instance, `host:port [summary]` under its source, with notes (co-master, delayed, downtimed,
// other replication connections, why it is unreachable and since when).
QStringList topologyTree(const TopologySnapshot &snapshot, const ClusterInfo &cluster,
                         const QDateTime &nowUtc);

// Every probed fact of one instance, as "name: value" lines grouped under headings.
QStringList instanceDetails(const InstanceFacts &facts, const QDateTime &nowUtc);

// One row per cluster: name, alias, master, instance count, unreachable count.
QStringList clusterTable(const TopologySnapshot &snapshot);
QJsonObject clusterJson(const TopologySnapshot &snapshot, const ClusterInfo &cluster);

// "3s ago", "2 min ago", "never".
QString ageText(const QDateTime &when, const QDateTime &nowUtc);

} // namespace Topograph::Cli
