#include "mainwindow.h"

#include "discovery/reachabilitysummary.h"

#include "auditlogwindow.h"
#include "autofailovertoggle.h"
#include "chartspanel.h"
#include "fleettray.h"
#include "clusterlist.h"
#include "connectioncontext.h"
#include "discovery/reachabilitysummary.h"
#include "engine/engine.h"
#include "instancedetails.h"
#include "keychainthread.h"
#include "logging/logging.h"
#include "operationdialog.h"
#include "operationrunner.h"
#include "problemspanel.h"
#include "progresspanel.h"
#include "recoverdialog.h"
#include "store/recoverylog.h"
#include "store/store.h"
#include "topologyscene.h"
#include "topologyview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Topograph::Gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new TopologyScene(this))
    , m_runner(new OperationRunner(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Topograph"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/topograph.svg")));
    setDockNestingEnabled(true);

    setCentralWidget(buildCentre());
    buildDocks();
    buildExtraDocks();
    buildMenus();

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::applySnapshot);
    connect(m_scene, &TopologyScene::recoverRequested, this, &MainWindow::openRecoverDialog);
    connect(m_scene, &TopologyScene::operationRequested, this, &MainWindow::requestOperation);
    m_scene->setRejoinTargetLookup([this](const InstanceKey &k) { return rejoinTargetFor(k); });
    connect(m_runner, &OperationRunner::progress, this, [this](const QString &step, int outcome) {
        m_progress->progress(QStringLiteral("op:") + m_operationCluster, step, StepOutcome(outcome));
    });
    connect(m_runner, &OperationRunner::finished, this, [this](const OperationOutcome &out, const QList<RecoveryStep> &) {
        const QString cluster = m_operationCluster;
        RecoveryOutcome shown;
        shown.success = out.success;
        shown.refused = out.refused;
        shown.message = out.message;
        shown.elapsedMs = out.elapsedMs;
        m_progress->finished(QStringLiteral("op:") + cluster, shown);
        statusBar()->showMessage(out.message, 15000);
        // The servers changed: look again now rather than at the next round.
        if (m_engine && m_snapshot)
            if (const ClusterInfo *c = m_snapshot->cluster(cluster))
                m_engine->requestProbe(c->members);
    });
    connect(m_problems, &ProblemsPanel::recoverRequested, this, &MainWindow::openRecoverDialog);
    connect(m_scene, &TopologyScene::instanceSelected, this, &MainWindow::showDetails);
    connect(m_clusters, &ClusterList::clusterSelected, this, &MainWindow::showCluster);
    connect(m_problems, &ProblemsPanel::instanceActivated, this, [this](const InstanceKey &key, const QString &cluster) {
        m_clusters->setCurrentCluster(cluster);
        showCluster(cluster);
        m_view->centreOn(key);
    });

    m_snapshotStatus = new QLabel(tr("Ready"));
    m_snapshotStatus->setObjectName(QStringLiteral("SnapshotStatus"));
    statusBar()->addWidget(m_snapshotStatus, 1);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

RecoverDialog *MainWindow::recoverDialog() const
{
    return m_recoverDialog;
}

QWidget *MainWindow::buildCentre()
{
    auto *centre = new QWidget;
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QWidget;
    bar->setObjectName(QStringLiteral("ViewBar"));
    auto *bl = new QHBoxLayout(bar);
    bl->setContentsMargins(6, 3, 6, 3);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("Search"));
    m_search->setPlaceholderText(tr("Find instance (host:port) or cluster alias\u2026"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    m_search->setCompleter(new QCompleter(new QStringListModel(this), this));
    m_search->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_search->completer()->setFilterMode(Qt::MatchContains);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!search(m_search->text()))
            statusBar()->showMessage(tr("No instance or cluster matches \u201c%1\u201d").arg(m_search->text()), 5000);
    });
    bl->addWidget(m_search);
    bl->addStretch();
    m_view = new TopologyView(m_scene);
    auto addButton = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, m_view, slot);
        bl->addWidget(b);
    };
    addButton(QStringLiteral("\u2212"), tr("Zoom out (Ctrl+-, Ctrl+wheel)"), &TopologyView::zoomOut);
    m_zoomLabel = new QLabel(QStringLiteral("100%"));
    m_zoomLabel->setMinimumWidth(44);
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    bl->addWidget(m_zoomLabel);
    addButton(QStringLiteral("+"), tr("Zoom in (Ctrl++, Ctrl+wheel)"), &TopologyView::zoomIn);
    addButton(tr("Fit"), tr("Fit the cluster in the view (Ctrl+0)"), &TopologyView::fit);
    connect(m_view, &TopologyView::zoomChanged, this,
            [this](qreal z) { m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(z * 100))); });
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    return centre;
}

