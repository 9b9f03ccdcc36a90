#include "syntheticfleet.h"
#include "treelayout.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Topograph;
using namespace Topograph::Gui;

Q_DECLARE_METATYPE(Topograph::Gui::TreeLayoutInput)

class tst_TreeLayout : public QObject
{
    Q_OBJECT
private slots:
    void forest_data();
    void forest();
    void noOverlapAndParentsCentred_data();
    void noOverlapAndParentsCentred();
    void coMastersSideBySide();
    void cyclesAndSecondParentsPlacedOnce();
    void fiveThousandNodes_data();
    void fiveThousandNodes();
    void deterministic();
};

static TreeLayoutInput chain(int n)
{
    TreeLayoutInput in;
    in.children.resize(n);
    for (int i = 0; i + 1 < n; ++i)
        in.children[i] << i + 1;
    in.roots << 0;
    return in;
}

static TreeLayoutInput star(int leaves)
{
    TreeLayoutInput in;
    in.children.resize(leaves + 1);
    for (int i = 1; i <= leaves; ++i)
        in.children[0] << i;
    in.roots << 0;
    return in;
}

// A complete tree with the given fan-out and depth.
static TreeLayoutInput complete(int fanOut, int depth)
{
    TreeLayoutInput in;
    in.children.resize(1);
    in.roots << 0;
    QList<int> level{0};
    for (int d = 0; d < depth; ++d) {
        QList<int> next;
        for (int p : level)
            for (int k = 0; k < fanOut; ++k) {
                const int id = int(in.children.size());
                in.children.resize(id + 1);
                in.children[p] << id;
                next << id;
            }
        level = next;
    }
    return in;
}

void tst_TreeLayout::forest_data()
{
    QTest::addColumn<TreeLayoutInput>("input");
    QTest::addColumn<QList<int>>("depths");
    QTest::addColumn<QList<double>>("rows");
    QTest::newRow("single node") << chain(1) << QList<int>{0} << QList<double>{0};
    QTest::newRow("chain of four stays on one row") << chain(4) << QList<int>{0, 1, 2, 3} << QList<double>{0, 0, 0, 0};
    QTest::newRow("master with three replicas, centred") << star(3) << QList<int>{0, 1, 1, 1}
                                                         << QList<double>{1, 0, 1, 2};
    TreeLayoutInput two;
    two.children = {{1}, {}, {3, 4}, {}, {}};
    two.roots = {0, 2};
    QTest::newRow("two trees one after the other") << two << QList<int>{0, 1, 0, 1, 1}
                                                   << QList<double>{0, 0, 1.5, 1, 2};
    TreeLayoutInput order;
    order.children = {{2, 1}, {}, {}};
    order.roots = {0};
    QTest::newRow("sibling order as given") << order << QList<int>{0, 1, 1} << QList<double>{0.5, 1, 0};
}

void tst_TreeLayout::forest()
{
    QFETCH(TreeLayoutInput, input);
    QFETCH(QList<int>, depths);
    QFETCH(QList<double>, rows);
    const QList<TreePosition> p = TreeLayout::layout(input);
    QCOMPARE(p.size(), depths.size());
    for (int i = 0; i < p.size(); ++i) {
        QCOMPARE(p.at(i).depth, depths.at(i));
        QCOMPARE(p.at(i).row, rows.at(i));
    }
}

// Every node's subtree occupies its own band of rows: within a column no two nodes share a row,
// and a parent is centred between its first and last child.
static void checkTidy(const TreeLayoutInput &in, const QList<TreePosition> &p)
{
    QHash<int, QSet<double>> used;
    for (int i = 0; i < p.size(); ++i) {
        QVERIFY2(p.at(i).depth >= 0, qPrintable(QStringLiteral("node %1 not placed").arg(i)));
        QVERIFY2(!used[p.at(i).depth].contains(p.at(i).row),
                 qPrintable(QStringLiteral("node %1 overlaps at depth %2 row %3").arg(i).arg(p.at(i).depth).arg(p.at(i).row)));
        used[p.at(i).depth].insert(p.at(i).row);
        const QList<int> &kids = in.children.at(i);
        if (!kids.isEmpty()) {
            QCOMPARE(p.at(i).row, (p.at(kids.first()).row + p.at(kids.last()).row) / 2);
            for (int k : kids)
                QCOMPARE(p.at(k).depth, p.at(i).depth + 1);
        }
    }
}

void tst_TreeLayout::noOverlapAndParentsCentred_data()
{
    QTest::addColumn<TreeLayoutInput>("input");
    QTest::newRow("wide: 500 replicas of one master") << star(500);
    QTest::newRow("binary, depth 8") << complete(2, 8);
    QTest::newRow("fan-out 5, depth 4") << complete(5, 4);
    TreeLayoutInput uneven;
    uneven.children = {{1, 2, 3}, {4}, {}, {5, 6, 7}, {8}, {}, {}, {}, {}};
    uneven.roots = {0};
    QTest::newRow("uneven subtrees") << uneven;
}

