#include "model/binlogcoordinates.h"
#include "model/gtid.h"

#include <QTest>

using namespace Topograph;

namespace {

const QString A = QStringLiteral("3e11fa47-71ca-11e1-9e33-c80aa9429562");
const QString B = QStringLiteral("4f22ab58-82db-22f2-af44-d91bb0b30673");

MySqlGtidSet mysql(const QString &text)
{
    QString error;
    const auto s = MySqlGtidSet::parse(text, &error);
    if (!s)
        qFatal("fixture GTID set does not parse: %s", qPrintable(error));
    return *s;
}

MariaDbGtidPosition maria(const QString &text)
{
    QString error;
    const auto p = MariaDbGtidPosition::parse(text, &error);
    if (!p)
        qFatal("fixture GTID position does not parse: %s", qPrintable(error));
    return *p;
}

QString describe(const QList<DomainComparison> &list)
{
    QStringList out;
    for (const DomainComparison &c : list)
        out << QStringLiteral("%1:%2").arg(c.domain).arg(domainOrderName(c.order));
    return out.join(QLatin1Char(' '));
}

QString winnerName(AdvancementVerdict::Winner w)
{
    switch (w) {
    case AdvancementVerdict::First: return QStringLiteral("first");
    case AdvancementVerdict::Second: return QStringLiteral("second");
    case AdvancementVerdict::Same: break;
    }
    return QStringLiteral("same");
}

} // namespace

class tst_Gtid : public QObject
{
    Q_OBJECT
private slots:
    void mysqlParse_data();
    void mysqlParse();
    void mysqlParseErrors_data();
    void mysqlParseErrors();
    void mysqlUnion_data();
    void mysqlUnion();
    void mysqlSubtract_data();
    void mysqlSubtract();
    void mysqlContains_data();
    void mysqlContains();
    void mysqlHelpers();
    void mysqlMostAdvanced_data();
    void mysqlMostAdvanced();

    void mariaParse_data();
    void mariaParse();
    void mariaParseErrors_data();
    void mariaParseErrors();
    void mariaCompare_data();
    void mariaCompare();
    void mariaContains_data();
    void mariaContains();
    void mariaMostAdvanced_data();
    void mariaMostAdvanced();

    void binlogCompare_data();
    void binlogCompare();
    void binlogParse_data();
    void binlogParse();
};

// ---- MySQL GTID sets ----

void tst_Gtid::mysqlParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<quint64>("count");

    QTest::newRow("empty") << "" << "" << quint64(0);
    QTest::newRow("only whitespace") << "  \n " << "" << quint64(0);
    QTest::newRow("single transaction") << A + ":5" << A + ":5" << quint64(1);
    QTest::newRow("one interval") << A + ":1-5" << A + ":1-5" << quint64(5);
    QTest::newRow("two intervals") << A + ":1-5:7-9" << A + ":1-5:7-9" << quint64(8);
    QTest::newRow("adjacent intervals merge") << A + ":1-5:6-9" << A + ":1-9" << quint64(9);
    QTest::newRow("overlapping intervals merge") << A + ":1-5:3-8" << A + ":1-8" << quint64(8);
    QTest::newRow("contained interval merges") << A + ":1-10:3-4" << A + ":1-10" << quint64(10);
    QTest::newRow("unsorted intervals sorted") << A + ":7-9:1-5" << A + ":1-5:7-9" << quint64(8);
    QTest::newRow("degenerate interval 3-3") << A + ":3-3" << A + ":3" << quint64(1);
    QTest::newRow("upper-case uuid folded") << A.toUpper() + ":1-2" << A + ":1-2" << quint64(2);
    QTest::newRow("uuid without dashes") << QString(A).remove(QLatin1Char('-')) + ":1" << A + ":1" << quint64(1);
    QTest::newRow("two uuids sorted") << B + ":1-3," + A + ":1-5" << A + ":1-5," + B + ":1-3" << quint64(8);
    QTest::newRow("server layout with newline") << A + ":1-5,\n" + B + ":1-3" << A + ":1-5," + B + ":1-3" << quint64(8);
    QTest::newRow("spaces everywhere") << "  " + A + " : 1-5 : 7 ,  " + B + ":2  " << A + ":1-5:7," + B + ":2" << quint64(7);
    QTest::newRow("same uuid twice merges") << A + ":1-3," + A + ":4-6" << A + ":1-6" << quint64(6);
    QTest::newRow("largest transaction number") << A + ":9223372036854775807" << A + ":9223372036854775807" << quint64(1);
    QTest::newRow("tagged") << A + ":billing:1-5" << A + ":billing:1-5" << quint64(5);
    QTest::newRow("untagged then tags, tags sorted") << A + ":zz:1:aa:4-5," + A + ":1-3" << A + ":1-3:aa:4-5:zz:1" << quint64(6);
    QTest::newRow("numbers after a tag belong to it") << A + ":zz:1:3-4" << A + ":zz:1:3-4" << quint64(3);
    QTest::newRow("tag case folded") << A + ":Billing:1," + A + ":billing:2" << A + ":billing:1-2" << quint64(2);
    QTest::newRow("tag with digits and underscore") << A + ":_t9:1" << A + ":_t9:1" << quint64(1);
}

