#pragma once

#include "operations/operation.h"

#include <QDialog>

class QPushButton;

namespace Topograph::Gui {

// The exact plan of a drop or an action (servers and statements, expected write-block for a
// takeover) with Run / Cancel. Cancel is the default button: Enter never runs a plan by accident.
class OperationDialog : public QDialog
{
    Q_OBJECT
public:
    OperationDialog(const OperationRequest &request, const OperationPlan &plan, QWidget *parent = nullptr);
    QPushButton *runButton() const { return m_run; }
    QString planText() const { return m_text; }

private:
    QPushButton *m_run;
    QString m_text;
};

// Routine actions run without a confirmation; anything that changes replication does not.
bool needsConfirmation(OperationKind kind);

} // namespace Topograph::Gui
