#include "store.h"

#include "auditlog.h"
#include "logging/logging.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRecursiveMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

namespace Topograph {

namespace {

QAtomicInt connectionCounter;

// POSIX advisory locks belong to the process and the file: closing ANY descriptor of the store
// file drops every lock this process holds on it, SQLite's included. The locks are what keeps
// another process from checkpointing and deleting the -wal/-shm files under us; without them two
// processes write into different WAL indexes and the file is corrupted (seen: two watchers both
// ran "recovery 1"). So the raw header read below happens only while no Store of this process
// has the file open, and opening and closing stores is serialised to keep it that way.
QRecursiveMutex &storeLifecycleMutex()
{
    static QRecursiveMutex m;
    return m;
}

// Open stores per file in this process (guarded by storeLifecycleMutex).
QHash<QString, int> &liveStores()
{
    static QHash<QString, int> live;
    return live;
}

// The file's identity: its folder resolved (symlinks included) plus its name, the same before
// and after SQLite creates the file.
QString liveKey(const QString &path)
{
    const QFileInfo fi(path);
    const QString dir = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return (dir.isEmpty() ? fi.absolutePath() : dir) + QLatin1Char('/') + fi.fileName();
}
constexpr int busyTimeoutMs = 10000; // SQLite's own wait for the lock, per statement
constexpr int busyRetryBudgetMs = 30000; // our retries of whole transactions on top of it

bool isBusy(const QSqlError &e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    return code == 5 /* SQLITE_BUSY */ || code == 6 /* SQLITE_LOCKED */
        || e.databaseText().contains(QLatin1String("database is locked"))
        || e.databaseText().contains(QLatin1String("database is busy"));
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString uniqueConnectionName()
{
    return QStringLiteral("topograph-store-%1-%2")
        .arg(QCoreApplication::applicationPid())
        .arg(connectionCounter.fetchAndAddRelaxed(1));
}

// Writable, and not made read-only on purpose: root ignores permissions, so a file or folder with
// no write bit at all counts as read-only too.
bool isWritable(const QFileInfo &fi)
{
    const auto writeBits
        = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return fi.isWritable() && (fi.permissions() & writeBits);
}

// A read-only connection to path. SQLite must create the -shm (and -wal) files even to read a
// WAL-mode file; in a folder nobody can write (an archive) it cannot, and without a -wal file
// there is no writer either, so the file is opened as immutable: no locks, no companions.
void setReadOnlyTarget(QSqlDatabase &db, const QString &path)
{
    const QFileInfo fi(path);
    const bool archived = !isWritable(QFileInfo(fi.absolutePath()))
        && !QFileInfo::exists(path + QStringLiteral("-wal"));
    if (archived) {
        QUrl url = QUrl::fromLocalFile(fi.absoluteFilePath());
        url.setQuery(QStringLiteral("immutable=1"));
        db.setDatabaseName(QString::fromUtf8(url.toEncoded()));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        db.setDatabaseName(path);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    }
}

// Everything we check before opening the file for writing, so that a file we refuse is never
// touched: not even a WAL conversion or a checkpoint. alreadyOpen: a Store of this process has the
// file open, so it is a store we accepted, and its header must not be read through a descriptor
// of our own (see storeLifecycleMutex). forWriting: refuse a file or folder Topograph cannot write.
bool inspectExisting(
    const QString &path, bool alreadyOpen, bool forWriting, int *version, QString *error)
{
    const QFileInfo fi(path);
    const QString leftAlone = QStringLiteral("Topograph left the file untouched.");
    if (fi.isDir()) {
        setError(error,
            QStringLiteral("the store %1 is a folder, not a file; give --store a file name.")
                .arg(path));
        return false;
    }
    if (!alreadyOpen) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            setError(error,
                QStringLiteral("cannot read the store %1: %2. Check its permissions. %3")
                    .arg(path, file.errorString(), leftAlone));
            return false;
        }
        const QByteArray header = file.read(100);
        file.close();
        if (header.isEmpty()) { // an empty file is a new database to SQLite
            *version = 0;
            return true;
        }
        if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
            setError(error,
                QStringLiteral("%1 is not a Topograph store (it is not an SQLite database). %2 "
                               "Point --store (or TOPOGRAPH_STORE) at a Topograph store or at a "
                               "new file name.")
                    .arg(path, leftAlone));
            return false;
        }
    }
    if (forWriting && !isWritable(fi)) {
        setError(error,
            QStringLiteral("the store %1 is read-only: Topograph must write to it (audit "
                           "log, recoveries). Make it writable (chmod u+w) or use another "
                           "file. %2")
                .arg(path, leftAlone));
        return false;
    }
    const QFileInfo dir(fi.absolutePath());
    if (forWriting && !dir.isWritable()) {
        setError(error,
            QStringLiteral("the folder %1 of the store %2 is not writable: SQLite needs to "
                           "create its -wal and -shm files beside the store. Make the folder "
                           "writable or move the store. %3")
                .arg(dir.absoluteFilePath(), path, leftAlone));
        return false;
    }

