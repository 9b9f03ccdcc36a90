// The probe's parsers on hand-made result sets: every statement's columns are read by name, in
// both the old (Master_/Slave_) and the MySQL 8.0.22+ (Source_/Replica_) spellings, in any order.
#include "discovery/probeparsers.h"

#include <QTest>

using namespace Topograph;
using namespace Topograph::ProbeParsers;

namespace {

using Cell = std::optional<QString>;
const Cell null = std::nullopt;

// Builds a result from "name=value" cells; "name=<NULL>" is SQL NULL.
ResultSet result(const QList<QStringList> &rows)
{
    QStringList columns;
    for (const QString &cell : rows.value(0))
        columns << cell.section(QLatin1Char('='), 0, 0);
    const auto shared = ResultSet::makeColumns(columns);
    QList<Row> out;
    for (const QStringList &r : rows) {
        QList<Cell> values;
        for (const QString &cell : r) {
            const QString v = cell.section(QLatin1Char('='), 1);
            values << (v == QLatin1String("<NULL>") ? null : Cell(v));
        }
        out << Row(shared, values);
    }
    return ResultSet(columns, out);
}

ResultSet nameValue(const QList<QPair<QString, QString>> &pairs)
{
    QList<QStringList> rows;
    for (const auto &p : pairs)
        rows << QStringList{QStringLiteral("Variable_name=") + p.first, QStringLiteral("Value=") + p.second};
    return result(rows);
}

const QStringList mariadbAllSlaves{
    "Connection_name=", "Slave_SQL_State=Slave has read all relay log", "Slave_IO_State=Waiting for master to send event",
    "Master_Host=10.0.0.1", "Master_User=repl", "Master_Port=3306", "Connect_Retry=1",
    "Master_Log_File=binlog.000007", "Read_Master_Log_Pos=4512", "Relay_Log_File=relay.000002",
    "Relay_Log_Pos=801", "Relay_Master_Log_File=binlog.000007", "Slave_IO_Running=Yes",
    "Slave_SQL_Running=Yes", "Last_Errno=0", "Last_Error=", "Exec_Master_Log_Pos=4500",
    "Seconds_Behind_Master=3", "Master_SSL_Allowed=No", "Last_IO_Errno=0", "Last_IO_Error=",
    "Last_SQL_Errno=0", "Last_SQL_Error=", "Master_Server_Id=1", "Using_Gtid=Slave_Pos",
    "Gtid_IO_Pos=0-1-42", "SQL_Delay=0", "Gtid_Slave_Pos=0-1-41"};

const QStringList mysql57SlaveStatus{
    "Slave_IO_State=Waiting for master to send event", "Master_Host=db-a.example", "Master_User=repl",
    "Master_Port=3307", "Master_Log_File=mysql-bin.000003", "Read_Master_Log_Pos=154",
    "Relay_Log_File=relay.000004", "Relay_Log_Pos=367", "Relay_Master_Log_File=mysql-bin.000003",
    "Slave_IO_Running=Yes", "Slave_SQL_Running=Yes", "Exec_Master_Log_Pos=154",
    "Seconds_Behind_Master=0", "Master_SSL_Allowed=Yes", "Last_IO_Errno=0", "Last_IO_Error=",
    "Last_SQL_Errno=0", "Last_SQL_Error=", "SQL_Delay=3600",
    "Retrieved_Gtid_Set=3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5",
    "Executed_Gtid_Set=3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n4e11fa47-71ca-11e1-9e33-c80aa9429562:1-2",
    "Auto_Position=1", "Channel_Name="};

// MySQL 8.0.22+ SHOW REPLICA STATUS: renamed columns, and another order.
const QStringList mysql8ReplicaStatus{
    "Channel_Name=eu", "Source_Port=3310", "Source_Host=db-eu.example", "Replica_IO_State=Connecting to source",
    "Source_User=repl8", "Source_Log_File=binlog.000010", "Read_Source_Log_Pos=900",
    "Relay_Log_File=relay-eu.000001", "Relay_Log_Pos=4", "Relay_Source_Log_File=binlog.000010",
    "Replica_IO_Running=Connecting", "Replica_SQL_Running=Yes", "Exec_Source_Log_Pos=880",
    "Seconds_Behind_Source=<NULL>", "Source_SSL_Allowed=No", "Last_IO_Errno=2003",
    "Last_IO_Error=error connecting to master 'repl8@db-eu.example:3310' - retry-time: 60 retries: 1",
    "Last_SQL_Errno=0", "Last_SQL_Error=", "SQL_Delay=0", "Auto_Position=0",
    "Retrieved_Gtid_Set=", "Executed_Gtid_Set="};

} // namespace

