// Connection profiles, session-only passwords, the per-instance provider and the two dialogs, with
// a real MariaDB sandbox and a real Secret Service (scripts/test runs the suite under
// dbus-run-session with an unlocked gnome-keyring). Keychain round trips skip only when there is
// no session bus at all; the no-keychain path always runs.
#include "guitest.h"
#include "connectioncontext.h"
#include "connectionform.h"
#include "connectionmanagerdialog.h"
#include "discoverdialog.h"
#include "keychainthread.h"
#include "syntheticfleet.h"

#include "engine/engine.h"
#include "environmentoverride.h"
#include "logging/logging.h"
#include "sandbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using Topograph::Test::saveArtifact;

using namespace Topograph;
using Topograph::Test::EnvironmentOverride;
using namespace Topograph::Gui;
using Topograph::Test::Sandbox;

namespace {

// The provider as the engine calls it: on a thread of its own, never the GUI thread.
ConnectionOptions onWorker(const ConnectionOptionsProvider &provider, const InstanceKey &key)
{
    ConnectionOptions out;
    QThread *thread = QThread::create([&] { out = provider(key); });
    thread->start();
    while (!thread->wait(10))
        QCoreApplication::processEvents();
    delete thread;
    return out;
}

// Files under dir (recursively) whose bytes contain secret, in UTF-8 or UTF-16.
QStringList filesContaining(const QString &dir, const QString &secret)
{
    QStringList hits;
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            hits << f.fileName();
    }
    return hits;
}

} // namespace

class tst_Connections : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void profilesPersistInSettings();
    void providerPicksTheProfile_data();
    void providerPicksTheProfile();
    void providerUsesSessionSecretForTheCluster();
    void replicationPasswordForTheCluster();
    void keychainRoundTripThroughTheManager();
    void keychainPasswordStoredLaterIsPickedUp();
    void testConnectionAgainstSandbox();
    void discoverRefusesABadSeed();
    void fileChoosersAndMissingFiles();
    void noKeychainFailsFastAndSessionOnlyWorks();
    void engineConnectsWithTheSessionPassword();
    void passwordNeverOnDisk();

private:
    std::shared_ptr<ConnectionContext> newContext(int retryMs = 0, const QString &settingsPath = {});
    InstanceKey seedKey() const { return InstanceKey(QStringLiteral("127.0.0.1"), m_sb->port(QStringLiteral("a"))); }
    bool sandboxUp() const { return m_sb && m_sb->isUp(); }
    // Keychain checks go through the same thread as the code under test (see keychainthread.h).
    CredentialResult keychain(KeychainThread::Operation operation, const QString &account, const QString &secret = {})
    {
        return KeychainThread::run({operation, m_service, 5000, account, secret});
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sb;
    QString m_service;
    QString m_storePath;
    QStringList m_settingsFiles;
    QStringList m_secrets; // every password this test typed or stored
    QString m_wrongPassword;
};

void tst_Connections::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // QSettings() of the dialogs must land in a throw-away place, not the user's configuration.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("topograph-test-%1").arg(QCoreApplication::applicationPid()));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connections"));
    QString error;
    Logging::Options logging;
    logging.appName = QStringLiteral("tst_connections");
    QVERIFY2(Logging::initialize(logging, &error), qPrintable(error));
    m_service = QStringLiteral("topograph-test-%1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(QRandomGenerator::global()->generate());
    m_storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
    m_wrongPassword = QStringLiteral("wrong-%1").arg(QRandomGenerator::global()->generate());
    m_sb = std::make_unique<Sandbox>(QStringLiteral("a"));
    QVERIFY2(m_sb->isUp(), qPrintable(m_sb->error()));
    m_secrets << m_sb->password() << m_wrongPassword;
}

void tst_Connections::cleanupTestCase()
{
    m_sb.reset();
    Logging::shutdown();
}

std::shared_ptr<ConnectionContext> tst_Connections::newContext(int retryMs, const QString &settingsPath)
{
    ConnectionContext::Options o;
    o.settingsPath = settingsPath;
    o.keychainService = m_service;
    o.keychainTimeoutMs = 5000;
    o.keychainRetryMs = retryMs;
    auto context = std::make_shared<ConnectionContext>(o);
    m_settingsFiles << (settingsPath.isEmpty() ? QSettings().fileName() : settingsPath);
    return context;
}

