// The topology view on synthetic fleets of 200, 2,000 and 5,000 instances in one cluster (the
// worst case for one scene): layout, first scene build and first paint, incremental update when
// 10% of the instances change (lag) and when 10% move (relocations), resident memory.
// Run: QT_QPA_PLATFORM=offscreen build/bin/bench_gui
#include "benchutil.h"
#include "../gui/syntheticfleet.h"
#include "topologyscene.h"
#include "topologyview.h"
#include "treelayout.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>

#include <algorithm>
#include <cstdio>

using namespace Topograph;
using namespace Topograph::Gui;
using namespace Topograph::Bench;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    std::printf("%-7s %10s %12s %12s %14s %14s %14s %10s\n", "fleet", "layout", "first build", "first paint",
                "update 10% lag", "update 10% move", "paint after", "RSS +MiB");
    QStringList hoverFigures;
    for (int n : {200, 2000, 5000}) {
        const double rss0 = rssMiB();
        TopologySnapshot::Input in;
        in.instances = Test::syntheticFleet(n, n);
        auto snapshot = TopologySnapshot::build(in);
        const ClusterInfo cluster = snapshot->clusters().first(); // a copy: snapshot is replaced below

        QElapsedTimer t;
        t.start();
        const auto positions = TreeLayout::layoutCluster(*snapshot, cluster);
        const double layoutMs = ms(t);
        Q_UNUSED(positions);

        TopologyScene scene;
        scene.setAnimated(false); // measure the work, not the 220 ms glide
        TopologyView view(&scene);
        view.resize(1400, 900);
        view.show();
        t.start();
        scene.apply(snapshot, {}, cluster.name);
        const double buildMs = ms(t);
        QPixmap frame(view.viewport()->size());
        t.start();
        view.viewport()->render(&frame);
        const double paintMs = ms(t);

        // 10% of the instances report a new lag, five times; median.
        QList<double> lagTimes, moveTimes, paintTimes;
        for (int round = 1; round <= 5; ++round) {
            for (int i = 0; i < n; i += 10)
                if (!in.instances[i].channels.isEmpty())
                    in.instances[i].channels[0].secondsBehindMaster = round * 7 + i % 13;
            in.sequence = round * 2;
            snapshot = TopologySnapshot::build(in);
            t.start();
            scene.apply(snapshot, {}, cluster.name);
            lagTimes << ms(t);
            t.start();
            view.viewport()->render(&frame);
            paintTimes << ms(t);
        }
        // 10% of the leaves move to another intermediate master (relocations), five times.
        for (int round = 1; round <= 5; ++round) {
            for (int i = 9 + round; i < n; i += 10) {
                if (in.instances[i].channels.isEmpty())
                    continue;
                const QString host = QStringLiteral("db-000-%1").arg(1 + (i + round) % 8, 3, 10, QLatin1Char('0'));
                in.instances[i].channels[0].source = InstanceKey(host, 3306);
            }
            in.sequence = 100 + round;
            snapshot = TopologySnapshot::build(in);
            t.start();
            scene.apply(snapshot, {}, cluster.name);
            moveTimes << ms(t);
        }
        // Hover during a drag: validate() through the scene, for 2,000 (dragged, target) pairs.
        QList<double> hover;
        const QList<InstanceKey> keys = scene.keys();
        for (int i = 0; i < 2000; ++i) {
            OperationRequest r;
            r.kind = OperationKind::Relocate;
            r.instance = keys.at((i * 7919) % keys.size());
            r.target = keys.at((i * 104729 + 13) % keys.size());
            t.start();
            const OperationPlan plan = scene.validateRequest(r);
            hover << t.nsecsElapsed() / 1e3;
            Q_UNUSED(plan);
        }
        std::sort(hover.begin(), hover.end());
        hoverFigures << QStringLiteral("%1: median %2 us, p99 %3 us").arg(n).arg(hover.at(hover.size() / 2), 0, 'f', 1)
                            .arg(hover.at(hover.size() * 99 / 100), 0, 'f', 1);
        const double rss = rssMiB() - rss0;
        std::printf("%-7d %8.2f ms %9.2f ms %9.2f ms %11.2f ms %12.2f ms %11.2f ms %10.1f\n", n, layoutMs, buildMs,
                    paintMs, median(lagTimes), median(moveTimes), median(paintTimes), rss);
        std::fflush(stdout);
    }
    std::printf("hover-validate latency (validate() per hovered card, relocate):\n");
    for (const QString &h : hoverFigures)
        std::printf("  %s\n", qPrintable(h));
    return 0;
}
