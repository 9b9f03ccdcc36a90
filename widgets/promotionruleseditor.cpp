#include "promotionruleseditor.h"

#include "failoverpreview.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Topograph::Gui {

namespace {

const PromotionRule allRules[] = {PromotionRule::Prefer, PromotionRule::Neutral, PromotionRule::PreferNot,
                                  PromotionRule::MustNot};

} // namespace

QString promotionRuleText(PromotionRule rule)
{
    switch (rule) {
    case PromotionRule::Prefer: return PromotionRulesEditor::tr("prefer");
    case PromotionRule::Neutral: return PromotionRulesEditor::tr("neutral");
    case PromotionRule::PreferNot: return PromotionRulesEditor::tr("prefer_not");
    case PromotionRule::MustNot: return PromotionRulesEditor::tr("must_not (never promoted)");
    }
    return {};
}

PromotionRulesEditor::PromotionRulesEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("PromotionRulesEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *about = new QLabel(tr("Among candidates equally advanced, prefer wins over neutral over prefer_not; "
                                "must_not is never promoted. Data comes first: a preferred replica that lags is "
                                "only used once the most advanced one has fed it what it lacks."));
    about->setWordWrap(true);
    about->setTextFormat(Qt::PlainText);
    layout->addWidget(about);
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("PromotionRules"));
    m_table->setHorizontalHeaderLabels({tr("Instance"), tr("Cluster"), tr("Promotion rule"), tr("Note")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
}

void PromotionRulesEditor::setFleet(TopologySnapshotPtr snapshot, const QHash<QString, QString> &aliases,
                                    const QHash<InstanceKey, PromotionRule> &rules)
{
    m_loaded = rules;
    m_keys.clear();
    QHash<InstanceKey, QString> clusterOf;
    if (snapshot) {
        for (const ClusterInfo &c : snapshot->clusters())
            for (const InstanceKey &k : c.members) {
                m_keys << k;
                clusterOf.insert(k, clusterDisplayName(c.name, aliases.value(c.name, c.alias)));
            }
    }
    QList<InstanceKey> absent;
    for (auto it = rules.cbegin(); it != rules.cend(); ++it)
        if (!m_keys.contains(it.key()))
            absent << it.key();
    std::sort(absent.begin(), absent.end());
    m_keys << absent;

    m_table->setRowCount(0);
    m_table->setRowCount(int(m_keys.size()));
    for (int row = 0; row < m_keys.size(); ++row) {
        const InstanceKey &k = m_keys.at(row);
        m_table->setItem(row, InstanceColumn, new QTableWidgetItem(k.toString()));
        auto *cluster = new QTableWidgetItem(clusterOf.value(k, tr("not in the current fleet")));
        if (!clusterOf.contains(k))
            cluster->setForeground(QColor(0x75, 0x75, 0x75));
        m_table->setItem(row, ClusterColumn, cluster);
        m_table->setItem(row, NoteColumn, new QTableWidgetItem);
        auto *combo = new QComboBox;
        combo->setObjectName(k.toString());
        for (PromotionRule r : allRules)
            combo->addItem(promotionRuleText(r), promotionRuleName(r));
        combo->setCurrentIndex(combo->findData(promotionRuleName(rules.value(k, PromotionRule::Neutral))));
        connect(combo, &QComboBox::currentIndexChanged, this, &PromotionRulesEditor::changed);
        m_table->setCellWidget(row, RuleColumn, combo);
    }
}

void PromotionRulesEditor::setIgnoredHosts(const std::optional<HostnameFilter> &filter)
{
    for (int row = 0; row < m_keys.size(); ++row) {
        const QString pattern = filter ? filter->matchingPattern(m_keys.at(row).host()) : QString();
        QTableWidgetItem *note = m_table->item(row, NoteColumn);
        note->setText(pattern.isEmpty() ? QString()
                                        : tr("never promoted: PromotionIgnoreHostnameFilters '%1'").arg(pattern));
        note->setForeground(QColor(0xc6, 0x28, 0x28));
    }
}

QComboBox *PromotionRulesEditor::comboFor(const InstanceKey &key) const
{
    const int row = int(m_keys.indexOf(key));
    return row < 0 ? nullptr : qobject_cast<QComboBox *>(m_table->cellWidget(row, RuleColumn));
}

bool PromotionRulesEditor::setRule(const InstanceKey &key, PromotionRule rule)
{
    QComboBox *combo = comboFor(key);
    if (!combo)
        return false;
    combo->setCurrentIndex(combo->findData(promotionRuleName(rule)));
    return true;
}

QHash<InstanceKey, PromotionRule> PromotionRulesEditor::rules() const
{
    QHash<InstanceKey, PromotionRule> out;
    for (const InstanceKey &k : m_keys)
        if (const auto r = promotionRuleFromName(comboFor(k)->currentData().toString()))
            out.insert(k, *r);
    return out;
}

QHash<InstanceKey, PromotionRule> PromotionRulesEditor::changedRules() const
{
    QHash<InstanceKey, PromotionRule> out;
    const QHash<InstanceKey, PromotionRule> now = rules();
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        if (m_loaded.value(it.key(), PromotionRule::Neutral) != it.value())
            out.insert(it.key(), it.value());
    return out;
}

} // namespace Topograph::Gui
