#pragma once

// RecoveryExecutor's per-run state, shared by the files that implement it.
#include "hookrunner.h"
#include "recoveryexecutor.h"
#include "store/recoverylog.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace Topograph {

struct RecoveryExecutor::Context
{
    RecoveryRequest request;
    RecoveryLog log;
    HookRunner hooks;
    HookContext hook;
    qint64 id = 0;
    QString kind;
    QElapsedTimer timer;
    QDateTime snapshotTakenAt;
};

} // namespace Topograph
