#include "metricshistory.h"

#include <QDateTime>

#include <algorithm>

namespace Topograph::Gui {

MetricsHistory::MetricsHistory(const Options &options)
    : m_options(options)
{
    // Guard the arithmetic below against nonsense settings rather than crash on them.
    m_options.bucketMs = qMax<qint64>(1, m_options.bucketMs);
    m_options.rawWindowMs = qMax<qint64>(0, m_options.rawWindowMs);
    m_options.retentionMs = qMax(m_options.rawWindowMs, m_options.retentionMs);
}

MetricsHistory::Sample MetricsHistory::sampleOf(const InstanceFacts &f)
{
    Sample s;
    s.key = f.key;
    // An unreachable server keeps its last known facts in the snapshot: they say nothing about
    // now. A server that answered with an error (access denied) is alive but its replication
    // facts are the old ones too.
    if (f.reachable)
        s.probeMs = float(f.probeMicros / 1000.0);
    if (f.reachable && f.lastError == ProbeError::None)
        if (const ReplicationChannel *c = f.primaryChannel(); c && c->secondsBehindMaster)
            s.lagSeconds = float(*c->secondsBehindMaster);
    return s;
}

bool MetricsHistory::add(const TopologySnapshot &snapshot)
{
    const QDateTime at = snapshot.takenAt().isValid() ? snapshot.takenAt() : QDateTime::currentDateTimeUtc();
    QList<Sample> samples;
    samples.reserve(snapshot.instances().size());
    for (const InstanceFacts &f : snapshot.instances())
        samples << sampleOf(f);
    return record(at.toMSecsSinceEpoch(), samples);
}

void MetricsHistory::fold(Track &t, qint64 msecs, const Pair &p) const
{
    const qint64 b = bucketOf(msecs, m_options.bucketMs);
    if (t.coarse.empty()) {
        t.firstBucket = b;
        t.coarse.push_back(p);
        return;
    }
    const qint64 last = t.firstBucket + qint64(t.coarse.size()) - 1;
    if (b <= last) { // same bucket (times only grow): keep the worst
        Pair &q = t.coarse.back();
        q.lag = std::fmax(q.lag, p.lag);
        q.probe = std::fmax(q.probe, p.probe);
        return;
    }
    // Buckets the instance missed are gaps; after an absence longer than the retention there is
    // nothing left worth keeping.
    const qint64 missing = b - last - 1;
    if (missing > m_options.retentionMs / m_options.bucketMs + 1) {
        t.coarse.clear();
        t.firstBucket = b;
    } else {
        t.coarse.insert(t.coarse.end(), size_t(missing), Pair{});
    }
    t.coarse.push_back(p);
}

bool MetricsHistory::record(qint64 msecs, const QList<Sample> &samples)
{
    if (!m_tickTimes.empty() && msecs <= m_tickTimes.back())
        return false;
    const qint64 tick = m_firstTick + qint64(m_tickTimes.size());
    m_tickTimes.push_back(msecs);

    for (const Sample &s : samples) {
        Track &t = m_tracks[s.key];
        if (t.raw.empty()) {
            t.firstTick = tick;
        } else {
            // Ticks missed while the instance was gone from the fleet are gaps, not a line
            // drawn straight across them.
            const qint64 missing = tick - (t.firstTick + qint64(t.raw.size()));
            if (missing > 0)
                t.raw.insert(t.raw.end(), size_t(missing), Pair{});
            else if (missing < 0) // the same instance twice in one snapshot: keep the first
                continue;
        }
        t.raw.push_back(Pair{s.lagSeconds, s.probeMs});
    }

    // Samples leaving the raw window are folded into their bucket; then what is older than the
    // retention goes.
    qint64 keepFrom = m_firstTick;
    while (keepFrom < tick && m_tickTimes[size_t(keepFrom - m_firstTick)] < msecs - m_options.rawWindowMs)
        ++keepFrom;
    const qint64 oldestBucket = bucketOf(msecs - m_options.retentionMs, m_options.bucketMs);
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        Track &t = it.value();
        while (!t.raw.empty() && t.firstTick < keepFrom) {
            fold(t, m_tickTimes[size_t(t.firstTick - m_firstTick)], t.raw.front());
            t.raw.pop_front();
            ++t.firstTick;
        }
        while (!t.coarse.empty() && t.firstBucket < oldestBucket) {
            t.coarse.pop_front();
            ++t.firstBucket;
        }
        // An instance whose samples are all gaps and that left the raw window is forgotten.
        if (t.raw.empty() && std::all_of(t.coarse.begin(), t.coarse.end(), [](const Pair &p) {
                return std::isnan(p.lag) && std::isnan(p.probe);
            }))
            it = m_tracks.erase(it);
        else
            ++it;
    }
    while (m_firstTick < keepFrom) {
        m_tickTimes.pop_front();
        ++m_firstTick;
    }
    return true;
}

