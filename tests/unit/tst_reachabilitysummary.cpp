// What the window's status bar and `watch` say while servers do not answer: how many, of which
// cluster, and how many others are polled normally.
#include "discovery/reachabilitysummary.h"

#include <QTest>

using namespace Topograph;

namespace {

// "a b<a c<a x y<x": instances named by a letter (port = letter), '<' names the source; '!'
// after the name: not answering; '?': answered with an error that proves it alive (access denied).
TopologySnapshotPtr fixture(const QString &spec, const QHash<QString, QString> &aliases = {})
{
    TopologySnapshot::Input in;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString name = item.section(QLatin1Char('<'), 0, 0);
        InstanceFacts f;
        f.key = InstanceKey(QStringLiteral("h"), name.at(0).unicode() - 'a' + 1);
        f.reachable = !name.contains(QLatin1Char('!'));
        f.lastError = !f.reachable                       ? ProbeError::Timeout
                      : name.contains(QLatin1Char('?')) ? ProbeError::AccessDenied
                                                        : ProbeError::None;
        const QString source = item.section(QLatin1Char('<'), 1);
        if (!source.isEmpty()) {
            ReplicationChannel c;
            c.source = InstanceKey(QStringLiteral("h"), source.at(0).unicode() - 'a' + 1);
            c.ioThread = c.sqlThread = ThreadState::Running;
            f.channels.append(c);
        }
        in.instances.append(f);
    }
    in.aliases = aliases;
    return TopologySnapshot::build(in);
}

} // namespace

class tst_ReachabilitySummary : public QObject
{
    Q_OBJECT
private slots:
    void text_data();
    void text();
    void aliasNamesTheCluster();
};

void tst_ReachabilitySummary::text_data()
{
    QTest::addColumn<QString>("fleet");
    QTest::addColumn<QString>("expected");

    QTest::newRow("everything answers") << "a b<a x y<x" << "";
    QTest::newRow("a whole cluster hung")
        << "a! b!<a c!<a x y<x z<x" << "3 servers of cluster h:1 are not answering; 3 others polled normally";
    QTest::newRow("one server") << "a b!<a x" << "1 server of cluster h:1 is not answering; 2 others polled normally";
    QTest::newRow("one other") << "a! b!<a x" << "2 servers of cluster h:1 are not answering; 1 other polled normally";
    QTest::newRow("two clusters, most first")
        << "a b!<a x! y!<x z!<x" << "3 servers of cluster h:24 and 1 of cluster h:1 are not answering; 1 other polled normally";
    QTest::newRow("access denied is an answer") << "a? b!<a" << "1 server of cluster h:1 is not answering; 1 other polled normally";
    QTest::newRow("nothing answers") << "a! b!<a" << "2 servers of cluster h:1 are not answering; no other server answers";
}

void tst_ReachabilitySummary::text()
{
    QFETCH(QString, fleet);
    QFETCH(QString, expected);
    const ReachabilitySummary s = reachabilitySummary(*fixture(fleet));
    QCOMPARE(reachabilitySummaryText(s), expected);
    QCOMPARE(s.isEmpty(), expected.isEmpty());
}

void tst_ReachabilitySummary::aliasNamesTheCluster()
{
    const auto s = reachabilitySummary(*fixture("a! b!<a x", {{QStringLiteral("h:1"), QStringLiteral("P")}}));
    QCOMPARE(reachabilitySummaryText(s), QStringLiteral("2 servers of cluster P are not answering; 1 other polled normally"));
}

QTEST_GUILESS_MAIN(tst_ReachabilitySummary)
#include "tst_reachabilitysummary.moc"
