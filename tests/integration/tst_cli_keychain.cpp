// Passwords from the OS keychain, per cluster or global, through the real topograph-cli and a real
// Secret Service (scripts/test runs the suite under dbus-run-session with gnome-keyring).
#include "credentials/credentialstore.h"
#include "sandbox.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Topograph;
using Topograph::Test::Sandbox;

class tst_CliKeychain : public QObject
{
    Q_OBJECT
private slots:
    void perClusterEntryWinsOverGlobal();
};

void tst_CliKeychain::perClusterEntryWinsOverGlobal()
{
    if (!CredentialStore::unavailableReason().isEmpty())
        QSKIP(qPrintable(QStringLiteral("no keychain here (%1): scripts/test provides one").arg(CredentialStore::unavailableReason())));
    QTemporaryDir dir;
    Sandbox sb(QStringLiteral("a>b"));
    QVERIFY2(sb.isUp(), qPrintable(sb.error()));
    const QString store = dir.filePath(QStringLiteral("s.sqlite"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TG_TEST_PW"), sb.password());
    auto cli = [&](const QStringList &args, QString *out = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli"),
                QStringList{QStringLiteral("--store"), store, QStringLiteral("--user"), QStringLiteral("topograph")} + args);
        p.waitForFinished(60000);
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    };
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

QTEST_GUILESS_MAIN(tst_CliKeychain)
#include "tst_cli_keychain.moc"
