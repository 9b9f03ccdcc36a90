// TopologyScene's gestures: drag-to-relocate (placeholder, validate() on hover, promote zone,
// Escape), and the per-instance context menu. Nothing here runs anything: a valid drop or an
// action becomes operationRequested, which the window confirms and runs.
#include "instanceitem.h"
#include "topologyscene.h"

#include <QApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMenu>
#include <QToolTip>

namespace Topograph::Gui {

InstanceItem *TopologyScene::cardAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *i : items(scenePos)) {
        if (i == m_drag.placeholder || (m_drag.placeholder && i->parentItem() == m_drag.placeholder))
            continue;
        if (auto *card = dynamic_cast<InstanceItem *>(i))
            return card;
    }
    return nullptr;
}

OperationPlan TopologyScene::validateRequest(OperationRequest request) const
{
    if (!m_snapshot) {
        OperationPlan refused;
        refused.refusal = tr("no topology yet");
        return refused;
    }
    request.running = m_running;
    request.maxLagSeconds = m_maxLagSeconds;
    request.replicationUser = m_replicationUser;
    return validate(*m_snapshot, request);
}

std::optional<QPair<OperationRequest, OperationPlan>> TopologyScene::dropAt(const QPointF &scenePos) const
{
    InstanceItem *card = cardAt(scenePos);
    if (!card || !m_drag.pressed || card == m_drag.pressed)
        return std::nullopt;
    OperationRequest r;
    r.instance = m_drag.pressed->key();
    if (card->promoteZoneVisible() && card->promoteZoneRect().contains(card->mapFromScene(scenePos))) {
        r.kind = OperationKind::GracefulTakeover;
        r.cluster = m_cluster;
    } else {
        r.kind = OperationKind::Relocate;
        r.target = card->key();
    }
    return qMakePair(r, validateRequest(r));
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    m_drag.pressed = nullptr;
    if (event->button() != Qt::LeftButton)
        return;
    InstanceItem *card = cardAt(event->scenePos());
    if (card && !card->recoverButtonRect().contains(card->mapFromScene(event->scenePos()))) {
        m_drag.pressed = card;
        m_drag.pressPos = event->scenePos();
    }
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_drag.pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_drag.active
            && (event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton)).manhattanLength()
                   >= QApplication::startDragDistance())
            startDrag(event->scenePos());
        if (m_drag.active) {
            updateDrag(event->scenePos(), event->screenPos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_drag.active && event->button() == Qt::LeftButton) {
        finishDrag(event->scenePos());
        event->accept();
        QGraphicsScene::mouseReleaseEvent(event); // lets the grabber go
        return;
    }
    m_drag.pressed = nullptr;
    QGraphicsScene::mouseReleaseEvent(event);
}

