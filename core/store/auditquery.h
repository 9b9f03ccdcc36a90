#pragma once

#include "auditlog.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Topograph {

class Store;

// What a person browsing the audit log narrows it to. Every field is ANDed.
struct AuditQueryFilter
{
    QString cluster; // exact cluster name; empty = all
    QString action; // exact action ("recover", "acknowledge", ...); empty = all
    std::optional<AuditOutcome> outcome; // none = all
    QDateTime since; // inclusive; invalid = from the start
    QDateTime until; // exclusive; invalid = to the end
    // Entries that belong to a recovery (recovery_id) not acknowledged yet, running ones included.
    bool unacknowledgedOnly = false;
    // Substring of message, instance, cluster, action or actor. Case-insensitive for ASCII only:
    // SQLite's LIKE does not fold other letters (and Hangul or Kana have no case anyway).
    QString text;
    // Id bounds: (afterId, upToId]. 0 = unbounded. A view pins upToId so that entries appended
    // meanwhile do not shift its rows until it refreshes.
    qint64 afterId = 0;
    qint64 upToId = 0;

    bool operator==(const AuditQueryFilter &) const = default;
};

// Paged, filtered reads of the audit log for a viewer that must stay fast on 100,000+ entries:
// nothing here loads more than one page, counts are done by SQLite, and pages are newest first.
class AuditQuery
{
public:
    explicit AuditQuery(Store &store);

    qint64 count(const AuditQueryFilter &filter, QString *error = nullptr) const;

    // Newest first. Keyset: entries older than beforeId (0 = from the newest), which stays cheap
    // however deep the page; use it when the previous page's last id is known.
    QList<AuditEntry> pageBefore(
        const AuditQueryFilter &filter, qint64 beforeId, int limit, QString *error = nullptr) const;
    // Newest first: the `limit` entries just newer than afterId (the page above a known one).
    QList<AuditEntry> pageAfter(
        const AuditQueryFilter &filter, qint64 afterId, int limit, QString *error = nullptr) const;
    // Newest first, skipping `offset` matching entries: for a jump (a dragged scroll bar) where no
    // neighbouring page is known. SQLite still walks the skipped rows, so prefer pageBefore().
    QList<AuditEntry> pageAt(
        const AuditQueryFilter &filter, qint64 offset, int limit, QString *error = nullptr) const;

    std::optional<AuditEntry> entry(qint64 id, QString *error = nullptr) const;
    qint64 lastId(QString *error = nullptr) const; // 0 for an empty log

    // Clusters and actions of entries with id > afterId, to fill filter choices incrementally.
    bool distinctValues(qint64 afterId, QSet<QString> *clusters, QSet<QString> *actions,
        QString *error = nullptr) const;

    // The LIKE pattern matching `text` anywhere, with %, _ and the escape character escaped.
    static QString likePattern(const QString &text);

private:
    Store &m_store;
};

} // namespace Topograph
