// topograph-cli's tree and summaries on snapshot fixtures: indentation under the source, the six
// summary fields, unreachable instances marked with why and since when, co-master cycles and
// multi-source replicas printed once each.
#include "topologyprinter.h"

#include "model/factsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Topograph;
using namespace Topograph::Cli;

namespace {

const QDateTime now = QDateTime(QDate(2026, 1, 31), QTime(12, 0, 0), Qt::UTC);

InstanceFacts node(int port, const QList<int> &sources = {})
{
    InstanceFacts f;
    f.key = InstanceKey(QStringLiteral("db"), port);
    f.reachable = true;
    f.version = QStringLiteral("10.11.6-MariaDB");
    f.flavor = Flavor::MariaDB;
    f.logBin = true;
    f.logReplicaUpdates = true;
    f.binlogFormat = QStringLiteral("ROW");
    f.readOnly = !sources.isEmpty();
    f.lastSeen = f.lastChecked = now;
    for (int i = 0; i < sources.size(); ++i) {
        ReplicationChannel c;
        c.name = i == 0 ? QString() : QStringLiteral("ch%1").arg(i);
        c.source = InstanceKey(QStringLiteral("db"), sources.at(i));
        c.ioThread = c.sqlThread = ThreadState::Running;
        c.secondsBehindMaster = 2;
        c.usingGtid = QStringLiteral("Slave_Pos");
        f.channels.append(c);
    }
    return f;
}

TopologySnapshotPtr snapshot(const QList<InstanceFacts> &instances)
{
    TopologySnapshot::Input in;
    in.instances = instances;
    in.takenAt = now;
    return TopologySnapshot::build(in);
}

} // namespace

class tst_TopologyPrinter : public QObject
{
    Q_OBJECT
private slots:
    void treeIndentsUnderTheSource();
    void summaryStates_data();
    void summaryStates();
    void unreachableIsMarkedWithReasonAndAge();
    void coMastersAndMultiSourcePrintedOnce();
    void clusterTableAndJson();
    void detailsListEveryFact();
};

void tst_TopologyPrinter::treeIndentsUnderTheSource()
{
    const auto s = snapshot({node(1), node(2, {1}), node(3, {1}), node(4, {3})});
    const QStringList lines = topologyTree(*s, s->clusters().first(), now);
    QCOMPARE(lines, (QStringList{
                        "db:1 [-,ok,10.11.6-MariaDB,rw,ROW,GTID]",
                        "+ db:2 [2s,ok,10.11.6-MariaDB,ro,ROW,GTID]",
                        "+ db:3 [2s,ok,10.11.6-MariaDB,ro,ROW,GTID]",
                        "  + db:4 [2s,ok,10.11.6-MariaDB,ro,ROW,GTID]",
                    }));
}

void tst_TopologyPrinter::summaryStates_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("replicating") << "" << "[2s,ok,10.11.6-MariaDB,ro,ROW,GTID]";
    QTest::newRow("stopped by a DBA") << "stopped" << "[null,nonreplicating,10.11.6-MariaDB,ro,ROW,GTID]";
    QTest::newRow("IO thread failing to connect") << "connecting" << "[null,io:Connecting(2003),10.11.6-MariaDB,ro,ROW,GTID]";
    QTest::newRow("SQL thread error") << "sqlerror" << "[null,sql:No(1062),10.11.6-MariaDB,ro,ROW,GTID]";
    QTest::newRow("file:pos replication") << "pos" << "[2s,ok,10.11.6-MariaDB,ro,ROW,pos]";
    QTest::newRow("writable replica, no binlog") << "rw-nobinlog" << "[2s,ok,10.11.6-MariaDB,rw,nobinlog,GTID]";
    QTest::newRow("access denied") << "denied" << "[2s,access-denied,10.11.6-MariaDB,ro,ROW,GTID]";
}

