#include "timingeditor.h"

#include "failoverpreview.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Topograph::Gui {

namespace {

struct NumberKey
{
    const char *key;
    int Policy::*field;
    int min;
    int max;
};

// Keep in step with intKeys in core/recovery/policy.cpp.
const NumberKey numberKeys[] = {
    {"RecoveryPeriodBlockSeconds", &Policy::recoveryPeriodBlockSeconds, 0, 30 * 86400},
    {"ReasonableReplicationLagSeconds", &Policy::reasonableReplicationLagSeconds, 1, 86400},
    {"ReasonableMaintenanceReplicationLagSeconds", &Policy::reasonableMaintenanceReplicationLagSeconds, 0, 86400},
    {"FailMasterPromotionOnLagSeconds", &Policy::failMasterPromotionOnLagSeconds, 0, 86400},
    {"InstancePollSeconds", &Policy::instancePollSeconds, 1, 3600},
    {"HookTimeoutSeconds", &Policy::hookTimeoutSeconds, 1, 3600},
};

QString explanation(const QString &key)
{
    if (key == QLatin1String("RecoveryPeriodBlockSeconds"))
        return TimingEditor::tr("After a recovery of a cluster, further AUTOMATIC recoveries there wait this long, "
                                "unless the recovery is acknowledged (anti-flapping). Manual recovery is never "
                                "blocked. 0 = no block.");
    if (key == QLatin1String("ReasonableReplicationLagSeconds"))
        return TimingEditor::tr("Replication lag above this is reported as a problem, and a master is not judged "
                                "dead while all its replicas lag more than this (they may just be slow).");
    if (key == QLatin1String("ReasonableMaintenanceReplicationLagSeconds"))
        return TimingEditor::tr("Lag a planned operation (relocation, graceful takeover) accepts; it is refused "
                                "above this. Also the lag at which the topology view turns a replica red.");
    if (key == QLatin1String("FailMasterPromotionOnLagSeconds"))
        return TimingEditor::tr("Refuse to promote a candidate whose applier is further behind than this. The "
                                "candidate always applies what it received first; this bounds that wait. "
                                "0 = no limit.");
    if (key == QLatin1String("InstancePollSeconds"))
        return TimingEditor::tr("How often each server is probed. Lower detects failures sooner (orchestrator's "
                                "default is 5).");
    if (key == QLatin1String("HookTimeoutSeconds"))
        return TimingEditor::tr("A hook command running longer than this is killed (and a Pre hook that is "
                                "killed aborts the failover).");
    return {};
}

} // namespace

QStringList TimingEditor::keys()
{
    QStringList k;
    for (const NumberKey &n : numberKeys)
        k << QLatin1String(n.key);
    return k;
}

std::pair<int, int> TimingEditor::keyRange(const QString &key)
{
    for (const NumberKey &n : numberKeys)
        if (key == QLatin1String(n.key))
            return {n.min, n.max};
    return {0, 0};
}

TimingEditor::TimingEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("TimingEditor"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (const NumberKey &n : numberKeys) {
        const QString key = QLatin1String(n.key);
        auto *spin = new QSpinBox;
        spin->setObjectName(key);
        spin->setRange(n.min, n.max);
        spin->setSuffix(tr(" s"));
        spin->setAccelerated(true);
        spin->setToolTip(tr("%1: from %2 to %3 seconds").arg(key).arg(n.min).arg(n.max));
        m_spins.insert(key, spin);
        auto *help = new QLabel(explanation(key));
        help->setWordWrap(true);
        help->setTextFormat(Qt::PlainText);
        help->setEnabled(false); // the greyed look of secondary text, without a hard-coded colour
        auto *field = new QVBoxLayout;
        field->setSpacing(2);
        auto *top = new QHBoxLayout;
        top->addWidget(spin);
        if (key == QLatin1String("RecoveryPeriodBlockSeconds")) {
            m_blockHint = new QLabel;
            m_blockHint->setObjectName(QStringLiteral("BlockHint"));
            top->addWidget(m_blockHint);
            connect(spin, &QSpinBox::valueChanged, m_blockHint, [this](int v) {
                m_blockHint->setText(v == 0 ? tr("= no block") : tr("= %1").arg(durationText(v)));
            });
        }
        top->addStretch();
        field->addLayout(top);
        field->addWidget(help);
        form->addRow(key + QLatin1Char(':'), field);
        connect(spin, &QSpinBox::valueChanged, this, &TimingEditor::changed);
    }
    layout->addLayout(form);
    layout->addStretch();
    setPolicy(Policy());
}

void TimingEditor::setPolicy(const Policy &policy)
{
    for (const NumberKey &n : numberKeys)
        m_spins.value(QLatin1String(n.key))->setValue(policy.*(n.field));
    // valueChanged does not fire when the value stays the same: set the hint explicitly.
    const int block = policy.recoveryPeriodBlockSeconds;
    m_blockHint->setText(block == 0 ? tr("= no block") : tr("= %1").arg(durationText(block)));
}

void TimingEditor::apply(Policy &policy) const
{
    for (const NumberKey &n : numberKeys)
        policy.*(n.field) = m_spins.value(QLatin1String(n.key))->value();
}

} // namespace Topograph::Gui
