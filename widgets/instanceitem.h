#pragma once

#include "cardcontent.h"

#include <QFont>
#include <QGraphicsObject>

namespace Topograph::Gui {

class EdgeItem;

// One instance card. Paints its CardContent; knows its edges so that moving the card (layout
// animation) reroutes them. The Recover button is part of the card and reported as a signal: the
// scene turns it into a request, the card never acts itself.
class InstanceItem : public QGraphicsObject
{
    Q_OBJECT
public:
    static constexpr qreal Width = 250;
    static constexpr qreal Height = 82;

    explicit InstanceItem(const InstanceKey &key, QGraphicsItem *parent = nullptr);

    const InstanceKey &key() const { return m_key; }
    const CardContent &content() const { return m_content; }
    // Returns false (and repaints nothing) when the content is the same.
    bool setContent(const CardContent &content);

    // The first line: the title (host:port) on the left, the role on the right. The role is
    // shown whole, in its long form when both fit and its short form otherwise; the title gives way
    // (elided in the middle) only when even that does not fit. What paint() draws.
    struct Header
    {
        QString title, role; // as drawn (elided where they had to be)
        QRectF titleRect, roleRect;
        QFont titleFont, roleFont;
    };
    Header header() const;
    static Header header(const CardContent &content, const QFont &base);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void addEdge(EdgeItem *edge);
    void removeEdge(EdgeItem *edge);
    // The Recover button's rectangle in item coordinates (empty when not recoverable).
    QRectF recoverButtonRect() const;

    // Drag feedback: a drop here is valid (green) or refused (red); none when not hovered.
    enum class DropState { None, Valid, Invalid };
    void setDropState(DropState state);
    DropState dropState() const { return m_dropState; }
    // The promote zone shown on the master's card while one of its replicas is dragged.
    void setPromoteZoneVisible(bool visible);
    bool promoteZoneVisible() const { return m_promoteZone; }
    QRectF promoteZoneRect() const { return QRectF(0, Height - 26, Width, 26); }

    // Anchor points for edges, in scene coordinates.
    QPointF inAnchor() const { return pos() + QPointF(0, Height / 2); }
    QPointF outAnchor() const { return pos() + QPointF(Width, Height / 2); }

signals:
    void recoverClicked(const Topograph::InstanceKey &key);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintDragFeedback(QPainter *p);

    InstanceKey m_key;
    CardContent m_content;
    QList<EdgeItem *> m_edges;
    bool m_pressOnButton = false;
    DropState m_dropState = DropState::None;
    bool m_promoteZone = false;
};

} // namespace Topograph::Gui
