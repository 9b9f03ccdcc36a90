// The failover settings dialog against a real store (in a temporary folder) and a real MariaDB
// sandbox fleet: what a person does in the dialog must land in the store, audited under their
// user@host, and nothing else may change. The heart toggle: tst_failoversettings_toggle.cpp.
#include "guitest.h"
#include "policytest.h"
#include "engine/policystore.h"
#include "failoversettingsdialog.h"
#include "filterlisteditor.h"
#include "fleet.h"
#include "hooklisteditor.h"
#include "promotionruleseditor.h"
#include "sandbox.h"
#include "store/auditlog.h"
#include "store/store.h"
#include "timingeditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using Topograph::Test::saveArtifact;
using Topograph::Test::afterPrefix;
using Topograph::Test::sorted;

using namespace Topograph;
using namespace Topograph::Gui;
using Topograph::Test::KnownFleet;
using Topograph::Test::Sandbox;
using Topograph::Test::keyOf;

class tst_FailoverSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void settingsRoundTrip();
    void secondSaveWritesOnlyWhatChanged();
    void saveKeepsWhatOthersChangedMeanwhile();
    void cancelChangesNothing();
    void invalidRegexRefused_data();
    void invalidRegexRefused();
    void unclosedQuoteInHookBlocksSave();
    void previewAgainstSandbox_data();
    void previewAgainstSandbox();
    void testHookRunsRealCommand();
    void importRefusesBrokenFiles_data();
    void importRefusesBrokenFiles();
    void importExportRoundTrip();
    void screenshots();

private:
    QString fill(QString text) const;
    QStringList fill(const QStringList &list) const;
    std::unique_ptr<Store> openStore(const QString &actor = {}) const;
    QList<AuditEntry> policyAudit(const QString &key) const;
    QLineEdit *type(FilterListEditor *editor, const QString &text);

    std::unique_ptr<Sandbox> m_sb;
    TopologySnapshotPtr m_fleet;
    QHash<QString, QString> m_aliases;
    QString m_clusterA, m_clusterD;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
};

QString tst_FailoverSettings::fill(QString text) const
{
    for (const QString &node : m_sb->nodes())
        text.replace(QLatin1Char('{') + node + QLatin1Char('}'), keyOf(*m_sb, node).toString());
    return text;
}

QStringList tst_FailoverSettings::fill(const QStringList &list) const
{
    QStringList out;
    for (const QString &s : list)
        out << fill(s);
    return out;
}

std::unique_ptr<Store> tst_FailoverSettings::openStore(const QString &actor) const
{
    return Topograph::Test::openTestStore(m_storePath, actor);
}

QList<AuditEntry> tst_FailoverSettings::policyAudit(const QString &key) const
{
    return Topograph::Test::policyAudit(*openStore(), key);
}

QLineEdit *tst_FailoverSettings::type(FilterListEditor *editor, const QString &text)
{
    editor->addEntry();
    QLineEdit *line = editor->entryEditor();
    QTest::keyClicks(line, text);
    return line;
}

void tst_FailoverSettings::initTestCase()
{
    // Two clusters: a with replicas b and c, d alone; a has an alias.
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    m_clusterA = keyOf(*m_sb, QStringLiteral("a")).toString();
    m_clusterD = keyOf(*m_sb, QStringLiteral("d")).toString();
    m_aliases.insert(m_clusterA, QStringLiteral("sales"));
    KnownFleet fleet(*m_sb);
    TopologySnapshot::Input extra;
    extra.aliases = m_aliases;
    m_fleet = fleet.discover(extra);
    QCOMPARE(m_fleet->clusters().size(), 2);
    QCOMPARE(m_fleet->instances().size(), 4);
    QVERIFY(m_fleet->cluster(m_clusterA));
    QCOMPARE(m_fleet->cluster(m_clusterA)->members.size(), 3);
}

void tst_FailoverSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storePath = m_dir->filePath(QStringLiteral("topograph.sqlite"));
}

