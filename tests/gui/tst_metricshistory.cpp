// MetricsHistory on made-up samples (no server, no widgets): what a snapshot's facts become, gaps
// for unknown lag and absent instances, range queries, bounded memory, and downsampling that
// gives the same answer whether the data is still raw or already folded into buckets.
#include "metricshistory.h"

#include <QTest>

#include <cmath>

using namespace Topograph;
using namespace Topograph::Gui;
using Metric = MetricsHistory::Metric;
using Point = MetricsHistory::Point;

namespace {

const qint64 T0 = 1'700'000'000'000; // a multiple of every bucket width used below

InstanceKey k(const char *host)
{
    return InstanceKey(QString::fromLatin1(host), 3306);
}

MetricsHistory::Sample lagSample(const InstanceKey &key, double lag)
{
    MetricsHistory::Sample s;
    s.key = key;
    s.lagSeconds = float(lag);
    s.probeMs = std::isnan(lag) ? MetricsHistory::unknown : float(lag / 10);
    return s;
}

// "1,2,x,3": one sample a second from T0, x = unknown.
void recordText(MetricsHistory &h, const InstanceKey &key, const QString &values, qint64 stepMs = 1000)
{
    qint64 t = T0;
    for (const QString &v : values.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        h.record(t, {lagSample(key, v == QLatin1String("x") ? std::nan("") : v.toDouble())});
        t += stepMs;
    }
}

// "0:1 1:2 2:- 4:3": seconds after T0, value or - for a gap.
QString pointsText(const QList<Point> &points)
{
    QStringList out;
    for (const Point &p : points)
        out << QStringLiteral("%1:%2").arg((p.msecs - T0) / 1000).arg(p.isGap() ? QStringLiteral("-") : QString::number(p.value));
    return out.join(QLatin1Char(' '));
}

// Deterministic values with unknown stretches, like a replica that lags, catches up and has its
// SQL thread stopped now and then.
double wobble(int i, int instance)
{
    if ((i / 37 + instance) % 5 == 0)
        return std::nan("");
    return double((i * 7 + instance * 13) % 23);
}

} // namespace

class tst_MetricsHistory : public QObject
{
    Q_OBJECT
private slots:
    void sampleOfFacts_data();
    void sampleOfFacts();
    void gaps_data();
    void gaps();
    void rangeQuery_data();
    void rangeQuery();
    void downsample_data();
    void downsample();
    void displayBucket_data();
    void displayBucket();
    void absentInstanceIsAGap();
    void olderSnapshotIsRefused();
    void memoryIsBounded();
    void foldedDataAnswersLikeRawData_data();
    void foldedDataAnswersLikeRawData();
};

void tst_MetricsHistory::sampleOfFacts_data()
{
    QTest::addColumn<bool>("replica");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("secondsBehind"); // -1: NULL
    QTest::addColumn<double>("expectedLag"); // NaN: unknown
    QTest::addColumn<double>("expectedProbeMs");
    const double nan = std::nan("");
    QTest::newRow("replica 7 s behind") << true << true << int(ProbeError::None) << 7 << 7.0 << 2.5;
    QTest::newRow("replica in step") << true << true << int(ProbeError::None) << 0 << 0.0 << 2.5;
    QTest::newRow("SQL thread stopped: NULL is a gap, not 0") << true << true << int(ProbeError::None) << -1 << nan << 2.5;
    QTest::newRow("unreachable: both unknown") << true << false << int(ProbeError::Timeout) << 3 << nan << nan;
    QTest::newRow("access denied: alive, stale lag") << true << true << int(ProbeError::AccessDenied) << 3 << nan << 2.5;
    QTest::newRow("master has no lag") << false << true << int(ProbeError::None) << 0 << nan << 2.5;
}

void tst_MetricsHistory::sampleOfFacts()
{
    QFETCH(bool, replica);
    QFETCH(bool, reachable);
    QFETCH(int, error);
    QFETCH(int, secondsBehind);
    QFETCH(double, expectedLag);
    QFETCH(double, expectedProbeMs);
    InstanceFacts f;
    f.key = k("db1");
    f.reachable = reachable;
    f.lastError = ProbeError(error);
    f.probeMicros = 2500;
    if (replica) {
        ReplicationChannel c;
        c.source = k("db0");
        if (secondsBehind >= 0)
            c.secondsBehindMaster = secondsBehind;
        f.channels << c;
    }
    const MetricsHistory::Sample s = MetricsHistory::sampleOf(f);
    QCOMPARE(s.key, f.key);
    QCOMPARE(std::isnan(s.lagSeconds), std::isnan(expectedLag));
    if (!std::isnan(expectedLag))
        QCOMPARE(double(s.lagSeconds), expectedLag);
    QCOMPARE(std::isnan(s.probeMs), std::isnan(expectedProbeMs));
    if (!std::isnan(expectedProbeMs))
        QCOMPARE(double(s.probeMs), expectedProbeMs);
}

