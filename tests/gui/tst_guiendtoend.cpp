// The main window on a real MariaDB sandbox (a>b, a>c, c>d): every instance a card under the right
// parent; a frozen server (SIGSTOP) does not freeze the window; kill -9 of the master shows
// DeadMaster and a Recover button within 2 s; Recover makes the survivors follow the new master.
#include "clusterlist.h"
#include "connectioncontext.h"
#include "keychainthread.h"
#include "guitest.h"
#include "engine/engine.h"
#include "instancedetails.h"
#include "instanceitem.h"
#include "mainwindow.h"
#include "operationdialog.h"
#include "operationrunner.h"
#include "problemspanel.h"
#include "progresspanel.h"
#include "recoverdialog.h"
#include "sandbox.h"
#include "topologyscene.h"
#include "topologyview.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QScopeGuard>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Topograph;
using namespace Topograph::Gui;
using Topograph::Test::Sandbox;

class tst_GuiEndToEnd : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyInstanceIsACardUnderItsSource();
    void frozenServerDoesNotFreezeTheWindow();
    void dragToDescendantIsRefusedAndRunsNothing();
    void dragReplicaOntoSiblingRelocatesIt();
    void dragReplicaOntoMasterPromoteZoneTakesOver();
    void forceFailoverNeedsADeliberateConfirmation();
    void killMasterThenRecover();
    void restartedOldMasterRejoinsFromItsMenu();

private:
    InstanceKey key(const QString &node) const { return InstanceKey(QStringLiteral("127.0.0.1"), m_sb->port(node)); }
    void artifact(QWidget *w, const QString &name);

    std::unique_ptr<Sandbox> m_sb;
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    ConnectionOptionsProvider m_options;
    QString m_killedNode; // the master killMasterThenRecover killed
    InstanceKey m_successor; // and the replica its recovery promoted
};

void tst_GuiEndToEnd::artifact(QWidget *w, const QString &name)
{
    Topograph::Test::saveArtifact(*w, name);
}

void tst_GuiEndToEnd::initTestCase()
{
    // Window layout and zoom go to a throw-away settings file, not the user's.
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test-%1").arg(QCoreApplication::applicationPid()));
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,c>d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    Engine::Options o;
    o.storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
    o.seeds = {key(QStringLiteral("a"))};
    o.intervalMs = 1000;
    const QString user = m_sb->user(), password = m_sb->password();
    o.connectionOptions = [user, password](const InstanceKey &k) {
        ConnectionOptions c;
        c.key = k;
        c.user = user;
        c.password = password;
        c.connectTimeoutMs = 1000;
        c.readTimeoutMs = 2000;
        return c;
    };
    m_engine = std::make_unique<Engine>(o);
    m_window = std::make_unique<MainWindow>();
    m_window->setEngine(m_engine.get(), o.storePath);
    m_options = o.connectionOptions;
    m_window->setOperationContext(o.connectionOptions, QStringLiteral("repl"), m_sb->replicationPassword());
    m_window->resize(1500, 850);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QString error;
    QVERIFY2(m_engine->start(&error), qPrintable(error));
}

void tst_GuiEndToEnd::cleanupTestCase()
{
    if (m_engine)
        m_engine->stop();
    m_window.reset();
    m_engine.reset();
    m_sb.reset();
}

void tst_GuiEndToEnd::everyInstanceIsACardUnderItsSource()
{
    TopologyScene *scene = m_window->topologyScene();
    QTRY_COMPARE_WITH_TIMEOUT(scene->keys().size(), 4, 15000);
    QCOMPARE(scene->parentOf(key(QStringLiteral("a"))), InstanceKey());
    QCOMPARE(scene->parentOf(key(QStringLiteral("b"))), key(QStringLiteral("a")));
    QCOMPARE(scene->parentOf(key(QStringLiteral("c"))), key(QStringLiteral("a")));
    QCOMPARE(scene->parentOf(key(QStringLiteral("d"))), key(QStringLiteral("c")));
    QCOMPARE(scene->itemFor(key(QStringLiteral("a")))->content().role, QStringLiteral("master"));
    QCOMPARE(scene->itemFor(key(QStringLiteral("c")))->content().role, QStringLiteral("intermediate master"));
    QCOMPARE(m_window->clusterList()->topLevelItemCount(), 1);
    QVERIFY(m_window->search(QStringLiteral("127.0.0.1:%1").arg(m_sb->port(QStringLiteral("d")))));
    QCOMPARE(scene->selectedKey(), key(QStringLiteral("d")));
    QTRY_VERIFY(m_window->instanceDetails()->topLevelItemCount() > 3);
    artifact(m_window.get(), QStringLiteral("main-healthy.png"));
}

