#include "progresspanel.h"

#include <QDateTime>
#include <QHeaderView>

namespace Topograph::Gui {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("ProgressPanel"));
    setHeaderLabels({tr("Recovery / step"), tr("Outcome"), tr("Time")});
    setUniformRowHeights(true);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
}

QString stepOutcomeText(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Running: return ProgressPanel::tr("\u25b6 running");
    case StepOutcome::Ok: return ProgressPanel::tr("\u2713 ok");
    case StepOutcome::Failed: return ProgressPanel::tr("\u2716 failed");
    case StepOutcome::Skipped: return ProgressPanel::tr("\u2013 skipped");
    case StepOutcome::Undone: return ProgressPanel::tr("\u21b6 undone");
    case StepOutcome::Interrupted: return ProgressPanel::tr("\u2716 interrupted");
    }
    return {};
}

QColor stepOutcomeColor(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Ok: return QColor(0x2e, 0x7d, 0x32);
    case StepOutcome::Failed:
    case StepOutcome::Interrupted: return QColor(0xc6, 0x28, 0x28);
    case StepOutcome::Running: return QColor(0x1e, 0x63, 0xd0);
    default: return QColor(0x75, 0x75, 0x75);
    }
}

static QString now()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
}

QTreeWidgetItem *ProgressPanel::runFor(const QString &cluster)
{
    if (QTreeWidgetItem *row = m_running.value(cluster))
        return row;
    started(cluster, tr("Recovery of %1").arg(cluster));
    return m_running.value(cluster);
}

void ProgressPanel::started(const QString &cluster, const QString &what)
{
    auto *row = new QTreeWidgetItem({what, stepOutcomeText(StepOutcome::Running), now()});
    row->setForeground(1, stepOutcomeColor(StepOutcome::Running));
    QFont bold = font();
    bold.setBold(true);
    row->setFont(0, bold);
    insertTopLevelItem(0, row);
    row->setExpanded(true);
    m_running.insert(cluster, row);
    m_latest.insert(cluster, row);
    scrollToItem(row);
}

void ProgressPanel::progress(const QString &cluster, const QString &step, StepOutcome outcome)
{
    QTreeWidgetItem *run = runFor(cluster);
    // A step reports once when it starts and once when it ends: update its row in place.
    QTreeWidgetItem *row = nullptr;
    for (int i = run->childCount() - 1; i >= 0; --i)
        if (run->child(i)->text(0) == step && run->child(i)->data(1, Qt::UserRole).toInt() == int(StepOutcome::Running)) {
            row = run->child(i);
            break;
        }
    if (!row)
        row = new QTreeWidgetItem(run, {step, QString(), now()});
    row->setText(1, stepOutcomeText(outcome));
    row->setData(1, Qt::UserRole, int(outcome));
    row->setForeground(1, stepOutcomeColor(outcome));
    scrollToItem(row);
}

void ProgressPanel::finished(const QString &cluster, const RecoveryOutcome &outcome)
{
    QTreeWidgetItem *run = runFor(cluster);
    m_running.remove(cluster);
    const StepOutcome o = outcome.success ? StepOutcome::Ok : StepOutcome::Failed;
    // Refused means no server was touched: said so, and not in the colour of a failure.
    const QColor colour = outcome.refused ? stepOutcomeColor(StepOutcome::Skipped) : stepOutcomeColor(o);
    run->setText(1, outcome.refused ? tr("\u2298 refused, nothing changed")
                                    : tr("%1 in %2 s", "outcome, seconds")
                                          .arg(stepOutcomeText(o), QString::number(outcome.elapsedMs / 1000.0, 'f', 1)));
    run->setForeground(1, colour);
    auto *summary = new QTreeWidgetItem(run, {outcome.message, QString(), now()});
    summary->setToolTip(0, outcome.message);
    summary->setForeground(0, colour);
    scrollToItem(summary); // the outcome is what a person looks for
}

QStringList ProgressPanel::steps(const QString &cluster) const
{
    QStringList out;
    if (QTreeWidgetItem *run = m_latest.value(cluster))
        for (int i = 0; i < run->childCount(); ++i)
            out << run->child(i)->text(1) + QStringLiteral(": ") + run->child(i)->text(0);
    return out;
}

} // namespace Topograph::Gui