    const QString name = uniqueConnectionName() + QStringLiteral("-inspect");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        setReadOnlyTarget(db, path);
        if (!db.open()) {
            setError(error,
                QStringLiteral("cannot open the store %1: %2. %3")
                    .arg(path, db.lastError().text(), leftAlone));
        } else {
            QSqlQuery q(db);
            const QString damaged = QStringLiteral(
                "the store %1 is damaged (SQLite: %2). %3 Restore it from a backup, or move it "
                "aside "
                "(keep it: it holds the audit trail) and Topograph will start a new store.");
            if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
                setError(error, damaged.arg(path, q.lastError().text(), leftAlone));
            } else {
                QStringList problems;
                while (q.next())
                    problems << q.value(0).toString();
                if (problems != QStringList { QStringLiteral("ok") }) {
                    setError(error,
                        damaged.arg(path, problems.mid(0, 3).join(QLatin1String("; ")), leftAlone));
                } else if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                    setError(error, damaged.arg(path, q.lastError().text(), leftAlone));
                } else {
                    *version = q.value(0).toInt();
                    ok = true;
                    if (*version > Store::currentSchemaVersion()) {
                        ok = false;
                        setError(error,
                            QStringLiteral("the store %1 has schema version %2, but this "
                                           "Topograph knows only up to version %3: it was "
                                           "written by a newer Topograph. Use that version, "
                                           "or point --store at another file. %4")
                                .arg(path)
                                .arg(*version)
                                .arg(Store::currentSchemaVersion())
                                .arg(leftAlone));
                    } else if (*version == 0
                        && q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next()
                        && q.value(0).toInt() > 0) {
                        ok = false;
                        setError(error,
                            QStringLiteral("%1 is an SQLite database of another program, "
                                           "not a Topograph store. %2 Point --store at a "
                                           "Topograph store or at a new file name.")
                                .arg(path, leftAlone));
                    }
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString jsonValueText(const QJsonValue &v)
{
    const QByteArray a = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QJsonValue jsonValueFromText(const QVariant &text)
{
    if (text.isNull())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument d = QJsonDocument::fromJson("[" + text.toString().toUtf8() + "]");
    return d.array().isEmpty() ? QJsonValue(QJsonValue::Undefined) : d.array().first();
}

} // namespace

Store::Store(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_actor(osActor())
{ }

Store::~Store()
{
    // Closed under the lock: once the count drops to 0 another thread may read the header.
    const QMutexLocker lifecycle(&storeLifecycleMutex());
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!m_liveKey.isEmpty() && --liveStores()[m_liveKey] <= 0)
        liveStores().remove(m_liveKey);
}

QString Store::defaultPath()
{
    const QString env = qEnvironmentVariable("TOPOGRAPH_STORE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/topograph.sqlite");
}

QString Store::osActor()
{
    // The account the process runs as, not what $USER claims (sudo, su and services keep it).
    QString user;
    if (const passwd *pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        user = QString::fromLocal8Bit(pw->pw_name);
    if (user.isEmpty())
        user = qEnvironmentVariable("USER", QStringLiteral("unknown"));
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

namespace {

// Looking at a WAL-mode file creates its -wal/-shm companions; a file we refuse is left as we
// found it, companions included (never while a store of ours uses them). Call with the
// lifecycle mutex held.
bool admitExisting(const QString &path, bool forWriting, int *version, QString *error)
{
    const bool alreadyOpen = liveStores().value(liveKey(path)) > 0;
    const QString wal = path + QStringLiteral("-wal"), shm = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(wal), hadShm = QFileInfo::exists(shm);
    if (inspectExisting(path, alreadyOpen, forWriting, version, error))
        return true;
    if (!alreadyOpen && !hadWal && QFileInfo(wal).size() == 0)
        QFile::remove(wal);
    if (!alreadyOpen && !hadShm && !hadWal)
        QFile::remove(shm);
    return false;
}

} // namespace

std::unique_ptr<Store> Store::open(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        setError(error, QStringLiteral("no store file given"));
        return nullptr;
    }
    QMutexLocker lifecycle(&storeLifecycleMutex());
    int version = 0;
    if (QFileInfo::exists(path)) {
        if (!admitExisting(path, true, &version, error))
            return nullptr;
    } else {
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            setError(error,
                QStringLiteral("cannot create the folder %1 for the store %2; create it or "
                               "choose another --store.")
                    .arg(dir, path));
            return nullptr;
        }
    }

    std::unique_ptr<Store> store(new Store(path, uniqueConnectionName()));
    store->m_liveKey = liveKey(path);
    ++liveStores()[store->m_liveKey];
    // Counted: from here on nobody in this process reads the file outside SQLite, so the slow part
    // (WAL switch, migrations, busy retries) need not hold up other threads' stores.
    lifecycle.unlock();
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    store->m_db.setDatabaseName(path);
    store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!store->m_db.open()) {
        setError(error,
            QStringLiteral("cannot open the store %1: %2")
                .arg(path, store->m_db.lastError().text()));
        return nullptr;
    }
    QString e;
    // WAL lets readers and one writer work at once (GUI + CLI). NORMAL synchronous is durable
    // against a killed process (the WAL is in the OS already); only an OS crash/power loss can
    // drop the last transactions, never corrupt the file.
    QSqlQuery q(store->m_db);
    bool walOk = false;
    for (int i = 0; i < 50 && !walOk; ++i) {
        walOk = q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next()
            && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
        if (!walOk)
            QThread::msleep(50);
    }
    if (!walOk)
        spdlog::warn("store {}: could not switch to WAL mode ({}); continuing in rollback mode",
            path, q.lastError().text());
    q.finish();
    if (!store->exec(QStringLiteral("PRAGMA foreign_keys=ON"), &e)
        || !store->exec(QStringLiteral("PRAGMA synchronous=NORMAL"), &e)
        || !store->migrate(version, &e)) {
        setError(error, e);
        return nullptr;
    }
    return store;
}

std::unique_ptr<Store> Store::openReadOnly(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        setError(error, QStringLiteral("no store file given"));
        return nullptr;
    }
    if (!QFileInfo::exists(path)) {
        setError(error,
            QStringLiteral("there is no Topograph store at %1 (nothing recorded yet, or a wrong "
                           "--store)")
                .arg(path));
        return nullptr;
    }
    QMutexLocker lifecycle(&storeLifecycleMutex());
    int version = 0;
    if (!admitExisting(path, false, &version, error))
        return nullptr;
    // Reading an older schema would need its migration, which is a write.
    if (version != currentSchemaVersion()) {
        setError(error,
            version == 0
                ? QStringLiteral("%1 is empty: it is not a Topograph store yet.").arg(path)
                : QStringLiteral("the store %1 has schema version %2; this Topograph reads "
                                 "version %3. Open it once with write access (any topograph-cli "
                                 "command that records, or the GUI) to upgrade it, or read it "
                                 "with the Topograph that wrote it.")
                      .arg(path)
                      .arg(version)
                      .arg(currentSchemaVersion()));
        return nullptr;
    }
    std::unique_ptr<Store> store(new Store(path, uniqueConnectionName()));
    store->m_readOnly = true;
    store->m_schemaVersion = version;
    store->m_liveKey = liveKey(path);
    ++liveStores()[store->m_liveKey];
    lifecycle.unlock();
    // No WAL switch, no migration, no BEGIN IMMEDIATE: nothing here waits for another process's
    // write lock, and a store in WAL mode gives every SELECT a consistent snapshot.
    store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    setReadOnlyTarget(store->m_db, path);
    if (!store->m_db.open()) {
        setError(error,
            QStringLiteral("cannot open the store %1 for reading: %2")
                .arg(path, store->m_db.lastError().text()));
        return nullptr;
    }
    return store;
}