void tst_GuiEndToEnd::frozenServerDoesNotFreezeTheWindow()
{
    // Event-loop latency: a 10 ms timer records the longest gap between its ticks, while the
    // topology view repaints every 50 ms and a server is frozen with SIGSTOP.
    QWidget *viewport = m_window->topologyView()->viewport();
    int paints = 0;
    struct PaintCounter : QObject
    {
        int *count;
        explicit PaintCounter(int *c) : count(c) {}
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint)
                ++*count;
            return false;
        }
    } counter(&paints);
    viewport->installEventFilter(&counter);
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worst = qMax(worst, now - last);
        last = now;
    });
    QTimer repaint;
    repaint.setInterval(50);
    connect(&repaint, &QTimer::timeout, viewport, [viewport] { viewport->update(); });

    QVERIFY2(m_sb->freeze(QStringLiteral("c")), qPrintable(m_sb->error()));
    clock.start();
    tick.start();
    repaint.start();
    // Long enough for several poll rounds to hit the frozen server's timeouts.
    QTest::qWait(6000);
    tick.stop();
    repaint.stop();
    artifact(m_window.get(), QStringLiteral("main-frozen-intermediate.png"));
    const auto frozen = m_window->topologyScene()->itemFor(key(QStringLiteral("c")));
    const bool shownUnreachable = frozen && !frozen->content().reachable;
    QVERIFY2(m_sb->thaw(QStringLiteral("c")), qPrintable(m_sb->error()));
    viewport->removeEventFilter(&counter);
    qInfo("frozen server for 6 s: worst event-loop gap %lld ms, %d repaints, card shows unreachable: %s",
          worst, paints, shownUnreachable ? "yes" : "no");
    // Waiting on the frozen server would block for a whole connect (1 s) or read (2 s) timeout;
    // the margin below that absorbs a machine busy with other builds.
    QVERIFY2(worst < 500, qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(worst)));
    QVERIFY2(paints >= 60, qPrintable(QStringLiteral("only %1 repaints in 6 s").arg(paints)));
    QVERIFY(shownUnreachable);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->topologyScene()->itemFor(key(QStringLiteral("c")))->content().reachable, 15000);
}

// Mouse events straight to the viewport, in viewport coordinates, with the button held.
static void mouse(QWidget *viewport, QEvent::Type type, const QPoint &at, Qt::MouseButtons held)
{
    QMouseEvent e(type, QPointF(at), QPointF(viewport->mapToGlobal(at)), Qt::LeftButton, held, Qt::NoModifier);
    QApplication::sendEvent(viewport, &e);
}

// Presses on `from`'s card, moves in steps to `to` (a point in scene coordinates), and returns the
// viewport point reached; the button is still held.
static QPoint dragTo(TopologyView *view, InstanceItem *from, const QPointF &to)
{
    QWidget *vp = view->viewport();
    const QPoint start = view->mapFromScene(from->mapToScene(QPointF(60, 20)));
    const QPoint end = view->mapFromScene(to);
    mouse(vp, QEvent::MouseButtonPress, start, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i) {
        mouse(vp, QEvent::MouseMove, start + (end - start) * i / 8, Qt::LeftButton);
        QTest::qWait(10);
    }
    return end;
}

