#include "store/auditlog.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Topograph;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs statements on a file through a plain QSQLITE connection (not the Store).
bool rawSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements)
            if (ok && !q.exec(s)) {
                qWarning() << s << q.lastError().text();
                ok = false;
            }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

// Whether another process sees a lock held on SQLite's shared-lock byte range of the database
// file (the range every connection in WAL mode holds a read lock on while it is open). Asked from
// a forked child: a process never sees its own POSIX locks as conflicts.
bool otherProcessSeesSharedLock(const QString &path)
{
    const QByteArray file = QFile::encodeName(path);
    const pid_t child = ::fork();
    if (child == 0) {
        const int fd = ::open(file.constData(), O_RDONLY);
        struct flock fl {};
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        fl.l_start = 0x40000002; // SQLite's SHARED_FIRST (PENDING_BYTE + 2)
        fl.l_len = 510;          // SHARED_SIZE
        const bool locked = fd >= 0 && ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
        ::_exit(locked ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

} // namespace

class tst_Store : public QObject
{
    Q_OBJECT

private slots:
    void createAndReopen();
    void migrateFromVersion1();
    void refuses_data();
    void refuses();
    void defaultPathHonoursEnvironment();
    void knownInstancesRoundTrip();
    void aliases();
    void downtimeAndMaintenance();
    void promotionRules();
    void policyAndHistory();
    void secondStoreKeepsTheProcessLocks();

private:
    QTemporaryDir m_dir;
};

void tst_Store::createAndReopen()
{
    const QString path = m_dir.filePath(QStringLiteral("sub/folder/new.sqlite"));
    QString error;
    {
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), Store::currentSchemaVersion());
        QCOMPARE(store->path(), path);
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY2(
            store->setClusterAlias(QStringLiteral("db1:3306"), QStringLiteral("orders"), &error),
            qPrintable(error));
    }
    QVERIFY(QFile::exists(path));
    // Two objects on one file at once (as a GUI and a CLI would), then a reopen.
    auto a = Store::open(path, &error);
    QVERIFY2(a, qPrintable(error));
    auto b = Store::open(path, &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->clusterAliases().value(QStringLiteral("db1:3306")), QStringLiteral("orders"));
    QVERIFY(a->setClusterAlias(QStringLiteral("db2:3306"), QStringLiteral("billing"), &error));
    QCOMPARE(b->clusterAliases().size(), 2);
}

void tst_Store::migrateFromVersion1()
{
    const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
    QStringList v1 = Store::migrationStatements(1);
    QVERIFY(!v1.isEmpty());
    v1 << QStringLiteral("PRAGMA user_version=1")
       << QStringLiteral("INSERT INTO known_instances(host, port, cluster, first_seen, last_error) "
                         "VALUES ('db9', 3306, 'db9:3306', '2025-01-02T03:04:05.000Z', '')");
    QVERIFY(rawSql(path, v1));

    QString error;
    auto store = Store::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->schemaVersion(), Store::currentSchemaVersion());
    const auto known = store->knownInstances(&error);
    QCOMPARE(known.size(), 1);
    QCOMPARE(known.first().key, InstanceKey(QStringLiteral("db9"), 3306));
    QCOMPARE(known.first().firstSeen, QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC));
    // Tables of version 2 exist and work.
    QVERIFY2(store->setPromotionRule(
                 InstanceKey(QStringLiteral("db9"), 3306), PromotionRule::MustNot, &error),
        qPrintable(error));
    QSqlQuery q(store->database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), Store::currentSchemaVersion());
}

void tst_Store::refuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // part of the error
    QTest::newRow("not SQLite") << "text"
                                << "not an SQLite database";
    QTest::newRow("short file") << "short"
                                << "not an SQLite database";
    QTest::newRow("damaged") << "corrupt"
                             << "is damaged";
    QTest::newRow("newer schema") << "newer"
                                  << "schema version 99";
    QTest::newRow("another program's SQLite") << "foreign"
                                              << "another program";
    QTest::newRow("read-only file") << "readonly"
                                    << "read-only";
    QTest::newRow("a folder") << "folder"
                              << "is a folder";
}

