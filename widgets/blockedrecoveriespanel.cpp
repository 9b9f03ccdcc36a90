#include "blockedrecoveriespanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Topograph::Gui {

namespace {

constexpr int RecoveryRole = Qt::UserRole;
constexpr int AcknowledgeableRole = Qt::UserRole + 1;

} // namespace

BlockedRecoveriesPanel::BlockedRecoveriesPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("BlockedRecoveries"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("BlockedList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({ tr("Time"), tr("Cluster"), tr("Failed instance"), tr("Analysis"),
        tr("Reason"), tr("Blocked by"), tr("Status") });
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_acknowledge = new QPushButton(tr("Acknowledge blocking recovery\u2026"));
    m_acknowledge->setObjectName(QStringLiteral("AckBlockingButton"));
    m_acknowledge->setToolTip(tr("Acknowledge the recovery that blocks the selected attempt, so "
                                 "automatic recoveries of its cluster may run again."));
    buttons->addWidget(m_acknowledge);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &BlockedRecoveriesPanel::updateButton);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedBlockingRecovery())
            emit acknowledgeRequested(id);
    });
    apply({}, {}, {});
}

qint64 BlockedRecoveriesPanel::selectedBlockingRecovery() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && item->data(BlockedByColumn, AcknowledgeableRole).toBool()
        ? item->data(BlockedByColumn, RecoveryRole).toLongLong()
        : 0;
}

void BlockedRecoveriesPanel::updateButton()
{
    m_acknowledge->setEnabled(selectedBlockingRecovery() != 0);
}

void BlockedRecoveriesPanel::apply(const QList<BlockedRecovery> &blocked,
    const QSet<qint64> &unacknowledged, const QSet<qint64> &running)
{
    const qint64 selected = m_list->currentItem()
        ? m_list->currentItem()->data(TimeColumn, RecoveryRole).toLongLong()
        : 0;
    m_list->clear();
    const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-historyDays);
    QList<BlockedRecovery> rows;
    m_stillBlocking = 0;
    for (const BlockedRecovery &b : blocked) {
        const bool blocking = b.blockingRecoveryId && unacknowledged.contains(b.blockingRecoveryId);
        if (blocking)
            ++m_stillBlocking;
        if (blocking || b.at >= since)
            rows << b;
    }
    // Still blocking first, then newest first.
    std::stable_sort(
        rows.begin(), rows.end(), [&](const BlockedRecovery &a, const BlockedRecovery &b) {
            const bool ab = unacknowledged.contains(a.blockingRecoveryId);
            const bool bb = unacknowledged.contains(b.blockingRecoveryId);
            return ab != bb ? ab : a.id > b.id;
        });
    const QColor red(0xc6, 0x28, 0x28);
    for (const BlockedRecovery &b : std::as_const(rows)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(
            TimeColumn, b.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        item->setData(TimeColumn, RecoveryRole, b.id);
        item->setText(ClusterColumn, b.cluster);
        item->setText(InstanceColumn, b.failedInstance);
        item->setText(AnalysisColumn, b.analysis);
        item->setText(ReasonColumn, b.reason);
        item->setToolTip(ReasonColumn, b.reason);
        item->setText(BlockedByColumn,
            b.blockingRecoveryId ? tr("recovery #%1").arg(b.blockingRecoveryId) : QString());
        item->setData(BlockedByColumn, RecoveryRole, b.blockingRecoveryId);
        const bool blocking = b.blockingRecoveryId && unacknowledged.contains(b.blockingRecoveryId);
        const bool isRunning = running.contains(b.blockingRecoveryId);
        item->setData(BlockedByColumn, AcknowledgeableRole, blocking && !isRunning);
        if (blocking && isRunning) {
            item->setText(StatusColumn,
                tr("\u25b6 blocked while recovery #%1 runs").arg(b.blockingRecoveryId));
        } else if (blocking) {
            item->setText(
                StatusColumn, tr("\u2298 blocked: acknowledge the blocking recovery to unblock"));
            item->setForeground(StatusColumn, red);
        } else if (b.blockingRecoveryId) {
            item->setText(StatusColumn,
                tr("\u2713 unblocked (recovery #%1 acknowledged)").arg(b.blockingRecoveryId));
        } else {
            item->setText(StatusColumn, tr("refused once (no blocking recovery)"));
        }
        if (b.id == selected)
            m_list->setCurrentItem(item);
    }
    m_hint->setText(m_stillBlocking
            ? tr("\u2298 %n automatic recovery attempt(s) blocked by unacknowledged recoveries. "
                 "Acknowledge the blocking recovery to unblock.",
                nullptr, m_stillBlocking)
            : tr("No automatic recovery is blocked by an unacknowledged recovery. Attempts refused "
                 "in the last %n day(s) are listed for context.",
                nullptr, historyDays));
    updateButton();
}

} // namespace Topograph::Gui
