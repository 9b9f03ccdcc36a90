#pragma once

#include "recovery/candidates.h"
#include "recovery/policy.h"
#include "recovery/recoveryexecutor.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace Topograph::Gui {

class ProgressPanel;

// One-click Recover: shows planPromotion()'s ranked candidates with their reasons (the same pure
// function as `topograph-cli candidates`), preselects the best, says what happens to each replica
// (follows / lost) for the selected candidate, and after Run shows the steps as they happen.
// The dialog never talks to a server: Run emits runRequested and the owner asks the engine.
class RecoverDialog : public QDialog
{
    Q_OBJECT
public:
    RecoverDialog(TopologySnapshotPtr snapshot, const InstanceKey &failed, const QString &analysisCode,
                  const Policy &policy, QWidget *parent = nullptr);

    const PromotionPlan &plan() const { return m_plan; }
    std::optional<InstanceKey> selectedCandidate() const;
    void selectCandidate(const InstanceKey &key);
    QTreeWidget *candidateList() const { return m_candidates; }
    QTreeWidget *replicaList() const { return m_replicas; }
    QPushButton *runButton() const { return m_run; }
    ProgressPanel *progressView() const { return m_progress; }
    QString cluster() const { return m_plan.cluster; }
    RecoveryRequest request() const;
    // "Force failover now" of a live master: Run stays disabled until this is ticked.
    bool isForced() const { return m_forced; }
    QCheckBox *forceConfirmation() const { return m_confirm; }

    // From the engine, while the dialog is open.
    void recoveryProgress(const QString &step, StepOutcome outcome);
    void recoveryFinished(const RecoveryOutcome &outcome);
    void recoveryRefused(const QString &reason);
    bool isRunning() const { return m_running; }

signals:
    void runRequested(const Topograph::RecoveryRequest &request);

private:
    void fillCandidates();
    void updateReplicas();
    void run();

    TopologySnapshotPtr m_snapshot;
    InstanceKey m_failed;
    QString m_code;
    Policy m_policy;
    PromotionPlan m_plan;
    QLabel *m_summary;
    QTreeWidget *m_candidates;
    QTreeWidget *m_replicas;
    QStackedWidget *m_pages;
    ProgressPanel *m_progress;
    QLabel *m_result;
    QPushButton *m_run;
    QDialogButtonBox *m_buttons;
    bool m_running = false;
    bool m_forced = false;
    QCheckBox *m_confirm = nullptr;
};

PromotionSettings promotionSettings(const Policy &policy);

} // namespace Topograph::Gui
