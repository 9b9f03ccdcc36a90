#pragma once

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"
#include "operations/operation.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

#include <functional>
#include <optional>

class QMenu;
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
    // The cluster's master (the tree's root); invalid when no cluster is shown.
    InstanceKey rootKey() const { return m_root; }
    QList<EdgeItem *> edges() const { return m_edges.values(); }
    InstanceKey selectedKey() const;
    void select(const InstanceKey &key);

    // Animations off (benchmarks, tests that compare positions at once).
    void setAnimated(bool animated) { m_animated = animated; }
    void finishAnimation();

    // How many cards the last apply() created, repainted, moved and removed.
    struct Stats { int created = 0, changed = 0, moved = 0, removed = 0; };
    Stats lastStats() const { return m_stats; }

    // Drag-to-relocate. Recoveries/operations running now (cluster -> id), passed to validate().
    void setRunning(const QHash<QString, qint64> &running) { m_running = running; }
    void setMaxLagSeconds(int seconds) { m_maxLagSeconds = seconds; }
    // The replication account a demoted or new master is given: part of every plan this scene
    // validates, so the plan shown on hover and in the confirmation is the one that runs.
    void setReplicationUser(const QString &user) { m_replicationUser = user; }
    // Which master a former master rejoins (the recoveries say who replaced it); asked only when
    // a master's menu opens. Unset: the menu offers no rejoin.
    using RejoinTargetLookup = std::function<std::optional<InstanceKey>(const InstanceKey &)>;
    void setRejoinTargetLookup(RejoinTargetLookup lookup) { m_rejoinTargetFor = std::move(lookup); }
    bool isDragging() const { return m_drag.active; }
    // The request a drop at scenePos would make, and its plan (validate()); nullopt over nothing.
    std::optional<QPair<OperationRequest, OperationPlan>> dropAt(const QPointF &scenePos) const;
    // What validate() says about an action on an instance (context menu).
    OperationPlan validateRequest(OperationRequest request) const;
    // The per-instance actions, each enabled by validate() with its plan or refusal as tooltip.
    QMenu *instanceMenu(const InstanceKey &key, QWidget *parent = nullptr);
    QGraphicsItem *dragPlaceholder() const { return m_drag.placeholder; }
    void cancelDrag();

signals:
    void recoverRequested(const Topograph::InstanceKey &key, const QString &analysisCode);
    // A valid drop (relocate or takeover) or a context-menu action: the owner confirms and runs.
    void operationRequested(const Topograph::OperationRequest &request, const Topograph::OperationPlan &plan);
    void instanceSelected(const Topograph::InstanceKey &key); // invalid key: none

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void startDrag(const QPointF &scenePos);
    void updateDrag(const QPointF &scenePos, const QPoint &screenPos);
    void finishDrag(const QPointF &scenePos);
    InstanceItem *cardAt(const QPointF &scenePos) const;
    void syncEdges(const TopologySnapshot &snapshot, const ClusterInfo &cluster);
    void onAnimationStep(qreal t);

    TopologySnapshotPtr m_snapshot;
    QString m_cluster;
    QHash<InstanceKey, InstanceItem *> m_items;
    QHash<QString, EdgeItem *> m_edges; // "kind|source|replica[|channel]"
    QHash<InstanceKey, InstanceKey> m_parent;
    InstanceKey m_root;
    struct Move { QPointF from, to; };
    QHash<InstanceKey, Move> m_moves;
    QVariantAnimation *m_animation = nullptr;
    bool m_animated = true;
    Stats m_stats;
    QHash<QString, qint64> m_running;
    int m_maxLagSeconds = 20;
    QString m_replicationUser;
    RejoinTargetLookup m_rejoinTargetFor;
    struct Drag
    {
        InstanceItem *pressed = nullptr;
        QPointF pressPos;
        bool active = false;
        QGraphicsItem *placeholder = nullptr;
        InstanceItem *hovered = nullptr;
        InstanceItem *promoteCard = nullptr; // the master's card showing its promote zone
    } m_drag;
};

} // namespace Topograph::Gui