void tst_Store::refuses()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("refuse-%1.sqlite").arg(kind));
    if (kind == QLatin1String("text") || kind == QLatin1String("short")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kind == QLatin1String("short") ? QByteArray("SQLite format 3")
                                               : QByteArray("host,port\ndb1,3306\n"));
    } else if (kind == QLatin1String("corrupt") || kind == QLatin1String("readonly")) {
        {
            QString error;
            auto store = Store::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            for (int i = 0; i < 300; ++i)
                QVERIFY(store->upsertKnownInstance(
                    { InstanceKey(QStringLiteral("host%1.example").arg(i), 3306),
                        QStringLiteral("c"), {}, QDateTime::currentDateTimeUtc(), {}, {}, {} }));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))
            || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
        if (kind == QLatin1String("corrupt")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 5 * 4096);
            f.seek(4096);
            f.write(QByteArray(3 * 4096, '\xab'));
        } else {
            QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        }
    } else if (kind == QLatin1String("newer")) {
        QVERIFY(rawSql(path,
            { QStringLiteral("CREATE TABLE future (x)"),
                QStringLiteral("PRAGMA user_version=99") }));
    } else if (kind == QLatin1String("foreign")) {
        QVERIFY(rawSql(path,
            { QStringLiteral("CREATE TABLE recipes (name TEXT)"),
                QStringLiteral("INSERT INTO recipes VALUES ('bibimbap')") }));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkpath(path));
    }
    const QByteArray before = fileBytes(path);
    QString error;
    auto store = Store::open(path, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    if (kind == QLatin1String("readonly"))
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void tst_Store::defaultPathHonoursEnvironment()
{
    qputenv("TOPOGRAPH_STORE", "/tmp/elsewhere.sqlite");
    QCOMPARE(Store::defaultPath(), QStringLiteral("/tmp/elsewhere.sqlite"));
    qunsetenv("TOPOGRAPH_STORE");
    QVERIFY(Store::defaultPath().endsWith(QLatin1String("/topograph.sqlite")));
}

void tst_Store::knownInstancesRoundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("known.sqlite"));
    QString error;
    const QDateTime t1(QDate(2026, 3, 1), QTime(10, 0, 0, 123), Qt::UTC);
    const QDateTime t2 = t1.addSecs(60);
    {
        auto store = Store::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->upsertKnownInstance(
            { InstanceKey(QStringLiteral("DB1.example"), 3306), QStringLiteral("db1.example:3306"),
                t1, t1, t1, QString(), QJsonObject{{QStringLiteral("version"), QStringLiteral("10.11.6")}} },
            &error));
        QVERIFY(store->upsertKnownInstance(
            { InstanceKey(QStringLiteral("db2.example"), 3307), QStringLiteral("db1.example:3306"),
                t1, t1, t1, QStringLiteral("Access denied for user 'topograph'"), {} },
            &error));
        // An update keeps first_seen and replaces the rest; without facts, the last ones stay.
        QVERIFY(store->upsertKnownInstance(
            { InstanceKey(QStringLiteral("db1.example"), 3306), QStringLiteral("db1.example:3306"),
                t2, t2, t2, QString(), {} },
            &error));
        QVERIFY(!store->upsertKnownInstance({ InstanceKey(), QString(), {}, {}, {}, {}, {} }, &error));
    }
    auto store = Store::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const auto known = store->knownInstances(&error);
    QCOMPARE(known.size(), 2);
    QCOMPARE(known[0].key, InstanceKey(QStringLiteral("db1.example"), 3306));
    QCOMPARE(known[0].firstSeen, t1);
    QCOMPARE(known[0].lastSeen, t2);
    QCOMPARE(known[0].lastChecked, t2);
    QCOMPARE(known[1].lastError, QStringLiteral("Access denied for user 'topograph'"));
    QCOMPARE(known[0].lastFacts.value(QStringLiteral("version")).toString(), QStringLiteral("10.11.6"));
    QVERIFY(known[1].lastFacts.isEmpty());
    QCOMPARE(known[1].key.port(), 3307);

    QVERIFY2(store->forgetInstance(known[1].key, &error), qPrintable(error));
    QCOMPARE(store->knownInstances().size(), 1);
    QVERIFY(!store->forgetInstance(known[1].key, &error));
    QVERIFY(error.contains(QLatin1String("not a known instance")));
    const auto audit = AuditLog(*store).entries({});
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0].action, QStringLiteral("forget-instance"));
    QCOMPARE(audit[0].instance, QStringLiteral("db2.example:3307"));
}

