#pragma once

#include "store/recoverylog.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Topograph::Gui {

// Automatic recoveries the engine refused, with why. An attempt blocked by a recovery nobody has
// acknowledged stays blocked until someone does, so those come first with the way out spelled
// out and a button for it; older, already unblocked attempts are kept for context.
class BlockedRecoveriesPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ClusterColumn,
        InstanceColumn,
        AnalysisColumn,
        ReasonColumn,
        BlockedByColumn,
        StatusColumn
    };
    // How far back attempts that no longer block are listed.
    static constexpr int historyDays = 7;

    explicit BlockedRecoveriesPanel(QWidget *parent = nullptr);

    // blocked: every attempt (any age); unacknowledged: ids of recoveries not acknowledged yet;
    // running: ids of those still running (they cannot be acknowledged yet).
    void apply(const QList<Topograph::BlockedRecovery> &blocked, const QSet<qint64> &unacknowledged,
        const QSet<qint64> &running);

    int stillBlocking() const { return m_stillBlocking; }
    QTreeWidget *list() const { return m_list; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    qint64 selectedBlockingRecovery() const; // 0 when none or already acknowledged

signals:
    void acknowledgeRequested(qint64 recoveryId);

private:
    void updateButton();

    QLabel *m_hint;
    QTreeWidget *m_list;
    QPushButton *m_acknowledge;
    int m_stillBlocking = 0;
};

} // namespace Topograph::Gui