class tst_ProbeParsers : public QObject
{
    Q_OBJECT
private slots:
    void replicaStatus_data();
    void replicaStatus();
    void multiSourceKeepsEveryConnection();
    void stoppedSqlThreadGivesNullLag();
    void flavor_data();
    void flavor();
    void variablesMariaDB();
    void variablesMySQL8();
    void semiSync_data();
    void semiSync();
    void variablesFromSelectAndPairs();
    void masterStatus();
    void replicaHosts_data();
    void replicaHosts();
    void mergeReplicaKeys_data();
    void mergeReplicaKeys();
    void binlogDumpHosts();
};

void tst_ProbeParsers::replicaStatus_data()
{
    QTest::addColumn<QStringList>("row");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("io");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<qint64>("lag"); // -1 = NULL
    QTest::addColumn<bool>("gtid");
    QTest::addColumn<QString>("exec");
    QTest::addColumn<int>("ioErrno");
    QTest::addColumn<qint64>("delay");

    QTest::newRow("MariaDB SHOW ALL SLAVES STATUS")
        << mariadbAllSlaves << "" << "10.0.0.1:3306" << "Yes" << "Yes" << qint64(3) << true
        << "binlog.000007:4500" << 0 << qint64(0);
    QTest::newRow("MySQL 5.7 SHOW SLAVE STATUS")
        << mysql57SlaveStatus << "" << "db-a.example:3307" << "Yes" << "Yes" << qint64(0) << true
        << "mysql-bin.000003:154" << 0 << qint64(3600);
    QTest::newRow("MySQL 8 SHOW REPLICA STATUS, NULL lag, connecting")
        << mysql8ReplicaStatus << "eu" << "db-eu.example:3310" << "Connecting" << "Yes" << qint64(-1)
        << false << "binlog.000010:880" << 2003 << qint64(0);

    QStringList lower;
    for (const QString &cell : mariadbAllSlaves)
        lower << cell.section(QLatin1Char('='), 0, 0).toLower() + QLatin1Char('=') + cell.section(QLatin1Char('='), 1);
    QTest::newRow("lower-case column names (views)")
        << lower << "" << "10.0.0.1:3306" << "Yes" << "Yes" << qint64(3) << true
        << "binlog.000007:4500" << 0 << qint64(0);
    QStringList reversed = mariadbAllSlaves;
    std::reverse(reversed.begin(), reversed.end());
    QTest::newRow("columns in another order")
        << reversed << "" << "10.0.0.1:3306" << "Yes" << "Yes" << qint64(3) << true
        << "binlog.000007:4500" << 0 << qint64(0);
}

void tst_ProbeParsers::replicaStatus()
{
    QFETCH(QStringList, row);
    const QList<ReplicationChannel> channels = ProbeParsers::replicaStatus(result({row}));
    QCOMPARE(channels.size(), 1);
    const ReplicationChannel &c = channels.first();
    QTEST(c.name, "name");
    QTEST(c.source.toString(), "source");
    QTEST(threadStateName(c.ioThread), "io");
    QTEST(threadStateName(c.sqlThread), "sql");
    QFETCH(qint64, lag);
    QCOMPARE(c.secondsBehindMaster.has_value(), lag >= 0);
    if (lag >= 0)
        QCOMPARE(*c.secondsBehindMaster, lag);
    QTEST(c.usesGtid(), "gtid");
    QTEST(c.execSourceLog.toString(), "exec");
    QTEST(c.lastIoErrno, "ioErrno");
    QTEST(c.sqlDelay, "delay");
}

