#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

namespace Topograph {

class Store;

enum class AuditOutcome { Ok, Failed, Refused };
QString auditOutcomeName(AuditOutcome outcome); // ok, failed, refused
std::optional<AuditOutcome> auditOutcomeFromName(const QString &name);

struct AuditEntry
{
    qint64 id = 0; // set by append
    QDateTime at; // UTC, ms; set by append when invalid
    QString actor; // "user@host" for a person, "auto" for the engine
    QString cluster; // cluster name, may be empty
    QString instance; // host:port, may be empty
    QString action; // e.g. "recover", "detect", "ack", "set-policy", "relocate"
    AuditOutcome outcome = AuditOutcome::Ok;
    QString message; // one human sentence
    QJsonObject details; // structured, stored as compact JSON with sorted keys
    qint64 recoveryId = 0; // the recovery/operation this entry belongs to, 0 for none
    QString prevHash; // set by append
    QString hash; // set by append
};

struct AuditFilter
{
    QString cluster; // exact cluster name; empty = all
    QDateTime since; // inclusive; invalid = from the start
    QDateTime until; // exclusive; invalid = to the end
    int limit = 0; // 0 = no limit; otherwise the latest `limit` entries (still in id order)
};

struct AuditVerification
{
    bool intact = true;
    qint64 entries = 0;
    qint64 firstBadId = 0; // 0 when intact
    QString reason; // why the chain is broken at firstBadId, a sentence naming the entry
    qint64 headId = 0; // the last entry's id and hash: a report quotes them so a reader can
    QString headHash; // check it against the store later
    // Every bad entry (id -> why), not only the first: each entry is checked against its stored
    // predecessor, so one edit flags one entry. At most maxProblems are kept.
    QMap<qint64, QString> problems;
    static constexpr int maxProblems = 1000;
};

// "SELECT <every audit_entries column> FROM audit_entries", in the order auditEntryFromRow()
// reads them: for the queries of AuditLog and AuditQuery.
extern const char auditEntrySelect[];
AuditEntry auditEntryFromRow(const QSqlQuery &q);

// The append-only, hash-chained audit log in the store.
//
// Canonical serialisation (version 1) of an entry, the input of its hash:
//   "topograph-audit-v1\n", then for each field in this order:
//     id, at, actor, cluster, instance, action, outcome, message, details, recovery_id
//   the field as UTF-8 prefixed by its byte length in decimal and ':', and followed by '\n'.
//   `at` is the stored text (yyyy-MM-ddTHH:mm:ss.zzzZ), `details` the stored compact JSON text,
//   `recovery_id` is empty when there is none, id and recovery_id are decimal.
// hash = lowercase hex SHA-256( prev_hash as 64 ASCII hex characters || canonical bytes ), and
// prev_hash of the first entry is 64 zeros. Each entry stores prev_hash and hash; the table
// audit_head holds the last entry's id and hash, so deleting entries from the end is seen too.
// Length prefixes make the serialisation unambiguous whatever the fields contain.
class AuditLog
{
public:
    explicit AuditLog(Store &store);

    static QString genesisHash();
    static QByteArray canonicalContent(qint64 id, const QString &at, const QString &actor,
        const QString &cluster, const QString &instance, const QString &action,
        const QString &outcome, const QString &message, const QString &details, qint64 recoveryId);
    static QString chainHash(const QString &prevHash, const QByteArray &canonical);

    // Appends one entry in its own transaction (so a killed process leaves no half entry), or a
    // batch in one transaction. Fills id, at (if invalid), prevHash and hash.
    bool append(AuditEntry &entry, QString *error = nullptr);
    bool append(QList<AuditEntry> &entries, QString *error = nullptr);
    // For code already inside Store::write(): the entry joins that transaction.
    static bool appendInTransaction(Store &store, AuditEntry &entry, QString *error);

    QList<AuditEntry> entries(const AuditFilter &filter, QString *error = nullptr) const;
    // Streams entries in id order without holding them all; visit returns false to stop.
    bool forEach(const AuditFilter &filter, const std::function<bool(const AuditEntry &)> &visit,
        QString *error = nullptr) const;
    qint64 count(const AuditFilter &filter, QString *error = nullptr) const;
    // Entries per outcome name (ok, failed, refused) in the filter, limit ignored.
    QMap<QString, qint64> countByOutcome(const AuditFilter &filter, QString *error = nullptr) const;

    // Walks the whole chain: intact, or the first bad entry and why.
    AuditVerification verify(QString *error = nullptr) const;

private:
    static bool appendEntries(Store &store, AuditEntry *entries, qsizetype count, QString *error);

    Store &m_store;
};

} // namespace Topograph
