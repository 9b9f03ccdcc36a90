#pragma once

#include <QString>

namespace Topograph {

// A process that holds passwords (the topology and replication accounts, from the keychain or an
// environment variable) must not leave them in a core dump: RLIMIT_CORE 0 (soft and hard, so a
// child cannot raise it either) and PR_SET_DUMPABLE 0 (no dump even where core_pattern pipes to a
// collector, and no ptrace attach by the same user). Called first thing in main() of topograph and
// topograph-cli. Returns false with *error when the kernel refuses either (the caller warns).
bool disableCoreDumps(QString *error = nullptr);

} // namespace Topograph
