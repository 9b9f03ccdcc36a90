#pragma once

#include "model/instancekey.h"
#include "model/topologysnapshot.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace Topograph {
class Store;
}

namespace Topograph::Gui {

// How Topograph connects to one cluster (or to the servers found from one seed). Everything but the
// password: that lives in the OS keychain under account(), or in SessionSecrets, never here.
struct ConnectionProfile
{
    QString name;             // a cluster name or alias, or a seed "host:port"
    QList<InstanceKey> seeds; // where discovery starts for this profile
    QString user;             // empty = the user given on the command line
    QString sslMode;          // MySQL's spelling ("VERIFY_CA"); empty = the command line's
    QString sslCa, sslCert, sslKey;

    // The keychain/session account of the profile's password: "user@name".
    QString account(const QString &defaultUser) const;
    // The name read as an instance key, when it is one ("db1:3306").
    std::optional<InstanceKey> nameKey() const;
    bool hasSeed(const InstanceKey &key) const;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// The profiles, kept in QSettings (group "connections") and in memory. The GUI thread loads and
// saves them; the engine's threads read the in-memory copy (profiles()) through the mutex, so a
// profile saved in a dialog applies to the next connection without a restart.
class ConnectionProfiles
{
public:
    // settingsPath: an INI file (tests, portable setups); empty = the application's QSettings().
    explicit ConnectionProfiles(QString settingsPath = {});

    QString settingsPath() const { return m_settingsPath; }
    void load();
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &name) const;
    // Adds the profile or replaces the one with the same name (case-insensitive), then writes all
    // of them. Returns false with *error when QSettings cannot write its file.
    bool save(const ConnectionProfile &profile, QString *error = nullptr);
    bool remove(const QString &name, QString *error = nullptr);

private:
    bool write(const QList<ConnectionProfile> &profiles, QString *error);

    QString m_settingsPath;
    mutable QMutex m_mutex;
    QList<ConnectionProfile> m_profiles;
};

// Passwords a person chose to keep "for this session only" (or had to, without a keychain): in
// memory, never on disk, gone when Topograph quits. Keyed by keychain account ("user@cluster").
// Thread-safe: the dialogs write on the GUI thread, the connection provider reads on the engine's.
class SessionSecrets
{
public:
    void set(const QString &account, const QString &secret);
    std::optional<QString> value(const QString &account) const;
    void remove(const QString &account);
    bool isEmpty() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

// Which cluster each known instance is in, for choosing its profile and keychain entry on the
// engine's threads. The GUI refreshes it from every snapshot (update()); preload() fills it from the
// store at start-up, so the very first probes already use a cluster's own credentials.
class ClusterMembership
{
public:
    struct Cluster
    {
        QString name;  // the master's host:port
        QString alias; // "" when none
    };

    void update(const TopologySnapshot &snapshot);
    void preload(const Store &store);
    void set(const InstanceKey &key, const Cluster &cluster);
    std::optional<Cluster> clusterOf(const InstanceKey &key) const;

private:
    mutable QMutex m_mutex;
    QHash<InstanceKey, Cluster> m_clusters;
};

} // namespace Topograph::Gui