void tst_ProbeParsers::multiSourceKeepsEveryConnection()
{
    QStringList second = mariadbAllSlaves;
    second[0] = QStringLiteral("Connection_name=from_b");
    second[3] = QStringLiteral("Master_Host=10.0.0.2");
    second[24] = QStringLiteral("Using_Gtid=No");
    const auto channels = ProbeParsers::replicaStatus(result({mariadbAllSlaves, second}));
    QCOMPARE(channels.size(), 2);
    QCOMPARE(channels.at(0).name, QString());
    QCOMPARE(channels.at(1).name, QStringLiteral("from_b"));
    QCOMPARE(channels.at(1).source.toString(), QStringLiteral("10.0.0.2:3306"));
    QVERIFY(!channels.at(1).usesGtid());
    QCOMPARE(channels.at(0).gtidIoPos, QStringLiteral("0-1-42"));
    QCOMPARE(channels.at(0).readSourceLog.toString(), QStringLiteral("binlog.000007:4512"));
    QCOMPARE(channels.at(0).relayLog.toString(), QStringLiteral("relay.000002:801"));
    QCOMPARE(channels.at(0).ioStateText, QStringLiteral("Waiting for master to send event"));
    QCOMPARE(channels.at(0).sourceUser, QStringLiteral("repl"));
}

void tst_ProbeParsers::stoppedSqlThreadGivesNullLag()
{
    QStringList row = mysql57SlaveStatus;
    for (QString &cell : row) {
        if (cell.startsWith(QLatin1String("Slave_SQL_Running=")))
            cell = QStringLiteral("Slave_SQL_Running=No");
        if (cell.startsWith(QLatin1String("Seconds_Behind_Master=")))
            cell = QStringLiteral("Seconds_Behind_Master=<NULL>");
        if (cell.startsWith(QLatin1String("Last_SQL_Errno=")))
            cell = QStringLiteral("Last_SQL_Errno=1062");
        if (cell.startsWith(QLatin1String("Last_SQL_Error=")))
            cell = QStringLiteral("Last_SQL_Error=Duplicate entry '1' for key 'PRIMARY'");
    }
    const ReplicationChannel c = ProbeParsers::replicaStatus(result({row})).value(0);
    QVERIFY(!c.secondsBehindMaster.has_value()); // NULL is "unknown", never 0
    QCOMPARE(c.sqlThread, ThreadState::Stopped);
    QCOMPARE(c.lastSqlErrno, 1062);
    QVERIFY(c.lastSqlError.contains(QLatin1String("Duplicate entry")));
    QVERIFY(!c.isReplicating());
    // MySQL's multi-line GTID sets are kept in one spelling
    QCOMPARE(c.executedGtidSet, QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,"
                                               "4e11fa47-71ca-11e1-9e33-c80aa9429562:1-2"));
}

void tst_ProbeParsers::flavor_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<Flavor>("flavor");
    QTest::newRow("MariaDB 10.11") << "10.11.6-MariaDB-0+deb12u1-log" << "Debian 12" << Flavor::MariaDB;
    QTest::newRow("MariaDB only in the comment") << "10.6.16" << "MariaDB Server" << Flavor::MariaDB;
    QTest::newRow("Percona Server") << "8.0.35-27" << "Percona Server (GPL), Release 27" << Flavor::Percona;
    QTest::newRow("MySQL community") << "8.0.36" << "MySQL Community Server - GPL" << Flavor::MySQL;
    QTest::newRow("MySQL 5.7 log") << "5.7.44-log" << "MySQL Community Server (GPL)" << Flavor::MySQL;
    QTest::newRow("nothing known") << "" << "" << Flavor::Unknown;
}