void tst_Gtid::mysqlParse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(quint64, count);
    QString error;
    const auto set = MySqlGtidSet::parse(text, &error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(set->toString(), canonical);
    QCOMPARE(set->transactionCount(), count);
    QCOMPARE(set->isEmpty(), count == 0);
    // canonical text parses back to the same set
    QCOMPARE(MySqlGtidSet::parse(set->toString()), set);
}

void tst_Gtid::mysqlParseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("not a uuid") << "abc:1-5" << "at character 1: 'abc' is not a server uuid";
    QTest::newRow("uuid with bad hex") << "3e11fa47-71ca-11e1-9e33-c80aa942956z:1" << "is not a server uuid";
    QTest::newRow("dashes misplaced") << "3e11fa4-771ca-11e1-9e33-c80aa9429562:1" << "is not a server uuid";
    QTest::newRow("uuid without intervals") << A << "at character 37: expected ':' and transaction numbers";
    QTest::newRow("colon without number") << A + ":" << "at character 38: expected a transaction number";
    QTest::newRow("zero") << A + ":0" << "at character 38: transaction numbers start at 1";
    QTest::newRow("reversed interval") << A + ":5-3" << "at character 38: interval 5-3 ends before it starts";
    QTest::newRow("letters in number") << A + ":1-5x" << "at character 41: interval end must be a number";
    QTest::newRow("dash without end") << A + ":1-" << "at character 40: interval end must be a number";
    QTest::newRow("number too large") << A + ":9223372036854775808" << "transaction number is larger than 9223372036854775807";
    QTest::newRow("negative") << A + ":-1" << "at character 38: expected a transaction number";
    QTest::newRow("trailing comma") << A + ":1," << "at character 40: expected a server uuid after ','";
    QTest::newRow("empty entry") << A + ":1,," + B + ":1" << "at character 40: empty entry";
    QTest::newRow("leading comma") << "," + A + ":1" << "at character 1: empty entry";
    QTest::newRow("garbage after set") << A + ":1 x" << "at character 40: expected ',' or the end";
    QTest::newRow("tag without numbers at end") << A + ":billing" << "at character 38: tag 'billing' has no transaction numbers";
    QTest::newRow("tag followed by tag") << A + ":a:b:1" << "tag 'a' has no transaction numbers";
    QTest::newRow("tag too long") << A + ":" + QString(33, QLatin1Char('t')) + ":1" << "longer than 32 characters";
    QTest::newRow("tag with a dash") << A + ":bill-ing:1" << "only letters, digits and '_'";
    QTest::newRow("semicolon separator") << A + ":1;" + B + ":1" << "at character 39: expected ',' or the end";
}

