#pragma once

#include "instancefacts.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>

#include <memory>

namespace Topograph {

enum class PromotionRule { Prefer, Neutral, PreferNot, MustNot };
QString promotionRuleName(PromotionRule r); // prefer, neutral, prefer_not, must_not
std::optional<PromotionRule> promotionRuleFromName(const QString &name);

// A downtimed instance is shown and analysed but never acted on (not recovered, not promoted).
struct Downtime
{
    QDateTime until; // UTC
    QString reason;
    QString owner;
};

struct ClusterInfo
{
    QString name;  // the master's host:port
    QString alias; // optional, set by a person
    InstanceKey master;
    QList<InstanceKey> coMasters; // the other side(s) of a master-master cycle, if any
    QList<InstanceKey> members;   // every instance, master first, then sorted
};

// What the engine knew about the fleet at one moment. Immutable once built and shared between
// threads through TopologySnapshotPtr; analysis, candidate selection, validate() and the tree
// layout are pure functions of it.
class TopologySnapshot
{
public:
    struct Input
    {
        QList<InstanceFacts> instances;
        QHash<QString, QString> aliases;         // cluster name -> alias
        QHash<InstanceKey, Downtime> downtimes;   // active windows only
        QSet<InstanceKey> maintenance;
        QHash<InstanceKey, PromotionRule> promotionRules;
        qint64 sequence = 0;
        QDateTime takenAt; // UTC; now if invalid
        // Known instances (from the store or just named by a probe) whose first probe has not
        // finished: not in the snapshot yet, so nothing can say which cluster they belong to.
        QList<InstanceKey> notYetProbed;
    };

    TopologySnapshot() = default;
    // Groups instances into clusters by following each one's source up to a root. A cycle
    // (co-masters) is a cluster whose master is the writable member (else the lowest key).
    static std::shared_ptr<const TopologySnapshot> build(Input input);

    qint64 sequence() const { return m_sequence; }
    QDateTime takenAt() const { return m_takenAt; }
    const QList<InstanceKey> &notYetProbed() const { return m_notYetProbed; }

    const QMap<InstanceKey, InstanceFacts> &instances() const { return m_instances; }
    const InstanceFacts *instance(const InstanceKey &key) const;
    const QList<ClusterInfo> &clusters() const { return m_clusters; }
    const ClusterInfo *cluster(const QString &nameOrAlias) const;
    const ClusterInfo *clusterOf(const InstanceKey &key) const;

    // Direct replicas (by their default connection), sorted by key: deterministic order.
    QList<InstanceKey> replicasOf(const InstanceKey &key) const;
    // Replicas that use key as a secondary (multi-source) connection.
    QList<InstanceKey> secondaryReplicasOf(const InstanceKey &key) const;
    bool isDescendantOf(const InstanceKey &node, const InstanceKey &ancestor) const;

    std::optional<Downtime> downtime(const InstanceKey &key) const;
    bool inMaintenance(const InstanceKey &key) const { return m_maintenance.contains(key); }
    PromotionRule promotionRule(const InstanceKey &key) const
    {
        return m_promotionRules.value(key, PromotionRule::Neutral);
    }

private:
    QList<InstanceKey> m_notYetProbed;
    qint64 m_sequence = 0;
    QDateTime m_takenAt;
    QMap<InstanceKey, InstanceFacts> m_instances;
    QHash<InstanceKey, QList<InstanceKey>> m_children;
    QHash<InstanceKey, QList<InstanceKey>> m_secondaryChildren;
    QList<ClusterInfo> m_clusters;
    QHash<InstanceKey, int> m_clusterIndex;
    QHash<InstanceKey, Downtime> m_downtimes;
    QSet<InstanceKey> m_maintenance;
    QHash<InstanceKey, PromotionRule> m_promotionRules;
};

using TopologySnapshotPtr = std::shared_ptr<const TopologySnapshot>;

} // namespace Topograph