void tst_Connections::profilesPersistInSettings()
{
    const QString path = m_dir.filePath(QStringLiteral("profiles.ini"));
    ConnectionProfiles profiles(path);
    ConnectionProfile prod{QStringLiteral("prod"), {InstanceKey(QStringLiteral("db1"), 3306)}, QStringLiteral("orc"),
                           QStringLiteral("VERIFY_CA"), QStringLiteral("/etc/ca.pem"), {}, {}};
    ConnectionProfile seed{QStringLiteral("db9:3307"), {}, {}, {}, {}, {}, {}};
    QVERIFY(profiles.save(prod));
    QVERIFY(profiles.save(seed));
    prod.user = QStringLiteral("orc2"); // same name, other case: replaces
    prod.name = QStringLiteral("PROD");
    QVERIFY(profiles.save(prod));

    ConnectionProfiles reloaded(path);
    reloaded.load();
    QCOMPARE(reloaded.profiles().size(), 2);
    QVERIFY(*reloaded.profile(QStringLiteral("prod")) == prod);
    QVERIFY(*reloaded.profile(QStringLiteral("db9:3307")) == seed);
    QVERIFY(reloaded.profile(QStringLiteral("db9:3307"))->hasSeed(InstanceKey(QStringLiteral("DB9"), 3307)));
    QVERIFY(reloaded.remove(QStringLiteral("prod")));
    ConnectionProfiles again(path);
    again.load();
    QCOMPARE(again.profiles().size(), 1);
    QSettings raw(path, QSettings::IniFormat);
    for (const QString &key : raw.allKeys())
        QVERIFY2(!key.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(key));
}

void tst_Connections::providerPicksTheProfile_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("sslMode");
    QTest::newRow("in the cluster named by its alias") << "db2" << "u_prod" << "REQUIRED";
    QTest::newRow("the cluster's master") << "db1" << "u_prod" << "REQUIRED";
    QTest::newRow("the profile's name is its key") << "db9" << "u_seed" << "PREFERRED";
    QTest::newRow("a seed of the profile") << "db5" << "u_stage" << "VERIFY_IDENTITY";
    QTest::newRow("same cluster as a seed") << "db6" << "u_stage" << "VERIFY_IDENTITY";
    QTest::newRow("snapshot cluster named by its master") << "a" << "u_snap" << "DISABLED";
    QTest::newRow("no profile: the command line") << "db7" << "base" << "VERIFY_CA";
    QTest::newRow("unknown instance: the command line") << "nowhere" << "base" << "VERIFY_CA";
}

