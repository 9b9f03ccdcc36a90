// CredentialStore against the real Secret Service (gnome-keyring under dbus-run-session, as
// scripts/test runs ctest) and without one. The no-bus cases always run; the round trips skip
// only when there is no session bus at all.
#include "credentials/credentialstore.h"
#include "logging/logging.h"
#include "environmentoverride.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Topograph;
using Topograph::Test::EnvironmentOverride;

namespace {

// "Fails fast" means well inside the 5,000 ms keychain timeout these tests configure: without a bus
// nothing is waited for (typically 0-10 ms), the bound leaves room for a busy machine.
constexpr qint64 kFailsFastMs = 1000;

QString uniqueService()
{
    return QStringLiteral("topograph-test-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate());
}

bool haveSessionBus()
{
    return qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
}

// gnome-keyring 42 does not create the login collection when --unlock reads an empty password
// (it asks a prompter instead, and there is none): writes then fail with "Object does not exist
// at path /org/freedesktop/secrets/collection/login".
const QString NoCollectionHint = QStringLiteral(
    "\n(If the error names collection/login: the session's gnome-keyring-daemon has no login keyring. It "
    "creates one only from a non-empty password: echo -n test | XDG_DATA_HOME=$(mktemp -d) "
    "gnome-keyring-daemon --unlock --components=secrets)");

// One write/read/remove round trip; "" when all went well, else what failed.
QString roundTripFailure(CredentialStore &store, const QString &account, const QString &secret)
{
    const CredentialResult w = store.write(account, secret);
    if (!w.ok)
        return QStringLiteral("write: ") + w.error;
    const CredentialResult r = store.read(account);
    if (!r.ok || r.secret != secret)
        return QStringLiteral("read: ") + (r.ok ? QStringLiteral("a different secret came back") : r.error);
    const CredentialResult d = store.remove(account);
    if (!d.ok)
        return QStringLiteral("remove: ") + d.error;
    const CredentialResult gone = store.read(account);
    if (gone.ok || !gone.notFound)
        return QStringLiteral("read after remove: ") + (gone.ok ? QStringLiteral("still there") : gone.error);
    return {};
}

} // namespace

class tst_CredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void accountFor_data();
    void accountFor();

    void noSessionBusFailsFast();
    void staleBusAddressFailsFast();
    void busWithoutKeyringNeverHangs_data();
    void busWithoutKeyringNeverHangs();
    void passwordFromEnvironment();
    void unsetPasswordEnvIsAnError();
    void resolveWithoutKeychainSaysWhatToDo();

    void isolatedKeyringRoundTrip();
    void roundTrip();
    void resolutionOrder();
};

void tst_CredentialStore::accountFor_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("cluster");
    QTest::addColumn<QString>("account");
    QTest::newRow("global") << "topograph" << "" << "topograph@*";
    QTest::newRow("per cluster") << "topograph" << "prod-main" << "topograph@prod-main";
    QTest::newRow("cluster named by host:port") << "orc" << "db1.example.com:3306" << "orc@db1.example.com:3306";
}

void tst_CredentialStore::accountFor()
{
    QFETCH(QString, user);
    QFETCH(QString, cluster);
    QFETCH(QString, account);
    QCOMPARE(CredentialStore::accountFor(user, cluster), account);
}

void tst_CredentialStore::noSessionBusFailsFast()
{
    EnvironmentOverride env;
    env.unset("DBUS_SESSION_BUS_ADDRESS");
    env.unset("XDG_RUNTIME_DIR"); // else the systemd user bus would count as a session bus
    CredentialStore store(uniqueService(), 5000);
    const QString account = CredentialStore::accountFor(QStringLiteral("topograph"), QString());

    QElapsedTimer t;
    t.start();
    const CredentialResult r = store.read(account);
    const CredentialResult w = store.write(account, QStringLiteral("never-stored-1"));
    const CredentialResult d = store.remove(account);
    QVERIFY2(t.elapsed() < kFailsFastMs, qPrintable(QString::number(t.elapsed())));
    for (const CredentialResult &result : {r, w, d}) {
        QVERIFY(!result.ok);
        QVERIFY(!result.notFound);
        QVERIFY(result.secret.isEmpty());
        QVERIFY2(result.error.contains(QLatin1String(
                     "no keychain service: D-Bus session bus not found (DBUS_SESSION_BUS_ADDRESS unset); use "
                     "--password-env VAR or run a Secret Service (gnome-keyring)")),
                 qPrintable(result.error));
        QVERIFY2(result.error.contains(account), qPrintable(result.error));
    }
    QVERIFY(!w.error.contains(QLatin1String("never-stored-1")));
}

