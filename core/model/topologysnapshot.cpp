#include "topologysnapshot.h"

#include <algorithm>

namespace Topograph {

QString promotionRuleName(PromotionRule r)
{
    switch (r) {
    case PromotionRule::Prefer: return QStringLiteral("prefer");
    case PromotionRule::Neutral: return QStringLiteral("neutral");
    case PromotionRule::PreferNot: return QStringLiteral("prefer_not");
    case PromotionRule::MustNot: return QStringLiteral("must_not");
    }
    return QStringLiteral("neutral");
}

std::optional<PromotionRule> promotionRuleFromName(const QString &name)
{
    for (PromotionRule r : {PromotionRule::Prefer, PromotionRule::Neutral, PromotionRule::PreferNot,
                            PromotionRule::MustNot})
        if (promotionRuleName(r) == name.trimmed().toLower())
            return r;
    return std::nullopt;
}

std::shared_ptr<const TopologySnapshot> TopologySnapshot::build(Input input)
{
    auto s = std::make_shared<TopologySnapshot>();
    s->m_sequence = input.sequence;
    s->m_notYetProbed = std::move(input.notYetProbed);
    s->m_takenAt = input.takenAt.isValid() ? input.takenAt : QDateTime::currentDateTimeUtc();
    s->m_downtimes = std::move(input.downtimes);
    s->m_maintenance = std::move(input.maintenance);
    s->m_promotionRules = std::move(input.promotionRules);
    for (InstanceFacts &f : input.instances)
        s->m_instances.insert(f.key, std::move(f));

    // Parent links by the default connection; other connections are secondary links.
    QHash<InstanceKey, InstanceKey> parent;
    for (const InstanceFacts &f : std::as_const(s->m_instances)) {
        const ReplicationChannel *primary = f.primaryChannel();
        for (const ReplicationChannel &c : f.channels) {
            // A link by name, not a connection: a detached replica's "//host" and a source name
            // that fails validation still place the replica (nothing connects to them).
            if (c.source.host().isEmpty() || c.source.port() <= 0)
                continue;
            if (&c == primary) {
                parent.insert(f.key, c.source);
                s->m_children[c.source].append(f.key);
            } else {
                s->m_secondaryChildren[c.source].append(f.key);
            }
        }
    }
    for (auto &list : s->m_children)
        std::sort(list.begin(), list.end());
    for (auto &list : s->m_secondaryChildren)
        std::sort(list.begin(), list.end());

    // Find each instance's root. Walking up stops at an instance without a known source, or when
    // the walk revisits a node (a co-master cycle). Memoised, so linear overall.
    QHash<InstanceKey, InstanceKey> rootOf;
    QHash<InstanceKey, QList<InstanceKey>> cycleOf; // root -> the members of its cycle
    for (auto it = s->m_instances.cbegin(); it != s->m_instances.cend(); ++it) {
        if (rootOf.contains(it.key()))
            continue;
        QList<InstanceKey> path;
        QHash<InstanceKey, int> onPath;
        InstanceKey cur = it.key();
        InstanceKey root;
        while (true) {
            if (rootOf.contains(cur)) {
                root = rootOf.value(cur);
                break;
            }
            if (onPath.contains(cur)) {
                // A cycle: its members are path[onPath[cur]..]. The master is the writable reachable
                // one, else a reachable one, else the lowest key.
                const QList<InstanceKey> cycle = path.mid(onPath.value(cur));
                root = *std::min_element(cycle.begin(), cycle.end(), [&](const auto &a, const auto &b) {
                    const InstanceFacts *fa = s->instance(a);
                    const InstanceFacts *fb = s->instance(b);
                    auto rank = [](const InstanceFacts *f) {
                        return !f || !f->reachable ? 0 : f->readOnly ? 1 : 2;
                    };
                    if (rank(fa) != rank(fb))
                        return rank(fa) > rank(fb);
                    return a < b;
                });
                cycleOf.insert(root, cycle);
                break;
            }
            onPath.insert(cur, path.size());
            path.append(cur);
            const auto p = parent.constFind(cur);
            // A source we never probed still names the cluster: its replicas belong together.
            if (p == parent.cend()) {
                root = cur;
                break;
            }
            cur = p.value();
        }
        for (const InstanceKey &k : std::as_const(path))
            rootOf.insert(k, root);
    }

    QMap<InstanceKey, QList<InstanceKey>> members; // ordered by root for a stable cluster order
    for (auto it = rootOf.cbegin(); it != rootOf.cend(); ++it)
        members[it.value()].append(it.key());
    for (auto it = members.begin(); it != members.end(); ++it) {
        ClusterInfo c;
        c.master = it.key();
        c.name = c.master.toString();
        c.alias = input.aliases.value(c.name);
        for (const InstanceKey &k : cycleOf.value(c.master))
            if (k != c.master)
                c.coMasters.append(k);
        std::sort(c.coMasters.begin(), c.coMasters.end());
        QList<InstanceKey> rest = it.value();
        rest.removeAll(c.master);
        std::sort(rest.begin(), rest.end());
        if (s->m_instances.contains(c.master))
            c.members.append(c.master);
        c.members.append(rest);
        const int index = s->m_clusters.size();
        for (const InstanceKey &k : std::as_const(c.members))
            s->m_clusterIndex.insert(k, index);
        s->m_clusters.append(std::move(c));
    }
    return s;
}

const InstanceFacts *TopologySnapshot::instance(const InstanceKey &key) const
{
    const auto it = m_instances.constFind(key);
    return it == m_instances.cend() ? nullptr : &it.value();
}

const ClusterInfo *TopologySnapshot::cluster(const QString &nameOrAlias) const
{
    for (const ClusterInfo &c : m_clusters)
        if (c.name == nameOrAlias || (!c.alias.isEmpty() && c.alias == nameOrAlias))
            return &c;
    // a member's address names its cluster too
    if (const auto key = InstanceKey::parse(nameOrAlias))
        return clusterOf(*key);
    return nullptr;
}

const ClusterInfo *TopologySnapshot::clusterOf(const InstanceKey &key) const
{
    const auto it = m_clusterIndex.constFind(key);
    return it == m_clusterIndex.cend() ? nullptr : &m_clusters.at(it.value());
}

QList<InstanceKey> TopologySnapshot::replicasOf(const InstanceKey &key) const
{
    return m_children.value(key);
}

QList<InstanceKey> TopologySnapshot::secondaryReplicasOf(const InstanceKey &key) const
{
    return m_secondaryChildren.value(key);
}

bool TopologySnapshot::isDescendantOf(const InstanceKey &node, const InstanceKey &ancestor) const
{
    // Walk up from node; bounded by the instance count so a cycle cannot loop forever.
    InstanceKey cur = node;
    for (qsizetype steps = 0; steps <= m_instances.size(); ++steps) {
        const InstanceFacts *f = instance(cur);
        if (!f)
            return false;
        const auto src = f->sourceKey();
        if (!src)
            return false;
        if (*src == ancestor)
            return true;
        if (*src == node)
            return false;
        cur = *src;
    }
    return false;
}

std::optional<Downtime> TopologySnapshot::downtime(const InstanceKey &key) const
{
    const auto it = m_downtimes.constFind(key);
    if (it == m_downtimes.cend() || it->until <= m_takenAt)
        return std::nullopt;
    return it.value();
}

} // namespace Topograph
