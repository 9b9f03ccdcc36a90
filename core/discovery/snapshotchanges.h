#pragma once

#include "model/topologysnapshot.h"

#include <QList>
#include <QString>

namespace Topograph {

// What changed between two snapshots, instance by instance, in the words `watch` prints and the
// GUI's event list shows. A pure function of the two snapshots.
struct TopologyChange
{
    enum class Kind {
        Appeared,
        Vanished,
        Unreachable,
        Reachable,
        ReplicationStarted,
        ReplicationStopped,
        SourceChanged,
        ReadOnlyChanged,
        ChannelAdded,
        ChannelRemoved,
    };
    Kind kind;
    InstanceKey instance;
    QString text; // one sentence, naming the instance
};
QString topologyChangeKindName(TopologyChange::Kind kind); // "appeared", "source-changed", ...

// Changes from before to after; before == nullptr (the first snapshot) gives none. Replication
// facts of an instance that is unreachable on either side are stale, so they are not compared.
QList<TopologyChange> topologyChanges(const TopologySnapshot *before, const TopologySnapshot &after);

} // namespace Topograph
