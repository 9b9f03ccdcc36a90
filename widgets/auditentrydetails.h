#pragma once

#include "store/auditlog.h"
#include "store/recoverylog.h"

#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTextBrowser;
class QTreeWidget;

namespace Topograph::Gui {

// The selected audit entry in full: its fields, its message, its details JSON pretty-printed and,
// when it belongs to a recovery, that recovery with every step (statement, timing, outcome and
// the server's or hook's output, which is what a DBA reads after a failover).
class AuditEntryDetails : public QWidget
{
    Q_OBJECT
public:
    enum StepColumn {
        SeqColumn,
        NameColumn,
        ServerColumn,
        StatementColumn,
        StartedColumn,
        DurationColumn,
        OutcomeColumn,
        OutputColumn
    };

    explicit AuditEntryDetails(QWidget *parent = nullptr);

    void showEntry(const Topograph::AuditEntry &entry,
        const std::optional<Topograph::Recovery> &recovery, const QString &chainProblem = {});
    void clear();

    qint64 entryId() const { return m_entryId; }
    QTextBrowser *entryView() const { return m_entry; }
    QLabel *recoverySummary() const { return m_summary; }
    QTreeWidget *stepList() const { return m_steps; }
    QPlainTextEdit *stepOutput() const { return m_output; }
    QGroupBox *recoveryBox() const { return m_recoveryBox; }

private:
    void showStep();

    qint64 m_entryId = 0;
    QSplitter *m_split;
    QTextBrowser *m_entry;
    QGroupBox *m_recoveryBox;
    QLabel *m_summary;
    QTreeWidget *m_steps;
    QPlainTextEdit *m_output;
};

} // namespace Topograph::Gui
