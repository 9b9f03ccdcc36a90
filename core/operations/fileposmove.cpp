// The executor's file:pos steps: read coordinates, wait for them, line two replicas up on them.
// Every status row is read by column name, with MySQL 8.0.22+ names as the fallback.
#include "fileposmove.h"

#include "mysql/connection.h"
#include "recovery/sqldialect.h"

#include <QElapsedTimer>
#include <QThread>

namespace Topograph::FilePos {

QString executedName(const InstanceKey &server, const InstanceKey &source)
{
    return QStringLiteral("%1 in %2").arg(server.toString(), source.toString());
}

QString binlogEndName(const InstanceKey &server)
{
    return server.toString() + QStringLiteral(" binlog end");
}

QString filePlaceholder(const QString &name)
{
    return QStringLiteral("<file of %1>").arg(name);
}

QString posPlaceholder(const QString &name)
{
    return QStringLiteral("<pos of %1>").arg(name);
}

QString resolve(QString statement, const Coordinates &known)
{
    if (!unresolved(statement))
        return statement;
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        statement.replace(filePlaceholder(it.key()), Connection::quoteString(it->file));
        statement.replace(posPlaceholder(it.key()), QString::number(it->position));
    }
    return statement;
}

bool unresolved(const QString &statement)
{
    return statement.contains(QLatin1String("<file of "))
        || statement.contains(QLatin1String("<pos of "));
}

