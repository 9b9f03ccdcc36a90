#pragma once

#include "model/instancekey.h"

#include <QGraphicsView>

namespace Topograph::Gui {

class TopologyScene;

// The view turns gestures into view changes (zoom, pan, fit, centre) and never edits items.
// Ctrl+wheel zooms around the pointer; Ctrl++ / Ctrl+- / Ctrl+0 (fit) from the keyboard; dragging
// the background pans.
class TopologyView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TopologyView(TopologyScene *scene, QWidget *parent = nullptr);

    TopologyScene *topologyScene() const { return m_scene; }
    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fit();
    // The first look at a cluster: the whole tree, zoomed out as far as MinReadableZoom and never
    // in past 100%; a tree too big for that shows its master at the left edge, and the rest is a
    // scroll away. Kept up as the viewport settles and the tree grows, until the person zooms,
    // pans or scrolls.
    void showWhole();
    static constexpr qreal MinReadableZoom = 0.7;
    // Selects the instance's card and centres it; false if it is not in the scene.
    bool centreOn(const InstanceKey &key);

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void followPalette();
    void applyShowWhole();
    bool m_showWhole = false;
    TopologyScene *m_scene;
};

} // namespace Topograph::Gui
