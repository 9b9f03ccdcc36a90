#include "credentialstore.h"

#include "logging/logging.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

namespace Topograph {

namespace {

const QString Remedy = QStringLiteral("use --password-env VAR or run a Secret Service (gnome-keyring)");

QString verb(int operation)
{
    switch (operation) {
    case 0: return QStringLiteral("read");
    case 1: return QStringLiteral("store");
    default: return QStringLiteral("remove");
    }
}

} // namespace

CredentialStore::CredentialStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(qMax(1, timeoutMs))
{
}

QString CredentialStore::accountFor(const QString &user, const QString &clusterOrEmpty)
{
    return user + QLatin1Char('@') + (clusterOrEmpty.isEmpty() ? QStringLiteral("*") : clusterOrEmpty);
}

QString CredentialStore::unavailableReason()
{
    // Checked before QtKeychain is asked: without a bus, libsecret would try to autolaunch one
    // (and, depending on the setup, wait for it) instead of failing.
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (!address.isEmpty()) {
        // A stale address (the session that exported it is gone) is the usual way a bus "exists"
        // but cannot answer: when every entry is a unix socket path, check one of them exists.
        bool checkable = true;
        bool anyExists = false;
        QStringList paths;
        for (const QString &entry : address.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const int at = entry.indexOf(QLatin1String("path="));
            if (!entry.startsWith(QLatin1String("unix:")) || at < 0) {
                checkable = false;
                break;
            }
            const QString path = entry.mid(at + 5).section(QLatin1Char(','), 0, 0);
            paths << path;
            anyExists = anyExists || QFileInfo::exists(path);
        }
        if (checkable && !anyExists) {
            return QStringLiteral("no keychain service: the D-Bus session bus at %1 does not exist (stale "
                                  "DBUS_SESSION_BUS_ADDRESS); %2")
                .arg(paths.join(QStringLiteral(", ")), Remedy);
        }
        return {};
    }
    // libdbus and GDBus both fall back to the systemd user bus when the variable is unset.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus")))
        return {};
    return QStringLiteral("no keychain service: D-Bus session bus not found (DBUS_SESSION_BUS_ADDRESS unset); ")
           + Remedy;
}

CredentialResult CredentialStore::read(const QString &account)
{
    return run(Operation::Read, account, QString());
}

CredentialResult CredentialStore::write(const QString &account, const QString &secret)
{
    Logging::registerSecret(secret);
    return run(Operation::Write, account, secret);
}

CredentialResult CredentialStore::remove(const QString &account)
{
    return run(Operation::Remove, account, QString());
}

CredentialResult CredentialStore::run(Operation operation, const QString &account, const QString &secret)
{
    CredentialResult result;
    const QString what = verb(int(operation));
    const QString entry = QStringLiteral("'%1' (service '%2')").arg(account, m_service);
    if (const QString reason = unavailableReason(); !reason.isEmpty()) {
        result.error = QStringLiteral("cannot %1 the keychain entry %2: %3").arg(what, entry, reason);
        return result;
    }
    if (!QCoreApplication::instance()) {
        result.error = QStringLiteral("cannot %1 the keychain entry %2: the keychain needs a running Qt "
                                      "application (internal error)").arg(what, entry);
        return result;
    }

    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // The job deletes itself once it finishes, also when we stopped waiting for it: deleting it
    // while the keychain still owes it an answer would leave the backend a dangling callback.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);

    QEventLoop loop;
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString data;
    // `loop` is the context of both connections, so a job finishing after we gave up (and
    // returned) touches nothing of ours.
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        finished = true;
        error = done->error();
        errorString = done->errorString();
        if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(done))
            data = reader->textData();
        loop.quit();
    });
    QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!finished) {
        result.error = QStringLiteral("the keychain did not answer within %1 ms when asked to %2 the entry %3; "
                                      "check that the Secret Service (gnome-keyring) runs and is unlocked, or "
                                      "use --password-env VAR")
                           .arg(m_timeoutMs).arg(what, entry);
        return result;
    }
    switch (error) {
    case QKeychain::NoError:
        result.ok = true;
        if (operation == Operation::Read) {
            Logging::registerSecret(data);
            result.secret = data;
        }
        return result;
    case QKeychain::EntryNotFound:
        result.notFound = true;
        result.error = QStringLiteral("no keychain entry %1").arg(entry);
        return result;
    case QKeychain::NoBackendAvailable:
        result.error = QStringLiteral("cannot %1 the keychain entry %2: no keychain service (%3); %4")
                           .arg(what, entry, errorString, Remedy);
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.error = QStringLiteral("the keychain refused to %1 the entry %2 (%3); unlock it, or use "
                                      "--password-env VAR")
                           .arg(what, entry, errorString);
        return result;
    default:
        result.error = QStringLiteral("cannot %1 the keychain entry %2: %3; use --password-env VAR instead")
                           .arg(what, entry, errorString);
        return result;
    }
}

CredentialResult passwordFromEnvironment(const QString &variable)
{
    CredentialResult result;
    const QByteArray name = variable.toLocal8Bit();
    if (!qEnvironmentVariableIsSet(name.constData())) {
        result.error = QStringLiteral("--password-env %1: the environment variable %1 is not set; export "
                                      "the password in it, or leave --password-env out to use the keychain")
                           .arg(variable);
        return result;
    }
    const QString secret = qEnvironmentVariable(name.constData());
    // An empty variable is nearly always a mistake (a typo in an export, a secret that did not
    // load), and connecting with an empty password would hide it behind "access denied".
    if (secret.isEmpty()) {
        result.error = QStringLiteral("--password-env %1: the environment variable %1 is empty; put the "
                                      "password in it, or leave --password-env out to use the keychain")
                           .arg(variable);
        return result;
    }
    result.ok = true;
    result.secret = secret;
    Logging::registerSecret(result.secret);
    return result;
}

CredentialResult resolvePassword(const QString &user, const QString &cluster, const QString &passwordEnvVar,
                                 CredentialStore &store)
{
    CredentialResult result;
    if (!passwordEnvVar.isEmpty())
        return passwordFromEnvironment(passwordEnvVar);
    QStringList tried;
    if (!cluster.isEmpty()) {
        const QString account = CredentialStore::accountFor(user, cluster);
        CredentialResult perCluster = store.read(account);
        if (perCluster.ok || !perCluster.notFound)
            return perCluster;
        tried << account;
    }
    const QString global = CredentialStore::accountFor(user, QString());
    CredentialResult any = store.read(global);
    if (any.ok || !any.notFound)
        return any;
    tried << global;
    result.notFound = true;
    result.error = QStringLiteral("no password for %1: no keychain entry %2 (service '%3'); store one in the "
                                  "keychain or use --password-env VAR")
                       .arg(user, QLatin1Char('\'') + tried.join(QStringLiteral("' or '")) + QLatin1Char('\''),
                            store.service());
    return result;
}

} // namespace Topograph
