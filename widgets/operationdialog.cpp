#include "operationdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Topograph::Gui {

bool needsConfirmation(OperationKind kind)
{
    switch (kind) {
    case OperationKind::StartReplica:
    case OperationKind::BeginDowntime:
    case OperationKind::EndDowntime:
    case OperationKind::BeginMaintenance:
    case OperationKind::EndMaintenance:
    case OperationKind::SetAlias:
        return false;
    default:
        return true;
    }
}

OperationDialog::OperationDialog(const OperationRequest &request, const OperationPlan &plan, bool passwordKnown,
                                 QWidget *parent)
    : QDialog(parent)
    , m_text(plan.toText())
{
    setObjectName(QStringLiteral("OperationDialog"));
    setWindowTitle(tr("Confirm: %1 of %2").arg(operationKindName(request.kind), request.instance.toString()));
    resize(760, 420);
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(plan.summary);
    summary->setWordWrap(true);
    QFont bold = summary->font();
    bold.setBold(true);
    summary->setFont(bold);
    layout->addWidget(summary);
    if (!plan.expectedWriteBlock.isEmpty()) {
        auto *writes = new QLabel(tr("\u26a0 Writes are refused while it runs: %1").arg(plan.expectedWriteBlock));
        writes->setWordWrap(true);
        writes->setStyleSheet(QStringLiteral("color:#b45309"));
        layout->addWidget(writes);
    }
    for (const QString &n : plan.notes) {
        auto *note = new QLabel(tr("Note: %1").arg(n));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *text = new QPlainTextEdit(m_text);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(text, 1);
    if (!passwordKnown && plan.needsReplicationPassword()) {
        const QString account = request.replicationUser + QLatin1Char('@') + plan.cluster;
        auto *form = new QFormLayout;
        m_password = new QLineEdit;
        m_password->setObjectName(QStringLiteral("ReplicationPassword"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("empty: keychain entry %1 or %2@*").arg(account, request.replicationUser));
        form->addRow(tr("Password of replication user '%1':").arg(request.replicationUser), m_password);
        m_remember = new QCheckBox(tr("Remember it in the keychain as %1").arg(account));
        m_remember->setObjectName(QStringLiteral("RememberReplicationPassword"));
        m_remember->setEnabled(false);
        connect(m_password, &QLineEdit::textChanged, m_remember,
                [this](const QString &t) { m_remember->setEnabled(!t.isEmpty()); });
        form->addRow(QString(), m_remember);
        layout->addLayout(form);
    }
    auto *buttons = new QDialogButtonBox;
    const QString runText = request.kind == OperationKind::GracefulTakeover ? tr("Run takeover") : tr("Run");
    m_run = buttons->addButton(runText, QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("RunButton"));
    m_run->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString OperationDialog::replicationPassword() const
{
    return m_password ? m_password->text() : QString();
}

bool OperationDialog::rememberReplicationPassword() const
{
    return m_remember && m_remember->isEnabled() && m_remember->isChecked();
}

} // namespace Topograph::Gui
