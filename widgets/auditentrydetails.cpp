#include "auditlogmodel.h"
#include "auditentrydetails.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Topograph::Gui {

namespace {

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString stepDuration(qint64 ms)
{
    if (ms < 0)
        return AuditEntryDetails::tr("not ended");
    if (ms < 1000)
        return AuditEntryDetails::tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return AuditEntryDetails::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    return AuditEntryDetails::tr("%1 min %2 s").arg(ms / 60'000).arg((ms % 60'000) / 1000);
}

QString stepOutcomeText(StepOutcome o)
{
    switch (o) {
    case StepOutcome::Running:
        return AuditEntryDetails::tr("\u25b6 running");
    case StepOutcome::Ok:
        return AuditEntryDetails::tr("\u2713 ok");
    case StepOutcome::Failed:
        return AuditEntryDetails::tr("\u2716 failed");
    case StepOutcome::Skipped:
        return AuditEntryDetails::tr("\u2013 skipped");
    case StepOutcome::Undone:
        return AuditEntryDetails::tr("\u21b6 undone");
    case StepOutcome::Interrupted:
        return AuditEntryDetails::tr("\u26a0 interrupted");
    }
    return {};
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px;color:#555'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

AuditEntryDetails::AuditEntryDetails(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("AuditEntryDetails"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Side by side: the entry's fields are short lines, the steps table wants the width.
    m_split = new QSplitter(Qt::Horizontal);
    auto *split = m_split;
    m_entry = new QTextBrowser;
    m_entry->setObjectName(QStringLiteral("EntryView"));
    m_entry->setOpenLinks(false);
    split->addWidget(m_entry);

    m_recoveryBox = new QGroupBox(tr("Recovery"));
    auto *rl = new QVBoxLayout(m_recoveryBox);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("RecoverySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Every line of the summary matters more than a taller steps table.
    m_summary->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    rl->addWidget(m_summary);
    auto *steps = new QSplitter(Qt::Vertical);
    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("RecoverySteps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAlternatingRowColors(true);
    m_steps->setHeaderLabels({ tr("#"), tr("Step"), tr("Server"), tr("Statement"), tr("Started"),
        tr("Duration"), tr("Outcome"), tr("Output") });
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(StatementColumn, QHeaderView::Interactive);
    m_steps->header()->resizeSection(StatementColumn, 220);
    m_steps->header()->setStretchLastSection(true);
    steps->addWidget(m_steps);
    // Hook output can run to many lines; the tree shows its first line, this shows it whole.
    m_output = new QPlainTextEdit;
    m_output->setObjectName(QStringLiteral("StepOutput"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setPlaceholderText(tr("Select a step to see its statement and output."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_output->setFont(mono);
    steps->addWidget(m_output);
    rl->addWidget(steps, 1);
    split->addWidget(m_recoveryBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, &AuditEntryDetails::showStep);
    clear();
}

void AuditEntryDetails::clear()
{
    m_entryId = 0;
    m_entry->setHtml(QStringLiteral("<p style='color:#777'>%1</p>")
                         .arg(tr("Select an entry to see it in full.").toHtmlEscaped()));
    m_steps->clear();
    m_output->clear();
    m_summary->clear();
    m_recoveryBox->setVisible(false);
}

void AuditEntryDetails::showEntry(
    const AuditEntry &e, const std::optional<Recovery> &recovery, const QString &chainProblem)
{
    m_entryId = e.id;
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(tr("Entry #%1").arg(e.id));
    html += row(tr("Time"),
        tr("%1 (%2)").arg(localTime(e.at),
            e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"))));
    html += row(tr("Actor"), e.actor);
    html += row(tr("Cluster"), e.cluster);
    html += row(tr("Instance"), e.instance);
    html += row(tr("Action"), e.action);
    html += row(tr("Outcome"), auditOutcomeText(e.outcome));
    if (e.recoveryId)
        html += row(tr("Recovery"), QStringLiteral("#%1").arg(e.recoveryId));
    html += row(tr("Hash"), e.hash);
    html += row(tr("Previous hash"), e.prevHash);
    html += QStringLiteral("</table>");
    if (!chainProblem.isEmpty())
        html += QStringLiteral("<p style='color:#c62828'><b>\u26a0 %1</b> %2</p>")
                    .arg(tr("Chain broken here:").toHtmlEscaped(), chainProblem.toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><p style='white-space:pre-wrap'>%2</p>")
                .arg(tr("Message").toHtmlEscaped(), e.message.toHtmlEscaped());
    const QString json
        = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Indented));
    html += QStringLiteral("<h4>%1</h4><pre>%2</pre>")
                .arg(tr("Details").toHtmlEscaped(), json.toHtmlEscaped());
    m_entry->setHtml(html);

    m_steps->clear();
    m_output->clear();
    m_recoveryBox->setVisible(recovery.has_value());
    // A splitter gives a child that was hidden at its first layout no room when it reappears.
    if (recovery && m_split->sizes().value(1) == 0) {
        const int w = std::max(m_split->width(), 500);
        m_split->setSizes({ w * 2 / 5, w * 3 / 5 });
    }
    if (!recovery) {
        if (e.recoveryId)
            m_entry->append(tr("Recovery #%1 is not in the store.").arg(e.recoveryId));
        return;
    }
    const Recovery &r = *recovery;
    m_recoveryBox->setTitle(tr("Recovery #%1").arg(r.id));
    QStringList lines;
    lines << (r.automatic ? tr("%1 of cluster %2, started automatically: %3.")
                                .arg(r.kind, r.cluster, recoveryStateText(r.state))
                          : tr("%1 of cluster %2, started by %3: %4.")
                                .arg(r.kind, r.cluster, r.actor, recoveryStateText(r.state)));
    if (!r.failedInstance.isEmpty() || !r.successor.isEmpty())
        lines << tr("Failed: %1; successor: %2.")
                     .arg(r.failedInstance.isEmpty() ? tr("none") : r.failedInstance,
                         r.successor.isEmpty() ? tr("none") : r.successor);
    lines << tr("Started %1, %2.")
                 .arg(localTime(r.startedAt),
                     r.endedAt.isValid() ? tr("ended %1").arg(localTime(r.endedAt))
                                         : tr("not ended"));
    if (!r.summary.isEmpty())
        lines << r.summary;
    if (!r.lostReplicas.isEmpty())
        lines << tr("Lost replicas: %1.").arg(r.lostReplicas.join(QStringLiteral(", ")));
    if (r.acknowledged())
        lines << tr("\u2713 Acknowledged by %1 at %2: \u201c%3\u201d")
                     .arg(r.acknowledgedBy, localTime(r.acknowledgedAt), r.ackComment);
    else if (r.state == RecoveryState::Running)
        lines << tr("\u25b6 Still running; it can be acknowledged once it has ended.");
    else
        lines << tr("\u26a0 Not acknowledged: automatic recoveries on this cluster may be "
                    "blocked until it is.");
    m_summary->setText(lines.join(QLatin1Char('\n')));

    QTreeWidgetItem *first = nullptr;
    for (const RecoveryStep &s : r.steps) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(SeqColumn, QString::number(s.seq));
        item->setText(NameColumn, s.name);
        item->setText(ServerColumn, s.server);
        item->setText(StatementColumn, s.statement.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(StatementColumn, s.statement);
        item->setText(StartedColumn, localTime(s.startedAt));
        item->setText(DurationColumn, stepDuration(s.durationMs()));
        item->setText(OutcomeColumn, stepOutcomeText(s.outcome));
        if (s.outcome == StepOutcome::Failed || s.outcome == StepOutcome::Interrupted)
            item->setForeground(OutcomeColumn, QColor(0xc6, 0x28, 0x28));
        else if (s.outcome == StepOutcome::Ok)
            item->setForeground(OutcomeColumn, QColor(0x2e, 0x7d, 0x32));
        item->setText(OutputColumn, s.output.section(QLatin1Char('\n'), 0, 0));
        item->setToolTip(OutputColumn, s.output);
        item->setData(StatementColumn, Qt::UserRole, s.statement);
        item->setData(OutputColumn, Qt::UserRole, s.output);
        // The failed step is the one to read first.
        if (!first
            || (s.outcome == StepOutcome::Failed
                && first->text(OutcomeColumn) != stepOutcomeText(StepOutcome::Failed)))
            first = item;
    }
    if (first)
        m_steps->setCurrentItem(first);
}

void AuditEntryDetails::showStep()
{
    const QTreeWidgetItem *item = m_steps->currentItem();
    if (!item) {
        m_output->clear();
        return;
    }
    QString text = tr("Step %1: %2").arg(item->text(SeqColumn), item->text(NameColumn));
    if (!item->text(ServerColumn).isEmpty())
        text += tr(" on %1").arg(item->text(ServerColumn));
    text += QStringLiteral("\n\n") + tr("Statement:") + QLatin1Char('\n')
        + item->data(StatementColumn, Qt::UserRole).toString() + QStringLiteral("\n\n")
        + tr("Output:") + QLatin1Char('\n') + item->data(OutputColumn, Qt::UserRole).toString();
    m_output->setPlainText(text);
}

} // namespace Topograph::Gui
