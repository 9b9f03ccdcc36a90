#include "auditentrydetails.h"
#include "auditfixture.h"
#include "auditlogmodel.h"
#include "auditlogwindow.h"
#include "blockedrecoveriespanel.h"
#include "exportdialog.h"

#include "store/auditlog.h"
#include "store/auditquery.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace Topograph;
using namespace Topograph::Gui;
using namespace AuditFixture;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_AuditView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void modelIsLazyOn100k();
    void filters_data();
    void filters();
    void filterBarDrivesTheModel();
    void refreshKeepsSelection();
    void detailsShowTheRecovery();
    void acknowledgeNeedsComment();
    void acknowledgeCluster();
    void blockedRecoveryIsListedAndUnblocked();
    void chainStatusShowsTampering();
    void exportFromDialog_data();
    void exportFromDialog();
    void exportErrorNamesTheFile();
    void screenshot();

private:
    const QList<Row> &rows();
    qint64 lastEntryOf(qint64 recoveryId);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Store> m_store;
    QList<Row> m_rows;
    qint64 m_rowsUpTo = -1;
    qint64 m_done = 0, m_failed = 0, m_acked = 0, m_search = 0;
};

void tst_AuditView::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("audit.sqlite"));
    QString error;
    m_store = Store::open(m_path, &error);
    QVERIFY2(m_store, qPrintable(error));
    m_store->setActor(QStringLiteral("kim@ops"));
    QVERIFY(m_store->setClusterAlias(clusters.at(0), QStringLiteral("orders")));
    QVERIFY2(appendBulk(*m_store, &error), qPrintable(error));
    m_done = finishedRecovery(*m_store, clusters.at(0), false, false);
    m_failed = finishedRecovery(*m_store, clusters.at(1), true, false);
    m_acked = finishedRecovery(*m_store, clusters.at(2), false, true);
    m_search = finishedRecovery(*m_store, clusters.at(2), false, false);
    QVERIFY(m_done && m_failed && m_acked && m_search);
    QVERIFY(recordBlocked(*m_store, clusters.at(1), m_failed,
        QStringLiteral("recovery #%1 of this cluster is not acknowledged (anti-flapping)")
            .arg(m_failed),
        &error));
}

const QList<Row> &tst_AuditView::rows()
{
    const qint64 last = AuditQuery(*m_store).lastId();
    if (last != m_rowsUpTo) {
        m_rows = readRows(*m_store);
        m_rowsUpTo = last;
    }
    return m_rows;
}

qint64 tst_AuditView::lastEntryOf(qint64 recoveryId)
{
    const QList<Row> &all = rows();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (it->recoveryId == recoveryId)
            return it->id;
    return 0;
}

void tst_AuditView::modelIsLazyOn100k()
{
    const QList<Row> &all = rows();
    QVERIFY(all.size() > bulkEntries);
    QElapsedTimer timer;
    timer.start();
    AuditLogModel model(*m_store);
    const qint64 openMs = timer.elapsed();
    QTableView view;
    view.resize(1000, 600);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 shownMs = timer.elapsed();
    qInfo("model on %lld entries: opened (counted) in %lld ms, first page shown after %lld ms",
        qint64(all.size()), openMs, shownMs);
    QCOMPARE(model.rowCount(), int(all.size()));
    QCOMPARE(model.totalEntries(), qint64(all.size()));
    QCOMPARE(model.entryId(0), all.last().id); // newest first
    QCOMPARE(model.cachedPages(), QList<int> { 0 });
    QCOMPARE(model.cachedRowCount(), AuditLogModel::pageSize);
    QCOMPARE(model.pagesRead(), 1);
    QCOMPARE(model.data(model.index(0, AuditLogModel::IdColumn)).toLongLong(), all.last().id);

    timer.restart();
    const int last = model.rowCount() - 1;
    QCOMPARE(model.entryId(last), all.first().id);
    qInfo("jump to the oldest row (OFFSET %d) in %lld ms", last, timer.elapsed());
    // Walking down from a jump reads neighbouring pages by keyset, never the whole log.
    for (int row = 50'000; row < 50'000 + 5 * AuditLogModel::pageSize; row += 37)
        QCOMPARE(model.entryId(row), all.at(all.size() - 1 - row).id);
    view.scrollToBottom();
    QTest::qWait(50);
    QVERIFY(model.cachedRowCount() <= AuditLogModel::maxCachedPages * AuditLogModel::pageSize);
    QVERIFY(model.pagesRead() < 20);
    QCOMPARE(model.rowOfId(all.at(1234).id), int(all.size()) - 1 - 1234);
    QCOMPARE(model.rowOfId(all.last().id + 1000), -1);
}

