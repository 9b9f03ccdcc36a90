#include "probeparsers.h"

#include <initializer_list>

namespace Topograph::ProbeParsers {

namespace {

// The first of several spellings that the row has (MySQL 8.0.22 renamed master->source,
// slave->replica; older servers and MariaDB keep the old names).
std::optional<QString> field(const Row &row, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        const QString name = QLatin1String(n);
        if (row.has(name))
            return row.value(name);
    }
    return std::nullopt;
}

QString fieldText(const Row &row, std::initializer_list<const char *> names)
{
    return field(row, names).value_or(QString());
}

std::optional<qint64> fieldInt(const Row &row, std::initializer_list<const char *> names)
{
    const auto v = field(row, names);
    if (!v)
        return std::nullopt;
    bool ok = false;
    const qint64 n = v->trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

// MySQL prints GTID sets with a newline after each comma; one spelling is easier to compare.
QString compactGtidSet(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        if (!c.isSpace())
            out.append(c);
    return out;
}

QString var(const Variables &v, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        const auto it = v.constFind(QLatin1String(n));
        if (it != v.cend())
            return it.value();
    }
    return QString();
}

bool hasVar(const Variables &v, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (v.contains(QLatin1String(n)))
            return true;
    return false;
}

qint64 varInt(const Variables &v, std::initializer_list<const char *> names, qint64 fallback = 0)
{
    bool ok = false;
    const qint64 n = var(v, names).trimmed().toLongLong(&ok);
    return ok ? n : fallback;
}

QString hostOfClient(const QString &clientAddress)
{
    // "10.0.0.7:51234", "::1:51234" or "localhost" (a socket client has no port)
    const int colon = clientAddress.lastIndexOf(QLatin1Char(':'));
    QString host = colon > 0 ? clientAddress.left(colon) : clientAddress;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host.trimmed().toLower();
}

} // namespace

QStringList candidateVariables()
{
    return {
        // every flavour
        QStringLiteral("server_id"), QStringLiteral("version"), QStringLiteral("version_comment"),
        QStringLiteral("hostname"), QStringLiteral("port"), QStringLiteral("read_only"),
        QStringLiteral("log_bin"), QStringLiteral("log_slave_updates"), QStringLiteral("log_replica_updates"),
        QStringLiteral("binlog_format"), QStringLiteral("slave_net_timeout"),
        QStringLiteral("replica_net_timeout"), QStringLiteral("report_host"), QStringLiteral("report_port"),
        // MySQL
        QStringLiteral("server_uuid"), QStringLiteral("super_read_only"), QStringLiteral("gtid_mode"),
        QStringLiteral("gtid_executed"), QStringLiteral("gtid_purged"),
        // MariaDB
        QStringLiteral("gtid_domain_id"), QStringLiteral("gtid_current_pos"),
        QStringLiteral("gtid_binlog_pos"), QStringLiteral("gtid_slave_pos"),
        QStringLiteral("gtid_strict_mode"),
        // semi-sync, both generations of names (MySQL 8.0.26 added the source/replica plugins)
        QStringLiteral("rpl_semi_sync_master_enabled"), QStringLiteral("rpl_semi_sync_slave_enabled"),
        QStringLiteral("rpl_semi_sync_master_timeout"),
        QStringLiteral("rpl_semi_sync_master_wait_for_slave_count"),
        QStringLiteral("rpl_semi_sync_source_enabled"), QStringLiteral("rpl_semi_sync_replica_enabled"),
        QStringLiteral("rpl_semi_sync_source_timeout"),
        QStringLiteral("rpl_semi_sync_source_wait_for_replica_count"),
    };
}

QStringList candidateStatus()
{
    return {
        QStringLiteral("uptime"), QStringLiteral("slaves_connected"),
        QStringLiteral("rpl_semi_sync_master_status"), QStringLiteral("rpl_semi_sync_slave_status"),
        QStringLiteral("rpl_semi_sync_master_clients"), QStringLiteral("rpl_semi_sync_master_wait_sessions"),
        QStringLiteral("rpl_semi_sync_source_status"), QStringLiteral("rpl_semi_sync_replica_status"),
        QStringLiteral("rpl_semi_sync_source_clients"), QStringLiteral("rpl_semi_sync_source_wait_sessions"),
    };
}

Variables nameValueRows(const ResultSet &result)
{
    Variables out;
    for (const Row &row : result.rows()) {
        const QString name = row.text(QStringLiteral("Variable_name")).toLower();
        const auto value = row.value(QStringLiteral("Value"));
        if (!name.isEmpty() && value)
            out.insert(name, *value);
    }
    return out;
}

Variables singleRow(const ResultSet &result)
{
    Variables out;
    if (result.isEmpty())
        return out;
    const Row row = result.first();
    for (const QString &column : result.columns()) {
        const auto value = row.value(column);
        if (value)
            out.insert(column.toLower(), *value);
    }
    return out;
}