void TopologyScene::keyPressEvent(QKeyEvent *event)
{
    if (m_drag.active && event->key() == Qt::Key_Escape) {
        cancelDrag();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void TopologyScene::startDrag(const QPointF &scenePos)
{
    m_drag.active = true;
    // A light placeholder follows the pointer; the card itself stays until the servers move it.
    auto *ph = new QGraphicsRectItem(0, 0, InstanceItem::Width * 0.8, 30);
    ph->setPen(QPen(QColor(0x1e, 0x63, 0xd0), 1.5, Qt::DashLine));
    ph->setBrush(QColor(0x1e, 0x63, 0xd0, 40));
    ph->setZValue(10);
    ph->setAcceptedMouseButtons(Qt::NoButton);
    auto *label = new QGraphicsSimpleTextItem(m_drag.pressed->content().title, ph);
    label->setPos(8, 7);
    addItem(ph);
    m_drag.placeholder = ph;
    ph->setPos(scenePos + QPointF(12, 12));
    // The promote zone: on the master's card, when a replica of it is dragged.
    const ClusterInfo *cluster = m_snapshot ? m_snapshot->cluster(m_cluster) : nullptr;
    if (cluster && parentOf(m_drag.pressed->key()) == cluster->master)
        if (InstanceItem *master = m_items.value(cluster->master)) {
            master->setPromoteZoneVisible(true);
            m_drag.promoteCard = master;
        }
}

void TopologyScene::updateDrag(const QPointF &scenePos, const QPoint &screenPos)
{
    m_drag.placeholder->setPos(scenePos + QPointF(12, 12));
    const auto drop = dropAt(scenePos);
    InstanceItem *card = drop ? cardAt(scenePos) : nullptr;
    if (m_drag.hovered && m_drag.hovered != card)
        m_drag.hovered->setDropState(InstanceItem::DropState::None);
    m_drag.hovered = card;
    if (!card) {
        QToolTip::hideText();
        return;
    }
    const OperationPlan &plan = drop->second;
    card->setDropState(plan.ok ? InstanceItem::DropState::Valid : InstanceItem::DropState::Invalid);
    QToolTip::showText(screenPos, plan.ok ? plan.summary : plan.refusal);
}

void TopologyScene::finishDrag(const QPointF &scenePos)
{
    const auto drop = dropAt(scenePos);
    cancelDrag();
    if (drop && drop->second.ok)
        emit operationRequested(drop->first, drop->second);
}

void TopologyScene::cancelDrag()
{
    if (m_drag.hovered)
        m_drag.hovered->setDropState(InstanceItem::DropState::None);
    if (m_drag.promoteCard)
        m_drag.promoteCard->setPromoteZoneVisible(false);
    delete m_drag.placeholder;
    QToolTip::hideText();
    m_drag = {};
}

QMenu *TopologyScene::instanceMenu(const InstanceKey &key, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setToolTipsVisible(true);
    menu->setObjectName(QStringLiteral("InstanceMenu"));
    struct Entry
    {
        OperationKind kind;
        QString label;
    };
    // A master that a recovery replaced and that answers again (its own one-server cluster now):
    // first in its menu, since putting it back under the new master is what it is waiting for.
    const InstanceFacts *facts = m_snapshot ? m_snapshot->instance(key) : nullptr;
    if (m_rejoinTargetFor && facts && !facts->sourceKey()) {
        if (const auto target = m_rejoinTargetFor(key); target && *target != key) {
            OperationRequest r;
            r.kind = OperationKind::Rejoin;
            r.instance = key;
            r.target = *target;
            const OperationPlan plan = validateRequest(r);
            QAction *a = menu->addAction(tr("Rejoin as a replica of %1\u2026").arg(target->toString()));
            a->setObjectName(operationKindName(OperationKind::Rejoin));
            a->setEnabled(plan.ok);
            a->setToolTip(plan.ok ? plan.summary : plan.refusal);
            connect(a, &QAction::triggered, this, [this, r, plan] { emit operationRequested(r, plan); });
            menu->addSeparator();
        }
    }
    const QList<Entry> entries{
        {OperationKind::GracefulTakeover, tr("Make master (graceful takeover)\u2026")},
        {OperationKind::MoveUp, tr("Move up")},
        {OperationKind::TakeSiblings, tr("Take siblings")},
        {OperationKind::MakeCoMaster, tr("Make co-master")},
        {OperationKind::Repoint, tr("Repoint to the same source")},
        {OperationKind::StartReplica, tr("Start replication")},
        {OperationKind::StopReplica, tr("Stop replication")},
        {OperationKind::DetachReplica, tr("Detach replica")},
        {OperationKind::ReattachReplica, tr("Reattach replica")},
        {OperationKind::SetReadOnly, tr("Set read-only")},
        {OperationKind::SetWriteable, tr("Set writable")},
        {OperationKind::BeginDowntime, tr("Begin downtime (1 hour)")},
        {OperationKind::EndDowntime, tr("End downtime")},
        {OperationKind::BeginMaintenance, tr("Begin maintenance")},
        {OperationKind::EndMaintenance, tr("End maintenance")},
        {OperationKind::Forget, tr("Forget this instance")},
    };
    for (const Entry &e : entries) {
        if (e.kind == OperationKind::DetachReplica || e.kind == OperationKind::SetReadOnly
            || e.kind == OperationKind::BeginDowntime || e.kind == OperationKind::Forget)
            menu->addSeparator();
        OperationRequest r;
        r.kind = e.kind;
        r.instance = key;
        r.cluster = m_cluster;
        if (e.kind == OperationKind::BeginDowntime) {
            r.minutes = 60;
            r.text = tr("set from the Topograph console");
        } else if (e.kind == OperationKind::BeginMaintenance) {
            r.text = tr("set from the Topograph console");
        }
        const OperationPlan plan = validateRequest(r);
        QAction *a = menu->addAction(e.label);
        a->setObjectName(operationKindName(e.kind));
        a->setEnabled(plan.ok);
        a->setToolTip(plan.ok ? plan.summary : plan.refusal);
        connect(a, &QAction::triggered, this, [this, r, plan] { emit operationRequested(r, plan); });
    }
    // A master that answers but must go (failing disk, hung engine): the Recover dialog in its
    // forced form, which asks for a deliberate confirmation. A dead master has its Recover button.
    menu->addSeparator();
    QAction *force = menu->addAction(tr("Force failover now\u2026"));
    force->setObjectName(QStringLiteral("ForceFailover"));
    const ClusterInfo *c = m_snapshot ? m_snapshot->clusterOf(key) : nullptr;
    const InstanceFacts *f = m_snapshot ? m_snapshot->instance(key) : nullptr;
    QString why;
    if (!c || c->master != key || !c->coMasters.isEmpty())
        why = tr("only the single master of a cluster can be failed over");
    else if (!f || !f->reachable)
        why = tr("%1 does not answer: use Recover on its card").arg(key.toString());
    else if (c->members.size() < 2)
        why = tr("%1 has no replica to promote").arg(key.toString());
    force->setEnabled(why.isEmpty());
    force->setToolTip(why.isEmpty() ? tr("Promote a replica now although %1 is alive: it is made read-only first").arg(key.toString())
                                    : why);
    connect(force, &QAction::triggered, this, [this, key] { emit recoverRequested(key, QStringLiteral("ForcedMasterFailover")); });
    return menu;
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    InstanceItem *card = cardAt(event->scenePos());
    if (!card) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    select(card->key());
    QMenu *menu = instanceMenu(card->key());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->screenPos());
    event->accept();
}

} // namespace Topograph::Gui
