#include "failoversettingsdialog.h"

#include "engine/policystore.h"
#include "filterlisteditor.h"
#include "hooklisteditor.h"
#include "promotionruleseditor.h"
#include "recovery/filters.h"
#include "store/store.h"
#include "timingeditor.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Topograph::Gui {

namespace {

// The stored policy; when another key in it no longer validates, the defaults with the stored
// AutoFailover, so a Save both repairs the store and never flips the switch by accident.
Policy storedPolicy(const Store &store, QString *problem)
{
    if (auto p = loadPolicy(store, problem))
        return *p;
    Policy p;
    const QJsonValue raw = store.policy().value(QStringLiteral("AutoFailover"));
    p.set(QStringLiteral("AutoFailover"),
          raw.isBool() ? (raw.toBool() ? QStringLiteral("on") : QStringLiteral("off")) : raw.toString());
    return p;
}

} // namespace

FailoverSettingsDialog::FailoverSettingsDialog(const QString &storePath, TopologySnapshotPtr snapshot,
                                               const QHash<QString, QString> &aliases, QWidget *parent)
    : QDialog(parent)
    , m_snapshot(std::move(snapshot))
    , m_aliases(aliases)
{
    setObjectName(QStringLiteral("FailoverSettingsDialog"));
    setWindowTitle(tr("Failover settings"));
    resize(920, 700);
    m_chooser = [this](FileAction action) {
        const QString filter = tr("JSON files (*.json);;All files (*)");
        return action == FileAction::Import
                   ? QFileDialog::getOpenFileName(this, tr("Import failover policy"), {}, filter)
                   : QFileDialog::getSaveFileName(this, tr("Export failover policy"),
                                                  QStringLiteral("topograph-policy.json"), filter);
    };

    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("Tabs"));
    m_tabs->addTab(buildFiltersTab(), tr("Recovery filters"));
    m_timing = new TimingEditor;
    m_tabs->addTab(m_timing, tr("Timing"));
    m_hooks = new HookListEditor;
    m_tabs->addTab(m_hooks, tr("Hooks"));
    m_tabs->addTab(buildPromotionTab(), tr("Promotion"));
    layout->addWidget(m_tabs, 1);

    auto *form = new QFormLayout;
    m_comment = new QLineEdit;
    m_comment->setObjectName(QStringLiteral("Comment"));
    m_comment->setPlaceholderText(tr("why (kept in the policy history and the audit log)"));
    form->addRow(tr("Comment:"), m_comment);
    layout->addLayout(form);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("Message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    // Import and Export only fill or read the tabs; kept apart from Save/Cancel so they do not
    // look like ways to close the dialog.
    auto *bottom = new QHBoxLayout;
    m_import = new QPushButton(tr("Import..."));
    m_import->setObjectName(QStringLiteral("Import"));
    m_import->setToolTip(tr("Fill the tabs from a policy JSON file (as topograph-cli policy export writes it)."));
    m_export = new QPushButton(tr("Export..."));
    m_export->setObjectName(QStringLiteral("Export"));
    m_export->setToolTip(tr("Write what the tabs show to a policy JSON file."));
    bottom->addWidget(m_import);
    bottom->addWidget(m_export);
    bottom->addStretch();
    m_buttons = new QDialogButtonBox;
    m_save = m_buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("Save"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &FailoverSettingsDialog::save);
    connect(m_import, &QPushButton::clicked, this, [this] {
        if (const QString file = m_chooser(FileAction::Import); !file.isEmpty())
            importFrom(file);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (const QString file = m_chooser(FileAction::Export); !file.isEmpty())
            exportTo(file);
    });

    for (FilterListEditor *e : {m_master, m_intermediate, m_ignoreHosts}) {
        e->setFleet(m_snapshot, m_aliases);
        connect(e, &FilterListEditor::changed, this, &FailoverSettingsDialog::updateState);
    }
    connect(m_ignoreHosts, &FilterListEditor::changed, this, [this] {
        m_rules->setIgnoredHosts(HostnameFilter::parse(m_ignoreHosts->entries()));
    });
    connect(m_timing, &TimingEditor::changed, this, [this] {
        m_hooks->setTimeoutSeconds(editedPolicy().hookTimeoutSeconds);
        updateState();
    });
    connect(m_hooks, &HookListEditor::changed, this, &FailoverSettingsDialog::updateState);
    m_hooks->setSampleContext(sampleHookContext(m_snapshot.get(), m_aliases));

    QString error;
    m_store = Store::open(storePath, &error);
    if (!m_store) {
        showMessage(tr("Cannot open the store, so nothing can be saved: %1").arg(error), true);
        load(Policy());
        m_rules->setFleet(m_snapshot, m_aliases, {});
    } else {
        // Changes are audited under the person at the keyboard.
        m_store->setActor(Store::osActor());
        QString problem;
        const Policy stored = storedPolicy(*m_store, &problem);
        if (!problem.isEmpty())
            showMessage(tr("%1. Saving replaces the stored policy with what these tabs show.").arg(problem), true);
        m_original = stored;
        load(stored);
        m_rules->setFleet(m_snapshot, m_aliases, m_store->promotionRules());
    }
    m_rules->setIgnoredHosts(HostnameFilter::parse(m_ignoreHosts->entries()));
    updateState();
}