void tst_ProbeParsers::flavor()
{
    QFETCH(QString, version);
    QFETCH(QString, comment);
    QTEST(detectFlavor(version, comment), "flavor");
}

void tst_ProbeParsers::variablesMariaDB()
{
    InstanceFacts f;
    applyVariables(nameValueRows(nameValue({
                       {"server_id", "20001"}, {"version", "10.11.6-MariaDB-log"},
                       {"version_comment", "Debian 12"}, {"hostname", "db1"}, {"read_only", "ON"},
                       {"log_bin", "ON"}, {"log_slave_updates", "ON"}, {"binlog_format", "ROW"},
                       {"slave_net_timeout", "4"}, {"gtid_domain_id", "2"}, {"gtid_current_pos", "0-20001-5,2-7-9"},
                       {"gtid_binlog_pos", "0-20001-5"}, {"gtid_slave_pos", "2-7-9"}, {"gtid_strict_mode", "ON"},
                       {"rpl_semi_sync_master_enabled", "OFF"}, {"rpl_semi_sync_slave_enabled", "OFF"},
                       {"rpl_semi_sync_master_timeout", "10000"}})),
                   f);
    QCOMPARE(f.flavor, Flavor::MariaDB);
    QCOMPARE(f.serverId, 20001u);
    QCOMPARE(f.gtidDomainId, 2u);
    QCOMPARE(f.hostname, QStringLiteral("db1"));
    QVERIFY(f.readOnly && f.logBin && f.logReplicaUpdates && f.gtidStrictMode);
    QVERIFY(!f.superReadOnly);
    QCOMPARE(f.binlogFormat, QStringLiteral("ROW"));
    QCOMPARE(f.slaveNetTimeout, 4);
    QCOMPARE(f.gtidCurrentPos, QStringLiteral("0-20001-5,2-7-9"));
    QCOMPARE(f.gtidSlavePos, QStringLiteral("2-7-9"));
    QVERIFY(f.gtidMode.isEmpty());
    QVERIFY(f.hasGtid());
    QCOMPARE(f.versionNumber(), 1011);
    QVERIFY(f.semiSync.sourcePluginLoaded);
    QCOMPARE(f.semiSync.waitForReplicaCount, 1); // MariaDB has no such setting
    QCOMPARE(f.semiSync.timeoutMs, qint64(10000));
}