void tst_AuditView::filters_data()
{
    QTest::addColumn<QString>("which");
    for (const char *name : { "cluster", "kind", "outcome", "time range", "unacknowledged",
             "text with wildcards", "text ignores case", "cluster+kind+outcome+time" })
        QTest::newRow(name) << QString::fromLatin1(name);
}

void tst_AuditView::filters()
{
    QFETCH(QString, which);
    const QDateTime since = base.addSecs(30'000 * 60), until = base.addSecs(30'500 * 60);
    QSet<qint64> unacked;
    RecoveryFilter rf;
    rf.unacknowledgedOnly = true;
    for (const Recovery &r : RecoveryLog(*m_store).recoveries(rf))
        unacked.insert(r.id);
    QVERIFY(unacked.contains(m_done) && !unacked.contains(m_acked));

    AuditQueryFilter f;
    std::function<bool(const Row &)> keep;
    if (which == QLatin1String("cluster")) {
        f.cluster = clusters.at(1);
        keep = [](const Row &r) { return r.cluster == clusters.at(1); };
    } else if (which == QLatin1String("kind")) {
        f.action = QStringLiteral("relocate");
        keep = [](const Row &r) { return r.action == QLatin1String("relocate"); };
    } else if (which == QLatin1String("outcome")) {
        f.outcome = AuditOutcome::Refused;
        keep = [](const Row &r) { return r.outcome == AuditOutcome::Refused; };
    } else if (which == QLatin1String("time range")) {
        f.since = since;
        f.until = until;
        keep = [&](const Row &r) { return r.at >= since && r.at < until; };
    } else if (which == QLatin1String("unacknowledged")) {
        f.unacknowledgedOnly = true;
        keep = [&](const Row &r) { return r.recoveryId && unacked.contains(r.recoveryId); };
    } else if (which == QLatin1String("text with wildcards")) {
        f.text = QStringLiteral("95%_f");
        keep = [](const Row &r) { return r.haystack.contains(QLatin1String("95%_f")); };
    } else if (which == QLatin1String("text ignores case")) {
        f.text = QStringLiteral("PROBE 4242");
        keep = [](const Row &r) { return r.haystack.contains(QLatin1String("probe 4242")); };
    } else {
        f.cluster = clusters.at(0);
        f.action = QStringLiteral("detect");
        f.outcome = AuditOutcome::Ok;
        f.since = since;
        f.until = until;
        keep = [&](const Row &r) {
            return r.cluster == clusters.at(0) && r.action == QLatin1String("detect")
                && r.outcome == AuditOutcome::Ok && r.at >= since && r.at < until;
        };
    }
    QList<qint64> expected; // newest first
    const QList<Row> &all = rows();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (keep(*it))
            expected << it->id;
    QVERIFY2(!expected.isEmpty(), "a filter that matches nothing proves little");
    QVERIFY(expected.size() < all.size());

    AuditLogModel model(*m_store);
    QElapsedTimer timer;
    timer.start();
    model.setFilter(f);
    const qint64 ms = timer.elapsed();
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(AuditQuery(*m_store).count(f), qint64(expected.size()));
    const int step = std::max<int>(1, int(expected.size()) / 300);
    for (int row = 0; row < expected.size(); row += step)
        QCOMPARE(model.entryId(row), expected.at(row));
    QCOMPARE(model.entryId(int(expected.size()) - 1), expected.last());
    QCOMPARE(model.entryId(int(expected.size())), qint64(0));
    qInfo("%s: %lld rows, counted in %lld ms", qPrintable(which), qint64(expected.size()), ms);
}

