#include "mysql/connectionoptions.h"

#include <QTest>

using namespace Topograph;

class tst_SslMode : public QObject
{
    Q_OBJECT
private slots:
    void names_data();
    void names();
    void parse_data();
    void parse();
    void defaults();
};

void tst_SslMode::names_data()
{
    QTest::addColumn<SslMode>("mode");
    QTest::addColumn<QString>("name");
    QTest::newRow("disabled") << SslMode::Disabled << "DISABLED";
    QTest::newRow("preferred") << SslMode::Preferred << "PREFERRED";
    QTest::newRow("required") << SslMode::Required << "REQUIRED";
    QTest::newRow("verify ca") << SslMode::VerifyCa << "VERIFY_CA";
    QTest::newRow("verify identity") << SslMode::VerifyIdentity << "VERIFY_IDENTITY";
}

void tst_SslMode::names()
{
    QFETCH(SslMode, mode);
    QFETCH(QString, name);
    QCOMPARE(sslModeName(mode), name);
    QCOMPARE(sslModeFromName(name), std::optional<SslMode>(mode));
    QVERIFY(sslModeNames().contains(name));
}

void tst_SslMode::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<SslMode>("mode");
    QTest::newRow("lower case") << "required" << true << SslMode::Required;
    QTest::newRow("mixed case") << "Verify_Ca" << true << SslMode::VerifyCa;
    QTest::newRow("dash for underscore") << "verify-identity" << true << SslMode::VerifyIdentity;
    QTest::newRow("spaces trimmed") << "  disabled " << true << SslMode::Disabled;
    QTest::newRow("empty") << "" << false << SslMode::Preferred;
    QTest::newRow("unknown") << "STRICT" << false << SslMode::Preferred;
    QTest::newRow("MySQL 5.6 boolean") << "1" << false << SslMode::Preferred;
    QTest::newRow("prefix only") << "VERIFY" << false << SslMode::Preferred;
}

void tst_SslMode::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(SslMode, mode);
    QString error;
    const auto parsed = sslModeFromName(text, &error);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, mode);
        QVERIFY(error.isEmpty());
    } else {
        // The error names the input and lists every valid name.
        QVERIFY2(error.contains(QLatin1Char('\'') + text + QLatin1Char('\'')), qPrintable(error));
        for (const QString &name : sslModeNames())
            QVERIFY2(error.contains(name), qPrintable(error));
    }
}

void tst_SslMode::defaults()
{
    const ConnectionOptions o;
    QCOMPARE(o.sslMode, SslMode::Preferred);
    QCOMPARE(o.connectTimeoutMs, 2000);
    QCOMPARE(o.readTimeoutMs, 3000);
    QCOMPARE(o.writeTimeoutMs, 3000);
    QVERIFY(!sslModeFromName(QStringLiteral("nope")));
}

QTEST_GUILESS_MAIN(tst_SslMode)
#include "tst_sslmode.moc"
