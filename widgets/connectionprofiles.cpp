#include "connectionprofiles.h"

#include "credentials/credentialstore.h"
#include "logging/logging.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSettings>

#include <memory>

namespace Topograph::Gui {

namespace {

const QString Group = QStringLiteral("connections");
const QString Array = QStringLiteral("profiles");

QString tr(const char *s)
{
    return QCoreApplication::translate("Topograph::Gui::ConnectionProfiles", s);
}

std::unique_ptr<QSettings> openSettings(const QString &path)
{
    if (path.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

} // namespace

QString ConnectionProfile::account(const QString &defaultUser) const
{
    return CredentialStore::accountFor(user.isEmpty() ? defaultUser : user, name);
}

std::optional<InstanceKey> ConnectionProfile::nameKey() const
{
    // Only "host:port" counts: a bare word is a cluster alias, not a host on the default port.
    if (!name.contains(QLatin1Char(':')))
        return std::nullopt;
    return InstanceKey::parse(name);
}

bool ConnectionProfile::hasSeed(const InstanceKey &key) const
{
    return seeds.contains(key) || nameKey() == key;
}

ConnectionProfiles::ConnectionProfiles(QString settingsPath)
    : m_settingsPath(std::move(settingsPath))
{
}

void ConnectionProfiles::load()
{
    auto settings = openSettings(m_settingsPath);
    settings->beginGroup(Group);
    QList<ConnectionProfile> loaded;
    const int n = settings->beginReadArray(Array);
    for (int i = 0; i < n; ++i) {
        settings->setArrayIndex(i);
        ConnectionProfile p;
        p.name = settings->value(QStringLiteral("name")).toString().trimmed();
        if (p.name.isEmpty())
            continue; // a hand-edited entry without a name cannot be chosen or saved again
        for (const QString &seed : settings->value(QStringLiteral("seeds")).toStringList())
            if (const auto key = InstanceKey::parse(seed))
                p.seeds << *key;
        p.user = settings->value(QStringLiteral("user")).toString();
        p.sslMode = settings->value(QStringLiteral("ssl-mode")).toString();
        p.sslCa = settings->value(QStringLiteral("ssl-ca")).toString();
        p.sslCert = settings->value(QStringLiteral("ssl-cert")).toString();
        p.sslKey = settings->value(QStringLiteral("ssl-key")).toString();
        loaded << p;
    }
    settings->endArray();
    settings->endGroup();
    QMutexLocker lock(&m_mutex);
    m_profiles = loaded;
}

QList<ConnectionProfile> ConnectionProfiles::profiles() const
{
    QMutexLocker lock(&m_mutex);
    return m_profiles;
}

std::optional<ConnectionProfile> ConnectionProfiles::profile(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    for (const ConnectionProfile &p : m_profiles)
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

bool ConnectionProfiles::save(const ConnectionProfile &profile, QString *error)
{
    QList<ConnectionProfile> next = profiles();
    bool replaced = false;
    for (ConnectionProfile &p : next) {
        if (p.name.compare(profile.name, Qt::CaseInsensitive) == 0) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        next << profile;
    if (!write(next, error))
        return false;
    QMutexLocker lock(&m_mutex);
    m_profiles = next;
    return true;
}

bool ConnectionProfiles::remove(const QString &name, QString *error)
{
    QList<ConnectionProfile> next = profiles();
    next.removeIf([&](const ConnectionProfile &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
    if (!write(next, error))
        return false;
    QMutexLocker lock(&m_mutex);
    m_profiles = next;
    return true;
}

bool ConnectionProfiles::write(const QList<ConnectionProfile> &profiles, QString *error)
{
    auto settings = openSettings(m_settingsPath);
    settings->beginGroup(Group);
    settings->remove(QString()); // the whole group: a shorter list must not keep stale entries
    settings->beginWriteArray(Array, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        settings->setArrayIndex(i);
        settings->setValue(QStringLiteral("name"), p.name);
        QStringList seeds;
        for (const InstanceKey &k : p.seeds)
            seeds << k.toString();
        settings->setValue(QStringLiteral("seeds"), seeds);
        settings->setValue(QStringLiteral("user"), p.user);
        settings->setValue(QStringLiteral("ssl-mode"), p.sslMode);
        settings->setValue(QStringLiteral("ssl-ca"), p.sslCa);
        settings->setValue(QStringLiteral("ssl-cert"), p.sslCert);
        settings->setValue(QStringLiteral("ssl-key"), p.sslKey);
    }
    settings->endArray();
    settings->endGroup();
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        if (error)
            *error = tr("cannot write the connection settings to %1; check that the file and its folder are "
                        "writable")
                         .arg(settings->fileName());
        return false;
    }
    return true;
}

void SessionSecrets::set(const QString &account, const QString &secret)
{
    Logging::registerSecret(secret);
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(account, secret);
}

std::optional<QString> SessionSecrets::value(const QString &account) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(account);
    if (it == m_secrets.cend())
        return std::nullopt;
    return *it;
}

void SessionSecrets::remove(const QString &account)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(account);
}

bool SessionSecrets::isEmpty() const
{
    QMutexLocker lock(&m_mutex);
    return m_secrets.isEmpty();
}

void ClusterMembership::update(const TopologySnapshot &snapshot)
{
    QHash<InstanceKey, Cluster> next;
    for (const ClusterInfo &c : snapshot.clusters())
        for (const InstanceKey &k : c.members)
            next.insert(k, Cluster{c.name, c.alias});
    QMutexLocker lock(&m_mutex);
    // Instances the snapshot does not place (not probed yet) keep what the store said about them.
    for (auto it = m_clusters.cbegin(); it != m_clusters.cend(); ++it)
        if (!next.contains(it.key()) && !snapshot.instances().contains(it.key()))
            next.insert(it.key(), it.value());
    m_clusters = std::move(next);
}

void ClusterMembership::preload(const Store &store)
{
    const QHash<QString, QString> aliases = store.clusterAliases();
    QHash<InstanceKey, Cluster> known;
    for (const Store::KnownInstance &k : store.knownInstances())
        if (!k.clusterName.isEmpty())
            known.insert(k.key, Cluster{k.clusterName, aliases.value(k.clusterName)});
    QMutexLocker lock(&m_mutex);
    for (auto it = known.cbegin(); it != known.cend(); ++it)
        if (!m_clusters.contains(it.key()))
            m_clusters.insert(it.key(), it.value());
}

void ClusterMembership::set(const InstanceKey &key, const Cluster &cluster)
{
    QMutexLocker lock(&m_mutex);
    m_clusters.insert(key, cluster);
}

std::optional<ClusterMembership::Cluster> ClusterMembership::clusterOf(const InstanceKey &key) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_clusters.constFind(key);
    if (it == m_clusters.cend())
        return std::nullopt;
    return *it;
}

} // namespace Topograph::Gui
