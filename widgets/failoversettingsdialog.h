#pragma once

#include "model/topologysnapshot.h"
#include "recovery/policy.h"

#include <QDialog>
#include <QHash>

#include <functional>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace Topograph {
class Store;
}

namespace Topograph::Gui {

class FilterListEditor;
class HookListEditor;
class PromotionRulesEditor;
class TimingEditor;

// Failover settings: recovery filters, timing, hooks and promotion rules, with live validation
// and a preview against the fleet on screen. Nothing is written until Save, which goes through
// savePolicy() (one audited history row per changed key) and Store::setPromotionRule(); Cancel
// changes nothing. AutoFailover itself is not edited here: the heart toggle asks before turning
// it on, and an import must not bypass that.
class FailoverSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class FileAction { Import, Export };
    // Returns the chosen file, or empty for "cancelled". Replaceable for tests.
    using FileChooser = std::function<QString(FileAction action)>;

    FailoverSettingsDialog(const QString &storePath, TopologySnapshotPtr snapshot,
                           const QHash<QString, QString> &aliases, QWidget *parent = nullptr);
    ~FailoverSettingsDialog() override;

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    // The policy as edited (AutoFailover as loaded).
    Policy editedPolicy() const;
    bool canSave() const;
    // Writes the changes; on failure shows why and keeps the dialog open.
    bool save();
    bool importFrom(const QString &file);
    bool exportTo(const QString &file);
    // The last message shown at the bottom (import refused, save failed, ...).
    QString message() const;

    QTabWidget *tabs() const { return m_tabs; }
    FilterListEditor *masterFilters() const { return m_master; }
    FilterListEditor *intermediateFilters() const { return m_intermediate; }
    FilterListEditor *ignoreHostFilters() const { return m_ignoreHosts; }
    TimingEditor *timing() const { return m_timing; }
    HookListEditor *hooks() const { return m_hooks; }
    PromotionRulesEditor *promotionRules() const { return m_rules; }
    QLineEdit *commentEditor() const { return m_comment; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *exportButton() const { return m_export; }

signals:
    void saved();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void load(const Policy &policy);
    void updateState();
    void showMessage(const QString &text, bool problem);
    QWidget *buildFiltersTab();
    QWidget *buildPromotionTab();

    std::unique_ptr<Store> m_store;
    TopologySnapshotPtr m_snapshot;
    QHash<QString, QString> m_aliases;
    Policy m_original; // as loaded: Save writes only what was edited since
    FileChooser m_chooser;

    QTabWidget *m_tabs;
    FilterListEditor *m_master;
    FilterListEditor *m_intermediate;
    FilterListEditor *m_ignoreHosts;
    TimingEditor *m_timing;
    HookListEditor *m_hooks;
    PromotionRulesEditor *m_rules;
    QLabel *m_autoState;
    QLabel *m_message;
    QLineEdit *m_comment;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QPushButton *m_import;
    QPushButton *m_export;
};

} // namespace Topograph::Gui
