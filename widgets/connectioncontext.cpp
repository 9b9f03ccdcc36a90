#include "connectioncontext.h"

#include "logging/logging.h"

#include <QCoreApplication>

namespace Topograph::Gui {

namespace {

bool sameName(const QString &a, const QString &b)
{
    return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

ConnectionContext::ConnectionContext()
    : ConnectionContext(Options{})
{
}

ConnectionContext::ConnectionContext(const Options &options)
    : m_profiles(options.settingsPath)
    , m_service(options.keychainService.isEmpty() ? QStringLiteral("topograph") : options.keychainService)
    , m_timeoutMs(options.keychainTimeoutMs > 0 ? options.keychainTimeoutMs : 5000)
    , m_retry(options.keychainRetryMs > 0 ? options.keychainRetryMs : 30000)
{
    m_defaults.user = QStringLiteral("topograph"); // as StartupOptions, until the provider says otherwise
    m_profiles.load();
}

ConnectionOptions ConnectionContext::defaults() const
{
    QMutexLocker lock(&m_defaultsMutex);
    return m_defaults;
}

void ConnectionContext::setDefaults(const ConnectionOptions &defaults)
{
    QMutexLocker lock(&m_defaultsMutex);
    m_defaults = defaults;
    m_defaults.key = InstanceKey();
    m_defaults.password.clear(); // the dialogs show these; a password is never shown back
}

KeychainThread::Request ConnectionContext::keychainRequest(KeychainThread::Operation operation,
                                                           const QString &account, const QString &secret) const
{
    return KeychainThread::Request{operation, m_service, m_timeoutMs, account, secret};
}

std::optional<ConnectionProfile> ConnectionContext::profileFor(const InstanceKey &key) const
{
    const QList<ConnectionProfile> profiles = m_profiles.profiles();
    const auto cluster = m_membership.clusterOf(key);
    if (cluster) {
        // A profile named after the cluster is the most deliberate choice a person can make.
        for (const ConnectionProfile &p : profiles)
            if (sameName(p.name, cluster->alias) || sameName(p.name, cluster->name))
                return p;
    }
    for (const ConnectionProfile &p : profiles)
        if (p.hasSeed(key))
            return p;
    if (cluster) {
        // Discovered from a profile's seed: the servers found from it share its credentials.
        for (const ConnectionProfile &p : profiles) {
            QList<InstanceKey> seeds = p.seeds;
            if (const auto k = p.nameKey())
                seeds << *k;
            for (const InstanceKey &seed : seeds) {
                const auto seedCluster = m_membership.clusterOf(seed);
                if (seedCluster && seedCluster->name == cluster->name)
                    return p;
            }
        }
    }
    return std::nullopt;
}

QStringList ConnectionContext::passwordScopes(const InstanceKey &key,
                                              const std::optional<ConnectionProfile> &profile) const
{
    QStringList scopes;
    auto add = [&scopes](const QString &scope) {
        if (scope.isEmpty())
            return;
        for (const QString &s : std::as_const(scopes))
            if (sameName(s, scope))
                return;
        scopes << scope;
    };
    if (profile)
        add(profile->name);
    if (const auto cluster = m_membership.clusterOf(key)) {
        add(cluster->alias);
        add(cluster->name);
    }
    return scopes;
}

CredentialResult ConnectionContext::password(const QString &user, const QStringList &scopes)
{
    QStringList tried;
    CredentialResult last;
    for (const QString &scope : scopes + QStringList{QString()}) {
        const QString account = CredentialStore::accountFor(user, scope);
        if (const auto secret = m_sessionSecrets.value(account)) {
            CredentialResult r;
            r.ok = true;
            r.secret = *secret;
            return r;
        }
        CredentialResult r = cachedRead(account);
        if (r.ok)
            return r;
        tried << account;
        // A keychain that cannot be reached fails the same way for every entry: say that, not
        // "not found".
        if (!r.notFound || last.error.isEmpty())
            last = r;
    }
    if (last.notFound) {
        last.error = QCoreApplication::translate("Topograph::Gui::ConnectionContext",
                                                 "no password for %1: no keychain entry '%2' (service '%3') and none "
                                                 "kept for this session; store one with File > Connections\u2026 or "
                                                 "start with --password-env VAR")
                         .arg(user, tried.join(QStringLiteral("' or '")), m_service);
    }
    return last;
}

void ConnectionContext::forgetKeychainPassword(const QString &account)
{
    QMutexLocker lock(&m_cacheMutex);
    m_cache.remove(account);
    ++m_cacheGeneration;
}

CredentialResult ConnectionContext::cachedRead(const QString &account)
{
    const auto fresh = [this, &account]() -> std::optional<CredentialResult> {
        const auto it = m_cache.constFind(account);
        if (it != m_cache.cend() && (it->result.ok || std::chrono::steady_clock::now() - it->readAt < m_retry))
            return it->result;
        return std::nullopt;
    };
    {
        QMutexLocker lock(&m_cacheMutex);
        if (const auto r = fresh())
            return *r;
    }
    // One engine thread asks the keychain, the others wait for its answer. The cache's own mutex
    // is not held meanwhile: the GUI thread takes it (forgetKeychainPassword) and must not wait
    // for a keychain that takes seconds to answer.
    QMutexLocker reading(&m_readMutex);
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_cacheMutex);
        if (const auto r = fresh())
            return *r;
        generation = m_cacheGeneration;
    }
    const CredentialResult r = KeychainThread::run(keychainRequest(KeychainThread::Operation::Read, account));
    if (!r.ok && !r.notFound)
        spdlog::warn("keychain: {} (asked again in {} s at the earliest)", r.error,
                     std::chrono::duration_cast<std::chrono::seconds>(m_retry).count());
    QMutexLocker lock(&m_cacheMutex);
    // A password stored while we read may have been read before it was: do not keep that answer.
    if (generation == m_cacheGeneration)
        m_cache.insert(account, CacheEntry{r, std::chrono::steady_clock::now()});
    return r;
}

std::optional<ConnectionOptionsProvider> connectionOptionsProvider(const StartupOptions &options,
                                                                   std::shared_ptr<ConnectionContext> context,
                                                                   QString *error)
{
    const auto b = baseConnectionOptions(options, error);
    if (!b)
        return std::nullopt;
    const ConnectionOptions base = *b;
    const bool fromEnvironment = !options.passwordEnv.isEmpty();
    context->setDefaults(base);
    return ConnectionOptionsProvider([base, fromEnvironment, context](const InstanceKey &key) {
        ConnectionOptions c = base;
        c.key = key;
        const auto profile = context->profileFor(key);
        if (profile) {
            if (!profile->user.isEmpty())
                c.user = profile->user;
            // A profile saved by the dialog holds a valid name; a hand-edited one that does not
            // keeps the command line's mode rather than failing every connection.
            if (const auto mode = sslModeFromName(profile->sslMode))
                c.sslMode = *mode;
            if (!profile->sslCa.isEmpty())
                c.sslCa = profile->sslCa;
            if (!profile->sslCert.isEmpty())
                c.sslCert = profile->sslCert;
            if (!profile->sslKey.isEmpty())
                c.sslKey = profile->sslKey;
        }
        if (!fromEnvironment) {
            // Without a password the server says "access denied", which names the account to fix;
            // the keychain's own failure was logged by cachedRead.
            const CredentialResult r = context->password(c.user, context->passwordScopes(key, profile));
            c.password = r.ok ? r.secret : QString();
        }
        return c;
    });
}

std::function<CredentialResult(const InstanceKey &)> replicationPasswordResolver(std::shared_ptr<ConnectionContext> context,
                                                                                 const QString &user)
{
    return [context, user](const InstanceKey &k) {
        return context->password(user, context->passwordScopes(k, context->profileFor(k)));
    };
}

} // namespace Topograph::Gui