void tst_Gtid::mysqlParseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, errorPart);
    QString error;
    QVERIFY(!MySqlGtidSet::parse(text, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY2(error.startsWith(QLatin1Char('\'') + text.left(20)), qPrintable(error)); // names the input
}

void tst_Gtid::mysqlUnion_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty with empty") << "" << "" << "";
    QTest::newRow("empty with set") << "" << A + ":1-3" << A + ":1-3";
    QTest::newRow("disjoint uuids") << A + ":1-3" << B + ":1" << A + ":1-3," + B + ":1";
    QTest::newRow("bridging gap") << A + ":1-3:7-9" << A + ":4-6" << A + ":1-9";
    QTest::newRow("overlap") << A + ":1-5" << A + ":3-10" << A + ":1-10";
    QTest::newRow("tags kept apart") << A + ":1-3" << A + ":t:1-3" << A + ":1-3:t:1-3";
}

void tst_Gtid::mysqlUnion()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    QCOMPARE(mysql(a).united(mysql(b)).toString(), expected);
    QCOMPARE(mysql(b).united(mysql(a)).toString(), expected); // commutative
}

void tst_Gtid::mysqlSubtract_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal sets") << A + ":1-10" << A + ":1-10" << "";
    QTest::newRow("subtract empty") << A + ":1-10" << "" << A + ":1-10";
    QTest::newRow("from empty") << "" << A + ":1-10" << "";
    QTest::newRow("other uuid untouched") << A + ":1-10," + B + ":1-2" << A + ":1-10" << B + ":1-2";
    QTest::newRow("middle hole") << A + ":1-10" << A + ":4-6" << A + ":1-3:7-10";
    QTest::newRow("prefix") << A + ":1-10" << A + ":1-4" << A + ":5-10";
    QTest::newRow("suffix") << A + ":1-10" << A + ":8-20" << A + ":1-7";
    QTest::newRow("several cuts across intervals") << A + ":1-10:20-30" << A + ":2:5-22:29" << A + ":1:3-4:23-28:30";
    QTest::newRow("superset removes all") << A + ":3-4:7" << A + ":1-100" << "";
    QTest::newRow("replica errant tail") << A + ":1-105," + B + ":1-3" << A + ":1-100," + B + ":1-3" << A + ":101-105";
    QTest::newRow("tags subtract separately") << A + ":1-5:t:1-5" << A + ":t:1-5" << A + ":1-5";
    QTest::newRow("edge at maximum") << A + ":1-9223372036854775807" << A + ":2-9223372036854775806" << A + ":1:9223372036854775807";
}

void tst_Gtid::mysqlSubtract()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    const MySqlGtidSet diff = mysql(a).subtracted(mysql(b));
    QCOMPARE(diff.toString(), expected);
    // (a - b) and b are disjoint, and together with b cover a
    QVERIFY(diff.subtracted(mysql(a)).isEmpty());
    QVERIFY(diff.united(mysql(b)).contains(mysql(a)));
}

void tst_Gtid::mysqlContains_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("contains");
    QTest::newRow("anything contains empty") << A + ":1" << "" << true;
    QTest::newRow("empty contains empty") << "" << "" << true;
    QTest::newRow("empty does not contain set") << "" << A + ":1" << false;
    QTest::newRow("equal") << A + ":1-5" << A + ":1-5" << true;
    QTest::newRow("inner interval") << A + ":1-10" << A + ":3-7" << true;
    QTest::newRow("straddles a gap") << A + ":1-5:7-10" << A + ":4-8" << false;
    QTest::newRow("missing uuid") << A + ":1-10" << B + ":1" << false;
    QTest::newRow("one past the end") << A + ":1-10" << A + ":10-11" << false;
    QTest::newRow("untagged does not contain tagged") << A + ":1-10" << A + ":t:1" << false;
    QTest::newRow("multi uuid subset") << A + ":1-10," + B + ":1-10" << B + ":5," + A + ":1" << true;
}

void tst_Gtid::mysqlContains()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, contains);
    QCOMPARE(mysql(a).contains(mysql(b)), contains);
}

