// The recovery commands through the real topograph-cli binary on real servers: policy round trip
// and refusals, analysis/candidates/recover after a kill -9, a live master refused, and the CLI
// itself killed in the middle of a recovery, after which the record and the analysis tell the truth.
#include "sandbox.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

class Cli
{
public:
    Cli(Sandbox &sb, const QString &store)
        : m_store(store)
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("TG_TEST_PW"), sb.password());
    }
    QStringList globals() const
    {
        return {QStringLiteral("--store"), m_store, QStringLiteral("--user"), QStringLiteral("topograph"),
                QStringLiteral("--password-env"), QStringLiteral("TG_TEST_PW")};
    }
    Run operator()(const QStringList &args, int timeoutMs = 60000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), globals() + args);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    std::unique_ptr<QProcess> start(const QStringList &args) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(m_env);
        p->start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"), globals() + args);
        p->waitForStarted();
        return p;
    }

private:
    QString m_store;
    QProcessEnvironment m_env;
};

QString text(const Run &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(r.code).arg(r.out, r.err);
}

} // namespace

class tst_CliRecovery : public QObject
{
    Q_OBJECT
private slots:
    void policyRoundTripAndRefusals();
    void recoverAfterKill();
    void forceFailoverOfALiveMaster();
    void killedMidRecoveryLeavesATruthfulRecord();
};

void tst_CliRecovery::policyRoundTripAndRefusals()
{
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    Cli cli(sb, dir.filePath(QStringLiteral("s.sqlite")));
    Run r = cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("AutoFailover"), QStringLiteral("on")});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    r = cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("RecoverMasterClusterFilters"), QStringLiteral("alias=orders,db.*")});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    // a bad regex: refused with its position, nothing changed
    r = cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("RecoverMasterClusterFilters"), QStringLiteral("db[1")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("'db[1' at character 5")), qPrintable(text(r)));
    r = cli({QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("show")});
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(shown.value(QStringLiteral("AutoFailover")).toBool(), true);
    QCOMPARE(shown.value(QStringLiteral("RecoverMasterClusterFilters")).toArray().size(), 2);

    const QString exported = dir.filePath(QStringLiteral("policy.json"));
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("export"), exported}).code, 0);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("AutoFailover"), QStringLiteral("off")}).code, 0);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("import"), exported}).code, 0);
    r = cli({QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("show")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object(), shown);

    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"AutoFailover": false, "RecoverMasterClusterFilters": ["("]})");
    bad.close();
    r = cli({QStringLiteral("policy"), QStringLiteral("import"), bad.fileName()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(bad.fileName()) && r.err.contains(QLatin1String("nothing changed")), qPrintable(text(r)));
    r = cli({QStringLiteral("--json"), QStringLiteral("policy"), QStringLiteral("show")});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object(), shown);

    // every change is in the audit log, with the person
    r = cli({QStringLiteral("audit"), QStringLiteral("list")});
    QVERIFY2(r.out.count(QStringLiteral("AutoFailover")) >= 3, qPrintable(text(r)));
    r = cli({QStringLiteral("promotion-rule"), sb.address(QStringLiteral("b")), QStringLiteral("always")});
    QCOMPARE(r.code, 2);
    QVERIFY(cli({QStringLiteral("promotion-rule"), sb.address(QStringLiteral("b")), QStringLiteral("must_not")}).code == 0);
}

