// The operation commands through the real topograph-cli binary against a real sandbox: exit codes,
// what they print, what they changed on the servers and what they recorded in the store.
#include "sandbox.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"
#include "writer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class tst_CliOperations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void canRelocate();
    void relocateThenTakeover();
    void downtimeAliasForget();
    void refusedAliasIsAuditedWithoutAnInstance();

private:
    Run cli(const QStringList &args) const;
    QString addr(const QString &node) const
    {
        return QStringLiteral("127.0.0.1:%1").arg(m_sb->port(node));
    }
    bool replicatesFrom(const QString &node, const QString &source)
    {
        return Sandbox::waitFor(
            [&] {
                const auto st = m_sb->slaveStatus(node);
                return st.value(QStringLiteral("Master_Port"))
                    == QString::number(m_sb->port(source))
                    && st.value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
                    && st.value(QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes");
            },
            10000);
    }

    std::unique_ptr<Sandbox> m_sb;
    QTemporaryDir m_dir;
    QString m_store;
};

Run tst_CliOperations::cli(const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_PW"), m_sb->password());
    env.insert(QStringLiteral("TG_REPL_PW"), m_sb->replicationPassword());
    env.insert(QStringLiteral("TOPOGRAPH_LOG_DIR"), m_dir.filePath(QStringLiteral("logs")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
        QStringList { QStringLiteral("--store"), m_store, QStringLiteral("--user"),
            QStringLiteral("topograph"), QStringLiteral("--password-env"), QStringLiteral("TG_PW") }
            + args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void tst_CliOperations::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli")));
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a>b,a>c,a>d"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    QVERIFY(Topograph::Test::Writer::createTable(*m_sb, QStringLiteral("a")));
    m_sb->sql(QStringLiteral("a"), QStringLiteral("INSERT INTO app.w VALUES (1)"));
    m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
    const Run r = cli({ QStringLiteral("discover"), addr(QStringLiteral("a")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void tst_CliOperations::canRelocate()
{
    Run r = cli({ QStringLiteral("can-relocate"), addr(QStringLiteral("c")),
        QStringLiteral("--below"), addr(QStringLiteral("b")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(
        r.out.contains(QStringLiteral("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=%1")
                           .arg(m_sb->port(QStringLiteral("b")))),
        qPrintable(r.out));
    r = cli({ QStringLiteral("can-relocate"), addr(QStringLiteral("c")), QStringLiteral("--below"),
        addr(QStringLiteral("c")) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("cannot replicate from itself")), qPrintable(r.out));
    r = cli({ QStringLiteral("can-relocate"), addr(QStringLiteral("c")) });
    QCOMPARE(r.exitCode, 2);
    // nothing changed
    QVERIFY(replicatesFrom(QStringLiteral("c"), QStringLiteral("a")));
}

void tst_CliOperations::relocateThenTakeover()
{
    Run r = cli({ QStringLiteral("relocate"), addr(QStringLiteral("d")), QStringLiteral("--below"),
        addr(QStringLiteral("c")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(replicatesFrom(QStringLiteral("d"), QStringLiteral("c")));

    // No replication user given and no password anywhere (no keychain here): the plan uses the
    // account the replicas already use (repl), and the takeover is refused before its first
    // statement instead of leaving the old master with an empty MASTER_USER.
    r = cli({ QStringLiteral("graceful-takeover"), addr(QStringLiteral("a")), QStringLiteral("--to"),
        addr(QStringLiteral("b")) });
    QVERIFY2(r.exitCode != 0, qPrintable(r.out + r.err));
    QVERIFY2((r.out + r.err).contains(QStringLiteral("replication user 'repl'")), qPrintable(r.out + r.err));
    QVERIFY2((r.out + r.err).contains(QStringLiteral("nothing done")), qPrintable(r.out + r.err));
    QCOMPARE(
        m_sb->sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(m_sb->slaveStatus(QStringLiteral("a")).isEmpty());
    QVERIFY(replicatesFrom(QStringLiteral("b"), QStringLiteral("a")));

    // The password alone is enough: the user is the one the cluster's replicas use.
    r = cli(
        { QStringLiteral("graceful-takeover"), addr(QStringLiteral("a")), QStringLiteral("--to"),
            addr(QStringLiteral("b")), QStringLiteral("--replication-password-env"), QStringLiteral("TG_REPL_PW") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("writes were refused for")), qPrintable(r.out));
    QVERIFY(!r.out.contains(m_sb->replicationPassword()));
    QVERIFY(!r.err.contains(m_sb->replicationPassword()));
    QCOMPARE(
        m_sb->sql(QStringLiteral("b"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));
    QVERIFY(replicatesFrom(QStringLiteral("a"), QStringLiteral("b")));
    QVERIFY(replicatesFrom(QStringLiteral("c"), QStringLiteral("b")));
    QVERIFY(replicatesFrom(QStringLiteral("d"), QStringLiteral("c")));
    m_sb->sql(QStringLiteral("b"), QStringLiteral("INSERT INTO app.w VALUES (2)"));
    QVERIFY(Sandbox::waitFor(
        [&] {
            return m_sb->sql(QStringLiteral("a"), QStringLiteral("SELECT COUNT(*) FROM app.w"))
                == QLatin1String("2");
        },
        10000));

    // recorded, with every step, and the password nowhere in the store
    QString error;
    auto store = Store::open(m_store, &error);
    QVERIFY2(store, qPrintable(error));
    RecoveryFilter f;
    f.withSteps = true;
    const QList<Recovery> all = RecoveryLog(*store).recoveries(f, &error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).kind, QStringLiteral("graceful-takeover"));
    QCOMPARE(all.at(1).state, RecoveryState::Succeeded);
    for (const RecoveryStep &s : all.at(1).steps)
        QVERIFY(!s.statement.contains(m_sb->replicationPassword()));
}

void tst_CliOperations::downtimeAliasForget()
{
    Run r
        = cli({ QStringLiteral("downtime"), addr(QStringLiteral("d")), QStringLiteral("--minutes"),
            QStringLiteral("10"), QStringLiteral("--reason"), QStringLiteral("disk swap") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    r = cli({ QStringLiteral("stop-replica"), addr(QStringLiteral("d")) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("downtimed until"))
            && r.out.contains(QStringLiteral("disk swap")),
        qPrintable(r.out));
    r = cli({ QStringLiteral("end-downtime"), addr(QStringLiteral("d")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    r = cli({ QStringLiteral("stop-replica"), addr(QStringLiteral("d")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_sb->slaveStatus(QStringLiteral("d")).value(QStringLiteral("Slave_SQL_Running")),
        QStringLiteral("No"));
    r = cli({ QStringLiteral("start-replica"), addr(QStringLiteral("d")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(replicatesFrom(QStringLiteral("d"), QStringLiteral("c")));
    r = cli({ QStringLiteral("alias"), addr(QStringLiteral("b")), QStringLiteral("shop") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QString error;
    auto store = Store::open(m_store, &error);
    QCOMPARE(store->clusterAliases().value(addr(QStringLiteral("b"))), QStringLiteral("shop"));
    r = cli({ QStringLiteral("forget"), addr(QStringLiteral("d")) });
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
}

void tst_CliOperations::refusedAliasIsAuditedWithoutAnInstance()
{
    // An alias names a cluster, never an instance: its refusals are audited with no instance
    // (not ":0"), whether validation refused it (no such cluster) or the store did (taken).
    QString error;
    QString cluster;
    {
        auto store = Store::open(m_store, &error);
        QVERIFY2(store, qPrintable(error));
        for (const Store::KnownInstance &k : store->knownInstances())
            if (k.key.toString() == addr(QStringLiteral("a")))
                cluster = k.clusterName;
        QVERIFY2(store->setClusterAlias(QStringLiteral("10.9.9.9:3306"), QStringLiteral("taken"), &error),
            qPrintable(error));
    }
    QVERIFY(!cluster.isEmpty());
    Run r = cli({ QStringLiteral("alias"), QStringLiteral("no-such-cluster"), QStringLiteral("orders") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("no cluster named no-such-cluster")), qPrintable(r.out));
    r = cli({ QStringLiteral("alias"), cluster, QStringLiteral("taken") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QStringLiteral("already names cluster 10.9.9.9:3306")), qPrintable(r.out));

    auto store = Store::open(m_store, &error);
    QVERIFY2(store, qPrintable(error));
    QList<AuditEntry> refused;
    for (const AuditEntry &e : AuditLog(*store).entries({}, &error))
        if (e.action == QLatin1String("set-alias") && e.outcome == AuditOutcome::Refused)
            refused << e;
    QCOMPARE(refused.size(), 2);
    QCOMPARE(refused.at(0).instance, QString());
    QCOMPARE(refused.at(0).cluster, QString());
    QCOMPARE(refused.at(0).details.value(QStringLiteral("requestedCluster")).toString(),
        QStringLiteral("no-such-cluster"));
    QCOMPARE(refused.at(0).details.value(QStringLiteral("alias")).toString(), QStringLiteral("orders"));
    QCOMPARE(refused.at(1).instance, QString());
    QCOMPARE(refused.at(1).cluster, cluster);
    QVERIFY2(refused.at(1).message.contains(QStringLiteral("already names cluster")),
        qPrintable(refused.at(1).message));
    QVERIFY(!store->clusterAliases().values().contains(QStringLiteral("orders")));
    QCOMPARE(store->clusterAliases().value(QStringLiteral("10.9.9.9:3306")), QStringLiteral("taken"));
}

QTEST_GUILESS_MAIN(tst_CliOperations)
#include "tst_cli_operations.moc"
