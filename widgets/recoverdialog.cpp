#include "recoverdialog.h"

#include "progresspanel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QSysInfo>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Topograph::Gui {

PromotionSettings promotionSettings(const Policy &policy)
{
    PromotionSettings s;
    if (const auto f = HostnameFilter::parse(policy.promotionIgnoreHostnameFilters))
        s.ignoreHosts = *f;
    s.failMasterPromotionOnLagSeconds = policy.failMasterPromotionOnLagSeconds;
    return s;
}

RecoverDialog::RecoverDialog(TopologySnapshotPtr snapshot, const InstanceKey &failed, const QString &analysisCode,
                             const Policy &policy, QWidget *parent)
    : QDialog(parent)
    , m_snapshot(std::move(snapshot))
    , m_failed(failed)
    , m_code(analysisCode)
    , m_policy(policy)
{
    setObjectName(QStringLiteral("RecoverDialog"));
    setWindowTitle(tr("Recover %1").arg(failed.toString()));
    resize(820, 560);
    m_plan = planPromotion(*m_snapshot, failed, promotionSettings(policy));

    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    m_forced = analysisCode == QLatin1String("ForcedMasterFailover");
    if (m_forced) {
        setWindowTitle(tr("Force failover of %1").arg(failed.toString()));
        // Dangerous on purpose: the master is alive and its clients lose writes from now on.
        m_confirm = new QCheckBox(tr("I understand: %1 is alive. It will be made read-only (its clients' writes fail "
                                     "from then on), the chosen replica waits for its last transaction, and then takes over.")
                                      .arg(failed.toString()));
        m_confirm->setObjectName(QStringLiteral("ForceConfirmation"));
        m_confirm->setStyleSheet(QStringLiteral("QCheckBox{font-weight:bold}"));
        layout->addWidget(m_confirm);
    }
    m_pages = new QStackedWidget;
    auto *split = new QSplitter(Qt::Vertical);
    m_candidates = new QTreeWidget;
    m_candidates->setObjectName(QStringLiteral("Candidates"));
    m_candidates->setRootIsDecorated(false);
    m_candidates->setUniformRowHeights(true);
    m_candidates->setHeaderLabels({tr("#"), tr("Candidate"), tr("Eligible"), tr("Rule"), tr("Received"),
                                   tr("Applied"), tr("Reasons")});
    m_candidates->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_candidates->header()->setStretchLastSection(true);
    split->addWidget(m_candidates);
    m_replicas = new QTreeWidget;
    m_replicas->setObjectName(QStringLiteral("Replicas"));
    m_replicas->setRootIsDecorated(false);
    m_replicas->setHeaderLabels({tr("Replica"), tr("What happens")});
    m_replicas->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    split->addWidget(m_replicas);
    m_pages->addWidget(split);

    auto *progressPage = new QWidget;
    auto *pl = new QVBoxLayout(progressPage);
    pl->setContentsMargins(0, 0, 0, 0);
    m_progress = new ProgressPanel;
    pl->addWidget(m_progress);
    m_result = new QLabel;
    m_result->setWordWrap(true);
    pl->addWidget(m_result);
    m_pages->addWidget(progressPage);
    layout->addWidget(m_pages, 1);

    m_buttons = new QDialogButtonBox;
    m_run = m_buttons->addButton(m_forced ? tr("Fail over now") : tr("Recover now"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("RunButton"));
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &RecoverDialog::run);
    connect(m_candidates, &QTreeWidget::currentItemChanged, this, &RecoverDialog::updateReplicas);
    if (m_confirm)
        connect(m_confirm, &QCheckBox::toggled, this, &RecoverDialog::updateReplicas);

    fillCandidates();
}

