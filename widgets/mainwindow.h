#pragma once

#include "analysis/analysis.h"
#include "discovery/instancesession.h"
#include "operations/operation.h"
#include "model/topologysnapshot.h"
#include "recovery/recoveryexecutor.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QLineEdit;
class QTimer;

namespace Topograph {
class Engine;
class Store;
}

namespace Topograph::Gui {

class AuditLogWindow;
class AutoFailoverToggle;
class ChartsPanel;
class ConnectionContext;
class ConnectionManagerDialog;
class DiscoverDialog;
class ExportDialog;
class FailoverSettingsDialog;
class FleetTray;
class ClusterList;
class InstanceDetails;
class OperationDialog;
class OperationRunner;
class ProblemsPanel;
class ProgressPanel;
class RecoverDialog;
class TopologyScene;
class TopologyView;

// The console: clusters on the left, the selected cluster's live tree in the middle, the selected
// instance's facts on the right, problems and recoveries below. It shows what the Engine
// publishes and sends it requests; it never holds a server connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Not owned. The window follows its snapshots, analyses and recoveries from now on.
    void setEngine(Engine *engine, const QString &storePath = {});

    // Who topology operations connect as, and the replication account a server gets when it
    // receives its first channel. Without it, drops and actions are validated but not run.
    void setOperationContext(ConnectionOptionsProvider connectionOptions, const QString &replicationUser,
                             const QString &replicationPassword);
    // Connection profiles and passwords behind Discover and the connection manager; the same
    // context the engine's ConnectionOptionsProvider reads. Without it those two are disabled.
    void setConnectionContext(std::shared_ptr<ConnectionContext> context);
    OperationDialog *operationDialog() const;
    OperationRunner *operationRunner() const { return m_runner; }
    // Confirms (when the kind needs it) and runs an operation; the scene's drops and menu land here.
    void requestOperation(OperationRequest request, const OperationPlan &plan);

    TopologyView *topologyView() const { return m_view; }
    TopologyScene *topologyScene() const { return m_scene; }
    ClusterList *clusterList() const { return m_clusters; }
    ProblemsPanel *problemsPanel() const { return m_problems; }
    InstanceDetails *instanceDetails() const { return m_details; }
    ProgressPanel *progressPanel() const { return m_progress; }
    RecoverDialog *recoverDialog() const;
    AutoFailoverToggle *autoFailover() const { return m_autoFailover; }
    QLabel *autoFailoverStatus() const { return m_autoFailoverStatus; }
    QLabel *snapshotStatus() const { return m_snapshotStatus; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    AuditLogWindow *auditLog() const { return m_auditLog; } // null until setEngine()
    FleetTray *tray() const { return m_tray; }
    // The dialogs the menus open (created on demand, null when closed).
    FailoverSettingsDialog *failoverSettingsDialog() const;
    ExportDialog *exportDialog() const;
    DiscoverDialog *discoverDialog() const;
    ConnectionManagerDialog *connectionManagerDialog() const;
    // Menu and toolbar actions by object name ("Discover", "FailoverSettings", "AuditLog", ...).
    QAction *action(const QString &name) const;

    void openFailoverSettings();
    void openExportDialog();
    void openDiscoverDialog();
    void openConnectionManager();
    void openPreferences();
    void showShortcuts();

    void showCluster(const QString &name);
    void openRecoverDialog(const InstanceKey &failed, const QString &analysisCode);
    // Finds an instance by host:port (or part of it) or a cluster by alias, shows and centres it.
    bool search(const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showAbout();
    void buildMenus();
    void buildExtraDocks();
    void attachStore(const QString &storePath);
    QHash<QString, QString> aliases() const;
    void restoreLayout();
    void buildDocks();
    QWidget *buildCentre();
    void onSnapshot(const TopologySnapshotPtr &snapshot);
    void applySnapshot();
    void refresh();
    void refreshRecoveries();
    void showDetails();
    void updateStatus();
    // password: typed in the confirmation ("" = the command line's, else the keychain's);
    // remember: also store it in the keychain as user@cluster.
    void runOperation(const OperationRequest &request, const QString &password = {}, bool remember = false);
    // Where a former master rejoins, from who replaced whom as the engine last read it.
    std::optional<InstanceKey> rejoinTargetFor(const InstanceKey &formerMaster) const;
    // The window's own read connection to the store, opened on first use; nullptr without one.
    Store *store();

    Engine *m_engine = nullptr;
    QString m_storePath;
    std::unique_ptr<Store> m_store; // read-only use: unacknowledged recoveries
    TopologySnapshotPtr m_snapshot;
    TopologySnapshotPtr m_pending;
    QTimer *m_refreshTimer = nullptr;
    QElapsedTimer m_lastRefresh;
    QList<Analysis> m_analyses;
    QString m_cluster;
    QList<InstanceKey> m_clusterMembers; // to follow the cluster when its name changes (failover)
    QHash<QString, int> m_unacknowledged;
    QSet<QString> m_recovering;

    TopologyScene *m_scene;
    TopologyView *m_view;
    QLineEdit *m_search;
    QLabel *m_zoomLabel;
    ClusterList *m_clusters;
    InstanceDetails *m_details;
    ProblemsPanel *m_problems;
    ProgressPanel *m_progress;
    QPointer<RecoverDialog> m_recoverDialog;
    QPointer<OperationDialog> m_operationDialog;
    OperationRunner *m_runner;
    ConnectionOptionsProvider m_connectionOptions;
    QString m_replicationUser;
    QString m_replicationPassword;
    QString m_operationCluster; // of the operation in flight

    AutoFailoverToggle *m_autoFailover = nullptr;
    QLabel *m_autoFailoverStatus = nullptr;
    // The latest snapshot's line: a widget, not a status message, so that it never replaces the
    // outcome of an operation or a recovery (those are temporary messages shown over it).
    QLabel *m_snapshotStatus = nullptr;
    ChartsPanel *m_charts = nullptr;
    AuditLogWindow *m_auditLog = nullptr;
    FleetTray *m_tray = nullptr;
    std::shared_ptr<ConnectionContext> m_connections;
    QPointer<FailoverSettingsDialog> m_settingsDialog;
    QPointer<ExportDialog> m_exportDialog;
    QPointer<DiscoverDialog> m_discoverDialog;
    QPointer<ConnectionManagerDialog> m_connectionDialog;
};

} // namespace Topograph::Gui
