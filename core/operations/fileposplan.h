#pragma once

// Internal to core/operations: validate()'s half of moves of a replica that replicates by
// file:pos (fileposmove.h runs the steps).
#include "plansteps.h"

namespace Topograph::OperationsDetail {

// x's channel from its source does not use GTID (MariaDB Using_Gtid=No, MySQL Auto_Position=0).
// Such a replica is moved by file:pos and stays file:pos: its DBA chose that mode.
bool replicatesByFilePos(const InstanceFacts &x);

// Without GTID a position is only meaningful in one server's binlog, so only two moves can find
// the new coordinates exactly: up below the grandparent G (the parent P stops, x executes all P
// has, and P's own position in G's binlog is x's new one) and below a sibling S (both stopped at
// the same point of their master's binlog, x's new position is S's binlog end). Appends the
// steps to c.p, or returns why the move is refused.
QString moveByFilePos(Ctx &c, const InstanceFacts &x, const InstanceFacts &y);

// Detach / reattach of a file:pos replica (source is its channel's source, "//host" once
// detached). A new MASTER_HOST resets a channel's coordinates (MariaDB and MySQL alike), so the
// position it stopped at is read and given again with the new host; for a GTID channel the host
// alone is enough.
// Repoint (same source again, e.g. after a broken connection) from where it stopped.
void repointByFilePos(Ctx &c, const InstanceFacts &x, const InstanceKey &source);
// canReplicateFrom's rules without its GTID requirement, which a file:pos move does not have.
bool canReplicateByPosition(
    const InstanceFacts &replica, const InstanceFacts &source, QString *why);
void detachByFilePos(Ctx &c, const InstanceFacts &x, const InstanceKey &source);
void reattachByFilePos(Ctx &c, const InstanceFacts &x, const InstanceKey &detached);

} // namespace Topograph::OperationsDetail
