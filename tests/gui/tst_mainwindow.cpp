#include "aboutdialog.h"
#include "localization.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMenuBar>
#include <QTest>
#include <QTranslator>

using namespace Topograph::Gui;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void menusAreTranslated_data();
    void menusAreTranslated();
    void aboutNamesTheVersions();
};

static QStringList menuTitles(QMainWindow &w)
{
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

static void saveArtifact(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("TOPOGRAPH_TEST_ARTIFACTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w.grab().save(dir + QLatin1Char('/') + name);
}

void tst_MainWindow::menusAreTranslated_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<bool>("translated");
    QTest::addColumn<QStringList>("menus");
    QTest::newRow("English") << "en_US" << false << QStringList{"&File", "&View", "&Help"};
    QTest::newRow("Korean") << "ko_KR" << true << QStringList{"파일(&F)", "보기(&V)", "도움말(&H)"};
    QTest::newRow("Japanese") << "ja_JP" << true << QStringList{"ファイル(&F)", "表示(&V)", "ヘルプ(&H)"};
    QTest::newRow("French falls back to English") << "fr_FR" << false << QStringList{"&File", "&View", "&Help"};
}

void tst_MainWindow::menusAreTranslated()
{
    QFETCH(QString, locale);
    QFETCH(bool, translated);
    QFETCH(QStringList, menus);
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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