void tst_MetricsHistory::gaps_data()
{
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no gap") << "1,2,3" << "0:1 1:2 2:3";
    QTest::newRow("one unknown") << "1,x,3" << "0:1 1:- 2:3";
    QTest::newRow("a stretch of unknowns is one gap") << "1,x,x,x,3" << "0:1 1:- 4:3";
    QTest::newRow("starts unknown") << "x,x,5" << "0:- 2:5";
    QTest::newRow("ends unknown") << "4,x" << "0:4 1:-";
    QTest::newRow("zero is a value, not a gap") << "0,0,x,0" << "0:0 1:0 2:- 3:0";
}

void tst_MetricsHistory::gaps()
{
    QFETCH(QString, values);
    QFETCH(QString, expected);
    MetricsHistory h;
    recordText(h, k("r"), values);
    QCOMPARE(pointsText(h.series(k("r"), Metric::Lag, T0, T0 + 3600'000)), expected);
}

void tst_MetricsHistory::rangeQuery_data()
{
    QTest::addColumn<int>("from"); // seconds after T0
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole") << 0 << 9 << "0:0 1:1 2:2 3:3 4:- 5:5 6:6 7:7 8:8 9:9";
    QTest::newRow("inclusive ends") << 2 << 5 << "2:2 3:3 4:- 5:5";
    QTest::newRow("inside a gap") << 4 << 4 << "4:-";
    QTest::newRow("before anything") << -100 << -1 << "";
    QTest::newRow("after everything") << 10 << 100 << "";
}

void tst_MetricsHistory::rangeQuery()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, expected);
    MetricsHistory h;
    recordText(h, k("r"), QStringLiteral("0,1,2,3,x,5,6,7,8,9"));
    QCOMPARE(pointsText(h.series(k("r"), Metric::Lag, T0 + from * 1000, T0 + to * 1000)), expected);
    const auto both = h.query({k("r"), k("unknown")}, Metric::Lag, T0 + from * 1000, T0 + to * 1000);
    QCOMPARE(both.size(), 2);
    QCOMPARE(pointsText(both.value(k("r"))), expected);
    QVERIFY(both.value(k("unknown")).isEmpty());
}

void tst_MetricsHistory::downsample_data()
{
    QTest::addColumn<QString>("values"); // one a second from T0
    QTest::addColumn<int>("bucketSeconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("worst of each bucket") << "1,5,2,3,9,4" << 2 << "0:5 2:3 4:9";
    QTest::newRow("a gap inside a bucket with values is no gap") << "1,x,2,3" << 2 << "0:1 2:3";
    QTest::newRow("a bucket of unknowns is a gap") << "1,2,x,x,3,4" << 2 << "0:2 2:- 4:4";
    QTest::newRow("consecutive gap buckets merge") << "1,x,x,x,x,x,x,2" << 2 << "0:1 2:- 6:2";
    QTest::newRow("bucket wider than the data") << "3,1,x,7" << 10 << "0:7";
    QTest::newRow("one second buckets change nothing") << "1,x,3" << 1 << "0:1 1:- 2:3";
}

void tst_MetricsHistory::downsample()
{
    QFETCH(QString, values);
    QFETCH(int, bucketSeconds);
    QFETCH(QString, expected);
    MetricsHistory h;
    recordText(h, k("r"), values);
    QCOMPARE(pointsText(h.series(k("r"), Metric::Lag, T0, T0 + 3600'000, bucketSeconds * 1000)), expected);
    // downsample() on its own, on every sample (series() without buckets merges consecutive
    // gaps, which is no longer enough to tell gap buckets apart); a no-op for a zero width.
    QList<Point> raw;
    qint64 t = T0;
    for (const QString &v : values.split(QLatin1Char(',')))
        raw << Point{(t += 1000) - 1000, v == QLatin1String("x") ? std::nan("") : v.toDouble()};
    QCOMPARE(pointsText(MetricsHistory::downsample(raw, bucketSeconds * 1000)), expected);
    QCOMPARE(MetricsHistory::downsample(raw, 0), raw);
}

void tst_MetricsHistory::displayBucket_data()
{
    QTest::addColumn<int>("rangeSeconds");
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("5 min") << 300 << 600 << 1000;
    QTest::newRow("15 min: 2 s divides 10 s") << 900 << 600 << 2000;
    QTest::newRow("1 h: 6 s rounds up to the 10 s bucket") << 3600 << 600 << 10000;
    QTest::newRow("6 h: 36 s rounds up to a multiple of 10 s") << 21600 << 600 << 40000;
    QTest::newRow("few points") << 300 << 100 << 5000;
    QTest::newRow("tiny range never below a second") << 10 << 600 << 1000;
}

void tst_MetricsHistory::displayBucket()
{
    QFETCH(int, rangeSeconds);
    QFETCH(int, maxPoints);
    QFETCH(int, expectedMs);
    MetricsHistory h;
    const qint64 b = h.displayBucketMs(rangeSeconds * 1000LL, maxPoints);
    QCOMPARE(b, qint64(expectedMs));
    QVERIFY(rangeSeconds * 1000LL / b <= maxPoints);
    QVERIFY(h.options().bucketMs % b == 0 || b % h.options().bucketMs == 0);
}

void tst_MetricsHistory::absentInstanceIsAGap()
{
    // raw 60 s, buckets of 10 s, kept 10 min.
    MetricsHistory h({60'000, 10'000, 600'000});
    // "b" is there for 0..9 s, gone for 10..19 s, back at 20..29 s: a gap, not a straight line.
    for (int i = 0; i < 30; ++i) {
        QList<MetricsHistory::Sample> samples{lagSample(k("a"), 1)};
        if (i < 10 || i >= 20)
            samples << lagSample(k("b"), 2);
        QVERIFY(h.record(T0 + i * 1000, samples));
    }
    QCOMPARE(pointsText(h.series(k("b"), Metric::Lag, T0 + 8000, T0 + 21'000)), QStringLiteral("8:2 9:2 10:- 20:2 21:2"));
    QCOMPARE(pointsText(h.series(k("b"), Metric::ProbeLatency, T0 + 9000, T0 + 20'000)), QStringLiteral("9:0.2 10:- 20:0.2"));

    // Gone for longer than the raw window, then back: the gap sits between its buckets and its
    // fresh samples.
    for (int i = 30; i < 200; ++i) {
        QList<MetricsHistory::Sample> samples{lagSample(k("a"), 1)};
        if (i >= 190)
            samples << lagSample(k("b"), 3);
        QVERIFY(h.record(T0 + i * 1000, samples));
    }
    const QString text = pointsText(h.series(k("b"), Metric::Lag, T0, T0 + 200'000));
    QCOMPARE(text, QStringLiteral("0:2 10:- 20:2 30:- 190:3 191:3 192:3 193:3 194:3 195:3 196:3 197:3 198:3 199:3"));

    // Gone for longer than the retention: forgotten.
    QCOMPARE(h.instanceCount(), 2);
    for (int i = 200; i < 900; ++i)
        QVERIFY(h.record(T0 + i * 1000, {lagSample(k("a"), 1)}));
    QCOMPARE(h.instanceCount(), 1);
    QVERIFY(h.series(k("b"), Metric::Lag, T0, T0 + 900'000).isEmpty());
}

void tst_MetricsHistory::olderSnapshotIsRefused()
{
    MetricsHistory h;
    QVERIFY(h.record(T0 + 5000, {lagSample(k("r"), 1)}));
    QVERIFY(!h.record(T0 + 5000, {lagSample(k("r"), 2)}));
    QVERIFY(!h.record(T0 + 1000, {lagSample(k("r"), 3)}));
    QCOMPARE(pointsText(h.series(k("r"), Metric::Lag, T0, T0 + 10'000)), QStringLiteral("5:1"));
    QCOMPARE(h.latestMsecs(), T0 + 5000);

    // Snapshots carry their time: the one taken earlier is refused even if it arrives later.
    TopologySnapshot::Input in;
    InstanceFacts f;
    f.key = k("r");
    f.reachable = true;
    in.instances << f;
    in.takenAt = QDateTime::fromMSecsSinceEpoch(T0 + 6000, Qt::UTC);
    QVERIFY(h.add(*TopologySnapshot::build(in)));
    in.takenAt = QDateTime::fromMSecsSinceEpoch(T0 + 5500, Qt::UTC);
    QVERIFY(!h.add(*TopologySnapshot::build(in)));
    QCOMPARE(h.latestMsecs(), T0 + 6000);
}

void tst_MetricsHistory::memoryIsBounded()
{
    // 2 h at one sample a second for 20 instances, with raw 5 min / 10 s buckets / 1 h kept.
    MetricsHistory h({300'000, 10'000, 3600'000});
    const int instances = 20;
    qint64 peakBytes = 0;
    for (int i = 0; i < 7200; ++i) {
        QList<MetricsHistory::Sample> samples;
        for (int j = 0; j < instances; ++j)
            samples << lagSample(InstanceKey(QStringLiteral("db%1").arg(j), 3306), wobble(i, j));
        QVERIFY(h.record(T0 + i * 1000, samples));
        if (i > 3600)
            peakBytes = qMax(peakBytes, h.memoryBytes());
    }
    QVERIFY2(h.rawSampleCount() <= instances * 301, qPrintable(QString::number(h.rawSampleCount())));
    // (3600 - 300) s of buckets, plus the partial ones at both ends.
    QVERIFY2(h.bucketCount() <= instances * (330 + 2), qPrintable(QString::number(h.bucketCount())));
    QVERIFY(h.bucketCount() >= instances * 320);
    // Two floats a sample; the rest is container overhead, well under the 16 bytes a
    // (time, lag, latency) triple per instance would take.
    const qint64 samples = h.rawSampleCount() + h.bucketCount();
    QVERIFY2(peakBytes < samples * 16, qPrintable(QStringLiteral("%1 bytes for %2 samples").arg(peakBytes).arg(samples)));
    // Nothing older than the retention answers.
    const QList<Point> all = h.series(InstanceKey(QStringLiteral("db1"), 3306), Metric::Lag, T0, T0 + 7200'000);
    QVERIFY(!all.isEmpty());
    QVERIFY(all.first().msecs >= T0 + 7199'000 - 3600'000 - 10'000);
}

void tst_MetricsHistory::foldedDataAnswersLikeRawData_data()
{
    QTest::addColumn<int>("bucketMs");
    QTest::addColumn<int>("jitterMs");
    QTest::newRow("10 s buckets (1 h view)") << 10'000 << 0;
    QTest::newRow("40 s buckets (6 h view)") << 40'000 << 0;
    QTest::newRow("10 s buckets, irregular snapshots") << 10'000 << 400;
    QTest::newRow("40 s buckets, irregular snapshots") << 40'000 << 400;
}

void tst_MetricsHistory::foldedDataAnswersLikeRawData()
{
    // The charts merge samples into display buckets that are multiples of the history's own
    // buckets: whether the samples are still raw or already folded must not change the picture.
    QFETCH(int, bucketMs);
    QFETCH(int, jitterMs);
    MetricsHistory allRaw({24 * 3600'000LL, 10'000, 24 * 3600'000LL});
    MetricsHistory folded({120'000, 10'000, 24 * 3600'000LL});
    qint64 t = T0;
    for (int i = 0; i < 3000; ++i) {
        t += 1000 + (jitterMs ? (i * 7919) % (2 * jitterMs) - jitterMs : 0);
        QList<MetricsHistory::Sample> samples;
        for (int j = 0; j < 3; ++j)
            samples << lagSample(InstanceKey(QStringLiteral("db%1").arg(j), 3306), wobble(i, j));
        QVERIFY(allRaw.record(t, samples));
        QVERIFY(folded.record(t, samples));
    }
    QVERIFY(folded.bucketCount() > 0);
    QCOMPARE(allRaw.bucketCount(), 0);
    for (int j = 0; j < 3; ++j) {
        const InstanceKey key(QStringLiteral("db%1").arg(j), 3306);
        for (Metric m : {Metric::Lag, Metric::ProbeLatency}) {
            const QList<Point> a = allRaw.series(key, m, T0, t, bucketMs);
            const QList<Point> b = folded.series(key, m, T0, t, bucketMs);
            QVERIFY(a.size() > 3000 * 1000 / bucketMs / 2);
            QCOMPARE(pointsText(b), pointsText(a));
        }
    }
}

QTEST_GUILESS_MAIN(tst_MetricsHistory)
#include "tst_metricshistory.moc"