void tst_CredentialStore::staleBusAddressFailsFast()
{
    EnvironmentOverride env;
    env.set("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/topograph-test/bus,guid=0123");
    CredentialStore store(uniqueService(), 5000);
    QElapsedTimer t;
    t.start();
    const CredentialResult r = store.read(QStringLiteral("topograph@*"));
    QVERIFY2(t.elapsed() < kFailsFastMs, qPrintable(QString::number(t.elapsed())));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("/nonexistent/topograph-test/bus does not exist")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("--password-env")), qPrintable(r.error));
}

void tst_CredentialStore::busWithoutKeyringNeverHangs_data()
{
    QTest::addColumn<QString>("operation");
    QTest::newRow("read") << "read";
    QTest::newRow("write") << "write";
}

void tst_CredentialStore::busWithoutKeyringNeverHangs()
{
    // A fresh session bus with no unlocked keyring: whatever the bus does (no Secret Service, or
    // one activated on demand that has no collection and no prompter to create one), the call
    // ends within the timeout with a clear error. Run in a child so that this process's own bus
    // connection (if any) is not the one used.
    QFETCH(QString, operation);
    const QString runSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    if (runSession.isEmpty())
        QSKIP("dbus-run-session is not installed (package dbus-daemon); cannot start a bus without a keyring");
    // A daemon activated on that bus keeps its files in these, not in the user's home.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), scratch.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), scratch.path());
    env.insert(QStringLiteral("TOPOGRAPH_CREDENTIAL_CHILD"), operation);
    child.setProcessEnvironment(env);
    child.setProgram(runSession);
    child.setArguments({QStringLiteral("--"), QCoreApplication::applicationFilePath()});
    QElapsedTimer t;
    t.start();
    child.start();
    QVERIFY(child.waitForFinished(15000));
    const qint64 ms = t.elapsed();
    // An activated gnome-keyring-daemon prints its variables on the same stdout: take our line.
    const QStringList lines = QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
    const QString out = lines.isEmpty() ? QString() : lines.last();
    qInfo("%s on a bus without an unlocked keyring, after %lld ms: %s", qPrintable(operation), ms, qPrintable(out));
    QCOMPARE(child.exitCode(), 1);
    QVERIFY2(out.startsWith(QLatin1String("error: ")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--password-env")) || out.contains(QLatin1String("no keychain entry")),
             qPrintable(out));
    QVERIFY(!out.contains(QLatin1String("child-pw-1")));
    QVERIFY2(ms < 1500 + 3000, qPrintable(QString::number(ms))); // the child's timeout + bus start-up
}

void tst_CredentialStore::passwordFromEnvironment()
{
    const QString secret = QStringLiteral("env-pw-%1-비밀").arg(QRandomGenerator::global()->generate());
    EnvironmentOverride env;
    env.set("TOPOGRAPH_TEST_PASSWORD", secret.toUtf8());
    CredentialStore store(uniqueService(), 1000);
    const CredentialResult r = resolvePassword(QStringLiteral("topograph"), QStringLiteral("prod"),
                                               QStringLiteral("TOPOGRAPH_TEST_PASSWORD"), store);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.secret, secret);
    // Registered for redaction: it can no longer reach a log line.
    QVERIFY(!Logging::redacted(QStringLiteral("pw=") + secret).contains(secret));

    // An empty value is refused, naming the variable: neither an empty password nor a fall back
    // to the keychain.
    env.set("TOPOGRAPH_TEST_PASSWORD", QByteArray());
    const CredentialResult empty = resolvePassword(QStringLiteral("topograph"), QString(),
                                                   QStringLiteral("TOPOGRAPH_TEST_PASSWORD"), store);
    QVERIFY(!empty.ok);
    QVERIFY(empty.secret.isEmpty());
    QCOMPARE(empty.error, QStringLiteral("--password-env TOPOGRAPH_TEST_PASSWORD: the environment variable "
                                         "TOPOGRAPH_TEST_PASSWORD is empty; put the password in it, or "
                                         "leave --password-env out to use the keychain"));
}

