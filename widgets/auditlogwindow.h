#pragma once

#include "store/auditquery.h"
#include "store/recoverylog.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace Topograph {
class Store;
}

namespace Topograph::Gui {

class AuditEntryDetails;
class AuditLogModel;
class BlockedRecoveriesPanel;
class ExportDialog;
class StoreTask;

// The audit and acknowledgement log: a filterable, lazily read table of every audit entry
// (newest first), the selected entry in full with its recovery's steps, the blocked automatic
// recoveries, the hash chain's verification and the acknowledgement actions (each asks for the
// required comment). A plain QWidget, so it fits a dock, a tab or a window of its own.
//
// It opens its own Store on the GUI thread (a Store is per thread); verification and exports
// run on worker threads with theirs.
class AuditLogWindow : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogWindow(const QString &storePath, QWidget *parent = nullptr);
    ~AuditLogWindow() override;

    bool isStoreOpen() const { return m_store != nullptr; }
    QString storePath() const { return m_storePath; }
    Topograph::Store *store() const { return m_store.get(); } // null when it could not be opened
    AuditLogModel *model() const { return m_model; }

    Topograph::AuditQueryFilter currentFilter() const;
    bool selectEntry(qint64 id); // false when the entry is filtered out
    qint64 selectedEntryId() const;
    // 0 turns auto refresh off; it is on (5 s) by default and pauses while hidden.
    void setAutoRefreshInterval(int ms);
    bool isVerifying() const;
    const Topograph::AuditVerification &lastVerification() const { return m_verification; }

    QTableView *table() const { return m_table; }
    AuditEntryDetails *details() const { return m_details; }
    BlockedRecoveriesPanel *blockedPanel() const { return m_blocked; }
    QComboBox *clusterFilter() const { return m_cluster; }
    QComboBox *kindFilter() const { return m_kind; }
    QComboBox *outcomeFilter() const { return m_outcome; }
    QCheckBox *fromEnabled() const { return m_fromOn; }
    QCheckBox *toEnabled() const { return m_toOn; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QCheckBox *unacknowledgedFilter() const { return m_unacked; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *chainStatus() const { return m_chainText; }
    QLabel *statusLine() const { return m_status; }
    QLabel *countLabel() const { return m_count; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *ackRecoveryButton() const { return m_ackRecovery; }
    QPushButton *ackClusterButton() const { return m_ackCluster; }
    QPushButton *ackAllButton() const { return m_ackAll; }
    QPushButton *exportButton() const { return m_export; }

public slots:
    // Applies the filter bar now (typing in the search field applies it after a short pause).
    void applyFilters();
    // Reads what changed in the store (new entries, recoveries, blocked attempts) and keeps the
    // selection.
    void refresh();
    // In the background; chainVerified() reports the result.
    void verifyChain();
    void acknowledgeSelectedRecovery();
    void acknowledgeSelectedCluster();
    void acknowledgeAllRecoveries();
    void acknowledgeRecovery(qint64 recoveryId);
    // The export dialog with the current cluster and period preselected.
    ExportDialog *openExportDialog();

signals:
    void chainVerified(bool intact);
    // After any acknowledgement, so that other views can update what they show as blocked.
    void acknowledged(int recoveries);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildFilterBar();
    void updateChoices();
    void refreshRecoveries();
    void showSelected();
    void updateAckButtons();
    void updateCount();
    void showChainResult(const Topograph::AuditVerification &v, const QString &error, qint64 ms);
    void updateChainLabel();
    void setStatus(const QString &text, bool error);
    QString clusterForAck() const;
    // Runs the comment dialog, then the acknowledgement; returns the RecoveryLog result.
    int runAcknowledge(
        const QString &what, const std::function<int(const QString &, QString *)> &ack);

    QString m_storePath;
    std::unique_ptr<Topograph::Store> m_store;
    AuditLogModel *m_model = nullptr;
    QHash<QString, QString> m_aliases;
    QSet<QString> m_clusters, m_actions;
    qint64 m_choicesUpTo = 0;
    QList<Topograph::Recovery> m_unacknowledged; // not acknowledged, running ones included
    std::optional<Topograph::Recovery> m_selectedRecovery;
    QString m_selectedCluster;
    qint64 m_restoreId = 0;
    Topograph::AuditVerification m_verification;
    bool m_verified = false;
    QString m_verifyError;
    qint64 m_verifyMs = 0;
    QDateTime m_verifiedAt;
    int m_refreshMs = 5000;
    QPointer<StoreTask> m_verifyTask;
    bool m_verifyAgain = false;

    QComboBox *m_cluster, *m_kind, *m_outcome;
    QCheckBox *m_fromOn, *m_toOn, *m_unacked;
    QDateTimeEdit *m_from, *m_to;
    QLineEdit *m_search;
    QLabel *m_count, *m_chainIcon, *m_chainText, *m_status;
    QPushButton *m_verify, *m_refresh, *m_export;
    QPushButton *m_ackRecovery, *m_ackCluster, *m_ackAll;
    QTableView *m_table;
    QTabWidget *m_tabs;
    AuditEntryDetails *m_details;
    BlockedRecoveriesPanel *m_blocked;
    QTimer *m_autoRefresh, *m_searchDelay;
};

} // namespace Topograph::Gui
