#include "topologyview.h"

#include "instanceitem.h"
#include "topologyscene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

namespace Topograph::Gui {

static constexpr qreal MinZoom = 0.1, MaxZoom = 3.0;

TopologyView::TopologyView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("TopologyView"));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    followPalette();
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &QGraphicsScene::sceneRectChanged, this, &TopologyView::applyShowWhole);
    // actionTriggered comes from the person only (dragging, clicking the bar), not from setValue.
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QScrollBar::actionTriggered, this, [this] { m_showWhole = false; });
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::setZoom(qreal z)
{
    z = qBound(MinZoom, z, MaxZoom);
    if (qFuzzyCompare(z, zoom()))
        return;
    setTransform(QTransform::fromScale(z, z));
    emit zoomChanged(z);
}

void TopologyView::zoomIn()
{
    m_showWhole = false;
    setZoom(zoom() * 1.2);
}

void TopologyView::zoomOut()
{
    m_showWhole = false;
    setZoom(zoom() / 1.2);
}

void TopologyView::showWhole()
{
    m_showWhole = true;
    applyShowWhole();
}

void TopologyView::applyShowWhole()
{
    const QRectF r = sceneRect();
    const QSize room = viewport()->size();
    if (!m_showWhole || r.isEmpty() || room.width() < 50 || room.height() < 50)
        return;
    setZoom(qBound(MinReadableZoom, qMin(room.width() / r.width(), room.height() / r.height()), 1.0));
    // Too big to fit: the master (the root, at the left, half way down its subtree) at the left
    // edge, the tree continuing to the right and below.
    const qreal halfWidth = room.width() / zoom() / 2;
    const InstanceItem *root = m_scene->itemFor(m_scene->rootKey());
    const qreal y = root ? root->sceneBoundingRect().center().y() : r.top();
    centerOn(QPointF(r.left() + halfWidth, y));
}

void TopologyView::fit()
{
    m_showWhole = false;
    if (sceneRect().isEmpty())
        return;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    // Fitting never magnifies beyond 100%: a three-card cluster should not fill the screen.
    setZoom(qMin(zoom(), 1.0));
    emit zoomChanged(zoom());
}

bool TopologyView::centreOn(const InstanceKey &key)
{
    InstanceItem *item = m_scene->itemFor(key);
    if (!item)
        return false;
    m_scene->select(key);
    centerOn(item);
    return true;
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    m_showWhole = false;
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    m_showWhole = false; // a pan, a drag or a click: the person has taken over
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    applyShowWhole();
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    m_showWhole = false;
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return;
        case Qt::Key_Minus:
            zoomOut();
            return;
        case Qt::Key_0:
            fit();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        followPalette();
    QGraphicsView::changeEvent(event);
}

void TopologyView::followPalette()
{
    // The cards stay light (their state colours are chosen for it); the canvas around them
    // follows the light or dark scheme.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_scene->setBackgroundBrush(dark ? QColor(0x23, 0x25, 0x29) : QColor(0xf4, 0xf5, 0xf7));
}

} // namespace Topograph::Gui