void tst_CredentialStore::unsetPasswordEnvIsAnError()
{
    EnvironmentOverride env;
    env.unset("TOPOGRAPH_TEST_NO_SUCH_VAR");
    CredentialStore store(uniqueService(), 1000);
    const CredentialResult r = resolvePassword(QStringLiteral("topograph"), QString(),
                                               QStringLiteral("TOPOGRAPH_TEST_NO_SUCH_VAR"), store);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, QStringLiteral("--password-env TOPOGRAPH_TEST_NO_SUCH_VAR: the environment variable "
                                     "TOPOGRAPH_TEST_NO_SUCH_VAR is not set; export the password in it, or "
                                     "leave --password-env out to use the keychain"));
}

void tst_CredentialStore::resolveWithoutKeychainSaysWhatToDo()
{
    EnvironmentOverride env;
    env.unset("DBUS_SESSION_BUS_ADDRESS");
    env.unset("XDG_RUNTIME_DIR");
    CredentialStore store(uniqueService(), 5000);
    QElapsedTimer t;
    t.start();
    const CredentialResult r = resolvePassword(QStringLiteral("topograph"), QStringLiteral("prod"), QString(), store);
    QVERIFY2(t.elapsed() < kFailsFastMs, qPrintable(QString::number(t.elapsed())));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("topograph@prod")), qPrintable(r.error));
    QVERIFY2(r.error.contains(QLatin1String("--password-env VAR")), qPrintable(r.error));
}

void tst_CredentialStore::isolatedKeyringRoundTrip()
{
    // A keyring of its own (a private bus, a daemon whose files live in a temporary directory),
    // so the round trip is exercised for real wherever gnome-keyring is installed, whatever the
    // session this test runs in, without touching the user's keyrings.
    const QString runSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (runSession.isEmpty() || daemon.isEmpty())
        QSKIP("dbus-run-session or gnome-keyring-daemon is not installed (packages dbus-daemon, gnome-keyring)");
    QTemporaryDir data;
    QVERIFY(data.isValid());
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), data.path());
    env.insert(QStringLiteral("TOPOGRAPH_CREDENTIAL_CHILD"), QStringLiteral("roundtrip"));
    env.insert(QStringLiteral("TOPOGRAPH_TEST_KEYRING_DATA"), data.path());
    child.setProcessEnvironment(env);
    child.setProgram(runSession);
    child.setArguments({QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("printf unlock-pw | XDG_DATA_HOME=\"$TOPOGRAPH_TEST_KEYRING_DATA\" "
                                       "gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$0\""),
                        QCoreApplication::applicationFilePath()});
    child.start();
    QVERIFY(child.waitForFinished(30000));
    const QStringList lines = QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
    const QString out = lines.isEmpty() ? QString() : lines.last();
    QVERIFY2(child.exitCode() == 0 && out == QLatin1String("ok"),
             qPrintable(out + QLatin1Char(' ') + QString::fromUtf8(child.readAllStandardError()).right(500)));
    QVERIFY(QFileInfo::exists(data.path() + QStringLiteral("/keyrings")));
}