void tst_AuditView::filterBarDrivesTheModel()
{
    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    QVERIFY(w.isStoreOpen());
    const QList<Row> &all = rows();
    const auto count = [&](const std::function<bool(const Row &)> &keep) {
        return int(std::count_if(all.begin(), all.end(), keep));
    };
    const int billing = w.clusterFilter()->findData(clusters.at(1));
    QVERIFY(billing > 0);
    QVERIFY(w.clusterFilter()->findText(QStringLiteral("orders (db-orders:3306)")) > 0);
    QVERIFY(w.kindFilter()->findData(QStringLiteral("acknowledge")) > 0);
    w.clusterFilter()->setCurrentIndex(billing);
    QCOMPARE(
        w.model()->rowCount(), count([](const Row &r) { return r.cluster == clusters.at(1); }));
    w.kindFilter()->setCurrentIndex(w.kindFilter()->findData(QStringLiteral("probe")));
    w.outcomeFilter()->setCurrentIndex(w.outcomeFilter()->findData(QStringLiteral("failed")));
    const int expected = count([](const Row &r) {
        return r.cluster == clusters.at(1) && r.action == QLatin1String("probe")
            && r.outcome == AuditOutcome::Failed;
    });
    QCOMPARE(w.model()->rowCount(), expected);
    QVERIFY2(w.countLabel()->text().contains(QLocale().toString(expected)),
        qPrintable(w.countLabel()->text()));

    // Typed text applies after a pause, without a key to press.
    w.kindFilter()->setCurrentIndex(0);
    w.outcomeFilter()->setCurrentIndex(0);
    w.searchField()->setText(QStringLiteral("95%_full"));
    QTRY_COMPARE(w.model()->rowCount(), count([](const Row &r) {
        return r.cluster == clusters.at(1) && r.haystack.contains(QLatin1String("95%_full"));
    }));

    w.searchField()->clear();
    w.clusterFilter()->setCurrentIndex(0);
    w.fromEdit()->setDateTime(base.addSecs(100 * 60).toLocalTime());
    w.toEdit()->setDateTime(base.addSecs(160 * 60).toLocalTime());
    w.fromEnabled()->setChecked(true);
    w.toEnabled()->setChecked(true);
    w.applyFilters();
    QCOMPARE(w.model()->rowCount(), 60);
    QCOMPARE(w.model()->entryAt(0)->at, base.addSecs(159 * 60));

    w.fromEnabled()->setChecked(false);
    w.toEnabled()->setChecked(false);
    w.unacknowledgedFilter()->setChecked(true);
    QCOMPARE(w.model()->rowCount(), count([&](const Row &r) {
        return r.recoveryId == m_done || r.recoveryId == m_failed || r.recoveryId == m_search;
    }));
}

void tst_AuditView::refreshKeepsSelection()
{
    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const qint64 chosen = rows().at(rows().size() - 40).id;
    QVERIFY(w.selectEntry(chosen));
    QCOMPARE(w.selectedEntryId(), chosen);
    QCOMPARE(w.details()->entryId(), chosen);
    const int before = w.model()->rowCount();

    AuditLog log(*m_store);
    QList<AuditEntry> fresh;
    for (int i = 0; i < 3; ++i) {
        AuditEntry e;
        e.actor = QStringLiteral("auto");
        e.cluster = clusters.at(0);
        e.action = QStringLiteral("detect");
        e.message = QStringLiteral("fresh entry %1").arg(i);
        fresh << e;
    }
    QVERIFY(log.append(fresh));
    w.refresh();
    QCOMPARE(w.model()->rowCount(), before + 3);
    QCOMPARE(w.model()->entryId(0), fresh.last().id);
    QCOMPARE(w.selectedEntryId(), chosen);

    // Auto refresh picks up the next one by itself, still keeping the selection; with the
    // unacknowledged filter the model starts over and finds the selected row again.
    w.unacknowledgedFilter()->setChecked(true);
    const qint64 ofRecovery = lastEntryOf(m_done);
    QVERIFY(w.selectEntry(ofRecovery));
    w.setAutoRefreshInterval(100);
    AuditEntry one = fresh.first();
    one.at = {};
    one.recoveryId = m_done;
    one.message = QStringLiteral("late note on recovery %1").arg(m_done);
    QVERIFY(log.append(one));
    QTRY_COMPARE(w.model()->lastId(), one.id);
    QCOMPARE(w.model()->entryId(0), one.id);
    QCOMPARE(w.selectedEntryId(), ofRecovery);
    QCOMPARE(w.details()->entryId(), ofRecovery);
}

