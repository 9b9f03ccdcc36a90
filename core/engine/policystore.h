#pragma once

#include "recovery/policy.h"

namespace Topograph {

class Store;

// The failover policy lives in the store as one JSON value per key (history and audit come with
// it). These convert between that and a Policy; a stored value that no longer validates is
// reported, never silently dropped.
std::optional<Policy> loadPolicy(const Store &store, QString *error = nullptr);
// Writes only the keys whose value differs from what the store has (one history row each).
bool savePolicy(Store &store, const Policy &policy, const QString &comment, QString *error = nullptr);

} // namespace Topograph
