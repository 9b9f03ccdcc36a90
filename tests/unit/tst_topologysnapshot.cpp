#include "model/factsjson.h"
#include "model/topologysnapshot.h"

#include <QJsonDocument>
#include <QTest>

using namespace Topograph;

namespace {

// Compact fixture: "a" master; "b<a" b replicates from a; "b<a,c" b has a second connection to c.
// Hosts are h, ports 1.. by letter order; "!x" marks x unreachable, "*x" writable (others read_only).
TopologySnapshotPtr fixture(const QString &spec)
{
    TopologySnapshot::Input in;
    for (QString item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        InstanceFacts f;
        f.reachable = true;
        bool writable = false;
        while (item.startsWith(QLatin1Char('!')) || item.startsWith(QLatin1Char('*'))) {
            if (item.startsWith(QLatin1Char('!')))
                f.reachable = false;
            else
                writable = true;
            item.remove(0, 1);
        }
        const QStringList parts = item.split(QLatin1Char('<'));
        auto keyOf = [](const QString &n) { return InstanceKey(QStringLiteral("h"), n.at(0).unicode() - 'a' + 1); };
        f.key = keyOf(parts.first());
        f.readOnly = !writable;
        if (parts.size() > 1) {
            const QStringList sources = parts.at(1).split(QLatin1Char(','));
            for (int i = 0; i < sources.size(); ++i) {
                ReplicationChannel c;
                c.name = i == 0 ? QString() : QStringLiteral("ch%1").arg(i);
                c.source = keyOf(sources.at(i));
                c.ioThread = c.sqlThread = ThreadState::Running;
                f.channels.append(c);
            }
        }
        in.instances.append(f);
    }
    return TopologySnapshot::build(in);
}

QString describe(const TopologySnapshot &s)
{
    // "h:1[h:1,h:2] h:5[...]" : each cluster's master and members; co-masters after '~'
    QStringList out;
    for (const ClusterInfo &c : s.clusters()) {
        QStringList members;
        for (const InstanceKey &k : c.members)
            members << QString::number(k.port());
        QString co;
        for (const InstanceKey &k : c.coMasters)
            co += QLatin1Char('~') + QString::number(k.port());
        out << QString::number(c.master.port()) + co + QLatin1Char('[') + members.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_TopologySnapshot : public QObject
{
    Q_OBJECT
private slots:
    void clusters_data();
    void clusters();
    void replicasAndDescendants();
    void multiSourceIsSecondaryLink();
    void clusterByAliasOrMember();
    void jsonRoundTrip();
    void jsonErrorsNameTheField_data();
    void jsonErrorsNameTheField();
    void downtimeExpires();
};

void tst_TopologySnapshot::clusters_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");

    QTest::newRow("single master") << "*a" << "1[1]";
    QTest::newRow("tree") << "*a b<a c<a d<c" << "1[1,2,3,4]";
    QTest::newRow("chain") << "*a b<a c<b d<c" << "1[1,2,3,4]";
    QTest::newRow("two clusters") << "*a b<a *e f<e" << "1[1,2] 5[5,6]";
    QTest::newRow("co-masters, writable side is master") << "a<b *b<a c<a" << "2~1[2,1,3]";
    QTest::newRow("co-masters, both read-only: lowest key") << "a<b b<a c<b" << "1~2[1,2,3]";
    QTest::newRow("co-masters, writable one unreachable") << "!*a<b b<a" << "2~1[2,1]";
    QTest::newRow("source never probed still groups its replicas") << "b<a c<a" << "1[2,3]";
    QTest::newRow("unreachable master keeps its tree") << "!a b<a c<b" << "1[1,2,3]";
    QTest::newRow("replica order is deterministic") << "*a d<a c<a b<a" << "1[1,2,3,4]";
}

void tst_TopologySnapshot::clusters()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    QCOMPARE(describe(*fixture(spec)), expected);
}

void tst_TopologySnapshot::replicasAndDescendants()
{
    const auto s = fixture(QStringLiteral("*a b<a c<a d<c e<d"));
    const InstanceKey a(QStringLiteral("h"), 1), c(QStringLiteral("h"), 3), d(QStringLiteral("h"), 4),
        e(QStringLiteral("h"), 5), b(QStringLiteral("h"), 2);
    QCOMPARE(s->replicasOf(a), (QList<InstanceKey>{b, c}));
    QVERIFY(s->isDescendantOf(e, a));
    QVERIFY(s->isDescendantOf(e, c));
    QVERIFY(!s->isDescendantOf(c, e));
    QVERIFY(!s->isDescendantOf(b, c));
    QVERIFY(!s->isDescendantOf(a, a));

    // a cycle must not loop
    const auto cyc = fixture(QStringLiteral("a<b b<a"));
    QVERIFY(cyc->isDescendantOf(InstanceKey(QStringLiteral("h"), 1), InstanceKey(QStringLiteral("h"), 2)));
    QVERIFY(!cyc->isDescendantOf(InstanceKey(QStringLiteral("h"), 1), InstanceKey(QStringLiteral("h"), 9)));
}

void tst_TopologySnapshot::multiSourceIsSecondaryLink()
{
    const auto s = fixture(QStringLiteral("*a *e c<a,e"));
    const InstanceKey a(QStringLiteral("h"), 1), c(QStringLiteral("h"), 3), e(QStringLiteral("h"), 5);
    QCOMPARE(s->replicasOf(a), QList<InstanceKey>{c});
    QCOMPARE(s->secondaryReplicasOf(e), QList<InstanceKey>{c});
    QCOMPARE(s->clusterOf(c)->name, a.toString());
    QCOMPARE(describe(*s), QStringLiteral("1[1,3] 5[5]"));
}

void tst_TopologySnapshot::clusterByAliasOrMember()
{
    TopologySnapshot::Input in;
    InstanceFacts m;
    m.key = InstanceKey(QStringLiteral("db1"), 3306);
    m.reachable = true;
    InstanceFacts r;
    r.key = InstanceKey(QStringLiteral("db2"), 3306);
    ReplicationChannel ch;
    ch.source = m.key;
    r.channels.append(ch);
    in.instances = {m, r};
    in.aliases.insert(QStringLiteral("db1:3306"), QStringLiteral("orders"));
    const auto s = TopologySnapshot::build(in);
    QVERIFY(s->cluster(QStringLiteral("orders")));
    QCOMPARE(s->cluster(QStringLiteral("orders"))->name, QStringLiteral("db1:3306"));
    QCOMPARE(s->cluster(QStringLiteral("db2:3306"))->alias, QStringLiteral("orders"));
    QVERIFY(!s->cluster(QStringLiteral("nosuch")));
}

void tst_TopologySnapshot::jsonRoundTrip()
{
    InstanceFacts f;
    f.key = InstanceKey(QStringLiteral("db2"), 3307);
    f.reachable = true;
    f.serverId = 7;
    f.version = QStringLiteral("10.11.6-MariaDB-log");
    f.flavor = Flavor::MariaDB;
    f.gtidCurrentPos = QStringLiteral("0-1-100,1-2-5");
    f.binlog = {QStringLiteral("binlog.000003"), 1234};
    f.lastSeen = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    ReplicationChannel c;
    c.source = InstanceKey(QStringLiteral("db1"), 3306);
    c.ioThread = ThreadState::Connecting;
    c.sqlThread = ThreadState::Running;
    c.lastIoErrno = 2003;
    c.secondsBehindMaster = std::nullopt;
    c.gtidIoPos = QStringLiteral("0-1-101");
    f.channels.append(c);
    f.replicaKeys = {InstanceKey(QStringLiteral("db3"), 3306)};

    const QJsonObject json = instanceFactsToJson(f);
    QString error;
    const auto back = instanceFactsFromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(instanceFactsToJson(*back), json);
    QVERIFY(back->channels.first().isFailingToConnect());
    QCOMPARE(back->versionNumber(), 1011);
}

void tst_TopologySnapshot::jsonErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("no key") << QByteArray(R"({"readOnly": true})") << "'key' is required";
    QTest::newRow("bad key") << QByteArray(R"({"key": "db1:99999"})") << "outside 1-65535";
    QTest::newRow("wrong type") << QByteArray(R"({"key": "db1:1", "readOnly": "yes"})") << "'readOnly' must be true or false";
    QTest::newRow("channel without source") << QByteArray(R"({"key": "db1:1", "channels": [{}]})") << "channels[0]: field 'source'";
    QTest::newRow("lag as text") << QByteArray(R"({"key": "db1:1", "channels": [{"source":"db0:1","secondsBehindMaster":"x"}]})") << "secondsBehindMaster";
}

void tst_TopologySnapshot::jsonErrorsNameTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorPart);
    QString error;
    QVERIFY(!instanceFactsFromJson(QJsonDocument::fromJson(json).object(), &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void tst_TopologySnapshot::downtimeExpires()
{
    TopologySnapshot::Input in;
    InstanceFacts f;
    f.key = InstanceKey(QStringLiteral("db1"), 1);
    in.instances = {f};
    in.takenAt = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
    in.downtimes.insert(f.key, {in.takenAt.addSecs(60), QStringLiteral("kernel upgrade"), QStringLiteral("dba")});
    QVERIFY(TopologySnapshot::build(in)->downtime(f.key));
    in.takenAt = in.takenAt.addSecs(61);
    QVERIFY(!TopologySnapshot::build(in)->downtime(f.key));
}

QTEST_APPLESS_MAIN(tst_TopologySnapshot)
#include "tst_topologysnapshot.moc"