void tst_Connections::providerPicksTheProfile()
{
    QFETCH(QString, host);
    QFETCH(QString, user);
    QFETCH(QString, sslMode);
    auto context = newContext(0, m_dir.filePath(QStringLiteral("pick.ini")));
    const InstanceKey db1(QStringLiteral("db1"), 3306), db2(QStringLiteral("db2"), 3306),
        db5(QStringLiteral("db5"), 3306), db6(QStringLiteral("db6"), 3306), db7(QStringLiteral("db7"), 3306);
    QVERIFY(context->profiles().save({QStringLiteral("prod"), {}, QStringLiteral("u_prod"), QStringLiteral("REQUIRED"), {}, {}, {}}));
    QVERIFY(context->profiles().save({QStringLiteral("db9:3306"), {}, QStringLiteral("u_seed"), QStringLiteral("PREFERRED"), {}, {}, {}}));
    QVERIFY(context->profiles().save({QStringLiteral("stage"), {db5}, QStringLiteral("u_stage"), QStringLiteral("VERIFY_IDENTITY"), {}, {}, {}}));
    QVERIFY(context->profiles().save({QStringLiteral("a:3306"), {}, QStringLiteral("u_snap"), QStringLiteral("DISABLED"), {}, {}, {}}));
    context->membership().set(db1, {QStringLiteral("db1:3306"), QStringLiteral("prod")});
    context->membership().set(db2, {QStringLiteral("db1:3306"), QStringLiteral("prod")});
    context->membership().set(db5, {QStringLiteral("db5:3306"), {}});
    context->membership().set(db6, {QStringLiteral("db5:3306"), {}});
    context->membership().set(db7, {QStringLiteral("db7:3306"), {}});
    // "a>b": b is placed in cluster a:3306 by the snapshot, as the GUI does on every snapshot.
    context->membership().update(*Topograph::Test::syntheticSnapshot(QStringLiteral("a>b")));

    StartupOptions o;
    o.user = QStringLiteral("base");
    o.sslMode = QStringLiteral("VERIFY_CA");
    // VERIFY_CA without its CA is a usage error since tlsOptionsProblem; any readable file will do here
    // (nothing connects).
    o.sslCa = m_dir.filePath(QStringLiteral("ca.pem"));
    QFile ca(o.sslCa);
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.close();
    o.passwordEnv = QStringLiteral("TST_CONNECTIONS_PW");
    qputenv("TST_CONNECTIONS_PW", "env-secret-1");
    QString error;
    const auto provider = connectionOptionsProvider(o, context, &error);
    QVERIFY2(provider, qPrintable(error));
    const ConnectionOptions c = onWorker(*provider, InstanceKey(host, 3306));
    QCOMPARE(c.user, user);
    QCOMPARE(sslModeName(c.sslMode), sslMode);
    QCOMPARE(c.key, InstanceKey(host, 3306));
    QCOMPARE(c.password, QStringLiteral("env-secret-1")); // --password-env wins over everything
    if (host == QLatin1String("a")) // the snapshot's replica b is in the same cluster
        QCOMPARE(onWorker(*provider, InstanceKey(QStringLiteral("b"), 3306)).user, QStringLiteral("u_snap"));
    qunsetenv("TST_CONNECTIONS_PW");
    QVERIFY(!connectionOptionsProvider(o, context, &error)); // unset: an error, never a fallback
    QVERIFY2(error.contains(o.passwordEnv), qPrintable(error));
}

void tst_Connections::providerUsesSessionSecretForTheCluster()
{
    auto context = newContext(0, m_dir.filePath(QStringLiteral("session.ini")));
    QVERIFY(context->profiles().save({QStringLiteral("prod"), {}, QStringLiteral("u_prod"), {}, {}, {}, {}}));
    const InstanceKey db2(QStringLiteral("db2"), 3306), other(QStringLiteral("other"), 3306);
    context->membership().set(db2, {QStringLiteral("db1:3306"), QStringLiteral("prod")});
    context->sessionSecrets().set(QStringLiteral("u_prod@prod"), QStringLiteral("session-secret-1"));
    context->sessionSecrets().set(QStringLiteral("base@*"), QStringLiteral("session-global-1"));
    StartupOptions o;
    o.user = QStringLiteral("base");
    QString error;
    const auto provider = connectionOptionsProvider(o, context, &error);
    QVERIFY2(provider, qPrintable(error));
    QCOMPARE(onWorker(*provider, db2).password, QStringLiteral("session-secret-1"));
    // Outside any profile and cluster: the global entry (here kept for the session).
    QCOMPARE(onWorker(*provider, other).password, QStringLiteral("session-global-1"));
}

void tst_Connections::replicationPasswordForTheCluster()
{
    // What a takeover from the window gives the demoted master when nothing was typed: the
    // replication account's entry for the cluster (here its alias), else repl@*; else an error.
    auto context = newContext(0, m_dir.filePath(QStringLiteral("repl.ini")));
    const InstanceKey db2(QStringLiteral("db2"), 3306), other(QStringLiteral("other"), 3306);
    context->membership().set(db2, {QStringLiteral("db1:3306"), QStringLiteral("prod")});
    const auto resolve = replicationPasswordResolver(context, QStringLiteral("repl"));
    const auto onWorkerThread = [&](const InstanceKey &k) {
        CredentialResult r;
        QThread *t = QThread::create([&] { r = resolve(k); });
        t->start();
        t->wait();
        delete t;
        return r;
    };
    QVERIFY(!onWorkerThread(db2).ok);
    context->sessionSecrets().set(QStringLiteral("repl@*"), QStringLiteral("repl-global-1"));
    context->sessionSecrets().set(QStringLiteral("repl@prod"), QStringLiteral("repl-prod-1"));
    context->sessionSecrets().set(QStringLiteral("topograph@prod"), QStringLiteral("not-this-one"));
    const CredentialResult prod = onWorkerThread(db2);
    QVERIFY2(prod.ok, qPrintable(prod.error));
    QCOMPARE(prod.secret, QStringLiteral("repl-prod-1"));
    QCOMPARE(onWorkerThread(other).secret, QStringLiteral("repl-global-1"));
}

