#include "recovery/filters.h"

#include <QTest>

using namespace Topograph;

class tst_Filters : public QObject
{
    Q_OBJECT
private slots:
    void clusterFilter_data();
    void clusterFilter();
    void invalidEntries_data();
    void invalidEntries();
    void hostnameFilter_data();
    void hostnameFilter();
};

void tst_Filters::clusterFilter_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("cluster");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("matchedBy"); // "" = not covered

    QTest::newRow("star covers all") << QStringList{"*"} << "db1:3306" << "" << "*";
    QTest::newRow("empty list covers none") << QStringList{} << "db1:3306" << "orders" << "";
    QTest::newRow("exact name") << QStringList{"db1:3306"} << "db1:3306" << "" << "db1:3306";
    QTest::newRow("exact name is not a prefix") << QStringList{"db1:3306"} << "db1:33061" << "" << "";
    QTest::newRow("bare word names an alias") << QStringList{"orders"} << "db1:3306" << "orders" << "orders";
    QTest::newRow("alias=X exact") << QStringList{"alias=orders"} << "db1:3306" << "orders" << "alias=orders";
    QTest::newRow("alias=X needs the whole alias") << QStringList{"alias=orders"} << "db1:3306" << "orders-eu" << "";
    QTest::newRow("alias=X does not match the name") << QStringList{"alias=db1:3306"} << "db1:3306" << "" << "";
    QTest::newRow("alias~= regex") << QStringList{"alias~=prod-.*"} << "db9:3306" << "prod-billing" << "alias~=prod-.*";
    QTest::newRow("alias~= anchored") << QStringList{"alias~=prod"} << "db9:3306" << "preprod" << "";
    QTest::newRow("alias~= never matches a cluster without alias") << QStringList{"alias~=.*"} << "db9:3306" << "" << "";
    QTest::newRow("regex on name") << QStringList{"db[0-9]+:3306"} << "db42:3306" << "" << "db[0-9]+:3306";
    QTest::newRow("regex is whole-name: ip prefix") << QStringList{"10.2.9.6:3306"} << "10.2.9.67:3306" << "" << "";
    QTest::newRow("regex is whole-name: word") << QStringList{"db1"} << "db10:3306" << "" << "";
    QTest::newRow("explicit prefix works") << QStringList{"db1.*"} << "db10:3306" << "" << "db1.*";
    QTest::newRow("first matching entry is reported") << QStringList{"alias=x", "db.*", "*"} << "db2:1" << "" << "db.*";
    QTest::newRow("case-insensitive host") << QStringList{"DB1:3306"} << "db1:3306" << "" << "DB1:3306";
    QTest::newRow("blank entries ignored") << QStringList{"  ", ""} << "db1:3306" << "" << "";
}

void tst_Filters::clusterFilter()
{
    QFETCH(QStringList, entries);
    QFETCH(QString, cluster);
    QFETCH(QString, alias);
    QFETCH(QString, matchedBy);
    ClusterFilter::Error error;
    const auto f = ClusterFilter::parse(entries, &error);
    QVERIFY2(f, qPrintable(error.message));
    QCOMPARE(f->matchingEntry(cluster, alias), matchedBy);
    QCOMPARE(f->matches(cluster, alias), !matchedBy.isEmpty());
}

void tst_Filters::invalidEntries_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("badEntry");
    QTest::addColumn<int>("offset");
    QTest::newRow("unclosed class") << QStringList{"*", "db[1"} << "db[1" << 4;
    QTest::newRow("unclosed group in alias regex") << QStringList{"alias~=prod-(eu"} << "alias~=prod-(eu" << 15;
    QTest::newRow("nothing after alias=") << QStringList{"alias="} << "alias=" << 6;
    QTest::newRow("dangling quantifier") << QStringList{"*db"} << "*db" << 0;
}

void tst_Filters::invalidEntries()
{
    QFETCH(QStringList, entries);
    QFETCH(QString, badEntry);
    QFETCH(int, offset);
    ClusterFilter::Error error;
    QVERIFY(!ClusterFilter::parse(entries, &error));
    QCOMPARE(error.entry, badEntry);
    QCOMPARE(error.offset, offset);
    QVERIFY2(error.message.startsWith(QLatin1Char('\'') + badEntry + QLatin1Char('\'')), qPrintable(error.message));
}

void tst_Filters::hostnameFilter_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("ignored");
    QTest::newRow("exact ip") << QStringList{"10.2.9.6"} << "10.2.9.6" << true;
    QTest::newRow("ip is not a prefix (orchestrator #1316)") << QStringList{"10.2.9.6"} << "10.2.9.67" << false;
    QTest::newRow("pattern") << QStringList{"backup-.*"} << "backup-03.dc2" << true;
    QTest::newRow("pattern must cover the whole name") << QStringList{"backup"} << "backup-03.dc2" << false;
    QTest::newRow("second pattern") << QStringList{"x", "db[2-3]"} << "db3" << true;
    QTest::newRow("none") << QStringList{} << "db1" << false;
}

void tst_Filters::hostnameFilter()
{
    QFETCH(QStringList, patterns);
    QFETCH(QString, host);
    QFETCH(bool, ignored);
    const auto f = HostnameFilter::parse(patterns);
    QVERIFY(f);
    QCOMPARE(f->matches(host), ignored);
}

QTEST_APPLESS_MAIN(tst_Filters)
#include "tst_filters.moc"
