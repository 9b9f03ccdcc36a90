#include "reachabilitysummary.h"

#include <algorithm>

namespace Topograph {

ReachabilitySummary reachabilitySummary(const TopologySnapshot &snapshot)
{
    ReachabilitySummary out;
    for (const ClusterInfo &c : snapshot.clusters()) {
        int down = 0;
        for (const InstanceKey &k : c.members) {
            const InstanceFacts *f = snapshot.instance(k);
            if (!f)
                continue;
            // "access denied" or "too many connections" is an answer: the server is alive.
            if (f->reachable)
                ++out.answering;
            else
                ++down;
        }
        if (down > 0) {
            out.clusters.append({c.alias.isEmpty() ? c.name : c.alias, down});
            out.notAnswering += down;
        }
    }
    std::stable_sort(out.clusters.begin(), out.clusters.end(),
                     [](const auto &a, const auto &b) { return a.notAnswering > b.notAnswering; });
    return out;
}

QString reachabilitySummaryText(const ReachabilitySummary &summary)
{
    if (summary.isEmpty())
        return {};
    QStringList parts;
    for (int i = 0; i < summary.clusters.size(); ++i) {
        const auto &c = summary.clusters.at(i);
        if (i == 0)
            parts << (c.notAnswering == 1 ? QStringLiteral("1 server of cluster %1").arg(c.name)
                                           : QStringLiteral("%1 servers of cluster %2").arg(c.notAnswering).arg(c.name));
        else
            parts << QStringLiteral("%1 of cluster %2").arg(c.notAnswering).arg(c.name);
    }
    QString who = parts.size() == 1 ? parts.first()
                                    : parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
                                          + parts.last();
    const QString verb = summary.notAnswering == 1 ? QStringLiteral("is") : QStringLiteral("are");
    const QString rest = summary.answering == 0 ? QStringLiteral("no other server answers")
                         : summary.answering == 1 ? QStringLiteral("1 other polled normally")
                                                  : QStringLiteral("%1 others polled normally").arg(summary.answering);
    return QStringLiteral("%1 %2 not answering; %3").arg(who, verb, rest);
}

} // namespace Topograph
