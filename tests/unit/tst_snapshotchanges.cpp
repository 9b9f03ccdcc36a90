// What `watch` prints between two snapshots: appeared, vanished, unreachable/reachable,
// replication started/stopped, source changed, read_only changed; and nothing for stale facts.
#include "discovery/snapshotchanges.h"

#include <QTest>

using namespace Topograph;

namespace {

// "a b<a c<b": instances; flags after the name: ! unreachable, w writable, s replication stopped.
TopologySnapshotPtr fixture(const QString &spec)
{
    TopologySnapshot::Input in;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString name = item.section(QLatin1Char('<'), 0, 0);
        InstanceFacts f;
        f.key = InstanceKey(QStringLiteral("h"), name.at(0).unicode() - 'a' + 1);
        f.reachable = !name.contains(QLatin1Char('!'));
        f.lastError = f.reachable ? ProbeError::None : ProbeError::Unreachable;
        f.lastErrorText = f.reachable ? QString() : QStringLiteral("connection refused");
        f.readOnly = !name.contains(QLatin1Char('w'));
        const QString source = item.section(QLatin1Char('<'), 1);
        if (!source.isEmpty()) {
            ReplicationChannel c;
            c.source = InstanceKey(QStringLiteral("h"), source.at(0).unicode() - 'a' + 1);
            const bool stopped = name.contains(QLatin1Char('s'));
            c.ioThread = c.sqlThread = stopped ? ThreadState::Stopped : ThreadState::Running;
            f.channels.append(c);
        }
        in.instances.append(f);
    }
    return TopologySnapshot::build(in);
}

} // namespace

class tst_SnapshotChanges : public QObject
{
    Q_OBJECT
private slots:
    void changes_data();
    void changes();
    void firstSnapshotHasNoChanges();
};

void tst_SnapshotChanges::changes_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected"); // "kind h:port"

    QTest::newRow("nothing changed") << "aw b<a" << "aw b<a" << QStringList{};
    QTest::newRow("replica appeared") << "aw b<a" << "aw b<a c<a" << QStringList{"appeared h:3"};
    QTest::newRow("instance vanished") << "aw b<a c<a" << "aw b<a" << QStringList{"vanished h:3"};
    QTest::newRow("master unreachable") << "aw b<a" << "a!w b<a" << QStringList{"unreachable h:1"};
    QTest::newRow("master back") << "a!w b<a" << "aw b<a" << QStringList{"reachable h:1"};
    QTest::newRow("replication stopped") << "aw b<a" << "aw bs<a" << QStringList{"replication-stopped h:2"};
    QTest::newRow("replication started") << "aw bs<a" << "aw b<a" << QStringList{"replication-started h:2"};
    QTest::newRow("source changed") << "aw b<a c<a" << "aw b<a c<b" << QStringList{"source-changed h:3"};
    QTest::newRow("promoted: source gone, writable")
        << "aw b<a" << "aw bw" << QStringList{"read-only-changed h:2", "source-changed h:2"};
    QTest::newRow("read_only set on the master") << "aw b<a" << "a b<a" << QStringList{"read-only-changed h:1"};
    QTest::newRow("unreachable replica's stale facts are not compared")
        << "aw b!<a" << "aw b!s<a" << QStringList{};
}

void tst_SnapshotChanges::changes()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const auto b = fixture(before);
    const auto a = fixture(after);
    QStringList got;
    for (const TopologyChange &c : topologyChanges(b.get(), *a)) {
        got << topologyChangeKindName(c.kind) + QLatin1Char(' ') + c.instance.toString();
        QVERIFY2(c.text.startsWith(c.instance.toString() + QLatin1Char(' ')), qPrintable(c.text));
    }
    QTEST(got, "expected");
}

void tst_SnapshotChanges::firstSnapshotHasNoChanges()
{
    QVERIFY(topologyChanges(nullptr, *fixture(QStringLiteral("aw b<a"))).isEmpty());
    const auto changes = topologyChanges(fixture(QStringLiteral("aw b<a")).get(), *fixture(QStringLiteral("a!w b<a")));
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.first().text.contains(QLatin1String("connection refused")));
}

QTEST_GUILESS_MAIN(tst_SnapshotChanges)
#include "tst_snapshotchanges.moc"
