// The auto-failover heart against a real store (in a temporary folder): turning it on asks once
// and names what the filters cover, refusing changes nothing, turning it off never asks, every
// change is audited under the person's user@host, and a change made by another process shows.
// Also the pure pieces of the settings dialog: command-line quoting and the number ranges.
#include "guitest.h"
#include "policytest.h"
#include "autofailovertoggle.h"
#include "engine/policystore.h"
#include "hooklisteditor.h"
#include "store/auditlog.h"
#include "store/store.h"
#include "syntheticfleet.h"
#include "timingeditor.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using Topograph::Test::saveArtifact;
using Topograph::Test::afterPrefix;
using Topograph::Test::sorted;

using namespace Topograph;
using namespace Topograph::Gui;

class tst_FailoverSettingsToggle : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void heartIconIsLitOnlyWhenOn();
    void toggleOnConfirmsAndAudits_data();
    void toggleOnConfirmsAndAudits();
    void toggleRefusedChangesNothing();
    void toggleOffIsAuditedWithoutAsking();
    void toggleFollowsTheStore();
    void toggleReadsTheSwitchDespiteABrokenPolicy();
    void commandLineRoundTrip_data();
    void commandLineRoundTrip();
    void unclosedQuote_data();
    void unclosedQuote();
    void spinRangesMatchPolicy_data();
    void spinRangesMatchPolicy();
    void blockHint_data();
    void blockHint();
    void screenshots();

private:
    std::unique_ptr<Store> openStore(const QString &actor = {}) const;
    QList<AuditEntry> policyAudit(const QString &key) const;

    // Two clusters: a with replicas b and c (alias "sales"), d alone.
    TopologySnapshotPtr m_fleet = Topograph::Test::syntheticSnapshot(QStringLiteral("a>b,a>c,d"));
    QHash<QString, QString> m_aliases{{QStringLiteral("a:3306"), QStringLiteral("sales")}};
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
};

// "{a}" -> "a:3306", the synthetic fleet's cluster and instance names.
static QStringList fill(const QStringList &list)
{
    QStringList out;
    for (QString s : list)
        out << s.replace(QRegularExpression(QStringLiteral("\\{(\\w+)\\}")), QStringLiteral("\\1:3306"));
    return out;
}

std::unique_ptr<Store> tst_FailoverSettingsToggle::openStore(const QString &actor) const
{
    return Topograph::Test::openTestStore(m_storePath, actor);
}

QList<AuditEntry> tst_FailoverSettingsToggle::policyAudit(const QString &key) const
{
    return Topograph::Test::policyAudit(*openStore(), key);
}

void tst_FailoverSettingsToggle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storePath = m_dir->filePath(QStringLiteral("topograph.sqlite"));
}

void tst_FailoverSettingsToggle::heartIconIsLitOnlyWhenOn()
{
    const QIcon icon = heartIcon();
    const QImage on = icon.pixmap(32, QIcon::Normal, QIcon::On).toImage();
    const QImage off = icon.pixmap(32, QIcon::Normal, QIcon::Off).toImage();
    const QColor litCentre = on.pixelColor(on.width() / 2, on.height() / 2);
    QVERIFY2(litCentre.red() > 180 && litCentre.green() < 100 && litCentre.alpha() == 255,
             qPrintable(litCentre.name(QColor::HexArgb)));
    QCOMPARE(off.pixelColor(off.width() / 2, off.height() / 2).alpha(), 0); // an outline: hollow
    QVERIFY(on != off);
}

void tst_FailoverSettingsToggle::toggleOnConfirmsAndAudits_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QStringList>("covered");
    QTest::addColumn<QStringList>("notCovered");
    QTest::newRow("every cluster") << QStringList{"*"} << QStringList{"sales ({a})", "{d}"} << QStringList{};
    QTest::newRow("by alias") << QStringList{"alias=sales"} << QStringList{"sales ({a})"} << QStringList{"{d}"};
    QTest::newRow("by exact name") << QStringList{"{d}"} << QStringList{"{d}"} << QStringList{"sales ({a})"};
    QTest::newRow("a regex must match the whole name")
        << QStringList{"a"} << QStringList{} << QStringList{"sales ({a})", "{d}"};
    QTest::newRow("empty list covers nothing") << QStringList{} << QStringList{} << QStringList{};
}

