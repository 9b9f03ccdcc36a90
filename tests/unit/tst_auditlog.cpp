#include "store/auditlog.h"
#include "store/store.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Topograph;

class tst_AuditLog : public QObject
{
    Q_OBJECT

private slots:
    void canonicalSerialisationIsPinned();
    void appendChainsAndRoundTrips();
    void batchAppend();
    void filters();
    void tamperingIsDetected_data();
    void tamperingIsDetected();
    void emptyLogIsIntact();

private:
    std::unique_ptr<Store> freshStore(const QString &name, int entries);
    QTemporaryDir m_dir;
};

std::unique_ptr<Store> tst_AuditLog::freshStore(const QString &name, int entries)
{
    QString error;
    auto store = Store::open(m_dir.filePath(name), &error);
    if (!store)
        qWarning() << error;
    AuditLog log(*store);
    for (int i = 1; i <= entries; ++i) {
        AuditEntry e;
        e.actor = i % 2 ? QStringLiteral("auto") : QStringLiteral("kim@ops");
        e.cluster = i % 3 ? QStringLiteral("db1:3306") : QStringLiteral("db7:3306");
        e.action = QStringLiteral("detect");
        e.message = QStringLiteral("entry %1").arg(i);
        e.at = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC).addSecs(i * 3600);
        if (!log.append(e, &error))
            qWarning() << error;
    }
    return store;
}

void tst_AuditLog::canonicalSerialisationIsPinned()
{
    // The format documented in auditlog.h; a change here breaks every existing chain.
    const QString message = QStringLiteral("Promoted 「db2」 — 승격");
    const QByteArray canonical = AuditLog::canonicalContent(7,
        QStringLiteral("2026-01-02T03:04:05.006Z"), QStringLiteral("kim@ops"),
        QStringLiteral("db1:3306"), QStringLiteral("db2:3306"), QStringLiteral("recover"),
        QStringLiteral("ok"), message, QStringLiteral("{\"a\":1}"), 0);
    QCOMPARE(canonical,
        QByteArray("topograph-audit-v1\n1:7\n24:2026-01-02T03:04:05.006Z\n7:kim@ops\n8:db1:3306\n"
                   "8:db2:3306\n7:recover\n2:ok\n29:")
            + message.toUtf8() + QByteArray("\n7:{\"a\":1}\n0:\n"));
    QCOMPARE(AuditLog::chainHash(AuditLog::genesisHash(), canonical),
        QStringLiteral("f20a4a65b358ccb7522a8b8d32c4f3238ff37040a139fb5006cd134b2168d554"));
    // Length prefixes: moving a character between fields changes the content.
    QVERIFY(AuditLog::canonicalContent(1, "a", "b", "c", "d", "e", "ok", "x\n1:y", "{}", 0)
        != AuditLog::canonicalContent(1, "a", "b", "c", "d", "e", "ok", "x", "1:y{}", 0));
}

