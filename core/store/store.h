#pragma once

#include "model/instancekey.h"
#include "model/topologysnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlQuery;

namespace Topograph {

// Topograph's one local SQLite file (Qt SQL, QSQLITE): known instances, clusters and aliases,
// the audit log, recoveries and their steps, acknowledgements, downtime and maintenance,
// promotion rules, failover policy and its history, blocked recovery attempts.
//
// One Store object per thread: Qt SQL connections belong to the thread that opened them, so each
// object opens its own uniquely named connection. The file is in WAL mode, so the GUI, a `watch`
// and one-off CLI commands can share it; every write runs in BEGIN IMMEDIATE and is retried while
// another process holds the write lock, so "database is locked" never reaches a person.
//
// Mutations an operator makes (alias, downtime, maintenance, promotion rule, policy, forget) are
// audited by the Store itself, in the same transaction, under actor(); callers must not audit
// them again. upsertKnownInstance() (discovery, frequent) is not audited.
class Store
{
public:
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Creates a new file (and its folder); migrates an older schema in one transaction. Refuses,
    // leaving the file's bytes untouched, a file that is not SQLite, is damaged, is another
    // program's SQLite database, has a newer schema than this binary knows, or is not writable:
    // *error names the file and says what to do.
    static std::unique_ptr<Store> open(const QString &path, QString *error);
    // For commands that only read (audit list, export, verify): an existing store at the current
    // schema, read-only or in a read-only folder (an archive) included. Takes no write lock, so
    // it never waits behind another process's writes; write() refuses.
    static std::unique_ptr<Store> openReadOnly(const QString &path, QString *error);
    // <AppDataLocation>/topograph.sqlite; the TOPOGRAPH_STORE environment variable overrides it.
    static QString defaultPath();
    static int currentSchemaVersion();
    // The statements that bring a store from version-1 to version (for migration tests).
    static QStringList migrationStatements(int version);
    // "user@host" of the person running this process.
    static QString osActor();

    int schemaVersion() const { return m_schemaVersion; }
    QString path() const { return m_path; }

    // Who the Store's own audit entries name; osActor() unless set ("auto" for the engine).
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    struct KnownInstance
    {
        InstanceKey key;
        QString clusterName;
        QDateTime firstSeen, lastSeen, lastChecked; // UTC
        QString lastError;
        // The facts of the last successful probe (instanceFactsToJson); empty = keep the stored ones.
        QJsonObject lastFacts;
    };
    // firstSeen is kept from the existing row when there is one (or set to now if invalid).
    bool upsertKnownInstance(const KnownInstance &instance, QString *error = nullptr);
    QList<KnownInstance> knownInstances(QString *error = nullptr) const;
    bool forgetInstance(const InstanceKey &key, QString *error = nullptr);

    // An empty alias removes it. Two clusters cannot share an alias.
    bool setClusterAlias(const QString &cluster, const QString &alias, QString *error = nullptr);
    QHash<QString, QString> clusterAliases() const; // cluster name -> alias

    bool beginDowntime(const InstanceKey &key, const Downtime &downtime, QString *error = nullptr);
    bool endDowntime(const InstanceKey &key, QString *error = nullptr);
    QHash<InstanceKey, Downtime> activeDowntimes(const QDateTime &nowUtc) const;

    bool setMaintenance(
        const InstanceKey &key, bool on, const QString &reason, QString *error = nullptr);
    QSet<InstanceKey> maintenance() const;

    bool setPromotionRule(const InstanceKey &key, PromotionRule rule, QString *error = nullptr);
    QHash<InstanceKey, PromotionRule> promotionRules() const;

    // Failover policy as key -> JSON value; every change is kept in the history and audited.
    struct PolicyChange
    {
        qint64 id = 0;
        QDateTime at;
        QString actor, key;
        QJsonValue oldValue, newValue; // Undefined when the key was absent / removed
        QString comment;
    };
    bool setPolicyValue(const QString &key, const QJsonValue &value, const QString &comment = {},
        QString *error = nullptr); // Undefined/Null removes the key
    QHash<QString, QJsonValue> policy(QString *error = nullptr) const;
    QList<PolicyChange> policyHistory(const QString &key = {}, QString *error = nullptr) const;

    // --- for AuditLog, RecoveryLog and later parts of core/store ---
    QSqlDatabase database() const { return m_db; }
    // Runs body inside BEGIN IMMEDIATE ... COMMIT. When another process holds the write lock
    // (SQLITE_BUSY) the whole transaction is rolled back and run again, for up to ~30 s. body
    // returns false (with *error set) to roll back.
    bool write(const std::function<bool(QString *error)> &body, QString *error);
    // Executes a prepared (and bound) query; retries SQLITE_BUSY when not inside write(); fills
    // *error with the store's file name and SQLite's message.
    bool exec(QSqlQuery &query, QString *error) const;
    bool exec(const QString &sql, QString *error) const;
    // SELECT count(*) FROM table + where (with its ? bound in order); -1 on error.
    qint64 count(const QString &table, const QString &where, const QVariantList &binds, QString *error) const;

    static QString toDb(const QDateTime &t); // "2026-01-31T12:00:00.123Z", or NULL
    static QDateTime fromDb(const QVariant &v); // UTC, invalid for NULL
    static QString text(const QString &s)
    {
        return s.isNull() ? QString::fromLatin1("") : s;
    } // never NULL

private:
    explicit Store(QString path, QString connectionName);
    bool migrate(int fromVersion, QString *error);
    bool auditInTransaction(const QString &cluster, const QString &instance, const QString &action,
        const QString &message, const QJsonObject &details, QString *error);

    QString m_path;
    QString m_connectionName;
    QString m_liveKey; // this file in the process-wide count of open stores ("" = not counted)
    QSqlDatabase m_db;
    QString m_actor;
    int m_schemaVersion = 0;
    bool m_inWrite = false;
    bool m_readOnly = false;
    mutable bool m_lastBusy = false;
};

} // namespace Topograph
