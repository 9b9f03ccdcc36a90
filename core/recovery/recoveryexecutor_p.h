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

// keys without those in removed, in order.
inline QList<InstanceKey> withoutKeys(const QList<InstanceKey> &keys, const QList<InstanceKey> &removed)
{
    QList<InstanceKey> kept;
    for (const InstanceKey &k : keys)
        if (!removed.contains(k))
            kept << k;
    return kept;
}

} // namespace Topograph