void MainWindow::buildDocks()
{
    auto dock = [this](const QString &title, const QString &name, QWidget *w, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    m_clusters = new ClusterList;
    m_details = new InstanceDetails;
    m_problems = new ProblemsPanel;
    m_progress = new ProgressPanel;
    dock(tr("Clusters"), QStringLiteral("ClustersDock"), m_clusters, Qt::LeftDockWidgetArea);
    dock(tr("Instance"), QStringLiteral("InstanceDock"), m_details, Qt::RightDockWidgetArea);
    QDockWidget *problems = dock(tr("Problems"), QStringLiteral("ProblemsDock"), m_problems, Qt::BottomDockWidgetArea);
    QDockWidget *progress = dock(tr("Recoveries"), QStringLiteral("ProgressDock"), m_progress, Qt::BottomDockWidgetArea);
    tabifyDockWidget(problems, progress);
    problems->raise();
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("ClustersDock")), findChild<QDockWidget *>(QStringLiteral("InstanceDock"))},
                {330, 340}, Qt::Horizontal);
    resizeDocks({problems}, {170}, Qt::Vertical);
}

void MainWindow::setEngine(Engine *engine, const QString &storePath)
{
    m_engine = engine;
    m_storePath = storePath;
    attachStore(storePath);
    connect(engine, &Engine::snapshotUpdated, this, &MainWindow::onSnapshot);
    connect(engine, &Engine::analysisAppeared, m_tray, &FleetTray::notifyDetected);
    connect(engine, &Engine::recoveryFinished, m_tray, &FleetTray::notifyRecovery);
    connect(engine, &Engine::recoveryStarted, this, [this](const QString &cluster, const InstanceKey &failed) {
        m_recovering.insert(cluster);
        if (!m_recoverDialog || !m_recoverDialog->isRunning())
            m_progress->started(cluster, tr("Recovery of %1").arg(failed.toString()));
        else
            m_progress->started(cluster, tr("Recovery of %1 (from the Recover dialog)").arg(failed.toString()));
        if (auto *d = findChild<QDockWidget *>(QStringLiteral("ProgressDock")))
            d->raise();
        refresh();
    });
    connect(engine, &Engine::recoveryProgress, this, [this](const QString &cluster, const QString &step, int outcome) {
        m_progress->progress(cluster, step, StepOutcome(outcome));
        if (m_recoverDialog && m_recoverDialog->isRunning())
            m_recoverDialog->recoveryProgress(step, StepOutcome(outcome));
    });
    connect(engine, &Engine::recoveryFinished, this, [this](const QString &cluster, const RecoveryOutcome &outcome) {
        m_recovering.remove(cluster);
        m_progress->finished(cluster, outcome);
        if (m_auditLog)
            m_auditLog->refresh();
        if (m_recoverDialog && m_recoverDialog->isRunning())
            m_recoverDialog->recoveryFinished(outcome);
        statusBar()->showMessage(outcome.message, 15000);
        refreshRecoveries();
        refresh();
    });
    // Acknowledgements may come from a CLI sharing the store.
    auto *timer = new QTimer(this);
    timer->start(10000);
    connect(timer, &QTimer::timeout, this, [this] {
        refreshRecoveries();
        refresh();
    });
    refreshRecoveries();
    if (engine->snapshot())
        onSnapshot(engine->snapshot());
}