void tst_FailoverSettingsToggle::toggleOnConfirmsAndAudits()
{
    QFETCH(QStringList, filters);
    QFETCH(QStringList, covered);
    QFETCH(QStringList, notCovered);
    {
        auto setup = openStore(QStringLiteral("setup@test"));
        QVERIFY(setup->setPolicyValue(QStringLiteral("RecoverMasterClusterFilters"),
                                      QJsonArray::fromStringList(fill(filters))));
    }
    AutoFailoverToggle toggle;
    QVERIFY(toggle.setStorePath(m_storePath));
    toggle.setFleet(m_fleet, m_aliases);
    QVERIFY(!toggle.isOn());
    QVERIFY(!toggle.action()->isChecked());
    QVERIFY(toggle.statusText().contains(QLatin1String("off")));
    int asks = 0;
    QString asked;
    toggle.setConfirm([&](const QString &, const QString &text) {
        ++asks;
        asked = text;
        return true;
    });
    QSignalSpy changed(&toggle, &AutoFailoverToggle::changed);

    toggle.action()->trigger();

    QCOMPARE(asks, 1);
    if (filters.isEmpty()) {
        QVERIFY2(asked.contains(QLatin1String("RecoverMasterClusterFilters is empty, so it covers no cluster")),
                 qPrintable(asked));
    } else {
        QCOMPARE(sorted(afterPrefix(asked, QStringLiteral("Covered (recovered automatically): "))), sorted(fill(covered)));
        QCOMPARE(sorted(afterPrefix(asked, QStringLiteral("Not covered (detected and reported only): "))),
                 sorted(fill(notCovered)));
    }
    QVERIFY(toggle.isOn());
    QVERIFY(toggle.action()->isChecked());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toBool(), true);
    QVERIFY(toggle.statusText().contains(QLatin1String("ON")));
    if (!covered.isEmpty())
        QVERIFY2(toggle.statusText().contains(QStringLiteral("clusters covered: %1 of 2").arg(covered.size())), qPrintable(toggle.statusText()));

    auto store = openStore();
    QCOMPARE(loadPolicy(*store)->autoFailover, true);
    const auto history = store->policyHistory(QStringLiteral("AutoFailover"));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().actor, Store::osActor());
    QCOMPARE(history.first().newValue, QJsonValue(true));
    const auto audit = policyAudit(QStringLiteral("AutoFailover"));
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().actor, Store::osActor());
    QVERIFY(AuditLog(*store).verify().intact);
}

void tst_FailoverSettingsToggle::toggleRefusedChangesNothing()
{
    AutoFailoverToggle toggle;
    QVERIFY(toggle.setStorePath(m_storePath));
    toggle.setFleet(m_fleet, m_aliases);
    int asks = 0;
    toggle.setConfirm([&](const QString &, const QString &) {
        ++asks;
        return false;
    });
    QSignalSpy changed(&toggle, &AutoFailoverToggle::changed);
    toggle.action()->trigger();
    QCOMPARE(asks, 1);
    QVERIFY(!toggle.isOn());
    QVERIFY(!toggle.action()->isChecked()); // the heart goes back out
    QCOMPARE(changed.count(), 0);
    auto store = openStore();
    QVERIFY(store->policy().isEmpty());
    QVERIFY(store->policyHistory().isEmpty());
    QCOMPARE(AuditLog(*store).count(AuditFilter{}), 0);
}

