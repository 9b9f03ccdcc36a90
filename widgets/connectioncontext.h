#pragma once

#include "connectionprofiles.h"
#include "keychainthread.h"
#include "startupoptions.h"

#include "credentials/credentialstore.h"
#include "discovery/instancesession.h"

#include <QHash>
#include <QMutex>

#include <chrono>
#include <functional>
#include <memory>

namespace Topograph::Gui {

// Everything the GUI and the engine's threads share about whom to connect as: the profiles, the
// session-only passwords, which cluster each instance is in, and a cache of keychain reads.
// Shared through std::shared_ptr by main(), MainWindow, the dialogs and the provider.
class ConnectionContext
{
public:
    struct Options
    {
        QString settingsPath;       // ConnectionProfiles' INI file; "" = the application's QSettings()
        QString keychainService;    // "" = "topograph", the CLI's service
        int keychainTimeoutMs;      // 0 = CredentialStore's default (5 s)
        // A keychain entry that could not be read is asked for again no sooner than this, so a
        // password stored later (in another program, or after unlocking) is picked up without a
        // restart, and a locked keychain is not asked once per probe. 0 = 30 s.
        int keychainRetryMs;
    };

    ConnectionContext();
    explicit ConnectionContext(const Options &options);

    ConnectionProfiles &profiles() { return m_profiles; }
    SessionSecrets &sessionSecrets() { return m_sessionSecrets; }
    ClusterMembership &membership() { return m_membership; }
    QString keychainService() const { return m_service; }
    int keychainTimeoutMs() const { return m_timeoutMs; }
    // A keychain call with this context's service and timeout, on KeychainThread (never call
    // CredentialStore directly in the GUI process; see keychainthread.h).
    KeychainThread::Request keychainRequest(KeychainThread::Operation operation, const QString &account,
                                            const QString &secret = {}) const;

    // What a server without a profile gets (the command line's user, ssl-mode and files; never a
    // password): what the dialogs start a new profile from. connectionOptionsProvider() sets it.
    ConnectionOptions defaults() const;
    void setDefaults(const ConnectionOptions &defaults);

    // The profile for an instance: the one named after its cluster (name or alias), else one whose
    // seed is the instance, else one with a seed in the same cluster. nullopt = the defaults.
    std::optional<ConnectionProfile> profileFor(const InstanceKey &key) const;
    // Where a password for this instance may be stored, most specific first: the profile's name,
    // the cluster's alias, the cluster's name (the global entry comes after these, implicitly).
    QStringList passwordScopes(const InstanceKey &key, const std::optional<ConnectionProfile> &profile) const;

    // The password for user in these scopes: per scope the session secret, then the keychain
    // entry user@scope; then the same for the global entry user@*. Keychain reads are cached (a
    // success until forgetKeychainPassword, a failure for keychainRetryMs). Blocks while the
    // keychain answers: call it on the engine's or a worker thread, never on the GUI thread.
    CredentialResult password(const QString &user, const QStringList &scopes);
    // After writing or removing a keychain entry, so the next password() reads it again.
    void forgetKeychainPassword(const QString &account);

private:
    struct CacheEntry
    {
        CredentialResult result;
        std::chrono::steady_clock::time_point readAt;
    };
    CredentialResult cachedRead(const QString &account);

    ConnectionProfiles m_profiles;
    SessionSecrets m_sessionSecrets;
    ClusterMembership m_membership;
    mutable QMutex m_defaultsMutex;
    ConnectionOptions m_defaults;
    QString m_service;
    int m_timeoutMs;
    std::chrono::milliseconds m_retry;
    QMutex m_readMutex;  // serialises keychain reads
    QMutex m_cacheMutex; // guards the two below, never held during a keychain call
    QHash<QString, CacheEntry> m_cache;
    quint64 m_cacheGeneration = 0; // bumped by forgetKeychainPassword
};

// The GUI's connection options per instance: the profile that applies (profileFor) gives user,
// ssl-mode and files, else the command line's. The password is --password-env's when given, else
// ConnectionContext::password() for the profile's and the cluster's scopes, resolved on the engine's
// threads (the provider is never called on the GUI thread). Returns nullopt with *error exactly when
// baseConnectionOptions() does.
std::optional<ConnectionOptionsProvider> connectionOptionsProvider(const StartupOptions &options,
                                                                   std::shared_ptr<ConnectionContext> context,
                                                                   QString *error);

// The password of the replication account `user` that an operation gives a demoted master or a
// new co-master (MASTER_PASSWORD), for the cluster of the instance it acts on: the same scopes
// and order as the topology user's (session secret, then keychain, per scope, then user@*).
// Blocks while the keychain answers: call the result on a worker thread.
std::function<CredentialResult(const InstanceKey &)> replicationPasswordResolver(std::shared_ptr<ConnectionContext> context,
                                                                                 const QString &user);

} // namespace Topograph::Gui