void tst_TreeLayout::noOverlapAndParentsCentred()
{
    QFETCH(TreeLayoutInput, input);
    checkTidy(input, TreeLayout::layout(input));
}

void tst_TreeLayout::coMastersSideBySide()
{
    // a and b replicate from each other; c, d under a; e under b.
    TopologySnapshot::Input in;
    in.instances << Test::syntheticInstance(QStringLiteral("a"), QStringLiteral("b"))
                 << Test::syntheticInstance(QStringLiteral("b"), QStringLiteral("a"))
                 << Test::syntheticInstance(QStringLiteral("c"), QStringLiteral("a"))
                 << Test::syntheticInstance(QStringLiteral("d"), QStringLiteral("a"))
                 << Test::syntheticInstance(QStringLiteral("e"), QStringLiteral("b"));
    in.instances[0].readOnly = false; // a is the writable one: the master
    const TopologySnapshotPtr s = TopologySnapshot::build(in);
    QCOMPARE(s->clusters().size(), 1);
    const ClusterInfo &c = s->clusters().first();
    QCOMPARE(c.coMasters.size(), 1);
    const auto p = TreeLayout::layoutCluster(*s, c);
    const InstanceKey a(QStringLiteral("a"), 3306), b(QStringLiteral("b"), 3306);
    QCOMPARE(p.value(a).depth, 0);
    QCOMPARE(p.value(b).depth, 0);
    QVERIFY(p.value(a).row < p.value(b).row);
    // Nothing else in the first column between them.
    for (auto it = p.cbegin(); it != p.cend(); ++it)
        if (it.key() != a && it.key() != b)
            QCOMPARE(it.value().depth, 1);
    QCOMPARE(p.value(InstanceKey(QStringLiteral("e"), 3306)).row, p.value(b).row);
}

void tst_TreeLayout::cyclesAndSecondParentsPlacedOnce()
{
    TreeLayoutInput in;
    in.children = {{1, 2}, {2, 0}, {1}};
    in.roots = {0, 1, 2};
    const QList<TreePosition> p = TreeLayout::layout(in);
    QCOMPARE(p.at(0).depth, 0);
    QCOMPARE(p.at(1).depth, 1);
    QCOMPARE(p.at(2).depth, 2); // first reached through 1
    QCOMPARE(p.at(1).row, p.at(2).row);
}

void tst_TreeLayout::fiveThousandNodes_data()
{
    QTest::addColumn<TreeLayoutInput>("input");
    QTest::newRow("chain of 5,000 (no recursion)") << chain(5000);
    QTest::newRow("5,000 replicas of one master") << star(4999);
    QTest::newRow("fan-out 4, 5,461 nodes") << complete(4, 6);
}

void tst_TreeLayout::fiveThousandNodes()
{
    QFETCH(TreeLayoutInput, input);
    QElapsedTimer t;
    t.start();
    const QList<TreePosition> p = TreeLayout::layout(input);
    const qint64 ms = t.elapsed();
    checkTidy(input, p);
    qInfo("%lld nodes laid out in %lld ms", qlonglong(p.size()), ms);
    // bench_gui measures the layout; this bound only catches a quadratic slip (5,000^2 steps
    // would take seconds), with room for a busy 2-core machine.
    QVERIFY2(ms < 500, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

void tst_TreeLayout::deterministic()
{
    // The same fleet, given in another order, is laid out identically.
    QList<InstanceFacts> fleet = Test::syntheticFleet(300);
    TopologySnapshot::Input in1;
    in1.instances = fleet;
    std::mt19937 rng(42);
    std::shuffle(fleet.begin(), fleet.end(), rng);
    TopologySnapshot::Input in2;
    in2.instances = fleet;
    const auto s1 = TopologySnapshot::build(in1), s2 = TopologySnapshot::build(in2);
    QCOMPARE(s1->clusters().size(), 3);
    for (const ClusterInfo &c : s1->clusters()) {
        const ClusterInfo *c2 = s2->cluster(c.name);
        QVERIFY(c2);
        const auto p1 = TreeLayout::layoutCluster(*s1, c), p2 = TreeLayout::layoutCluster(*s2, *c2);
        QCOMPARE(p1.size(), 100);
        for (auto it = p1.cbegin(); it != p1.cend(); ++it) {
            QCOMPARE(p2.value(it.key()).depth, it.value().depth);
            QCOMPARE(p2.value(it.key()).row, it.value().row);
        }
    }
}

QTEST_GUILESS_MAIN(tst_TreeLayout)
#include "tst_treelayout.moc"
