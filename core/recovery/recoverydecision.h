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
        Waiting,       // not every instance of the cluster was probed yet: decide on the whole picture
    };
    Kind kind = NotActionable;
    QString reason;            // a sentence that says what to do about it
    qint64 blockingRecoveryId = 0;
    QDateTime blockedUntil;
    qint64 continuesRecoveryId = 0; // Recover: the interrupted recovery this one completes
};
QString recoveryDecisionName(RecoveryDecision::Kind kind);

// recent: the cluster's most recent recovery, if any (running, or ended, acknowledged or not).
// notYetProbed: instances of the cluster this process has not probed yet (answering or not). A
// decision on a partial view promotes a replica while another, not yet seen, stays behind.
RecoveryDecision decideAutomaticRecovery(const Analysis &analysis, const Policy &policy,
                                         const std::optional<Recovery> &recent, const QDateTime &nowUtc,
                                         const QList<InstanceKey> &notYetProbed = {});

} // namespace Topograph
