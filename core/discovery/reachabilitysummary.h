#pragma once

#include "model/topologysnapshot.h"

#include <QList>
#include <QString>

namespace Topograph {

// How much of the fleet does not answer, per cluster, and how much is still polled normally:
// what the window's status bar and `watch` say while a data centre is cut off, so that the
// operator knows the rest is still watched.
struct ReachabilitySummary
{
    struct Cluster
    {
        QString name; // its alias when it has one
        int notAnswering = 0;
        bool operator==(const Cluster &) const = default;
    };
    QList<Cluster> clusters; // only those with servers not answering, most first
    int notAnswering = 0;
    int answering = 0;

    bool isEmpty() const { return notAnswering == 0; }
    bool operator==(const ReachabilitySummary &) const = default;
};

ReachabilitySummary reachabilitySummary(const TopologySnapshot &snapshot);

// "12 servers of cluster P are not answering; 3 others polled normally"; empty when every
// server answers. English, for the CLI and logs (the window translates its own).
QString reachabilitySummaryText(const ReachabilitySummary &summary);

} // namespace Topograph