void tst_Connections::keychainRoundTripThroughTheManager()
{
    if (const QString why = CredentialStore::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no session bus (%1): scripts/test provides one").arg(why)));
    auto context = newContext(); // the application's QSettings(), under the throw-away organisation
    StartupOptions o;
    QString error;
    const auto provider = connectionOptionsProvider(o, context, &error);
    QVERIFY2(provider, qPrintable(error));

    ConnectionManagerDialog dialog(context);
    dialog.setConfirm([](QWidget *, const QString &) { return true; });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.newButton()->click();
    const QString name = QStringLiteral("tst-cluster-%1").arg(QCoreApplication::applicationPid());
    dialog.nameEdit()->setText(name);
    dialog.seedsEdit()->setText(m_sb->address(QStringLiteral("a")));
    dialog.form()->userEdit()->setText(m_sb->user());
    dialog.form()->passwordEdit()->setText(m_sb->password());
    QCOMPARE(dialog.form()->passwordEdit()->echoMode(), QLineEdit::Password);
    QSignalSpy saved(dialog.form(), &ConnectionForm::saveFinished);
    QSignalSpy changed(&dialog, &ConnectionManagerDialog::profilesChanged);
    dialog.saveButton()->click();
    QVERIFY(saved.count() == 1 || saved.wait(10000));
    QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QList<InstanceKey>>(), QList<InstanceKey>{seedKey()});
    QVERIFY(dialog.form()->passwordEdit()->text().isEmpty()); // not kept in the widget after saving
    QCOMPARE(dialog.profileList()->count(), 1);
    saveArtifact(dialog, QStringLiteral("connections-manager.png"));

    const QString account = CredentialStore::accountFor(m_sb->user(), name);
    const CredentialResult r = keychain(KeychainThread::Operation::Read, account);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.secret, m_sb->password());
    // The provider finds it through the profile's seed, and the server takes it.
    const ConnectionOptions c = onWorker(*provider, seedKey());
    QCOMPARE(c.password, m_sb->password());
    const ConnectionTestResult accepted = testConnection(c);
    QVERIFY2(accepted.ok, qPrintable(accepted.message));
    // A second dialog reads the profile back from QSettings, password field empty.
    {
        ConnectionManagerDialog again(context);
        QVERIFY(again.selectProfile(name));
        QCOMPARE(again.seedsEdit()->text(), m_sb->address(QStringLiteral("a")));
        QVERIFY(again.form()->passwordEdit()->text().isEmpty());
        QVERIFY(again.nameEdit()->isReadOnly());
    }

    // Remove: the profile and the keychain entry go.
    QSignalSpy removed(dialog.form(), &ConnectionForm::passwordRemoved);
    QVERIFY(dialog.selectProfile(name));
    dialog.removeButton()->click();
    QVERIFY(removed.count() == 1 || removed.wait(10000));
    QVERIFY2(removed.at(0).at(0).toBool(), qPrintable(removed.at(0).at(1).toString()));
    QCOMPARE(dialog.profileList()->count(), 0);
    const CredentialResult gone = keychain(KeychainThread::Operation::Read, account);
    QVERIFY2(!gone.ok && gone.notFound, qPrintable(gone.error));
}