bool Store::migrate(int /*fromVersion*/, QString *error)
{
    // The version is read again inside the write lock: another process may have created or
    // migrated the file since we looked.
    const bool ok = write(
        [this](QString *err) {
            QSqlQuery q(m_db);
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                setError(err, QStringLiteral("the store %1: %2").arg(m_path, q.lastError().text()));
                m_lastBusy = isBusy(q.lastError());
                return false;
            }
            const int from = q.value(0).toInt();
            q.finish();
            if (from > currentSchemaVersion()) {
                setError(err,
                    QStringLiteral("the store %1 was just upgraded to schema version %2 by a newer "
                                   "Topograph; use that version.")
                        .arg(m_path)
                        .arg(from));
                return false;
            }
            for (int v = from + 1; v <= currentSchemaVersion(); ++v) {
                for (const QString &sql : migrationStatements(v))
                    if (!exec(sql, err))
                        return false;
                if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(v), err))
                    return false;
            }
            if (from == 0) {
                QSqlQuery m(m_db);
                m.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES "
                                         "('created_at', ?), ('created_by', ?)"));
                m.addBindValue(toDb(QDateTime::currentDateTimeUtc()));
                m.addBindValue(
                    QStringLiteral("Topograph %1").arg(QStringLiteral(TOPOGRAPH_VERSION)));
                if (!exec(m, err))
                    return false;
            }
            if (from != currentSchemaVersion())
                spdlog::info("store {}: schema {} -> {}", m_path, from, currentSchemaVersion());
            return true;
        },
        error);
    if (ok)
        m_schemaVersion = currentSchemaVersion();
    return ok;
}

