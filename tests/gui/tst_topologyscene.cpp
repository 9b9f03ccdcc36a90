// The scene model on synthetic snapshots: cards and parents, incremental updates that touch only
// what changed, selection and zoom kept, edge kinds, the Recover button.
#include "guitest.h"
#include "edgeitem.h"
#include "instanceitem.h"
#include "syntheticfleet.h"
#include "topologyscene.h"
#include "topologyview.h"

#include <QDir>
#include <QTest>

using Topograph::Test::saveArtifact;

using namespace Topograph;
using namespace Topograph::Gui;

class tst_TopologyScene : public QObject
{
    Q_OBJECT
private slots:
    void cardsAndParents_data();
    void cardsAndParents();
    void updatesOnlyWhatChanged();
    void movedCardsAnimateAndKeepSelectionAndZoom();
    void removedInstanceLosesCardAndEdges();
    void coMasterAndMultiSourceEdges();
    void recoverButtonOnDeadMaster();
    void cardContentCarriesStateInText();
};

static InstanceKey k(const char *host)
{
    return InstanceKey(QString::fromLatin1(host), 3306);
}

void tst_TopologyScene::cardsAndParents_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("master with two replicas") << "a>b,a>c";
    QTest::newRow("chain") << "a>b,b>c,c>d";
    QTest::newRow("intermediate master") << "a>b,a>c,c>d,c>e";
}

void tst_TopologyScene::cardsAndParents()
{
    QFETCH(QString, spec);
    const TopologySnapshotPtr s = Test::syntheticSnapshot(spec);
    TopologyScene scene;
    scene.apply(s, {}, s->clusters().first().name);
    QCOMPARE(scene.keys().size(), s->instances().size());
    for (const InstanceKey &key : s->instances().keys()) {
        QVERIFY(scene.itemFor(key));
        const auto source = s->instance(key)->sourceKey();
        QCOMPARE(scene.parentOf(key), source.value_or(InstanceKey()));
        if (source) // a replica sits right of its source
            QVERIFY(scene.itemFor(key)->x() > scene.itemFor(*source)->x());
    }
}

void tst_TopologyScene::updatesOnlyWhatChanged()
{
    TopologySnapshot::Input in;
    in.instances = Test::syntheticFleet(200, 200);
    TopologyScene scene;
    scene.setAnimated(false);
    auto s1 = TopologySnapshot::build(in);
    scene.apply(s1, {}, s1->clusters().first().name);
    QCOMPARE(scene.lastStats().created, 200);
    const InstanceItem *item = scene.itemFor(in.instances.at(50).key);

    scene.apply(TopologySnapshot::build(in), {}, s1->clusters().first().name);
    QCOMPARE(scene.lastStats().created, 0);
    QCOMPARE(scene.lastStats().changed, 0);
    QCOMPARE(scene.lastStats().moved, 0);
    QCOMPARE(scene.itemFor(in.instances.at(50).key), item); // same item: no rebuild

    for (int i = 20; i < 40; ++i)
        in.instances[i].channels[0].secondsBehindMaster = 30 + i;
    scene.apply(TopologySnapshot::build(in), {}, s1->clusters().first().name);
    QCOMPARE(scene.lastStats().changed, 20);
    QCOMPARE(scene.lastStats().created, 0);
    QVERIFY(scene.itemFor(in.instances.at(25).key)->content().replication.contains(QLatin1String("55 s")));
}

void tst_TopologyScene::movedCardsAnimateAndKeepSelectionAndZoom()
{
    TopologyScene scene;
    TopologyView view(&scene);
    view.resize(900, 600);
    auto s1 = Test::syntheticSnapshot(QStringLiteral("a>b,a>c,a>d"));
    scene.apply(s1, {}, s1->clusters().first().name);
    view.setZoom(0.8);
    scene.select(k("d"));
    const QPointF before = scene.itemFor(k("d"))->pos();
    // d moves under b: one column right.
    auto s2 = Test::syntheticSnapshot(QStringLiteral("a>b,a>c,b>d"), 2);
    scene.apply(s2, {}, s2->clusters().first().name);
    QCOMPARE(scene.lastStats().moved, 2); // d, and b (now centred over d)
    QCOMPARE(scene.itemFor(k("d"))->pos(), before); // not yet: it glides
    QTRY_COMPARE_WITH_TIMEOUT(scene.itemFor(k("d"))->x(), InstanceItem::Width + TopologyScene::ColumnGap * 1 + InstanceItem::Width + TopologyScene::ColumnGap, 1000);
    QCOMPARE(scene.parentOf(k("d")), k("b"));
    QCOMPARE(scene.selectedKey(), k("d"));
    QCOMPARE(view.zoom(), 0.8);
}

void tst_TopologyScene::removedInstanceLosesCardAndEdges()
{
    TopologyScene scene;
    auto s1 = Test::syntheticSnapshot(QStringLiteral("a>b,a>c"));
    scene.apply(s1, {}, s1->clusters().first().name);
    QCOMPARE(scene.edges().size(), 2);
    auto s2 = Test::syntheticSnapshot(QStringLiteral("a>b"), 2);
    scene.apply(s2, {}, s2->clusters().first().name);
    QCOMPARE(scene.lastStats().removed, 1);
    QVERIFY(!scene.itemFor(k("c")));
    QCOMPARE(scene.edges().size(), 1);
}

