#pragma once

#include "clicontext.h"

#include <QList>

namespace Topograph::Cli {

// Every command topograph-cli knows, in the order --help lists them. Each area of the engine
// contributes its own list from its own file.
QList<Command> allCommands();
QList<Command> discoveryCommands(); // discoverycommands.cpp: discover, clusters, topology, instance, watch
QList<Command> auditCommands(); // auditcommands.cpp: audit list/export/verify, recoveries, ack
QList<Command> recoveryCommands(); // recoverycommands.cpp: analysis, candidates, recover, policy, promotion-rule
QList<Command> operationCommands(); // operationcommands.cpp: can-relocate, relocate, graceful-takeover, rejoin, ...

// True when these arguments (without the program name) need a QGuiApplication rather than a
// QCoreApplication: only `audit export --format pdf` (QPdfWriter needs fonts from a platform).
bool needsGuiApplication(const QStringList &arguments);

// Parses argv (without the program name) into global options, a command and its arguments,
// then runs it. Returns the process exit code.
int run(const QStringList &arguments);

} // namespace Topograph::Cli
