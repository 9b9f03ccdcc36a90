#pragma once

#include "model/instancefacts.h"

#include <QStringList>

namespace Topograph {

// The name of f's channel from source (a multi-source replica has several), else its default one:
// the channel every statement about that replication link names.
QString channelFrom(const InstanceFacts &f, const InstanceKey &source);

// The replication statements of one server, in its own dialect: MariaDB's (SLAVE, named
// connections, MASTER_USE_GTID) or MySQL's (REPLICA/SOURCE from 8.0.22, SLAVE/MASTER before).
// Only MariaDB is exercised against real servers in the test suite.
class SqlDialect
{
public:
    explicit SqlDialect(const InstanceFacts &facts);

    QString stopReplication(const QString &channel = {}) const;
    QString startReplication(const QString &channel = {}) const;
    // Only the IO thread: for a replica whose SQL thread a person stopped on purpose.
    QString startIoThread(const QString &channel = {}) const;
    QString resetReplicationAll(const QString &channel = {}) const;
    // Point at source by GTID, keeping the user and password the channel already has.
    QString changeSource(const InstanceKey &source, const QString &channel = {}) const;
    QString replicationStatus() const; // one row per channel
    // SELECT ... AS result: 0 = reached, -1 / 1 = timed out (per flavour).
    QString waitForPosition(const QString &position, int timeoutSeconds) const;
    bool waitSucceeded(qint64 result) const;
    QStringList setWritable() const;
    QStringList setReadOnly() const;
    // Column holding what the IO thread received.
    QString receivedColumn() const;

    // Point a server at source with credentials (for a server that has no channel yet, e.g. a
    // master being demoted); userSql/passwordSql are SQL text (quoted strings or a placeholder the
    // caller substitutes), empty = keep what the channel has. demote: the server's own binary log
    // counts as already applied (MariaDB 10.10+ MASTER_DEMOTE_TO_SLAVE=1; older MariaDB needs
    // prepareDemote() first; MySQL's auto-position already uses gtid_executed).
    QString changeSource(const InstanceKey &source, const QString &channel, const QString &userSql,
                         const QString &passwordSql, bool demote) const;
    QStringList prepareDemote(bool demote) const;
    bool demotesInChangeSource() const { return m_mariadb && m_version >= 1010; }
    // Points the channel at a host name no server has ("//host"), so that nothing (a restart, a
    // START SLAVE by mistake) resumes it; reattachSource() points it back. Coordinates are kept.
    QString detachSource(const InstanceKey &source, const QString &channel = {}) const;
    QString reattachSource(const InstanceKey &source, const QString &channel = {}) const;
    // SELECT ... AS pos: what the server executed, in the form waitForPosition() takes.
    QString executedPositionQuery() const;

    // File:pos replication (no GTID). fileSql/posSql are SQL text: a quoted file name and a
    // number, or placeholders the operation executor substitutes once it has read them.
    // Point at source at those coordinates, GTID off for the channel (MariaDB MASTER_USE_GTID=no,
    // MySQL AUTO_POSITION=0); user, password and TLS settings of the channel are kept (only the
    // named options change). A new host resets the coordinates, so they are always given.
    QString changeSourceAt(const InstanceKey &source, const QString &channel, const QString &fileSql,
                           const QString &posSql) const;
    // Start the channel with its SQL thread stopping at source coordinates (the IO thread runs on).
    QString startReplicationUntil(const QString &channel, const QString &fileSql, const QString &posSql) const;
    // File / Position of the server's own binary log end.
    QString binlogEndQuery() const;

private:
    bool m_mariadb;
    bool m_newSyntax; // MySQL 8.0.22+
    int m_version = 0;
};

} // namespace Topograph
