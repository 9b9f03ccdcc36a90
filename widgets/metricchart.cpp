#include "metricchart.h"

#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Topograph::Gui {

namespace {

// Ten colours that stay apart on white, then hues spread by the golden angle. Pens stay solid:
// a dashed line costs several times more to draw, and the tooltip names a line anyway.
QColor lineColor(int n)
{
    static const QList<QColor> colors{
        QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
        QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22),
        QColor(0x7f, 0x7f, 0x7f), QColor(0x39, 0x3b, 0x79)};
    if (n < colors.size())
        return colors.at(n);
    return QColor::fromHsv(int((n * 137.508)) % 360, 200, n % 2 ? 170 : 220);
}

// 1, 2 or 5 times a power of ten, at least v.
double niceStep(double v)
{
    if (v <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= v)
            return m * magnitude;
    return 10 * magnitude;
}

} // namespace

MetricChart::MetricChart(MetricsHistory::Metric metric, QWidget *parent)
    : QChartView(parent)
    , m_metric(metric)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
{
    setObjectName(metric == MetricsHistory::Metric::Lag ? QStringLiteral("LagChart") : QStringLiteral("ProbeChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    QChart *c = chart();
    // Animations would replay the whole line every second.
    c->setAnimationOptions(QChart::NoAnimation);
    c->setMargins(QMargins(baseMargin, baseMargin, baseMargin, baseMargin));
    c->legend()->setAlignment(Qt::AlignRight);
    c->legend()->setShowToolTips(true);
    QFont titleFont = c->titleFont();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    m_timeAxis->setTitleText(tr("Local time"));
    m_valueAxis->setTitleText(metric == MetricsHistory::Metric::Lag ? tr("Seconds behind master") : tr("Probe time (ms)"));
    m_valueAxis->setMin(0);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    // Read the indent the layout actually used now, not later: by the time a queued handler
    // runs, setLeftIndent() may have changed the margins without a new layout yet.
    connect(c, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        m_naturalPlotLeft = area.left() - (chart()->margins().left() - baseMargin);
        emit plotAreaChanged();
    });
    setWindow(0, 1000);
    applyPalette();
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void MetricChart::applyPalette()
{
    // Follow the window's light or dark palette without QChart::setTheme(), which would also
    // reset the lines' own pens and colours.
    const QPalette p = palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundPen(QPen(p.color(QPalette::Mid)));
    c->setTitleBrush(p.color(QPalette::Text));
    c->legend()->setLabelColor(p.color(QPalette::Text));
    QColor grid = p.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
    setBackgroundBrush(p.color(QPalette::Window));
}

void MetricChart::setTitle(const QString &title)
{
    m_title = title;
    updateTitle();
}

void MetricChart::updateTitle()
{
    chart()->setTitle(m_compactLegend ? tr("%1<br><small>%n lines: point at one to name it</small>", "", int(m_lines.size())).arg(m_title.toHtmlEscaped())
                                      : m_title);
}

QString MetricChart::valueText(double value) const
{
    return m_metric == MetricsHistory::Metric::Lag ? tr("%1 s behind").arg(value, 0, 'f', 0)
                                                   : tr("%1 ms").arg(value, 0, 'f', 1);
}

void MetricChart::clearLines()
{
    m_staged.clear();
    for (Line &l : m_lines) {
        for (QLineSeries *s : std::as_const(l.segments)) {
            chart()->removeSeries(s);
            delete s;
        }
        chart()->removeSeries(l.anchor);
        delete l.anchor;
    }
    m_lines.clear();
    m_index.clear();
}

MetricChart::Line &MetricChart::addLine(const LineSpec &spec)
{
    Line l;
    l.spec = spec;
    const int n = int(m_lines.size());
    l.pen = QPen(lineColor(n), 2);
    // A cosmetic pen is drawn by the raster engine's fast path instead of being stroked into a
    // polygon first: the same picture at this scale, several times cheaper each second.
    l.pen.setCosmetic(true);
    l.anchor = new QLineSeries;
    l.anchor->setName(spec.label);
    l.anchor->setPen(l.pen);
    chart()->addSeries(l.anchor);
    l.anchor->attachAxis(m_timeAxis);
    l.anchor->attachAxis(m_valueAxis);
    m_index.insert(spec.key, n);
    m_lines << l;
    return m_lines.last();
}

QLineSeries *MetricChart::newSegment(Line &line)
{
    auto *s = new QLineSeries;
    s->setName(line.spec.label);
    s->setPen(line.pen);
    s->setMarkerSize(6);
    chart()->addSeries(s);
    s->attachAxis(m_timeAxis);
    s->attachAxis(m_valueAxis);
    for (QLegendMarker *m : chart()->legend()->markers(s))
        m->setVisible(false);
    const InstanceKey key = line.spec.key;
    connect(s, &QLineSeries::hovered, this, [this, key](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        if (const auto it = m_index.constFind(key); it != m_index.cend())
            showToolTip(m_lines.at(*it), point);
    });
    line.segments << s;
    line.open = true;
    return s;
}

void MetricChart::showToolTip(const Line &line, const QPointF &point)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    QToolTip::showText(QCursor::pos(), tr("%1\n%2 at %3").arg(line.spec.label, valueText(point.y()), when), this);
}

void MetricChart::rebuild(const MetricsHistory &history, const QList<LineSpec> &lines, qint64 fromMs, qint64 toMs,
                          qint64 bucketMs)
{
    clearLines();
    m_bucketMs = qMax<qint64>(1, bucketMs);
    for (const LineSpec &spec : lines) {
        Line &l = addLine(spec);
        const QList<MetricsHistory::Point> pts = history.series(spec.key, m_metric, fromMs, toMs, m_bucketMs);
        QList<QPointF> stretch;
        auto flush = [&] {
            if (!stretch.isEmpty())
                setPoints(newSegment(l), stretch);
            stretch.clear();
        };
        for (qsizetype i = 0; i < pts.size(); ++i) {
            const MetricsHistory::Point &p = pts.at(i);
            if (!p.isGap()) {
                stretch << QPointF(double(p.msecs), p.value);
                continue;
            }
            flush();
            l.open = false;
            // A gap in the newest bucket may still be filled by a sample of the same bucket
            // (the bucket then has a value and is no gap): keep the line open, as append()
            // does, so that incremental updates and a rebuild draw the same thing.
            if (i == pts.size() - 1) {
                l.open = !l.segments.isEmpty();
                l.bucket = MetricsHistory::bucketOf(p.msecs, m_bucketMs);
                l.bucketHasGap = true;
            }
        }
        flush();
        if (!pts.isEmpty() && !pts.constLast().isGap()) {
            l.bucket = MetricsHistory::bucketOf(pts.constLast().msecs, m_bucketMs);
            l.bucketHasValue = true;
        }
    }
    // Beyond a dozen entries the legend no longer fits beside the chart and Qt Charts cuts it
    // off: the lines are named by their tooltips instead.
    m_compactLegend = m_lines.size() > maxLegendLines;
    for (const Line &l : std::as_const(m_lines))
        for (QLegendMarker *m : chart()->legend()->markers(l.anchor))
            m->setVisible(!m_compactLegend);
    updateTitle();
    if (m_thresholdSeries) // keep the threshold last in the legend
        setThreshold(m_threshold, m_thresholdSeries->name());
    setWindow(fromMs, toMs);
}

QList<MetricChart::LineSpec> MetricChart::lines() const
{
    QList<LineSpec> out;
    for (const Line &l : m_lines)
        out << l.spec;
    return out;
}

void MetricChart::append(const InstanceKey &key, qint64 msecs, double value)
{
    const auto it = m_index.constFind(key);
    if (it == m_index.cend())
        return;
    Line &l = m_lines[*it];
    const qint64 b = MetricsHistory::bucketOf(msecs, m_bucketMs);
    if (b != l.bucket) {
        // A bucket that knew no value is a hole; one that had a value and a gap is not
        // (MetricsHistory::downsample keeps the worst known value).
        if (l.bucketHasGap && !l.bucketHasValue)
            l.open = false;
        l.bucket = b;
        l.bucketHasValue = l.bucketHasGap = false;
    }
    if (std::isnan(value)) {
        l.bucketHasGap = true;
        return;
    }
    const QPointF point(double(b * m_bucketMs), value);
    QLineSeries *last = l.segments.isEmpty() ? nullptr : l.segments.last();
    if (l.bucketHasValue && last && !pointsOf(last).isEmpty()) {
        if (value > pointsOf(last).constLast().y())
            staged(last).last() = point;
        return;
    }
    if (!l.open || !last)
        last = newSegment(l);
    staged(last) << point;
    l.bucketHasValue = true;
}

// Qt Charts recomputes a series' whole path (and the stroke used for hovering) on every change
// of it, and again whenever the time axis moves. Changes of one update are therefore collected
// per series and handed over once, so each series is recomputed twice a second, not four times.
QList<QPointF> &MetricChart::staged(QLineSeries *series)
{
    auto it = m_staged.find(series);
    if (it == m_staged.end())
        it = m_staged.insert(series, series->points());
    return *it;
}

QList<QPointF> MetricChart::pointsOf(const QLineSeries *series) const
{
    const auto it = m_staged.constFind(const_cast<QLineSeries *>(series));
    return it != m_staged.cend() ? *it : series->points();
}

void MetricChart::commit()
{
    for (auto it = m_staged.cbegin(); it != m_staged.cend(); ++it)
        setPoints(it.key(), it.value());
    m_staged.clear();
}

void MetricChart::setPoints(QLineSeries *series, const QList<QPointF> &points)
{
    series->replace(points);
    // A stretch of one point (a value between two holes) has no line to draw: show it as a dot.
    const bool lone = points.size() == 1;
    if (series->pointsVisible() != lone)
        series->setPointsVisible(lone);
}

void MetricChart::trim(Line &line, qint64 fromMs)
{
    while (!line.segments.isEmpty()) {
        QLineSeries *s = line.segments.first();
        const QList<QPointF> pts = pointsOf(s);
        const auto cut = std::lower_bound(pts.cbegin(), pts.cend(), double(fromMs),
                                          [](const QPointF &p, double x) { return p.x() < x; });
        const int n = int(cut - pts.cbegin());
        if (n < pts.size()) {
            if (n > 0)
                staged(s).remove(0, n);
            return;
        }
        m_staged.remove(s);
        chart()->removeSeries(s);
        delete s;
        line.segments.removeFirst();
        if (line.segments.isEmpty())
            line.open = false;
    }
}

void MetricChart::setWindow(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = qMax(toMs, fromMs + 1);
    for (Line &l : m_lines)
        trim(l, fromMs);
    commit();
    const qint64 range = m_toMs - m_fromMs;
    // Setters are guarded: each real change of an axis recomputes every series.
    const QString format = range <= 30 * 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    if (m_timeAxis->format() != format)
        m_timeAxis->setFormat(format);
    // QDateTimeAxis spaces its ticks evenly over the range: pick a count that makes the spacing
    // a round duration (1 min over 5 min, 10 min over 1 h), so the labels read like a clock.
    int ticks = 6;
    for (qint64 step : {1, 2, 5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 10800, 21600}) {
        const qint64 stepMs = step * 1000;
        if (range % stepMs == 0 && range / stepMs >= 4 && range / stepMs <= 8) {
            ticks = int(range / stepMs) + 1;
            break;
        }
    }
    if (m_timeAxis->tickCount() != ticks)
        m_timeAxis->setTickCount(ticks);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(m_toMs));
    if (m_thresholdSeries)
        m_thresholdSeries->replace({QPointF(double(m_fromMs), m_threshold), QPointF(double(m_toMs), m_threshold)});
    rescale();
}