Variables pairList(const QString &text)
{
    Variables out;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int eq = item.indexOf(QLatin1Char('='));
        if (eq > 0)
            out.insert(item.left(eq).trimmed().toLower(), item.mid(eq + 1).trimmed());
    }
    return out;
}

bool isOn(const QString &value)
{
    const QString v = value.trimmed();
    return v == QLatin1String("1") || v.compare(QLatin1String("ON"), Qt::CaseInsensitive) == 0
           || v.compare(QLatin1String("YES"), Qt::CaseInsensitive) == 0
           || v.compare(QLatin1String("TRUE"), Qt::CaseInsensitive) == 0;
}

Flavor detectFlavor(const QString &version, const QString &versionComment)
{
    if (version.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive)
        || versionComment.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive))
        return Flavor::MariaDB;
    if (versionComment.contains(QLatin1String("Percona"), Qt::CaseInsensitive)
        || version.contains(QLatin1String("percona"), Qt::CaseInsensitive))
        return Flavor::Percona;
    if (version.isEmpty())
        return Flavor::Unknown;
    return Flavor::MySQL;
}

void applyVariables(const Variables &v, InstanceFacts &f)
{
    f.serverId = quint32(varInt(v, {"server_id"}));
    f.version = var(v, {"version"});
    f.versionComment = var(v, {"version_comment"});
    f.flavor = detectFlavor(f.version, f.versionComment);
    f.hostname = var(v, {"hostname"});
    f.serverUuid = var(v, {"server_uuid"});
    f.gtidDomainId = quint32(varInt(v, {"gtid_domain_id"}));

    f.readOnly = isOn(var(v, {"read_only"}));
    f.superReadOnly = isOn(var(v, {"super_read_only"}));
    f.logBin = isOn(var(v, {"log_bin"}));
    f.logReplicaUpdates = isOn(var(v, {"log_replica_updates", "log_slave_updates"}));
    f.binlogFormat = var(v, {"binlog_format"}).toUpper();
    f.slaveNetTimeout = int(varInt(v, {"replica_net_timeout", "slave_net_timeout"}));

    f.gtidMode = var(v, {"gtid_mode"}).toUpper();
    f.gtidExecuted = compactGtidSet(var(v, {"gtid_executed"}));
    f.gtidPurged = compactGtidSet(var(v, {"gtid_purged"}));
    f.gtidCurrentPos = var(v, {"gtid_current_pos"});
    f.gtidBinlogPos = var(v, {"gtid_binlog_pos"});
    f.gtidSlavePos = var(v, {"gtid_slave_pos"});
    f.gtidStrictMode = isOn(var(v, {"gtid_strict_mode"}));

    // A semi-sync variable exists only while its plugin is loaded (built in since MariaDB 10.3).
    SemiSyncState &s = f.semiSync;
    s.sourcePluginLoaded = hasVar(v, {"rpl_semi_sync_source_enabled", "rpl_semi_sync_master_enabled"});
    s.replicaPluginLoaded = hasVar(v, {"rpl_semi_sync_replica_enabled", "rpl_semi_sync_slave_enabled"});
    s.sourceEnabled = isOn(var(v, {"rpl_semi_sync_source_enabled", "rpl_semi_sync_master_enabled"}));
    s.replicaEnabled = isOn(var(v, {"rpl_semi_sync_replica_enabled", "rpl_semi_sync_slave_enabled"}));
    s.timeoutMs = varInt(v, {"rpl_semi_sync_source_timeout", "rpl_semi_sync_master_timeout"});
    // MariaDB has no such setting: it always waits for one acknowledgement.
    s.waitForReplicaCount = int(varInt(v, {"rpl_semi_sync_source_wait_for_replica_count",
                                           "rpl_semi_sync_master_wait_for_slave_count"}, 1));
}

void applyStatus(const Variables &st, InstanceFacts &f)
{
    f.uptimeSeconds = varInt(st, {"uptime"});
    SemiSyncState &s = f.semiSync;
    s.sourceActive = isOn(var(st, {"rpl_semi_sync_source_status", "rpl_semi_sync_master_status"}));
    s.replicaActive = isOn(var(st, {"rpl_semi_sync_replica_status", "rpl_semi_sync_slave_status"}));
    s.sourceClients = int(varInt(st, {"rpl_semi_sync_source_clients", "rpl_semi_sync_master_clients"}));
    s.waitSessions = varInt(st, {"rpl_semi_sync_source_wait_sessions", "rpl_semi_sync_master_wait_sessions"});
}

BinlogCoordinates masterStatus(const ResultSet &result)
{
    BinlogCoordinates c;
    if (result.isEmpty())
        return c; // binary logging off
    const Row row = result.first();
    c.file = row.text(QStringLiteral("File"));
    c.position = row.integer(QStringLiteral("Position")).value_or(0);
    return c;
}