void tst_Gtid::mysqlHelpers()
{
    const MySqlGtidSet s = mysql(B + ":1-3," + A + ":1-5:t:2");
    QCOMPARE(s.uuids(), (QStringList{A, B}));
    QCOMPARE(s.withoutUuid(A.toUpper()).toString(), B + ":1-3");
    QVERIFY(s.contains(A, 5));
    QVERIFY(!s.contains(A, 6));
    QVERIFY(s.contains(A, 2, QStringLiteral("T")));
    QVERIFY(!s.contains(QStringLiteral("nonsense"), 1));
    QCOMPARE(s.intervals(A), (QList<GtidInterval>{{1, 5}}));
    MySqlGtidSet built;
    built.add(A, 6, 9);
    built.add(A, 1, 5);
    built.add(A, 0, 3); // invalid: ignored
    QCOMPARE(built.toString(), A + ":1-9");
    QCOMPARE(MySqlGtidSet::normalizedUuid(QStringLiteral("not-a-uuid")), std::nullopt);
}

void tst_Gtid::mysqlMostAdvanced_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("winner");
    QTest::addColumn<bool>("diverged");
    QTest::newRow("equal") << A + ":1-5" << A + ":1-5" << "same" << false;
    QTest::newRow("superset first") << A + ":1-6" << A + ":1-5" << "first" << false;
    QTest::newRow("superset second") << A + ":1-5" << A + ":1-5," + B + ":1" << "second" << false;
    QTest::newRow("diverged, first has more") << A + ":1-9" << A + ":1-5," + B + ":1" << "first" << true;
    QTest::newRow("diverged, tie") << A + ":1-6" << A + ":1-5," + B + ":1" << "same" << true;
}

void tst_Gtid::mysqlMostAdvanced()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, winner);
    QFETCH(bool, diverged);
    const AdvancementVerdict v = mostAdvanced(mysql(a), mysql(b));
    QCOMPARE(winnerName(v.winner), winner);
    QCOMPARE(v.diverged, diverged);
    QVERIFY(!v.reason.isEmpty());
}

// ---- MariaDB GTID positions ----

void tst_Gtid::mariaParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("empty") << "" << "";
    QTest::newRow("one domain") << "0-1-100" << "0-1-100";
    QTest::newRow("two domains") << "0-1-100,1-2-5" << "0-1-100,1-2-5";
    QTest::newRow("domains sorted") << "5-2-5,0-1-100" << "0-1-100,5-2-5";
    QTest::newRow("whitespace and newline") << " 0-1-100,\n 1-2-5 " << "0-1-100,1-2-5";
    QTest::newRow("sequence zero") << "0-1-0" << "0-1-0";
    QTest::newRow("largest values") << "4294967295-4294967295-18446744073709551615"
                                    << "4294967295-4294967295-18446744073709551615";
}

void tst_Gtid::mariaParse()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QString error;
    const auto p = MariaDbGtidPosition::parse(text, &error);
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->toString(), canonical);
    QCOMPARE(MariaDbGtidPosition::parse(p->toString()), p);
}

void tst_Gtid::mariaParseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("sequence not a number")
        << "0-1-x" << "'0-1-x' at character 5: sequence number must be a number";
    QTest::newRow("sequence with letters")
        << "0-1-5x" << "'0-1-5x' at character 6: sequence number must be a number";
    QTest::newRow("missing sequence")
        << "0-1" << "'0-1' at character 4: expected '-' and a sequence number after the server id";
    QTest::newRow("missing server")
        << "0" << "'0' at character 2: expected '-' and a server id after the domain id";
    QTest::newRow("domain not a number") << "a-1-1" << "'a-1-1' at character 1: domain id must be a number";
    QTest::newRow("negative domain") << "-1-1-1" << "'-1-1-1' at character 1: domain id must be a number";
    QTest::newRow("server not a number") << "0--1" << "'0--1' at character 3: server id must be a number";
    QTest::newRow("domain too large")
        << "4294967296-1-1" << "'4294967296-1-1' at character 1: domain id is larger than 4294967295";
    QTest::newRow("server too large")
        << "0-4294967296-1" << "'0-4294967296-1' at character 3: server id is larger than 4294967295";
    QTest::newRow("sequence too large")
        << "0-1-18446744073709551616" << "at character 5: sequence number is larger than 18446744073709551615";
    QTest::newRow("domain twice")
        << "0-1-5,0-2-6" << "'0-1-5,0-2-6' at character 7: domain 0 appears twice";
    QTest::newRow("trailing comma") << "0-1-5," << "'0-1-5,' at character 7: expected a GTID after ','";
    QTest::newRow("empty entry") << "0-1-5,,1-1-1" << "at character 7: empty entry";
    QTest::newRow("semicolon") << "0-1-5;1-1-1" << "'0-1-5;1-1-1' at character 6: expected ',' between GTIDs";
    QTest::newRow("mysql set given") << A + ":1-5" << "at character 2: domain id must be a number";
}