void MetricChart::rescale()
{
    double top = 0;
    for (const Line &l : std::as_const(m_lines))
        for (const QLineSeries *s : l.segments)
            for (const QPointF &p : s->points())
                top = qMax(top, p.y());
    // The threshold stays in view with some room above, so "how far from the limit" is readable
    // even when every replica is at zero.
    top = qMax(top, m_threshold * 1.2);
    if (m_metric == MetricsHistory::Metric::Lag)
        top = qMax(top, 1.0);
    else
        top = qMax(top, 0.5);
    const double step = niceStep(top / 5);
    const double max = std::ceil(top / step) * step;
    if (m_valueAxis->min() != 0 || m_valueAxis->max() != max)
        m_valueAxis->setRange(0, max);
    const int ticks = int(std::lround(max / step)) + 1;
    if (m_valueAxis->tickCount() != ticks)
        m_valueAxis->setTickCount(ticks);
    const QString format = step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f");
    if (m_valueAxis->labelFormat() != format)
        m_valueAxis->setLabelFormat(format);
}

void MetricChart::setThreshold(double value, const QString &legendLabel)
{
    m_threshold = qMax(0.0, value);
    if (m_thresholdSeries) {
        chart()->removeSeries(m_thresholdSeries);
        delete m_thresholdSeries;
        m_thresholdSeries = nullptr;
    }
    if (m_threshold > 0) {
        m_thresholdSeries = new QLineSeries;
        m_thresholdSeries->setObjectName(QStringLiteral("Threshold"));
        m_thresholdSeries->setName(legendLabel);
        m_thresholdSeries->setPen(QPen(QColor(0xd6, 0x27, 0x28), 1.5, Qt::DashLine));
        chart()->addSeries(m_thresholdSeries);
        m_thresholdSeries->attachAxis(m_timeAxis);
        m_thresholdSeries->attachAxis(m_valueAxis);
        m_thresholdSeries->replace({QPointF(double(m_fromMs), m_threshold), QPointF(double(m_toMs), m_threshold)});
    }
    rescale();
}

