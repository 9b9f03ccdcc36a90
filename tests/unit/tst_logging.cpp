#include "logging/logging.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;

class tst_Logging : public QObject
{
    Q_OBJECT
private slots:
    void passwordsNeverReachTheLog();
    void qtMessagesAreBridged();
    void serverTextCannotForgeLines();
    void unwritableDirectoryFallsBackToStderr();
    void cleanupTestCase() { Logging::shutdown(); }
};

static QByteArray readLog()
{
    Logging::flush();
    QFile f(Logging::logFilePath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void tst_Logging::passwordsNeverReachTheLog()
{
    QTemporaryDir dir;
    Logging::Options o;
    o.directory = dir.path();
    o.fileLevel = spdlog::level::trace;
    qunsetenv("TOPOGRAPH_LOG_DIR");
    QVERIFY(Logging::initialize(o));
    QVERIFY(Logging::logFilePath().startsWith(dir.path()));

    const QString secret = QStringLiteral("s3cr3t-Pässwörd-한국");
    Logging::registerSecret(secret);
    // Every way a password could slip into a log line: spdlog with a QString, a raw UTF-8 string,
    // a Qt message, and text that embeds it in a connection string.
    spdlog::info("connecting with password {}", secret);
    spdlog::warn("raw: {}", secret.toStdString());
    qWarning("Qt says: %s", qUtf8Printable(secret));
    qInfo() << "mysql://topograph:" + secret + "@db1:3306";
    spdlog::error("twice {} and {}", secret, secret);

    const QByteArray log = readLog();
    QVERIFY2(!log.isEmpty(), "the log file is empty");
    QVERIFY2(!log.contains(secret.toUtf8()), log.constData());
    QCOMPARE(log.count("*****"), 6);
    QVERIFY(log.contains("connecting with password *****"));
    QCOMPARE(Logging::redacted(QStringLiteral("pw=") + secret), QStringLiteral("pw=*****"));
}

void tst_Logging::qtMessagesAreBridged()
{
    QTemporaryDir dir;
    Logging::Options o;
    o.directory = dir.path();
    QVERIFY(Logging::initialize(o));
    qWarning("bridged warning 42");
    const QByteArray log = readLog();
    QVERIFY2(log.contains("[warning] [") && log.contains("bridged warning 42"), log.constData());
}

// A host name or an error a server supplied may hold a newline or an escape sequence: the log file
// keeps one message per line and no control character reaches whoever reads it in a terminal.
void tst_Logging::serverTextCannotForgeLines()
{
    QTemporaryDir dir;
    Logging::Options o;
    o.directory = dir.path();
    QVERIFY(Logging::initialize(o));
    const QString hostile = QStringLiteral("db1\n[2026-01-01 00:00:00.000] [critical] forged\r\x1b[2J\x1b]0;t\x07");
    spdlog::warn("reported {}", hostile);
    qWarning("Qt: %s", qUtf8Printable(hostile));
    const QByteArray log = readLog();
    const QList<QByteArray> lines = log.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(!log.contains("\n[2026-01-01"), log.constData());
    QVERIFY2(lines.at(0).contains("db1\\n[2026-01-01 00:00:00.000] [critical] forged\\r\\x1b[2J\\x1b]0;t\\x07"), lines.at(0).constData());
    for (char c : log)
        QVERIFY2(c == '\n' || (unsigned char)c >= 0x20, "a control character reached the log file");
}

void tst_Logging::unwritableDirectoryFallsBackToStderr()
{
    Logging::Options o;
    o.directory = QStringLiteral("/proc/topograph-cannot-exist/logs");
    QString error;
    QVERIFY(!Logging::initialize(o, &error));
    QVERIFY2(error.contains(QLatin1String("/proc/topograph-cannot-exist/logs")), qPrintable(error));
    QVERIFY(Logging::logFilePath().isEmpty());
    spdlog::warn("still logged somewhere"); // must not crash
}

QTEST_GUILESS_MAIN(tst_Logging)
#include "tst_logging.moc"