void tst_Gtid::mariaParseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!MariaDbGtidPosition::parse(text, &got));
    QVERIFY2(got.contains(error), qPrintable(got));
}

void tst_Gtid::mariaCompare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected");
    QTest::newRow("both empty") << "" << "" << "";
    QTest::newRow("equal") << "0-1-100" << "0-1-100" << "0:equal";
    QTest::newRow("ahead") << "0-1-101" << "0-1-100" << "0:ahead";
    QTest::newRow("behind") << "0-1-99" << "0-1-100" << "0:behind";
    QTest::newRow("ahead by another server") << "0-2-101" << "0-1-100" << "0:ahead";
    QTest::newRow("same seq, other server") << "0-2-100" << "0-1-100" << "0:conflict";
    QTest::newRow("missing in second") << "0-1-100,1-3-4" << "0-1-100" << "0:equal 1:missing in second";
    QTest::newRow("missing in first") << "0-1-100" << "0-1-100,2-3-4" << "0:equal 2:missing in first";
    QTest::newRow("mixed") << "0-1-101,1-2-5,3-1-1" << "0-1-100,1-2-9,2-2-2"
                           << "0:ahead 1:behind 2:missing in first 3:missing in second";
}

void tst_Gtid::mariaCompare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    QCOMPARE(describe(compare(maria(a), maria(b))), expected);
}

void tst_Gtid::mariaContains_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("contains");
    QTest::newRow("equal") << "0-1-100" << "0-1-100" << true;
    QTest::newRow("ahead") << "0-1-101" << "0-1-100" << true;
    QTest::newRow("behind") << "0-1-99" << "0-1-100" << false;
    QTest::newRow("extra domain") << "0-1-100,1-2-3" << "0-1-100" << true;
    QTest::newRow("lacks a domain") << "0-1-100" << "0-1-100,1-2-3" << false;
    QTest::newRow("conflict") << "0-2-100" << "0-1-100" << false;
    QTest::newRow("empty contains empty") << "" << "" << true;
    QTest::newRow("anything contains empty") << "0-1-1" << "" << true;
}

void tst_Gtid::mariaContains()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, contains);
    QCOMPARE(maria(a).contains(maria(b)), contains);
    QCOMPARE(isAheadOrEqual(maria(a), maria(b)), contains);
}

void tst_Gtid::mariaMostAdvanced_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("winner");
    QTest::addColumn<bool>("diverged");
    QTest::newRow("equal") << "0-1-100" << "0-1-100" << "same" << false;
    QTest::newRow("both empty") << "" << "" << "same" << false;
    QTest::newRow("ahead in the only domain") << "0-1-105" << "0-1-100" << "first" << false;
    QTest::newRow("behind in the only domain") << "0-1-95" << "0-1-100" << "second" << false;
    QTest::newRow("extra domain wins") << "0-1-100,1-2-1" << "0-1-100" << "first" << false;
    QTest::newRow("empty loses") << "" << "0-1-1" << "second" << false;
    QTest::newRow("diverged, more extra transactions wins")
        << "0-1-110,1-2-5" << "0-1-100,1-2-8" << "first" << true; // 10 vs 3
    QTest::newRow("diverged by disjoint domains")
        << "0-1-100,1-2-3" << "0-1-100,2-3-7" << "second" << true; // 3 vs 7
    QTest::newRow("diverged tie: lowest domain decides")
        << "0-1-102,1-2-5" << "0-1-100,1-2-7" << "first" << true; // 2 vs 2, domain 0 ahead
    QTest::newRow("conflict only") << "0-2-100" << "0-1-100" << "same" << true;
    QTest::newRow("conflict and ahead elsewhere") << "0-2-100,1-1-9" << "0-1-100,1-1-3" << "first" << true;
}

