#pragma once

#include "model/topologysnapshot.h"

#include <QHash>
#include <QList>

namespace Topograph::Gui {

// A tidy tree layout, pure and linear in the number of nodes. The tree grows left to right, the
// way DBAs read replication ("master -> replica"): depth is the column, siblings stack in rows.
// Leaves take consecutive rows in the order given; a parent sits at the middle of its children's
// span, so the picture is the same for the same input (deterministic) and no subtree overlaps
// another. Roots are laid out one after another in the order given, so co-masters passed as
// adjacent roots end up side by side (in the same column, next to each other).
struct TreeLayoutInput
{
    QList<QList<int>> children; // per node index, in display order
    QList<int> roots;           // in display order
};

struct TreePosition
{
    int depth = -1;   // column; -1 for a node not reachable from any root
    double row = 0.0; // may be fractional (centred over children)
};

class TreeLayout
{
public:
    // Nodes reached twice (a cycle, a second parent) are placed once, at their first visit.
    static QList<TreePosition> layout(const TreeLayoutInput &input);

    // A cluster of a snapshot: master and co-masters as adjacent roots (the co-master cycle is
    // broken there), replicas in replicasOf() order; members not reached get rows of their own.
    static QHash<InstanceKey, TreePosition> layoutCluster(const TopologySnapshot &snapshot,
                                                          const ClusterInfo &cluster);
};

} // namespace Topograph::Gui
