// The charts dock. On synthetic snapshots: incremental updates draw exactly what a rebuild from
// the history draws, within the point cap, and the legend names the instances. On a real MariaDB
// sandbox (a>b, a>c): a replica delayed with MASTER_DELAY while the master takes writes shows
// growing lag while its sibling stays at zero, a stopped SQL thread is a hole in the line, every
// server has probe latency points, and the export is a real PNG of the charts.
#include "guitest.h"
#include "chartspanel.h"
#include "fleet.h"
#include "sandbox.h"
#include "syntheticfleet.h"

#include <QComboBox>
#include <QDateTimeAxis>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QLegendMarker>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using Topograph::Test::saveArtifact;

using namespace Topograph;
using namespace Topograph::Gui;
using Topograph::Test::Sandbox;

namespace {

const qint64 T0 = 1'700'000'000'000;

// Snapshot i of a>b,a>c,a>d: b's lag ramps up and down, c's SQL thread stops now and then
// (NULL lag), d is unreachable for a while; snapshots about a second apart, irregularly.
TopologySnapshotPtr syntheticTick(int i, qint64 *msecs)
{
    *msecs += 1000 + ((i * 7919) % 700) - 350;
    TopologySnapshot::Input in;
    in.takenAt = QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC);
    in.sequence = i;
    for (const char *name : {"a", "b", "c", "d"}) {
        InstanceFacts f = Test::syntheticInstance(QString::fromLatin1(name), name[0] == 'a' ? QString() : QStringLiteral("a"));
        f.probeMicros = 800 + (i * 37 + name[0]) % 1500;
        if (name[0] == 'b')
            f.channels[0].secondsBehindMaster = (i % 120) < 60 ? i % 60 : 60 - i % 60;
        if (name[0] == 'c' && (i / 13) % 4 == 1)
            f.channels[0].secondsBehindMaster.reset();
        if (name[0] == 'd' && (i / 50) % 3 == 2) {
            f.reachable = false;
            f.lastError = ProbeError::Timeout;
        }
        in.instances << f;
    }
    return TopologySnapshot::build(in);
}

QString dump(const QList<QPointF> &points)
{
    QStringList out;
    for (const QPointF &p : points)
        out << (std::isnan(p.y()) ? QStringLiteral("|") : QStringLiteral("%1:%2").arg(qint64(p.x()) - T0).arg(p.y()));
    return out.join(QLatin1Char(' '));
}

double maxOf(const QList<QPointF> &points)
{
    double m = -1;
    for (const QPointF &p : points)
        if (!std::isnan(p.y()))
            m = qMax(m, p.y());
    return m;
}

int valuesOf(const QList<QPointF> &points)
{
    int n = 0;
    for (const QPointF &p : points)
        n += std::isnan(p.y()) ? 0 : 1;
    return n;
}

} // namespace

class tst_Charts : public QObject
{
    Q_OBJECT
private slots:
    void incrementalMatchesRebuild_data();
    void incrementalMatchesRebuild();
    void legendAndThreshold();
    void lagOfADelayedReplicaOnARealSandbox();
};