void tst_GuiEndToEnd::dragToDescendantIsRefusedAndRunsNothing()
{
    TopologyScene *scene = m_window->topologyScene();
    TopologyView *view = m_window->topologyView();
    view->setZoom(0.7);
    view->fit();
    InstanceItem *c = scene->itemFor(key(QStringLiteral("c"))), *d = scene->itemFor(key(QStringLiteral("d")));
    QVERIFY(c && d);
    const QPoint end = dragTo(view, c, d->mapToScene(QPointF(120, 30)));
    QVERIFY(scene->isDragging());
    QVERIFY(scene->dragPlaceholder());
    QCOMPARE(d->dropState(), InstanceItem::DropState::Invalid);
    const auto drop = scene->dropAt(view->mapToScene(end));
    QVERIFY(drop && !drop->second.ok);
    qInfo("drag c onto its replica d: refused: %s", qPrintable(drop->second.refusal));
    artifact(m_window.get(), QStringLiteral("drag-refused.png"));
    mouse(view->viewport(), QEvent::MouseButtonRelease, end, Qt::NoButton);
    QVERIFY(!scene->isDragging());
    QCOMPARE(d->dropState(), InstanceItem::DropState::None);
    QVERIFY(!m_window->operationDialog());
    QVERIFY(!m_window->operationRunner()->isRunning());

    // Escape cancels a drag too.
    dragTo(view, c, scene->itemFor(key(QStringLiteral("b")))->mapToScene(QPointF(120, 30)));
    QVERIFY(scene->isDragging());
    QTest::keyClick(view->viewport(), Qt::Key_Escape);
    QVERIFY(!scene->isDragging());
    mouse(view->viewport(), QEvent::MouseButtonRelease, QPoint(1, 1), Qt::NoButton);
    QVERIFY(!m_window->operationDialog());

    // The context menu: every action validated, a refusal says why.
    std::unique_ptr<QMenu> menu(scene->instanceMenu(key(QStringLiteral("a"))));
    QAction *start = menu->findChild<QAction *>(QStringLiteral("start-replica"));
    QVERIFY(start);
    QVERIFY(!start->isEnabled());
    QVERIFY(!start->toolTip().isEmpty());
}