void tst_FailoverSettings::settingsRoundTrip()
{
    const InstanceKey b = keyOf(*m_sb, QStringLiteral("b")), c = keyOf(*m_sb, QStringLiteral("c"));
    const QStringList notify{"/usr/local/bin/notify", "--cluster", "prod east"};
    {
        FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
        d.show();
        type(d.masterFilters(), QStringLiteral("alias=sales"));
        type(d.intermediateFilters(), QStringLiteral("*"));
        type(d.ignoreHostFilters(), QStringLiteral("backup-.*"));
        d.timing()->spinBox(QStringLiteral("RecoveryPeriodBlockSeconds"))->setValue(600);
        d.timing()->spinBox(QStringLiteral("InstancePollSeconds"))->setValue(2);
        d.timing()->spinBox(QStringLiteral("HookTimeoutSeconds"))->setValue(7);
        d.timing()->spinBox(QStringLiteral("FailMasterPromotionOnLagSeconds"))->setValue(30);
        d.hooks()->selectPoint(HookPoint::PostFailover);
        d.hooks()->addCommand({});
        QTest::keyClicks(d.hooks()->commandEditor(), QStringLiteral("/usr/local/bin/notify --cluster \"prod east\""));
        QCOMPARE(d.hooks()->currentCommand(), notify);
        QVERIFY(d.promotionRules()->setRule(b, PromotionRule::MustNot));
        QComboBox *combo = d.promotionRules()->comboFor(c);
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(QStringLiteral("prefer")));
        QTest::keyClicks(d.commentEditor(), QStringLiteral("round trip"));
        QVERIFY(d.saveButton()->isEnabled());
        QSignalSpy saved(&d, &FailoverSettingsDialog::saved);
        QTest::mouseClick(d.saveButton(), Qt::LeftButton);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }
    auto store = openStore();
    const auto policy = loadPolicy(*store);
    QVERIFY(policy);
    QCOMPARE(policy->recoverMasterClusterFilters, QStringList{"alias=sales"});
    QCOMPARE(policy->recoverIntermediateMasterClusterFilters, QStringList{"*"});
    QCOMPARE(policy->promotionIgnoreHostnameFilters, QStringList{"backup-.*"});
    QCOMPARE(policy->recoveryPeriodBlockSeconds, 600);
    QCOMPARE(policy->instancePollSeconds, 2);
    QCOMPARE(policy->hookTimeoutSeconds, 7);
    QCOMPARE(policy->failMasterPromotionOnLagSeconds, 30);
    QCOMPARE(policy->hooks.value(HookPoint::PostFailover), QList<QStringList>{notify});
    QCOMPARE(policy->autoFailover, false);
    const auto rules = store->promotionRules();
    QCOMPARE(rules.value(b), PromotionRule::MustNot);
    QCOMPARE(rules.value(c), PromotionRule::Prefer);
    for (const char *key : {"RecoverMasterClusterFilters", "RecoverIntermediateMasterClusterFilters",
                            "PromotionIgnoreHostnameFilters", "RecoveryPeriodBlockSeconds", "InstancePollSeconds",
                            "HookTimeoutSeconds", "FailMasterPromotionOnLagSeconds", "Hooks"}) {
        const auto history = store->policyHistory(QLatin1String(key));
        QVERIFY2(history.size() == 1, key);
        QCOMPARE(history.first().actor, Store::osActor());
        QCOMPARE(history.first().comment, QStringLiteral("round trip"));
        QCOMPARE(policyAudit(QLatin1String(key)).size(), 1);
    }
    int ruleAudits = 0;
    for (const AuditEntry &e : AuditLog(*store).entries(AuditFilter{}))
        if (e.action == QLatin1String("set-promotion-rule")) {
            ++ruleAudits;
            QCOMPARE(e.actor, Store::osActor());
            QVERIFY(e.instance == b.toString() || e.instance == c.toString());
        }
    QCOMPARE(ruleAudits, 2);

    FailoverSettingsDialog again(m_storePath, m_fleet, m_aliases);
    QCOMPARE(again.masterFilters()->entries(), QStringList{"alias=sales"});
    QCOMPARE(again.intermediateFilters()->entries(), QStringList{"*"});
    QCOMPARE(again.ignoreHostFilters()->entries(), QStringList{"backup-.*"});
    QCOMPARE(again.timing()->spinBox(QStringLiteral("RecoveryPeriodBlockSeconds"))->value(), 600);
    QCOMPARE(again.timing()->blockHint()->text(), QStringLiteral("= 10 min"));
    QCOMPARE(again.timing()->spinBox(QStringLiteral("HookTimeoutSeconds"))->value(), 7);
    QCOMPARE(again.hooks()->hooks().value(HookPoint::PostFailover), QList<QStringList>{notify});
    QCOMPARE(again.promotionRules()->comboFor(b)->currentData().toString(), QStringLiteral("must_not"));
    QCOMPARE(again.promotionRules()->comboFor(c)->currentData().toString(), QStringLiteral("prefer"));
    QCOMPARE(again.editedPolicy(), *policy);
    QVERIFY(AuditLog(*store).verify().intact);
}