void tst_Store::aliases()
{
    QString error;
    auto store = Store::open(m_dir.filePath(QStringLiteral("alias.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->setClusterAlias(QStringLiteral("a:1"), QStringLiteral("orders"), &error));
    QVERIFY(!store->setClusterAlias(QStringLiteral("b:1"), QStringLiteral("orders"), &error));
    QVERIFY2(error.contains(QLatin1String("already names cluster a:1")), qPrintable(error));
    QVERIFY(store->setClusterAlias(QStringLiteral("a:1"), QString(), &error));
    QVERIFY(store->setClusterAlias(QStringLiteral("b:1"), QStringLiteral("orders"), &error));
    QCOMPARE(store->clusterAliases(),
        (QHash<QString, QString> { { QStringLiteral("b:1"), QStringLiteral("orders") } }));
    QCOMPARE(AuditLog(*store).count({}), 3);
    QVERIFY(AuditLog(*store).verify().intact);
}

void tst_Store::downtimeAndMaintenance()
{
    QString error;
    auto store = Store::open(m_dir.filePath(QStringLiteral("downtime.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const InstanceKey k(QStringLiteral("db3"), 3306);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(!store->beginDowntime(k, { now.addSecs(-5), QStringLiteral("past"), {} }, &error));
    QVERIFY(store->beginDowntime(
        k, { now.addSecs(3600), QStringLiteral("kernel upgrade"), {} }, &error));
    auto d = store->activeDowntimes(now);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.value(k).reason, QStringLiteral("kernel upgrade"));
    QCOMPARE(d.value(k).owner, Store::osActor());
    QVERIFY(store->activeDowntimes(now.addSecs(7200)).isEmpty()); // expired by then
    QVERIFY(store->endDowntime(k, &error));
    QVERIFY(store->activeDowntimes(now).isEmpty());
    QVERIFY(!store->endDowntime(k, &error));
    QVERIFY(error.contains(QLatin1String("not downtimed")));

    QVERIFY(store->setMaintenance(k, true, QStringLiteral("disk swap"), &error));
    QVERIFY(store->setMaintenance(k, true, QStringLiteral("again"), &error)); // already: no-op
    QCOMPARE(store->maintenance(), QSet<InstanceKey> { k });
    QVERIFY(store->setMaintenance(k, false, {}, &error));
    QVERIFY(store->maintenance().isEmpty());
    QVERIFY(!store->setMaintenance(k, false, {}, &error));

    QStringList actions;
    for (const AuditEntry &e : AuditLog(*store).entries({}))
        actions << e.action;
    QCOMPARE(actions,
        (QStringList { "begin-downtime", "end-downtime", "begin-maintenance", "end-maintenance" }));
}

void tst_Store::promotionRules()
{
    QString error;
    auto store = Store::open(m_dir.filePath(QStringLiteral("rules.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const InstanceKey a(QStringLiteral("a"), 1), b(QStringLiteral("b"), 2);
    QVERIFY(store->setPromotionRule(a, PromotionRule::Prefer, &error));
    QVERIFY(store->setPromotionRule(b, PromotionRule::MustNot, &error));
    QVERIFY(store->setPromotionRule(b, PromotionRule::MustNot, &error)); // unchanged: not audited
    const auto rules = store->promotionRules();
    QCOMPARE(rules.value(a), PromotionRule::Prefer);
    QCOMPARE(rules.value(b), PromotionRule::MustNot);
    QCOMPARE(AuditLog(*store).count({}), 2);
}

void tst_Store::policyAndHistory()
{
    QString error;
    auto store = Store::open(m_dir.filePath(QStringLiteral("policy.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    store->setActor(QStringLiteral("kim@ops"));
    QVERIFY(store->setPolicyValue(
        QStringLiteral("AutoFailover"), true, QStringLiteral("go live"), &error));
    QVERIFY(store->setPolicyValue(QStringLiteral("RecoverMasterClusterFilters"),
        QJsonArray { QStringLiteral("*") }, {}, &error));
    QVERIFY(
        store->setPolicyValue(QStringLiteral("AutoFailover"), true, {}, &error)); // same: no record
    QVERIFY(store->setPolicyValue(QStringLiteral("AutoFailover"), false, {}, &error));
    const auto policy = store->policy();
    QCOMPARE(policy.value(QStringLiteral("AutoFailover")), QJsonValue(false));
    QCOMPARE(policy.value(QStringLiteral("RecoverMasterClusterFilters")),
        QJsonValue(QJsonArray { QStringLiteral("*") }));
    const auto history = store->policyHistory(QStringLiteral("AutoFailover"));
    QCOMPARE(history.size(), 2);
    QVERIFY(history[0].oldValue.isUndefined());
    QCOMPARE(history[0].newValue, QJsonValue(true));
    QCOMPARE(history[0].comment, QStringLiteral("go live"));
    QCOMPARE(history[1].oldValue, QJsonValue(true));
    QCOMPARE(history[1].actor, QStringLiteral("kim@ops"));
    // Without a key: every change of every key (3 rows so far).
    QCOMPARE(store->policyHistory().size(), 3);
    QVERIFY(store->setPolicyValue(QStringLiteral("AutoFailover"), QJsonValue(), {}, &error));
    QVERIFY(!store->policy().contains(QStringLiteral("AutoFailover")));
    const auto audit = AuditLog(*store).entries({});
    QCOMPARE(audit.size(), 4);
    QCOMPARE(audit[0].actor, QStringLiteral("kim@ops"));
    QCOMPARE(audit[0].details.value(QStringLiteral("new")), QJsonValue(true));
}

void tst_Store::secondStoreKeepsTheProcessLocks()
{
    // Opening a second store on the same file in the same process (the engine, the poller and a
    // recovery each have one) must not read the file through a descriptor of its own: closing it
    // would drop every POSIX lock the process holds on the file, and another process could then
    // checkpoint and delete the WAL under the first store (two watchers each ran "recovery 1").
    const QString path = m_dir.filePath(QStringLiteral("locks.sqlite"));
    QString error;
    auto first = Store::open(path, &error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(first->setClusterAlias(QStringLiteral("db1:3306"), QStringLiteral("orders"), &error));
    QVERIFY2(otherProcessSeesSharedLock(path), "the first store holds no lock another process can see");
    auto second = Store::open(path, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY2(otherProcessSeesSharedLock(path), "opening a second store dropped the process's locks");
    second.reset();
    QVERIFY2(otherProcessSeesSharedLock(path), "closing the second store dropped the first one's lock");
    first.reset();
    QVERIFY(!otherProcessSeesSharedLock(path));
    // Closed everywhere: the next open reads the header again (a refused file is still refused).
    QVERIFY(Store::open(path, &error));
}

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
