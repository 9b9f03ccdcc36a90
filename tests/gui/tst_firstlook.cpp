// What a person sees first: the main window at its default size, a cluster's snapshot arriving.
// The whole tree is in the view (zoomed out no further than readable), a cluster too big for that
// shows its master, and no card's role label is cut off. Screenshots: firstlook-*.png.

#include "guitest.h"
#include "instanceitem.h"
#include "mainwindow.h"
#include "syntheticfleet.h"
#include "topologyscene.h"
#include "topologyview.h"

#include "engine/engine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using namespace Topograph::Gui;
using Topograph::Test::saveArtifact;

namespace {

// "a>b,a>c,c>d,c>e" as a sandbox names it: 127.0.0.1 and one port per node.
TopologySnapshotPtr sandboxLikeSnapshot(const QString &spec)
{
    TopologySnapshot::Input in;
    const TopologySnapshotPtr shape = Test::syntheticSnapshot(spec);
    auto renamed = [](const InstanceKey &k) {
        return InstanceKey(QStringLiteral("127.0.0.1"), 24700 + (k.host().at(0).unicode() - 'a'));
    };
    for (InstanceFacts f : shape->instances()) {
        f.key = renamed(f.key);
        for (ReplicationChannel &c : f.channels)
            c.source = renamed(c.source);
        f.version = QStringLiteral("10.11.19-MariaDB-0+deb12u1-log");
        in.instances << f;
    }
    in.sequence = 1;
    return TopologySnapshot::build(in);
}

QRect cardsInViewport(const TopologyView &view)
{
    QRectF scene;
    for (const InstanceKey &k : view.topologyScene()->keys())
        scene |= view.topologyScene()->itemFor(k)->sceneBoundingRect();
    return view.mapFromScene(scene).boundingRect();
}

} // namespace

class tst_FirstLook : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void fiveNodeTreeFitsAndRolesAreWhole();
    void hugeClusterStaysReadable();
    void roleLabelsAreNeverElided_data();
    void roleLabelsAreNeverElided();

private:
    // The window as it opens, given one snapshot by an engine that is not started.
    void show(const TopologySnapshotPtr &snapshot, const QString &artifact);
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
};

void tst_FirstLook::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test-%1").arg(QCoreApplication::applicationPid()));
    QVERIFY(m_dir.isValid());
}

void tst_FirstLook::cleanupTestCase()
{
    m_window.reset();
    m_engine.reset();
    Topograph::Test::removeTestSettings();
}

void tst_FirstLook::show(const TopologySnapshotPtr &snapshot, const QString &artifact)
{
    m_window.reset();
    m_engine.reset();
    Engine::Options o;
    o.storePath = m_dir.filePath(artifact + QStringLiteral(".sqlite"));
    m_engine = std::make_unique<Engine>(o);
    m_window = std::make_unique<MainWindow>();
    m_window->setEngine(m_engine.get(), o.storePath);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    emit m_engine->snapshotUpdated(snapshot);
    QTRY_VERIFY(!m_window->topologyScene()->keys().isEmpty());
    QTest::qWait(100); // the layout settles (docks, scroll bars)
    const QString shots = qEnvironmentVariable("TOPOGRAPH_TEST_ARTIFACTS", QDir::tempPath());
    m_window->grab().save(shots + QStringLiteral("/firstlook-%1.png").arg(artifact));
}

