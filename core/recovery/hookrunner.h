#pragma once

#include "policy.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace Topograph {

// What a hook learns about the event, as TOPOGRAPH_* environment variables. Values come from
// servers and people (host names, aliases): they are passed as data, never through a shell, so
// a host name like "$(touch /tmp/x)" is just a string to the hook.
struct HookContext
{
    QString failureType;   // analysis code, e.g. DeadMaster
    QString cluster;
    QString clusterAlias;
    QString failedHost;
    int failedPort = 0;
    QString successorHost;
    int successorPort = 0;
    QStringList lostReplicas; // host:port
    qint64 recoveryId = 0;
    bool automatic = false;
    QString actor;
    QString error;            // for PostUnsuccessfulFailover: what went wrong

    QMap<QString, QString> environment() const;
};

struct HookResult
{
    QStringList argv;
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;
    qint64 durationMs = 0;
    QString output; // stdout and stderr, truncated to a few KiB
    bool ok() const { return started && !timedOut && exitCode == 0; }
    QString summary() const; // "exit 0 in 12 ms" / "timed out after 30 s (killed)" / "could not start: ..."
};

// Runs each command of a hook point in order, without a shell, with a timeout each. For the
// Pre* points the first failure stops the rest (the caller aborts: it is the fencing point).
class HookRunner
{
public:
    explicit HookRunner(const Policy &policy);
    QList<HookResult> run(HookPoint point, const HookContext &context) const;
    bool hasHooks(HookPoint point) const { return !m_hooks.value(point).isEmpty(); }
    static bool stopsOnFailure(HookPoint point);

    static HookResult runCommand(const QStringList &argv, const QMap<QString, QString> &env, int timeoutMs);

private:
    QMap<HookPoint, QList<QStringList>> m_hooks;
    int m_timeoutMs;
};

} // namespace Topograph