void MetricsHistory::clear()
{
    m_tickTimes.clear();
    m_firstTick = 0;
    m_tracks.clear();
}

QList<MetricsHistory::Point> MetricsHistory::series(const InstanceKey &key, Metric metric, qint64 fromMs,
                                                    qint64 toMs, qint64 bucketMs) const
{
    QList<Point> out;
    const auto it = m_tracks.constFind(key);
    if (it == m_tracks.cend())
        return out;
    const Track &t = it.value();
    auto push = [&](qint64 msecs, double value) {
        // Every gap is kept until merged into buckets: merging consecutive gaps first would
        // leave a bucket made only of gaps without its gap point.
        if (msecs >= fromMs && msecs <= toMs)
            out << Point{msecs, value};
    };
    for (size_t i = 0; i < t.coarse.size(); ++i)
        push((t.firstBucket + qint64(i)) * m_options.bucketMs, t.coarse[i].value(metric));
    // Raw samples that start after the global raw window mean the instance was away between
    // its last bucket and them.
    if (!t.coarse.empty() && !t.raw.empty() && t.firstTick > m_firstTick)
        push((t.firstBucket + qint64(t.coarse.size())) * m_options.bucketMs, std::nan(""));
    for (size_t i = 0; i < t.raw.size(); ++i)
        push(m_tickTimes[size_t(t.firstTick - m_firstTick) + i], t.raw[i].value(metric));
    if (bucketMs > 0)
        return downsample(out, bucketMs);
    out.erase(std::unique(out.begin(), out.end(), [](const Point &a, const Point &b) { return a.isGap() && b.isGap(); }),
              out.end());
    return out;
}

QHash<InstanceKey, QList<MetricsHistory::Point>> MetricsHistory::query(const QList<InstanceKey> &keys, Metric metric,
                                                                       qint64 fromMs, qint64 toMs,
                                                                       qint64 bucketMs) const
{
    QHash<InstanceKey, QList<Point>> out;
    out.reserve(keys.size());
    for (const InstanceKey &k : keys)
        out.insert(k, series(k, metric, fromMs, toMs, bucketMs));
    return out;
}

QList<MetricsHistory::Point> MetricsHistory::downsample(const QList<Point> &points, qint64 bucketMs)
{
    QList<Point> out;
    if (bucketMs <= 0)
        return points;
    for (qsizetype i = 0; i < points.size();) {
        const qint64 b = bucketOf(points.at(i).msecs, bucketMs);
        double worst = std::nan("");
        for (; i < points.size() && bucketOf(points.at(i).msecs, bucketMs) == b; ++i)
            worst = std::fmax(worst, points.at(i).value);
        if (std::isnan(worst) && !out.isEmpty() && out.constLast().isGap())
            continue;
        out << Point{b * bucketMs, worst};
    }
    return out;
}

qint64 MetricsHistory::displayBucketMs(qint64 rangeMs, int maxPoints) const
{
    const qint64 wanted = (rangeMs + qMax(1, maxPoints) - 1) / qMax(1, maxPoints);
    const qint64 coarse = m_options.bucketMs;
    if (wanted >= coarse)
        return (wanted + coarse - 1) / coarse * coarse;
    for (qint64 d = 1000; d < coarse; d += 1000)
        if (d >= wanted && coarse % d == 0)
            return d;
    return coarse;
}

qint64 MetricsHistory::rawSampleCount() const
{
    qint64 n = 0;
    for (const Track &t : m_tracks)
        n += qint64(t.raw.size());
    return n;
}

qint64 MetricsHistory::bucketCount() const
{
    qint64 n = 0;
    for (const Track &t : m_tracks)
        n += qint64(t.coarse.size());
    return n;
}

qint64 MetricsHistory::memoryBytes() const
{
    // libstdc++ deques allocate 512-byte blocks plus a map of block pointers.
    auto dequeBytes = [](size_t count, size_t elementSize) -> qint64 {
        const size_t perBlock = qMax<size_t>(1, 512 / elementSize);
        const size_t blocks = count / perBlock + 1;
        return qint64(sizeof(std::deque<Pair>) + blocks * 512 + (blocks + 8) * sizeof(void *));
    };
    qint64 n = dequeBytes(m_tickTimes.size(), sizeof(qint64));
    for (auto it = m_tracks.cbegin(); it != m_tracks.cend(); ++it)
        n += qint64(sizeof(InstanceKey) + sizeof(Track)) + 2 * it.key().host().capacity() + 32 // key, hash node
             + dequeBytes(it->raw.size(), sizeof(Pair)) + dequeBytes(it->coarse.size(), sizeof(Pair));
    return n;
}

} // namespace Topograph::Gui
