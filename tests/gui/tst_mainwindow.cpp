#include "guitest.h"
#include "aboutdialog.h"
#include "autofailovertoggle.h"
#include "cardcontent.h"
#include "engine/engine.h"
#include "fleettray.h"
#include "localization.h"
#include "mainwindow.h"
#include "preferences.h"
#include "problemspanel.h"
#include "shortcutsdialog.h"
#include "store/auditlog.h"
#include "store/store.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTranslator>

using Topograph::Test::saveArtifact;

using namespace Topograph;
using namespace Topograph::Gui;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void menusAreTranslated_data();
    void menusAreTranslated();
    void aboutNamesTheVersions();
    void everyMainActionHasAUniqueShortcutListedInHelp();
    void heartToggleIsAuditedAndShownInTheStatusBar();
    void trayCarriesFleetHealth();
    void preferencesRoundTripAndDarkPalette();
};

static QStringList menuTitles(QMainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

void tst_MainWindow::initTestCase()
{
    // Preferences and window state go to a throw-away settings file, not the user's.
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test-%1").arg(QCoreApplication::applicationPid()));
}

void tst_MainWindow::cleanupTestCase()
{
    Topograph::Test::removeTestSettings();
}

void tst_MainWindow::menusAreTranslated_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<bool>("translated");
    QTest::addColumn<QStringList>("menus");
    QTest::addColumn<QString>("downtimed");
    QTest::newRow("English") << "en_US" << false << QStringList{"&File", "&View", "F&ailover", "&Help"} << "[downtimed] %1";
    QTest::newRow("Korean") << "ko_KR" << true << QStringList{"파일(&F)", "보기(&V)", "장애 조치(&A)", "도움말(&H)"} << "[다운타임] %1";
    QTest::newRow("Japanese") << "ja_JP" << true << QStringList{"ファイル(&F)", "表示(&V)", "フェイルオーバー(&A)", "ヘルプ(&H)"} << "[ダウンタイム中] %1";
    QTest::newRow("French falls back to English") << "fr_FR" << false << QStringList{"&File", "&View", "F&ailover", "&Help"} << "[downtimed] %1";
}

void tst_MainWindow::menusAreTranslated()
{
    QFETCH(QString, locale);
    QFETCH(bool, translated);
    QFETCH(QStringList, menus);
    QFETCH(QString, downtimed);
    // Each row starts from a clean set of translators.
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QCOMPARE(installTranslators(qApp, QLocale(locale)), translated);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(menuTitles(w), menus);
    // Strings of files whose tr() is a namespace-level helper (the cards) are translated too.
    QCOMPARE(healthWord(HealthState::Warning) != QLatin1String("warning"), translated);
    // A message around a server's own text is one translated sentence, not joined pieces.
    ProblemsPanel problems;
    Analysis a;
    a.code = AnalysisCode::DeadMaster;
    a.instance = InstanceKey(QStringLiteral("db1"), 3306);
    a.cluster = a.instance.toString();
    a.downtimed = true;
    a.explanation = QStringLiteral("db1:3306 is dead");
    problems.apply({a});
    QTreeWidgetItem *row = problems.rowFor(a.codeName(), a.instance);
    QVERIFY(row);
    QCOMPARE(row->text(ProblemsPanel::ExplanationColumn), downtimed.arg(a.explanation));
    saveArtifact(w, QStringLiteral("mainwindow-%1.png").arg(locale));
}