void tst_FailoverSettings::secondSaveWritesOnlyWhatChanged()
{
    {
        FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
        QVERIFY(d.save()); // a fresh store: writes every key once
    }
    auto store = openStore();
    const int before = int(store->policyHistory().size());
    QVERIFY(before > 0);
    {
        FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
        d.timing()->spinBox(QStringLiteral("InstancePollSeconds"))->setValue(3);
        QVERIFY(d.save());
    }
    const auto history = store->policyHistory();
    QCOMPARE(int(history.size()), before + 1);
    QCOMPARE(history.last().key, QStringLiteral("InstancePollSeconds"));
    QCOMPARE(history.last().newValue.toInt(), 3);
    {
        FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
        QVERIFY(d.save()); // nothing edited, nothing written
    }
    QCOMPARE(int(store->policyHistory().size()), before + 1);
}

void tst_FailoverSettings::saveKeepsWhatOthersChangedMeanwhile()
{
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    d.timing()->spinBox(QStringLiteral("RecoveryPeriodBlockSeconds"))->setValue(120);
    {
        // While the dialog is open, the heart is turned on and a CLI changes another key.
        auto other = openStore(QStringLiteral("cli@elsewhere"));
        QVERIFY(other->setPolicyValue(QStringLiteral("AutoFailover"), true));
        QVERIFY(other->setPolicyValue(QStringLiteral("InstancePollSeconds"), 5));
    }
    QVERIFY(d.save());
    auto store = openStore();
    const auto policy = loadPolicy(*store);
    QCOMPARE(policy->autoFailover, true);
    QCOMPARE(policy->instancePollSeconds, 5);
    QCOMPARE(policy->recoveryPeriodBlockSeconds, 120);
}

void tst_FailoverSettings::cancelChangesNothing()
{
    {
        FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
        d.show();
        type(d.masterFilters(), QStringLiteral("*"));
        d.timing()->spinBox(QStringLiteral("InstancePollSeconds"))->setValue(9);
        QVERIFY(d.promotionRules()->setRule(keyOf(*m_sb, QStringLiteral("c")), PromotionRule::Prefer));
        // Enter finishes the field; it is not a way to save the whole policy.
        QTest::keyClick(d.masterFilters()->entryEditor(), Qt::Key_Return);
        QVERIFY(d.isVisible());
        QVERIFY(openStore()->policy().isEmpty());
        QPushButton *cancel = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }
    auto store = openStore();
    QVERIFY(store->policy().isEmpty());
    QVERIFY(store->promotionRules().isEmpty());
    QCOMPARE(AuditLog(*store).count(AuditFilter{}), 0);
}

void tst_FailoverSettings::invalidRegexRefused_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<int>("offset");
    QTest::newRow("unclosed class") << "master" << "db[1" << 4;
    QTest::newRow("unclosed group in alias~=") << "master" << "alias~=prod-(" << 13;
    QTest::newRow("leading spaces count") << "intermediate" << "  db)" << 4;
    QTest::newRow("nothing to repeat") << "intermediate" << "+db" << 0;
    QTest::newRow("host name pattern") << "ignore" << "back(up" << 7;
}

