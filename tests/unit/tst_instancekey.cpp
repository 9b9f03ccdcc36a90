#include "model/instancekey.h"

#include <QTest>

#include "text/safetext.h"

using namespace Topograph;

class tst_InstanceKey : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void hostileNames_data();
    void hostileNames();
    void goodNames_data();
    void goodNames();
    void rawForm_data();
    void rawForm();
};

void tst_InstanceKey::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("ipv4") << "127.0.0.1:3306" << true << "127.0.0.1" << 3306 << "";
    QTest::newRow("name, upper case folded") << "DB-1.Example.com:3307" << true << "db-1.example.com" << 3307 << "";
    QTest::newRow("spaces trimmed") << "  db1:3306 " << true << "db1" << 3306 << "";
    QTest::newRow("ipv6 in brackets") << "[::1]:3306" << true << "::1" << 3306 << "";
    QTest::newRow("highest port") << "db1:65535" << true << "db1" << 65535 << "";
    QTest::newRow("empty") << "" << false << "" << 0 << "empty";
    QTest::newRow("no port") << "db1" << false << "" << 0 << "port is missing";
    QTest::newRow("colon, no port") << "db1:" << false << "" << 0 << "missing";
    QTest::newRow("port zero") << "db1:0" << false << "" << 0 << "outside 1-65535";
    QTest::newRow("port too high") << "db1:65536" << false << "" << 0 << "outside 1-65535";
    QTest::newRow("port not a number") << "db1:33o6" << false << "" << 0 << "not a number";
    QTest::newRow("bare ipv6") << "::1:3306" << false << "" << 0 << "brackets";
    QTest::newRow("unclosed bracket") << "[::1:3306" << false << "" << 0 << "]";
    QTest::newRow("shell characters") << "$(touch x):3306" << false << "" << 0 << "cannot have";
    QTest::newRow("no host") << ":3306" << false << "" << 0 << "host is missing";
}

void tst_InstanceKey::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, errorPart);

    QString error;
    const auto key = InstanceKey::parse(text, &error);
    QCOMPARE(key.has_value(), valid);
    if (valid) {
        QCOMPARE(key->host(), host);
        QCOMPARE(key->port(), port);
        QVERIFY(error.isEmpty());
        QCOMPARE(InstanceKey::parse(key->toString()), key); // round trip
    } else {
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QVERIFY2(error.contains(text.trimmed()), qPrintable(error)); // names the input
    }
}


// What a server can report (report_host is any string the replica's configuration gives;
// Master_Host any string CHANGE MASTER was given): none of it may reach mysql_real_connect.
void tst_InstanceKey::hostileNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("why");
    QTest::newRow("';' (connection string)") << "db1;host=evil" << "';'";
    QTest::newRow("'=' (connection string)") << "host=evil" << "'='";
    QTest::newRow("'://' (connection URI)") << "mysql://evil" << "'/'";
    QTest::newRow("'<'") << "<script>" << "'<'";
    QTest::newRow("newline") << "db1\nforged line" << "control character \\n";
    QTest::newRow("ESC") << "db1\x1b[2Jx" << "control character \\x1b";
    QTest::newRow("NUL") << QString::fromLatin1("db1\0x", 5) << "control character \\x00";
    QTest::newRow("space") << "db 1" << "a space";
    QTest::newRow("300 characters") << QString(300, QLatin1Char('a')) << "300 characters";
    QTest::newRow("label over 63") << QString(64, QLatin1Char('a')) + ".example" << "longer than 63";
    QTest::newRow("not UTF-8") << QString::fromUtf8("db\xff\xfe" "1") << "not UTF-8";
    QTest::newRow("non-ASCII") << QStringLiteral("d\u00e9b") << "xn--";
    QTest::newRow("detached //host") << "//db1" << "'/'";
    QTest::newRow("leading dash (option)") << "-db1" << "starts with '-'";
    QTest::newRow("empty label") << "db1..example" << "empty label";
    QTest::newRow("colon, not IPv6") << "db1:evil" << "not an IPv6 address";
    QTest::newRow("IPv6 with junk zone") << "fe80::1%;x" << "';'";
}

void tst_InstanceKey::hostileNames()
{
    QFETCH(QString, host);
    QFETCH(QString, why);
    const InstanceKey key(host, 3306);
    QVERIFY(!key.isValid());
    QVERIFY2(key.problem().contains(why), qPrintable(key.problem()));
    // Printed escaped, on one line, without control characters (it lands in terminals and logs).
    QVERIFY(!SafeText::needsEscaping(key.toString()));
    QVERIFY(!SafeText::needsEscaping(key.problem()));
    QVERIFY(!InstanceKey::parse(host + QStringLiteral(":3306")));
}

void tst_InstanceKey::goodNames_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("name") << "db-1.example.com";
    QTest::newRow("underscore (common in internal DNS)") << "db_1.internal";
    QTest::newRow("ipv4") << "10.2.9.67";
    QTest::newRow("ipv6") << "2001:db8::7";
    QTest::newRow("ipv6 with zone") << "fe80::1%eth0";
    QTest::newRow("punycode") << "xn--9t4b11yi5a.example";
    QTest::newRow("255 characters") << (QString(63, QLatin1Char('a')) + QLatin1Char('.')).repeated(3) + QString(63, QLatin1Char('b'));
    QTest::newRow("localhost") << "localhost";
    QTest::newRow("fully qualified, trailing dot") << "db1.example.com.";
}

void tst_InstanceKey::goodNames()
{
    QFETCH(QString, host);
    const InstanceKey key(host, 3306);
    QVERIFY2(key.isValid(), qPrintable(key.problem()));
    QVERIFY(key.problem().isEmpty());
}

// forget and promotion-rule name a bad key by the form Topograph printed it in.
void tst_InstanceKey::rawForm_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("';'") << "db1;host=evil";
    QTest::newRow("newline") << "db1\nforged";
    QTest::newRow("ESC") << "db1\x1b[2J";
    QTest::newRow("300 characters") << QString(300, QLatin1Char('a'));
    QTest::newRow("'://'") << "mysql://evil";
}

void tst_InstanceKey::rawForm()
{
    QFETCH(QString, host);
    const InstanceKey key(host, 3307);
    QVERIFY(!key.isValid());
    QString error;
    const auto raw = InstanceKey::parseRaw(key.toString(), &error);
    QVERIFY2(raw, qPrintable(error));
    QCOMPARE(raw->host(), key.host());
    QCOMPARE(raw->port(), 3307);
    QVERIFY(!raw->isValid());
    QVERIFY(!InstanceKey::parseRaw(QStringLiteral("db1;x"), &error));
    QVERIFY2(error.contains(QLatin1String("port")), qPrintable(error));
}

QTEST_APPLESS_MAIN(tst_InstanceKey)
#include "tst_instancekey.moc"
