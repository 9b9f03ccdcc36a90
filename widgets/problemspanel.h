#pragma once

#include "analysis/analysis.h"

#include <QTreeWidget>

namespace Topograph::Gui {

// Current analyses of the whole fleet, worst first, each with its explanation; a dead master or
// intermediate master has a Recover button in its row.
class ProblemsPanel : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { StateColumn, CodeColumn, InstanceColumn, ClusterColumn, ExplanationColumn, ActionColumn };

    explicit ProblemsPanel(QWidget *parent = nullptr);

    void apply(const QList<Analysis> &analyses);
    // Row of the analysis with this code on this instance, or nullptr.
    QTreeWidgetItem *rowFor(const QString &code, const InstanceKey &instance) const;
    QWidget *recoverButton(const QString &code, const InstanceKey &instance) const;

signals:
    void recoverRequested(const Topograph::InstanceKey &key, const QString &analysisCode);
    void instanceActivated(const Topograph::InstanceKey &key, const QString &cluster);

private:
    QHash<QString, QTreeWidgetItem *> m_rows; // analysis identity -> row
};

} // namespace Topograph::Gui