void tst_AuditLog::appendChainsAndRoundTrips()
{
    QString error;
    auto store = Store::open(m_dir.filePath(QStringLiteral("chain.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    AuditLog log(*store);
    AuditEntry a;
    a.actor = QStringLiteral("kim@ops");
    a.cluster = QStringLiteral("db1:3306");
    a.instance = QStringLiteral("db2:3306");
    a.action = QStringLiteral("relocate");
    a.outcome = AuditOutcome::Refused;
    a.message = QStringLiteral(
        "Refused: \"db2\" would have errant transactions, <b>0-1-5</b>; 한국어, 日本語");
    a.details = { { QStringLiteral("z"), 1 }, { QStringLiteral("a"), QStringLiteral("x,y\nz") } };
    a.recoveryId = 42;
    QVERIFY2(log.append(a, &error), qPrintable(error));
    QCOMPARE(a.id, 1);
    QCOMPARE(a.prevHash, AuditLog::genesisHash());
    QCOMPARE(a.hash.size(), 64);
    AuditEntry b;
    b.actor = QStringLiteral("auto");
    b.action = QStringLiteral("detect");
    b.message = QStringLiteral("DeadMaster on db1:3306");
    QVERIFY(log.append(b, &error));
    QCOMPARE(b.prevHash, a.hash);

    const auto entries = log.entries({});
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].message, a.message);
    QCOMPARE(entries[0].details, a.details);
    QCOMPARE(entries[0].outcome, AuditOutcome::Refused);
    QCOMPARE(entries[0].recoveryId, 42);
    QCOMPARE(entries[0].at, a.at);
    QCOMPARE(entries[0].at.time().msec(), a.at.time().msec());
    QCOMPARE(entries[1].hash, b.hash);
    const AuditVerification v = log.verify();
    QVERIFY2(v.intact, qPrintable(v.reason));
    QCOMPARE(v.entries, 2);
    QCOMPARE(v.headId, 2);
    QCOMPARE(v.headHash, b.hash);

    AuditEntry bad;
    bad.message = QStringLiteral("no actor");
    QVERIFY(!log.append(bad, &error));
}

void tst_AuditLog::batchAppend()
{
    auto store = freshStore(QStringLiteral("batch.sqlite"), 3);
    AuditLog log(*store);
    QList<AuditEntry> batch(500);
    for (int i = 0; i < batch.size(); ++i) {
        batch[i].actor = QStringLiteral("auto");
        batch[i].action = QStringLiteral("probe");
        batch[i].message = QStringLiteral("batch %1").arg(i);
    }
    QString error;
    QVERIFY2(log.append(batch, &error), qPrintable(error));
    QCOMPARE(batch.last().id, 503);
    QCOMPARE(batch[1].prevHash, batch[0].hash);
    QCOMPARE(log.count({}), 503);
    QVERIFY(log.verify().intact);
}

void tst_AuditLog::filters()
{
    auto store = freshStore(QStringLiteral("filters.sqlite"), 12);
    AuditLog log(*store);
    const QDateTime base(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
    AuditFilter f;
    f.cluster = QStringLiteral("db7:3306");
    QCOMPARE(log.count(f), 4); // 3, 6, 9, 12
    f.since = base.addSecs(4 * 3600);
    f.until = base.addSecs(9 * 3600); // exclusive
    const auto some = log.entries(f);
    QCOMPARE(some.size(), 1);
    QCOMPARE(some[0].message, QStringLiteral("entry 6"));
    AuditFilter latest;
    latest.limit = 3;
    const auto last3 = log.entries(latest);
    QCOMPARE(last3.size(), 3);
    QCOMPARE(last3[0].message, QStringLiteral("entry 10"));
    QCOMPARE(last3[2].message, QStringLiteral("entry 12"));
}

void tst_AuditLog::tamperingIsDetected_data()
{
    QTest::addColumn<QStringList>("sql");
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<QString>("why");
    QTest::newRow("message edited")
        << QStringList { "UPDATE audit_entries SET message = 'nothing happened' WHERE id = 4" }
        << qint64(4) << "edited";
    QTest::newRow("outcome edited")
        << QStringList { "UPDATE audit_entries SET outcome = 'ok', actor = 'x' WHERE id = 2" }
        << qint64(2) << "edited";
    QTest::newRow("edited and rehashed") << QStringList {
        "UPDATE audit_entries SET message = 'x', hash = "
        "'0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 3"
    } << qint64(3) << "edited";
    QTest::newRow("middle deleted") << QStringList { "DELETE FROM audit_entries WHERE id = 5" }
                                    << qint64(6) << "entry 5 missing";
    QTest::newRow("first deleted")
        << QStringList { "DELETE FROM audit_entries WHERE id = 1" } << qint64(2) << "first entry";
    QTest::newRow("last deleted") << QStringList { "DELETE FROM audit_entries WHERE id = 8" }
                                  << qint64(8) << "deleted from the end";
    QTest::newRow("all deleted") << QStringList { "DELETE FROM audit_entries" } << qint64(8)
                                 << "every entry";
    QTest::newRow("reordered (ids swapped)")
        << QStringList { "UPDATE audit_entries SET id = -3 WHERE id = 3",
               "UPDATE audit_entries SET id = 3 WHERE id = 4",
               "UPDATE audit_entries SET id = 4 WHERE id = -3" }
        << qint64(3) << "does not follow entry 2";
    QTest::newRow("row inserted") << QStringList {
        "INSERT INTO audit_entries(id, at, actor, action, outcome, message, "
        "prev_hash, hash) SELECT 100, at, actor, action, outcome, 'forged', "
        "hash, hash FROM audit_entries WHERE id = 8",
        "UPDATE audit_head SET last_id = 100"
    } << qint64(100) << "edited";
}

void tst_AuditLog::tamperingIsDetected()
{
    QFETCH(QStringList, sql);
    QFETCH(qint64, firstBad);
    QFETCH(QString, why);
    auto store = freshStore(QStringLiteral("tamper-%1.sqlite").arg(QTest::currentDataTag()), 8);
    AuditLog log(*store);
    QVERIFY(log.verify().intact);
    for (const QString &s : sql)
        QVERIFY2(store->exec(s, nullptr), qPrintable(s));
    const AuditVerification v = log.verify();
    QVERIFY(!v.intact);
    QCOMPARE(v.firstBadId, firstBad);
    QVERIFY2(v.reason.contains(why), qPrintable(v.reason));
    QCOMPARE(v.problems.firstKey(), firstBad);
    if (QByteArray(QTest::currentDataTag()) == "message edited")
        QCOMPARE(v.problems.keys(), QList<qint64> { 4 }); // only the edited entry, not all after it
}

void tst_AuditLog::emptyLogIsIntact()
{
    auto store = freshStore(QStringLiteral("empty.sqlite"), 0);
    const AuditVerification v = AuditLog(*store).verify();
    QVERIFY(v.intact);
    QCOMPARE(v.entries, 0);
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
