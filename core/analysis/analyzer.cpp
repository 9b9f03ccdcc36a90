#include "analyzer.h"

#include "analysiscontext.h"

namespace Topograph {

namespace {

void applyDowntime(const TopologySnapshot &snapshot, Analysis &a)
{
    const auto d = snapshot.downtime(a.instance);
    if (!d)
        return;
    a.downtimed = true;
    a.actionable = false;
    QString who = d->owner.isEmpty() ? QString() : QStringLiteral(" by %1").arg(d->owner);
    QString why = d->reason.isEmpty() ? QString() : QStringLiteral(": %1").arg(d->reason);
    a.explanation += QStringLiteral(" %1 is downtimed until %2%3%4, so Topograph will not act on it.")
                         .arg(a.instance.toString(), d->until.toUTC().toString(Qt::ISODate), who, why);
    a.facts.insert(QStringLiteral("downtime"),
                   QJsonObject{{QStringLiteral("until"), d->until.toUTC().toString(Qt::ISODate)},
                               {QStringLiteral("reason"), d->reason},
                               {QStringLiteral("owner"), d->owner}});
}

} // namespace

QList<Analysis> analyze(const TopologySnapshot &snapshot, const AnalyzerSettings &settings)
{
    AnalysisContext ctx(snapshot, settings);
    for (const ClusterInfo &cluster : snapshot.clusters()) {
        AnalysisRules::analyzeMasters(ctx, cluster);
        AnalysisRules::analyzeIntermediateMasters(ctx, cluster);
        AnalysisRules::analyzeStructure(ctx, cluster);
    }
    QList<Analysis> results = ctx.takeResults();
    for (Analysis &a : results)
        applyDowntime(snapshot, a);
    return results;
}

} // namespace Topograph
