#pragma once

#include "model/instancefacts.h"

#include <QStringList>

namespace Topograph {

// The replication statements of one server, in its own dialect: MariaDB's (SLAVE, named
// connections, MASTER_USE_GTID) or MySQL's (REPLICA/SOURCE from 8.0.22, SLAVE/MASTER before).
// Only MariaDB is exercised against real servers in the test suite.
class SqlDialect
{
public:
    explicit SqlDialect(const InstanceFacts &facts);

    QString stopReplication(const QString &channel = {}) const;
    QString startReplication(const QString &channel = {}) const;
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

private:
    bool m_mariadb;
    bool m_newSyntax; // MySQL 8.0.22+
};

} // namespace Topograph