void tst_GuiEndToEnd::dragReplicaOntoSiblingRelocatesIt()
{
    TopologyScene *scene = m_window->topologyScene();
    TopologyView *view = m_window->topologyView();
    InstanceItem *b = scene->itemFor(key(QStringLiteral("b"))), *c = scene->itemFor(key(QStringLiteral("c")));
    const QPoint end = dragTo(view, b, c->mapToScene(QPointF(120, 30)));
    QCOMPARE(c->dropState(), InstanceItem::DropState::Valid);
    QVERIFY(scene->itemFor(key(QStringLiteral("a")))->promoteZoneVisible()); // b is a replica of the master
    artifact(m_window.get(), QStringLiteral("drag-valid.png"));
    // Over the master's promote zone the drop means a graceful takeover (not run here).
    InstanceItem *a = scene->itemFor(key(QStringLiteral("a")));
    const QPoint zone = view->mapFromScene(a->mapToScene(a->promoteZoneRect().center()));
    mouse(view->viewport(), QEvent::MouseMove, zone, Qt::LeftButton);
    const auto takeover = scene->dropAt(view->mapToScene(zone));
    QVERIFY(takeover);
    QCOMPARE(takeover->first.kind, OperationKind::GracefulTakeover);
    QVERIFY(a->dropState() != InstanceItem::DropState::None);
    qInfo("drop b on the promote zone: %s", qPrintable(takeover->second.ok ? takeover->second.summary : takeover->second.refusal));
    artifact(m_window.get(), QStringLiteral("drag-promote-zone.png"));
    mouse(view->viewport(), QEvent::MouseMove, end, Qt::LeftButton);
    QCOMPARE(c->dropState(), InstanceItem::DropState::Valid);
    mouse(view->viewport(), QEvent::MouseButtonRelease, end, Qt::NoButton);
    QVERIFY(!scene->isDragging());
    OperationDialog *dialog = m_window->operationDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(dialog->planText().contains(key(QStringLiteral("c")).toString()), qPrintable(dialog->planText()));
    artifact(dialog, QStringLiteral("relocate-confirm.png"));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->operationRunner()->isRunning(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(QStringLiteral("b")).value(QStringLiteral("Master_Port")).toInt(),
                              m_sb->port(QStringLiteral("c")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(scene->parentOf(key(QStringLiteral("b"))), key(QStringLiteral("c")), 10000);
    QTest::qWait(400); // the glide
    artifact(m_window.get(), QStringLiteral("relocated.png"));
}

void tst_GuiEndToEnd::dragReplicaOntoMasterPromoteZoneTakesOver()
{
    // After the relocation: a > c > {b, d}. Dropping c on a's promote zone is a graceful takeover:
    // c becomes the master, a its replica, b and d stay under c.
    // Started without --replication-password-env and without a keychain entry: the confirmation
    // asks for the demoted master's replication password; left empty, the run is refused before
    // anything changes. Then typed in: the takeover runs.
    m_window->setOperationContext(m_options, QStringLiteral("repl"), QString());
    TopologyScene *scene = m_window->topologyScene();
    TopologyView *view = m_window->topologyView();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->problemsPanel()->topLevelItemCount() == 0, 20000);
    view->fit();
    InstanceItem *a = scene->itemFor(key(QStringLiteral("a"))), *c = scene->itemFor(key(QStringLiteral("c")));
    QVERIFY(a && c);
    const auto dropOnPromoteZone = [&]() -> OperationDialog * {
        const QPointF zoneCentre = a->mapToScene(a->promoteZoneRect().center());
        const QPoint zone = dragTo(view, c, zoneCentre);
        if (!a->promoteZoneVisible())
            return nullptr;
        const auto drop = scene->dropAt(view->mapToScene(zone));
        if (!drop || drop->first.kind != OperationKind::GracefulTakeover || !drop->second.ok
            || a->dropState() != InstanceItem::DropState::Valid) {
            qWarning("drop: %s", drop ? qPrintable(drop->second.toText()) : "none");
            return nullptr;
        }
        mouse(view->viewport(), QEvent::MouseButtonRelease, zone, Qt::NoButton);
        OperationDialog *dialog = m_window->operationDialog();
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    };

    OperationDialog *dialog = dropOnPromoteZone();
    QVERIFY(dialog);
    // The plan shown is the one that runs: the demoted master gets the replication user.
    QVERIFY2(dialog->planText().contains(QStringLiteral("MASTER_USER='repl'")), qPrintable(dialog->planText()));
    QVERIFY2(!dialog->planText().contains(QStringLiteral("no replication user")), qPrintable(dialog->planText()));
    QVERIFY(dialog->replicationPasswordEdit());
    QVERIFY(!dialog->rememberCheckBox()->isEnabled()); // nothing typed, nothing to remember
    artifact(dialog, QStringLiteral("takeover-confirm-password.png"));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->operationRunner()->isRunning(), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("nothing done")),
                              qPrintable(m_window->statusBar()->currentMessage()), 5000);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("replication user 'repl'")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY2(m_window->progressPanel()->topLevelItem(0)->text(1).contains(QStringLiteral("refused, nothing changed")),
             qPrintable(m_window->progressPanel()->topLevelItem(0)->text(1)));
    QCOMPARE(m_sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QCOMPARE(m_sb->sql(QStringLiteral("c"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    QCOMPARE(m_sb->slaveStatus(QStringLiteral("c")).value(QStringLiteral("Master_Port")).toInt(), m_sb->port(QStringLiteral("a")));

    dialog = dropOnPromoteZone();
    QVERIFY(dialog);
    QVERIFY2(dialog->planText().contains(key(QStringLiteral("a")).toString()), qPrintable(dialog->planText()));
    QTest::keyClicks(dialog->replicationPasswordEdit(), m_sb->replicationPassword());
    QVERIFY(dialog->rememberCheckBox()->isEnabled());
    // With a keychain (scripts/test runs a real Secret Service), "remember" stores it as
    // repl@CLUSTER under a service of this test's own, read back below.
    const bool keychain = CredentialStore::unavailableReason().isEmpty();
    const QString account = CredentialStore::accountFor(QStringLiteral("repl"), key(QStringLiteral("a")).toString());
    ConnectionContext::Options co;
    co.settingsPath = m_dir.filePath(QStringLiteral("connections.ini"));
    co.keychainService = QStringLiteral("topograph-test-e2e-%1").arg(QCoreApplication::applicationPid());
    co.keychainTimeoutMs = 5000;
    co.keychainRetryMs = 0;
    auto connections = std::make_shared<ConnectionContext>(co);
    if (keychain) {
        m_window->setConnectionContext(connections);
        dialog->rememberCheckBox()->setChecked(true);
    }
    QVERIFY(!dialog->planText().contains(m_sb->replicationPassword()));
    artifact(dialog, QStringLiteral("takeover-confirm.png"));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    // Live progress: the steps appear in the progress panel while it runs, not only at the end.
    const QString op = QStringLiteral("op:") + key(QStringLiteral("a")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->progressPanel()->steps(op).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->operationRunner()->isRunning(), 60000);
    const QStringList steps = m_window->progressPanel()->steps(op);
    qInfo("takeover steps:\n  %s", qPrintable(steps.join(QStringLiteral("\n  "))));
    for (const QString &st : steps)
        QVERIFY2(!st.contains(QStringLiteral("failed")), qPrintable(steps.join(QLatin1Char('\n'))));

    QCOMPARE(m_sb->sql(QStringLiteral("c"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(QStringLiteral("a")).value(QStringLiteral("Master_Port")).toInt(),
                              m_sb->port(QStringLiteral("c")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(QStringLiteral("a")).value(QStringLiteral("Slave_SQL_Running")),
                              QStringLiteral("Yes"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(scene->clusterName(), key(QStringLiteral("c")).toString(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(scene->parentOf(key(QStringLiteral("a"))), key(QStringLiteral("c")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(scene->parentOf(key(QStringLiteral("c"))), InstanceKey(), 10000);
    QTest::qWait(400); // the glide
    artifact(m_window.get(), QStringLiteral("taken-over.png"));
    if (keychain) {
        QFuture<CredentialResult> read = KeychainThread::submit(connections->keychainRequest(KeychainThread::Operation::Read, account));
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 10000);
        QVERIFY2(read.result().ok, qPrintable(read.result().error));
        QCOMPARE(read.result().secret, m_sb->replicationPassword());
        QFuture<CredentialResult> removed = KeychainThread::submit(connections->keychainRequest(KeychainThread::Operation::Remove, account));
        QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), 10000);
    } else {
        qInfo("no keychain here (%s): the remember path is exercised under scripts/test",
              qPrintable(CredentialStore::unavailableReason()));
    }
    m_window->setOperationContext(m_options, QStringLiteral("repl"), m_sb->replicationPassword());
}

void tst_GuiEndToEnd::forceFailoverNeedsADeliberateConfirmation()
{
    // The executor's forced path runs against servers in tst_recovery; here: the menu offers it
    // only on a live single master, and the dialog does not run without the tick.
    TopologyScene *scene = m_window->topologyScene();
    const InstanceKey master = key(QStringLiteral("c"));
    std::unique_ptr<QMenu> onReplica(scene->instanceMenu(key(QStringLiteral("b"))));
    QAction *refused = onReplica->findChild<QAction *>(QStringLiteral("ForceFailover"));
    QVERIFY(refused && !refused->isEnabled());
    QVERIFY(!refused->toolTip().isEmpty());
    std::unique_ptr<QMenu> onMaster(scene->instanceMenu(master));
    QAction *force = onMaster->findChild<QAction *>(QStringLiteral("ForceFailover"));
    QVERIFY(force);
    QVERIFY2(force->isEnabled(), qPrintable(force->toolTip()));
    force->trigger();
    RecoverDialog *dialog = m_window->recoverDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isForced());
    QVERIFY(dialog->request().forced);
    QVERIFY2(dialog->plan().chosen, qPrintable(dialog->plan().refusal));
    QVERIFY(!dialog->runButton()->isEnabled());
    dialog->forceConfirmation()->setChecked(true);
    QVERIFY(dialog->runButton()->isEnabled());
    artifact(dialog, QStringLiteral("force-failover-dialog.png"));
    dialog->forceConfirmation()->setChecked(false);
    QVERIFY(!dialog->runButton()->isEnabled());
    dialog->reject();
    QTest::qWait(100);
    QCOMPARE(m_sb->sql(QStringLiteral("c"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
}

void tst_GuiEndToEnd::killMasterThenRecover()
{
    // Whoever is the master now (the takeover above made it c).
    TopologyScene *scene = m_window->topologyScene();
    const auto masterKey = InstanceKey::parse(scene->clusterName());
    QVERIFY(masterKey);
    QString masterNode;
    QStringList survivors;
    QHash<QString, InstanceKey> parentBefore;
    for (const QString &n : m_sb->nodes()) {
        if (key(n) == *masterKey) {
            masterNode = n;
        } else {
            survivors << n;
            parentBefore.insert(n, scene->parentOf(key(n)));
        }
    }
    QVERIFY(!masterNode.isEmpty());
    const InstanceKey a = *masterKey;
    // The replicas must be healthy again after the freeze before the master dies.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->problemsPanel()->topLevelItemCount() == 0, 20000);
    QElapsedTimer clock, sinceGone;
    clock.start();
    QVERIFY2(m_sb->kill(masterNode), qPrintable(m_sb->error()));
    sinceGone.start(); // the sandbox script returns once the process is gone
    const qint64 killMs = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->problemsPanel()->recoverButton(QStringLiteral("DeadMaster"), a), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->topologyScene()->itemFor(a)->content().recoverable, 1000);
    const qint64 cardMs = sinceGone.elapsed();
    qInfo("kill -9 of the master: the kill script took %lld ms; DeadMaster in the problems panel and Recover on "
          "the card %lld ms after the process was gone (%lld ms after the kill began)",
          killMs, cardMs, clock.elapsed());
    QVERIFY2(cardMs <= 2000, qPrintable(QStringLiteral("%1 ms").arg(cardMs)));
    artifact(m_window.get(), QStringLiteral("main-deadmaster.png"));

    auto *button = qobject_cast<QPushButton *>(m_window->problemsPanel()->recoverButton(QStringLiteral("DeadMaster"), a));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    RecoverDialog *dialog = m_window->recoverDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const PromotionPlan &plan = dialog->plan();
    QVERIFY2(plan.chosen, qPrintable(plan.refusal));
    QCOMPARE(dialog->selectedCandidate(), plan.chosen);
    QVERIFY(dialog->candidateList()->topLevelItemCount() >= 1);
    for (int i = 0; i < dialog->candidateList()->topLevelItemCount(); ++i) // a position or a dash, never blank
        QVERIFY(!dialog->candidateList()->topLevelItem(i)->text(4).isEmpty()
                && !dialog->candidateList()->topLevelItem(i)->text(5).isEmpty());
    QVERIFY(dialog->replicaList()->topLevelItemCount() >= 1); // the new master, then who follows it
    artifact(dialog, QStringLiteral("recover-dialog.png"));
    const InstanceKey chosen = *plan.chosen;
    m_killedNode = masterNode;
    m_successor = chosen;

    int snapshots = 0;
    QElapsedTimer sinceRun;
    sinceRun.start();
    // Counts into a local: disconnected before this function returns (a later test's stack would
    // be written otherwise).
    const QMetaObject::Connection counting
        = connect(m_engine.get(), &Engine::snapshotUpdated, this, [&snapshots] { ++snapshots; });
    const auto stopCounting = qScopeGuard([&counting] { disconnect(counting); });
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    const QStringList steps = dialog->progressView()->steps(plan.cluster);
    qInfo("recovery steps:\n  %s", qPrintable(steps.join(QStringLiteral("\n  "))));
    QVERIFY(steps.size() >= 3);
    artifact(dialog, QStringLiteral("recover-dialog-done.png"));

    // On the servers: the master's direct replicas follow the new master; a replica of another
    // replica keeps its parent (unless its parent is the one promoted).
    auto expectedParent = [&](const QString &node) {
        const InstanceKey before = parentBefore.value(node);
        return before == a || before == chosen ? chosen : before;
    };
    for (const QString &node : std::as_const(survivors)) {
        if (key(node) == chosen)
            continue;
        QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(node).value(QStringLiteral("Master_Port")).toInt(),
                                  expectedParent(node).port(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(node).value(QStringLiteral("Slave_IO_Running")), QStringLiteral("Yes"), 10000);
    }
    // In the window: the tree shows the new master with its followers under it.
    QTRY_COMPARE_WITH_TIMEOUT(scene->clusterName(), chosen.toString(), 15000);
    for (const QString &node : std::as_const(survivors))
        if (key(node) != chosen)
            QTRY_COMPARE_WITH_TIMEOUT(scene->parentOf(key(node)), expectedParent(node), 10000);
    dialog->close();
    QTest::qWait(500);
    qInfo("%d snapshots in the %lld ms since Run", snapshots, sinceRun.elapsed());
    artifact(m_window.get(), QStringLiteral("main-recovered.png"));
}

QTEST_MAIN(tst_GuiEndToEnd)
void tst_GuiEndToEnd::restartedOldMasterRejoinsFromItsMenu()
{
    // The killed master starts again: a one-server cluster of its own. Its card's menu offers to
    // rejoin under the master that replaced it (the store's recovery names the successor); the
    // plan is confirmed like every replication change, and then it replicates from that master.
    QVERIFY(!m_killedNode.isEmpty() && m_successor.isValid());
    const InstanceKey old = key(m_killedNode);
    QVERIFY2(m_sb->start(m_killedNode), qPrintable(m_sb->error()));
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->snapshot() && m_engine->snapshot()->instance(old)
                                 && m_engine->snapshot()->instance(old)->reachable,
                             15000);
    TopologyScene *scene = m_window->topologyScene();
    QTRY_VERIFY_WITH_TIMEOUT(scene->snapshot() && scene->snapshot()->instance(old)
                                 && scene->snapshot()->instance(old)->reachable, 5000);
    // The problems panel says it is back outside the new master's cluster (not recoverable:
    // no Recover button, a person decides).
    QTRY_VERIFY_WITH_TIMEOUT(m_window->problemsPanel()->rowFor(QStringLiteral("FormerMasterReturned"), old), 5000);
    QVERIFY(!m_window->problemsPanel()->recoverButton(QStringLiteral("FormerMasterReturned"), old));
    artifact(m_window.get(), QStringLiteral("former-master-returned.png"));
    // A replica's menu has no rejoin: only a master that a recovery replaced.
    std::unique_ptr<QMenu> onReplica(scene->instanceMenu(m_successor));
    QVERIFY(!onReplica->findChild<QAction *>(QStringLiteral("rejoin")));

    std::unique_ptr<QMenu> menu(scene->instanceMenu(old));
    QAction *rejoin = menu->findChild<QAction *>(QStringLiteral("rejoin"));
    QVERIFY(rejoin);
    QVERIFY2(rejoin->text().contains(m_successor.toString()), qPrintable(rejoin->text()));
    QVERIFY2(rejoin->isEnabled(), qPrintable(rejoin->toolTip()));
    QVERIFY2(rejoin->toolTip().contains(QStringLiteral("no errant transactions")), qPrintable(rejoin->toolTip()));
    rejoin->trigger();
    OperationDialog *dialog = m_window->operationDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY2(dialog->planText().contains(QStringLiteral("MASTER_USER='repl'")), qPrintable(dialog->planText()));
    QVERIFY(!dialog->replicationPasswordEdit()); // the window has it (--replication-password-env)
    artifact(dialog, QStringLiteral("rejoin-confirm.png"));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->operationRunner()->isRunning(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(m_killedNode).value(QStringLiteral("Master_Port")).toInt(),
                              m_successor.port(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sb->slaveStatus(m_killedNode).value(QStringLiteral("Slave_IO_Running")),
                              QStringLiteral("Yes"), 10000);
    QCOMPARE(m_sb->sql(m_killedNode, QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    QTRY_COMPARE_WITH_TIMEOUT(scene->parentOf(old), m_successor, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->problemsPanel()->rowFor(QStringLiteral("FormerMasterReturned"), old), 5000);
    QTest::qWait(400);
    artifact(m_window.get(), QStringLiteral("rejoined.png"));
}

#include "tst_guiendtoend.moc"
