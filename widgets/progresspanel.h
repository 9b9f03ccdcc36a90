#pragma once

#include "recovery/recoveryexecutor.h"

#include <QTreeWidget>

namespace Topograph::Gui {

// Recoveries and operations as they run: one row per run, one child per step with its outcome
// (glyph and word), the newest run on top and expanded.
class ProgressPanel : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    void started(const QString &cluster, const QString &what);
    void progress(const QString &cluster, const QString &step, StepOutcome outcome);
    void finished(const QString &cluster, const RecoveryOutcome &outcome);
    // Steps of the latest run of a cluster, "outcome: step" each, for tests and the dialog.
    QStringList steps(const QString &cluster) const;

private:
    QTreeWidgetItem *runFor(const QString &cluster);
    QHash<QString, QTreeWidgetItem *> m_running; // cluster -> row of its run in flight
    QHash<QString, QTreeWidgetItem *> m_latest;
};

QString stepOutcomeText(StepOutcome outcome); // glyph and translated word
QColor stepOutcomeColor(StepOutcome outcome);

} // namespace Topograph::Gui