QList<QPointF> MetricChart::points(const InstanceKey &key) const
{
    QList<QPointF> out;
    const auto it = m_index.constFind(key);
    if (it == m_index.cend())
        return out;
    for (const QLineSeries *s : m_lines.at(*it).segments) {
        if (!out.isEmpty())
            out << QPointF(out.constLast().x(), std::nan(""));
        out << pointsOf(s);
    }
    return out;
}

int MetricChart::segmentCount(const InstanceKey &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? 0 : int(m_lines.at(*it).segments.size());
}

int MetricChart::pointCount() const
{
    int n = 0;
    for (const Line &l : m_lines)
        for (const QLineSeries *s : l.segments)
            n += int(pointsOf(s).size());
    return n;
}

QStringList MetricChart::legendLabels() const
{
    // By series rather than QLegendMarker::isVisible(), which stays false until the legend has
    // been laid out once.
    QSet<const QAbstractSeries *> named{m_thresholdSeries};
    if (!m_compactLegend)
        for (const Line &l : m_lines)
            named.insert(l.anchor);
    QStringList out;
    for (QLegendMarker *m : chart()->legend()->markers())
        if (named.contains(m->series()))
            out << m->label();
    return out;
}

qreal MetricChart::legendWidthHint() const
{
    const QFontMetricsF metrics(chart()->legend()->font());
    qreal widest = 0;
    for (const QString &label : legendLabels())
        widest = qMax(widest, metrics.horizontalAdvance(label));
    return widest > 0 ? widest + 2 * metrics.height() + 16 : 0; // marker, spacing, margins
}

void MetricChart::setLegendWidth(qreal width)
{
    QLegend *legend = chart()->legend();
    legend->setMinimumWidth(width);
    legend->setMaximumWidth(width);
}

qreal MetricChart::naturalPlotLeft() const
{
    return m_naturalPlotLeft;
}

void MetricChart::setLeftIndent(int pixels)
{
    if (pixels == m_leftIndent)
        return;
    m_leftIndent = pixels;
    chart()->setMargins(QMargins(baseMargin + pixels, baseMargin, baseMargin, baseMargin));
}

QColor MetricChart::color(const InstanceKey &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? QColor() : m_lines.at(*it).pen.color();
}

} // namespace Topograph::Gui
