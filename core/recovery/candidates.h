#pragma once

#include "filters.h"

#include <QJsonObject>
#include "model/topologysnapshot.h"

#include <optional>

namespace Topograph {

struct PromotionSettings
{
    HostnameFilter ignoreHosts;          // PromotionIgnoreHostnameFilters
    int failMasterPromotionOnLagSeconds = 0; // 0 = no limit
    std::optional<InstanceKey> requested;    // a person asked for this one (manual recover)
};

// What Topograph thinks of one replica of the failed master as its successor.
struct CandidateAssessment
{
    InstanceKey key;
    bool eligible = false;
    QString exclusion;  // why not eligible (empty when eligible)
    PromotionRule rule = PromotionRule::Neutral;
    QString received;   // MariaDB Gtid_IO_Pos / MySQL retrieved+executed / file:pos read
    QString applied;    // MariaDB gtid_current_pos / MySQL executed / file:pos executed
    bool mostAdvanced = false;
    QStringList notes;  // ranking reasons: "prefer rule", "has errant transactions: ...", ...
};

// The successor of a failed (intermediate) master and what happens to everyone else: the one
// pure function behind automatic recovery, `topograph-cli candidates` and the Recover dialog.
struct PromotionPlan
{
    InstanceKey failed;
    QString cluster;
    // Ranked: the chosen one first, then the other eligible ones in order, then the excluded.
    QList<CandidateAssessment> candidates;
    std::optional<InstanceKey> chosen;
    // Orchestrator's "second phase": the chosen (preferred) replica is behind this one, which
    // must first feed it what it lacks (repoint chosen under it, wait, then swap).
    std::optional<InstanceKey> catchUpFrom;
    QList<InstanceKey> followers; // replicas that will replicate from the chosen one
    QList<QPair<InstanceKey, QString>> lost; // replicas that cannot, with the reason
    QString refusal;     // non-empty: nobody can be promoted, and why
    QString explanation; // why the chosen one, in one or two sentences
};

PromotionPlan planPromotion(const TopologySnapshot &snapshot, const InstanceKey &failed,
                            const PromotionSettings &settings);

// The plan as the recovery record keeps it and `candidates --json` prints it.
QJsonObject promotionPlanToJson(const PromotionPlan &plan);

} // namespace Topograph
