#include "clusterlist.h"

#include "cardcontent.h"
#include "recovery/filters.h"

#include <QCoreApplication>
#include <QHeaderView>

namespace Topograph::Gui {

ClusterList::ClusterList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("ClusterList"));
    setHeaderLabels({tr("Cluster"), tr("Size"), tr("State"), tr("Unacked"), tr("Auto-failover")});
    headerItem()->setToolTip(InstancesColumn, tr("Instances in the cluster"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    sortByColumn(NameColumn, Qt::AscendingOrder);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    headerItem()->setToolTip(RecoveriesColumn, tr("Recoveries nobody has acknowledged yet"));
    headerItem()->setToolTip(AutoFailoverColumn,
                             tr("Whether Topograph recovers a dead master of this cluster on its own "
                                "(AutoFailover and RecoverMasterClusterFilters)"));
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        emit clusterSelected(current ? current->data(NameColumn, Qt::UserRole).toString() : QString());
    });
}

QString autoFailoverText(const Policy &policy, const QString &cluster, const QString &alias, bool *covered)
{
    *covered = false;
    if (!policy.autoFailover)
        return QCoreApplication::translate("Topograph::Gui::ClusterList", "off: detect only");
    const auto filter = ClusterFilter::parse(policy.recoverMasterClusterFilters);
    if (!filter || !filter->matches(cluster, alias))
        return QCoreApplication::translate("Topograph::Gui::ClusterList", "not covered by the filters");
    *covered = true;
    return QCoreApplication::translate("Topograph::Gui::ClusterList", "on (%1)").arg(filter->matchingEntry(cluster, alias));
}

QTreeWidgetItem *ClusterList::rowFor(const QString &name) const
{
    return m_rows.value(name);
}

QString ClusterList::currentCluster() const
{
    return currentItem() ? currentItem()->data(NameColumn, Qt::UserRole).toString() : QString();
}

void ClusterList::setCurrentCluster(const QString &name)
{
    if (QTreeWidgetItem *row = m_rows.value(name))
        setCurrentItem(row);
}

void ClusterList::apply(const TopologySnapshot &snapshot, const QList<Analysis> &analyses, const Policy &policy,
                        const QHash<QString, int> &unacknowledged, const QSet<QString> &recovering)
{
    QHash<QString, HealthState> worst;
    QHash<QString, QStringList> codes;
    for (const Analysis &a : analyses) {
        const HealthState h = healthOf(a.severity);
        if (!worst.contains(a.cluster) || int(h) > int(worst.value(a.cluster)))
            worst.insert(a.cluster, h);
        codes[a.cluster] << a.codeName();
    }
    QSet<QString> seen;
    setSortingEnabled(false);
    const QSignalBlocker blocker(this); // a vanished current row must not look like a user's choice
    const QString current = currentCluster();
    for (const ClusterInfo &c : snapshot.clusters()) {
        seen.insert(c.name);
        QTreeWidgetItem *row = m_rows.value(c.name);
        if (!row) {
            row = new QTreeWidgetItem(this);
            row->setData(NameColumn, Qt::UserRole, c.name);
            m_rows.insert(c.name, row);
        }
        row->setText(NameColumn, c.alias.isEmpty() ? c.name : c.alias + QStringLiteral("  (") + c.name + QLatin1Char(')'));
        row->setData(InstancesColumn, Qt::DisplayRole, int(c.members.size()));
        const HealthState h = worst.value(c.name, HealthState::Ok);
        row->setText(StateColumn, healthGlyph(h) + QLatin1Char(' ') + healthWord(h));
        row->setForeground(StateColumn, healthColor(h));
        QFont f = font();
        f.setBold(h >= HealthState::Error);
        row->setFont(StateColumn, f);
        row->setToolTip(StateColumn, codes.value(c.name).join(QLatin1Char('\n')));
        const int unacked = unacknowledged.value(c.name);
        QString rec = unacked ? QString::number(unacked) : QString();
        if (recovering.contains(c.name))
            rec = tr("running") + (unacked ? QStringLiteral(" + ") + rec : QString());
        row->setText(RecoveriesColumn, rec);
        bool covered = false;
        row->setText(AutoFailoverColumn, autoFailoverText(policy, c.name, c.alias, &covered));
        row->setForeground(AutoFailoverColumn, covered ? palette().text().color() : QColor(0x75, 0x75, 0x75));
    }
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_rows.erase(it);
        } else {
            ++it;
        }
    }
    setSortingEnabled(true);
    if (!current.isEmpty() && m_rows.contains(current))
        setCurrentItem(m_rows.value(current));
}

} // namespace Topograph::Gui
