#include "watchcommand.h"

#include "topologyprinter.h"

#include "engine/engine.h"
#include "discovery/poller.h"
#include "discovery/reachabilitysummary.h"
#include "discovery/snapshotchanges.h"
#include "store/store.h"
#include "text/safetext.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Topograph::Cli {

namespace {

QString stamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// SIGINT and SIGTERM arrive through a self-pipe watched by the event loop, so stopping is an
// ordinary event: the handler only writes the signal number to the pipe (async-signal-safe), and
// works whichever thread the kernel picks (threads started before this command, like the log
// flusher, do not block the signals, so a signalfd alone would not see them).
int g_signalPipe = -1;

extern "C" void forwardSignal(int signo)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signo);
    (void)!::write(g_signalPipe, &byte, 1);
    errno = savedErrno;
}

class SignalWatch
{
public:
    SignalWatch()
    {
        if (::pipe2(m_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
            return;
        g_signalPipe = m_pipe[1];
        struct sigaction action{};
        action.sa_handler = forwardSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        // A shell starts background jobs with SIGINT ignored (so Ctrl-C hits only the foreground
        // job); that choice is kept.
        ::sigaction(SIGINT, nullptr, &m_previousInt);
        if (m_previousInt.sa_handler != SIG_IGN)
            ::sigaction(SIGINT, &action, nullptr);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_installed = true;
    }
    ~SignalWatch()
    {
        if (m_installed) {
            ::sigaction(SIGINT, &m_previousInt, nullptr);
            ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        }
        g_signalPipe = -1;
        for (int fd : m_pipe)
            if (fd >= 0)
                ::close(fd);
    }
    int fd() const { return m_installed ? m_pipe[0] : -1; }
    // The name of the signal that arrived, or "" when none was pending.
    QString take()
    {
        unsigned char byte = 0;
        if (::read(m_pipe[0], &byte, 1) != 1)
            return QString();
        return byte == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
    }

private:
    int m_pipe[2] = {-1, -1};
    struct sigaction m_previousInt{};
    struct sigaction m_previousTerm{};
    bool m_installed = false;
};

} // namespace

int watchCommand(Context &ctx, const QStringList &args)
{
    SignalWatch signalWatch; // first, so an early Ctrl-C is not lost either
    if (signalWatch.fd() < 0)
        return ctx.fail(QStringLiteral("cannot watch for SIGINT/SIGTERM (no pipe)"));

    int code = ExitOk;
    QList<InstanceKey> seeds;
    double intervalSeconds = 1.0;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--interval")) {
            bool ok = false;
            intervalSeconds = i + 1 < args.size() ? args.at(i + 1).toDouble(&ok) : 0;
            if (!ok || intervalSeconds < 0.05 || intervalSeconds > 3600)
                return ctx.fail(QStringLiteral("--interval needs a number of seconds from 0.05 to 3600"), ExitUsage);
            ++i;
            continue;
        }
        const auto key = parseInstanceArgument(ctx, args.at(i), &code);
        if (!key)
            return code;
        seeds << *key;
    }
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    if (seeds.isEmpty() && store->knownInstances().isEmpty())
        return ctx.fail(QStringLiteral("nothing to watch: %1 knows no instance; give HOST:PORT or run "
                                       "'topograph-cli discover HOST:PORT' first")
                            .arg(store->path()));
    const auto provider = connectionOptionsFor(ctx, &code);
    if (!provider)
        return code;

    // The whole engine: polling, analysis, detection records and, where the policy allows,
    // automatic recovery (`policy set AutoFailover on`, `policy set RecoverMasterClusterFilters ...`).
    Engine::Options options;
    options.seeds = seeds;
    options.intervalMs = int(intervalSeconds * 1000);
    options.storePath = store->path();
    options.connectionOptions = *provider;
    options.automaticRecovery = true;
    store.reset(); // the engine and its poller open their own

    const bool json = ctx.options().json;
    auto emitLine = [&](const QString &event, const QString &instance, const QString &text) {
        if (json) {
            QJsonObject o{{QStringLiteral("at"), stamp()}, {QStringLiteral("event"), event}};
            if (!instance.isEmpty())
                o.insert(QStringLiteral("instance"), instance);
            o.insert(QStringLiteral("text"), text);
            ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        } else {
            ctx.out() << stamp() << "  " << SafeText::line(text) << '\n'; // server text: one line, no escapes
        }
        ctx.out().flush();
    };

    Engine engine(options);
    QEventLoop loop;
    TopologySnapshotPtr previous;
    ReachabilitySummary reachability;
    QObject::connect(&engine, &Engine::snapshotUpdated, &loop, [&](const TopologySnapshotPtr &s) {
        if (!previous) {
            // The poller raised the open-file limit for the fleet; say so when even that is short.
            const QString limit = Poller::ensureDescriptorLimit(int(s->instances().size()));
            if (!limit.isEmpty())
                emitLine(QStringLiteral("limit"), QString(), limit);
            emitLine(QStringLiteral("watching"), QString(),
                     QStringLiteral("watching %1 instance(s) in %2 cluster(s), polling every %3 s; AutoFailover %4; Ctrl-C stops")
                         .arg(s->instances().size())
                         .arg(s->clusters().size())
                         .arg(intervalSeconds)
                         .arg(engine.policy().autoFailover ? QStringLiteral("on") : QStringLiteral("off")));
            if (!json)
                for (const ClusterInfo &c : s->clusters())
                    for (const QString &line : topologyTree(*s, c, QDateTime::currentDateTimeUtc()))
                        ctx.out() << "    " << line << '\n';
            ctx.out().flush();
        } else {
            for (const TopologyChange &c : topologyChanges(previous.get(), *s))
                emitLine(topologyChangeKindName(c.kind), c.instance.toString(), c.text);
        }
        // Servers that do not answer, and that the rest is still polled, whenever the count moves.
        const ReachabilitySummary now = reachabilitySummary(*s);
        if (now != reachability && !(now.isEmpty() && reachability.isEmpty()))
            emitLine(QStringLiteral("reachability"), QString(),
                     now.isEmpty() ? QStringLiteral("every server answers (%1 polled normally)").arg(now.answering)
                                   : reachabilitySummaryText(now));
        reachability = now;
        previous = s;
    });
    QObject::connect(&engine, &Engine::analysisAppeared, &loop, [&](const Analysis &a) {
        emitLine(QStringLiteral("analysis"), a.instance.toString(),
                 QStringLiteral("%1 %2: %3").arg(a.codeName(), a.instance.toString(), a.explanation));
    });
    QObject::connect(&engine, &Engine::analysisCleared, &loop, [&](const Analysis &a) {
        emitLine(QStringLiteral("analysis-cleared"), a.instance.toString(),
                 QStringLiteral("%1 %2 cleared").arg(a.codeName(), a.instance.toString()));
    });
    QObject::connect(&engine, &Engine::recoveryDecided, &loop, [&](const Analysis &a, const RecoveryDecision &d) {
        emitLine(QStringLiteral("decision"), a.instance.toString(),
                 QStringLiteral("%1 %2: %3 (%4)").arg(a.codeName(), a.instance.toString(), recoveryDecisionName(d.kind), d.reason));
    });
    QObject::connect(&engine, &Engine::recoveryProgress, &loop, [&](const QString &cluster, const QString &step, int outcome) {
        if (StepOutcome(outcome) != StepOutcome::Running)
            emitLine(QStringLiteral("recovery-step"), QString(),
                     QStringLiteral("recovery of %1: [%2] %3").arg(cluster, stepOutcomeName(StepOutcome(outcome)), step));
    });
    QObject::connect(&engine, &Engine::recoveryFinished, &loop, [&](const QString &cluster, const RecoveryOutcome &out) {
        emitLine(QStringLiteral("recovery"), out.successor ? out.successor->toString() : QString(),
                 QStringLiteral("recovery %1 of %2 %3 in %4 ms: %5")
                     .arg(out.recoveryId)
                     .arg(cluster, out.success ? QStringLiteral("succeeded") : out.refused ? QStringLiteral("refused") : QStringLiteral("failed"))
                     .arg(out.elapsedMs)
                     .arg(out.message));
    });
    QString stoppedBy;
    QSocketNotifier notifier(signalWatch.fd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        stoppedBy = signalWatch.take();
        if (!stoppedBy.isEmpty())
            loop.quit();
    });
    QString error;
    if (!engine.start(&error))
        return ctx.fail(error);
    loop.exec();
    emitLine(QStringLiteral("stopping"), QString(), QStringLiteral("%1 received: stopping").arg(stoppedBy));
    engine.stop(); // waits for probes and recoveries in flight, bounded by their timeouts
    return ExitOk;
}

} // namespace Topograph::Cli
