#pragma once

// Internal to core/operations: the executor's half of file:pos moves (fileposplan.h plans them).
// Without GTID a replica's place in the stream is binary log coordinates of its own source, so
// a move reads them on the servers while the move runs, keeps them under a name, and substitutes
// them into the statements of later steps (planned with placeholders, recorded resolved).
#include "model/binlogcoordinates.h"
#include "operation.h"

#include <QHash>

#include <functional>

namespace Topograph {

class Connection;

namespace FilePos {

using Coordinates = QHash<QString, BinlogCoordinates>;

// "db-x:3306 in db-m:3306": where server's channel from source stopped, in source's binlog.
QString executedName(const InstanceKey &server, const InstanceKey &source);
// "db-s:3306 binlog end": SHOW MASTER STATUS of server.
QString binlogEndName(const InstanceKey &server);
// Placeholders in planned statements: "<file of NAME>" (a quoted file name once resolved) and
// "<pos of NAME>" (a number).
QString filePlaceholder(const QString &name);
QString posPlaceholder(const QString &name);
// statement with every known placeholder replaced by its value.
QString resolve(QString statement, const Coordinates &known);
// statement still holds a placeholder (its coordinates were never read: never run it).
bool unresolved(const QString &statement);

struct StepContext
{
    const TopologySnapshot &snapshot;
    // The run's open connection to a server (opened on first use), or nullptr with *error set.
    std::function<Connection *(const InstanceKey &, QString *error)> connection;
    Coordinates &coordinates;
    int waitSeconds = 10;
};

// Runs a ReadPosition, ReadBinlogEnd, WaitPosition or CatchUp step; output says what it read,
// ran and waited for, for the record.
bool runStep(StepContext &c, const OperationStep &step, QString &output);

} // namespace FilePos
} // namespace Topograph
