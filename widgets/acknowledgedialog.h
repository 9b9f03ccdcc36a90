#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace Topograph::Gui {

// Asks for the comment an acknowledgement requires (what was checked, why automatic recoveries
// may resume). OK stays disabled while the comment is blank, so an empty acknowledgement cannot
// even be attempted.
class AcknowledgeDialog : public QDialog
{
    Q_OBJECT
public:
    // what: a sentence naming what will be acknowledged ("recovery #12 of cluster db1:3306").
    AcknowledgeDialog(const QString &what, QWidget *parent = nullptr);

    QString comment() const; // trimmed
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QPushButton *okButton() const { return m_ok; }

private:
    QPlainTextEdit *m_comment;
    QPushButton *m_ok;
};

} // namespace Topograph::Gui
