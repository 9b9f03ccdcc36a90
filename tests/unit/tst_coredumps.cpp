// Processes that hold passwords leave no core dump: disableCoreDumps() in this process, and a
// running topograph-cli (its RLIMIT_CORE as the kernel shows it in /proc/PID/limits).
#include "credentials/coredumps.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

#include <csignal>

using namespace Topograph;

class tst_CoreDumps : public QObject
{
    Q_OBJECT

private slots:
    void inProcess()
    {
        // A shell may start tests with core dumps on; make sure there is something to turn off.
        rlimit some{};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &some), 0);
        if (some.rlim_max > 0) {
            some.rlim_cur = some.rlim_max;
            ::setrlimit(RLIMIT_CORE, &some);
        }
        ::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1);

        QString error;
        QVERIFY2(disableCoreDumps(&error), qPrintable(error));
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        rlimit now{};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &now), 0);
        QCOMPARE(now.rlim_cur, rlim_t(0));
        QCOMPARE(now.rlim_max, rlim_t(0)); // hard limit too: a child cannot raise it again
    }

    // The CLI, started with core dumps allowed, runs with them off (watch: the long-running
    // process that holds the password for hours).
    void cliProcess()
    {
        QTemporaryDir dir;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TOPOGRAPH_TEST_PASSWORD"), QStringLiteral("secret-in-memory"));
        env.insert(QStringLiteral("TOPOGRAPH_LOG_DIR"), dir.path());
        cli.setProcessEnvironment(env);
        cli.setChildProcessModifier([] {
            const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
            ::setrlimit(RLIMIT_CORE, &unlimited);
        });
        cli.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
                  {QStringLiteral("--store"), dir.filePath(QStringLiteral("s.sqlite")), QStringLiteral("--user"),
                   QStringLiteral("topograph"), QStringLiteral("--password-env"), QStringLiteral("TOPOGRAPH_TEST_PASSWORD"),
                   QStringLiteral("watch"), QStringLiteral("127.0.0.1:1")});
        QVERIFY(cli.waitForStarted());
        const QString limitsPath = QStringLiteral("/proc/%1/limits").arg(cli.processId());
        static const QRegularExpression core(QStringLiteral("^Max core file size\\s+(\\S+)\\s+(\\S+)"),
                                             QRegularExpression::MultilineOption);
        QString soft, hard;
        // The limit is set first thing in main(); before that the process still runs the loader.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile f(limitsPath);
                if (!f.open(QIODevice::ReadOnly))
                    return false;
                const QRegularExpressionMatch m = core.match(QString::fromLatin1(f.readAll()));
                soft = m.captured(1);
                hard = m.captured(2);
                return soft == QLatin1String("0");
            }(),
            10000);
        QCOMPARE(hard, QStringLiteral("0"));
        QVERIFY2(cli.state() == QProcess::Running, qPrintable(cli.readAllStandardError()));
        ::kill(pid_t(cli.processId()), SIGTERM);
        QVERIFY(cli.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(tst_CoreDumps)
#include "tst_coredumps.moc"