ReplicationChannel replicationChannel(const Row &row)
{
    ReplicationChannel c;
    c.name = fieldText(row, {"Connection_name", "Channel_Name"});
    const QString host = fieldText(row, {"Master_Host", "Source_Host"});
    const int port = int(fieldInt(row, {"Master_Port", "Source_Port"}).value_or(0));
    if (!host.isEmpty() && port > 0)
        c.source = InstanceKey(host, port);
    c.sourceUser = fieldText(row, {"Master_User", "Source_User"});
    c.ioThread = threadStateFromText(fieldText(row, {"Slave_IO_Running", "Replica_IO_Running"}));
    c.sqlThread = threadStateFromText(fieldText(row, {"Slave_SQL_Running", "Replica_SQL_Running"}));
    c.ioStateText = fieldText(row, {"Slave_IO_State", "Replica_IO_State"});
    c.lastIoErrno = int(fieldInt(row, {"Last_IO_Errno"}).value_or(0));
    c.lastIoError = fieldText(row, {"Last_IO_Error"});
    c.lastSqlErrno = int(fieldInt(row, {"Last_SQL_Errno"}).value_or(0));
    c.lastSqlError = fieldText(row, {"Last_SQL_Error"});
    // NULL means "not known" (a thread is stopped), which is not the same as 0.
    c.secondsBehindMaster = fieldInt(row, {"Seconds_Behind_Master", "Seconds_Behind_Source"});
    c.sqlDelay = fieldInt(row, {"SQL_Delay"}).value_or(0);
    c.usingGtid = fieldText(row, {"Using_Gtid"});
    c.autoPosition = fieldInt(row, {"Auto_Position"}).value_or(0) == 1;
    c.gtidIoPos = fieldText(row, {"Gtid_IO_Pos"});
    c.retrievedGtidSet = compactGtidSet(fieldText(row, {"Retrieved_Gtid_Set"}));
    c.executedGtidSet = compactGtidSet(fieldText(row, {"Executed_Gtid_Set"}));
    c.readSourceLog = {fieldText(row, {"Master_Log_File", "Source_Log_File"}),
                       fieldInt(row, {"Read_Master_Log_Pos", "Read_Source_Log_Pos"}).value_or(0)};
    c.execSourceLog = {fieldText(row, {"Relay_Master_Log_File", "Relay_Source_Log_File"}),
                       fieldInt(row, {"Exec_Master_Log_Pos", "Exec_Source_Log_Pos"}).value_or(0)};
    c.relayLog = {fieldText(row, {"Relay_Log_File"}), fieldInt(row, {"Relay_Log_Pos"}).value_or(0)};
    c.sslAllowed = isOn(fieldText(row, {"Master_SSL_Allowed", "Source_SSL_Allowed"}));
    return c;
}

QList<ReplicationChannel> replicaStatus(const ResultSet &result)
{
    QList<ReplicationChannel> out;
    for (const Row &row : result.rows())
        out.append(replicationChannel(row));
    return out;
}

QList<InstanceKey> replicaHosts(const ResultSet &result, int *unnamed, QStringList *rejected)
{
    QList<InstanceKey> out;
    int missing = 0;
    for (const Row &row : result.rows()) {
        const QString host = row.text(QStringLiteral("Host")).trimmed();
        const int port = int(row.integer(QStringLiteral("Port")).value_or(0));
        const InstanceKey key(host, port);
        if (host.isEmpty() || !key.isValid()) {
            ++missing;
            if (!host.isEmpty() && rejected)
                rejected->append(key.toString()); // toString() escapes an invalid host
            continue;
        }
        if (!out.contains(key))
            out.append(key);
    }
    if (unnamed)
        *unnamed = missing;
    return out;
}

QStringList binlogDumpHosts(const ResultSet &result)
{
    QStringList out;
    for (const Row &row : result.rows()) {
        const QString command = row.text(QStringLiteral("COMMAND"));
        if (row.has(QStringLiteral("COMMAND")) && !command.startsWith(QLatin1String("Binlog Dump")))
            continue;
        const QString host = hostOfClient(row.text(QStringLiteral("HOST")));
        if (!host.isEmpty())
            out.append(host);
    }
    return out;
}

QList<InstanceKey> mergeReplicaKeys(const QList<InstanceKey> &named, int dumpThreads,
                                    const QStringList &dumpHosts, int ownPort, bool *usedProcesslist)
{
    QList<InstanceKey> out = named;
    bool used = false;
    if (dumpThreads > named.size() && ownPort > 0) {
        for (const QString &host : dumpHosts) {
            bool known = false;
            for (const InstanceKey &k : named)
                known = known || k.host() == host;
            const InstanceKey key(host, ownPort);
            if (known || host == QLatin1String("localhost") || !key.isValid() || out.contains(key))
                continue;
            out.append(key);
            used = true;
        }
    }
    if (usedProcesslist)
        *usedProcesslist = used;
    return out;
}

} // namespace Topograph::ProbeParsers
