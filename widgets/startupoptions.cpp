#include "startupoptions.h"

#include "credentials/credentialstore.h"
#include "keychainthread.h"
#include "logging/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>
#include <mutex>

namespace Topograph::Gui {

// lupdate files a namespace-level tr() under the namespace: look the strings up there.
static QString tr(const char *s)
{
    return QCoreApplication::translate("Topograph::Gui", s);
}

std::optional<StartupOptions> StartupOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Topograph: a console for MySQL/MariaDB replication topologies."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption store(QStringLiteral("store"), tr("The store (SQLite file) shared with topograph-cli."), tr("FILE"));
    const QCommandLineOption user(QStringLiteral("user"), tr("The topology user Topograph connects as."), tr("NAME"),
                                  QStringLiteral("topograph"));
    const QCommandLineOption passwordEnv(QStringLiteral("password-env"),
                                         tr("Read the password from this environment variable instead of the keychain."), tr("VAR"));
    const QCommandLineOption sslMode(QStringLiteral("ssl-mode"), tr("DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY."), tr("MODE"));
    const QCommandLineOption sslCa(QStringLiteral("ssl-ca"), tr("CA certificate file (PEM)."), tr("FILE"));
    const QCommandLineOption sslCert(QStringLiteral("ssl-cert"), tr("Client certificate file (PEM)."), tr("FILE"));
    const QCommandLineOption sslKey(QStringLiteral("ssl-key"), tr("Client key file (PEM)."), tr("FILE"));
    const QCommandLineOption replUser(QStringLiteral("replication-user"),
                                      tr("Replication account for servers an operation repoints for the first time."),
                                      tr("NAME"), QStringLiteral("repl"));
    const QCommandLineOption replEnv(QStringLiteral("replication-password-env"),
                                     tr("Read the replication account's password from this environment variable."), tr("VAR"));
    p.addOptions({store, user, passwordEnv, sslMode, sslCa, sslCert, sslKey, replUser, replEnv});
    p.addPositionalArgument(QStringLiteral("seeds"), tr("Servers to discover from, HOST:PORT."), tr("[HOST:PORT...]"));
    if (!p.parse(arguments)) {
        *error = p.errorText();
        return std::nullopt;
    }
    if (p.isSet(QStringLiteral("help"))) {
        *error = p.helpText();
        return std::nullopt;
    }
    StartupOptions o;
    o.storePath = p.value(store);
    o.user = p.value(user);
    o.passwordEnv = p.value(passwordEnv);
    o.sslMode = p.value(sslMode);
    o.sslCa = p.value(sslCa);
    o.sslCert = p.value(sslCert);
    o.sslKey = p.value(sslKey);
    o.replicationUser = p.value(replUser);
    o.replicationPasswordEnv = p.value(replEnv);
    for (const QString &seed : p.positionalArguments()) {
        QString why;
        const auto key = InstanceKey::parse(seed, &why, 3306);
        if (!key) {
            *error = tr("seed %1: %2").arg(seed, why);
            return std::nullopt;
        }
        o.seeds << *key;
    }
    return o;
}

std::optional<ConnectionOptions> baseConnectionOptions(const StartupOptions &o, QString *error)
{
    SslMode mode = SslMode::Preferred;
    if (!o.sslMode.isEmpty()) {
        QString why;
        const auto m = sslModeFromName(o.sslMode, &why);
        if (!m) {
            *error = QStringLiteral("--ssl-mode: ") + why;
            return std::nullopt;
        }
        mode = *m;
    }
    ConnectionOptions base;
    base.user = o.user;
    base.sslMode = mode;
    base.sslCa = o.sslCa;
    base.sslCert = o.sslCert;
    base.sslKey = o.sslKey;
    if (const QString why = tlsOptionsProblem(base); !why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    if (!o.passwordEnv.isEmpty()) {
        const CredentialResult r = passwordFromEnvironment(o.passwordEnv);
        if (!r.ok) {
            *error = r.error;
            return std::nullopt;
        }
        base.password = r.secret;
    }
    return base;
}

std::optional<ConnectionOptionsProvider> connectionOptionsProvider(const StartupOptions &o, QString *error)
{
    const auto b = baseConnectionOptions(o, error);
    if (!b)
        return std::nullopt;
    ConnectionOptions base = *b;

    struct Shared
    {
        std::mutex mutex;
        bool resolved = false;
        QString password;
    };
    auto shared = std::make_shared<Shared>();
    if (!o.passwordEnv.isEmpty()) {
        shared->password = base.password;
        shared->resolved = true;
    }
    const QString user = o.user;
    return ConnectionOptionsProvider([base, shared, user](const InstanceKey &key) {
        ConnectionOptions c = base;
        c.key = key;
        std::lock_guard lock(shared->mutex);
        if (!shared->resolved) {
            // The keychain blocks up to its timeout: this runs on the engine's threads only, and
            // the call itself on the keychain thread (see keychainthread.h).
            KeychainThread::Request request;
            request.service = QStringLiteral("topograph");
            request.account = CredentialStore::accountFor(user, QString());
            const CredentialResult r = KeychainThread::run(request);
            if (r.ok) {
                shared->password = r.secret;
                Logging::registerSecret(r.secret);
            }
            shared->resolved = true; // one attempt: a failure shows as access denied per server
        }
        c.password = shared->password;
        return c;
    });
}

} // namespace Topograph::Gui
