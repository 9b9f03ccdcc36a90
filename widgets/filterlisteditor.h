#pragma once

#include "model/topologysnapshot.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Topograph::Gui {

// Edits one filter list of the policy (RecoverMasterClusterFilters, ...) as rows. Every keystroke
// is checked with the engine's own parser: a bad regular expression marks its row and shows the
// entry with the offending character underlined and a caret under it. Below, a preview says
// what the list means for the fleet on screen, before anything is saved.
class FilterListEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Cluster, Hostname };

    FilterListEditor(Kind kind, const QString &key, const QString &explanation, QWidget *parent = nullptr);

    void setEntries(const QStringList &entries);
    // The rows, trimmed, blank rows left out: what goes into the policy.
    QStringList entries() const;
    void setFleet(TopologySnapshotPtr snapshot, const QHash<QString, QString> &aliases);

    bool isValid() const { return m_firstInvalidRow < 0; }
    // The first bad row's problem, plain text ("'db[1' at character 4: missing terminating ]...").
    QString errorText() const { return m_errorMessage; }
    // Position of the problem in the first bad row's text as typed (-1 if none).
    int errorOffset() const { return m_errorOffset; }
    QString previewText() const;
    QString key() const { return m_key; }

    QListWidget *list() const { return m_list; }
    QLineEdit *entryEditor() const { return m_editor; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *previewLabel() const { return m_preview; }

    void addEntry(const QString &text = {});
    void removeCurrent();
    void moveCurrent(int delta);

signals:
    void changed();

private:
    struct RowProblem
    {
        int offset = -1;
        QString message;
    };
    std::optional<RowProblem> problemOf(const QString &text) const;
    void onCurrentRowChanged();
    void onEdited(const QString &text);
    void revalidate();
    void updateButtons();

    Kind m_kind;
    QString m_key;
    TopologySnapshotPtr m_snapshot;
    QHash<QString, QString> m_aliases;
    QListWidget *m_list;
    QLineEdit *m_editor;
    QLabel *m_error;
    QLabel *m_preview;
    QPushButton *m_add, *m_remove, *m_up, *m_down;
    int m_firstInvalidRow = -1;
    int m_errorOffset = -1;
    QString m_errorMessage;
};

} // namespace Topograph::Gui
