#include "hookrunner.h"

#include "logging/logging.h"

#include <QElapsedTimer>
#include <QProcess>

namespace Topograph {

QMap<QString, QString> HookContext::environment() const
{
    QMap<QString, QString> env{
        {QStringLiteral("TOPOGRAPH_FAILURE_TYPE"), failureType},
        {QStringLiteral("TOPOGRAPH_CLUSTER"), cluster},
        {QStringLiteral("TOPOGRAPH_CLUSTER_ALIAS"), clusterAlias},
        {QStringLiteral("TOPOGRAPH_FAILED_HOST"), failedHost},
        {QStringLiteral("TOPOGRAPH_FAILED_PORT"), failedPort ? QString::number(failedPort) : QString()},
        {QStringLiteral("TOPOGRAPH_SUCCESSOR_HOST"), successorHost},
        {QStringLiteral("TOPOGRAPH_SUCCESSOR_PORT"), successorPort ? QString::number(successorPort) : QString()},
        {QStringLiteral("TOPOGRAPH_LOST_REPLICAS"), lostReplicas.join(QLatin1Char(','))},
        {QStringLiteral("TOPOGRAPH_RECOVERY_ID"), recoveryId ? QString::number(recoveryId) : QString()},
        {QStringLiteral("TOPOGRAPH_AUTOMATIC"), automatic ? QStringLiteral("1") : QStringLiteral("0")},
        {QStringLiteral("TOPOGRAPH_ACTOR"), actor},
        {QStringLiteral("TOPOGRAPH_ERROR"), error},
    };
    return env;
}

QString HookResult::summary() const
{
    if (!started)
        return QStringLiteral("could not start: %1").arg(output);
    if (timedOut)
        return QStringLiteral("timed out after %1 ms and was killed").arg(durationMs);
    return QStringLiteral("exit %1 in %2 ms").arg(exitCode).arg(durationMs);
}

HookRunner::HookRunner(const Policy &policy)
    : m_hooks(policy.hooks)
    , m_timeoutMs(policy.hookTimeoutSeconds * 1000)
{}

bool HookRunner::stopsOnFailure(HookPoint point)
{
    return point == HookPoint::PreFailover || point == HookPoint::PreGracefulTakeover;
}

QList<HookResult> HookRunner::run(HookPoint point, const HookContext &context) const
{
    QList<HookResult> results;
    const QMap<QString, QString> env = context.environment();
    for (const QStringList &argv : m_hooks.value(point)) {
        HookResult r = runCommand(argv, env, m_timeoutMs);
        spdlog::info("hook {} {}: {}", hookPointName(point), argv.join(QLatin1Char(' ')), r.summary());
        results << r;
        if (!r.ok() && stopsOnFailure(point))
            break;
    }
    return results;
}

HookResult HookRunner::runCommand(const QStringList &argv, const QMap<QString, QString> &env, int timeoutMs)
{
    HookResult r;
    r.argv = argv;
    if (argv.isEmpty())
        return r;
    QProcess p;
    QProcessEnvironment pe = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        pe.insert(it.key(), it.value());
    p.setProcessEnvironment(pe);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setProgram(argv.first());
    p.setArguments(argv.mid(1));
    QElapsedTimer t;
    t.start();
    p.start(QIODevice::ReadOnly);
    if (!p.waitForStarted(5000)) {
        r.output = p.errorString();
        r.durationMs = t.elapsed();
        return r;
    }
    r.started = true;
    if (!p.waitForFinished(timeoutMs)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(2000);
    }
    r.durationMs = t.elapsed();
    r.output = Logging::redacted(QString::fromUtf8(p.readAll().left(8192)));
    r.exitCode = r.timedOut || p.exitStatus() != QProcess::NormalExit ? -1 : p.exitCode();
    return r;
}

} // namespace Topograph
