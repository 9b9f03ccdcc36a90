#include "chartspanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

namespace Topograph::Gui {

QList<qint64> ChartsPanel::rangeChoicesMs()
{
    return {5 * 60 * 1000, 15 * 60 * 1000, 60 * 60 * 1000, 6 * 60 * 60 * 1000};
}

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent)
    , m_rangeBox(new QComboBox)
    , m_status(new QLabel)
    , m_exportButton(new QPushButton(tr("Export PNG\u2026")))
    , m_charts(new QSplitter(Qt::Vertical))
    , m_lagChart(new MetricChart(MetricsHistory::Metric::Lag))
    , m_probeChart(new MetricChart(MetricsHistory::Metric::ProbeLatency))
{
    setObjectName(QStringLiteral("ChartsPanel"));
    m_rangeBox->setObjectName(QStringLiteral("ChartsRange"));
    m_exportButton->setObjectName(QStringLiteral("ChartsExport"));
    m_charts->setObjectName(QStringLiteral("ChartsArea"));
    const QStringList names{tr("Last 5 minutes"), tr("Last 15 minutes"), tr("Last hour"), tr("Last 6 hours")};
    const QList<qint64> ranges = rangeChoicesMs();
    for (int i = 0; i < ranges.size(); ++i)
        m_rangeBox->addItem(names.at(i), ranges.at(i));
    m_rangeBox->setCurrentIndex(int(ranges.indexOf(m_rangeMs)));
    m_rangeBox->setToolTip(tr("How far back the charts reach. Older points are merged: each point is the worst "
                              "value of its interval, so a spike is never averaged away."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportButton->setToolTip(tr("Save both charts, as shown, to a PNG image"));
    m_lagChart->setToolTip(tr("Seconds_Behind_Master of each replica. A hole means the lag was unknown: "
                              "a replication thread was stopped (the server says NULL) or the server did not answer."));
    m_probeChart->setToolTip(tr("How long one probe of each server took (connection reused). "
                                "A hole means the probe failed."));

    auto *bar = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Range:"));
    rangeLabel->setBuddy(m_rangeBox);
    bar->addWidget(rangeLabel);
    bar->addWidget(m_rangeBox);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_exportButton);
    m_charts->addWidget(m_lagChart);
    m_charts->addWidget(m_probeChart);
    m_charts->setChildrenCollapsible(false);
    // Equal halves, whatever the charts' size hints say; the user may move the handle.
    m_charts->setStretchFactor(0, 1);
    m_charts->setStretchFactor(1, 1);
    m_charts->setSizes({1000, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_charts, 1);

    m_fileDialog = [](QWidget *parent, const QString &suggested) {
        return QFileDialog::getSaveFileName(parent, tr("Export charts as PNG"), suggested, tr("PNG images (*.png)"));
    };
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setRangeMs(m_rangeBox->itemData(index).toLongLong()); });
    connect(m_exportButton, &QPushButton::clicked, this, &ChartsPanel::exportInteractively);
    // Queued: the margins change from inside the chart's own layout pass otherwise.
    for (MetricChart *chart : {m_lagChart, m_probeChart})
        connect(chart, &MetricChart::plotAreaChanged, this, &ChartsPanel::alignPlotAreas, Qt::QueuedConnection);
    updateTitles();
}

QWidget *ChartsPanel::chartsArea() const
{
    return m_charts;
}

QString ChartsPanel::statusText() const
{
    return m_status->text();
}

void ChartsPanel::addSnapshot(const TopologySnapshot &snapshot)
{
    if (!m_history.add(snapshot))
        return;
    m_clusters = snapshot.clusters();
    if (m_cluster.isEmpty() && !m_clusters.isEmpty()) { // nobody chose yet: the first, like the window
        m_cluster = m_clusters.first().name;
        m_dirty = true;
    }
    // A closed dock costs only the recording; the charts catch up when shown.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    QList<MetricChart::LineSpec> lag, probe;
    lineSpecs(&lag, &probe);
    if (m_dirty || lag != m_lagChart->lines() || probe != m_probeChart->lines()) {
        rebuild();
        return;
    }
    const qint64 now = m_history.latestMsecs();
    for (MetricChart *chart : {m_lagChart, m_probeChart}) {
        for (const MetricChart::LineSpec &l : chart->lines()) {
            const InstanceFacts *f = snapshot.instance(l.key);
            const MetricsHistory::Sample s = f ? MetricsHistory::sampleOf(*f) : MetricsHistory::Sample{};
            chart->append(l.key, now, MetricsHistory::valueOf(s, chart->metric()));
        }
        chart->setWindow(now - m_rangeMs, now);
    }
}

void ChartsPanel::lineSpecs(QList<MetricChart::LineSpec> *lag, QList<MetricChart::LineSpec> *probe) const
{
    const ClusterInfo *c = nullptr;
    for (const ClusterInfo &info : m_clusters)
        if (info.name == m_cluster || (!m_cluster.isEmpty() && info.alias == m_cluster))
            c = &info;
    if (!c) {
        // Between a failover that renamed the cluster and the window choosing its new name,
        // keep drawing the same servers rather than blanking the charts.
        *lag = m_lagChart->lines();
        *probe = m_probeChart->lines();
        return;
    }
    for (const InstanceKey &k : c->members) {
        const bool master = k == c->master;
        // A master has no lag to show, unless it replicates from a co-master.
        if (!master || !c->coMasters.isEmpty())
            *lag << MetricChart::LineSpec{k, k.toString()};
        *probe << MetricChart::LineSpec{k, master ? tr("%1 (master)").arg(k.toString()) : k.toString()};
    }
}