void tst_MainWindow::aboutNamesTheVersions()
{
    AboutDialog about;
    QString all;
    for (QLabel *l : about.findChildren<QLabel *>())
        all += l->text();
    QVERIFY2(all.contains(QLatin1String(qVersion())), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Connector/C")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String(TOPOGRAPH_VERSION)), qPrintable(all));
}

void tst_MainWindow::everyMainActionHasAUniqueShortcutListedInHelp()
{
    MainWindow w;
    const QStringList names{"Discover", "Connections", "ExportAudit", "Preferences", "Quit", "ZoomIn", "ZoomOut", "Fit",
                            "Find", "Clusters", "Instance", "Problems", "Progress", "Charts", "AutoFailover",
                            "FailoverSettings", "Shortcuts"};
    QHash<QString, QString> byKeys;
    for (const QString &n : names) {
        QAction *a = w.action(n);
        QVERIFY2(a, qPrintable(n));
        QVERIFY2(!a->shortcut().isEmpty(), qPrintable(n));
        const QString keys = a->shortcut().toString();
        QVERIFY2(!byKeys.contains(keys), qPrintable(QStringLiteral("%1 and %2 share %3").arg(n, byKeys.value(keys), keys)));
        byKeys.insert(keys, n);
    }
    ShortcutsDialog help(w.menuBar());
    QStringList listed;
    for (int i = 0; i < help.list()->topLevelItemCount(); ++i)
        listed << help.list()->topLevelItem(i)->text(1);
    for (auto it = byKeys.cbegin(); it != byKeys.cend(); ++it)
        QVERIFY2(listed.contains(QKeySequence(it.key()).toString(QKeySequence::NativeText)), qPrintable(it.value()));
    saveArtifact(help, QStringLiteral("shortcuts.png"));
}

void tst_MainWindow::heartToggleIsAuditedAndShownInTheStatusBar()
{
    QTemporaryDir dir;
    Topograph::Engine::Options o;
    o.storePath = dir.filePath(QStringLiteral("s.sqlite"));
    Topograph::Engine engine(o); // not started: no server involved
    MainWindow w;
    w.setEngine(&engine, o.storePath);
    QVERIFY(w.auditLog());
    QVERIFY(w.action(QStringLiteral("AuditLog")));
    QVERIFY(w.autoFailover()->action()->isEnabled());
    QVERIFY(!w.autoFailover()->isOn());
    QVERIFY2(w.autoFailoverStatus()->text().contains(QLatin1String("off")), qPrintable(w.autoFailoverStatus()->text()));
    int asked = 0;
    w.autoFailover()->setConfirm([&](const QString &, const QString &) { return ++asked, true; });
    w.action(QStringLiteral("AutoFailover"))->trigger();
    QCOMPARE(asked, 1);
    QVERIFY(w.autoFailover()->isOn());
    QVERIFY2(w.autoFailoverStatus()->text().contains(QLatin1String("ON")), qPrintable(w.autoFailoverStatus()->text()));
    QString error;
    auto store = Topograph::Store::open(o.storePath, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->policy().value(QStringLiteral("AutoFailover")), QJsonValue(true));
    const auto entries = Topograph::AuditLog(*store).entries({});
    QVERIFY(!entries.isEmpty());
    QCOMPARE(entries.last().actor, Topograph::Store::osActor());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    saveArtifact(w, QStringLiteral("mainwindow-autofailover-on.png"));
    AboutDialog about(&w, o.storePath, store->schemaVersion());
    QVERIFY2(about.text().contains(QStringLiteral("schema %1").arg(Topograph::Store::currentSchemaVersion())), qPrintable(about.text()));
}

void tst_MainWindow::trayCarriesFleetHealth()
{
    FleetTray tray;
    tray.setNotificationsEnabled(false);
    tray.apply({}, 4, 1);
    QCOMPARE(tray.health(), FleetTray::Health::Healthy);
    Topograph::Analysis dead;
    dead.code = Topograph::AnalysisCode::DeadMaster;
    dead.severity = Topograph::Severity::Critical;
    dead.instance = Topograph::InstanceKey(QStringLiteral("db1"), 3306);
    dead.cluster = QStringLiteral("db1:3306");
    dead.explanation = QStringLiteral("db1:3306 does not answer and its replicas lost it");
    tray.apply({dead}, 4, 1);
    QCOMPARE(tray.health(), FleetTray::Health::Failing);
    QVERIFY2(tray.toolTip().contains(QLatin1String("DeadMaster db1:3306")), qPrintable(tray.toolTip()));
    tray.notifyDetected(dead);
    QVERIFY2(tray.lastNotificationTitle().contains(QLatin1String("DeadMaster")), qPrintable(tray.lastNotificationTitle()));
    Topograph::RecoveryOutcome out;
    out.success = true;
    out.message = QStringLiteral("db2:3306 promoted");
    tray.notifyRecovery(QStringLiteral("db1:3306"), out);
    QVERIFY(tray.lastNotificationTitle().contains(QLatin1String("succeeded")));
    QCOMPARE(tray.lastNotificationText(), out.message);
    // Colour never alone: the icons differ in their glyph too (compared as images).
    QVERIFY(FleetTray::iconFor(FleetTray::Health::Healthy).pixmap(32).toImage()
            != FleetTray::iconFor(FleetTray::Health::Failing).pixmap(32).toImage());
}

void tst_MainWindow::preferencesRoundTripAndDarkPalette()
{
    Preferences p;
    p.theme = Preferences::Theme::Dark;
    p.language = QStringLiteral("ko");
    p.save();
    const Preferences back = Preferences::load();
    QCOMPARE(back.theme, Preferences::Theme::Dark);
    QCOMPARE(back.locale().language(), QLocale::Korean);
    applyTheme(qApp, back.theme);
    QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(qApp->palette().color(QPalette::WindowText).lightness() > 180);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    saveArtifact(w, QStringLiteral("mainwindow-dark.png"));
    applyTheme(qApp, Preferences::Theme::Light);
    QVERIFY(qApp->palette().color(QPalette::Window).lightness() > 180);
    Preferences().save();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
