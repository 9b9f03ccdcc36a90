#pragma once

#include "store/auditquery.h"
#include "store/recoverylog.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QMap>

namespace Topograph {
class Store;
}

namespace Topograph::Gui {

// The audit log as a table, newest first, without ever holding it: rowCount() is a SQL count,
// and rows are read on demand in pages of pageSize, keeping at most maxCachedPages. A page next
// to a cached one is read by keyset (id < the neighbour's last id), a jump by OFFSET.
//
// The rows are a snapshot up to the last id seen at setFilter()/refresh(), so entries appended
// meanwhile by the engine or a CLI do not shift what the view shows; refresh() then inserts them
// at the top (the view keeps its selection) and resets only when older rows changed too.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TimeColumn,
        ActorColumn,
        ClusterColumn,
        InstanceColumn,
        ActionColumn,
        OutcomeColumn,
        RecoveryColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        RecoveryIdRole,
        ClusterNameRole, // the cluster's name even when the column shows its alias
        OutcomeNameRole, // ok, failed, refused
    };
    static constexpr int pageSize = 200;
    static constexpr int maxCachedPages = 8;

    explicit AuditLogModel(Topograph::Store &store, QObject *parent = nullptr);

    void setFilter(const Topograph::AuditQueryFilter &filter);
    Topograph::AuditQueryFilter filter() const { return m_filter; }
    void setAliases(const QHash<QString, QString> &aliases);
    // Entries the last chain verification found bad (id -> why): their id is marked.
    void setChainProblems(const QMap<qint64, QString> &problems);

    // Picks up what changed in the store since the last refresh. Cheap when nothing did (one
    // max(id)); force re-reads everything. Returns whether the rows changed.
    bool refresh(bool force = false);

    qint64 lastId() const { return m_lastId; } // the snapshot's newest entry
    qint64 totalEntries() const { return m_total; } // in the snapshot, unfiltered
    qint64 entryId(int row) const; // 0 when out of range or unreadable
    std::optional<Topograph::AuditEntry> entryAt(int row) const;
    // Row of the entry under the current filter, -1 when it is filtered out or newer than the
    // snapshot. One SQL count, however deep the row.
    int rowOfId(qint64 id) const;
    QString lastError() const { return m_error; }

    // What the model holds, for tests and the status line.
    int cachedRowCount() const;
    QList<int> cachedPages() const { return m_pages.keys(); }
    int pagesRead() const { return m_pagesRead; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void errorOccurred(const QString &message);

private:
    void reload();
    const Topograph::AuditEntry *entryPointer(int row) const;
    const QList<Topograph::AuditEntry> *page(int index) const;
    Topograph::AuditQueryFilter snapshotFilter() const;
    void fail(const QString &error) const;

    Topograph::Store &m_store;
    Topograph::AuditQueryFilter m_filter;
    QHash<QString, QString> m_aliases;
    QMap<qint64, QString> m_problems;
    qint64 m_lastId = 0;
    qint64 m_total = 0;
    int m_rows = 0;
    // Read lazily from const data(): the cache is not the model's state, only a copy of the store.
    mutable QHash<int, QList<Topograph::AuditEntry>> m_pages;
    mutable QList<int> m_recent; // page indexes, most recently used last
    mutable int m_pagesRead = 0;
    mutable QString m_error;
};

// For people: glyph and translated word ("✓ ok"), and a recovery's state as a translated word.
QString auditOutcomeText(AuditOutcome outcome);
QString recoveryStateText(RecoveryState state);

} // namespace Topograph::Gui