void tst_Gtid::mariaMostAdvanced()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, winner);
    QFETCH(bool, diverged);
    const AdvancementVerdict v = mostAdvanced(maria(a), maria(b));
    QCOMPARE(winnerName(v.winner), winner);
    QCOMPARE(v.diverged, diverged);
    QVERIFY(!v.reason.isEmpty());
    // symmetric
    const AdvancementVerdict back = mostAdvanced(maria(b), maria(a));
    const QString mirrored = winner == QLatin1String("first") ? QStringLiteral("second")
                             : winner == QLatin1String("second") ? QStringLiteral("first")
                                                                 : winner;
    QCOMPARE(winnerName(back.winner), mirrored);
}

// ---- binary log coordinates ----

void tst_Gtid::binlogCompare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected"); // -1, 0, 1, or 2 = not comparable
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("same") << "mysql-bin.000003:120" << "mysql-bin.000003:120" << 0 << "";
    QTest::newRow("earlier position") << "mysql-bin.000003:120" << "mysql-bin.000003:4000" << -1 << "";
    QTest::newRow("later file beats larger position") << "mysql-bin.000004:4" << "mysql-bin.000003:99999" << 1 << "";
    QTest::newRow("seven-digit file number") << "mysql-bin.1000000:4" << "mysql-bin.999999:500" << 1 << "";
    QTest::newRow("different padding, same number") << "b.01:5" << "b.000001:5" << 0 << "";
    QTest::newRow("base name with dots") << "host.example-bin.000002:4" << "host.example-bin.000010:4" << -1 << "";
    QTest::newRow("different base names") << "mysql-bin.000003:4" << "mariadb-bin.000003:4" << 2 << "different binary logs";
    QTest::newRow("no number suffix") << "mysql-bin:4" << "mysql-bin.000001:4" << 2 << "not a binary log file name";
    QTest::newRow("empty") << "" << "mysql-bin.000001:4" << 2 << "(no coordinates)";
}

void tst_Gtid::binlogCompare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QFETCH(QString, errorPart);
    auto coords = [](const QString &t) {
        const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
        return colon < 0 ? BinlogCoordinates{} : BinlogCoordinates{t.left(colon), t.mid(colon + 1).toLongLong()};
    };
    QString error;
    const auto r = compareBinlogCoordinates(coords(a), coords(b), &error);
    if (expected == 2) {
        QVERIFY(!r);
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    } else {
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(*r, expected);
        QCOMPARE(*compareBinlogCoordinates(coords(b), coords(a)), -expected);
    }
}

void tst_Gtid::binlogParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("valid") << "mysql-bin.000123:4567" << true << "";
    QTest::newRow("no position") << "mysql-bin.000123" << false << "expected FILE:POSITION";
    QTest::newRow("negative position") << "mysql-bin.000123:-4" << false << "not a non-negative number";
    QTest::newRow("position text") << "mysql-bin.000123:abc" << false << "not a non-negative number";
    QTest::newRow("file without number") << "mysql-bin.abc:4" << false << "not a binary log file name";
    QTest::newRow("signed file number") << "mysql-bin.+1:4" << false << "not a binary log file name";
}

void tst_Gtid::binlogParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, errorPart);
    QString error;
    const auto c = parseBinlogCoordinates(text, &error);
    QCOMPARE(c.has_value(), valid);
    if (valid) {
        QCOMPARE(c->toString(), text);
    } else {
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QVERIFY2(error.contains(text), qPrintable(error));
    }
}

QTEST_APPLESS_MAIN(tst_Gtid)
#include "tst_gtid.moc"
