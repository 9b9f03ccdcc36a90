#pragma once

#include "analysis/analysis.h"
#include "model/topologysnapshot.h"

#include <QList>

namespace Topograph {

// What is wrong with each cluster of the snapshot. Pure: the same snapshot and settings always
// give the same analyses, in the same order (clusters in snapshot order; within a cluster the
// master, then intermediate masters, then structure warnings).
//
// Instances in maintenance are left out entirely (neither analysed nor counted as replicas).
// Analyses about a downtimed instance are kept, marked downtimed and never actionable.
// Cost: linear in the number of instances (every instance is looked at from its own source and
// from its own cluster once); the errant-GTID check also walks each replica's ancestors.
QList<Analysis> analyze(const TopologySnapshot &snapshot, const AnalyzerSettings &settings = {});

} // namespace Topograph
