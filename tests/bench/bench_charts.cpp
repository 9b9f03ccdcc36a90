// The charts dock on a synthetic fleet of 2,000 instances in clusters of one master and 50
// replicas: recording one snapshot into MetricsHistory, the whole ChartsPanel::addSnapshot
// (recording + incremental update of the shown cluster's lines) and a repaint, median and max;
// then the memory 1 h and 6 h of history take for 2,000 instances at one snapshot a second.
// Run: QT_QPA_PLATFORM=offscreen build/bin/bench_charts
#include "benchutil.h"
#include "../gui/syntheticfleet.h"
#include "chartspanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Topograph;
using namespace Topograph::Gui;
using namespace Topograph::Bench;

// Snapshot i of the fleet: every replica's lag and every probe time change a little.
static TopologySnapshotPtr tick(QList<InstanceFacts> &fleet, int i, qint64 t0)
{
    for (int j = 0; j < fleet.size(); ++j) {
        InstanceFacts &f = fleet[j];
        f.probeMicros = 500 + (i * 31 + j * 17) % 4000;
        if (!f.channels.isEmpty()) {
            if ((i / 20 + j) % 17 == 0)
                f.channels[0].secondsBehindMaster.reset(); // SQL thread stopped: a gap
            else
                f.channels[0].secondsBehindMaster = (i + j) % 90;
        }
    }
    TopologySnapshot::Input in;
    in.instances = fleet;
    in.sequence = i;
    in.takenAt = QDateTime::fromMSecsSinceEpoch(t0 + i * 1000LL, Qt::UTC);
    return TopologySnapshot::build(in);
}

// Returns the history so that the next measurement cannot reuse its memory.
static std::unique_ptr<MetricsHistory> historyMemory(int instances, int seconds)
{
    const double rss0 = rssMiB();
    auto history = std::make_unique<MetricsHistory>();
    MetricsHistory &h = *history;
    QList<MetricsHistory::Sample> samples;
    for (int j = 0; j < instances; ++j)
        samples << MetricsHistory::Sample{InstanceKey(QStringLiteral("db-%1").arg(j), 3306), 0, 1};
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - seconds * 1000LL;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < seconds; ++i) {
        for (int j = 0; j < instances; ++j) {
            samples[j].lagSeconds = float((i + j) % 90);
            samples[j].probeMs = float(0.5 + (i * 31 + j * 17) % 4000 / 1000.0);
        }
        h.record(t0 + i * 1000LL, samples);
    }
    const double total = ms(t);
    std::printf("%6d instances x %5d s: %9lld raw samples %9lld buckets  %7.1f MiB counted  %7.1f MiB RSS growth  "
                "(%.3f ms per snapshot)\n",
                instances, seconds, static_cast<long long>(h.rawSampleCount()), static_cast<long long>(h.bucketCount()),
                h.memoryBytes() / 1048576.0, rssMiB() - rss0, total / seconds);
    return history;
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int instances = 2000, warmup = 300, rounds = 300;
    // Memory first, in a fresh heap: resident growth is then the history's own.
    const auto hour = historyMemory(instances, 3600);
    const auto sixHours = historyMemory(instances, 6 * 3600);

    QList<InstanceFacts> fleet = Test::syntheticFleet(instances, 51);
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - (warmup + rounds) * 1000LL;

    // Recording alone.
    {
        MetricsHistory h;
        QList<double> times;
        for (int i = 0; i < warmup + rounds; ++i) {
            const TopologySnapshotPtr s = tick(fleet, i, t0);
            QElapsedTimer t;
            t.start();
            h.add(*s);
            if (i >= warmup)
                times << ms(t);
        }
        std::printf("MetricsHistory::add, %d instances: median %.2f ms, max %.2f ms\n", instances, median(times),
                    maximum(times));
    }

    // The panel, showing a cluster of one master and 50 replicas, 5 min range (300 points per
    // line once warm), then 15 min.
    for (qint64 range : {5 * 60'000LL, 15 * 60'000LL}) {
        ChartsPanel panel;
        panel.resize(1400, 800);
        panel.setRangeMs(range);
        panel.setLagThreshold(10);
        panel.show();
        QCoreApplication::processEvents();
        QList<double> update, paint;
        for (int i = 0; i < warmup + rounds; ++i) {
            const TopologySnapshotPtr s = tick(fleet, i, t0);
            if (i == 0)
                panel.setCluster(s->clusters().first().name);
            QElapsedTimer t;
            t.start();
            panel.addSnapshot(*s);
            const double u = ms(t);
            // What the window's event loop does next: the charts' deferred layout and the paint
            // of the (offscreen) window.
            t.start();
            QCoreApplication::processEvents();
            const double p = ms(t);
            if (i >= warmup) {
                update << u;
                paint << p;
            }
        }
        const QString artifacts = qEnvironmentVariable("TOPOGRAPH_TEST_ARTIFACTS");
        if (!artifacts.isEmpty())
            panel.grab().save(artifacts + QStringLiteral("/charts-50-replicas-%1min.png").arg(range / 60'000));
        std::printf("ChartsPanel::addSnapshot, %d instances, %lld lag + %lld probe lines, %lld min range, %d points "
                    "drawn: median %.2f ms, max %.2f ms; then layout + paint median %.2f ms, max %.2f ms\n",
                    instances, static_cast<long long>(panel.lagChart()->lines().size()),
                    static_cast<long long>(panel.probeChart()->lines().size()), static_cast<long long>(range / 60'000),
                    panel.lagChart()->pointCount() + panel.probeChart()->pointCount(), median(update), maximum(update),
                    median(paint), maximum(paint));
    }
    return 0;
}