void MainWindow::setOperationContext(ConnectionOptionsProvider connectionOptions, const QString &replicationUser,
                                     const QString &replicationPassword)
{
    m_connectionOptions = std::move(connectionOptions);
    m_replicationUser = replicationUser;
    m_replicationPassword = replicationPassword;
    m_scene->setReplicationUser(replicationUser);
}

Store *MainWindow::store()
{
    QString error;
    if (!m_store && !m_storePath.isEmpty())
        m_store = Store::open(m_storePath, &error);
    return m_store.get();
}

std::optional<InstanceKey> MainWindow::rejoinTargetFor(const InstanceKey &formerMaster) const
{
    // The engine's copy, the one its FormerMasterReturned analysis uses: no store read here.
    if (!m_engine || !m_snapshot)
        return std::nullopt;
    return rejoinTarget(m_engine->replacedMasters(), *m_snapshot, formerMaster);
}

OperationDialog *MainWindow::operationDialog() const
{
    return m_operationDialog;
}

void MainWindow::requestOperation(OperationRequest request, const OperationPlan &plan)
{
    request.replicationUser = m_replicationUser;
    if (!needsConfirmation(request.kind)) {
        runOperation(request);
        return;
    }
    delete m_operationDialog;
    auto *dialog = new OperationDialog(request, plan, !m_replicationPassword.isEmpty(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_operationDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, request, dialog] {
        runOperation(request, dialog->replicationPassword(), dialog->rememberReplicationPassword());
    });
    dialog->open();
}

void MainWindow::runOperation(const OperationRequest &request, const QString &password, bool remember)
{
    if (!m_snapshot || !m_engine || m_storePath.isEmpty()) {
        statusBar()->showMessage(tr("Not connected to an engine: nothing was run"), 10000);
        return;
    }
    OperationRunner::Context context;
    context.storePath = m_storePath;
    context.policy = m_engine->policy();
    context.connectionOptions = m_connectionOptions;
    context.replicationPassword = password.isEmpty() ? m_replicationPassword : password;
    const ClusterInfo *c = m_snapshot->clusterOf(request.instance);
    const QString cluster = c ? c->name : m_cluster;
    if (!password.isEmpty()) {
        Logging::registerSecret(password);
        if (remember && m_connections) {
            const QString account = CredentialStore::accountFor(request.replicationUser, cluster);
            const std::shared_ptr<ConnectionContext> connections = m_connections;
            KeychainThread::submit(connections->keychainRequest(KeychainThread::Operation::Write, account, password))
                .then(this, [this, connections, account](const CredentialResult &r) {
                    if (r.ok)
                        connections->forgetKeychainPassword(account);
                    statusBar()->showMessage(r.ok ? tr("Replication password stored in the keychain as %1").arg(account)
                                                  : tr("Replication password not stored: %1").arg(r.error),
                                             10000);
                });
        }
    } else if (context.replicationPassword.isEmpty() && m_connections) {
        // Asked on the runner's thread: the cluster's entries (profile, alias, name), then user@*.
        context.resolveReplicationPassword = replicationPasswordResolver(m_connections, request.replicationUser);
    }
    m_operationCluster = cluster;
    if (!m_runner->run(context, m_snapshot, request)) {
        statusBar()->showMessage(tr("Another operation from this window is still running"), 10000);
        return;
    }
    m_progress->started(QStringLiteral("op:") + cluster,
                        tr("%1 of %2").arg(operationKindName(request.kind), request.instance.toString()));
    if (auto *d = findChild<QDockWidget *>(QStringLiteral("ProgressDock")))
        d->raise();
}