void tst_FailoverSettings::invalidRegexRefused()
{
    QFETCH(QString, list);
    QFETCH(QString, entry);
    QFETCH(int, offset);
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    d.show();
    FilterListEditor *editor = list == QLatin1String("master")         ? d.masterFilters()
                               : list == QLatin1String("intermediate") ? d.intermediateFilters()
                                                                       : d.ignoreHostFilters();
    d.tabs()->setCurrentWidget(editor->parentWidget());
    type(editor, QStringLiteral("db2.*"));
    QVERIFY(d.saveButton()->isEnabled());
    QLineEdit *line = type(editor, entry);

    QVERIFY(!editor->isValid());
    QVERIFY(!d.saveButton()->isEnabled());
    QCOMPARE(editor->errorOffset(), offset);
    QVERIFY2(editor->errorText().contains(QStringLiteral("at character")), qPrintable(editor->errorText()));
    QVERIFY(editor->errorLabel()->isVisible());
    // The caret sits under the offending character.
    QTextDocument doc;
    doc.setHtml(editor->errorLabel()->text());
    const QStringList lines = doc.toPlainText().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 3, qPrintable(doc.toPlainText()));
    // A problem at the very end (an unclosed bracket) marks a blank after the entry.
    QVERIFY2(lines.at(1).startsWith(entry) && lines.at(1).mid(entry.size()).trimmed().isEmpty(), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), QString(offset, QLatin1Char(' ')) + QLatin1Char('^'));
    QListWidgetItem *row = editor->list()->item(1);
    QVERIFY(!row->toolTip().isEmpty());
    QVERIFY(!row->icon().isNull());
    QVERIFY(editor->list()->item(0)->icon().isNull());
    QVERIFY(editor->previewText().contains(QLatin1String("waits")));
    // Coming back to the row puts the cursor on the problem.
    editor->list()->setCurrentRow(0);
    editor->list()->setCurrentRow(1);
    QCOMPARE(line->cursorPosition(), offset);

    QVERIFY(!d.save());
    QCOMPARE(d.result(), int(QDialog::Rejected)); // still open, not accepted
    auto store = openStore();
    QVERIFY(store->policy().isEmpty());
    QCOMPARE(AuditLog(*store).count(AuditFilter{}), 0);

    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("db1.*"));
    QVERIFY(editor->isValid());
    QVERIFY(editor->errorLabel()->isHidden());
    QVERIFY(d.saveButton()->isEnabled());
}

void tst_FailoverSettings::unclosedQuoteInHookBlocksSave()
{
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    d.hooks()->selectPoint(HookPoint::PostMasterFailover);
    d.hooks()->addCommand({});
    QTest::keyClicks(d.hooks()->commandEditor(), QStringLiteral("/usr/bin/logger \"failover done"));
    QVERIFY(!d.hooks()->isValid());
    QVERIFY2(d.hooks()->errorText().contains(QLatin1String("PostMasterFailover, command 1")), qPrintable(d.hooks()->errorText()));
    QVERIFY(!d.saveButton()->isEnabled());
    QVERIFY(!d.hooks()->testButton()->isEnabled());
    QVERIFY(!d.save());
    QVERIFY(d.message().contains(QLatin1String("double quote")));
    QVERIFY(openStore()->policy().isEmpty());
    QTest::keyClick(d.hooks()->commandEditor(), Qt::Key_QuoteDbl);
    QCOMPARE(d.hooks()->currentCommand(), (QStringList{"/usr/bin/logger", "failover done"}));
    QVERIFY(d.saveButton()->isEnabled());
}

void tst_FailoverSettings::previewAgainstSandbox_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("master by alias") << "master" << QStringList{"alias=sales"} << "Covers clusters: "
                                     << QStringList{"sales ({a})"};
    QTest::newRow("master leaves the other out") << "master" << QStringList{"alias=sales"} << "Does not cover: "
                                                 << QStringList{"{d}"};
    QTest::newRow("intermediate by name regex") << "intermediate" << QStringList{"127\\.0\\.0\\.1:{dport}"}
                                                << "Covers clusters: " << QStringList{"{d}"};
    QTest::newRow("every cluster") << "master" << QStringList{"*"} << "Does not cover: " << QStringList{};
    QTest::newRow("loopback hosts are never promoted")
        << "ignore" << QStringList{"127\\.0\\.0\\.1"} << "Never promotes: " << QStringList{"{a}", "{b}", "{c}", "{d}"};
    QTest::newRow("whole-name match: a prefix is not enough")
        << "ignore" << QStringList{"127\\.0\\.0"} << "Never promotes: no instance" << QStringList{};
}

