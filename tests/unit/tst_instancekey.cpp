#include "model/instancekey.h"

#include <QTest>

using namespace Topograph;

class tst_InstanceKey : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
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
    QTest::newRow("shell characters") << "$(touch x):3306" << false << "" << 0 << "characters";
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

QTEST_APPLESS_MAIN(tst_InstanceKey)
#include "tst_instancekey.moc"
