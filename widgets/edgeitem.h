#pragma once

#include <QGraphicsPathItem>

namespace Topograph::Gui {

class InstanceItem;

// A replication link. Kinds are drawn distinctly (not only by colour): the default connection is
// a solid arrow, a multi-source connection a dotted arrow labelled with its channel, a co-master
// pair a double line with arrows at both ends; a connection that is not replicating is dashed red.
class EdgeItem : public QGraphicsPathItem
{
public:
    enum Kind { Primary, MultiSource, CoMaster };
    EdgeItem(InstanceItem *source, InstanceItem *replica, Kind kind);
    ~EdgeItem() override;

    InstanceItem *source() const { return m_source; }
    InstanceItem *replica() const { return m_replica; }
    Kind kind() const { return m_kind; }
    void setBroken(bool broken);
    bool broken() const { return m_broken; }
    void setLabel(const QString &label);
    void adjust();

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    InstanceItem *m_source;
    InstanceItem *m_replica;
    Kind m_kind;
    bool m_broken = false;
    QString m_label;
    QPointF m_arrowTip;
    qreal m_arrowAngle = 0;
};

} // namespace Topograph::Gui
