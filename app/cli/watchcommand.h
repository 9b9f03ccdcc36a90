#pragma once

#include "clicontext.h"

#include "discovery/instancesession.h"

#include <memory>
#include <optional>

namespace Topograph {
class Store;
}

namespace Topograph::Cli {

// Shared by the discovery commands (discoverycommands.cpp). Each reports its own failure with
// ctx.fail() and sets *exitCode.

// HOST:PORT that parses (else ExitUsage) and resolves (else ExitFailed, naming the host).
std::optional<InstanceKey> parseInstanceArgument(Context &ctx, const QString &text, int *exitCode);
// For commands that only name a server in the store (forget, promotion-rule): HOST:PORT without
// resolving it (a name that no longer resolves must still be forgotten), or, when it is not a
// valid name, the raw form Topograph printed a bad reported name in ("db1;x:3306", "a\x1bb:3306"),
// which gives a key nothing connects to but that the store can still find.
std::optional<InstanceKey> parseStoredInstanceArgument(Context &ctx, const QString &text, int *exitCode);
// --user, --ssl-*, and the password from --password-env or the keychain.
std::optional<ConnectionOptionsProvider> connectionOptionsFor(Context &ctx, int *exitCode);
// --store, else the default path; refuses files that are not a Topograph store.
std::unique_ptr<Store> openStore(Context &ctx, int *exitCode);

// `watch [HOST:PORT...] [--interval SECONDS]`: runs the poller in the foreground and prints
// changes with timestamps until SIGINT/SIGTERM (exit 0).
int watchCommand(Context &ctx, const QStringList &args);

} // namespace Topograph::Cli
