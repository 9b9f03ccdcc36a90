#pragma once

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

class QVariantAnimation;

namespace Topograph::Gui {

class EdgeItem;
class InstanceItem;

// The scene model of one cluster (modelinglib's pattern): keeps an id<->item map and applies each
// snapshot as a difference: new instances get cards, gone ones lose them, changed cards repaint,
// moved cards glide to their new place. Selection and the view's zoom and scroll are untouched.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    static constexpr qreal ColumnGap = 70;
    static constexpr qreal RowGap = 14;

    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    // Shows `cluster` (name) of the snapshot; an empty or unknown name clears the scene.
    void apply(const TopologySnapshotPtr &snapshot, const QList<Analysis> &analyses, const QString &cluster);
    QString clusterName() const { return m_cluster; }
    TopologySnapshotPtr snapshot() const { return m_snapshot; }

    InstanceItem *itemFor(const InstanceKey &key) const { return m_items.value(key); }
    QList<InstanceKey> keys() const { return m_items.keys(); }
    // The card's parent in the scene (its default connection's source), invalid for a root.
    InstanceKey parentOf(const InstanceKey &key) const;
    QList<EdgeItem *> edges() const { return m_edges.values(); }
    InstanceKey selectedKey() const;
    void select(const InstanceKey &key);

    // Animations off (benchmarks, tests that compare positions at once).
    void setAnimated(bool animated) { m_animated = animated; }
    void finishAnimation();

    // How many cards the last apply() created, repainted, moved and removed.
    struct Stats { int created = 0, changed = 0, moved = 0, removed = 0; };
    Stats lastStats() const { return m_stats; }

signals:
    void recoverRequested(const Topograph::InstanceKey &key, const QString &analysisCode);
    void instanceSelected(const Topograph::InstanceKey &key); // invalid key: none

private:
    void syncEdges(const TopologySnapshot &snapshot, const ClusterInfo &cluster);
    void onAnimationStep(qreal t);

    TopologySnapshotPtr m_snapshot;
    QString m_cluster;
    QHash<InstanceKey, InstanceItem *> m_items;
    QHash<QString, EdgeItem *> m_edges; // "kind|source|replica[|channel]"
    QHash<InstanceKey, InstanceKey> m_parent;
    struct Move { QPointF from, to; };
    QHash<InstanceKey, Move> m_moves;
    QVariantAnimation *m_animation = nullptr;
    bool m_animated = true;
    Stats m_stats;
};

} // namespace Topograph::Gui