void tst_FailoverSettingsToggle::toggleOffIsAuditedWithoutAsking()
{
    {
        auto setup = openStore(QStringLiteral("setup@test"));
        QVERIFY(setup->setPolicyValue(QStringLiteral("AutoFailover"), true));
    }
    AutoFailoverToggle toggle;
    QVERIFY(toggle.setStorePath(m_storePath));
    QVERIFY(toggle.isOn());
    QVERIFY(toggle.action()->isChecked());
    int asks = 0;
    toggle.setConfirm([&](const QString &, const QString &) {
        ++asks;
        return false; // would refuse, if it were asked
    });
    QSignalSpy changed(&toggle, &AutoFailoverToggle::changed);
    toggle.action()->trigger();
    QCOMPARE(asks, 0);
    QVERIFY(!toggle.isOn());
    QVERIFY(!toggle.action()->isChecked());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toBool(), false);
    auto store = openStore();
    QCOMPARE(loadPolicy(*store)->autoFailover, false);
    const auto history = store->policyHistory(QStringLiteral("AutoFailover"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().actor, Store::osActor());
    QCOMPARE(history.last().oldValue, QJsonValue(true));
    QCOMPARE(history.last().newValue, QJsonValue(false));
    const auto audit = policyAudit(QStringLiteral("AutoFailover"));
    QCOMPARE(audit.size(), 2);
    QCOMPARE(audit.first().actor, QStringLiteral("setup@test"));
    QCOMPARE(audit.last().actor, Store::osActor());
}

void tst_FailoverSettingsToggle::toggleFollowsTheStore()
{
    AutoFailoverToggle toggle;
    QVERIFY(toggle.setStorePath(m_storePath));
    QSignalSpy changed(&toggle, &AutoFailoverToggle::changed);
    QSignalSpy status(&toggle, &AutoFailoverToggle::statusTextChanged);
    {
        // Another process (topograph-cli policy set AutoFailover on) shares the store.
        auto cli = openStore(QStringLiteral("cli@elsewhere"));
        QVERIFY(cli->setPolicyValue(QStringLiteral("AutoFailover"), true));
    }
    // No explicit refresh(): the toggle's own poll must notice.
    QTRY_VERIFY_WITH_TIMEOUT(toggle.isOn(), 5000);
    QVERIFY(toggle.action()->isChecked());
    QCOMPARE(changed.count(), 1);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.last().first().toString(), toggle.statusText());
}

void tst_FailoverSettingsToggle::toggleReadsTheSwitchDespiteABrokenPolicy()
{
    {
        // A value no Policy accepts (written raw, as an older or foreign writer might).
        auto setup = openStore(QStringLiteral("setup@test"));
        QVERIFY(setup->setPolicyValue(QStringLiteral("InstancePollSeconds"), 0));
        QVERIFY(setup->setPolicyValue(QStringLiteral("AutoFailover"), true));
    }
    AutoFailoverToggle toggle;
    QVERIFY(toggle.setStorePath(m_storePath));
    QVERIFY(toggle.isOn()); // the heart must not claim "off" while the engine may act
    QVERIFY2(toggle.lastError().contains(QLatin1String("InstancePollSeconds")), qPrintable(toggle.lastError()));
    QVERIFY(toggle.action()->toolTip().contains(toggle.lastError()));
}

void tst_FailoverSettingsToggle::commandLineRoundTrip_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("plain") << QStringList{"/usr/local/bin/notify", "--event", "failover"};
    QTest::newRow("shell line as one argument") << QStringList{"/bin/sh", "-c", "echo $TOPOGRAPH_CLUSTER; exit 3"};
    QTest::newRow("quotes inside") << QStringList{"say", "he said \"hi\"", "a\"b"};
    QTest::newRow("a lone quote") << QStringList{"\"", "x"};
    QTest::newRow("quote first, with a space") << QStringList{"\"a b", "c"};
    QTest::newRow("quote last, with a space") << QStringList{"a b\"", "c"};
    QTest::newRow("tab") << QStringList{"printf", "a\tb"};
    QTest::newRow("not ASCII") << QStringList{"/opt/알림", "클러스터 이름"};
    QTest::newRow("hostile host name stays data") << QStringList{"notify", "$(touch /tmp/x); `id`"};
}

void tst_FailoverSettingsToggle::commandLineRoundTrip()
{
    QFETCH(QStringList, argv);
    const QString line = joinCommandLine(argv);
    QCOMPARE(QProcess::splitCommand(line), argv);
    QVERIFY(!hasUnclosedQuote(line));
}

