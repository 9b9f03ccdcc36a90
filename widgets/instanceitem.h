#pragma once

#include "cardcontent.h"

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

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    void addEdge(EdgeItem *edge);
    void removeEdge(EdgeItem *edge);
    // The Recover button's rectangle in item coordinates (empty when not recoverable).
    QRectF recoverButtonRect() const;

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
    InstanceKey m_key;
    CardContent m_content;
    QList<EdgeItem *> m_edges;
    bool m_pressOnButton = false;
};

} // namespace Topograph::Gui