void tst_FirstLook::fiveNodeTreeFitsAndRolesAreWhole()
{
    show(sandboxLikeSnapshot(QStringLiteral("a>b,a>c,c>d,c>e")), QStringLiteral("five"));
    const TopologyView *view = m_window->topologyView();
    QCOMPARE(view->topologyScene()->keys().size(), 5);
    const QRect cards = cardsInViewport(*view);
    qInfo("viewport %dx%d, cards at %d,%d %dx%d, zoom %.2f", view->viewport()->width(),
          view->viewport()->height(), cards.x(), cards.y(), cards.width(), cards.height(), view->zoom());
    QVERIFY2(view->viewport()->rect().contains(cards), "the tree is cut off at the view's edge");
    QVERIFY(view->zoom() >= TopologyView::MinReadableZoom && view->zoom() <= 1.0);
    const InstanceItem *intermediate
        = view->topologyScene()->itemFor(InstanceKey(QStringLiteral("127.0.0.1"), 24702));
    QVERIFY(intermediate);
    QCOMPARE(intermediate->content().role, QStringLiteral("intermediate master"));
    QVERIFY2(!intermediate->header().role.contains(QChar(0x2026)), qPrintable(intermediate->header().role));
    QCOMPARE(intermediate->header().title, QStringLiteral("127.0.0.1:24702"));
}

void tst_FirstLook::hugeClusterStaysReadable()
{
    TopologySnapshot::Input in;
    in.instances = Test::syntheticFleet(100);
    in.sequence = 1;
    show(TopologySnapshot::build(in), QStringLiteral("hundred"));
    const TopologyView *view = m_window->topologyView();
    QCOMPARE(view->topologyScene()->keys().size(), 100);
    QCOMPARE(view->zoom(), TopologyView::MinReadableZoom); // as far out as stays readable, no further
    const InstanceItem *master = view->topologyScene()->itemFor(view->topologyScene()->rootKey());
    QVERIFY(master);
    const QRect masterRect = view->mapFromScene(master->sceneBoundingRect()).boundingRect();
    QVERIFY2(view->viewport()->rect().contains(masterRect), "the master is not in view");
}

void tst_FirstLook::roleLabelsAreNeverElided_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("shortRole");
    QTest::addColumn<QString>("shown"); // "role" or "short"
    QTest::newRow("short host, long role") << "db1:3306" << "intermediate master" << "intermediate" << "role";
    QTest::newRow("sandbox address") << "127.0.0.1:24702" << "intermediate master" << "intermediate" << "short";
    QTest::newRow("long host name")
        << "db-orders-replica-07.eu-west-1.prod.example.com:3306" << "intermediate master" << "intermediate"
        << "short";
    QTest::newRow("co-master writer") << "127.0.0.1:24700" << "co-master (writer)" << "co-master" << "short";
    QTest::newRow("replica") << "127.0.0.1:24703" << "replica" << "replica" << "role";
    QTest::newRow("Korean") << "127.0.0.1:24702" << "중간 마스터" << "중간" << "role";
}

void tst_FirstLook::roleLabelsAreNeverElided()
{
    QFETCH(QString, title);
    QFETCH(QString, role);
    QFETCH(QString, shortRole);
    QFETCH(QString, shown);
    CardContent c;
    c.title = title;
    c.role = role;
    c.shortRole = shortRole;
    const InstanceItem::Header h = InstanceItem::header(c, QFont());
    QCOMPARE(h.role, shown == QLatin1String("role") ? role : shortRole);
    // what is drawn fits where it is drawn, and the two do not overlap
    QVERIFY(QFontMetricsF(h.roleFont).horizontalAdvance(h.role) <= h.roleRect.width());
    QVERIFY(QFontMetricsF(h.titleFont).horizontalAdvance(h.title) <= h.titleRect.width());
    QVERIFY(h.titleRect.right() <= h.roleRect.left());
    QVERIFY(h.roleRect.right() <= InstanceItem::Width);
    // the title gives way only when it must, and keeps its port
    if (h.title != title)
        QVERIFY2(h.title.endsWith(QLatin1String(":3306")) && h.title.contains(QChar(0x2026)), qPrintable(h.title));
    else
        QVERIFY(QFontMetricsF(h.titleFont).horizontalAdvance(title) <= h.titleRect.width());
}

QTEST_MAIN(tst_FirstLook)
#include "tst_firstlook.moc"
