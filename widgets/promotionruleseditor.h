#pragma once

#include "model/topologysnapshot.h"
#include "recovery/filters.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QTableWidget;

namespace Topograph::Gui {

// Promotion rules per instance (prefer, neutral, prefer_not, must_not): one row per instance of
// the fleet, plus instances that have a rule but are not in the fleet now (a rule outlives a
// server's absence). Notes which instances PromotionIgnoreHostnameFilters already excludes.
class PromotionRulesEditor : public QWidget
{
    Q_OBJECT
public:
    enum Column { InstanceColumn, ClusterColumn, RuleColumn, NoteColumn };

    explicit PromotionRulesEditor(QWidget *parent = nullptr);

    void setFleet(TopologySnapshotPtr snapshot, const QHash<QString, QString> &aliases,
                  const QHash<InstanceKey, PromotionRule> &rules);
    void setIgnoredHosts(const std::optional<HostnameFilter> &filter);
    // Every row's rule, and only those that differ from what setFleet() was given.
    QHash<InstanceKey, PromotionRule> rules() const;
    QHash<InstanceKey, PromotionRule> changedRules() const;
    bool setRule(const InstanceKey &key, PromotionRule rule);
    QComboBox *comboFor(const InstanceKey &key) const;
    QTableWidget *table() const { return m_table; }

signals:
    void changed();

private:
    QTableWidget *m_table;
    QHash<InstanceKey, PromotionRule> m_loaded;
    QList<InstanceKey> m_keys; // row order
};

QString promotionRuleText(PromotionRule rule); // translated, orchestrator's word in it

} // namespace Topograph::Gui
