#pragma once

#include "model/topologysnapshot.h"

#include <QHash>
#include <QList>

#include <cmath>
#include <deque>
#include <limits>

namespace Topograph::Gui {

// Replication lag and probe latency of every instance over the last hours, for the charts. Pure:
// no widgets, so it is tested on made-up samples.
//
// Each snapshot adds one sample per instance at the snapshot's time. Memory stays bounded by
// downsampling, not by a per-instance cap: the last rawWindow keeps every sample, older samples
// are folded into fixed, epoch-aligned buckets holding the worst value of the bucket (a spike is
// never averaged away), and buckets older than retention are dropped. Snapshot times are stored
// once for all instances, a sample is two floats.
//
// Unknown values are NaN and become gaps, never zeros: lag is unknown when the server says NULL
// (a replication thread is stopped), when the server did not answer, and for a master; probe
// latency is unknown when the probe failed (its duration is then a timeout, not a latency).
class MetricsHistory
{
public:
    enum class Metric { Lag, ProbeLatency };

    struct Options
    {
        qint64 rawWindowMs;  // every sample kept this long
        qint64 bucketMs;     // width of a downsampled bucket after that
        qint64 retentionMs;  // nothing older is kept
    };
    // 15 min at full rate, then 10 s buckets up to 6 h.
    static Options defaultOptions() { return {15 * 60 * 1000, 10 * 1000, 6 * 3600 * 1000}; }

    static constexpr float unknown = std::numeric_limits<float>::quiet_NaN();

    struct Sample
    {
        InstanceKey key;
        float lagSeconds = unknown;
        float probeMs = unknown;
    };

    // value is NaN for a gap: the line stops at the point before and starts again after.
    struct Point
    {
        qint64 msecs = 0;
        double value = std::numeric_limits<double>::quiet_NaN();
        bool isGap() const { return std::isnan(value); }
        friend bool operator==(const Point &a, const Point &b)
        {
            return a.msecs == b.msecs && (a.value == b.value || (a.isGap() && b.isGap()));
        }
    };

    MetricsHistory() : MetricsHistory(defaultOptions()) {}
    explicit MetricsHistory(const Options &options);

    const Options &options() const { return m_options; }
    static Sample sampleOf(const InstanceFacts &facts);
    static double valueOf(const Sample &sample, Metric metric)
    {
        return metric == Metric::Lag ? sample.lagSeconds : sample.probeMs;
    }

    // One sample per instance of the snapshot, at takenAt(). Returns false (and records nothing)
    // for a snapshot not newer than the last one recorded.
    bool add(const TopologySnapshot &snapshot);
    bool record(qint64 msecs, const QList<Sample> &samples);
    void clear();

    // Points of one instance with msecs in [fromMs, toMs], oldest first. bucketMs > 0 merges the
    // points into epoch-aligned buckets of that width (the worst known value of each bucket, at
    // the bucket's start; a gap when the bucket knows no value): the charts draw at most
    // range / bucketMs points per line whatever the range. Consecutive gaps are merged.
    QList<Point> series(const InstanceKey &key, Metric metric, qint64 fromMs, qint64 toMs,
                        qint64 bucketMs = 0) const;
    QHash<InstanceKey, QList<Point>> query(const QList<InstanceKey> &keys, Metric metric, qint64 fromMs,
                                           qint64 toMs, qint64 bucketMs = 0) const;
    static QList<Point> downsample(const QList<Point> &points, qint64 bucketMs);

    // Floor division, so buckets stay aligned for times before the epoch too.
    static qint64 bucketOf(qint64 msecs, qint64 bucketMs)
    {
        return msecs >= 0 ? msecs / bucketMs : -((-msecs + bucketMs - 1) / bucketMs);
    }
    // The display bucket for showing rangeMs in at most maxPoints points: whole seconds, and a
    // divisor or multiple of options().bucketMs so that older (downsampled) data and fresh
    // samples fall into the same buckets.
    qint64 displayBucketMs(qint64 rangeMs, int maxPoints) const;

    qint64 latestMsecs() const { return m_tickTimes.empty() ? 0 : m_tickTimes.back(); }
    int instanceCount() const { return int(m_tracks.size()); }
    qint64 rawSampleCount() const;
    qint64 bucketCount() const;
    // What the samples and their containers take, approximately (not counting the allocator's
    // own bookkeeping): the benchmark compares it with the process's resident memory.
    qint64 memoryBytes() const;

private:
    struct Pair
    {
        float lag = unknown;
        float probe = unknown;
        float value(Metric m) const { return m == Metric::Lag ? lag : probe; }
    };
    struct Track
    {
        qint64 firstTick = 0;    // tick of raw.front()
        std::deque<Pair> raw;    // one per tick, NaN for ticks the instance missed
        qint64 firstBucket = 0;  // bucket index of coarse.front()
        std::deque<Pair> coarse; // worst per bucket, of samples evicted from raw
    };
    void fold(Track &track, qint64 msecs, const Pair &pair) const;

    Options m_options;
    std::deque<qint64> m_tickTimes; // msecs of each recorded snapshot still in the raw window
    qint64 m_firstTick = 0;         // tick number of m_tickTimes.front()
    QHash<InstanceKey, Track> m_tracks;
};

} // namespace Topograph::Gui