void tst_TopologyScene::coMasterAndMultiSourceEdges()
{
    TopologySnapshot::Input in;
    in.instances << Test::syntheticInstance(QStringLiteral("a"), QStringLiteral("b"))
                 << Test::syntheticInstance(QStringLiteral("b"), QStringLiteral("a"))
                 << Test::syntheticInstance(QStringLiteral("c"), QStringLiteral("a"))
                 << Test::syntheticInstance(QStringLiteral("d"), QStringLiteral("b"));
    in.instances[0].readOnly = false;
    ReplicationChannel second;
    second.name = QStringLiteral("from_b");
    second.source = k("b");
    second.ioThread = second.sqlThread = ThreadState::Stopped;
    in.instances[2].channels << second; // c also replicates from b: multi-source, not running
    const auto s = TopologySnapshot::build(in);
    TopologyScene scene;
    scene.apply(s, {}, s->clusters().first().name);
    QHash<int, int> kinds;
    for (EdgeItem *e : scene.edges()) {
        ++kinds[e->kind()];
        if (e->kind() == EdgeItem::MultiSource)
            QVERIFY(e->broken());
        if (e->kind() == EdgeItem::CoMaster) {
            QCOMPARE(e->source()->key(), k("a"));
            QCOMPARE(e->replica()->key(), k("b"));
        }
    }
    QCOMPARE(kinds.value(EdgeItem::CoMaster), 1);
    QCOMPARE(kinds.value(EdgeItem::MultiSource), 1);
    QCOMPARE(kinds.value(EdgeItem::Primary), 2);
    QCOMPARE(scene.itemFor(k("a"))->x(), scene.itemFor(k("b"))->x()); // side by side in column 0
    TopologyView view(&scene);
    view.resize(800, 500);
    view.show();
    saveArtifact(view, QStringLiteral("scene-comaster-multisource.png"));
}

void tst_TopologyScene::recoverButtonOnDeadMaster()
{
    TopologySnapshot::Input in;
    in.instances << Test::syntheticInstance(QStringLiteral("a")) << Test::syntheticInstance(QStringLiteral("b"), QStringLiteral("a"))
                 << Test::syntheticInstance(QStringLiteral("c"), QStringLiteral("a"));
    in.instances[0].reachable = false;
    in.instances[0].lastError = ProbeError::Unreachable;
    in.instances[0].lastErrorText = QStringLiteral("Connection refused");
    for (int i = 1; i < 3; ++i) {
        in.instances[i].channels[0].ioThread = ThreadState::Connecting;
        in.instances[i].channels[0].secondsBehindMaster.reset();
    }
    const auto s = TopologySnapshot::build(in);
    Analysis dead;
    dead.code = AnalysisCode::DeadMaster;
    dead.cluster = s->clusters().first().name;
    dead.instance = k("a");
    dead.severity = Severity::Critical;
    dead.actionable = true;
    dead.explanation = QStringLiteral("a:3306 is unreachable and its 2 replicas cannot connect to it");
    TopologyScene scene;
    scene.apply(s, {dead}, dead.cluster);
    InstanceItem *card = scene.itemFor(k("a"));
    QVERIFY(card->content().recoverable);
    QCOMPARE(card->content().recoverCode, QStringLiteral("DeadMaster"));
    QVERIFY(!card->recoverButtonRect().isEmpty());
    QVERIFY(scene.itemFor(k("b"))->recoverButtonRect().isEmpty());

    TopologyView view(&scene);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QList<QPair<InstanceKey, QString>> requests;
    connect(&scene, &TopologyScene::recoverRequested, this,
            [&](const InstanceKey &key, const QString &code) { requests << qMakePair(key, code); });
    const QPoint at = view.mapFromScene(card->mapToScene(card->recoverButtonRect().center()));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().first, k("a"));
    QCOMPARE(requests.first().second, QStringLiteral("DeadMaster"));
    saveArtifact(view, QStringLiteral("scene-deadmaster.png"));
}

void tst_TopologyScene::cardContentCarriesStateInText()
{
    auto s = Test::syntheticSnapshot(QStringLiteral("a>b"));
    const CardContent master = cardContent(*s, *s->instance(k("a")), {});
    QCOMPARE(master.role, QStringLiteral("master"));
    QVERIFY(master.details.contains(QLatin1String("writable")));
    QVERIFY(master.details.contains(QLatin1String("MariaDB GTID")));
    QCOMPARE(healthGlyph(master.state), QStringLiteral("\u2713"));
    const CardContent replica = cardContent(*s, *s->instance(k("b")), {});
    QCOMPARE(replica.role, QStringLiteral("replica"));
    QVERIFY(replica.details.contains(QLatin1String("read-only")));
    QVERIFY2(replica.replication.contains(QStringLiteral("IO \u2713  SQL \u2713  lag 0 s")), qPrintable(replica.replication));
}

QTEST_MAIN(tst_TopologyScene)
#include "tst_topologyscene.moc"
