#pragma once

#include "model/instancefacts.h"
#include "mysql/resultset.h"

#include <QHash>
#include <QStringList>

namespace Topograph::ProbeParsers {

// Each function turns the result of one statement into facts, reading columns by name (MySQL 8
// renamed most of them: Source_Host for Master_Host, Replica_IO_Running for Slave_IO_Running...,
// and both spellings are accepted everywhere). They are pure so that they are tested on hand-made
// rows; Probe runs the statements and calls them.

// Variable name (lower case) -> value; NULL values are left out.
using Variables = QHash<QString, QString>;

// Every variable a probe may read, across flavours and versions. A server lacks some of them
// (MySQL has no gtid_current_pos, MariaDB no super_read_only, an unloaded semi-sync plugin has no
// rpl_semi_sync_*), which is why the first probe asks SHOW GLOBAL VARIABLES for the ones that
// exist and later probes SELECT exactly those.
QStringList candidateVariables();
// Status counters read on each probe (absent semi-sync plugin: simply not in the result).
QStringList candidateStatus();

// SHOW GLOBAL VARIABLES / SHOW GLOBAL STATUS: rows of Variable_name, Value.
Variables nameValueRows(const ResultSet &result);
// SELECT @@global.x AS x, ...: one row whose column names are the variable names.
Variables singleRow(const ResultSet &result);
// "a=1,b=2" (GROUP_CONCAT of information_schema.GLOBAL_STATUS), names lower-cased.
Variables pairList(const QString &text);

Flavor detectFlavor(const QString &version, const QString &versionComment);
// Fills identity, version, writeability, binlog, GTID and semi-sync settings.
void applyVariables(const Variables &variables, InstanceFacts &facts);
// Fills uptime and the semi-sync status counters.
void applyStatus(const Variables &status, InstanceFacts &facts);

// SHOW MASTER STATUS / SHOW BINARY LOG STATUS; invalid coordinates when binary logging is off.
BinlogCoordinates masterStatus(const ResultSet &result);
// SHOW SLAVE STATUS, SHOW REPLICA STATUS or SHOW ALL SLAVES STATUS: one channel per row.
QList<ReplicationChannel> replicaStatus(const ResultSet &result);
ReplicationChannel replicationChannel(const Row &row);

// SHOW SLAVE HOSTS / SHOW REPLICAS: replicas that registered a report_host. Rows without a host
// are counted in *unnamed (their address is only in the processlist). So are rows whose host is
// not a host name (';', '=', '://', control characters, > 255 characters...): they are never a
// key, and *rejected gets each as "host:port" escaped for display, for a warning.
QList<InstanceKey> replicaHosts(const ResultSet &result, int *unnamed = nullptr,
                                QStringList *rejected = nullptr);
// information_schema.PROCESSLIST rows (column HOST, "ip:port" of the client) of binlog dump
// threads -> the client hosts.
QStringList binlogDumpHosts(const ResultSet &result);
// Replicas named by SHOW SLAVE HOSTS, plus those only the processlist knows: a dump thread whose
// client host matches no named replica. The processlist gives no listening port, so such a replica
// is assumed to listen on ownPort (what orchestrator assumes too). *usedProcesslist says whether
// any key came from there.
QList<InstanceKey> mergeReplicaKeys(const QList<InstanceKey> &named, int dumpThreads,
                                    const QStringList &dumpHosts, int ownPort,
                                    bool *usedProcesslist = nullptr);

// "ON"/"1"/"YES" -> true. Servers spell booleans differently per variable.
bool isOn(const QString &value);

} // namespace Topograph::ProbeParsers
