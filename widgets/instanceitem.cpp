#include "instanceitem.h"

#include "edgeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Topograph::Gui {

InstanceItem::InstanceItem(const InstanceKey &key, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_key(key)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    // Cards repaint only when their content changes; caching keeps panning and zooming cheap.
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
}

bool InstanceItem::setContent(const CardContent &content)
{
    if (content == m_content)
        return false;
    m_content = content;
    setToolTip(content.tooltip);
    update();
    return true;
}

InstanceItem::Header InstanceItem::header() const
{
    // The scene's font, not the painter's: the same whether painted into the cache or measured.
    return header(m_content, scene() ? scene()->font() : QFont());
}

InstanceItem::Header InstanceItem::header(const CardContent &content, const QFont &base)
{
    Header h;
    h.roleFont = base;
    h.roleFont.setPointSizeF(8.5);
    h.titleFont = base;
    h.titleFont.setBold(true);
    h.titleFont.setPointSizeF(9.5);
    const QFontMetricsF bfm(h.titleFont), fm(h.roleFont);
    const qreal left = 36, right = Width - 6, gap = 8, minTitle = 60;
    const qreal titleNeeds = bfm.horizontalAdvance(content.title) + 2;
    const QString shortRole = content.shortRole.isEmpty() ? content.role : content.shortRole;
    h.role = shortRole;
    for (const QString &candidate : {content.role, shortRole}) {
        if (titleNeeds + gap + fm.horizontalAdvance(candidate) + 1 <= right - left) {
            h.role = candidate;
            break;
        }
    }
    // +1: horizontalAdvance is fractional, and a rectangle that is exactly as wide elides.
    const qreal roleWidth = qMin(fm.horizontalAdvance(h.role) + 1, right - left - gap - minTitle);
    const qreal titleWidth = qMin(titleNeeds, right - left - gap - roleWidth);
    h.title = bfm.elidedText(content.title, Qt::ElideMiddle, titleWidth);
    h.role = fm.elidedText(h.role, Qt::ElideRight, roleWidth);
    h.titleRect = QRectF(left, 5, titleWidth, 18);
    h.roleRect = QRectF(right - roleWidth, 5, roleWidth, 18);
    return h;
}

QRectF InstanceItem::boundingRect() const
{
    return QRectF(-2, -2, Width + 4, Height + 4);
}

QRectF InstanceItem::recoverButtonRect() const
{
    if (!m_content.recoverable)
        return {};
    return QRectF(Width - 74, Height - 24, 68, 19);
}

void InstanceItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor stateColor = healthColor(m_content.state);
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF card(0, 0, Width, Height);
    p->setRenderHint(QPainter::Antialiasing);

    // Unreachable instances are drawn hatched as well as red: readable without colour.
    p->setPen(QPen(selected ? QColor(0x1e, 0x63, 0xd0) : QColor(0xb8, 0xbc, 0xc2), selected ? 2.5 : 1));
    p->setBrush(m_content.reachable ? QColor(0xff, 0xff, 0xff) : QColor(0xfb, 0xee, 0xee));
    p->drawRoundedRect(card, 4, 4);
    if (!m_content.reachable) {
        p->setBrush(QBrush(QColor(0xc6, 0x28, 0x28, 40), Qt::BDiagPattern));
        p->drawRoundedRect(card, 4, 4);
    }
    p->setPen(Qt::NoPen);
    p->setBrush(stateColor);
    p->drawRoundedRect(QRectF(0, 0, 6, Height), 3, 3);

    const Header h = header();
    const QFont base = h.roleFont;
    const QFont &bold = h.titleFont;

    // Status glyph in a circle: the state without relying on colour.
    const QRectF glyph(12, 6, 18, 18);
    p->setBrush(stateColor);
    p->drawEllipse(glyph);
    p->setPen(Qt::white);
    QFont gf = bold;
    gf.setPointSizeF(8);
    p->setFont(gf);
    p->drawText(glyph, Qt::AlignCenter, healthGlyph(m_content.state));

    const QFontMetricsF fm(base);
    p->setPen(QColor(0x20, 0x20, 0x20));
    p->setFont(bold);
    p->drawText(h.titleRect, Qt::AlignLeft | Qt::AlignVCenter, h.title);
    p->setFont(base);
    p->setPen(QColor(0x50, 0x55, 0x5c));
    p->drawText(h.roleRect, Qt::AlignRight | Qt::AlignVCenter, h.role);

    p->setPen(QColor(0x3a, 0x3f, 0x45));
    p->drawText(QRectF(12, 25, Width - 18, 15), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(m_content.details, Qt::ElideRight, Width - 18));
    p->setPen(m_content.reachable ? QColor(0x3a, 0x3f, 0x45) : QColor(0xa0, 0x1c, 0x1c));
    p->drawText(QRectF(12, 40, Width - 18, 15), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(m_content.replication, Qt::ElideRight, Width - 18));

    // Badges: analysis codes (state colour + text), then downtime/maintenance marks.
    QFont small = base;
    small.setPointSizeF(7.5);
    small.setBold(true);
    p->setFont(small);
    const QFontMetricsF sfm(small);
    qreal x = 12;
    const qreal y = Height - 23, limit = m_content.recoverable ? Width - 80 : Width - 6;
    auto badge = [&](const QString &text, const QColor &bg, const QColor &fg) {
        const qreal w = qMin(sfm.horizontalAdvance(text) + 10, limit - x);
        if (w < 20)
            return;
        p->setPen(Qt::NoPen);
        p->setBrush(bg);
        p->drawRoundedRect(QRectF(x, y, w, 17), 3, 3);
        p->setPen(fg);
        p->drawText(QRectF(x + 5, y, w - 10, 17), Qt::AlignVCenter | Qt::AlignLeft,
                    sfm.elidedText(text, Qt::ElideRight, w - 10));
        x += w + 4;
    };
    for (const QString &b : m_content.badges)
        badge(b, stateColor.lighter(185), stateColor.darker(160));
    if (!m_content.marks.isEmpty())
        badge(m_content.marks, QColor(0xe3, 0xe8, 0xf2), QColor(0x2c, 0x3e, 0x66));

    if (m_content.recoverable) {
        const QRectF b = recoverButtonRect();
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0xc6, 0x28, 0x28));
        p->drawRoundedRect(b, 3, 3);
        p->setPen(Qt::white);
        p->drawText(b, Qt::AlignCenter, tr("Recover\u2026"));
    }
    paintDragFeedback(p);
}

void InstanceItem::setDropState(DropState state)
{
    if (state == m_dropState)
        return;
    m_dropState = state;
    update();
}

void InstanceItem::setPromoteZoneVisible(bool visible)
{
    if (visible == m_promoteZone)
        return;
    m_promoteZone = visible;
    update();
}

void InstanceItem::paintDragFeedback(QPainter *p)
{
    if (m_promoteZone) {
        const QRectF z = promoteZoneRect();
        p->setPen(QPen(QColor(0x1e, 0x63, 0xd0), 1.5, Qt::DashLine));
        p->setBrush(QColor(0xe3, 0xee, 0xfd));
        p->drawRoundedRect(z.adjusted(2, 2, -2, -2), 3, 3);
        p->setPen(QColor(0x1e, 0x63, 0xd0));
        p->drawText(z, Qt::AlignCenter, tr("\u21e7 Drop here to promote (graceful takeover)"));
    }
    if (m_dropState != DropState::None) {
        const bool ok = m_dropState == DropState::Valid;
        const QColor c = ok ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
        p->setPen(QPen(c, 3));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(0, 0, Width, Height).adjusted(1, 1, -1, -1), 4, 4);
        // Not colour alone: a glyph in the corner says yes or no.
        const QRectF g(Width - 22, 4, 18, 18);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawEllipse(g);
        p->setPen(Qt::white);
        p->drawText(g, Qt::AlignCenter, ok ? QStringLiteral("\u2713") : QStringLiteral("\u2716"));
    }
}

void InstanceItem::addEdge(EdgeItem *edge)
{
    m_edges << edge;
}

void InstanceItem::removeEdge(EdgeItem *edge)
{
    m_edges.removeAll(edge);
}

QVariant InstanceItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem *e : std::as_const(m_edges))
            e->adjust();
    return QGraphicsObject::itemChange(change, value);
}

void InstanceItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressOnButton = event->button() == Qt::LeftButton && recoverButtonRect().contains(event->pos());
    if (m_pressOnButton) {
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

void InstanceItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_pressOnButton) {
        m_pressOnButton = false;
        if (recoverButtonRect().contains(event->pos()))
            emit recoverClicked(m_key);
        event->accept();
        return;
    }
    QGraphicsObject::mouseReleaseEvent(event);
}

void InstanceItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(recoverButtonRect().contains(event->pos()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QGraphicsObject::hoverMoveEvent(event);
}

} // namespace Topograph::Gui