void tst_Connections::keychainPasswordStoredLaterIsPickedUp()
{
    if (const QString why = CredentialStore::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no session bus (%1): scripts/test provides one").arg(why)));
    auto context = newContext(400, m_dir.filePath(QStringLiteral("later.ini")));
    StartupOptions o;
    o.user = QStringLiteral("later-%1").arg(QCoreApplication::applicationPid());
    QString error;
    const auto provider = connectionOptionsProvider(o, context, &error);
    QVERIFY2(provider, qPrintable(error));
    const InstanceKey key(QStringLiteral("db1"), 3306);
    QVERIFY(onWorker(*provider, key).password.isEmpty());
    const QString account = CredentialStore::accountFor(o.user, QString());
    QVERIFY(keychain(KeychainThread::Operation::Write, account, QStringLiteral("stored-later-1")).ok);
    // Within the retry interval the failed read is not repeated; after it, the entry is found.
    QVERIFY(onWorker(*provider, key).password.isEmpty());
    QTest::qWait(450);
    QCOMPARE(onWorker(*provider, key).password, QStringLiteral("stored-later-1"));
    QVERIFY(keychain(KeychainThread::Operation::Remove, account).ok);
}

void tst_Connections::testConnectionAgainstSandbox()
{
    auto context = newContext(0, m_dir.filePath(QStringLiteral("test.ini")));
    DiscoverDialog dialog(context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.seedEdit()->setText(m_sb->address(QStringLiteral("a")));
    dialog.form()->userEdit()->setText(m_sb->user());
    dialog.form()->passwordEdit()->setText(m_sb->password());
    QSignalSpy tested(dialog.form(), &ConnectionForm::testFinished);
    dialog.testButton()->click();
    QVERIFY(!dialog.testButton()->isEnabled()); // busy while the worker connects
    QVERIFY(tested.wait(15000));
    QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(1).toString()));
    const QString ok = dialog.form()->statusLabel()->text();
    QVERIFY2(ok.contains(QLatin1String("MariaDB")) && ok.contains(m_sb->address(QStringLiteral("a"))), qPrintable(ok));
    QVERIFY(!ok.contains(m_sb->password()));
    QVERIFY(dialog.testButton()->isEnabled());
    saveArtifact(dialog, QStringLiteral("connections-discover-test-ok.png"));

    dialog.form()->passwordEdit()->setText(m_wrongPassword);
    dialog.testButton()->click();
    QVERIFY(tested.wait(15000));
    QVERIFY(!tested.at(1).at(0).toBool());
    const QString denied = dialog.form()->statusLabel()->text();
    QVERIFY2(denied.contains(QLatin1String("ccess denied")), qPrintable(denied));
    QVERIFY2(!denied.contains(m_wrongPassword), qPrintable(denied));
    saveArtifact(dialog, QStringLiteral("connections-discover-test-denied.png"));

    // An empty field tests with the password Topograph would use: here the session one.
    context->sessionSecrets().set(CredentialStore::accountFor(m_sb->user(), m_sb->address(QStringLiteral("a"))),
                                  m_sb->password());
    dialog.form()->passwordEdit()->clear();
    dialog.testButton()->click();
    QVERIFY(tested.wait(15000));
    QVERIFY2(tested.at(2).at(0).toBool(), qPrintable(tested.at(2).at(1).toString()));
}

void tst_Connections::discoverRefusesABadSeed()
{
    auto context = newContext(0, m_dir.filePath(QStringLiteral("bad.ini")));
    DiscoverDialog dialog(context);
    QSignalSpy requested(&dialog, &DiscoverDialog::discoverRequested);
    dialog.seedEdit()->setText(QStringLiteral("host:notaport"));
    dialog.discoverButton()->click();
    QCOMPARE(requested.count(), 0);
    const QString message = dialog.form()->statusLabel()->text();
    QVERIFY2(message.contains(QLatin1String("host:notaport")), qPrintable(message));
    QVERIFY(context->profiles().profiles().isEmpty());
    QVERIFY(dialog.result() != QDialog::Accepted);
    saveArtifact(dialog, QStringLiteral("connections-discover-bad-seed.png"));

    // A valid seed without a password: the profile is saved and the seed requested.
    dialog.seedEdit()->setText(QStringLiteral("db1.example.com"));
    dialog.discoverButton()->click();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).value<QList<InstanceKey>>(),
             QList<InstanceKey>{InstanceKey(QStringLiteral("db1.example.com"), 3306)});
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(context->profiles().profile(QStringLiteral("db1.example.com:3306")));
}