void tst_AuditView::detailsShowTheRecovery()
{
    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    QVERIFY(w.selectEntry(lastEntryOf(m_failed)));
    AuditEntryDetails *d = w.details();
    QVERIFY(!d->recoveryBox()->isHidden());
    QVERIFY(d->recoverySummary()->text().contains(QLatin1String("Not acknowledged")));
    QCOMPARE(d->stepList()->topLevelItemCount(), 3);
    // The failed step is shown first, with the server's message in full.
    QCOMPARE(d->stepList()->currentItem()->text(AuditEntryDetails::NameColumn),
        QStringLiteral("promote db2"));
    QVERIFY(d->stepOutput()->toPlainText().contains(QLatin1String("Access denied")));
    d->stepList()->setCurrentItem(d->stepList()->topLevelItem(2));
    QVERIFY(d->stepOutput()->toPlainText().contains(
        QLatin1String("updated DNS orders-primary -> db2\nhook done")));
    QVERIFY(d->stepOutput()->toPlainText().contains(QLatin1String("notify.sh")));

    // Details JSON is pretty-printed (one key per line).
    const auto nine = std::find_if(rows().begin(), rows().end(),
        [](const Row &r) { return r.message == QLatin1String("Probe 9 answered in 9 ms"); });
    QVERIFY(nine != rows().end());
    QVERIFY(w.selectEntry(nine->id));
    QVERIFY(d->recoveryBox()->isHidden());
    const QString shown = d->entryView()->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("\"i\": 9,\n")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("\"lagSeconds\": 2")), qPrintable(shown));
    QVERIFY(!w.ackRecoveryButton()->isEnabled());
}

void tst_AuditView::acknowledgeNeedsComment()
{
    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.selectEntry(lastEntryOf(m_done)));
    QVERIFY(w.ackRecoveryButton()->isEnabled());
    RecoveryLog log(*m_store);
    const int acks = int(log.acknowledgements().size());

    bool okEnabled = true, stillOpen = false;
    onAckDialog([&](AcknowledgeDialog *d) {
        d->commentEdit()->setPlainText(QStringLiteral("  \n\t "));
        okEnabled = d->okButton()->isEnabled();
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
        stillOpen = d->isVisible();
        d->reject();
    });
    w.ackRecoveryButton()->click();
    QVERIFY(!okEnabled);
    QVERIFY(stillOpen);
    QVERIFY(!log.recovery(m_done)->acknowledged());
    QCOMPARE(log.acknowledgements().size(), acks);

    const QString comment = QStringLiteral("Checked the replicas; db2 is the new master.");
    onAckDialog([&](AcknowledgeDialog *d) {
        QTest::keyClicks(d->commentEdit(), comment);
        okEnabled = d->okButton()->isEnabled();
        QTest::mouseClick(d->okButton(), Qt::LeftButton);
    });
    QSignalSpy acknowledged(&w, &AuditLogWindow::acknowledged);
    w.ackRecoveryButton()->click();
    QVERIFY(okEnabled);
    QCOMPARE(acknowledged.size(), 1);
    const auto r = log.recovery(m_done);
    QVERIFY(r->acknowledged());
    QCOMPARE(r->ackComment, comment);
    // The acknowledgement audits itself and the window shows it on top.
    const std::optional<AuditEntry> top = w.model()->entryAt(0);
    QCOMPARE(top->action, QStringLiteral("acknowledge"));
    QCOMPARE(top->recoveryId, m_done);
    QVERIFY(top->message.contains(comment));
    QVERIFY(!w.ackRecoveryButton()->isEnabled());
    QVERIFY(w.details()->recoverySummary()->text().contains(comment));
}

