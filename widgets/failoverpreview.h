#pragma once

#include "model/topologysnapshot.h"
#include "recovery/filters.h"

#include <QHash>
#include <QStringList>

namespace Topograph::Gui {

// What a filter means for the fleet on screen, so a person sees the effect of an entry before
// saving it (the same ClusterFilter/HostnameFilter the engine applies).
struct ClusterCoverage
{
    QStringList covered;    // display names, in the snapshot's cluster order
    QStringList notCovered;
};

// "alias (name)" when the cluster has an alias, else its name.
QString clusterDisplayName(const QString &name, const QString &alias);

// aliases (cluster name -> alias) override the snapshot's own, for aliases set since it was taken.
ClusterCoverage clusterCoverage(const ClusterFilter &filter, const TopologySnapshot *snapshot,
                                const QHash<QString, QString> &aliases);

// host:port of every instance in the snapshot the filter keeps from ever being promoted, sorted.
QStringList neverPromoted(const HostnameFilter &filter, const TopologySnapshot *snapshot);

// A number of seconds the way a person says it: "90 s", "1 h 30 min", "2 d", translated.
QString durationText(int seconds);

} // namespace Topograph::Gui