void tst_ProbeParsers::variablesMySQL8()
{
    InstanceFacts f;
    // SELECT @@global.x spelling: numbers for booleans
    applyVariables(singleRow(result({{"server_id=7", "server_uuid=3e11fa47-71ca-11e1-9e33-c80aa9429562",
                                      "version=8.0.36", "version_comment=MySQL Community Server - GPL",
                                      "read_only=1", "super_read_only=1", "log_bin=1",
                                      "log_replica_updates=1", "binlog_format=row", "replica_net_timeout=60",
                                      "gtid_mode=ON", "gtid_executed=3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77,\n"
                                                      "aa-bb:1",
                                      "gtid_purged=<NULL>"}})),
                   f);
    QCOMPARE(f.flavor, Flavor::MySQL);
    QCOMPARE(f.serverUuid, QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562"));
    QVERIFY(f.readOnly && f.superReadOnly && f.logReplicaUpdates);
    QCOMPARE(f.binlogFormat, QStringLiteral("ROW"));
    QCOMPARE(f.slaveNetTimeout, 60);
    QCOMPARE(f.gtidExecuted, QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77,aa-bb:1"));
    QVERIFY(f.gtidPurged.isEmpty());
    QVERIFY(f.hasGtid());
    QVERIFY(!f.semiSync.sourcePluginLoaded); // no rpl_semi_sync_* at all: plugin not loaded
    QVERIFY(!f.semiSync.replicaPluginLoaded);
}

void tst_ProbeParsers::semiSync_data()
{
    QTest::addColumn<QStringList>("variables"); // name=value
    QTest::addColumn<QStringList>("status");
    QTest::addColumn<bool>("sourceLoaded");
    QTest::addColumn<bool>("sourceEnabled");
    QTest::addColumn<bool>("sourceActive");
    QTest::addColumn<int>("clients");
    QTest::addColumn<int>("waitFor");

    QTest::newRow("plugin absent: not loaded, not an error")
        << QStringList{"read_only=0"} << QStringList{"Uptime=100"} << false << false << false << 0 << 1;
    QTest::newRow("MariaDB built-in, off")
        << QStringList{"rpl_semi_sync_master_enabled=OFF", "rpl_semi_sync_slave_enabled=OFF"}
        << QStringList{"Rpl_semi_sync_master_status=OFF", "Rpl_semi_sync_master_clients=0"}
        << true << false << false << 0 << 1;
    QTest::newRow("MySQL 5.7 names, active with 2 clients")
        << QStringList{"rpl_semi_sync_master_enabled=ON", "rpl_semi_sync_master_wait_for_slave_count=2"}
        << QStringList{"Rpl_semi_sync_master_status=ON", "Rpl_semi_sync_master_clients=2"}
        << true << true << true << 2 << 2;
    QTest::newRow("MySQL 8.0.26 source/replica names")
        << QStringList{"rpl_semi_sync_source_enabled=ON", "rpl_semi_sync_source_wait_for_replica_count=1"}
        << QStringList{"Rpl_semi_sync_source_status=OFF", "Rpl_semi_sync_source_clients=0"}
        << true << true << false << 0 << 1;
}

void tst_ProbeParsers::semiSync()
{
    QFETCH(QStringList, variables);
    QFETCH(QStringList, status);
    auto toPairs = [](const QStringList &items) {
        QList<QPair<QString, QString>> out;
        for (const QString &i : items)
            out << qMakePair(i.section(QLatin1Char('='), 0, 0), i.section(QLatin1Char('='), 1));
        return out;
    };
    InstanceFacts f;
    applyVariables(nameValueRows(nameValue(toPairs(variables))), f);
    applyStatus(nameValueRows(nameValue(toPairs(status))), f);
    QTEST(f.semiSync.sourcePluginLoaded, "sourceLoaded");
    QTEST(f.semiSync.sourceEnabled, "sourceEnabled");
    QTEST(f.semiSync.sourceActive, "sourceActive");
    QTEST(f.semiSync.sourceClients, "clients");
    QTEST(f.semiSync.waitForReplicaCount, "waitFor");
}

void tst_ProbeParsers::variablesFromSelectAndPairs()
{
    const Variables v = singleRow(result({{"SERVER_ID=5", "gtid_slave_pos=<NULL>", "Topograph_Status=x"}}));
    QCOMPARE(v.value(QStringLiteral("server_id")), QStringLiteral("5"));
    QVERIFY(!v.contains(QStringLiteral("gtid_slave_pos"))); // NULL is left out
    QVERIFY(singleRow(ResultSet()).isEmpty());

    const Variables st = pairList(QStringLiteral("UPTIME=1234,RPL_SEMI_SYNC_MASTER_STATUS=ON,garbage,=x"));
    QCOMPARE(st.size(), 2);
    InstanceFacts f;
    applyStatus(st, f);
    QCOMPARE(f.uptimeSeconds, qint64(1234));
    QVERIFY(f.semiSync.sourceActive);
}

void tst_ProbeParsers::masterStatus()
{
    const BinlogCoordinates c = ProbeParsers::masterStatus(
        result({{"File=binlog.000012", "Position=98765", "Binlog_Do_DB=", "Binlog_Ignore_DB="}}));
    QCOMPARE(c.toString(), QStringLiteral("binlog.000012:98765"));
    // binary logging off: no row
    QVERIFY(!ProbeParsers::masterStatus(ResultSet(QStringList{"File", "Position"}, {})).isValid());
}

void tst_ProbeParsers::replicaHosts_data()
{
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<int>("unnamed");
    QTest::newRow("MariaDB SHOW SLAVE HOSTS")
        << QList<QStringList>{{"Server_id=2", "Host=10.0.0.2", "Port=3306", "Master_id=1"},
                              {"Server_id=3", "Host=DB3.example", "Port=3307", "Master_id=1"}}
        << QStringList{"10.0.0.2:3306", "db3.example:3307"} << 0;
    QTest::newRow("MySQL 8 SHOW REPLICAS")
        << QList<QStringList>{{"Server_Id=2", "Host=r1", "Port=3306", "Source_Id=1", "Replica_UUID=u"}}
        << QStringList{"r1:3306"} << 0;
    QTest::newRow("a replica without report_host")
        << QList<QStringList>{{"Server_id=2", "Host=", "Port=3306", "Master_id=1"},
                              {"Server_id=3", "Host=r3", "Port=3306", "Master_id=1"}}
        << QStringList{"r3:3306"} << 1;
    QTest::newRow("none") << QList<QStringList>{} << QStringList{} << 0;
}

void tst_ProbeParsers::replicaHosts()
{
    QFETCH(QList<QStringList>, rows);
    int unnamed = -1;
    QStringList keys;
    for (const InstanceKey &k : ProbeParsers::replicaHosts(result(rows), &unnamed))
        keys << k.toString();
    QTEST(keys, "keys");
    QTEST(unnamed, "unnamed");
}

void tst_ProbeParsers::mergeReplicaKeys_data()
{
    QTest::addColumn<QStringList>("named");
    QTest::addColumn<int>("dumpThreads");
    QTest::addColumn<QStringList>("dumpHosts");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("fromProcesslist");
    QTest::newRow("every replica named") << QStringList{"r1:3306"} << 1 << QStringList{} << QStringList{"r1:3306"} << false;
    QTest::newRow("one replica only in the processlist")
        << QStringList{"r1:3306"} << 2 << QStringList{"r1", "10.0.0.9"}
        << QStringList{"r1:3306", "10.0.0.9:3306"} << true;
    QTest::newRow("two unnamed replicas on one host count once")
        << QStringList{} << 2 << QStringList{"10.0.0.9", "10.0.0.9"} << QStringList{"10.0.0.9:3306"} << true;
    QTest::newRow("a socket client is not a replica")
        << QStringList{} << 1 << QStringList{"localhost"} << QStringList{} << false;
}

void tst_ProbeParsers::mergeReplicaKeys()
{
    QFETCH(QStringList, named);
    QFETCH(int, dumpThreads);
    QFETCH(QStringList, dumpHosts);
    QList<InstanceKey> keys;
    for (const QString &n : named)
        keys << *InstanceKey::parse(n);
    bool used = false;
    QStringList out;
    for (const InstanceKey &k : ProbeParsers::mergeReplicaKeys(keys, dumpThreads, dumpHosts, 3306, &used))
        out << k.toString();
    QTEST(out, "expected");
    QTEST(used, "fromProcesslist");
}

void tst_ProbeParsers::binlogDumpHosts()
{
    const QStringList hosts = ProbeParsers::binlogDumpHosts(result({{"HOST=10.0.0.7:51234", "COMMAND=Binlog Dump"},
                                                                    {"HOST=::1:40000", "COMMAND=Binlog Dump GTID"},
                                                                    {"HOST=10.0.0.8:1", "COMMAND=Query"}}));
    QCOMPARE(hosts, (QStringList{"10.0.0.7", "::1"}));
}

QTEST_GUILESS_MAIN(tst_ProbeParsers)
#include "tst_probeparsers.moc"
