#include "cardcontent.h"

#include <QCoreApplication>

namespace Topograph::Gui {

// lupdate files a namespace-level tr() under the namespace: look the strings up there.
static QString tr(const char *s, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Topograph::Gui", s, disambiguation, n);
}

QColor healthColor(HealthState s)
{
    switch (s) {
    case HealthState::Ok: return QColor(0x2e, 0x7d, 0x32);
    case HealthState::Unknown: return QColor(0x75, 0x75, 0x75);
    case HealthState::Warning: return QColor(0xc7, 0x8a, 0x00);
    case HealthState::Error: return QColor(0xd8, 0x4b, 0x16);
    case HealthState::Critical: return QColor(0xc6, 0x28, 0x28);
    }
    return Qt::gray;
}

QString healthGlyph(HealthState s)
{
    switch (s) {
    case HealthState::Ok: return QStringLiteral("\u2713");
    case HealthState::Unknown: return QStringLiteral("?");
    case HealthState::Warning: return QStringLiteral("!");
    case HealthState::Error: return QStringLiteral("!!");
    case HealthState::Critical: return QStringLiteral("\u2716");
    }
    return {};
}

QString healthWord(HealthState s)
{
    switch (s) {
    case HealthState::Ok: return tr("ok");
    case HealthState::Unknown: return tr("unknown");
    case HealthState::Warning: return tr("warning");
    case HealthState::Error: return tr("error");
    case HealthState::Critical: return tr("critical");
    }
    return {};
}

HealthState healthOf(Severity s)
{
    switch (s) {
    case Severity::Info: return HealthState::Ok;
    case Severity::Warning: return HealthState::Warning;
    case Severity::Error: return HealthState::Error;
    case Severity::Critical: return HealthState::Critical;
    }
    return HealthState::Unknown;
}

bool isRecoverableCode(AnalysisCode code)
{
    switch (code) {
    case AnalysisCode::DeadMaster:
    case AnalysisCode::DeadMasterAndSomeReplicas:
    case AnalysisCode::DeadIntermediateMaster:
    case AnalysisCode::DeadIntermediateMasterAndSomeReplicas:
    case AnalysisCode::DeadIntermediateMasterWithSingleReplicaFailingToConnect:
    case AnalysisCode::DeadIntermediateMasterAndReplicas:
    case AnalysisCode::DeadCoMaster:
    case AnalysisCode::DeadCoMasterAndSomeReplicas:
        return true;
    default:
        return false;
    }
}

QString lagText(std::optional<qint64> seconds)
{
    if (!seconds)
        return QStringLiteral("\u2014");
    const qint64 s = *seconds;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

static QString threadText(ThreadState t)
{
    switch (t) {
    case ThreadState::Running: return QStringLiteral("\u2713");
    case ThreadState::Connecting: return tr("connecting");
    case ThreadState::Stopped: return tr("stopped");
    case ThreadState::Unknown: return QStringLiteral("?");
    }
    return {};
}

CardContent cardContent(const TopologySnapshot &snapshot, const InstanceFacts &f,
                        const QList<Analysis> &analyses)
{
    CardContent c;
    c.title = f.key.toString();
    const ClusterInfo *cluster = snapshot.clusterOf(f.key);
    const bool isMaster = cluster && cluster->master == f.key;
    const bool isCoMaster = cluster && cluster->coMasters.contains(f.key);
    const int replicas = int(snapshot.replicasOf(f.key).size());
    if (isMaster) {
        c.role = cluster->coMasters.isEmpty() ? tr("master") : tr("co-master (writer)");
        c.shortRole = cluster->coMasters.isEmpty() ? c.role : tr("co-master"); // "writable" is in the details
    } else if (isCoMaster) {
        c.role = c.shortRole = tr("co-master");
    } else if (replicas > 0) {
        c.role = tr("intermediate master");
        c.shortRole = tr("intermediate");
    } else {
        c.role = c.shortRole = tr("replica");
    }

    QStringList d;
    if (!f.version.isEmpty())
        d << f.version.section(QLatin1Char('-'), 0, 0);
    QString gtid;
    if (f.flavor == Flavor::MariaDB)
        gtid = tr("MariaDB GTID");
    else if (!f.gtidMode.isEmpty())
        gtid = f.gtidMode.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0 ? tr("MySQL GTID") : tr("no GTID");
    if (!gtid.isEmpty())
        d << gtid;
    if (f.lastSeen.isValid() || f.reachable)
        d << (f.readOnly || f.superReadOnly ? tr("read-only") : tr("writable"));
    c.details = d.join(QStringLiteral(" \u00b7 "));

    c.reachable = f.reachable;
    if (!f.reachable) {
        c.replication = tr("unreachable: %1").arg(f.lastErrorText.isEmpty() ? probeErrorName(f.lastError) : f.lastErrorText);
    } else if (const ReplicationChannel *ch = f.primaryChannel()) {
        c.replication = tr("IO %1  SQL %2  lag %3")
                            .arg(threadText(ch->ioThread), threadText(ch->sqlThread), lagText(ch->secondsBehindMaster));
        if (f.channels.size() > 1)
            c.replication += tr("  +%n source(s)", nullptr, int(f.channels.size() - 1));
    } else {
        c.replication = tr("%n replica(s)", nullptr, replicas);
        if (f.binlog.isValid())
            c.replication += QStringLiteral("  ") + f.binlog.toString();
    }

    c.state = f.reachable ? HealthState::Ok : HealthState::Critical;
    // A replica that is not replicating is a warning on its own card even before any analysis.
    if (f.reachable)
        for (const ReplicationChannel &ch : f.channels)
            if (!ch.isReplicating())
                c.state = HealthState::Warning;
    QStringList tips;
    for (const Analysis &a : analyses) {
        c.badges << a.codeName();
        const HealthState h = healthOf(a.severity);
        if (int(h) > int(c.state))
            c.state = h;
        tips << a.codeName() + QStringLiteral(": ") + a.explanation;
        if (isRecoverableCode(a.code) && !a.downtimed && !c.recoverable) {
            c.recoverable = true;
            c.recoverCode = a.codeName();
        }
    }
    if (const auto dt = snapshot.downtime(f.key))
        c.marks = tr("DOWNTIME until %1").arg(dt->until.toLocalTime().toString(QStringLiteral("HH:mm")));
    if (snapshot.inMaintenance(f.key))
        c.marks += (c.marks.isEmpty() ? QString() : QStringLiteral("  ")) + tr("MAINTENANCE");
    c.tooltip = c.title + QLatin1Char('\n') + c.role + QLatin1Char('\n') + c.details + QLatin1Char('\n')
                + c.replication;
    if (!tips.isEmpty())
        c.tooltip += QLatin1Char('\n') + tips.join(QLatin1Char('\n'));
    return c;
}

} // namespace Topograph::Gui