qint64 Store::count(const QString &table, const QString &where, const QVariantList &binds, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM ") + table + where);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!exec(q, error) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool Store::exec(QSqlQuery &query, QString *error) const
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (query.exec()) {
            m_lastBusy = false;
            return true;
        }
        m_lastBusy = isBusy(query.lastError());
        // Inside write() the whole transaction is retried instead (a statement cannot be retried
        // on its own once the transaction lost its snapshot).
        if (!m_lastBusy || m_inWrite || timer.elapsed() > busyRetryBudgetMs)
            break;
        QThread::msleep(10 + QRandomGenerator::global()->bounded(40));
    }
    setError(error,
        m_lastBusy ? QStringLiteral("the store %1 stayed locked by another process for more than "
                                    "%2 s; check for a stuck Topograph process using it.")
                         .arg(m_path)
                         .arg(busyRetryBudgetMs / 1000)
                   : QStringLiteral("the store %1: %2").arg(m_path, query.lastError().text()));
    return false;
}

bool Store::exec(const QString &sql, QString *error) const
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql)) {
        m_lastBusy = isBusy(q.lastError());
        setError(error, QStringLiteral("the store %1: %2").arg(m_path, q.lastError().text()));
        return false;
    }
    return exec(q, error);
}

bool Store::write(const std::function<bool(QString *error)> &body, QString *error)
{
    if (m_inWrite) // nested: part of the caller's transaction
        return body(error);
    if (m_readOnly) {
        setError(error,
            QStringLiteral("the store %1 was opened read-only; nothing was written.").arg(m_path));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        QString e;
        m_lastBusy = false;
        bool ok = exec(QStringLiteral("BEGIN IMMEDIATE"), &e);
        if (ok) {
            m_inWrite = true;
            ok = body(&e);
            m_inWrite = false;
            if (ok)
                ok = exec(QStringLiteral("COMMIT"), &e);
            if (!ok) {
                const bool busy = m_lastBusy;
                exec(QStringLiteral("ROLLBACK"), nullptr);
                m_lastBusy = busy;
            }
        }
        if (ok)
            return true;
        if (m_lastBusy && timer.elapsed() < busyRetryBudgetMs) {
            QThread::msleep(10 + QRandomGenerator::global()->bounded(40));
            continue;
        }
        setError(error, e);
        return false;
    }
}

QString Store::toDb(const QDateTime &t)
{
    if (!t.isValid())
        return QString();
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
}

