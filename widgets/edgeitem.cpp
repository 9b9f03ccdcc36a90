#include "edgeitem.h"

#include "instanceitem.h"

#include <QPainter>
#include <QtMath>

namespace Topograph::Gui {

EdgeItem::EdgeItem(InstanceItem *source, InstanceItem *replica, Kind kind)
    : m_source(source)
    , m_replica(replica)
    , m_kind(kind)
{
    setZValue(0);
    source->addEdge(this);
    replica->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    m_source->removeEdge(this);
    m_replica->removeEdge(this);
}

void EdgeItem::setBroken(bool broken)
{
    if (broken == m_broken)
        return;
    m_broken = broken;
    update();
}

void EdgeItem::setLabel(const QString &label)
{
    if (label == m_label)
        return;
    m_label = label;
    update();
}

void EdgeItem::adjust()
{
    QPainterPath path;
    if (m_kind == CoMaster) {
        // Co-masters share the first column: a vertical link between their left edges.
        const QPointF a = m_source->pos() + QPointF(-8, InstanceItem::Height / 2);
        const QPointF b = m_replica->pos() + QPointF(-8, InstanceItem::Height / 2);
        const qreal bulge = -28;
        path.moveTo(a + QPointF(8, 0));
        path.lineTo(a);
        path.cubicTo(a + QPointF(bulge, 0), b + QPointF(bulge, 0), b);
        path.lineTo(b + QPointF(8, 0));
        m_arrowTip = b + QPointF(8, 0);
        m_arrowAngle = 0;
    } else {
        const QPointF a = m_source->outAnchor();
        const QPointF b = m_replica->inAnchor() - QPointF(2, 0);
        const qreal dx = qMax<qreal>(20, (b.x() - a.x()) / 2);
        path.moveTo(a);
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        m_arrowTip = b;
        m_arrowAngle = 0;
    }
    prepareGeometryChange();
    setPath(path);
}

void EdgeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    p->setRenderHint(QPainter::Antialiasing);
    QColor color(0x7a, 0x80, 0x88);
    Qt::PenStyle style = Qt::SolidLine;
    qreal width = 1.4;
    if (m_kind == MultiSource) {
        color = QColor(0x1e, 0x63, 0xd0);
        style = Qt::DotLine;
        width = 1.6;
    } else if (m_kind == CoMaster) {
        color = QColor(0x6a, 0x1b, 0x9a);
        width = 3.2;
    }
    if (m_broken) {
        color = QColor(0xc6, 0x28, 0x28);
        style = Qt::DashLine;
    }
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(color, width, style, Qt::FlatCap));
    p->drawPath(path());
    if (m_kind == CoMaster) {
        // Double line: a thin white core inside the thick stroke.
        p->setPen(QPen(Qt::white, 1.0));
        p->drawPath(path());
    }
    auto arrow = [&](QPointF tip, qreal angle) {
        const qreal s = 7;
        QPolygonF head;
        head << tip << tip + QPointF(-s * qCos(angle - 0.45), -s * qSin(angle - 0.45))
             << tip + QPointF(-s * qCos(angle + 0.45), -s * qSin(angle + 0.45));
        p->setPen(Qt::NoPen);
        p->setBrush(color);
        p->drawPolygon(head);
    };
    arrow(m_arrowTip, m_arrowAngle);
    if (m_kind == CoMaster)
        arrow(path().elementAt(0), 0);
    if (!m_label.isEmpty()) {
        QFont f = p->font();
        f.setPointSizeF(7.5);
        p->setFont(f);
        p->setPen(color);
        p->drawText(path().pointAtPercent(0.5) + QPointF(4, -4), m_label);
    }
}

} // namespace Topograph::Gui
