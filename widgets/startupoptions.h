#pragma once

#include "discovery/instancesession.h"
#include "model/instancekey.h"

#include <QStringList>

#include <optional>

namespace Topograph::Gui {

// `topograph`'s command line: the CLI's global options (so a GUI and a CLI can share one store)
// and seeds. Without them: the default store, user "topograph", the keychain.
struct StartupOptions
{
    QString storePath; // empty = Store::defaultPath()
    QString user = QStringLiteral("topograph");
    QString passwordEnv;
    QString sslMode;
    QString sslCa, sslCert, sslKey;
    QList<InstanceKey> seeds;
    // The account a server gets when an operation gives it its first channel (a demoted master).
    QString replicationUser = QStringLiteral("repl");
    QString replicationPasswordEnv;

    // On error returns nullopt with *error naming the option and what to do.
    static std::optional<StartupOptions> parse(const QStringList &arguments, QString *error);
};

// The command line's connection options for any server (key left empty): user, ssl-mode and files,
// and the password when --password-env names one (read now; registered with Logging). Returns
// nullopt with *error for a bad ssl-mode or an unset --password-env variable.
std::optional<ConnectionOptions> baseConnectionOptions(const StartupOptions &options, QString *error);

// Who the engine connects as. The password comes from the variable named by --password-env (read
// now), else from the global keychain entry, read on first use on the engine's thread, never
// on the GUI thread, and cached. Returns nullopt with *error for a bad ssl-mode or an unset
// --password-env variable.
std::optional<ConnectionOptionsProvider> connectionOptionsProvider(const StartupOptions &options, QString *error);

} // namespace Topograph::Gui