void MainWindow::refreshRecoveries()
{
    if (!store())
        return;
    QString error;
    RecoveryFilter filter;
    filter.unacknowledgedOnly = true;
    m_unacknowledged.clear();
    const QList<Recovery> recoveries = RecoveryLog(*m_store).recoveries(filter, &error);
    for (const Recovery &r : recoveries) {
        // A failover renames the cluster (after its new master): count it under the new name too.
        QString cluster = r.cluster;
        if (m_snapshot && !r.successor.isEmpty())
            if (const auto key = InstanceKey::parse(r.successor))
                if (const ClusterInfo *c = m_snapshot->clusterOf(*key))
                    cluster = c->name;
        ++m_unacknowledged[cluster];
    }
}

void MainWindow::onSnapshot(const TopologySnapshotPtr &snapshot)
{
    // Every snapshot goes into the charts' history (cheap); the window itself shows at most ten
    // per second, the latest one always, so it stays responsive whatever the engine publishes
    // (snapshots come in bursts when re-probes follow a failure).
    if (snapshot)
        m_charts->addSnapshot(*snapshot);
    m_pending = snapshot;
    if (m_refreshTimer->isActive())
        return;
    const qint64 since = m_lastRefresh.isValid() ? m_lastRefresh.elapsed() : 1000;
    m_refreshTimer->start(int(qMax<qint64>(0, 100 - since)));
}

void MainWindow::applySnapshot()
{
    const TopologySnapshotPtr snapshot = std::exchange(m_pending, nullptr);
    if (!snapshot)
        return;
    m_lastRefresh.start();
    m_snapshot = snapshot;
    m_analyses = m_engine ? m_engine->analyses() : QList<Analysis>();
    // Follow the shown cluster when a failover renames it (after its new master) and leaves the
    // dead master alone under the old name: show the cluster holding most of the instances shown
    // before.
    if (!m_cluster.isEmpty() && !m_clusterMembers.isEmpty()) {
        QHash<QString, int> overlap;
        for (const InstanceKey &k : std::as_const(m_clusterMembers))
            if (const ClusterInfo *c = snapshot->clusterOf(k))
                ++overlap[c->name];
        QString best = m_cluster;
        for (auto it = overlap.cbegin(); it != overlap.cend(); ++it)
            if (it.value() > overlap.value(best) || (it.value() == overlap.value(best) && best != m_cluster && it.key() < best))
                best = it.key();
        if (!snapshot->cluster(m_cluster) || overlap.value(best) > overlap.value(m_cluster))
            m_cluster = best;
    }
    if (m_cluster.isEmpty() && !snapshot->clusters().isEmpty())
        m_cluster = snapshot->clusters().first().name;
    refresh();
}

void MainWindow::refresh()
{
    if (!m_snapshot)
        return;
    m_clusters->apply(*m_snapshot, m_analyses, m_engine ? m_engine->policy() : Policy(), m_unacknowledged, m_recovering);
    if (m_clusters->currentCluster() != m_cluster) {
        const QSignalBlocker block(m_clusters);
        m_clusters->setCurrentCluster(m_cluster);
    }
    QHash<QString, qint64> running;
    for (const QString &c : std::as_const(m_recovering))
        running.insert(c, -1);
    m_scene->setRunning(running);
    if (m_engine)
        m_scene->setMaxLagSeconds(m_engine->policy().reasonableMaintenanceReplicationLagSeconds);
    const bool first = m_scene->keys().isEmpty() || m_scene->clusterName() != m_cluster;
    m_scene->apply(m_snapshot, m_analyses, m_cluster);
    if (const ClusterInfo *c = m_snapshot->cluster(m_cluster))
        m_clusterMembers = c->members;
    if (first && !m_scene->keys().isEmpty())
        m_view->showWhole();
    m_problems->apply(m_analyses);
    showDetails();
    m_charts->setCluster(m_cluster);
    if (m_engine)
        m_charts->setLagThreshold(m_engine->policy().reasonableReplicationLagSeconds);
    m_autoFailover->setFleet(m_snapshot, aliases());
    m_tray->apply(m_analyses, m_snapshot->instances().size(), m_snapshot->clusters().size());
    QStringList names;
    for (auto it = m_snapshot->instances().cbegin(); it != m_snapshot->instances().cend(); ++it)
        names << it.key().toString();
    for (const ClusterInfo &c : m_snapshot->clusters())
        if (!c.alias.isEmpty())
            names << c.alias;
    auto *model = static_cast<QStringListModel *>(m_search->completer()->model());
    if (model->stringList() != names)
        model->setStringList(names);
    updateStatus();
}