void tst_Connections::fileChoosersAndMissingFiles()
{
    auto context = newContext(0, m_dir.filePath(QStringLiteral("files.ini")));
    ConnectionManagerDialog dialog(context);
    const QString ca = m_dir.filePath(QStringLiteral("ca.pem"));
    QFile file(ca);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QStringList captions;
    dialog.form()->setFileChooser([&](QWidget *, const QString &caption, const QString &) {
        captions << caption;
        return ca;
    });
    dialog.form()->caBrowseButton()->click();
    QCOMPARE(captions.size(), 1);
    QCOMPARE(dialog.form()->caEdit()->text(), ca);

    dialog.nameEdit()->setText(QStringLiteral("tls-cluster"));
    dialog.form()->sslModeBox()->setCurrentText(QStringLiteral("VERIFY_CA"));
    dialog.form()->certEdit()->setText(QStringLiteral("/nonexistent/client.pem"));
    dialog.form()->keyEdit()->setText(ca);
    dialog.saveButton()->click();
    const QString refused = dialog.form()->statusLabel()->text();
    QVERIFY2(refused.contains(QLatin1String("/nonexistent/client.pem")) && refused.contains(QLatin1String("certificate")),
             qPrintable(refused));
    QVERIFY(!context->profiles().profile(QStringLiteral("tls-cluster")));

    dialog.form()->certEdit()->setText(ca);
    dialog.saveButton()->click();
    const auto saved = context->profiles().profile(QStringLiteral("tls-cluster"));
    QVERIFY2(saved, qPrintable(dialog.form()->statusLabel()->text()));
    QCOMPARE(saved->sslMode, QStringLiteral("VERIFY_CA"));
    QCOMPARE(saved->sslCa, ca);
    QCOMPARE(saved->sslCert, ca);
    QCOMPARE(saved->sslKey, ca);
}

void tst_Connections::noKeychainFailsFastAndSessionOnlyWorks()
{
    EnvironmentOverride env;
    env.set("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/topograph-tst-connections/bus");
    env.unset("XDG_RUNTIME_DIR");
    auto context = newContext(0, m_dir.filePath(QStringLiteral("nokeychain.ini")));
    StartupOptions o;
    QString error;
    const auto provider = connectionOptionsProvider(o, context, &error);
    QVERIFY2(provider, qPrintable(error));

    DiscoverDialog dialog(context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.form()->keychainNote()->isVisible()); // said before anything is typed
    dialog.seedEdit()->setText(m_sb->address(QStringLiteral("a")));
    dialog.form()->userEdit()->setText(m_sb->user());
    dialog.form()->passwordEdit()->setText(m_sb->password());
    QSignalSpy saved(dialog.form(), &ConnectionForm::saveFinished);
    QSignalSpy requested(&dialog, &DiscoverDialog::discoverRequested);
    QElapsedTimer t;
    t.start();
    dialog.discoverButton()->click();
    QVERIFY(saved.count() == 1 || saved.wait(5000));
    const qint64 ms = t.elapsed();
    // stdout, not qInfo: Logging routes Qt messages into its file.
    std::printf("keychain unavailable: Discover answered in %lld ms\n", static_cast<long long>(ms));
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
    QVERIFY(!saved.at(0).at(0).toBool());
    const QString message = dialog.form()->statusLabel()->text();
    QVERIFY2(message.contains(QLatin1String("NOT its password")) && message.contains(QLatin1String("keychain cannot be used"))
                 && message.contains(QLatin1String("session only")),
             qPrintable(message));
    const QString note = dialog.form()->keychainNote()->text(); // the reason, in plain words
    QVERIFY2(note.contains(QLatin1String("/nonexistent/topograph-tst-connections/bus does not exist")), qPrintable(note));
    QVERIFY(!message.contains(m_sb->password()));
    QCOMPARE(requested.count(), 0);
    QVERIFY(dialog.form()->keepForSessionButton()->isVisible());
    QVERIFY(context->sessionSecrets().isEmpty());
    saveArtifact(dialog, QStringLiteral("connections-discover-no-keychain.png"));

    dialog.form()->keepForSessionButton()->click();
    QCOMPARE(saved.count(), 2);
    QVERIFY2(saved.at(1).at(0).toBool(), qPrintable(saved.at(1).at(1).toString()));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).value<QList<InstanceKey>>(), QList<InstanceKey>{seedKey()});
    const QString account = CredentialStore::accountFor(m_sb->user(), m_sb->address(QStringLiteral("a")));
    QVERIFY(context->sessionSecrets().value(account) == m_sb->password());

    // The provider gives that password to the seed and to another instance of its cluster.
    const InstanceKey sibling(QStringLiteral("127.0.0.1"), 1);
    context->membership().set(seedKey(), {m_sb->address(QStringLiteral("a")), {}});
    context->membership().set(sibling, {m_sb->address(QStringLiteral("a")), {}});
    QCOMPARE(onWorker(*provider, seedKey()).password, m_sb->password());
    QCOMPARE(onWorker(*provider, sibling).password, m_sb->password());
    QCOMPARE(onWorker(*provider, sibling).user, m_sb->user());
    QVERIFY(onWorker(*provider, InstanceKey(QStringLiteral("elsewhere"), 3306)).password.isEmpty());
}