void RecoverDialog::fillCandidates()
{
    QString text = tr("%1 of %2 (cluster %3). Nothing changes on any server until you press Recover now.")
                       .arg(m_code, m_failed.toString(), m_plan.cluster);
    if (m_forced)
        text = tr("Force failover of the live master %1 (cluster %2). Nothing changes on any server until you confirm "
                  "below and press Fail over now.").arg(m_failed.toString(), m_plan.cluster);
    if (!m_plan.refusal.isEmpty())
        text += QLatin1Char('\n') + tr("Nobody can be promoted: %1").arg(m_plan.refusal);
    else if (!m_plan.explanation.isEmpty())
        text += QLatin1Char('\n') + m_plan.explanation;
    m_summary->setText(text);
    int rank = 0;
    for (const CandidateAssessment &c : m_plan.candidates) {
        auto *row = new QTreeWidgetItem(m_candidates);
        row->setText(0, c.eligible ? QString::number(++rank) : QString());
        row->setText(1, c.key.toString());
        row->setData(1, Qt::UserRole, c.key.toString());
        row->setText(2, c.eligible ? tr("\u2713 yes") : tr("\u2716 no: %1").arg(c.exclusion));
        row->setForeground(2, c.eligible ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        row->setText(3, promotionRuleName(c.rule));
        // An empty position (nothing replicated yet) is shown as a dash, as the CLI prints it.
        row->setText(4, c.received.isEmpty() ? QStringLiteral("\u2013") : c.received);
        row->setText(5, c.applied.isEmpty() ? QStringLiteral("\u2013") : c.applied);
        QStringList notes = c.notes;
        if (c.mostAdvanced)
            notes.prepend(tr("most advanced"));
        row->setText(6, notes.join(QStringLiteral("; ")));
        row->setToolTip(6, notes.join(QLatin1Char('\n')));
        if (!c.eligible)
            row->setFlags(row->flags() & ~Qt::ItemIsSelectable);
    }
    if (m_plan.chosen)
        selectCandidate(*m_plan.chosen);
    updateReplicas();
}

std::optional<InstanceKey> RecoverDialog::selectedCandidate() const
{
    if (!m_candidates->currentItem())
        return std::nullopt;
    return InstanceKey::parse(m_candidates->currentItem()->data(1, Qt::UserRole).toString());
}

void RecoverDialog::selectCandidate(const InstanceKey &key)
{
    for (int i = 0; i < m_candidates->topLevelItemCount(); ++i)
        if (m_candidates->topLevelItem(i)->data(1, Qt::UserRole).toString() == key.toString())
            m_candidates->setCurrentItem(m_candidates->topLevelItem(i));
}

void RecoverDialog::updateReplicas()
{
    m_replicas->clear();
    const auto selected = selectedCandidate();
    // The plan for the person's choice: the same function with the request set.
    PromotionPlan plan = m_plan;
    if (selected && selected != m_plan.chosen) {
        PromotionSettings s = promotionSettings(m_policy);
        s.requested = *selected;
        plan = planPromotion(*m_snapshot, m_failed, s);
    }
    if (plan.chosen) {
        auto *row = new QTreeWidgetItem(m_replicas, {plan.chosen->toString(), tr("\u2605 becomes the master")});
        row->setForeground(1, QColor(0x1e, 0x63, 0xd0));
    }
    if (plan.catchUpFrom)
        new QTreeWidgetItem(m_replicas, {plan.catchUpFrom->toString(),
                                         tr("first feeds %1 what it lacks, then follows it").arg(plan.chosen->toString())});
    for (const InstanceKey &k : plan.followers) {
        auto *row = new QTreeWidgetItem(m_replicas, {k.toString(), tr("\u2192 follows %1").arg(plan.chosen->toString())});
        row->setForeground(1, QColor(0x2e, 0x7d, 0x32));
    }
    for (const auto &l : plan.lost) {
        auto *row = new QTreeWidgetItem(m_replicas, {l.first.toString(), tr("\u2716 lost: %1").arg(l.second)});
        row->setForeground(1, QColor(0xc6, 0x28, 0x28));
    }
    m_run->setEnabled(plan.chosen.has_value() && !m_running && (!m_confirm || m_confirm->isChecked()));
}

RecoveryRequest RecoverDialog::request() const
{
    RecoveryRequest r;
    r.failed = m_failed;
    r.analysisCode = m_code;
    r.automatic = false;
    r.forced = m_forced;
    r.actor = qEnvironmentVariable("USER", QStringLiteral("unknown")) + QLatin1Char('@') + QSysInfo::machineHostName();
    if (const auto s = selectedCandidate(); s && s != m_plan.chosen)
        r.candidate = *s;
    return r;
}

void RecoverDialog::run()
{
    m_running = true;
    m_run->setEnabled(false);
    m_pages->setCurrentIndex(1);
    m_progress->started(m_plan.cluster, tr("Recovery of %1").arg(m_failed.toString()));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    emit runRequested(request());
}

void RecoverDialog::recoveryProgress(const QString &step, StepOutcome outcome)
{
    m_progress->progress(m_plan.cluster, step, outcome);
}

void RecoverDialog::recoveryFinished(const RecoveryOutcome &outcome)
{
    m_running = false;
    m_progress->finished(m_plan.cluster, outcome);
    m_result->setText((outcome.success ? tr("\u2713 Done: ") : tr("\u2716 Failed: ")) + outcome.message);
    m_result->setStyleSheet(outcome.success ? QStringLiteral("color:#2e7d32;font-weight:bold")
                                            : QStringLiteral("color:#c62828;font-weight:bold"));
}

void RecoverDialog::recoveryRefused(const QString &reason)
{
    m_running = false;
    m_result->setText(tr("\u2716 Not started: %1").arg(reason));
    m_result->setStyleSheet(QStringLiteral("color:#c62828;font-weight:bold"));
}

} // namespace Topograph::Gui