FailoverSettingsDialog::~FailoverSettingsDialog() = default;

QWidget *FailoverSettingsDialog::buildFiltersTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_autoState = new QLabel;
    m_autoState->setObjectName(QStringLiteral("AutoFailoverState"));
    m_autoState->setWordWrap(true);
    m_autoState->setTextFormat(Qt::PlainText);
    layout->addWidget(m_autoState);
    const QString syntax = tr("One entry per row: * (every cluster), alias=NAME, alias~=REGEX, an exact cluster "
                              "name, or a regular expression on the cluster name. Expressions match the WHOLE "
                              "name: db1 does not cover db10:3306; write db1.* for a prefix.");
    m_master = new FilterListEditor(
        FilterListEditor::Kind::Cluster, QStringLiteral("RecoverMasterClusterFilters"),
        tr("Clusters whose dead master Topograph recovers on its own while automatic failover is on.") + QLatin1Char(' ')
            + syntax);
    layout->addWidget(m_master, 1);
    m_intermediate = new FilterListEditor(
        FilterListEditor::Kind::Cluster, QStringLiteral("RecoverIntermediateMasterClusterFilters"),
        tr("Clusters whose dead intermediate masters (replicas with replicas) are recovered on their own. Same "
           "syntax."));
    layout->addWidget(m_intermediate, 1);
    return page;
}

QWidget *FailoverSettingsDialog::buildPromotionTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_ignoreHosts = new FilterListEditor(
        FilterListEditor::Kind::Hostname, QStringLiteral("PromotionIgnoreHostnameFilters"),
        tr("Host names never promoted, as regular expressions matched against the WHOLE host name: 10\\.2\\.9\\.6 "
           "does not match 10.2.9.67. The port is not part of the name."));
    layout->addWidget(m_ignoreHosts, 2);
    m_rules = new PromotionRulesEditor;
    layout->addWidget(m_rules, 3);
    return page;
}

void FailoverSettingsDialog::load(const Policy &policy)
{
    m_master->setEntries(policy.recoverMasterClusterFilters);
    m_intermediate->setEntries(policy.recoverIntermediateMasterClusterFilters);
    m_ignoreHosts->setEntries(policy.promotionIgnoreHostnameFilters);
    m_timing->setPolicy(policy);
    m_hooks->setHooks(policy.hooks);
    m_hooks->setTimeoutSeconds(policy.hookTimeoutSeconds);
    m_autoState->setText(policy.autoFailover
                             ? tr("Automatic failover is ON (the heart in the toolbar): clusters these filters "
                                  "cover are recovered without asking anyone.")
                             : tr("Automatic failover is OFF (the heart in the toolbar): these filters take "
                                  "effect once it is turned on."));
}

Policy FailoverSettingsDialog::editedPolicy() const
{
    Policy p = m_original;
    p.recoverMasterClusterFilters = m_master->entries();
    p.recoverIntermediateMasterClusterFilters = m_intermediate->entries();
    p.promotionIgnoreHostnameFilters = m_ignoreHosts->entries();
    m_timing->apply(p);
    p.hooks = m_hooks->hooks();
    return p;
}

bool FailoverSettingsDialog::canSave() const
{
    return m_store && m_master->isValid() && m_intermediate->isValid() && m_ignoreHosts->isValid()
           && m_hooks->isValid() && editedPolicy().validate();
}

