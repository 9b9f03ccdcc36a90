// Discovery's crawl on fake fleets: whatever node it starts from it finds the same clusters,
// represents co-master cycles and multi-source replicas without looping, probes a source nobody
// knew, and folds a server reached under two names into one instance.
#include "discovery/discovery.h"

#include <QTest>

using namespace Topograph;

namespace {

InstanceKey key(const QString &name)
{
    // "a" -> h:1, "b" -> h:2 ...; "la" -> localhost:1 (another name of a)
    if (name.startsWith(QLatin1String("l")))
        return InstanceKey(QStringLiteral("localhost"), name.at(1).unicode() - 'a' + 1);
    return InstanceKey(QStringLiteral("h"), name.at(0).unicode() - 'a' + 1);
}

// A fleet spec: "b<a c<a d<c" = b and c replicate from a, d from c; "d<a,x" d has a second
// connection to x; "!z" z exists but does not answer. Masters list their replicas the way
// SHOW SLAVE HOSTS does.
class FakeFleet
{
public:
    explicit FakeFleet(const QString &spec)
    {
        for (QString item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            bool down = item.startsWith(QLatin1Char('!'));
            if (down)
                item.remove(0, 1);
            const QStringList parts = item.split(QLatin1Char('<'));
            InstanceFacts &f = m_facts[key(parts.first())];
            f.key = key(parts.first());
            f.reachable = !down;
            f.serverId = quint32(f.key.port());
            f.version = QStringLiteral("10.11.6-MariaDB");
            f.hostname = QStringLiteral("host-") + parts.first();
            if (parts.size() > 1) {
                const QStringList sources = parts.at(1).split(QLatin1Char(','));
                for (int i = 0; i < sources.size(); ++i) {
                    ReplicationChannel c;
                    c.name = i == 0 ? QString() : QStringLiteral("ch%1").arg(i);
                    c.source = key(sources.at(i));
                    c.ioThread = c.sqlThread = ThreadState::Running;
                    f.channels.append(c);
                    InstanceFacts &src = m_facts[c.source];
                    src.key = c.source;
                    src.replicaKeys.append(f.key);
                }
            }
        }
        for (InstanceFacts &f : m_facts) {
            if (f.serverId == 0) { // only named as a source: exists and answers
                f.reachable = true;
                f.serverId = quint32(f.key.port());
                f.version = QStringLiteral("10.11.6-MariaDB");
                f.hostname = QStringLiteral("host-%1").arg(f.key.port());
            }
        }
    }

    QList<InstanceFacts> probe(const QList<InstanceKey> &keys)
    {
        ++batches;
        QList<InstanceFacts> out;
        for (const InstanceKey &k : keys) {
            ++probes[k];
            // localhost:N is another name of h:N
            const InstanceKey real = k.host() == QLatin1String("localhost") ? InstanceKey(QStringLiteral("h"), k.port()) : k;
            InstanceFacts f;
            if (m_facts.contains(real) && m_facts.value(real).reachable) {
                f = m_facts.value(real);
                f.lastSeen = f.lastChecked = QDateTime::currentDateTimeUtc();
            } else {
                f.reachable = false;
                f.lastError = ProbeError::Unreachable;
                f.lastChecked = QDateTime::currentDateTimeUtc();
            }
            f.key = k;
            out.append(f);
        }
        return out;
    }
    Discovery::ProbeBatch batch()
    {
        return [this](const QList<InstanceKey> &keys) { return probe(keys); };
    }

