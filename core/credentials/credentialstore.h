#pragma once

#include <QString>

namespace Topograph {

struct CredentialResult
{
    bool ok = false;
    QString secret;
    // One line for a person: what failed and what to do instead, e.g. "no keychain service: D-Bus
    // session bus not found (DBUS_SESSION_BUS_ADDRESS unset); use --password-env VAR or run a
    // Secret Service (gnome-keyring)".
    QString error;
    // The keychain works but has no such entry (the one failure a caller may fall back from).
    bool notFound = false;
};

// Passwords in the OS keychain (Secret Service on Linux) through QtKeychain. QtKeychain is
// asynchronous; these calls run its job on a local event loop and give up after timeoutMs, so they
// block the caller but never hang. Without a D-Bus session bus they fail at once, without trying.
// Call them from a thread with a Qt event dispatcher (any QThread, or the main thread of a
// QCoreApplication), never from the GUI thread while a window waits on them.
//
// Every secret read or written is registered with Logging::registerSecret, so it never reaches a
// log line. Passwords are never written anywhere else (not the store, not a config file).
class CredentialStore
{
public:
    explicit CredentialStore(QString service = QStringLiteral("topograph"), int timeoutMs = 5000);

    CredentialResult read(const QString &account);
    CredentialResult write(const QString &account, const QString &secret);
    CredentialResult remove(const QString &account);

    QString service() const { return m_service; }
    int timeoutMs() const { return m_timeoutMs; }

    // "topograph@*" for the global entry, "topograph@cluster-name" for one cluster.
    static QString accountFor(const QString &user, const QString &clusterOrEmpty);

    // Why the keychain cannot be reached at all, or "" when a session bus is there to try.
    static QString unavailableReason();

private:
    enum class Operation { Read, Write, Remove };
    CredentialResult run(Operation operation, const QString &account, const QString &secret);

    QString m_service;
    int m_timeoutMs;
};

// The password in the environment variable named by --password-env: unset or empty is an error
// naming the variable (never a silent fall back, never an empty password). Registered for redaction.
CredentialResult passwordFromEnvironment(const QString &variable);

// The topology password for a user and cluster, in the order scripts rely on:
//   1. the environment variable named by --password-env (when one is named: unset or empty is an
//      error, never a silent fall back),
//   2. the keychain entry for the cluster (when a cluster is given),
//   3. the global keychain entry.
// The error, when all fail, names every place that was tried.
CredentialResult resolvePassword(const QString &user, const QString &cluster,
                                 const QString &passwordEnvVar, CredentialStore &store);

} // namespace Topograph
