#include "failoverpreview.h"

#include <QCoreApplication>

namespace Topograph::Gui {

QString clusterDisplayName(const QString &name, const QString &alias)
{
    return alias.isEmpty() || alias == name ? name : QStringLiteral("%1 (%2)").arg(alias, name);
}

ClusterCoverage clusterCoverage(const ClusterFilter &filter, const TopologySnapshot *snapshot,
                                const QHash<QString, QString> &aliases)
{
    ClusterCoverage c;
    if (!snapshot)
        return c;
    for (const ClusterInfo &info : snapshot->clusters()) {
        const QString alias = aliases.value(info.name, info.alias);
        (filter.matches(info.name, alias) ? c.covered : c.notCovered) << clusterDisplayName(info.name, alias);
    }
    return c;
}

QStringList neverPromoted(const HostnameFilter &filter, const TopologySnapshot *snapshot)
{
    QStringList out;
    if (!snapshot)
        return out;
    // QMap iteration is already sorted by key, so the list reads in a stable order.
    for (auto it = snapshot->instances().cbegin(); it != snapshot->instances().cend(); ++it)
        if (filter.matches(it.key().host()))
            out << it.key().toString();
    return out;
}

QString durationText(int seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("Topograph::Gui::Duration", "%1 s").arg(seconds);
    QStringList parts;
    const int days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60,
              rest = seconds % 60;
    if (days)
        parts << QCoreApplication::translate("Topograph::Gui::Duration", "%1 d").arg(days);
    if (hours)
        parts << QCoreApplication::translate("Topograph::Gui::Duration", "%1 h").arg(hours);
    if (minutes)
        parts << QCoreApplication::translate("Topograph::Gui::Duration", "%1 min").arg(minutes);
    if (rest)
        parts << QCoreApplication::translate("Topograph::Gui::Duration", "%1 s").arg(rest);
    return parts.join(QLatin1Char(' '));
}

} // namespace Topograph::Gui