    int batches = 0;
    QHash<InstanceKey, int> probes;

private:
    QHash<InstanceKey, InstanceFacts> m_facts;
};

QString describe(const QList<InstanceFacts> &instances)
{
    TopologySnapshot::Input in;
    in.instances = instances;
    const auto s = TopologySnapshot::build(in);
    QStringList out;
    for (const ClusterInfo &c : s->clusters()) {
        QStringList members;
        for (const InstanceKey &k : c.members) {
            const InstanceFacts *f = s->instance(k);
            members << QString(QChar(char16_t('a' + k.port() - 1))) + (f && !f->reachable ? QStringLiteral("!") : QString());
        }
        QString co;
        for (const InstanceKey &k : c.coMasters)
            co += QLatin1Char('~') + QChar(char16_t('a' + k.port() - 1));
        out << QString(QChar(char16_t('a' + c.master.port() - 1))) + co + QLatin1Char('[') + members.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_DiscoveryCrawl : public QObject
{
    Q_OBJECT
private slots:
    void sameClustersFromAnyNode_data();
    void sameClustersFromAnyNode();
    void everyInstanceProbedOnce();
    void unknownUnreachableSourceIsKept();
    void aliasesFoldIntoOneInstance();
    void maxInstancesBoundsTheCrawl();
    void neighbours();
};

void tst_DiscoveryCrawl::sameClustersFromAnyNode_data()
{
    QTest::addColumn<QString>("fleet");
    QTest::addColumn<QStringList>("seeds");
    QTest::addColumn<QString>("expected");

    const QString tree = QStringLiteral("b<a c<a d<c e<c");
    for (const char *seed : {"a", "b", "c", "e"})
        QTest::newRow(qPrintable(QStringLiteral("tree from %1").arg(QLatin1String(seed))))
            << tree << QStringList{QLatin1String(seed)} << QStringLiteral("a[a,b,c,d,e]");
    const QString chain = QStringLiteral("b<a c<b d<c");
    for (const char *seed : {"a", "c", "d"})
        QTest::newRow(qPrintable(QStringLiteral("chain from %1").arg(QLatin1String(seed))))
            << chain << QStringList{QLatin1String(seed)} << QStringLiteral("a[a,b,c,d]");
    QTest::newRow("co-masters with a replica, from the replica")
        << QStringLiteral("b<a a<b c<b") << QStringList{"c"} << QStringLiteral("a~b[a,b,c]");
    QTest::newRow("multi-source replica: second source found, own cluster")
        << QStringLiteral("b<a d<a,x") << QStringList{"b"} << QStringLiteral("a[a,b,d] x[x]");
    QTest::newRow("two seeds, two clusters")
        << QStringLiteral("b<a y<x") << QStringList{"b", "y"} << QStringLiteral("a[a,b] x[x,y]");
    QTest::newRow("unreachable seed only") << QStringLiteral("!a") << QStringList{"a"} << QStringLiteral("a[a!]");
}

void tst_DiscoveryCrawl::sameClustersFromAnyNode()
{
    QFETCH(QString, fleet);
    QFETCH(QStringList, seeds);
    FakeFleet f(fleet);
    QList<InstanceKey> keys;
    for (const QString &s : seeds)
        keys << key(s);
    QTEST(describe(Discovery::crawl(keys, f.batch())), "expected");
}

void tst_DiscoveryCrawl::everyInstanceProbedOnce()
{
    FakeFleet f(QStringLiteral("b<a a<b c<b d<c,a"));
    const auto found = Discovery::crawl({key("d")}, f.batch());
    QCOMPARE(found.size(), 4);
    for (auto it = f.probes.cbegin(); it != f.probes.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key().toString()));
    // one batch per hop: d; c and a; b
    QCOMPARE(f.batches, 3);
}

void tst_DiscoveryCrawl::unknownUnreachableSourceIsKept()
{
    // b's source z is known only from b's SHOW SLAVE STATUS and does not answer
    FakeFleet f(QStringLiteral("b<z c<b !z"));
    const auto found = Discovery::crawl({key("c")}, f.batch());
    QCOMPARE(describe(found), QStringLiteral("z[z!,b,c]"));
    QCOMPARE(f.probes.value(key("z")), 1);
}

void tst_DiscoveryCrawl::aliasesFoldIntoOneInstance()
{
    FakeFleet f(QStringLiteral("b<a c<a"));
    QHash<InstanceKey, InstanceKey> aliases;
    // the seed is typed as localhost:1 while the replicas call it h:1
    const auto found = Discovery::crawl({key("la")}, f.batch(), 100, &aliases);
    QCOMPARE(describe(found), QStringLiteral("a[a,b,c]"));
    QCOMPARE(aliases.value(key("la")), key("a"));
    for (const InstanceFacts &i : found)
        QVERIFY(i.key.host() != QLatin1String("localhost"));
    // never-probed instances have no identity, so they are never folded together
    InstanceFacts u1, u2;
    u1.key = key("x");
    u2.key = key("y");
    QList<InstanceFacts> unknown{u1, u2};
    QVERIFY(Discovery::removeAliases(unknown).isEmpty());
    QCOMPARE(unknown.size(), 2);
}

void tst_DiscoveryCrawl::maxInstancesBoundsTheCrawl()
{
    FakeFleet f(QStringLiteral("b<a c<a d<a e<a f<a"));
    QCOMPARE(Discovery::crawl({key("a")}, f.batch(), 3).size(), 3);
}

void tst_DiscoveryCrawl::neighbours()
{
    InstanceFacts f;
    f.key = key("b");
    ReplicationChannel c1, c2, self;
    c1.source = key("a");
    c2.name = QStringLiteral("x");
    c2.source = key("a"); // two connections to one source: named once
    self.name = QStringLiteral("loop");
    self.source = key("b");
    f.channels = {c1, c2, self};
    f.replicaKeys = {key("c"), InstanceKey()};
    QCOMPARE(Discovery::neighbours(f), (QList<InstanceKey>{key("a"), key("c")}));
}

QTEST_GUILESS_MAIN(tst_DiscoveryCrawl)
#include "tst_discoverycrawl.moc"