void FailoverSettingsDialog::updateState()
{
    QString blocker;
    for (const FilterListEditor *e : {m_master, m_intermediate, m_ignoreHosts})
        if (!e->isValid() && blocker.isEmpty())
            blocker = QStringLiteral("%1: %2").arg(e->key(), e->errorText());
    if (blocker.isEmpty() && !m_hooks->isValid())
        blocker = m_hooks->errorText();
    m_save->setEnabled(canSave());
    m_export->setEnabled(blocker.isEmpty());
    m_save->setToolTip(blocker.isEmpty() ? QString() : tr("Fix this first: %1").arg(blocker));
}

void FailoverSettingsDialog::keyPressEvent(QKeyEvent *event)
{
    // Enter in an entry or command field finishes that field; it must not save the whole policy
    // (QDialogButtonBox makes Save the default button, which QDialog clicks on Enter).
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void FailoverSettingsDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color:#c62828") : QStringLiteral("color:#2e7d32"));
}

QString FailoverSettingsDialog::message() const
{
    return m_message->text();
}

bool FailoverSettingsDialog::save()
{
    if (!canSave()) {
        QString why = m_save->toolTip();
        if (!m_store)
            why = tr("Nothing can be saved: no store is open.");
        else if (why.isEmpty() && !editedPolicy().validate(&why))
            why = tr("Not saved: %1").arg(why);
        showMessage(why, true);
        return false;
    }
    const Policy edited = editedPolicy();
    // Apply only the keys edited here on top of what the store has NOW: a CLI or the heart may
    // have changed other keys (AutoFailover above all) while the dialog was open.
    Policy merged = storedPolicy(*m_store, nullptr);
    QString why;
    for (const QString &key : Policy::keys()) {
        const QString value = edited.value(key);
        if (value != m_original.value(key) && !merged.set(key, value, &why)) {
            showMessage(tr("Not saved: %1").arg(why), true);
            return false;
        }
    }
    const QString comment = m_comment->text().trimmed().isEmpty() ? tr("changed in Failover settings")
                                                                  : m_comment->text().trimmed();
    if (!merged.validate(&why) || !savePolicy(*m_store, merged, comment, &why)) {
        showMessage(tr("Not saved: %1").arg(why), true);
        return false;
    }
    const QHash<InstanceKey, PromotionRule> rules = m_rules->changedRules();
    for (auto it = rules.cbegin(); it != rules.cend(); ++it)
        if (!m_store->setPromotionRule(it.key(), it.value(), &why)) {
            showMessage(tr("The policy was saved, but the promotion rule of %1 was not: %2").arg(it.key().toString(), why),
                        true);
            return false;
        }
    emit saved();
    accept();
    return true;
}

bool FailoverSettingsDialog::importFrom(const QString &file)
{
    auto refuse = [&](const QString &why) {
        showMessage(tr("Cannot import %1: %2. Nothing was changed.").arg(file, why), true);
        return false;
    };
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return refuse(f.errorString());
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError)
        return refuse(tr("it is not valid JSON (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return refuse(tr("it is not a JSON object with policy keys"));
    QString why;
    auto imported = Policy::fromJson(doc.object(), &why);
    if (!imported)
        return refuse(why);
    QString text = tr("Imported %1. Review the tabs and press Save to apply it.").arg(file);
    if (imported->autoFailover != m_original.autoFailover)
        text += QLatin1Char(' ')
                + tr("AutoFailover in the file (%1) is not applied: turn it on or off with the heart in the toolbar.")
                      .arg(imported->value(QStringLiteral("AutoFailover")));
    imported->autoFailover = m_original.autoFailover;
    load(*imported);
    showMessage(text, false);
    return true;
}

bool FailoverSettingsDialog::exportTo(const QString &file)
{
    if (!m_export->isEnabled()) {
        showMessage(tr("Not exported: %1").arg(m_save->toolTip()), true);
        return false;
    }
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(editedPolicy().toJson()).toJson()) < 0 || !f.commit()) {
        showMessage(tr("Cannot export to %1: %2").arg(file, f.errorString()), true);
        return false;
    }
    showMessage(tr("Exported to %1 (what these tabs show, saved or not).").arg(file), false);
    return true;
}

} // namespace Topograph::Gui