void tst_CliRecovery::forceFailoverOfALiveMaster()
{
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b,a>c"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    Cli cli(sb, dir.filePath(QStringLiteral("s.sqlite")));
    QCOMPARE(cli({QStringLiteral("discover"), sb.address(QStringLiteral("a"))}).code, 0);
    Run r = cli({QStringLiteral("recover"), sb.address(QStringLiteral("a")), QStringLiteral("--force"),
                 QStringLiteral("--candidate"), sb.address(QStringLiteral("b"))});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    QCOMPARE(sb.sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    QCOMPARE(sb.sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(Sandbox::waitFor([&] {
        return sb.slaveStatus(QStringLiteral("c")).value(QStringLiteral("Master_Port")) == QString::number(sb.port(QStringLiteral("b")));
    }, 10000));
    r = cli({QStringLiteral("recoveries")});
    QVERIFY2(r.out.contains(QLatin1String("ForcedMasterFailover")), qPrintable(text(r)));
}

void tst_CliRecovery::recoverAfterKill()
{
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b,a>c"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    Cli cli(sb, dir.filePath(QStringLiteral("s.sqlite")));
    QCOMPARE(cli({QStringLiteral("discover"), sb.address(QStringLiteral("a"))}).code, 0);
    Run r = cli({QStringLiteral("recover"), sb.address(QStringLiteral("a"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("is alive")), qPrintable(text(r)));

    QVERIFY(cli({QStringLiteral("promotion-rule"), sb.address(QStringLiteral("b")), QStringLiteral("must_not")}).code == 0);
    QVERIFY(sb.kill(QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor([&] {
        return sb.slaveStatus(QStringLiteral("b")).value(QStringLiteral("Slave_IO_Running")) != QLatin1String("Yes")
               && sb.slaveStatus(QStringLiteral("c")).value(QStringLiteral("Slave_IO_Running")) != QLatin1String("Yes");
    }, 10000));
    r = cli({QStringLiteral("--json"), QStringLiteral("analysis")});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    const QJsonArray analyses = QJsonDocument::fromJson(r.out.toUtf8()).array();
    bool dead = false;
    for (const QJsonValue &a : analyses)
        dead = dead || (a.toObject().value(QStringLiteral("code")).toString() == QLatin1String("DeadMaster"));
    QVERIFY2(dead, qPrintable(text(r)));
    r = cli({QStringLiteral("candidates"), sb.address(QStringLiteral("a"))});
    QVERIFY2(r.out.contains(QLatin1String("excluded: promotion rule must_not")), qPrintable(text(r)));
    QVERIFY2(r.out.contains(sb.address(QStringLiteral("c")) + QLatin1String("  <- chosen")), qPrintable(text(r)));
    r = cli({QStringLiteral("recover"), sb.address(QStringLiteral("a"))});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    QCOMPARE(sb.sql(QStringLiteral("c"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(Sandbox::waitFor([&] {
        return sb.slaveStatus(QStringLiteral("b")).value(QStringLiteral("Master_Port")) == QString::number(sb.port(QStringLiteral("c")));
    }, 5000));
    r = cli({QStringLiteral("recoveries")});
    QVERIFY2(r.out.contains(QLatin1String("succeeded")) && r.out.contains(QLatin1String("UNACKNOWLEDGED")), qPrintable(text(r)));

    // The old master starts again (writable: nothing fenced it while it was down): `analysis`
    // says so, naming the master it should rejoin under.
    QVERIFY2(sb.start(QStringLiteral("a")), qPrintable(sb.error()));
    r = cli({QStringLiteral("--json"), QStringLiteral("analysis")});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    QJsonObject returned;
    for (const QJsonValue &a : QJsonDocument::fromJson(r.out.toUtf8()).array())
        if (a.toObject().value(QStringLiteral("code")).toString() == QLatin1String("FormerMasterReturned"))
            returned = a.toObject();
    QVERIFY2(!returned.isEmpty(), qPrintable(text(r)));
    QCOMPARE(returned.value(QStringLiteral("instance")).toString(), sb.address(QStringLiteral("a")));
    QVERIFY2(returned.value(QStringLiteral("explanation")).toString().contains(sb.address(QStringLiteral("c"))),
             qPrintable(text(r)));
}

void tst_CliRecovery::killedMidRecoveryLeavesATruthfulRecord()
{
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b,a>c,a>d"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    const QString storePath = dir.filePath(QStringLiteral("s.sqlite"));
    Cli cli(sb, storePath);
    QCOMPARE(cli({QStringLiteral("discover"), sb.address(QStringLiteral("a"))}).code, 0);
    QVERIFY(cli({QStringLiteral("promotion-rule"), sb.address(QStringLiteral("b")), QStringLiteral("prefer")}).code == 0);
    QVERIFY(sb.kill(QStringLiteral("a")));
    QVERIFY(Sandbox::waitFor([&] {
        for (const QString &n : {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")})
            if (sb.slaveStatus(n).value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes"))
                return false;
        return true;
    }, 10000));
    // The recovery will repoint c and d under b in parallel. Its own PreFailover hook freezes d
    // (after discovery saw d healthy), so c's step completes and d's hangs until its timeout:
    // that is when Topograph itself dies.
    const QString hook = QStringLiteral(R"([["/bin/sh","-c","kill -STOP %1"]])").arg(sb.pid(QStringLiteral("d")));
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("PreFailoverProcesses"), hook}).code, 0);
    std::unique_ptr<QProcess> recover = cli.start({QStringLiteral("recover"), sb.address(QStringLiteral("a"))});
    QVERIFY(Sandbox::waitFor([&] {
        return QString::fromUtf8(recover->peek(1 << 16)).contains(QLatin1String("[ok] repoint ") + sb.address(QStringLiteral("c")));
    }, 20000));
    // Only while it runs: kill(0, ...) would hit this whole process group.
    QVERIFY2(recover->state() == QProcess::Running && recover->processId() > 0,
             qPrintable(QString::fromUtf8(recover->readAll())));
    ::kill(pid_t(recover->processId()), SIGKILL);
    recover->waitForFinished();
    sb.thaw(QStringLiteral("d"));

    // The record: interrupted, at the last completed step.
    Run r = cli({QStringLiteral("recoveries")});
    QVERIFY2(r.out.contains(QLatin1String("interrupted")), qPrintable(text(r)));
    {
        QString error;
        auto store = Store::open(storePath, &error);
        QVERIFY2(store, qPrintable(error));
        const auto all = RecoveryLog(*store).recoveries({});
        QCOMPARE(all.size(), 1);
        const auto rec = RecoveryLog(*store).recovery(all.first().id);
        QCOMPARE(rec->state, RecoveryState::Interrupted);
        bool cOk = false;
        for (const RecoveryStep &s : rec->steps) {
            if (s.name.contains(sb.address(QStringLiteral("c"))) && s.name.startsWith(QLatin1String("repoint")))
                cOk = s.outcome == StepOutcome::Ok;
            QVERIFY2(s.outcome != StepOutcome::Running, qPrintable(s.name)); // nothing claims to be still running
        }
        QVERIFY(cOk);
    }
    // The servers: c was moved, b was never promoted. The analysis says what is really there.
    QCOMPARE(sb.slaveStatus(QStringLiteral("c")).value(QStringLiteral("Master_Port")), QString::number(sb.port(QStringLiteral("b"))));
    QCOMPARE(sb.sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("1"));
    r = cli({QStringLiteral("--json"), QStringLiteral("analysis")});
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("\"DeadMaster\"")), qPrintable(text(r)));
    // and a person can finish the job
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("PreFailoverProcesses"), QStringLiteral("[]")}).code, 0);
    r = cli({QStringLiteral("recover"), sb.address(QStringLiteral("a"))});
    QVERIFY2(r.code == 0, qPrintable(text(r)));
    QCOMPARE(sb.sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(tst_CliRecovery)
#include "tst_cli_recovery.moc"
