// `topograph-cli watch` runs the whole engine. Two of them on one store, both with AutoFailover
// on, see the same dead master: exactly one recovery runs (orchestrator #1217), the other records
// why it did not act. Both stop cleanly on SIGTERM.
#include "sandbox.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Topograph;
using Topograph::Test::Sandbox;

class tst_CliWatch : public QObject
{
    Q_OBJECT
private slots:
    void twoWatchersOneRecovery();
};

void tst_CliWatch::twoWatchersOneRecovery()
{
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b,a>c,a>d"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_TEST_PW"), sb.password());
    const QStringList globals{QStringLiteral("--store"), store, QStringLiteral("--user"), QStringLiteral("topograph"),
                              QStringLiteral("--password-env"), QStringLiteral("TG_TEST_PW")};
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), globals + args);
        p.waitForFinished(60000);
        return p.exitCode();
    };
    QCOMPARE(run({QStringLiteral("discover"), sb.address(QStringLiteral("a"))}), 0);
    QCOMPARE(run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("AutoFailover"), QStringLiteral("on")}), 0);
    QCOMPARE(run({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("RecoverMasterClusterFilters"), QStringLiteral("*")}), 0);

    QProcess w1, w2;
    for (QProcess *w : {&w1, &w2}) {
        w->setProcessEnvironment(env);
        w->start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), QStringList{QStringLiteral("--json")} + globals + QStringList{QStringLiteral("watch")});
        QVERIFY(w->waitForStarted());
    }
    auto seen = [](QProcess &w, const QByteArray &what) { return w.peek(1 << 20).contains(what); };
    QVERIFY(Sandbox::waitFor([&] { return seen(w1, "\"event\":\"watching\"") && seen(w2, "\"event\":\"watching\""); }, 20000));
    QTest::qWait(500);
    QVERIFY(sb.kill(QStringLiteral("a")));
    QVERIFY2(Sandbox::waitFor([&] { return seen(w1, "\"event\":\"recovery\"") || seen(w2, "\"event\":\"recovery\""); }, 15000),
             qPrintable(QString::fromUtf8(w1.peek(1 << 20) + w2.peek(1 << 20))));
    QTest::qWait(3000); // time for the other one to (not) act

    for (QProcess *w : {&w1, &w2}) {
        ::kill(pid_t(w->processId()), SIGTERM);
        QVERIFY(w->waitForFinished(15000));
        QCOMPARE(w->exitStatus(), QProcess::NormalExit);
        QCOMPARE(w->exitCode(), 0);
    }
    const QString out1 = QString::fromUtf8(w1.readAllStandardOutput());
    const QString out2 = QString::fromUtf8(w2.readAllStandardOutput());

    QString error;
    auto s = Store::open(store, &error);
    QVERIFY2(s, qPrintable(error));
    int succeeded = 0;
    for (const Recovery &r : RecoveryLog(*s).recoveries({})) {
        const auto full = RecoveryLog(*s).recovery(r.id);
        if (r.state == RecoveryState::Succeeded)
            ++succeeded;
        else // a second claim that lost the race may exist, but it touched no server
            QVERIFY2(full->steps.isEmpty(), qPrintable(r.summary));
    }
    QVERIFY2(succeeded == 1, qPrintable(out1 + QLatin1String("\n----\n") + out2));
    // the one that did not recover says why
    const QString quiet = out1.contains(QLatin1String("\"event\":\"recovery\"")) ? out2 : out1;
    QVERIFY2(quiet.contains(QLatin1String("blocked")) || quiet.contains(QLatin1String("refused")), qPrintable(quiet));
    QVERIFY(!RecoveryLog(*s).blockedRecoveries().isEmpty() || quiet.contains(QLatin1String("refused")));
}

QTEST_GUILESS_MAIN(tst_CliWatch)
#include "tst_cli_watch.moc"