void tst_FailoverSettings::previewAgainstSandbox()
{
    QFETCH(QString, list);
    QFETCH(QStringList, entries);
    QFETCH(QString, prefix);
    QFETCH(QStringList, expected);
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    FilterListEditor *editor = list == QLatin1String("master")         ? d.masterFilters()
                               : list == QLatin1String("intermediate") ? d.intermediateFilters()
                                                                       : d.ignoreHostFilters();
    for (QString e : entries)
        type(editor, fill(e.replace(QStringLiteral("{dport}"), QString::number(m_sb->port(QStringLiteral("d"))))));
    QVERIFY2(editor->isValid(), qPrintable(editor->errorText()));
    const QString preview = editor->previewLabel()->text();
    QCOMPARE(preview, editor->previewText());
    if (expected.isEmpty() && !prefix.endsWith(QLatin1String(": "))) {
        QVERIFY2(preview.startsWith(prefix), qPrintable(preview));
        return;
    }
    QCOMPARE(sorted(afterPrefix(preview, prefix)), sorted(fill(expected)));
    if (list == QLatin1String("ignore")) {
        // The promotion rules table says the same about each instance.
        const QTableWidget *table = d.promotionRules()->table();
        for (int row = 0; row < table->rowCount(); ++row)
            QVERIFY(table->item(row, PromotionRulesEditor::NoteColumn)->text().contains(QLatin1String("never promoted")));
    }
}

void tst_FailoverSettings::testHookRunsRealCommand()
{
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    d.show();
    HookListEditor *hooks = d.hooks();
    d.tabs()->setCurrentWidget(hooks);
    hooks->selectPoint(HookPoint::PreFailover);
    // An argv of three elements, not a line for a shell.
    const QStringList argv{"/bin/sh", "-c", "sleep 1; echo \"$TOPOGRAPH_CLUSTER $TOPOGRAPH_FAILED_HOST:$TOPOGRAPH_FAILED_PORT "
                                            "hooktest=$TOPOGRAPH_HOOK_TEST\"; exit 3"};
    hooks->addCommand(argv);
    QCOMPARE(hooks->currentCommand(), argv);
    QCOMPARE(QProcess::splitCommand(hooks->commandEditor()->text()), argv);
    QVERIFY(hooks->findChild<QLabel *>(QStringLiteral("Arguments"))->text().startsWith(QStringLiteral("\u2039/bin/sh\u203a \u2039-c\u203a")));
    QVERIFY(hooks->testButton()->isEnabled());
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(hooks->testButton(), Qt::LeftButton);
    // The click returned before the command (which sleeps) could finish: it runs off this thread.
    QVERIFY2(clock.elapsed() < 700, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(hooks->isTestRunning());
    QVERIFY(!hooks->testButton()->isEnabled());
    QVERIFY(hooks->testResultLabel()->text().startsWith(QLatin1String("Running")));
    QTRY_VERIFY_WITH_TIMEOUT(!hooks->isTestRunning(), 10000);
    const auto result = hooks->lastTestResult();
    QVERIFY(result);
    QCOMPARE(result->exitCode, 3);
    QVERIFY(result->durationMs >= 1000);
    QVERIFY2(hooks->testResultLabel()->text().contains(QStringLiteral("Exit status 3 after")),
             qPrintable(hooks->testResultLabel()->text()));
    const QString expected = QStringLiteral("%1 %1 hooktest=1").arg(m_clusterA);
    QCOMPARE(hooks->testOutput()->toPlainText().trimmed(), expected);
    saveArtifact(d, QStringLiteral("failoversettings-hook-test.png"));

    hooks->addCommand({QStringLiteral("/nonexistent/topograph-hook")});
    QVERIFY(hooks->testCurrent());
    QTRY_VERIFY_WITH_TIMEOUT(!hooks->isTestRunning(), 10000);
    QVERIFY(!hooks->lastTestResult()->started);
    QVERIFY(hooks->testResultLabel()->text().contains(QLatin1String("Could not start")));
    // Testing is not saving.
    QVERIFY(openStore()->policy().isEmpty());
}

void tst_FailoverSettings::importRefusesBrokenFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("truncated JSON") << QByteArray("{\"RecoverMasterClusterFilters\": [") << "not valid JSON";
    QTest::newRow("not an object") << QByteArray("[1, 2]") << "not a JSON object";
    QTest::newRow("bad regex") << QByteArray("{\"RecoverMasterClusterFilters\": [\"db[1\"]}") << "'db[1' at character";
    QTest::newRow("unknown key") << QByteArray("{\"RecoverEverything\": true}") << "unknown policy key 'RecoverEverything'";
    QTest::newRow("number out of range") << QByteArray("{\"InstancePollSeconds\": 0}") << "InstancePollSeconds must be";
    QTest::newRow("missing file") << QByteArray() << "No such file";
}