void ChartsPanel::rebuild()
{
    QList<MetricChart::LineSpec> lag, probe;
    lineSpecs(&lag, &probe);
    const qint64 now = m_history.latestMsecs() > 0 ? m_history.latestMsecs() : QDateTime::currentMSecsSinceEpoch();
    const qint64 bucket = m_history.displayBucketMs(m_rangeMs, m_maxPoints);
    m_lagChart->rebuild(m_history, lag, now - m_rangeMs, now, bucket);
    m_probeChart->rebuild(m_history, probe, now - m_rangeMs, now, bucket);
    alignLegends();
    m_dirty = false;
    updateTitles();
    m_status->setText(tr("One point per %1 s: the worst value of that interval.").arg(bucket / 1000));
}

void ChartsPanel::updateTitles()
{
    QString label = m_cluster;
    for (const ClusterInfo &c : std::as_const(m_clusters))
        if (c.name == m_cluster || (!m_cluster.isEmpty() && c.alias == m_cluster))
            label = c.alias.isEmpty() ? c.name : tr("%1 (%2)").arg(c.alias, c.name);
    if (label.isEmpty()) {
        m_lagChart->setTitle(tr("Replication lag (no cluster selected)"));
        m_probeChart->setTitle(tr("Probe latency (no cluster selected)"));
        return;
    }
    m_lagChart->setTitle(tr("Replication lag of the replicas of %1").arg(label));
    m_probeChart->setTitle(tr("Probe latency of the instances of %1").arg(label));
}

void ChartsPanel::setCluster(const QString &nameOrAlias)
{
    if (nameOrAlias == m_cluster)
        return;
    m_cluster = nameOrAlias;
    m_dirty = true;
    if (isVisible() && !m_clusters.isEmpty())
        rebuild();
    else
        updateTitles();
}

void ChartsPanel::setLagThreshold(int seconds)
{
    // The window passes the policy's value on every refresh; redraw only when it changes.
    if (qMax(0, seconds) == m_lagThreshold)
        return;
    m_lagThreshold = qMax(0, seconds);
    m_lagChart->setThreshold(m_lagThreshold, tr("ReasonableReplicationLagSeconds (%1 s)").arg(m_lagThreshold));
    alignLegends();
}

void ChartsPanel::alignPlotAreas()
{
    // One above the other, the two time axes must line up to compare a lag spike with the probe
    // latency at the same moment.
    const qreal left = qMax(m_lagChart->naturalPlotLeft(), m_probeChart->naturalPlotLeft());
    m_lagChart->setLeftIndent(qRound(left - m_lagChart->naturalPlotLeft()));
    m_probeChart->setLeftIndent(qRound(left - m_probeChart->naturalPlotLeft()));
}

void ChartsPanel::alignLegends()
{
    const qreal width = qMax(m_lagChart->legendWidthHint(), m_probeChart->legendWidthHint());
    m_lagChart->setLegendWidth(width);
    m_probeChart->setLegendWidth(width);
}

void ChartsPanel::setRangeMs(qint64 rangeMs)
{
    if (rangeMs <= 0 || rangeMs == m_rangeMs)
        return;
    m_rangeMs = rangeMs;
    const int index = m_rangeBox->findData(rangeMs);
    if (index >= 0 && index != m_rangeBox->currentIndex()) {
        const QSignalBlocker block(m_rangeBox);
        m_rangeBox->setCurrentIndex(index);
    }
    m_dirty = true;
    if (isVisible())
        rebuild();
}

void ChartsPanel::setMaxPointsPerLine(int points)
{
    m_maxPoints = qMax(10, points);
    m_dirty = true;
    if (isVisible())
        rebuild();
}

void ChartsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        rebuild();
}

bool ChartsPanel::exportPng(const QString &path, QString *error)
{
    // grab() paints the charts as they are, also when the dock is hidden or off screen.
    if (m_dirty)
        rebuild();
    const QPixmap pixmap = m_charts->grab();
    QImageWriter writer(path, "png");
    if (pixmap.isNull() || !writer.write(pixmap.toImage())) {
        const QString reason = pixmap.isNull() ? tr("the charts have no size (is the dock collapsed?)") : writer.errorString();
        const QString message = tr("Could not save the charts to %1: %2.").arg(QDir::toNativeSeparators(path), reason);
        if (error)
            *error = message;
        return false;
    }
    return true;
}

void ChartsPanel::exportInteractively()
{
    QString name = m_cluster;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    const QString suggested = QDir::home().filePath(QStringLiteral("topograph-charts-%1-%2.png")
                                                        .arg(name.isEmpty() ? QStringLiteral("fleet") : name,
                                                             QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    const QString path = m_fileDialog ? m_fileDialog(this, suggested) : QString();
    if (path.isEmpty())
        return;
    QString error;
    if (exportPng(path, &error)) {
        m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        emit exported(path);
    } else {
        m_status->setText(error);
        emit exportFailed(error);
    }
}

} // namespace Topograph::Gui