void tst_TopologyPrinter::summaryStates()
{
    QFETCH(QString, change);
    InstanceFacts f = node(2, {1});
    ReplicationChannel &c = f.channels.first();
    if (change == QLatin1String("stopped")) {
        c.ioThread = c.sqlThread = ThreadState::Stopped;
        c.secondsBehindMaster.reset();
    } else if (change == QLatin1String("connecting")) {
        c.ioThread = ThreadState::Connecting;
        c.lastIoErrno = 2003;
        c.secondsBehindMaster.reset();
    } else if (change == QLatin1String("sqlerror")) {
        c.sqlThread = ThreadState::Stopped;
        c.lastSqlErrno = 1062;
        c.secondsBehindMaster.reset();
    } else if (change == QLatin1String("pos")) {
        c.usingGtid = QStringLiteral("No");
    } else if (change == QLatin1String("rw-nobinlog")) {
        f.readOnly = false;
        f.logBin = false;
    } else if (change == QLatin1String("denied")) {
        f.lastError = ProbeError::AccessDenied;
    }
    QTEST(instanceSummary(f, true), "expected");
}

void tst_TopologyPrinter::unreachableIsMarkedWithReasonAndAge()
{
    InstanceFacts master = node(1);
    master.reachable = false;
    master.lastError = ProbeError::Unreachable;
    master.lastErrorText = QStringLiteral("cannot connect to db:1 (connection refused)");
    master.lastSeen = now.addSecs(-42);
    const auto s = snapshot({master, node(2, {1})});
    const QStringList lines = topologyTree(*s, s->clusters().first(), now);
    QCOMPARE(lines.first(), QStringLiteral("db:1 [-,UNREACHABLE,10.11.6-MariaDB,rw,ROW,GTID]  cannot connect to db:1 "
                                           "(connection refused) (last seen 42s ago)"));
    QCOMPARE(lines.size(), 2);
}

void tst_TopologyPrinter::coMastersAndMultiSourcePrintedOnce()
{
    // 1 and 2 replicate from each other (2 read-only); 3 replicates from 2 and also from 9.
    const auto s = snapshot({node(1, {2}), node(2, {1}), node(3, {2, 9}), node(9)});
    QCOMPARE(s->clusters().size(), 2);
    const ClusterInfo *c = s->cluster(QStringLiteral("db:1"));
    QVERIFY(c);
    const QStringList lines = topologyTree(*s, *c, now);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(1).startsWith(QLatin1String("+ db:2 ")) && lines.at(1).contains(QLatin1String("co-master of db:1")),
             qPrintable(lines.join('\n')));
    QVERIFY(lines.at(2).startsWith(QLatin1String("  + db:3 ")));
    QVERIFY(lines.at(2).contains(QLatin1String("also replicates from db:9 ('ch1', ok)")));
}

void tst_TopologyPrinter::clusterTableAndJson()
{
    InstanceFacts down = node(3, {1});
    down.reachable = false;
    const auto s = snapshot({node(1), node(2, {1}), down});
    const QStringList table = clusterTable(*s);
    QCOMPARE(table.size(), 2);
    QVERIFY(table.at(1).contains(QRegularExpression(QStringLiteral("^db:1\\s+-\\s+3\\s+1$"))));
    const QJsonObject o = clusterJson(*s, s->clusters().first());
    QCOMPARE(o.value(QStringLiteral("master")).toString(), QStringLiteral("db:1"));
    QCOMPARE(o.value(QStringLiteral("members")).toArray().size(), 3);
    QCOMPARE(o.value(QStringLiteral("unreachable")).toArray(), QJsonArray{QStringLiteral("db:3")});
}

void tst_TopologyPrinter::detailsListEveryFact()
{
    InstanceFacts f = node(2, {1});
    f.gtidCurrentPos = QStringLiteral("0-1-100");
    f.replicaKeys = {InstanceKey(QStringLiteral("db"), 4)};
    f.channels.first().secondsBehindMaster.reset();
    const QString text = instanceDetails(f, now).join(QLatin1Char('\n'));
    for (const char *expected : {"db:2", "flavor:", "MariaDB", "gtid_current_pos:", "0-1-100", "connection '' from db:1",
                                 "seconds behind master:", "NULL", "source plugin:", "not loaded", "db:4"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QCOMPARE(ageText(now.addSecs(-3), now), QStringLiteral("3s ago"));
    QCOMPARE(ageText(now.addSecs(-600), now), QStringLiteral("10 min ago"));
    QCOMPARE(ageText(QDateTime(), now), QStringLiteral("never"));
}

QTEST_GUILESS_MAIN(tst_TopologyPrinter)
#include "tst_topologyprinter.moc"