void tst_AuditView::acknowledgeCluster()
{
    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    w.clusterFilter()->setCurrentIndex(w.clusterFilter()->findData(clusters.at(2)));
    QVERIFY(w.ackClusterButton()->isEnabled());
    onAckDialog([](AcknowledgeDialog *d) {
        d->commentEdit()->setPlainText(QStringLiteral("search cluster reviewed"));
        d->okButton()->click();
    });
    w.ackClusterButton()->click();
    RecoveryLog log(*m_store);
    QVERIFY(log.recovery(m_search)->acknowledged());
    QVERIFY(!log.recovery(m_failed)->acknowledged()); // another cluster's
    QVERIFY(!w.ackClusterButton()->isEnabled());
    QVERIFY(w.statusLine()->text().contains(QLatin1String("Acknowledged 1")));
}

void tst_AuditView::blockedRecoveryIsListedAndUnblocked()
{
    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    BlockedRecoveriesPanel *panel = w.blockedPanel();
    QCOMPARE(panel->stillBlocking(), 1);
    QTreeWidget *list = panel->list();
    QCOMPARE(list->topLevelItemCount(), 1);
    QTreeWidgetItem *item = list->topLevelItem(0);
    QVERIFY(
        item->text(BlockedRecoveriesPanel::ReasonColumn).contains(QLatin1String("anti-flapping")));
    QCOMPARE(item->text(BlockedRecoveriesPanel::BlockedByColumn),
        QStringLiteral("recovery #%1").arg(m_failed));
    QVERIFY(item->text(BlockedRecoveriesPanel::StatusColumn)
                .contains(QLatin1String("acknowledge the blocking recovery to unblock")));
    QVERIFY(!panel->acknowledgeButton()->isEnabled());
    list->setCurrentItem(item);
    QVERIFY(panel->acknowledgeButton()->isEnabled());

    bool okEnabled = true;
    onAckDialog([&](AcknowledgeDialog *d) {
        okEnabled = d->okButton()->isEnabled();
        d->commentEdit()->setPlainText(QStringLiteral("grants fixed on db2"));
        d->okButton()->click();
    });
    panel->acknowledgeButton()->click();
    QVERIFY(!okEnabled);
    QVERIFY(RecoveryLog(*m_store).recovery(m_failed)->acknowledged());
    QCOMPARE(panel->stillBlocking(), 0);
    QVERIFY(panel->list()
                ->topLevelItem(0)
                ->text(BlockedRecoveriesPanel::StatusColumn)
                .contains(QLatin1String("unblocked")));
    QVERIFY(!panel->acknowledgeButton()->isEnabled());
}

