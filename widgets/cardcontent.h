#pragma once

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"

#include <QColor>
#include <QStringList>

namespace Topograph::Gui {

// How bad an instance (or a cluster) is, worst last. Shown as colour AND glyph AND word.
enum class HealthState { Ok, Unknown, Warning, Error, Critical };
QColor healthColor(HealthState s);
QString healthGlyph(HealthState s); // a character readable without colour: ✓ ? ! ✖ ✖
QString healthWord(HealthState s);  // "ok", "unknown", "warning", "error", "critical" (translated)
HealthState healthOf(Severity s);

// Everything one instance card shows, computed from a snapshot and the analyses: pure, so that a
// new snapshot repaints only the cards whose content really changed.
struct CardContent
{
    QString title;    // alias-aware host:port
    QString role;     // master, co-master, intermediate master, replica
    QString shortRole; // what the card shows when role does not fit beside the title (the tooltip has role)
    QString details;  // version · flavour GTID · ro/rw
    QString replication; // IO/SQL thread state and lag, or binlog position for a master
    QStringList badges;  // analysis codes about this instance
    QString marks;       // DOWNTIME until..., MAINTENANCE
    HealthState state = HealthState::Ok;
    bool reachable = true;
    bool recoverable = false; // a dead master / intermediate master a person may recover
    QString recoverCode;      // the analysis code to recover with
    QString tooltip;

    friend bool operator==(const CardContent &, const CardContent &) = default;
};

// Codes the Recover button is offered for.
bool isRecoverableCode(AnalysisCode code);

CardContent cardContent(const TopologySnapshot &snapshot, const InstanceFacts &facts,
                        const QList<Analysis> &analysesOfInstance);

// Lag as a person reads it: "0 s", "12 s", "3 min 5 s", "2 h 1 min", "—" for NULL.
QString lagText(std::optional<qint64> seconds);

} // namespace Topograph::Gui
