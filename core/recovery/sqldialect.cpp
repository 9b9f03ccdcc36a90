#include "sqldialect.h"

#include "mysql/connection.h"

namespace Topograph {

SqlDialect::SqlDialect(const InstanceFacts &facts)
    : m_mariadb(facts.flavor == Flavor::MariaDB)
    // 8.0.22 introduced REPLICA/SOURCE; versionNumber() is major*100+minor, so 800 covers 8.0.x
    // and we use the old, still accepted, syntax for every 8.0.
    , m_newSyntax(!m_mariadb && facts.versionNumber() > 800)
{}

static QString named(const QString &channel, bool mariadb)
{
    if (channel.isEmpty())
        return {};
    return mariadb ? QLatin1Char(' ') + Connection::quoteString(channel)
                   : QStringLiteral(" FOR CHANNEL ") + Connection::quoteString(channel);
}

QString SqlDialect::stopReplication(const QString &channel) const
{
    if (m_mariadb)
        return QStringLiteral("STOP SLAVE") + named(channel, true);
    return (m_newSyntax ? QStringLiteral("STOP REPLICA") : QStringLiteral("STOP SLAVE")) + named(channel, false);
}

QString SqlDialect::startReplication(const QString &channel) const
{
    if (m_mariadb)
        return QStringLiteral("START SLAVE") + named(channel, true);
    return (m_newSyntax ? QStringLiteral("START REPLICA") : QStringLiteral("START SLAVE")) + named(channel, false);
}

QString SqlDialect::resetReplicationAll(const QString &channel) const
{
    if (m_mariadb)
        return QStringLiteral("RESET SLAVE") + named(channel, true) + QStringLiteral(" ALL");
    return (m_newSyntax ? QStringLiteral("RESET REPLICA ALL") : QStringLiteral("RESET SLAVE ALL")) + named(channel, false);
}

QString SqlDialect::changeSource(const InstanceKey &source, const QString &channel) const
{
    const QString host = Connection::quoteString(source.host());
    if (m_mariadb)
        return QStringLiteral("CHANGE MASTER%1 TO MASTER_HOST=%2, MASTER_PORT=%3, MASTER_USE_GTID=slave_pos")
            .arg(named(channel, true), host)
            .arg(source.port());
    if (m_newSyntax)
        return QStringLiteral("CHANGE REPLICATION SOURCE TO SOURCE_HOST=%1, SOURCE_PORT=%2, SOURCE_AUTO_POSITION=1%3")
            .arg(host)
            .arg(source.port())
            .arg(named(channel, false));
    return QStringLiteral("CHANGE MASTER TO MASTER_HOST=%1, MASTER_PORT=%2, MASTER_AUTO_POSITION=1%3")
        .arg(host)
        .arg(source.port())
        .arg(named(channel, false));
}

QString SqlDialect::replicationStatus() const
{
    if (m_mariadb)
        return QStringLiteral("SHOW ALL SLAVES STATUS");
    return m_newSyntax ? QStringLiteral("SHOW REPLICA STATUS") : QStringLiteral("SHOW SLAVE STATUS");
}

QString SqlDialect::waitForPosition(const QString &position, int timeoutSeconds) const
{
    if (m_mariadb)
        return QStringLiteral("SELECT MASTER_GTID_WAIT(%1, %2) AS result")
            .arg(Connection::quoteString(position))
            .arg(timeoutSeconds);
    return QStringLiteral("SELECT WAIT_FOR_EXECUTED_GTID_SET(%1, %2) AS result")
        .arg(Connection::quoteString(position))
        .arg(timeoutSeconds);
}

bool SqlDialect::waitSucceeded(qint64 result) const
{
    return result == 0;
}

QStringList SqlDialect::setWritable() const
{
    if (m_mariadb)
        return {QStringLiteral("SET GLOBAL read_only=0")};
    return {QStringLiteral("SET GLOBAL super_read_only=0"), QStringLiteral("SET GLOBAL read_only=0")};
}

QStringList SqlDialect::setReadOnly() const
{
    if (m_mariadb)
        return {QStringLiteral("SET GLOBAL read_only=1")};
    return {QStringLiteral("SET GLOBAL read_only=1"), QStringLiteral("SET GLOBAL super_read_only=1")};
}

QString SqlDialect::receivedColumn() const
{
    return m_mariadb ? QStringLiteral("Gtid_IO_Pos") : QStringLiteral("Retrieved_Gtid_Set");
}

} // namespace Topograph
