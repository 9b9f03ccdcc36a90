// MainWindow's menus, toolbar, status bar and the windows they open (failover settings, audit log,
// export, charts, connections, preferences, help). The live tree and the engine's signals are in
// mainwindow.cpp.
#include "mainwindow.h"

#include "aboutdialog.h"
#include "auditlogwindow.h"
#include "autofailovertoggle.h"
#include "chartspanel.h"
#include "connectioncontext.h"
#include "connectionmanagerdialog.h"
#include "discoverdialog.h"
#include "engine/engine.h"
#include "exportdialog.h"
#include "failoversettingsdialog.h"
#include "fleettray.h"
#include "preferences.h"
#include "shortcutsdialog.h"
#include "store/store.h"
#include "topologyview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace Topograph::Gui {

// A small line chart, drawn: the standard icon themes have nothing that says "charts".
static QIcon chartIcon()
{
    QPixmap pm(32, 32);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x60, 0x60, 0x60), 2));
    p.drawLine(4, 4, 4, 28);
    p.drawLine(4, 28, 28, 28);
    p.setPen(QPen(QColor(0x1e, 0x63, 0xd0), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const QPointF line[] = {{6, 22}, {12, 14}, {18, 18}, {27, 6}};
    p.drawPolyline(line, 4);
    return QIcon(pm);
}

void MainWindow::buildExtraDocks()
{
    m_charts = new ChartsPanel;
    // Tabbed with the problems panel: a tall minimum here would take the tree's room for good.
    m_charts->setMinimumSize(240, 120);
    auto *charts = new QDockWidget(tr("Charts"), this);
    charts->setObjectName(QStringLiteral("ChartsDock"));
    charts->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, charts);
    if (auto *problems = findChild<QDockWidget *>(QStringLiteral("ProblemsDock"))) {
        tabifyDockWidget(problems, charts);
        problems->raise();
        resizeDocks({problems}, {170}, Qt::Vertical);
    }
    charts->toggleViewAction()->setIcon(chartIcon());

    m_autoFailover = new AutoFailoverToggle(this);
    m_autoFailoverStatus = new QLabel;
    m_autoFailoverStatus->setObjectName(QStringLiteral("AutoFailoverStatus"));
    statusBar()->addPermanentWidget(m_autoFailoverStatus);
    auto showStatus = [this] {
        m_autoFailoverStatus->setText(m_autoFailover->statusText());
        m_autoFailoverStatus->setStyleSheet(m_autoFailover->isOn() ? QStringLiteral("color:#c62828;font-weight:bold")
                                                                   : QString());
    };
    connect(m_autoFailover, &AutoFailoverToggle::statusTextChanged, this, showStatus);
    connect(m_autoFailover, &AutoFailoverToggle::changed, this, [this, showStatus] {
        showStatus();
        refresh(); // the cluster list's auto-failover column
    });
    connect(m_autoFailover, &AutoFailoverToggle::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    showStatus();

    m_tray = new FleetTray(this);
    connect(m_tray, &FleetTray::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
}

void MainWindow::attachStore(const QString &storePath)
{
    if (storePath.isEmpty())
        return;
    QString error;
    if (!m_autoFailover->setStorePath(storePath, &error))
        statusBar()->showMessage(error, 15000);
    m_auditLog = new AuditLogWindow(storePath);
    m_auditLog->setMinimumSize(240, 120);
    auto *dock = new QDockWidget(tr("Audit Log"), this);
    dock->setObjectName(QStringLiteral("AuditDock"));
    dock->setWidget(m_auditLog);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *problems = findChild<QDockWidget *>(QStringLiteral("ProblemsDock")))
        tabifyDockWidget(problems, dock);
    if (auto *problems = findChild<QDockWidget *>(QStringLiteral("ProblemsDock")))
        problems->raise();
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("AuditLog"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    toggle->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    if (QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("ViewMenu")))
        view->addAction(toggle);
    if (auto *bar = findChild<QToolBar *>(QStringLiteral("MainToolBar")))
        bar->insertAction(action(QStringLiteral("ExportAudit")), toggle);
    // An acknowledgement changes the cluster list's unacknowledged counts at once.
    connect(m_auditLog, &AuditLogWindow::acknowledged, this, [this] {
        refreshRecoveries();
        refresh();
    });
    // The window state was restored before this dock existed: apply it again so the dock goes
    // back where the person left it (or keep the bottom area at its default height).
    const QByteArray state = QSettings().value(QStringLiteral("window/state")).toByteArray();
    if (state.isEmpty() || !restoreState(state))
        if (auto *problems = findChild<QDockWidget *>(QStringLiteral("ProblemsDock")))
            resizeDocks({problems}, {170}, Qt::Vertical);
}

void MainWindow::buildMenus()
{
    auto *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    auto named = [](QAction *a, const QString &name, const QKeySequence &keys = {}) {
        a->setObjectName(name);
        if (!keys.isEmpty())
            a->setShortcut(keys);
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *discover = named(file->addAction(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Discover\u2026"),
                                              this, &MainWindow::openDiscoverDialog),
                              QStringLiteral("Discover"), QKeySequence::New);
    discover->setToolTip(tr("Add a seed server: its whole replication tree is discovered (Ctrl+N)"));
    named(file->addAction(tr("&Connections\u2026"), this, &MainWindow::openConnectionManager),
          QStringLiteral("Connections"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *exportAudit = named(file->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton),
                                                 tr("&Export Audit Report\u2026"), this, &MainWindow::openExportDialog),
                                 QStringLiteral("ExportAudit"), QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    named(file->addAction(tr("&Preferences\u2026"), this, &MainWindow::openPreferences), QStringLiteral("Preferences"),
          QKeySequence(Qt::CTRL | Qt::Key_Comma));
    file->addSeparator();
    named(file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows), QStringLiteral("Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("ViewMenu"));
    named(view->addAction(tr("Zoom &In"), m_view, &TopologyView::zoomIn), QStringLiteral("ZoomIn"), QKeySequence::ZoomIn);
    named(view->addAction(tr("Zoom &Out"), m_view, &TopologyView::zoomOut), QStringLiteral("ZoomOut"), QKeySequence::ZoomOut);
    named(view->addAction(tr("&Fit Cluster"), m_view, &TopologyView::fit), QStringLiteral("Fit"),
          QKeySequence(Qt::CTRL | Qt::Key_0));
    named(view->addAction(tr("&Find Instance\u2026"), this,
                          [this] {
                              m_search->setFocus();
                              m_search->selectAll();
                          }),
          QStringLiteral("Find"), QKeySequence::Find);
    view->addSeparator();
    const QList<QPair<QString, QKeySequence>> docks{
        {QStringLiteral("ClustersDock"), QKeySequence(Qt::ALT | Qt::Key_1)},
        {QStringLiteral("InstanceDock"), QKeySequence(Qt::ALT | Qt::Key_2)},
        {QStringLiteral("ProblemsDock"), QKeySequence(Qt::ALT | Qt::Key_3)},
        {QStringLiteral("ProgressDock"), QKeySequence(Qt::ALT | Qt::Key_4)},
        {QStringLiteral("ChartsDock"), QKeySequence(Qt::ALT | Qt::Key_5)},
    };
    for (const auto &[name, keys] : docks)
        if (auto *d = findChild<QDockWidget *>(name)) {
            QAction *a = d->toggleViewAction();
            named(a, name.chopped(4), keys);
            view->addAction(a);
        }

    QMenu *failover = menuBar()->addMenu(tr("F&ailover"));
    QAction *heart = m_autoFailover->action();
    named(heart, QStringLiteral("AutoFailover"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    failover->addAction(heart);
    named(failover->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), tr("Failover &Settings\u2026"),
                              this, &MainWindow::openFailoverSettings),
          QStringLiteral("FailoverSettings"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    named(help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts), QStringLiteral("Shortcuts"),
          QKeySequence::HelpContents);
    named(help->addAction(tr("&About Topograph"), this, &MainWindow::showAbout), QStringLiteral("About"));

    // Toolbar labels without accelerators: Korean and Japanese menus carry them as "(&D)", which
    // a tool button would show as a literal "(D)".
    discover->setIconText(tr("Discover"));
    action(QStringLiteral("FailoverSettings"))->setIconText(tr("Failover Settings"));
    exportAudit->setIconText(tr("Export Report"));
    bar->addAction(heart);
    bar->addSeparator();
    bar->addAction(discover);
    bar->addAction(action(QStringLiteral("FailoverSettings")));
    bar->addAction(exportAudit);
    if (auto *charts = findChild<QDockWidget *>(QStringLiteral("ChartsDock")))
        bar->addAction(charts->toggleViewAction());

    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("Show Topograph"), this, [this] {
        showNormal();
        raise();
    });
    trayMenu->addAction(heart);
    trayMenu->addSeparator();
    trayMenu->addAction(action(QStringLiteral("Quit")));
    m_tray->setMenu(trayMenu);
    // Discover and Connections need the connection context; enabled in setConnectionContext.
    discover->setEnabled(false);
    action(QStringLiteral("Connections"))->setEnabled(false);
}

QAction *MainWindow::action(const QString &name) const
{
    for (QAction *a : findChildren<QAction *>(name))
        return a;
    // Dock toggles belong to their docks.
    for (QDockWidget *d : findChildren<QDockWidget *>())
        if (d->toggleViewAction()->objectName() == name)
            return d->toggleViewAction();
    return nullptr;
}

void MainWindow::setConnectionContext(std::shared_ptr<ConnectionContext> context)
{
    m_connections = std::move(context);
    action(QStringLiteral("Discover"))->setEnabled(m_connections != nullptr);
    action(QStringLiteral("Connections"))->setEnabled(m_connections != nullptr);
}

QHash<QString, QString> MainWindow::aliases() const
{
    QHash<QString, QString> out;
    if (m_snapshot)
        for (const ClusterInfo &c : m_snapshot->clusters())
            if (!c.alias.isEmpty())
                out.insert(c.name, c.alias);
    return out;
}

FailoverSettingsDialog *MainWindow::failoverSettingsDialog() const { return m_settingsDialog; }
ExportDialog *MainWindow::exportDialog() const { return m_exportDialog; }
DiscoverDialog *MainWindow::discoverDialog() const { return m_discoverDialog; }
ConnectionManagerDialog *MainWindow::connectionManagerDialog() const { return m_connectionDialog; }

void MainWindow::openFailoverSettings()
{
    if (m_storePath.isEmpty()) {
        statusBar()->showMessage(tr("No store is open: the failover policy lives in the store"), 10000);
        return;
    }
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        return;
    }
    auto *dialog = new FailoverSettingsDialog(m_storePath, m_snapshot, aliases(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    connect(dialog, &FailoverSettingsDialog::saved, this, [this] {
        m_autoFailover->refresh();
        statusBar()->showMessage(tr("Failover policy saved; the engine applies it within a second"), 10000);
    });
    dialog->open();
}

void MainWindow::openExportDialog()
{
    if (m_storePath.isEmpty())
        return;
    if (m_exportDialog) {
        m_exportDialog->raise();
        return;
    }
    auto *dialog = new ExportDialog(m_storePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialog = dialog;
    if (m_snapshot) {
        QStringList clusters;
        for (const ClusterInfo &c : m_snapshot->clusters())
            clusters << c.name;
        dialog->setClusters(clusters, aliases());
    }
    dialog->setScope(m_cluster, {}, {});
    dialog->open();
}

void MainWindow::openDiscoverDialog()
{
    if (!m_connections)
        return;
    if (m_discoverDialog) {
        m_discoverDialog->raise();
        return;
    }
    auto *dialog = new DiscoverDialog(m_connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_discoverDialog = dialog;
    connect(dialog, &DiscoverDialog::discoverRequested, this, [this](const QList<InstanceKey> &seeds) {
        if (m_engine)
            m_engine->requestProbe(seeds);
        QStringList names;
        for (const InstanceKey &k : seeds)
            names << k.toString();
        statusBar()->showMessage(tr("Discovering from %1\u2026").arg(names.join(QStringLiteral(", "))), 10000);
    });
    dialog->open();
}

void MainWindow::openConnectionManager()
{
    if (!m_connections)
        return;
    if (m_connectionDialog) {
        m_connectionDialog->raise();
        return;
    }
    auto *dialog = new ConnectionManagerDialog(m_connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_connectionDialog = dialog;
    connect(dialog, &ConnectionManagerDialog::profilesChanged, this, [this](const QList<InstanceKey> &seeds) {
        // New settings or password: look again now rather than at the next failure.
        if (m_engine)
            m_engine->requestProbe(seeds);
    });
    dialog->open();
}

void MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this, m_storePath, m_store ? m_store->schemaVersion() : 0);
    dialog.exec();
}

} // namespace Topograph::Gui
