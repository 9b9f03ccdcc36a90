#include "treelayout.h"

#include <vector>

namespace Topograph::Gui {

QList<TreePosition> TreeLayout::layout(const TreeLayoutInput &input)
{
    const qsizetype n = input.children.size();
    QList<TreePosition> out(n);
    std::vector<char> visited(size_t(n), 0);
    // Children actually owned by each node (first visit wins), to centre parents afterwards.
    std::vector<int> firstChild(size_t(n), -1), lastChild(size_t(n), -1);
    double nextRow = 0.0;

    // Iterative post-order walk: a 5,000-deep chain must not overflow the stack.
    struct Frame
    {
        int node;
        int next; // index of the next child to visit
    };
    std::vector<Frame> stack;
    for (int root : input.roots) {
        if (root < 0 || root >= n || visited[size_t(root)])
            continue;
        visited[size_t(root)] = 1;
        out[root].depth = 0;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            Frame &f = stack.back();
            const QList<int> &kids = input.children.at(f.node);
            if (f.next < kids.size()) {
                const int c = kids.at(f.next++);
                if (c < 0 || c >= n || visited[size_t(c)])
                    continue;
                visited[size_t(c)] = 1;
                out[c].depth = out[f.node].depth + 1;
                if (firstChild[size_t(f.node)] < 0)
                    firstChild[size_t(f.node)] = c;
                lastChild[size_t(f.node)] = c;
                stack.push_back({c, 0});
                continue;
            }
            const int node = f.node;
            stack.pop_back();
            if (firstChild[size_t(node)] < 0)
                out[node].row = nextRow++;
            else
                out[node].row = (out[firstChild[size_t(node)]].row + out[lastChild[size_t(node)]].row) / 2.0;
        }
    }
    return out;
}

QHash<InstanceKey, TreePosition> TreeLayout::layoutCluster(const TopologySnapshot &snapshot,
                                                           const ClusterInfo &cluster)
{
    QHash<InstanceKey, int> index;
    index.reserve(cluster.members.size());
    for (const InstanceKey &k : cluster.members)
        index.insert(k, int(index.size()));

    TreeLayoutInput input;
    input.children.resize(cluster.members.size());
    QList<InstanceKey> roots{cluster.master};
    roots += cluster.coMasters;
    for (const InstanceKey &k : cluster.members) {
        QList<int> &kids = input.children[index.value(k)];
        for (const InstanceKey &c : snapshot.replicasOf(k)) {
            // Co-masters replicate from each other: that edge is drawn as a link, not a child.
            if (roots.contains(c))
                continue;
            const auto it = index.constFind(c);
            if (it != index.constEnd())
                kids << it.value();
        }
    }
    for (const InstanceKey &r : roots)
        if (index.contains(r))
            input.roots << index.value(r);
    // Whatever is not reachable from the master still gets a place: after the tree, in key order.
    for (const InstanceKey &k : cluster.members)
        input.roots << index.value(k);

    const QList<TreePosition> positions = layout(input);
    QHash<InstanceKey, TreePosition> out;
    out.reserve(cluster.members.size());
    for (const InstanceKey &k : cluster.members)
        out.insert(k, positions.at(index.value(k)));
    return out;
}

} // namespace Topograph::Gui
