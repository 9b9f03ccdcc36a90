#pragma once

#include "model/instancefacts.h"

namespace Topograph {

// Can `replica` replicate from `source`? The rules every move and every promotion share:
// the source must write a binary log with what it replicates (log_bin + log_slave_updates when it
// is itself a replica), must not be a newer major version than the replica (a replica applies its
// source's events; newer servers write events older ones may not read), and must not write a
// "wider" binlog format than a replica that re-logs events can keep (ROW cannot be re-logged as
// STATEMENT). Both must speak the same GTID flavour for a GTID move. On false, *why says which.
bool canReplicateFrom(const InstanceFacts &replica, const InstanceFacts &source, QString *why = nullptr);

// ROW > MIXED > STATEMENT, for the rule above; 0 when unknown.
int binlogFormatRank(const QString &format);

} // namespace Topograph
