#pragma once

#include "operations/operation.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace Topograph::Gui {

// The exact plan of a drop or an action (servers and statements, expected write-block for a
// takeover) with Run / Cancel. Cancel is the default button: Enter never runs a plan by accident.
class OperationDialog : public QDialog
{
    Q_OBJECT
public:
    // passwordKnown: the window already has the replication password (--replication-password-env).
    // Otherwise a plan that gives a server MASTER_PASSWORD asks for it here; left empty, the
    // keychain entry user@cluster (or user@*) is used when the operation runs.
    OperationDialog(const OperationRequest &request, const OperationPlan &plan, bool passwordKnown = true,
                    QWidget *parent = nullptr);
    QPushButton *runButton() const { return m_run; }
    QString planText() const { return m_text; }
    // nullptr when the plan needs no replication password or the window has it.
    QLineEdit *replicationPasswordEdit() const { return m_password; }
    QCheckBox *rememberCheckBox() const { return m_remember; }
    QString replicationPassword() const;
    bool rememberReplicationPassword() const;

private:
    QPushButton *m_run;
    QString m_text;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
};

// Routine actions run without a confirmation; anything that changes replication does not.
bool needsConfirmation(OperationKind kind);

} // namespace Topograph::Gui
