#include "problemspanel.h"

#include "cardcontent.h"

#include <QHeaderView>
#include <QPushButton>

namespace Topograph::Gui {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("ProblemsPanel"));
    setHeaderLabels({tr("State"), tr("Problem"), tr("Instance"), tr("Cluster"), tr("Explanation"), QString()});
    setRootIsDecorated(false);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSortingEnabled(true);
    sortByColumn(StateColumn, Qt::DescendingOrder);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ExplanationColumn, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const auto key = InstanceKey::parse(item->text(InstanceColumn));
        if (key)
            emit instanceActivated(*key, item->data(ClusterColumn, Qt::UserRole).toString());
    });
}

QTreeWidgetItem *ProblemsPanel::rowFor(const QString &code, const InstanceKey &instance) const
{
    for (QTreeWidgetItem *row : m_rows)
        if (row->text(CodeColumn) == code && row->text(InstanceColumn) == instance.toString())
            return row;
    return nullptr;
}

QWidget *ProblemsPanel::recoverButton(const QString &code, const InstanceKey &instance) const
{
    QTreeWidgetItem *row = rowFor(code, instance);
    return row ? itemWidget(row, ActionColumn) : nullptr;
}

// Sorts by severity, not by the state word.
class ProblemItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int col = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (col == ProblemsPanel::StateColumn)
            return data(col, Qt::UserRole).toInt() < other.data(col, Qt::UserRole).toInt();
        return QTreeWidgetItem::operator<(other);
    }
};

void ProblemsPanel::apply(const QList<Analysis> &analyses)
{
    QSet<QString> seen;
    setSortingEnabled(false);
    for (const Analysis &a : analyses) {
        const QString id = a.identity();
        seen.insert(id);
        QTreeWidgetItem *row = m_rows.value(id);
        const bool isNew = !row;
        if (isNew) {
            row = new ProblemItem(this);
            m_rows.insert(id, row);
        }
        const HealthState h = healthOf(a.severity);
        row->setText(StateColumn, healthGlyph(h) + QLatin1Char(' ') + healthWord(h));
        row->setData(StateColumn, Qt::UserRole, int(a.severity));
        row->setForeground(StateColumn, healthColor(h));
        row->setText(CodeColumn, a.codeName());
        row->setText(InstanceColumn, a.instance.toString());
        row->setText(ClusterColumn, a.clusterAlias.isEmpty() ? a.cluster : a.clusterAlias);
        row->setData(ClusterColumn, Qt::UserRole, a.cluster);
        QString text = a.explanation;
        if (a.downtimed)
            text = tr("[downtimed] %1", "an analysis explanation").arg(text);
        row->setText(ExplanationColumn, text);
        row->setToolTip(ExplanationColumn, text);
        const bool recoverable = isRecoverableCode(a.code) && !a.downtimed;
        if (recoverable && !itemWidget(row, ActionColumn)) {
            auto *button = new QPushButton(tr("Recover\u2026"));
            button->setObjectName(QStringLiteral("RecoverButton"));
            const InstanceKey key = a.instance;
            const QString code = a.codeName();
            connect(button, &QPushButton::clicked, this, [this, key, code] { emit recoverRequested(key, code); });
            setItemWidget(row, ActionColumn, button);
        } else if (!recoverable && itemWidget(row, ActionColumn)) {
            removeItemWidget(row, ActionColumn);
        }
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
}

} // namespace Topograph::Gui
