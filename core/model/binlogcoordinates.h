#pragma once

#include "instancefacts.h"

#include <QString>

#include <optional>

namespace Topograph {

// Binary log file:position arithmetic for topologies without GTID. A binary log file name is
// "<base>.<number>" (mysql-bin.000123); numbers are compared as numbers because the suffix grows
// past six digits (mysql-bin.999999 is followed by mysql-bin.1000000).

struct BinlogFileName
{
    QString base;
    qint64 number = 0;
};

// nullopt with *error naming the input when the name lacks a ".<number>" suffix.
std::optional<BinlogFileName> parseBinlogFileName(const QString &file, QString *error = nullptr);

// "file:position", as toString() prints it.
std::optional<BinlogCoordinates> parseBinlogCoordinates(const QString &text, QString *error = nullptr);

// -1, 0 or 1 as a is before, at or after b. nullopt with *error when they cannot be compared:
// empty, unparsable, or different base names (coordinates of different servers' logs, or a log
// renamed by a log_bin change: neither orders against the other).
std::optional<int> compareBinlogCoordinates(const BinlogCoordinates &a, const BinlogCoordinates &b,
                                            QString *error = nullptr);

} // namespace Topograph