void tst_FailoverSettings::importRefusesBrokenFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    const QString file = m_dir->filePath(QStringLiteral("policy.json"));
    if (!content.isEmpty()) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    type(d.masterFilters(), QStringLiteral("alias=sales"));
    const Policy before = d.editedPolicy();
    int asked = 0;
    d.setFileChooser([&](FailoverSettingsDialog::FileAction action) {
        ++asked;
        return action == FailoverSettingsDialog::FileAction::Import ? file : QString();
    });
    QTest::mouseClick(d.importButton(), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QCOMPARE(d.editedPolicy(), before);
    QVERIFY2(d.message().contains(file), qPrintable(d.message()));
    QVERIFY2(d.message().contains(problem), qPrintable(d.message()));
    QVERIFY2(d.message().contains(QLatin1String("Nothing was changed")), qPrintable(d.message()));
    QVERIFY(openStore()->policy().isEmpty());
}

void tst_FailoverSettings::importExportRoundTrip()
{
    const QString file = m_dir->filePath(QStringLiteral("exported.json"));
    Policy exported;
    {
        FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
        type(d.masterFilters(), QStringLiteral("alias~=sal.*"));
        d.timing()->spinBox(QStringLiteral("ReasonableReplicationLagSeconds"))->setValue(42);
        d.hooks()->selectPoint(HookPoint::PostUnsuccessfulFailover);
        d.hooks()->addCommand({QStringLiteral("/usr/bin/logger"), QStringLiteral("failover failed")});
        d.setFileChooser([&](FailoverSettingsDialog::FileAction) { return file; });
        QTest::mouseClick(d.exportButton(), Qt::LeftButton);
        QVERIFY2(d.message().contains(file), qPrintable(d.message()));
        exported = d.editedPolicy();
    }
    QVERIFY(openStore()->policy().isEmpty()); // exporting is not saving
    // Someone turned it on in the file: importing must not bypass the heart's confirmation.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QCOMPARE(Policy::fromJson(json), std::optional<Policy>(exported));
    json.insert(QStringLiteral("AutoFailover"), true);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(json).toJson());
    f.close();

    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    QVERIFY(d.importFrom(file));
    QCOMPARE(d.editedPolicy(), exported);
    QVERIFY2(d.message().contains(QLatin1String("AutoFailover in the file (on) is not applied")), qPrintable(d.message()));
    QVERIFY(d.save());
    const auto stored = loadPolicy(*openStore());
    QCOMPARE(*stored, exported);
    QCOMPARE(stored->autoFailover, false);
}

void tst_FailoverSettings::screenshots()
{
    {
        auto setup = openStore(QStringLiteral("setup@test"));
        QVERIFY(setup->setPolicyValue(QStringLiteral("RecoverMasterClusterFilters"), QJsonArray{QStringLiteral("alias=sales")}));
        QVERIFY(setup->setPolicyValue(QStringLiteral("PromotionIgnoreHostnameFilters"), QJsonArray{QStringLiteral("backup-.*")}));
        QVERIFY(setup->setPromotionRule(keyOf(*m_sb, QStringLiteral("c")), PromotionRule::Prefer));
    }
    FailoverSettingsDialog d(m_storePath, m_fleet, m_aliases);
    d.hooks()->selectPoint(HookPoint::PreFailover);
    d.hooks()->addCommand({QStringLiteral("/usr/local/bin/fence"), QStringLiteral("--host"), QStringLiteral("old master")});
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    const QStringList names{"filters", "timing", "hooks", "promotion"};
    QCOMPARE(d.tabs()->count(), names.size());
    for (int i = 0; i < d.tabs()->count(); ++i) {
        d.tabs()->setCurrentIndex(i);
        saveArtifact(d, QStringLiteral("failoversettings-%1-%2.png").arg(i + 1).arg(names.at(i)));
    }
    d.tabs()->setCurrentIndex(0);
    type(d.intermediateFilters(), QStringLiteral("alias~=prod-(east"));
    QVERIFY(!d.saveButton()->isEnabled());
    saveArtifact(d, QStringLiteral("failoversettings-invalid-regex.png"));
}

QTEST_MAIN(tst_FailoverSettings)
#include "tst_failoversettings.moc"