void tst_Connections::engineConnectsWithTheSessionPassword()
{
    // Discover's path end to end: a session-only password, the seed handed to requestProbe as
    // MainWindow does, the poller connecting with the provider's options.
    auto context = newContext(0, m_dir.filePath(QStringLiteral("engine.ini")));
    ConnectionProfile p;
    p.name = m_sb->address(QStringLiteral("a"));
    p.seeds = {seedKey()};
    p.user = m_sb->user();
    QVERIFY(context->profiles().save(p));
    context->sessionSecrets().set(p.account(QString()), m_sb->password());
    StartupOptions o;
    QString error;
    const auto provider = connectionOptionsProvider(o, context, &error);
    QVERIFY2(provider, qPrintable(error));
    Engine::Options eo;
    eo.storePath = m_storePath;
    eo.connectionOptions = *provider;
    eo.intervalMs = 1000;
    eo.automaticRecovery = false;
    Engine engine(eo);
    connect(&engine, &Engine::snapshotUpdated, &engine,
            [context](const TopologySnapshotPtr &s) { context->membership().update(*s); });
    QVERIFY2(engine.start(&error), qPrintable(error));
    engine.requestProbe({seedKey()});
    const bool seen = Sandbox::waitFor([&] {
        const auto s = engine.snapshot();
        const InstanceFacts *f = s ? s->instance(seedKey()) : nullptr;
        return f && f->reachable;
    }, 20000);
    engine.stop();
    QVERIFY2(seen, "the engine did not reach the seed with the session password");
    QCOMPARE(context->membership().clusterOf(seedKey())->name, m_sb->address(QStringLiteral("a")));
}

void tst_Connections::passwordNeverOnDisk()
{
    Logging::flush();
    QStringList places{m_dir.path()}; // the store, every QSettings INI file, the throw-away config
    for (const QString &file : std::as_const(m_settingsFiles))
        places << QFileInfo(file).absolutePath();
    places << qEnvironmentVariable("TOPOGRAPH_LOG_DIR") << QFileInfo(Logging::logFilePath()).absolutePath();
    places.removeAll(QString());
    places.removeDuplicates();
    QVERIFY(QFileInfo::exists(m_storePath) || !sandboxUp());
    QVERIFY(QFileInfo::exists(Logging::logFilePath()));
    for (const QString &secret : std::as_const(m_secrets))
        for (const QString &place : std::as_const(places)) {
            const QStringList hits = filesContaining(place, secret);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        }
    // The search itself finds what is there.
    QFile control(m_dir.filePath(QStringLiteral("control.txt")));
    QVERIFY(control.open(QIODevice::WriteOnly));
    control.write("x" + m_sb->password().toUtf8() + "y");
    control.close();
    QCOMPARE(filesContaining(m_dir.path(), m_sb->password()), QStringList{control.fileName()});
}

QTEST_MAIN(tst_Connections)
#include "tst_connections.moc"
