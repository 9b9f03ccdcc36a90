#pragma once

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"

#include <QTreeWidget>

namespace Topograph::Gui {

// Every probed fact of one instance, grouped (identity, writeability, GTID, each replication
// channel, semi-sync, problems) in readable words. Values are updated in place while the layout
// stays the same, so scrolling and expanded groups survive the once-a-second refresh.
class InstanceDetails : public QTreeWidget
{
    Q_OBJECT
public:
    explicit InstanceDetails(QWidget *parent = nullptr);

    void show(const TopologySnapshot *snapshot, const InstanceKey &key, const QList<Analysis> &analyses);
    InstanceKey instance() const { return m_key; }
    // "Section/Label" -> value, for tests.
    QString value(const QString &section, const QString &label) const;

private:
    struct Row
    {
        QString section, label, value;
    };
    static QList<Row> rows(const TopologySnapshot &snapshot, const InstanceFacts &f, const QList<Analysis> &analyses);

    InstanceKey m_key;
    QStringList m_shape; // section|label of each row, to update in place
};

} // namespace Topograph::Gui
