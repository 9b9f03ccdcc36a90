#include "topologyscene.h"

#include "edgeitem.h"
#include "instanceitem.h"
#include "treelayout.h"

#include <QVariantAnimation>

namespace Topograph::Gui {

TopologyScene::TopologyScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_animation(new QVariantAnimation(this))
{
    setBackgroundBrush(QColor(0xf4, 0xf5, 0xf7));
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(220);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &v) { onAnimationStep(v.toReal()); });
    connect(this, &QGraphicsScene::selectionChanged, this, [this] { emit instanceSelected(selectedKey()); });
}

TopologyScene::~TopologyScene()
{
    // ~QGraphicsScene deletes the cards after this destructor, and deleting a selected card emits
    // selectionChanged: without this, the handler above would run on a half-destroyed scene and
    // tell the window about a selection while it is being torn down (UBSan caught it).
    blockSignals(true);
    // Edges detach from cards in their destructor: delete them while the cards still exist.
    qDeleteAll(m_edges);
    m_edges.clear();
}

InstanceKey TopologyScene::parentOf(const InstanceKey &key) const
{
    return m_parent.value(key);
}

InstanceKey TopologyScene::selectedKey() const
{
    for (QGraphicsItem *i : selectedItems())
        if (auto *card = dynamic_cast<InstanceItem *>(i))
            return card->key();
    return {};
}

void TopologyScene::select(const InstanceKey &key)
{
    InstanceItem *item = m_items.value(key);
    if (!item || item->isSelected())
        return;
    clearSelection();
    item->setSelected(true);
}

void TopologyScene::apply(const TopologySnapshotPtr &snapshot, const QList<Analysis> &analyses,
                          const QString &clusterName)
{
    m_stats = {};
    m_snapshot = snapshot;
    m_cluster = clusterName;
    const ClusterInfo *cluster = snapshot && !clusterName.isEmpty() ? snapshot->cluster(clusterName) : nullptr;
    const bool firstBuild = m_items.isEmpty();

    QHash<InstanceKey, TreePosition> layout;
    if (cluster)
        layout = TreeLayout::layoutCluster(*snapshot, *cluster);

    // Gone instances first (their edges go with them).
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (!layout.contains(it.key())) {
            if (it.value() == m_drag.pressed || it.value() == m_drag.hovered || it.value() == m_drag.promoteCard)
                cancelDrag();
            for (auto e = m_edges.begin(); e != m_edges.end();) {
                if (e.value()->source() == it.value() || e.value()->replica() == it.value()) {
                    delete e.value();
                    e = m_edges.erase(e);
                } else {
                    ++e;
                }
            }
            m_moves.remove(it.key());
            delete it.value();
            it = m_items.erase(it);
            ++m_stats.removed;
        } else {
            ++it;
        }
    }
    m_root = cluster ? cluster->master : InstanceKey();
    if (!cluster) {
        m_parent.clear();
        setSceneRect(QRectF());
        return;
    }

    QHash<InstanceKey, QList<Analysis>> byInstance;
    for (const Analysis &a : analyses)
        if (layout.contains(a.instance))
            byInstance[a.instance] << a;

    const qreal dx = InstanceItem::Width + ColumnGap, dy = InstanceItem::Height + RowGap;
    const bool animate = m_animated && !firstBuild;
    QRectF bounds;
    for (auto it = layout.cbegin(); it != layout.cend(); ++it) {
        const InstanceFacts *facts = snapshot->instance(it.key());
        if (!facts)
            continue;
        const QPointF target(it.value().depth * dx, it.value().row * dy);
        bounds |= QRectF(target, QSizeF(InstanceItem::Width, InstanceItem::Height));
        InstanceItem *item = m_items.value(it.key());
        const CardContent content = cardContent(*snapshot, *facts, byInstance.value(it.key()));
        if (!item) {
            item = new InstanceItem(it.key());
            item->setContent(content);
            item->setPos(target);
            addItem(item);
            connect(item, &InstanceItem::recoverClicked, this, [this, item](const InstanceKey &key) {
                emit recoverRequested(key, item->content().recoverCode);
            });
            m_items.insert(it.key(), item);
            ++m_stats.created;
            continue;
        }
        if (item->setContent(content))
            ++m_stats.changed;
        const QPointF current = m_moves.contains(it.key()) ? m_moves.value(it.key()).to : item->pos();
        if (current != target) {
            ++m_stats.moved;
            if (animate)
                m_moves.insert(it.key(), {item->pos(), target});
            else
                item->setPos(target);
        }
    }
    syncEdges(*snapshot, *cluster);
    // Room around the tree so the co-master link and the edges of the first column stay visible.
    setSceneRect(bounds.adjusted(-60, -30, 60, 30));
    if (!m_moves.isEmpty() && animate) {
        for (auto it = m_moves.begin(); it != m_moves.end(); ++it)
            it->from = m_items.value(it.key())->pos();
        m_animation->stop();
        m_animation->start();
    }
}

void TopologyScene::finishAnimation()
{
    if (m_animation->state() == QAbstractAnimation::Running)
        m_animation->stop();
    onAnimationStep(1.0);
}

void TopologyScene::onAnimationStep(qreal t)
{
    for (auto it = m_moves.cbegin(); it != m_moves.cend(); ++it)
        if (InstanceItem *item = m_items.value(it.key()))
            item->setPos(it->from + (it->to - it->from) * t);
    if (t >= 1.0)
        m_moves.clear();
}

void TopologyScene::syncEdges(const TopologySnapshot &snapshot, const ClusterInfo &cluster)
{
    QSet<QString> wanted;
    m_parent.clear();
    auto ensure = [&](const InstanceKey &source, const InstanceKey &replica, EdgeItem::Kind kind,
                      const QString &channel, bool broken) {
        InstanceItem *s = m_items.value(source), *r = m_items.value(replica);
        if (!s || !r)
            return;
        const QString id = QString::number(int(kind)) + QLatin1Char('|') + source.toString() + QLatin1Char('|')
                           + replica.toString() + QLatin1Char('|') + channel;
        wanted.insert(id);
        EdgeItem *e = m_edges.value(id);
        if (!e) {
            e = new EdgeItem(s, r, kind);
            addItem(e);
            m_edges.insert(id, e);
        }
        e->setBroken(broken);
        e->setLabel(kind == EdgeItem::MultiSource ? channel : QString());
    };
    const QList<InstanceKey> roots = QList<InstanceKey>{cluster.master} + cluster.coMasters;
    for (const InstanceKey &k : cluster.members) {
        const InstanceFacts *f = snapshot.instance(k);
        if (!f)
            continue;
        const ReplicationChannel *primary = f->primaryChannel();
        for (const ReplicationChannel &ch : f->channels) {
            const bool broken = !ch.isReplicating();
            if (&ch == primary) {
                if (roots.contains(k) && roots.contains(ch.source)) {
                    // One link per co-master pair, drawn from the writer's side.
                    if (k != cluster.master)
                        ensure(cluster.master, k, EdgeItem::CoMaster, QString(), broken);
                    continue;
                }
                m_parent.insert(k, ch.source);
                ensure(ch.source, k, EdgeItem::Primary, QString(), broken);
            } else {
                ensure(ch.source, k, EdgeItem::MultiSource, ch.name, broken);
            }
        }
    }
    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (!wanted.contains(it.key())) {
            delete it.value();
            it = m_edges.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace Topograph::Gui
