#include "analysis/errantgtid.h"

#include <QTest>

using namespace Topograph;

namespace {
const QString A = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562"); // master
const QString B = QStringLiteral("4f22ab58-82db-22f2-af44-d91bb0b30673"); // replica
const QString C = QStringLiteral("5a33bc69-93ec-33a3-b055-ea2cc1c41784"); // master's master
} // namespace

class tst_ErrantGtid : public QObject
{
    Q_OBJECT
private slots:
    void mysql_data();
    void mysql();
    void mariadb_data();
    void mariadb();
};

void tst_ErrantGtid::mysql_data()
{
    QTest::addColumn<QString>("replica");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QStringList>("ancestors");
    QTest::addColumn<QString>("errant"); // "!" + part of the error when it must fail

    QTest::newRow("identical") << A + ":1-10" << QStringList{A + ":1-10"} << QStringList{A} << "";
    QTest::newRow("replica behind") << A + ":1-5" << QStringList{A + ":1-10"} << QStringList{A} << "";
    QTest::newRow("replica's own writes") << A + ":1-10," + B + ":1-3" << QStringList{A + ":1-10"} << QStringList{A} << B + ":1-3";
    QTest::newRow("master's own uuid ahead is probe timing") << A + ":1-12" << QStringList{A + ":1-10"} << QStringList{A} << "";
    QTest::newRow("grand-master's uuid ahead is probe timing") << C + ":1-12" << QStringList{C + ":1-10"} << QStringList{A, C} << "";
    QTest::newRow("same uuid ahead without ancestry is errant") << A + ":1-12" << QStringList{A + ":1-10"} << QStringList{} << A + ":11-12";
    QTest::newRow("gap filled only on the replica") << B + ":1-5" << QStringList{B + ":1-2:4-5"} << QStringList{A} << B + ":3";
    QTest::newRow("multi-source: union of the sources") << A + ":1-3," + C + ":1-4" << QStringList{A + ":1-3", C + ":1-4"} << QStringList{} << "";
    QTest::newRow("empty replica") << "" << QStringList{A + ":1-10"} << QStringList{A} << "";
    QTest::newRow("replica set malformed") << A + ":x" << QStringList{A + ":1"} << QStringList{} << "!replica's gtid_executed does not parse";
    QTest::newRow("master set malformed") << B + ":1" << QStringList{A + ":0"} << QStringList{} << "!master's gtid_executed does not parse";
}

void tst_ErrantGtid::mysql()
{
    QFETCH(QString, replica);
    QFETCH(QStringList, sources);
    QFETCH(QStringList, ancestors);
    QFETCH(QString, errant);
    QString error;
    const auto r = errantMySqlTransactions(replica, sources, QSet<QString>(ancestors.begin(), ancestors.end()), &error);
    if (errant.startsWith(QLatin1Char('!'))) {
        QVERIFY(!r);
        QVERIFY2(error.contains(errant.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->toString(), errant);
}

void tst_ErrantGtid::mariadb_data()
{
    QTest::addColumn<QString>("replica");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QList<quint32>>("ancestorIds");
    QTest::addColumn<QString>("errant");

    const QList<quint32> master1{1};
    QTest::newRow("identical") << "0-1-100" << QStringList{"0-1-100"} << master1 << "";
    QTest::newRow("behind") << "0-1-90" << QStringList{"0-1-100"} << master1 << "";
    QTest::newRow("master's own GTID ahead is probe timing") << "0-1-101" << QStringList{"0-1-100"} << master1 << "";
    QTest::newRow("replica's own write ahead") << "0-2-101" << QStringList{"0-1-100"} << master1 << "0-2-101 (master at 0-1-100)";
    QTest::newRow("same sequence, another server: diverged") << "0-2-100" << QStringList{"0-1-100"} << master1 << "0-2-100 (master at 0-1-100)";
    QTest::newRow("own write behind the master cannot be judged") << "0-2-50" << QStringList{"0-1-100"} << master1 << "";
    QTest::newRow("domain the master never produced")
        << "0-1-100,7-2-4" << QStringList{"0-1-100"} << master1 << "7-2-4 (domain 7 is not in the master's binary log)";
    QTest::newRow("empty master binlog, replica wrote") << "0-2-1" << QStringList{""} << master1
                                                        << "0-2-1 (domain 0 is not in the master's binary log)";
    QTest::newRow("old master's GTIDs the new master lacks") << "0-9-105" << QStringList{"0-9-100"} << master1
                                                              << "0-9-105 (master at 0-9-100)";
    QTest::newRow("multi-source: each domain from its source") << "0-1-100,1-3-7" << QStringList{"0-1-100", "1-3-9"}
                                                                << QList<quint32>{} << "";
    QTest::newRow("multi-source: ahead of the highest source") << "0-1-100,1-3-10" << QStringList{"1-3-2,0-1-100", "1-3-9"}
                                                                << QList<quint32>{} << "1-3-10 (master at 1-3-9)";
    QTest::newRow("malformed replica position") << "0-1-x" << QStringList{"0-1-1"} << master1 << "!at character 5";
    QTest::newRow("malformed master position") << "0-1-1" << QStringList{"0-1"} << master1 << "!master's gtid_binlog_pos";
}

void tst_ErrantGtid::mariadb()
{
    QFETCH(QString, replica);
    QFETCH(QStringList, sources);
    QFETCH(QList<quint32>, ancestorIds);
    QFETCH(QString, errant);
    QString error;
    const auto r = errantMariaDbGtids(replica, sources, QSet<quint32>(ancestorIds.begin(), ancestorIds.end()), &error);
    if (errant.startsWith(QLatin1Char('!'))) {
        QVERIFY(!r);
        QVERIFY2(error.contains(errant.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(r, qPrintable(error));
    QStringList got;
    for (const MariaDbErrantGtid &e : *r)
        got << e.toString();
    QCOMPARE(got.join(QStringLiteral("; ")), errant);
}

QTEST_APPLESS_MAIN(tst_ErrantGtid)
#include "tst_errantgtid.moc"
