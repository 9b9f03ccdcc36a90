#pragma once

#include "metricchart.h"
#include "metricshistory.h"

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
QT_END_NAMESPACE

namespace Topograph::Gui {

// The charts dock: replication lag of each replica of the selected cluster and probe latency of
// each of its instances, over the last 5 min to 6 h, following the live snapshots. The history
// of every instance of the fleet is recorded (so switching clusters shows the past at once);
// only the selected cluster is drawn, and only while the panel is visible.
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    // Asks where to save; returns an empty path to cancel. Tests replace the file dialog.
    using FileDialog = std::function<QString(QWidget *parent, const QString &suggestedPath)>;

    explicit ChartsPanel(QWidget *parent = nullptr);

    // Every snapshot from the engine, in order.
    void addSnapshot(const TopologySnapshot &snapshot);
    // Cluster name or alias; the lines change at the next snapshot (at once if one was seen).
    void setCluster(const QString &nameOrAlias);
    QString cluster() const { return m_cluster; }
    // ReasonableReplicationLagSeconds, drawn as a dashed line on the lag chart; 0 hides it.
    void setLagThreshold(int seconds);
    int lagThreshold() const { return m_lagThreshold; }

    static QList<qint64> rangeChoicesMs(); // 5 min, 15 min, 1 h, 6 h
    void setRangeMs(qint64 rangeMs);
    qint64 rangeMs() const { return m_rangeMs; }
    // At most this many points per line whatever the range (older points are merged).
    void setMaxPointsPerLine(int points);

    // Both charts as one PNG, as they are on screen. On failure returns false and sets *error to
    // a sentence naming the file.
    bool exportPng(const QString &path, QString *error = nullptr);
    void setFileDialog(FileDialog dialog) { m_fileDialog = std::move(dialog); }

    const MetricsHistory &history() const { return m_history; }
    MetricChart *lagChart() const { return m_lagChart; }
    MetricChart *probeChart() const { return m_probeChart; }
    QWidget *chartsArea() const;
    QPushButton *exportButton() const { return m_exportButton; }
    QComboBox *rangeBox() const { return m_rangeBox; }
    QString statusText() const;

signals:
    void exported(const QString &path);
    void exportFailed(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void exportInteractively();
    // Members of the selected cluster as lines of each chart, from the last snapshot.
    void lineSpecs(QList<MetricChart::LineSpec> *lag, QList<MetricChart::LineSpec> *probe) const;
    void rebuild();
    void updateTitles();
    void alignLegends();
    void alignPlotAreas();

    MetricsHistory m_history;
    QList<ClusterInfo> m_clusters; // of the last snapshot (an implicitly shared copy)
    QString m_cluster;
    QString m_clusterLabel; // alias (name) as shown in titles
    int m_lagThreshold = 0;
    qint64 m_rangeMs = 15 * 60 * 1000;
    int m_maxPoints = 600;
    bool m_dirty = true; // charts not in step with the history (hidden, or settings changed)

    QComboBox *m_rangeBox;
    QLabel *m_status;
    QPushButton *m_exportButton;
    QSplitter *m_charts;
    MetricChart *m_lagChart;
    MetricChart *m_probeChart;
    FileDialog m_fileDialog;
};

} // namespace Topograph::Gui
