#pragma once

// What bench_poll's modes share: process CPU time, threads, descriptors, percentiles, and a
// recorder of probe latency and round lag from published snapshots.
#include "model/topologysnapshot.h"

#include <QDir>
#include <QHash>
#include <QSet>

#include <sys/resource.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace Topograph::Bench {

inline double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

inline double percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return double(v[i]);
}

inline int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

inline int descriptorCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
}

// Every new probe result of the watched instances in a snapshot (a new lastChecked): its
// latency (probeMicros) and the gap since that instance's previous result, which is the
// interval plus the round lag. Thread-safe; feed it from whichever thread receives snapshots.
class ProbeRecorder
{
public:
    // Empty: every instance (costs a hash lookup per instance per snapshot).
    void watch(const QSet<InstanceKey> &keys) { m_keys = keys; }
    void setMeasuring(bool on)
    {
        std::lock_guard lock(m_mutex);
        m_measuring = on;
        if (on) {
            m_latencyUs.clear();
            m_gapMs.clear();
        }
    }
    void record(const TopologySnapshot &s)
    {
        std::lock_guard lock(m_mutex);
        auto take = [&](const InstanceFacts &f) {
            auto &last = m_lastChecked[f.key];
            if (last == f.lastChecked || !f.reachable || f.lastError != ProbeError::None)
                return;
            if (m_measuring) {
                m_latencyUs.push_back(f.probeMicros);
                if (last.isValid())
                    m_gapMs.push_back(last.msecsTo(f.lastChecked));
            }
            last = f.lastChecked;
        };
        if (m_keys.isEmpty()) {
            for (const InstanceFacts &f : s.instances())
                take(f);
        } else {
            for (const InstanceKey &k : std::as_const(m_keys))
                if (const InstanceFacts *f = s.instance(k))
                    take(*f);
        }
    }
    std::vector<qint64> latencyUs() const
    {
        std::lock_guard lock(m_mutex);
        return m_latencyUs;
    }
    std::vector<qint64> gapMs() const
    {
        std::lock_guard lock(m_mutex);
        return m_gapMs;
    }

private:
    mutable std::mutex m_mutex;
    QSet<InstanceKey> m_keys;
    bool m_measuring = false;
    QHash<InstanceKey, QDateTime> m_lastChecked;
    std::vector<qint64> m_latencyUs;
    std::vector<qint64> m_gapMs;
};

int runPartition(int seconds);
int runScale(int seconds);

} // namespace Topograph::Bench
