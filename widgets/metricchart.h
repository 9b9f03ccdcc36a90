#pragma once

#include "metricshistory.h"

#include <QChartView>
#include <QPen>

QT_BEGIN_NAMESPACE
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace Topograph::Gui {

// One metric (lag or probe latency) of a few instances over a sliding time window: one line per
// instance, drawn as one QLineSeries per unbroken stretch, because Qt Charts cannot leave a hole
// in a series and an unknown value must show as a hole, not as zero. An empty series per
// instance carries its legend entry, so the legend does not change when stretches come and go.
//
// Points are merged into epoch-aligned buckets (MetricsHistory::downsample), at most
// range / bucket per line; a new sample either replaces the last point (same bucket) or appends
// one, and the window slides by cutting points off the front: nothing is redrawn from scratch
// each second.
class MetricChart : public QChartView
{
    Q_OBJECT
public:
    struct LineSpec
    {
        InstanceKey key;
        QString label;
        friend bool operator==(const LineSpec &, const LineSpec &) = default;
    };

    // More lines than this and the legend names only the threshold; tooltips name the lines.
    static constexpr int maxLegendLines = 12;
    static constexpr int baseMargin = 4;

    explicit MetricChart(MetricsHistory::Metric metric, QWidget *parent = nullptr);

    MetricsHistory::Metric metric() const { return m_metric; }
    void setTitle(const QString &title);

    // Replaces every line with these, filled from history over [fromMs, toMs].
    void rebuild(const MetricsHistory &history, const QList<LineSpec> &lines, qint64 fromMs, qint64 toMs,
                 qint64 bucketMs);
    QList<LineSpec> lines() const;
    // The newest sample of one line (NaN: unknown). Samples come in time order; they reach the
    // screen with the next setWindow().
    void append(const InstanceKey &key, qint64 msecs, double value);
    // Slides the time axis, drops points left of it, rescales the value axis.
    void setWindow(qint64 fromMs, qint64 toMs);
    // A dashed horizontal line at value (none when value <= 0), named in the legend.
    void setThreshold(double value, const QString &legendLabel);
    double threshold() const { return m_threshold; }

    // Charts stacked over each other share one legend width, so that their time axes line up.
    qreal legendWidthHint() const;
    void setLegendWidth(qreal width);
    // Where the plot area would start without setLeftIndent(), and extra room left of it: the
    // value axes' labels differ in width ("0.5" against "120").
    qreal naturalPlotLeft() const;
    void setLeftIndent(int pixels);

    // For tests and tooltips. points() joins the stretches with a NaN point between them.
    QList<QPointF> points(const InstanceKey &key) const;
    int segmentCount(const InstanceKey &key) const;
    int pointCount() const; // every point of every line
    QStringList legendLabels() const; // the legend's entries (instances, threshold), in order
    QColor color(const InstanceKey &key) const;
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }

signals:
    void plotAreaChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    struct Line
    {
        LineSpec spec;
        QPen pen;
        QLineSeries *anchor = nullptr;   // empty; its legend marker names the instance
        QList<QLineSeries *> segments;   // oldest first
        bool open = false;               // the last segment takes the next point
        qint64 bucket = std::numeric_limits<qint64>::min(); // of the newest sample
        bool bucketHasValue = false;
        bool bucketHasGap = false;
    };

    void clearLines();
    void updateTitle();
    Line &addLine(const LineSpec &spec);
    QLineSeries *newSegment(Line &line);
    void trim(Line &line, qint64 fromMs);
    QList<QPointF> &staged(QLineSeries *series);
    QList<QPointF> pointsOf(const QLineSeries *series) const;
    void commit();
    void setPoints(QLineSeries *series, const QList<QPointF> &points);
    void rescale();
    void showToolTip(const Line &line, const QPointF &point);
    QString valueText(double value) const;

    MetricsHistory::Metric m_metric;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLineSeries *m_thresholdSeries = nullptr;
    double m_threshold = 0;
    QString m_title;
    bool m_compactLegend = false;
    int m_leftIndent = 0;
    qreal m_naturalPlotLeft = 0;
    QList<Line> m_lines;
    QHash<InstanceKey, int> m_index; // key -> m_lines index
    QHash<QLineSeries *, QList<QPointF>> m_staged; // points of series changed since the last commit()
    qint64 m_bucketMs = 1000;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace Topograph::Gui