void tst_AuditView::chainStatusShowsTampering()
{
    QElapsedTimer timer;
    timer.start();
    const AuditVerification direct = AuditLog(*m_store).verify();
    qInfo("verify the chain of %lld entries: %lld ms", direct.entries, timer.elapsed());
    QVERIFY(direct.intact);

    AuditLogWindow w(m_path);
    w.setAutoRefreshInterval(0);
    QSignalSpy verified(&w, &AuditLogWindow::chainVerified);
    QVERIFY(w.isVerifying());
    QVERIFY(verified.wait(120'000));
    QCOMPARE(verified.last().at(0).toBool(), true);
    const QString intact = w.chainStatus()->text();
    QVERIFY2(intact.contains(QLatin1String("Chain intact")), qPrintable(intact));
    QVERIFY2(intact.contains(QLocale().toString(direct.entries)), qPrintable(intact));
    QVERIFY2(intact.contains(QStringLiteral("#%1").arg(direct.headId)), qPrintable(intact));
    qInfo("window: %s", qPrintable(intact));

    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT message FROM audit_entries WHERE id = 500")) && q.next());
    const QString original = q.value(0).toString();
    QVERIFY(q.exec(
        QStringLiteral("UPDATE audit_entries SET message = 'nothing happened' WHERE id = 500")));
    w.verifyButton()->click();
    QVERIFY(verified.wait(120'000));
    QCOMPARE(verified.last().at(0).toBool(), false);
    const QString broken = w.chainStatus()->text();
    QVERIFY2(broken.contains(QLatin1String("BROKEN at #500")), qPrintable(broken));
    QVERIFY(w.chainStatus()->styleSheet().contains(QLatin1String("c62828")));
    QVERIFY(!w.findChild<QLabel *>(QStringLiteral("ChainIcon"))->pixmap().isNull());
    QVERIFY(w.selectEntry(500));
    const QModelIndex id = w.model()->index(w.model()->rowOfId(500), AuditLogModel::IdColumn);
    QVERIFY(id.data().toString().startsWith(QStringLiteral("\u26a0")));
    QVERIFY(w.details()->entryView()->toPlainText().contains(QLatin1String("Chain broken here")));

    QSqlQuery restore(m_store->database());
    restore.prepare(QStringLiteral("UPDATE audit_entries SET message = ? WHERE id = 500"));
    restore.addBindValue(original);
    QVERIFY(restore.exec());
    w.verifyChain();
    QVERIFY(verified.wait(120'000));
    QCOMPARE(verified.last().at(0).toBool(), true);
}

void tst_AuditView::exportFromDialog_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("allTime");
    for (const char *f : { "pdf", "html", "csv", "json" })
        QTest::newRow(f) << QString::fromLatin1(f) << false;
    // Every entry: the worker thread must keep the window responsive through a long export.
    QTest::newRow("csv of 100,000 entries") << QStringLiteral("csv") << true;
}

void tst_AuditView::exportFromDialog()
{
    QFETCH(QString, format);
    QFETCH(bool, allTime);
    const QDateTime since = base.addSecs(1000 * 60), until = base.addSecs(1600 * 60);
    QList<Row> expected;
    for (const Row &r : rows())
        if (allTime || (r.cluster == clusters.at(0) && r.at >= since && r.at < until))
            expected << r;
    QCOMPARE(expected.size(), allTime ? rows().size() : 200);

    ExportDialog d(m_path);
    QList<QUrl> opened;
    d.setOpener([&opened](const QUrl &url) {
        opened << url;
        return true;
    });
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QVERIFY(d.pathEdit()->text().endsWith(QLatin1String(".pdf")));
    QVERIFY(d.clusterBox()->findData(clusters.at(0)) > 0); // read from the store when shown
    QVERIFY(d.allTimeBox()->isChecked());
    d.formatBox()->setCurrentIndex(d.formatBox()->findData(format));
    QVERIFY(d.pathEdit()->text().endsWith(QLatin1Char('.') + format));
    if (!allTime) {
        d.clusterBox()->setCurrentIndex(d.clusterBox()->findData(clusters.at(0)));
        QVERIFY(d.pathEdit()->text().contains(QLatin1String("db-orders_3306")));
        d.allTimeBox()->setChecked(false);
        d.fromEdit()->setDateTime(since.toLocalTime());
        d.toEdit()->setDateTime(until.toLocalTime());
    }
    const QString path
        = m_dir.filePath(QStringLiteral("export/report%1.").arg(allTime ? "-all" : "") + format);
    d.setFilePath(path);

    QSignalSpy finished(&d, &ExportDialog::exportFinished);
    // The GUI thread keeps serving events while the worker writes.
    QElapsedTimer gap;
    qint64 worstGap = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] { worstGap = std::max(worstGap, gap.restart()); });
    gap.start();
    tick.start();
    QElapsedTimer took;
    took.start();
    QTest::mouseClick(d.exportButton(), Qt::LeftButton);
    QVERIFY(d.isRunning());
    QVERIFY(d.progressBar()->isVisible());
    QVERIFY(!d.exportButton()->isEnabled());
    QVERIFY(finished.wait(120'000));
    tick.stop();
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(3).toString()));
    qInfo("%s export of %lld entries in %lld ms; longest GUI pause while writing: %lld ms",
        qPrintable(format), qint64(expected.size()), took.elapsed(), worstGap);
    QVERIFY(worstGap < 500);
    QVERIFY(!d.progressBar()->isVisible());
    const QByteArray data = readAll(path);
    QCOMPARE(qint64(data.size()), d.bytesWritten());
    QVERIFY(d.resultLabel()->text().contains(path));
    QVERIFY(d.resultLabel()->text().contains(QLocale().toString(d.bytesWritten())));

    if (format == QLatin1String("pdf")) {
        QVERIFY(data.startsWith("%PDF"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, { path, QStringLiteral("-") });
            QVERIFY(p.waitForFinished(60'000));
            QCOMPARE(p.exitCode(), 0);
            const QString text = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY(text.contains(QLatin1String("Topograph audit report")));
            QVERIFY(text.contains(QLatin1String("db-orders:3306")));
            QVERIFY(text.contains(expected.first().message.left(10)));
        }
    } else if (format == QLatin1String("html")) {
        const QString html = QString::fromUtf8(data);
        QVERIFY(html.contains(expected.first().message));
        QVERIFY(html.contains(expected.last().message));
        QVERIFY(!html.contains(QLatin1String("Probe 999 answered"))); // same cluster, before
    } else if (format == QLatin1String("csv")) {
        QList<QByteArray> lines = data.split('\n');
        QCOMPARE(lines.takeLast(), QByteArray()); // ends with a line break
        QVERIFY(lines.first().startsWith("id,time_utc,actor,cluster"));
        QCOMPARE(lines.size(), expected.size() + 1);
        QVERIFY(lines.at(1).startsWith(QByteArray::number(expected.first().id) + ','));
    } else {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
        const QJsonArray entries = doc.object().value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), expected.size());
        QCOMPARE(
            entries.first().toObject().value(QLatin1String("id")).toInteger(), expected.first().id);
        QCOMPARE(doc.object()
                     .value(QLatin1String("report"))
                     .toObject()
                     .value(QLatin1String("filters"))
                     .toObject()
                     .value(QLatin1String("cluster"))
                     .toString(),
            clusters.at(0));
    }
    QVERIFY(d.openButton()->isEnabled());
    d.openButton()->click();
    QCOMPARE(opened, QList<QUrl> { QUrl::fromLocalFile(path) });
}

void tst_AuditView::exportErrorNamesTheFile()
{
    // A file where a folder should be: the report's folder cannot be created.
    const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    ExportDialog d(m_path);
    d.setOpener([](const QUrl &) { return true; });
    d.setClusters({ clusters.at(1) });
    d.setScope(clusters.at(1), base, base.addSecs(600));
    d.setFormat(Reporting::ReportFormat::Csv);
    const QString path = blocker + QStringLiteral("/report.csv");
    d.setFilePath(path);
    QSignalSpy finished(&d, &ExportDialog::exportFinished);
    d.startExport();
    QVERIFY(finished.wait(60'000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(d.resultLabel()->text().contains(path));
    QVERIFY(d.resultLabel()->styleSheet().contains(QLatin1String("c62828")));
    QVERIFY(!d.openButton()->isEnabled());
    QVERIFY(!QFile::exists(path));
}

void tst_AuditView::screenshot()
{
    const qint64 fresh = finishedRecovery(*m_store, clusters.at(0), true, false);
    QVERIFY(fresh);
    QVERIFY(recordBlocked(*m_store, clusters.at(0), fresh,
        QStringLiteral("recovery #%1 of this cluster is not acknowledged").arg(fresh)));
    QElapsedTimer timer;
    timer.start();
    AuditLogWindow w(m_path);
    const qint64 openMs = timer.elapsed();
    w.setAutoRefreshInterval(0);
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const qint64 shownMs = timer.elapsed();
    QSignalSpy verified(&w, &AuditLogWindow::chainVerified);
    QVERIFY(verified.wait(120'000));
    qInfo("window on %lld entries: built in %lld ms, first page shown after %lld ms, chain "
          "verified in the background after %lld ms",
        qint64(w.model()->totalEntries()), openMs, shownMs, timer.elapsed());
    QVERIFY(w.selectEntry(lastEntryOf(fresh)));
    QVERIFY(!w.details()->recoveryBox()->isHidden());
    // Layouts settle on posted events; a grab before them shows the old geometry.
    QTRY_VERIFY(w.details()->recoverySummary()->height()
        >= w.details()->recoverySummary()->minimumSizeHint().height());
    saveArtifact(w, QStringLiteral("auditlog.png"));
    w.findChild<QTabWidget *>()->setCurrentIndex(1);
    QTest::qWait(50);
    saveArtifact(w, QStringLiteral("auditlog-blocked.png"));
    ExportDialog d(m_path);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    saveArtifact(d, QStringLiteral("auditexport.png"));
}

QTEST_MAIN(tst_AuditView)
#include "tst_auditview.moc"
