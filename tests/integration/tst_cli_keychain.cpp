// Passwords from the OS keychain, per cluster or global, through the real topograph-cli and a real
// Secret Service (scripts/test runs the suite under dbus-run-session with gnome-keyring).
#include "credentials/credentialstore.h"
#include "sandbox.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using Topograph::Test::Sandbox;

namespace {

// topograph-cli with the store and topology user of the test; stdout and stderr into *out.
int runCli(const QString &store, const QProcessEnvironment &env, const QStringList &args, QString *out = nullptr)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
            QStringList{QStringLiteral("--store"), store, QStringLiteral("--user"), QStringLiteral("topograph")} + args);
    p.waitForFinished(60000);
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitCode();
}

} // namespace

class tst_CliKeychain : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void perClusterEntryWinsOverGlobal();
    void replicationPasswordFromTheKeychain();
};

void tst_CliKeychain::init()
{
    if (!CredentialStore::unavailableReason().isEmpty())
        QSKIP(qPrintable(QStringLiteral("no keychain here (%1): scripts/test provides one").arg(CredentialStore::unavailableReason())));
}

void tst_CliKeychain::perClusterEntryWinsOverGlobal()
{
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_TEST_PW"), sb.password());
    auto cli = [&](const QStringList &args, QString *out = nullptr) { return runCli(store, env, args, out); };
    QCOMPARE(cli({QStringLiteral("--password-env"), QStringLiteral("TG_TEST_PW"), QStringLiteral("discover"), sb.address(QStringLiteral("a"))}), 0);

    CredentialStore keychain;
    const QString cluster = CredentialStore::accountFor(QStringLiteral("topograph"), sb.address(QStringLiteral("a")));
    const QString global = CredentialStore::accountFor(QStringLiteral("topograph"), QString());
    QVERIFY(keychain.write(global, QStringLiteral("not-the-password")).ok);
    QVERIFY(keychain.write(cluster, sb.password()).ok);

    QString out;
    QCOMPARE(cli({QStringLiteral("clusters")}, &out), 0); // the cluster's own entry was used
    QVERIFY2(out.contains(sb.address(QStringLiteral("a"))), qPrintable(out));
    QVERIFY(!out.contains(sb.password()));

    QVERIFY(keychain.remove(cluster).ok);
    QCOMPARE(cli({QStringLiteral("clusters")}, &out), 1); // only the wrong global one is left
    QVERIFY2(out.contains(QLatin1String("ccess denied")), qPrintable(out));
    keychain.remove(global);
}

void tst_CliKeychain::replicationPasswordFromTheKeychain()
{
    // graceful-takeover gives the demoted master MASTER_PASSWORD: without --replication-password-env
    // it comes from the keychain entry repl@CLUSTER (or repl@*); with neither, refused up front.
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_TEST_PW"), sb.password());
    auto cli = [&](const QStringList &args, QString *out) {
        return runCli(dir.filePath(QStringLiteral("s.sqlite")), env,
                      QStringList{QStringLiteral("--password-env"), QStringLiteral("TG_TEST_PW")} + args, out);
    };
    const QString a = sb.address(QStringLiteral("a")), b = sb.address(QStringLiteral("b"));
    const QStringList takeover{QStringLiteral("graceful-takeover"), a, QStringLiteral("--to"), b,
                               QStringLiteral("--replication-user"), QStringLiteral("repl")};
    CredentialStore keychain;
    const QString account = CredentialStore::accountFor(QStringLiteral("repl"), a);
    keychain.remove(account);
    keychain.remove(CredentialStore::accountFor(QStringLiteral("repl"), QString()));

    QString out;
    QCOMPARE(cli(takeover, &out), 1);
    QVERIFY2(out.contains(QStringLiteral("needs the password of replication user 'repl'"))
                 && out.contains(QStringLiteral("repl@") + a) && out.contains(QStringLiteral("nothing done")),
             qPrintable(out));
    QCOMPARE(sb.sql(QStringLiteral("a"), QStringLiteral("SELECT @@read_only")), QStringLiteral("0"));

    QVERIFY(keychain.write(account, sb.replicationPassword()).ok);
    QCOMPARE(cli(takeover, &out), 0);
    QVERIFY2(!out.contains(sb.replicationPassword()), qPrintable(out));
    QVERIFY(Sandbox::waitFor(
        [&] {
            const auto st = sb.slaveStatus(QStringLiteral("a"));
            return st.value(QStringLiteral("Master_Port")) == QString::number(sb.port(QStringLiteral("b")))
                && st.value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes");
        },
        10000));
    keychain.remove(account);
}

QTEST_GUILESS_MAIN(tst_CliKeychain)
#include "tst_cli_keychain.moc"
