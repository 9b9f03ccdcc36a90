#include "sqldialect.h"

#include "mysql/connection.h"

namespace Topograph {

SqlDialect::SqlDialect(const InstanceFacts &facts)
    : m_mariadb(facts.flavor == Flavor::MariaDB)
    // 8.0.22 introduced REPLICA/SOURCE; versionNumber() is major*100+minor, so 800 covers 8.0.x
    // and we use the old, still accepted, syntax for every 8.0.
    , m_newSyntax(!m_mariadb && facts.versionNumber() > 800)
    , m_version(facts.versionNumber())
{}

QString channelFrom(const InstanceFacts &f, const InstanceKey &source)
{
    for (const ReplicationChannel &c : f.channels)
        if (c.source == source)
            return c.name;
    const ReplicationChannel *p = f.primaryChannel();
    return p ? p->name : QString();
}

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

QString SqlDialect::startIoThread(const QString &channel) const
{
    if (m_mariadb)
        return QStringLiteral("START SLAVE") + named(channel, true) + QStringLiteral(" IO_THREAD");
    return (m_newSyntax ? QStringLiteral("START REPLICA IO_THREAD") : QStringLiteral("START SLAVE IO_THREAD"))
           + named(channel, false);
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

QString SqlDialect::changeSource(const InstanceKey &source, const QString &channel, const QString &userSql,
                                 const QString &passwordSql, bool demote) const
{
    QString statement = changeSource(source, channel);
    QString extra;
    const QString prefix = m_newSyntax ? QStringLiteral("SOURCE") : QStringLiteral("MASTER");
    if (!userSql.isEmpty())
        extra += QStringLiteral(", %1_USER=%2").arg(prefix, userSql);
    if (!passwordSql.isEmpty())
        extra += QStringLiteral(", %1_PASSWORD=%2").arg(prefix, passwordSql);
    if (demote && demotesInChangeSource())
        extra += QStringLiteral(", MASTER_DEMOTE_TO_SLAVE=1");
    if (m_mariadb)
        return statement + extra;
    // MySQL: the channel clause closes the statement
    const int at = statement.indexOf(QStringLiteral(" FOR CHANNEL "));
    return at < 0 ? statement + extra : statement.left(at) + extra + statement.mid(at);
}

QStringList SqlDialect::prepareDemote(bool demote) const
{
    if (!demote || !m_mariadb || demotesInChangeSource())
        return {};
    return {QStringLiteral("SET GLOBAL gtid_slave_pos = @@gtid_binlog_pos")};
}

QString SqlDialect::detachSource(const InstanceKey &source, const QString &channel) const
{
    const QString host = Connection::quoteString(QStringLiteral("//") + source.host());
    if (m_mariadb)
        return QStringLiteral("CHANGE MASTER%1 TO MASTER_HOST=%2").arg(named(channel, true), host);
    return (m_newSyntax ? QStringLiteral("CHANGE REPLICATION SOURCE TO SOURCE_HOST=%1%2")
                        : QStringLiteral("CHANGE MASTER TO MASTER_HOST=%1%2"))
        .arg(host, named(channel, false));
}

QString SqlDialect::reattachSource(const InstanceKey &source, const QString &channel) const
{
    QString host = source.host();
    if (host.startsWith(QLatin1String("//")))
        host = host.mid(2);
    const QString quoted = Connection::quoteString(host);
    if (m_mariadb)
        return QStringLiteral("CHANGE MASTER%1 TO MASTER_HOST=%2").arg(named(channel, true), quoted);
    return (m_newSyntax ? QStringLiteral("CHANGE REPLICATION SOURCE TO SOURCE_HOST=%1%2")
                        : QStringLiteral("CHANGE MASTER TO MASTER_HOST=%1%2"))
        .arg(quoted, named(channel, false));
}

QString SqlDialect::executedPositionQuery() const
{
    return m_mariadb ? QStringLiteral("SELECT @@GLOBAL.gtid_current_pos AS pos")
                     : QStringLiteral("SELECT @@GLOBAL.gtid_executed AS pos");
}

// MySQL spellings below (CHANGE REPLICATION SOURCE ... SOURCE_LOG_FILE, START REPLICA UNTIL
// SOURCE_LOG_FILE, SHOW BINARY LOG STATUS) follow the MySQL 8 manual and are not exercised here:
// the test sandbox is MariaDB only.
QString SqlDialect::changeSourceAt(const InstanceKey &source, const QString &channel, const QString &fileSql,
                                   const QString &posSql) const
{
    const QString host = Connection::quoteString(source.host());
    if (m_mariadb)
        return QStringLiteral("CHANGE MASTER%1 TO MASTER_HOST=%2, MASTER_PORT=%3, MASTER_LOG_FILE=%4, "
                              "MASTER_LOG_POS=%5, MASTER_USE_GTID=no")
            .arg(named(channel, true), host)
            .arg(source.port())
            .arg(fileSql, posSql);
    if (m_newSyntax)
        return QStringLiteral("CHANGE REPLICATION SOURCE TO SOURCE_HOST=%1, SOURCE_PORT=%2, SOURCE_LOG_FILE=%3, "
                              "SOURCE_LOG_POS=%4, SOURCE_AUTO_POSITION=0%5")
            .arg(host)
            .arg(source.port())
            .arg(fileSql, posSql, named(channel, false));
    return QStringLiteral("CHANGE MASTER TO MASTER_HOST=%1, MASTER_PORT=%2, MASTER_LOG_FILE=%3, "
                          "MASTER_LOG_POS=%4, MASTER_AUTO_POSITION=0%5")
        .arg(host)
        .arg(source.port())
        .arg(fileSql, posSql, named(channel, false));
}

QString SqlDialect::startReplicationUntil(const QString &channel, const QString &fileSql, const QString &posSql) const
{
    if (m_mariadb)
        return QStringLiteral("START SLAVE%1 UNTIL MASTER_LOG_FILE=%2, MASTER_LOG_POS=%3")
            .arg(named(channel, true), fileSql, posSql);
    if (m_newSyntax)
        return QStringLiteral("START REPLICA UNTIL SOURCE_LOG_FILE=%1, SOURCE_LOG_POS=%2%3")
            .arg(fileSql, posSql, named(channel, false));
    return QStringLiteral("START SLAVE UNTIL MASTER_LOG_FILE=%1, MASTER_LOG_POS=%2%3")
        .arg(fileSql, posSql, named(channel, false));
}

QString SqlDialect::binlogEndQuery() const
{
    // MySQL 8.2 renamed it (and 8.4 removed the old name); MariaDB keeps SHOW MASTER STATUS.
    return !m_mariadb && m_version >= 802 ? QStringLiteral("SHOW BINARY LOG STATUS")
                                          : QStringLiteral("SHOW MASTER STATUS");
}

} // namespace Topograph
