#pragma once

#include "recovery/policy.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QSpinBox;

namespace Topograph::Gui {

// The policy's numbers, each a spin box in seconds with what it means, ranges as
// Policy::validate() accepts them (keyRange()).
class TimingEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TimingEditor(QWidget *parent = nullptr);

    void setPolicy(const Policy &policy);
    void apply(Policy &policy) const;
    QSpinBox *spinBox(const QString &key) const { return m_spins.value(key); }
    // "= 1 h" under RecoveryPeriodBlockSeconds.
    QLabel *blockHint() const { return m_blockHint; }
    static QStringList keys();
    // The accepted range of a key, mirrored from core/recovery/policy.cpp (a test checks it
    // against Policy::set so the two cannot drift apart).
    static std::pair<int, int> keyRange(const QString &key);

signals:
    void changed();

private:
    QHash<QString, QSpinBox *> m_spins;
    QLabel *m_blockHint;
};

} // namespace Topograph::Gui