void tst_CredentialStore::roundTrip()
{
    if (!haveSessionBus())
        QSKIP("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run under dbus-run-session with an "
              "unlocked gnome-keyring-daemon, as scripts/test does");
    CredentialStore store(uniqueService(), 5000);
    const QString account = CredentialStore::accountFor(QStringLiteral("topograph"), QStringLiteral("복제-cluster"));
    const QString secret = QStringLiteral("pässwörd '\"\\ 한국어 %1").arg(QRandomGenerator::global()->generate());

    const CredentialResult none = store.read(account);
    QVERIFY2(!none.ok && none.notFound, qPrintable(none.error));
    QVERIFY2(none.error.contains(account), qPrintable(none.error));

    const CredentialResult w = store.write(account, secret);
    QVERIFY2(w.ok, qPrintable(w.error + NoCollectionHint));
    const CredentialResult r = store.read(account);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.secret, secret);
    QVERIFY(!Logging::redacted(secret).contains(secret));

    const QString changed = secret + QStringLiteral("-2");
    QVERIFY(store.write(account, changed).ok);
    QCOMPARE(store.read(account).secret, changed);

    const CredentialResult d = store.remove(account);
    QVERIFY2(d.ok, qPrintable(d.error));
    const CredentialResult gone = store.read(account);
    QVERIFY(!gone.ok);
    QVERIFY(gone.notFound);
}

void tst_CredentialStore::resolutionOrder()
{
    if (!haveSessionBus())
        QSKIP("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset): run under dbus-run-session with an "
              "unlocked gnome-keyring-daemon, as scripts/test does");
    CredentialStore store(uniqueService(), 5000);
    const QString user = QStringLiteral("topograph");
    const CredentialResult first = store.write(CredentialStore::accountFor(user, QString()), QStringLiteral("global-pw-1"));
    QVERIFY2(first.ok, qPrintable(first.error + NoCollectionHint));
    QVERIFY(store.write(CredentialStore::accountFor(user, QStringLiteral("prod")), QStringLiteral("prod-pw-1")).ok);

    QCOMPARE(resolvePassword(user, QStringLiteral("prod"), QString(), store).secret, QStringLiteral("prod-pw-1"));
    QCOMPARE(resolvePassword(user, QStringLiteral("staging"), QString(), store).secret, QStringLiteral("global-pw-1"));
    QCOMPARE(resolvePassword(user, QString(), QString(), store).secret, QStringLiteral("global-pw-1"));
    {
        EnvironmentOverride env;
        env.set("TOPOGRAPH_TEST_PASSWORD", "env-pw-1");
        QCOMPARE(resolvePassword(user, QStringLiteral("prod"), QStringLiteral("TOPOGRAPH_TEST_PASSWORD"), store).secret,
                 QStringLiteral("env-pw-1"));
    }

    QVERIFY(store.remove(CredentialStore::accountFor(user, QString())).ok);
    QVERIFY(store.remove(CredentialStore::accountFor(user, QStringLiteral("prod"))).ok);
    const CredentialResult none = resolvePassword(user, QStringLiteral("prod"), QString(), store);
    QVERIFY(!none.ok);
    QVERIFY(none.notFound);
    QVERIFY2(none.error.contains(QLatin1String("'topograph@prod' or 'topograph@*'")), qPrintable(none.error));
    QVERIFY2(none.error.contains(QLatin1String("--password-env VAR")), qPrintable(none.error));
}

// With TOPOGRAPH_CREDENTIAL_CHILD=read|write the binary is the child of busWithoutKeyringNeverHangs:
// one keychain call with a short timeout, the outcome on stdout.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString child = qEnvironmentVariable("TOPOGRAPH_CREDENTIAL_CHILD");
    if (child == QLatin1String("roundtrip")) {
        CredentialStore store(uniqueService(), 5000);
        const QString failure = roundTripFailure(store, QStringLiteral("topograph@isolated"),
                                                 QStringLiteral("isolated-pw-토포-1"));
        std::printf("%s\n", qPrintable(failure.isEmpty() ? QStringLiteral("ok") : QStringLiteral("error: ") + failure));
        return failure.isEmpty() ? 0 : 1;
    }
    if (!child.isEmpty()) {
        CredentialStore store(QStringLiteral("topograph-test-child"), 1500);
        const CredentialResult r = child == QLatin1String("write")
                                       ? store.write(QStringLiteral("topograph@*"), QStringLiteral("child-pw-1"))
                                       : store.read(QStringLiteral("topograph@*"));
        std::printf("%s\n", qPrintable(r.ok ? QStringLiteral("ok") : QStringLiteral("error: ") + r.error));
        return r.ok ? 0 : 1;
    }
    tst_CredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
