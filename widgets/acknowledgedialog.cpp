#include "acknowledgedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Topograph::Gui {

AcknowledgeDialog::AcknowledgeDialog(const QString &what, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("AcknowledgeDialog"));
    setWindowTitle(tr("Acknowledge"));
    resize(480, 260);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("Acknowledge %1.").arg(what));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    layout->addWidget(text);
    auto *hint = new QLabel(tr("A comment is required: say what you checked and why automatic "
                               "recoveries may resume. It is kept in the audit log."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_comment = new QPlainTextEdit;
    m_comment->setObjectName(QStringLiteral("AckComment"));
    m_comment->setPlaceholderText(tr("Comment (required)"));
    m_comment->setTabChangesFocus(true);
    hint->setBuddy(m_comment);
    layout->addWidget(m_comment, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Acknowledge"));
    m_ok->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!comment().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QPlainTextEdit::textChanged, this,
        [this] { m_ok->setEnabled(!comment().isEmpty()); });
    m_comment->setFocus();
}

QString AcknowledgeDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

} // namespace Topograph::Gui