void tst_Charts::incrementalMatchesRebuild_data()
{
    QTest::addColumn<qint64>("rangeMs");
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<int>("snapshots");
    QTest::newRow("5 min, one point a second") << qint64(5 * 60'000) << 600 << 500;
    QTest::newRow("15 min, 2 s buckets") << qint64(15 * 60'000) << 600 << 1200;
    QTest::newRow("5 min, capped to 30 points (10 s buckets)") << qint64(5 * 60'000) << 30 << 700;
}

void tst_Charts::incrementalMatchesRebuild()
{
    QFETCH(qint64, rangeMs);
    QFETCH(int, maxPoints);
    QFETCH(int, snapshots);
    ChartsPanel panel;
    panel.resize(900, 600);
    panel.setRangeMs(rangeMs);
    panel.setMaxPointsPerLine(maxPoints);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    qint64 t = T0;
    for (int i = 0; i < snapshots; ++i)
        panel.addSnapshot(*syntheticTick(i, &t));
    QCOMPARE(panel.cluster(), QStringLiteral("a:3306"));

    const qint64 bucket = panel.history().displayBucketMs(rangeMs, maxPoints);
    QMap<QString, QString> incremental;
    int segmentsOfC = 0;
    for (MetricChart *chart : {panel.lagChart(), panel.probeChart()}) {
        QVERIFY(!chart->lines().isEmpty());
        for (const MetricChart::LineSpec &l : chart->lines()) {
            const QList<QPointF> pts = chart->points(l.key);
            incremental.insert(chart->objectName() + l.label, dump(pts));
            // The cap: one point per bucket of the range, plus the partial bucket at the end.
            QVERIFY2(valuesOf(pts) <= rangeMs / bucket + 1, qPrintable(l.label));
            QVERIFY2(valuesOf(pts) > 0, qPrintable(l.label));
            for (const QPointF &p : pts)
                QVERIFY(qint64(p.x()) >= t - rangeMs && qint64(p.x()) <= t);
        }
        if (chart == panel.lagChart())
            segmentsOfC = chart->segmentCount(InstanceKey(QStringLiteral("c"), 3306));
    }
    // c's SQL thread stopped several times inside the window: several stretches.
    QVERIFY2(segmentsOfC >= 2, qPrintable(QString::number(segmentsOfC)));
    // The master has no lag line.
    QVERIFY(panel.lagChart()->points(InstanceKey(QStringLiteral("a"), 3306)).isEmpty());
    QCOMPARE(panel.lagChart()->lines().size(), 3);
    QCOMPARE(panel.probeChart()->lines().size(), 4);

    // Redraw from the history (what a range change does) and compare, line by line.
    panel.setMaxPointsPerLine(maxPoints + 1);
    panel.setMaxPointsPerLine(maxPoints);
    for (MetricChart *chart : {panel.lagChart(), panel.probeChart()})
        for (const MetricChart::LineSpec &l : chart->lines())
            QCOMPARE(dump(chart->points(l.key)), incremental.value(chart->objectName() + l.label));

    // And the two keep agreeing as more snapshots come.
    for (int i = snapshots; i < snapshots + 90; ++i)
        panel.addSnapshot(*syntheticTick(i, &t));
    QMap<QString, QString> later;
    for (MetricChart *chart : {panel.lagChart(), panel.probeChart()})
        for (const MetricChart::LineSpec &l : chart->lines())
            later.insert(chart->objectName() + l.label, dump(chart->points(l.key)));
    panel.setRangeMs(rangeMs * 2);
    panel.setRangeMs(rangeMs);
    for (MetricChart *chart : {panel.lagChart(), panel.probeChart()})
        for (const MetricChart::LineSpec &l : chart->lines())
            QCOMPARE(dump(chart->points(l.key)), later.value(chart->objectName() + l.label));
    QCOMPARE(panel.lagChart()->timeAxis()->max().toMSecsSinceEpoch(), t);
    QCOMPARE(panel.lagChart()->timeAxis()->min().toMSecsSinceEpoch(), t - rangeMs);
}

void tst_Charts::legendAndThreshold()
{
    ChartsPanel panel;
    panel.resize(900, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    TopologySnapshot::Input in;
    in.instances << Test::syntheticInstance(QStringLiteral("m")) << Test::syntheticInstance(QStringLiteral("r1"), QStringLiteral("m"))
                 << Test::syntheticInstance(QStringLiteral("other")) << Test::syntheticInstance(QStringLiteral("r2"), QStringLiteral("other"));
    in.aliases.insert(QStringLiteral("m:3306"), QStringLiteral("billing"));
    panel.setCluster(QStringLiteral("billing"));
    panel.setLagThreshold(10);
    panel.addSnapshot(*TopologySnapshot::build(in));
    QTest::qWait(50);
    QCOMPARE(panel.lagChart()->legendLabels(),
             QStringList({QStringLiteral("r1:3306"), QStringLiteral("ReasonableReplicationLagSeconds (10 s)")}));
    QCOMPARE(panel.probeChart()->legendLabels(), QStringList({QStringLiteral("m:3306 (master)"), QStringLiteral("r1:3306")}));
    QVERIFY(panel.lagChart()->chart()->title().contains(QStringLiteral("billing (m:3306)")));
    // Once laid out, the legend shows exactly those entries: the markers of the stretches are
    // hidden.
    QStringList shown;
    for (QLegendMarker *m : panel.lagChart()->chart()->legend()->markers())
        if (m->isVisible())
            shown << m->label();
    QCOMPARE(shown, panel.lagChart()->legendLabels());
    QCOMPARE(panel.lagChart()->segmentCount(InstanceKey(QStringLiteral("r1"), 3306)), 1);
    // The threshold stays in view even when nobody lags.
    QVERIFY(panel.lagChart()->valueAxis()->max() >= 10);
    panel.setLagThreshold(0);
    QCOMPARE(panel.lagChart()->legendLabels(), QStringList({QStringLiteral("r1:3306")}));
    QVERIFY(panel.lagChart()->valueAxis()->max() < 10);

    // Another cluster, by name: its own members only.
    panel.setCluster(QStringLiteral("other:3306"));
    QCOMPARE(panel.probeChart()->legendLabels(), QStringList({QStringLiteral("other:3306 (master)"), QStringLiteral("r2:3306")}));

    // 20 replicas do not fit in a legend: only the threshold is named there, the title says how
    // to name a line, and both charts still line up.
    panel.setLagThreshold(10);
    QStringList spec;
    for (int i = 0; i < 20; ++i)
        spec << QStringLiteral("big>big%1").arg(i);
    TopologySnapshotPtr big = Test::syntheticSnapshot(spec.join(QLatin1Char(',')));
    panel.setCluster(QStringLiteral("big:3306"));
    panel.addSnapshot(*big);
    QCOMPARE(panel.lagChart()->lines().size(), 20);
    QCOMPARE(panel.lagChart()->legendLabels(), QStringList({QStringLiteral("ReasonableReplicationLagSeconds (10 s)")}));
    QVERIFY(panel.probeChart()->legendLabels().isEmpty());
    QVERIFY(panel.lagChart()->chart()->title().contains(QStringLiteral("20 lines")));
    QTRY_VERIFY(std::abs(panel.lagChart()->chart()->plotArea().left() - panel.probeChart()->chart()->plotArea().left()) <= 1);
    QVERIFY(std::abs(panel.lagChart()->chart()->plotArea().right() - panel.probeChart()->chart()->plotArea().right()) <= 1);
    saveArtifact(panel, QStringLiteral("charts-20-replicas.png"));
}

void tst_Charts::lagOfADelayedReplicaOnARealSandbox()
{
    Sandbox sb(QStringLiteral("a>b,a>c"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    bool ok = false;
    sb.sql(QStringLiteral("a"), QStringLiteral("CREATE TABLE app.ticks (id INT AUTO_INCREMENT PRIMARY KEY, at DATETIME(3))"), &ok);
    QVERIFY(ok);
    // MASTER_DELAY holds each event back on b: Seconds_Behind_Master grows with every second the
    // oldest waiting write ages (measured on MariaDB 10.11; a read lock on b does not block the
    // replication SQL thread's row events reliably enough).
    sb.sql(QStringLiteral("b"), QStringLiteral("STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=60; START SLAVE"), &ok);
    QVERIFY(ok);

    Test::KnownFleet fleet(sb);
    const InstanceKey a = Test::keyOf(sb, QStringLiteral("a")), b = Test::keyOf(sb, QStringLiteral("b")),
                      c = Test::keyOf(sb, QStringLiteral("c"));
    ChartsPanel panel;
    panel.resize(1100, 760);
    panel.setRangeMs(5 * 60'000);
    panel.setLagThreshold(5);
    panel.setCluster(a.toString());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    auto poll = [&] {
        sb.sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.ticks (at) VALUES (NOW(3))"));
        const TopologySnapshotPtr s = fleet.discover();
        panel.addSnapshot(*s);
        QTest::qWait(1000);
        return s;
    };
    // Until b is well behind (about 8 s of writes), and enough points for c and the probes.
    for (int i = 0; i < 40 && (i < 8 || maxOf(panel.lagChart()->points(b)) < 6); ++i)
        poll();
    QCOMPARE(panel.lagChart()->lines().size(), 2);
    const QList<QPointF> lagB = panel.lagChart()->points(b);
    QVERIFY2(maxOf(lagB) >= 6, qPrintable(dump(lagB)));
    // It grows: the newest point is the highest.
    QCOMPARE(lagB.constLast().y(), maxOf(lagB));
    const QList<QPointF> lagC = panel.lagChart()->points(c);
    QVERIFY2(valuesOf(lagC) >= 5 && maxOf(lagC) <= 1, qPrintable(dump(lagC)));
    QVERIFY(panel.lagChart()->valueAxis()->max() >= maxOf(lagB));
    for (const InstanceKey &k : {a, b, c}) {
        const QList<QPointF> probe = panel.probeChart()->points(k);
        QVERIFY2(valuesOf(probe) >= 5 && maxOf(probe) > 0, qPrintable(k.toString() + QLatin1Char(' ') + dump(probe)));
    }

    // c's replication stopped: NULL lag, a hole in c's line (not a drop to zero); started
    // again, a second stretch.
    QVERIFY(sb.stopReplication(QStringLiteral("c")));
    for (int i = 0; i < 3; ++i)
        poll();
    const int valuesBefore = valuesOf(panel.lagChart()->points(c));
    QCOMPARE(panel.lagChart()->segmentCount(c), 1);
    QVERIFY(sb.startReplication(QStringLiteral("c")));
    QVERIFY(Sandbox::waitFor([&] { return sb.slaveStatus(QStringLiteral("c")).value(QStringLiteral("Seconds_Behind_Master")) == QLatin1String("0"); }, 10000));
    for (int i = 0; i < 3; ++i)
        poll();
    QCOMPARE(panel.lagChart()->segmentCount(c), 2);
    QVERIFY(valuesOf(panel.lagChart()->points(c)) > valuesBefore);
    const QList<MetricsHistory::Point> history = panel.history().series(c, MetricsHistory::Metric::Lag, 0, panel.history().latestMsecs());
    QCOMPARE(std::count_if(history.cbegin(), history.cend(), [](const MetricsHistory::Point &p) { return p.isGap(); }), 1);

    saveArtifact(panel, QStringLiteral("charts.png"));

    // Export: a PNG of both charts at their on-screen size.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("charts.png"));
    QString error;
    QVERIFY2(panel.exportPng(path, &error), qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY(!image.isNull());
    const qreal dpr = panel.chartsArea()->devicePixelRatioF();
    QCOMPARE(image.size(), panel.chartsArea()->size() * dpr);
    QVERIFY(image.width() > 800 && image.height() > 500);
    // Not blank: the lines' colours are in it.
    const QColor bColor = panel.lagChart()->color(b);
    bool found = false;
    for (int y = 0; y < image.height() && !found; y += 1)
        for (int x = 0; x < image.width() && !found; ++x)
            found = image.pixelColor(x, y) == bColor;
    QVERIFY(found);

    // Through the button, with the file dialog replaced.
    const QString viaButton = dir.filePath(QStringLiteral("button.png"));
    QString suggested;
    panel.setFileDialog([&](QWidget *, const QString &s) { suggested = s; return viaButton; });
    QSignalSpy exported(&panel, &ChartsPanel::exported);
    QTest::mouseClick(panel.exportButton(), Qt::LeftButton);
    QCOMPARE(exported.size(), 1);
    QVERIFY(suggested.endsWith(QStringLiteral(".png")));
    QVERIFY(!QImage(viaButton).isNull());
    QVERIFY(panel.statusText().contains(QStringLiteral("button.png")));
    // A path that cannot be written: an error naming it, nothing emitted.
    QSignalSpy failed(&panel, &ChartsPanel::exportFailed);
    panel.setFileDialog([&](QWidget *, const QString &) { return dir.filePath(QStringLiteral("missing/dir/x.png")); });
    QTest::mouseClick(panel.exportButton(), Qt::LeftButton);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(exported.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("missing/dir/x.png")));
}

QTEST_MAIN(tst_Charts)
#include "tst_charts.moc"
