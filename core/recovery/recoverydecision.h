#pragma once

#include "analysis/analysis.h"
#include "policy.h"
#include "store/recoverylog.h"

#include <QDateTime>

namespace Topograph {

// Whether the engine may recover an analysis on its own, and if not, why: the question a DBA asks
// at 3 a.m. ("why did it not fail over?"). Manual recoveries do not go through this.
struct RecoveryDecision
{
    enum Kind {
        Recover,       // go
        NotActionable, // the analysis is a report, not a failure to recover
        Downtimed,     // the failed instance is downtimed: never acted on
        DetectOnly,    // AutoFailover is off
        NotCovered,    // the cluster filters do not cover this cluster
        Blocked,       // anti-flapping: a recent recovery blocks automatic ones
    };
    Kind kind = NotActionable;
    QString reason;            // a sentence that says what to do about it
    qint64 blockingRecoveryId = 0;
    QDateTime blockedUntil;
};
QString recoveryDecisionName(RecoveryDecision::Kind kind);

// recent: the cluster's most recent recovery, if any (running, or ended, acknowledged or not).
RecoveryDecision decideAutomaticRecovery(const Analysis &analysis, const Policy &policy,
                                         const std::optional<Recovery> &recent, const QDateTime &nowUtc);

} // namespace Topograph