namespace {

QString column(const Row &row, const char *oldName, const char *newName)
{
    const QString o = QString::fromLatin1(oldName);
    return row.has(o) ? row.text(o) : row.text(QString::fromLatin1(newName));
}

struct ChannelState
{
    bool sqlRunning = false;
    BinlogCoordinates executed; // Relay_Master_Log_File:Exec_Master_Log_Pos
    QString sqlError;
};

Connection *open(StepContext &c, const InstanceKey &server, QString &output)
{
    QString error;
    Connection *conn = c.connection(server, &error);
    if (!conn)
        output = error;
    return conn;
}

// One statement on server's connection, fetched anew each time: a timed-out connection is
// replaced by the run, so a pointer to it must not be kept across calls.
bool execute(StepContext &c, const InstanceKey &server, const QString &sql, QString &error)
{
    Connection *conn = open(c, server, error);
    if (conn && !conn->execute(sql)) {
        error = conn->lastError().message;
        return false;
    }
    return conn != nullptr;
}

// server's channel from source, as SHOW [ALL] SLAVE[S] STATUS reports it now.
bool readChannel(StepContext &c, const InstanceKey &server, const InstanceKey &source,
    ChannelState &st, QString &output)
{
    const InstanceFacts *f = c.snapshot.instance(server);
    if (!f) {
        output = QStringLiteral("%1 is not in the topology").arg(server.toString());
        return false;
    }
    Connection *conn = open(c, server, output);
    if (!conn)
        return false;
    const auto r = conn->query(SqlDialect(*f).replicationStatus());
    if (!r) {
        output = conn->lastError().message;
        return false;
    }
    for (const Row &row : r->rows()) {
        const InstanceKey from(column(row, "Master_Host", "Source_Host"),
            column(row, "Master_Port", "Source_Port").toInt());
        if (from != source)
            continue;
        st.sqlRunning
            = column(row, "Slave_SQL_Running", "Replica_SQL_Running") == QLatin1String("Yes");
        st.executed = { column(row, "Relay_Master_Log_File", "Relay_Source_Log_File"),
            column(row, "Exec_Master_Log_Pos", "Exec_Source_Log_Pos").toLongLong() };
        if (const QString e = column(row, "Last_SQL_Error", "Last_SQL_Error"); !e.isEmpty())
            st.sqlError = QStringLiteral("%1 (Last_SQL_Errno %2)")
                              .arg(e, column(row, "Last_SQL_Errno", "Last_SQL_Errno"));
        return true;
    }
    output = QStringLiteral("%1 has no replication channel from %2")
                 .arg(server.toString(), source.toString());
    return false;
}

// A copy: the table may grow (and rehash) while the value is in use.
std::optional<BinlogCoordinates> known(StepContext &c, const QString &name, QString &output)
{
    const auto it = c.coordinates.constFind(name);
    if (it == c.coordinates.cend()) {
        output = QStringLiteral("the coordinates '%1' were never read").arg(name);
        return std::nullopt;
    }
    return *it;
}

// -1/0/1, or nullopt with output saying why (not the same binlog).
std::optional<int> compare(const BinlogCoordinates &a, const BinlogCoordinates &b, QString &output)
{
    QString why;
    const auto cmp = compareBinlogCoordinates(a, b, &why);
    if (!cmp)
        output = why;
    return cmp;
}

bool readPosition(StepContext &c, const OperationStep &step, QString &output)
{
    ChannelState st;
    if (!readChannel(c, step.server, step.source, st, output))
        return false;
    // A running SQL thread moves on: the coordinates would be stale before they are used.
    if (st.sqlRunning) {
        output = QStringLiteral("%1 still applies from %2: its position is not fixed")
                     .arg(step.server.toString(), step.source.toString());
        return false;
    }
    if (!st.executed.isValid()) {
        output = QStringLiteral("%1 reports no executed position in the binlog of %2")
                     .arg(step.server.toString(), step.source.toString());
        return false;
    }
    if (!step.coordinates.isEmpty()) {
        const auto min = known(c, step.coordinates, output);
        if (!min)
            return false;
        const auto cmp = compare(st.executed, *min, output);
        if (!cmp)
            return false;
        if (*cmp < 0) {
            output = QStringLiteral(
                "%1 stopped at %2, before %3 (%4): it would miss what lies between")
                         .arg(step.server.toString(), st.executed.toString(), step.coordinates,
                             min->toString());
            return false;
        }
    }
    c.coordinates.insert(executedName(step.server, step.source), st.executed);
    output = QStringLiteral("%1 stopped at %2 of the binlog of %3")
                 .arg(step.server.toString(), st.executed.toString(), step.source.toString());
    return true;
}

bool readBinlogEnd(StepContext &c, const OperationStep &step, QString &output)
{
    ChannelState st;
    if (!readChannel(c, step.server, step.source, st, output))
        return false;
    // Stopped: nothing from the source is written to this binlog while its end is used.
    if (st.sqlRunning) {
        output = QStringLiteral("%1 still applies from %2: its binlog end moves")
                     .arg(step.server.toString(), step.source.toString());
        return false;
    }
    if (!step.coordinates.isEmpty()) {
        const auto peer = known(c, step.coordinates, output);
        if (!peer)
            return false;
        if (!(st.executed == *peer)) {
            output = QStringLiteral(
                "%1 stopped at %2 of the binlog of %3 and %4 at %5: not the same point")
                         .arg(step.server.toString(), st.executed.toString(),
                             step.source.toString(), step.coordinates, peer->toString());
            return false;
        }
    }
    Connection *conn = open(c, step.server, output);
    if (!conn)
        return false;
    // The snapshot may be old: read_only is checked now, just before the end is read.
    if (step.readOnlyRequired) {
        const auto ro = conn->query(QStringLiteral("SELECT @@GLOBAL.read_only AS ro"));
        if (!ro || ro->isEmpty()) {
            output = conn->lastError().message;
            return false;
        }
        if (ro->rows().first().text(QStringLiteral("ro")) != QLatin1String("1")) {
            output = QStringLiteral(
                "%1 is writable (read_only=OFF): a write of its own made now would "
                "be skipped by its new replica; set it read_only first")
                         .arg(step.server.toString());
            return false;
        }
    }
    const InstanceFacts *f = c.snapshot.instance(step.server);
    const auto r = conn->query(SqlDialect(*f).binlogEndQuery());
    if (!r || r->isEmpty()) {
        output = r ? QStringLiteral("%1 writes no binary log").arg(step.server.toString())
                   : conn->lastError().message;
        return false;
    }
    const Row row = r->rows().first();
    const BinlogCoordinates end { row.text(QStringLiteral("File")),
        row.integer(QStringLiteral("Position")).value_or(0) };
    c.coordinates.insert(binlogEndName(step.server), end);
    output = QStringLiteral("binlog of %1 ends at %2 (its channel from %3 stopped at %4)")
                 .arg(step.server.toString(), end.toString(), step.source.toString(),
                     st.executed.toString());
    return true;
}

bool waitPosition(StepContext &c, const OperationStep &step, QString &output)
{
    const auto target = known(c, step.coordinates, output);
    if (!target)
        return false;
    QElapsedTimer t;
    t.start();
    // Polled, like the GTID wait: MASTER_POS_WAIT would hold a connection to a server that may
    // freeze, and says nothing about why it did not get there.
    while (true) {
        ChannelState st;
        if (!readChannel(c, step.server, step.source, st, output))
            return false;
        const auto cmp = compare(st.executed, *target, output);
        if (!cmp)
            return false;
        if (*cmp >= 0) {
            output
                = QStringLiteral("%1 executed %2 of the binlog of %3 (needed %4) after %5 ms")
                      .arg(step.server.toString(), st.executed.toString(), step.source.toString(),
                          target->toString(), QString::number(t.elapsed()));
            return true;
        }
        if (!st.sqlRunning || t.elapsed() > c.waitSeconds * 1000) {
            output
                = QStringLiteral("%1 did not execute the binlog of %2 up to %3 %4 (at %5%6)")
                      .arg(step.server.toString(), step.source.toString(), target->toString(),
                          st.sqlRunning ? QStringLiteral("within %1 s").arg(c.waitSeconds)
                                        : QStringLiteral("(its SQL thread stopped)"),
                          st.executed.toString(),
                          st.sqlError.isEmpty() ? QString() : QStringLiteral(", ") + st.sqlError);
            return false;
        }
        QThread::msleep(5);
    }
}

bool catchUp(StepContext &c, const OperationStep &step, QString &output)
{
    const auto target = known(c, step.coordinates, output);
    if (!target)
        return false;
    ChannelState st;
    if (!readChannel(c, step.server, step.source, st, output))
        return false;
    if (st.sqlRunning) {
        output = QStringLiteral("%1 still applies from %2: it was to be stopped")
                     .arg(step.server.toString(), step.source.toString());
        return false;
    }
    const auto before = compare(st.executed, *target, output);
    if (!before)
        return false;
    if (*before >= 0) {
        output = QStringLiteral("%1 is at %2, not behind %3: nothing to run")
                     .arg(step.server.toString(), st.executed.toString(), target->toString());
        return true;
    }
    const InstanceFacts &f = *c.snapshot.instance(step.server);
    const SqlDialect d(f);
    const QString channel = channelFrom(f, step.source);
    const QString until = d.startReplicationUntil(
        channel, Connection::quoteString(target->file), QString::number(target->position));
    const QString stop = d.stopReplication(channel);
    if (QString error; !execute(c, step.server, until, error)) {
        output = QStringLiteral("%1: %2").arg(until, error);
        return false;
    }
    const QString ran = QStringLiteral("%1 was at %2; ran %3")
                            .arg(step.server.toString(), st.executed.toString(), until);
    // On any failure the channel is stopped again, so no UNTIL is left running behind the
    // operation (the undo of the earlier stop then restarts it without one).
    auto fail = [&](const QString &why) {
        QString error;
        const QString cleanup = execute(c, step.server, stop, error)
            ? stop
            : QStringLiteral("%1 failed: %2").arg(stop, error);
        output = QStringLiteral("%1; %2; %3").arg(ran, why, cleanup);
        return false;
    };
    QElapsedTimer t;
    t.start();
    while (true) {
        ChannelState now;
        QString why;
        if (!readChannel(c, step.server, step.source, now, why))
            return fail(why);
        const auto cmp = compare(now.executed, *target, why);
        if (!cmp)
            return fail(why);
        if (*cmp > 0)
            return fail(QStringLiteral("it went past %1 to %2")
                            .arg(target->toString(), now.executed.toString()));
        if (*cmp == 0 && !now.sqlRunning) {
            // The SQL thread stopped there; its IO thread still runs and is stopped too, so both
            // replicas are stopped at the same point, as the next step expects.
            if (QString error; !execute(c, step.server, stop, error)) {
                output = QStringLiteral("%1; reached %2, then %3 failed: %4")
                             .arg(ran, target->toString(), stop, error);
                return false;
            }
            c.coordinates.insert(executedName(step.server, step.source), *target);
            output = QStringLiteral("%1; reached %2 after %3 ms; ran %4")
                         .arg(ran, target->toString(), QString::number(t.elapsed()), stop);
            return true;
        }
        if (!now.sqlRunning && !now.sqlError.isEmpty())
            return fail(QStringLiteral("its SQL thread stopped at %1: %2")
                            .arg(now.executed.toString(), now.sqlError));
        if (t.elapsed() > c.waitSeconds * 1000)
            return fail(QStringLiteral("it did not reach %1 within %2 s (at %3)")
                            .arg(target->toString(), QString::number(c.waitSeconds),
                                now.executed.toString()));
        QThread::msleep(5);
    }
}

} // namespace

bool runStep(StepContext &c, const OperationStep &step, QString &output)
{
    switch (step.type) {
    case OperationStep::ReadPosition:
        return readPosition(c, step, output);
    case OperationStep::ReadBinlogEnd:
        return readBinlogEnd(c, step, output);
    case OperationStep::WaitPosition:
        return waitPosition(c, step, output);
    case OperationStep::CatchUp:
        return catchUp(c, step, output);
    default:
        output = QStringLiteral("not a file:pos step");
        return false;
    }
}

} // namespace Topograph::FilePos
