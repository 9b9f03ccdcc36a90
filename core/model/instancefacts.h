#pragma once

#include "instancekey.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Topograph {

enum class Flavor { Unknown, MySQL, MariaDB, Percona };
QString flavorName(Flavor f);

// Slave_IO_Running / Slave_SQL_Running as the server reports them.
enum class ThreadState { Unknown, Running, Connecting, Stopped };
QString threadStateName(ThreadState s);
ThreadState threadStateFromText(const QString &yesNoConnecting);

// How a probe ended. AccessDenied and TooManyConnections mean the server is alive.
enum class ProbeError {
    None,
    Unreachable,        // connection refused, no route, host unknown
    Timeout,            // connect/read timed out (a frozen server looks like this)
    AccessDenied,       // alive, but our credentials are refused
    TooManyConnections, // alive, but full
    Tls,                // TLS required/verification failed
    NotMySql,           // something answers, but not the MySQL protocol
    ServerError,        // alive, a statement failed
};
QString probeErrorName(ProbeError e);
inline bool probeErrorMeansAlive(ProbeError e)
{
    return e == ProbeError::None || e == ProbeError::AccessDenied
           || e == ProbeError::TooManyConnections || e == ProbeError::ServerError;
}

struct BinlogCoordinates
{
    QString file;
    qint64 position = 0;
    bool isValid() const { return !file.isEmpty(); }
    QString toString() const { return isValid() ? file + QLatin1Char(':') + QString::number(position) : QString(); }
    friend bool operator==(const BinlogCoordinates &, const BinlogCoordinates &) = default;
};

// One row of SHOW SLAVE STATUS (or SHOW ALL SLAVES STATUS on MariaDB: one per connection).
struct ReplicationChannel
{
    QString name; // MariaDB Connection_name / MySQL Channel_Name; "" = the default connection
    InstanceKey source; // Master_Host:Master_Port
    QString sourceUser;
    ThreadState ioThread = ThreadState::Unknown;
    ThreadState sqlThread = ThreadState::Unknown;
    QString ioStateText; // Slave_IO_State
    int lastIoErrno = 0;
    QString lastIoError;
    int lastSqlErrno = 0;
    QString lastSqlError;
    std::optional<qint64> secondsBehindMaster; // NULL when a thread is not running
    qint64 sqlDelay = 0;
    QString usingGtid;         // MariaDB: No / Slave_Pos / Current_Pos
    bool autoPosition = false; // MySQL Auto_Position=1
    QString gtidIoPos;         // MariaDB Gtid_IO_Pos: what was received
    QString retrievedGtidSet;  // MySQL
    QString executedGtidSet;   // MySQL
    BinlogCoordinates readSourceLog;  // Master_Log_File:Read_Master_Log_Pos (received)
    BinlogCoordinates execSourceLog;  // Relay_Master_Log_File:Exec_Master_Log_Pos (applied)
    BinlogCoordinates relayLog;       // Relay_Log_File:Relay_Log_Pos
    bool sslAllowed = false;

    bool isReplicating() const
    {
        return ioThread == ThreadState::Running && sqlThread == ThreadState::Running;
    }
    bool usesGtid() const
    {
        return autoPosition
               || (!usingGtid.isEmpty() && usingGtid.compare(QLatin1String("No"), Qt::CaseInsensitive) != 0);
    }
    // IO thread trying (and failing) to reach its source, SQL thread healthy: the replica's
    // vote that the source is gone. A DBA's STOP SLAVE (both threads stopped, no error) is not.
    bool isFailingToConnect() const;
};

struct SemiSyncState
{
    bool sourcePluginLoaded = false;
    bool replicaPluginLoaded = false;
    bool sourceEnabled = false;   // rpl_semi_sync_master_enabled
    bool replicaEnabled = false;  // rpl_semi_sync_slave_enabled
    bool sourceActive = false;    // Rpl_semi_sync_master_status
    bool replicaActive = false;   // Rpl_semi_sync_slave_status
    int sourceClients = 0;        // Rpl_semi_sync_master_clients
    int waitForReplicaCount = 1;  // MySQL rpl_semi_sync_master_wait_for_slave_count
    qint64 timeoutMs = 0;         // rpl_semi_sync_master_timeout
    qint64 waitSessions = 0;      // Rpl_semi_sync_master_wait_sessions
};

// Everything one probe learned about one server. For an instance that did not answer the last
// probe, the fields are the last known ones and reachable is false.
struct InstanceFacts
{
    InstanceKey key;

    // probe outcome
    bool reachable = false;
    ProbeError lastError = ProbeError::None;
    QString lastErrorText;
    QDateTime lastChecked; // UTC, when the last probe finished (success or not)
    QDateTime lastSeen;    // UTC, last successful probe
    qint64 probeMicros = 0;

    // identity and version
    quint32 serverId = 0;
    QString serverUuid; // MySQL
    quint32 gtidDomainId = 0; // MariaDB
    QString version;          // @@version
    QString versionComment;   // @@version_comment
    Flavor flavor = Flavor::Unknown;
    QString hostname; // @@hostname
    qint64 uptimeSeconds = 0;

    // writeability and binary logging
    bool readOnly = false;
    bool superReadOnly = false; // MySQL
    bool logBin = false;
    bool logReplicaUpdates = false; // log_slave_updates
    QString binlogFormat;
    int slaveNetTimeout = 0;
    BinlogCoordinates binlog; // SHOW MASTER STATUS

    // GTID
    QString gtidMode;     // MySQL: OFF/OFF_PERMISSIVE/ON_PERMISSIVE/ON; MariaDB: empty
    QString gtidExecuted; // MySQL
    QString gtidPurged;   // MySQL
    QString gtidCurrentPos; // MariaDB
    QString gtidBinlogPos;  // MariaDB
    QString gtidSlavePos;   // MariaDB
    bool gtidStrictMode = false;

    QList<ReplicationChannel> channels;
    SemiSyncState semiSync;

    // Replicas this server says it feeds (SHOW SLAVE HOSTS, else binlog dump threads).
    QList<InstanceKey> replicaKeys;
    bool replicaKeysFromProcesslist = false;
    // Replica names this server reported that are not host names (InstanceKey::hostProblem), as
    // "host:port" escaped for display (SafeText::line): shown as a warning about this server,
    // never connected to. Any account that can register a replica chooses them.
    QStringList rejectedReplicaNames;

    bool isReplica() const { return !channels.isEmpty(); }
    // The default connection, or the first one.
    const ReplicationChannel *primaryChannel() const;
    std::optional<InstanceKey> sourceKey() const;
    // Major.minor as a number, e.g. 1011 for 10.11.5, 800 for 8.0.36.
    int versionNumber() const;
    bool hasGtid() const; // GTID replication is possible (MySQL gtid_mode=ON, or MariaDB)
};

} // namespace Topograph