QDateTime Store::fromDb(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

bool Store::auditInTransaction(const QString &cluster, const QString &instance,
    const QString &action, const QString &message, const QJsonObject &details, QString *error)
{
    AuditEntry entry;
    entry.actor = m_actor;
    entry.cluster = cluster;
    entry.instance = instance;
    entry.action = action;
    entry.outcome = AuditOutcome::Ok;
    entry.message = message;
    entry.details = details;
    return AuditLog::appendInTransaction(*this, entry, error);
}

// ---- policy -------------------------------------------------------------------------------

bool Store::setPolicyValue(
    const QString &key, const QJsonValue &value, const QString &comment, QString *error)
{
    const bool remove = value.isUndefined() || value.isNull();
    return write(
        [&](QString *err) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("SELECT value FROM policy WHERE key = ?"));
            q.addBindValue(key);
            if (!exec(q, err))
                return false;
            const QVariant oldText = q.next() ? q.value(0) : QVariant();
            q.finish();
            const QString newText = remove ? QString() : jsonValueText(value);
            if ((remove && oldText.isNull()) || (!remove && oldText.toString() == newText))
                return true; // no change, nothing to record
            const QString now = toDb(QDateTime::currentDateTimeUtc());
            QSqlQuery w(m_db);
            if (remove) {
                w.prepare(QStringLiteral("DELETE FROM policy WHERE key = ?"));
                w.addBindValue(key);
            } else {
                w.prepare(QStringLiteral(
                    "INSERT INTO policy(key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
                w.addBindValue(key);
                w.addBindValue(newText);
                w.addBindValue(now);
                w.addBindValue(m_actor);
            }
            if (!exec(w, err))
                return false;
            QSqlQuery h(m_db);
            h.prepare(QStringLiteral(
                "INSERT INTO policy_history(at, actor, key, old_value, new_value, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)"));
            h.addBindValue(now);
            h.addBindValue(m_actor);
            h.addBindValue(key);
            h.addBindValue(oldText.isNull() ? QVariant(QMetaType::fromType<QString>()) : oldText);
            h.addBindValue(remove ? QVariant(QMetaType::fromType<QString>()) : QVariant(newText));
            h.addBindValue(text(comment));
            if (!exec(h, err))
                return false;
            QJsonObject details { { QStringLiteral("key"), key },
                { QStringLiteral("old"),
                    oldText.isNull() ? QJsonValue() : jsonValueFromText(oldText) },
                { QStringLiteral("new"), remove ? QJsonValue() : value } };
            if (!comment.isEmpty())
                details.insert(QStringLiteral("comment"), comment);
            const QString sentence = remove
                ? QStringLiteral("Policy %1 removed (was %2).").arg(key, oldText.toString())
                : QStringLiteral("Policy %1 set to %2 (was %3).")
                      .arg(key, newText,
                          oldText.isNull() ? QStringLiteral("unset") : oldText.toString());
            return auditInTransaction({}, {}, QStringLiteral("set-policy"), sentence, details, err);
        },
        error);
}

QHash<QString, QJsonValue> Store::policy(QString *error) const
{
    QHash<QString, QJsonValue> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT key, value FROM policy"));
    if (!exec(q, error))
        return result;
    while (q.next())
        result.insert(q.value(0).toString(), jsonValueFromText(q.value(1)));
    return result;
}

QList<Store::PolicyChange> Store::policyHistory(const QString &key, QString *error) const
{
    QList<PolicyChange> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT id, at, actor, key, old_value, new_value, comment FROM policy_history "
        "WHERE ? = '' OR key = ? ORDER BY id"));
    // A null QString binds as SQL NULL, and NULL = '' is not true: bind text, never NULL.
    q.addBindValue(text(key));
    q.addBindValue(text(key));
    if (!exec(q, error))
        return result;
    while (q.next()) {
        PolicyChange c;
        c.id = q.value(0).toLongLong();
        c.at = fromDb(q.value(1));
        c.actor = q.value(2).toString();
        c.key = q.value(3).toString();
        c.oldValue = jsonValueFromText(q.value(4));
        c.newValue = jsonValueFromText(q.value(5));
        c.comment = q.value(6).toString();
        result << c;
    }
    return result;
}

} // namespace Topograph