void MainWindow::showCluster(const QString &name)
{
    if (name.isEmpty() || name == m_cluster)
        return;
    m_cluster = name;
    m_charts->setCluster(name);
    if (!m_snapshot)
        return;
    m_scene->apply(m_snapshot, m_analyses, m_cluster);
    if (const ClusterInfo *c = m_snapshot->cluster(m_cluster))
        m_clusterMembers = c->members;
    m_view->showWhole();
    showDetails();
}


void MainWindow::showDetails()
{
    m_details->show(m_snapshot.get(), m_scene->selectedKey(), m_analyses);
}

bool MainWindow::search(const QString &input)
{
    const QString text = input.trimmed();
    if (!m_snapshot || text.isEmpty())
        return false;
    std::optional<InstanceKey> found;
    if (const auto key = InstanceKey::parse(text); key && m_snapshot->instance(*key))
        found = key;
    if (!found)
        if (const ClusterInfo *c = m_snapshot->cluster(text))
            found = c->master;
    if (!found)
        for (auto it = m_snapshot->instances().cbegin(); it != m_snapshot->instances().cend(); ++it)
            if (it.key().toString().contains(text, Qt::CaseInsensitive)) {
                found = it.key();
                break;
            }
    if (!found)
        return false;
    const ClusterInfo *c = m_snapshot->clusterOf(*found);
    if (!c)
        return false;
    m_clusters->setCurrentCluster(c->name);
    showCluster(c->name);
    return m_view->centreOn(*found);
}

void MainWindow::openRecoverDialog(const InstanceKey &failed, const QString &analysisCode)
{
    if (!m_snapshot || !m_engine)
        return;
    if (m_recoverDialog && m_recoverDialog->isRunning()) {
        m_recoverDialog->raise();
        return;
    }
    delete m_recoverDialog;
    auto *dialog = new RecoverDialog(m_snapshot, failed, analysisCode, m_engine->policy(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_recoverDialog = dialog;
    connect(dialog, &RecoverDialog::runRequested, this, [this, dialog](const RecoveryRequest &request) {
        QString error;
        if (!m_engine->recover(request, &error))
            dialog->recoveryRefused(error);
    });
    dialog->open();
}

void MainWindow::updateStatus()
{
    int problems = 0;
    for (const Analysis &a : std::as_const(m_analyses))
        problems += a.severity >= Severity::Error;
    QString text = tr("Snapshot %1 at %2 \u00b7 %3 instances in %4 clusters \u00b7 %5 serious problems")
                       .arg(m_snapshot->sequence())
                       .arg(m_snapshot->takenAt().toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                       .arg(m_snapshot->instances().size())
                       .arg(m_snapshot->clusters().size())
                       .arg(problems);
    // While servers hang or are cut off, say so, and that the rest is still polled.
    const ReachabilitySummary reachability = reachabilitySummary(*m_snapshot);
    if (!reachability.isEmpty()) {
        QStringList down;
        for (const ReachabilitySummary::Cluster &c : reachability.clusters)
            down << tr("%n server(s) of cluster %1", nullptr, c.notAnswering).arg(c.name);
        text += QStringLiteral(" \u00b7 ")
                + tr("%1 not answering; %n other(s) polled normally", nullptr, reachability.answering)
                      .arg(down.join(QStringLiteral(", ")));
    }
    m_snapshotStatus->setText(text);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_view->setZoom(settings.value(QStringLiteral("view/zoom"), 1.0).toReal());
    m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(m_view->zoom() * 100)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("view/zoom"), m_view->zoom());
    event->accept();
}

} // namespace Topograph::Gui
