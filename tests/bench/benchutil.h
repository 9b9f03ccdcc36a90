#pragma once

// Figures the GUI benchmarks print: resident memory, elapsed milliseconds, median and maximum.
#include <QElapsedTimer>
#include <QFile>
#include <QList>

#include <algorithm>

namespace Topograph::Bench {

inline double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

inline double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

inline double maximum(const QList<double> &v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.cbegin(), v.cend());
}

} // namespace Topograph::Bench
