#include "startupoptions.h"

#include <QTemporaryFile>
#include <QTest>

using namespace Topograph;
using namespace Topograph::Gui;

class tst_StartupOptions : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void passwordFromTheNamedVariable();
};

void tst_StartupOptions::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("seeds");
    QTest::newRow("defaults") << QStringList{} << true << QString() << "topograph" << 0;
    QTest::newRow("CLI global options and seeds")
        << QStringList{"--store", "/tmp/x.sqlite", "--user", "orc", "--password-env", "PW", "--ssl-mode", "REQUIRED",
                       "db1:3306", "db2"}
        << true << "/tmp/x.sqlite" << "orc" << 2;
    QTest::newRow("bad seed") << QStringList{"db1:notaport"} << false << QString() << QString() << 0;
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << false << QString() << QString() << 0;
}

void tst_StartupOptions::parse()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    QString error;
    const auto o = StartupOptions::parse(QStringList{"topograph"} + args, &error);
    QCOMPARE(o.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QFETCH(QString, store);
    QFETCH(QString, user);
    QFETCH(int, seeds);
    QCOMPARE(o->storePath, store);
    QCOMPARE(o->user, user);
    QCOMPARE(o->seeds.size(), seeds);
    if (seeds == 2)
        QCOMPARE(o->seeds.at(1).port(), 3306); // the default port
}

void tst_StartupOptions::passwordFromTheNamedVariable()
{
    StartupOptions o;
    o.user = QStringLiteral("orc");
    o.passwordEnv = QStringLiteral("TOPOGRAPH_TST_STARTUP_PW");
    QString error;
    qunsetenv("TOPOGRAPH_TST_STARTUP_PW");
    QVERIFY(!connectionOptionsProvider(o, &error));
    QVERIFY2(error.contains(o.passwordEnv), qPrintable(error)); // unset is an error, never a fallback
    qputenv("TOPOGRAPH_TST_STARTUP_PW", "");
    QVERIFY(!connectionOptionsProvider(o, &error)); // empty too: never an empty password
    QVERIFY2(error.contains(o.passwordEnv) && error.contains(QLatin1String("is empty")), qPrintable(error));
    qputenv("TOPOGRAPH_TST_STARTUP_PW", "s3cret");
    o.sslMode = QStringLiteral("verify-ca");
    // VERIFY_CA without its CA is the option's mistake, said before any connection
    QVERIFY(!connectionOptionsProvider(o, &error));
    QVERIFY2(error.contains(QLatin1String("--ssl-ca")), qPrintable(error));
    QTemporaryFile ca;
    QVERIFY(ca.open());
    o.sslCa = ca.fileName();
    const auto provider = connectionOptionsProvider(o, &error);
    QVERIFY2(provider, qPrintable(error));
    const ConnectionOptions c = (*provider)(InstanceKey(QStringLiteral("db1"), 3306));
    QCOMPARE(c.password, QStringLiteral("s3cret"));
    QCOMPARE(c.user, QStringLiteral("orc"));
    QCOMPARE(c.sslMode, SslMode::VerifyCa);
    QCOMPARE(c.key.toString(), QStringLiteral("db1:3306"));
    o.sslMode = QStringLiteral("sometimes");
    QVERIFY(!connectionOptionsProvider(o, &error));
}

QTEST_GUILESS_MAIN(tst_StartupOptions)
#include "tst_startupoptions.moc"