void tst_FailoverSettingsToggle::unclosedQuote_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("unclosed");
    QTest::newRow("closed") << "echo \"a b\"" << false;
    QTest::newRow("open") << "echo \"a b" << true;
    QTest::newRow("literal quote") << "echo a\"\"\"b" << false;
    QTest::newRow("second argument open") << "\"a\" \"b" << true;
    QTest::newRow("empty quotes") << "echo \"\"" << false;
}

void tst_FailoverSettingsToggle::unclosedQuote()
{
    QFETCH(QString, line);
    QFETCH(bool, unclosed);
    QCOMPARE(hasUnclosedQuote(line), unclosed);
}

void tst_FailoverSettingsToggle::spinRangesMatchPolicy_data()
{
    QTest::addColumn<QString>("key");
    for (const QString &key : TimingEditor::keys())
        QTest::newRow(qPrintable(key)) << key;
    QCOMPARE(TimingEditor::keys().size(), 6);
}

void tst_FailoverSettingsToggle::spinRangesMatchPolicy()
{
    QFETCH(QString, key);
    TimingEditor editor;
    QSpinBox *spin = editor.spinBox(key);
    QVERIFY(spin);
    QCOMPARE(spin->suffix(), QStringLiteral(" s"));
    const int min = spin->minimum(), max = spin->maximum();
    Policy p;
    QVERIFY2(p.set(key, QString::number(min)), qPrintable(key));
    QVERIFY2(p.set(key, QString::number(max)), qPrintable(key));
    QVERIFY2(!p.set(key, QString::number(min - 1)), qPrintable(key));
    QVERIFY2(!p.set(key, QString::number(max + 1)), qPrintable(key));
    // The spin box writes into the field Policy::value() reads.
    spin->setValue(min + 1);
    Policy q;
    editor.apply(q);
    QCOMPARE(q.value(key), QString::number(min + 1));
}

void tst_FailoverSettingsToggle::blockHint_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("hint");
    QTest::newRow("no block") << 0 << "= no block";
    QTest::newRow("seconds") << 45 << "= 45 s";
    QTest::newRow("orchestrator default") << 3600 << "= 1 h";
    QTest::newRow("hour and a half") << 5400 << "= 1 h 30 min";
    QTest::newRow("over a day") << 90061 << "= 1 d 1 h 1 min 1 s";
}

void tst_FailoverSettingsToggle::blockHint()
{
    QFETCH(int, seconds);
    QFETCH(QString, hint);
    TimingEditor editor;
    editor.spinBox(QStringLiteral("RecoveryPeriodBlockSeconds"))->setValue(seconds);
    QCOMPARE(editor.blockHint()->text(), hint);
    Policy p;
    p.recoveryPeriodBlockSeconds = seconds;
    editor.setPolicy(p); // same value again: the hint must still be right
    QCOMPARE(editor.blockHint()->text(), hint);
}

void tst_FailoverSettingsToggle::screenshots()
{
    {
        auto setup = openStore(QStringLiteral("setup@test"));
        QVERIFY(setup->setPolicyValue(QStringLiteral("RecoverMasterClusterFilters"), QJsonArray{QStringLiteral("alias=sales")}));
    }
    QMainWindow window;
    AutoFailoverToggle toggle(&window);
    QVERIFY(toggle.setStorePath(m_storePath));
    toggle.setFleet(m_fleet, m_aliases);
    toggle.setConfirm([](const QString &, const QString &) { return true; });
    QToolBar *bar = window.addToolBar(QStringLiteral("main"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(toggle.action());
    auto *status = new QLabel(toggle.statusText());
    window.statusBar()->addWidget(status);
    connect(&toggle, &AutoFailoverToggle::statusTextChanged, status, &QLabel::setText);
    window.resize(520, 80);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    saveArtifact(window, QStringLiteral("autofailover-off.png"));
    toggle.action()->trigger();
    QVERIFY(toggle.isOn());
    QCOMPARE(status->text(), toggle.statusText());
    QCoreApplication::processEvents(); // let the status bar lay out the longer text before the grab
    saveArtifact(window, QStringLiteral("autofailover-on.png"));
}

QTEST_MAIN(tst_FailoverSettingsToggle)
#include "tst_failoversettings_toggle.moc"
