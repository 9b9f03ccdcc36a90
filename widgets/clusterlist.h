#pragma once

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"
#include "recovery/policy.h"

#include <QTreeWidget>

namespace Topograph::Gui {

// The fleet at a glance: one row per cluster with its instance count, worst state (colour, glyph
// and word), unacknowledged recoveries and whether automatic failover covers it. Rows are updated
// in place so the selection survives every snapshot.
class ClusterList : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, InstancesColumn, StateColumn, RecoveriesColumn, AutoFailoverColumn };

    explicit ClusterList(QWidget *parent = nullptr);

    void apply(const TopologySnapshot &snapshot, const QList<Analysis> &analyses, const Policy &policy,
               const QHash<QString, int> &unacknowledged, const QSet<QString> &recovering);
    QString currentCluster() const;
    void setCurrentCluster(const QString &name);
    QTreeWidgetItem *rowFor(const QString &name) const;

signals:
    void clusterSelected(const QString &name);

private:
    QHash<QString, QTreeWidgetItem *> m_rows;
};

// "on: covered by '*'", "off: detect only", "not covered by the filters": for a person.
QString autoFailoverText(const Policy &policy, const QString &cluster, const QString &alias, bool *covered);

} // namespace Topograph::Gui
