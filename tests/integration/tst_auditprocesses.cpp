// The store and the audit log with real processes: a writer killed with SIGKILL mid-write, two
// writers at once, a recovery whose process dies, bad store files and rows altered with the
// sqlite3 tool, all seen through the real topograph-cli binary.

#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace Topograph;

namespace {

const QString cliPath = QStringLiteral(TOPOGRAPH_BIN_DIR "/topograph-cli");
const QString writerPath = QStringLiteral(TOPOGRAPH_BIN_DIR "/auditwriter");

struct Run
{
    int code = -1;
    QString out, err;
};

Run runProgram(const QString &program, const QStringList &args,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run cli(const QString &store, const QStringList &args)
{
    return runProgram(cliPath, QStringList { QStringLiteral("--store"), store } + args);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Reads "appended N" lines from a running writer until N reaches at least `target`.
qint64 waitForAppended(QProcess &writer, qint64 target, QByteArray *pending)
{
    qint64 last = 0;
    QElapsedTimer timer;
    timer.start();
    while (last < target && timer.elapsed() < 60000) {
        if (!writer.waitForReadyRead(1000) && writer.state() != QProcess::Running)
            break;
        *pending += writer.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending->indexOf('\n')) >= 0) {
            const QByteArray line = pending->left(nl).trimmed();
            pending->remove(0, nl + 1);
            if (line.startsWith("appended "))
                last = line.mid(9).toLongLong();
        }
    }
    return last;
}

void fillStore(const QString &path, int entries)
{
    QString error;
    auto store = Store::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    AuditLog log(*store);
    for (int i = 1; i <= entries; ++i) {
        AuditEntry e;
        e.actor = QStringLiteral("auto");
        e.cluster = QStringLiteral("db1:3306");
        e.action = QStringLiteral("detect");
        e.message = QStringLiteral("entry %1").arg(i);
        e.at = QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC).addSecs(i * 6 * 3600);
        QVERIFY(log.append(e, &error));
    }
}

} // namespace

class tst_AuditProcesses : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killDuringAppends_data();
    void killDuringAppends();
    void twoWritersAtOnce();
    void interruptedRecoveryIsToldTruthfully();
    void cliRefusesBadStores_data();
    void cliRefusesBadStores();
    void readingAnArchiveCreatesNothing();
    void readingDoesNotWaitForAWriter();
    void tamperingWithSqlite3IsCaught_data();
    void tamperingWithSqlite3IsCaught();
    void pdfExportWorksHeadless();
    void listFilters();
    void usageErrors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void tst_AuditProcesses::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath), qPrintable(cliPath));
    QVERIFY2(QFile::exists(writerPath), qPrintable(writerPath));
    QVERIFY(m_dir.isValid());
}

void tst_AuditProcesses::killDuringAppends_data()
{
    QTest::addColumn<int>("batch");
    QTest::newRow("one entry per transaction") << 1;
    QTest::newRow("batches of 500 entries") << 500;
}

void tst_AuditProcesses::killDuringAppends()
{
    QFETCH(int, batch);
    const QString store = path(QStringLiteral("killed-%1.sqlite").arg(batch));
    qint64 expectedAtLeast = 0;
    for (int round = 1; round <= 4; ++round) {
        QProcess writer;
        writer.start(writerPath,
            { store, QStringLiteral("append"), QStringLiteral("0"),
                QStringLiteral("w%1").arg(round), QString::number(batch) });
        QVERIFY(writer.waitForStarted());
        QByteArray pending;
        const qint64 target = batch * (20 + QRandomGenerator::global()->bounded(40));
        const qint64 reported = waitForAppended(writer, target, &pending);
        QVERIFY2(reported >= target, qPrintable(QString::fromUtf8(writer.readAllStandardError())));
        // SIGKILL while it keeps appending: no chance to finish a transaction or to clean up.
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QString error;
        auto reopened = Store::open(store, &error);
        QVERIFY2(reopened, qPrintable(error));
        AuditLog log(*reopened);
        const AuditVerification v = log.verify();
        QVERIFY2(v.intact, qPrintable(v.reason));
        AuditFilter mine;
        mine.cluster = QStringLiteral("cluster-w%1").arg(round);
        const qint64 committed = log.count(mine);
        // Everything reported was committed; at most one more transaction committed unreported;
        // and never part of a transaction.
        QVERIFY2(committed >= reported && committed <= reported + batch,
            qPrintable(QStringLiteral("reported %1, committed %2").arg(reported).arg(committed)));
        QCOMPARE(committed % batch, 0);
        expectedAtLeast += committed;
        QCOMPARE(log.count({}), expectedAtLeast);
        reopened.reset();
        const Run verify = cli(store, { QStringLiteral("audit"), QStringLiteral("verify") });
        QVERIFY2(verify.code == 0, qPrintable(verify.err));
        QVERIFY(verify.out.contains(QStringLiteral("%1 entries verified").arg(expectedAtLeast)));
    }
}

void tst_AuditProcesses::twoWritersAtOnce()
{
    const QString store = path(QStringLiteral("two-writers.sqlite"));
    fillStore(store, 1); // both writers open an existing file
    const int perWriter = 2500;
    QProcess gui, cliWriter;
    // Both start writing at the same moment, one entry per transaction with a short pause, as two
    // applications would (back-to-back commits from one process can monopolise SQLite's lock).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TOPOGRAPH_TEST_START_AT"),
        QString::number(QDateTime::currentMSecsSinceEpoch() + 700));
    for (QProcess *p : { &gui, &cliWriter }) {
        p->setStandardOutputFile(QProcess::nullDevice());
        p->setProcessEnvironment(env);
    }
    gui.start(writerPath,
        { store, QStringLiteral("append"), QString::number(perWriter), QStringLiteral("gui"),
            QStringLiteral("1"), QStringLiteral("100") });
    cliWriter.start(writerPath,
        { store, QStringLiteral("append"), QString::number(perWriter), QStringLiteral("cli"),
            QStringLiteral("1"), QStringLiteral("100") });
    QVERIFY(gui.waitForStarted() && cliWriter.waitForStarted());
    // A third process reads while they write: the real CLI, over and over.
    int verifies = 0;
    while (gui.state() == QProcess::Running || cliWriter.state() == QProcess::Running) {
        const Run r = cli(store, { QStringLiteral("audit"), QStringLiteral("verify") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("locked"), Qt::CaseInsensitive));
        ++verifies;
        gui.waitForFinished(10);
        cliWriter.waitForFinished(10);
    }
    for (QProcess *p : { &gui, &cliWriter })
        QVERIFY(p->state() == QProcess::NotRunning || p->waitForFinished(120000));
    for (QProcess *p : { &gui, &cliWriter }) {
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(err));
        QVERIFY2(!err.contains(QLatin1String("locked"), Qt::CaseInsensitive), qPrintable(err));
    }
    QVERIFY(verifies > 0);

    QString error;
    auto s = Store::open(store, &error);
    QVERIFY(s);
    AuditLog log(*s);
    QCOMPARE(log.count({}), 2 * perWriter + 1);
    QMap<QString, QSet<int>> seen;
    QString previous;
    int switches
        = 0; // how often the chain passes from one writer to the other: they really overlapped
    log.forEach({}, [&](const AuditEntry &e) {
        if (e.action == QLatin1String("probe")) {
            seen[e.actor].insert(e.details.value(QStringLiteral("seq")).toInt());
            switches += !previous.isEmpty() && previous != e.actor;
            previous = e.actor;
        }
        return true;
    });
    QVERIFY2(switches > 10,
        qPrintable(QStringLiteral("only %1 switches between the writers").arg(switches)));
    QCOMPARE(seen.value(QStringLiteral("gui")).size(), perWriter);
    QCOMPARE(seen.value(QStringLiteral("cli")).size(), perWriter);
    const AuditVerification v = log.verify();
    QVERIFY2(v.intact, qPrintable(v.reason));
    qInfo("two writers: %d entries each, interleaved %d times, %d concurrent verifies", perWriter,
        switches, verifies);
}

void tst_AuditProcesses::interruptedRecoveryIsToldTruthfully()
{
    const QString store = path(QStringLiteral("interrupted.sqlite"));
    QProcess writer;
    writer.start(
        writerPath, { store, QStringLiteral("recover-and-hang"), QStringLiteral("db1:3306") });
    QVERIFY(writer.waitForStarted());
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (!out.contains("hanging ") && t.elapsed() < 30000 && writer.waitForReadyRead(1000))
        out += writer.readAllStandardOutput();
    QVERIFY2(out.contains("hanging "), out.constData());
    ::kill(pid_t(writer.processId()), SIGKILL);
    QVERIFY(writer.waitForFinished(10000));

    Run r = cli(store,
        { QStringLiteral("--json"), QStringLiteral("recoveries"), QStringLiteral("--cluster"),
            QStringLiteral("db1:3306") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject rec = list.at(0).toObject();
    QCOMPARE(rec.value(QStringLiteral("state")).toString(), QStringLiteral("interrupted"));
    QVERIFY2(rec.value(QStringLiteral("summary"))
                 .toString()
                 .contains(QLatin1String("after step 2 (repoint db3 under db2, ok)")),
        qPrintable(rec.value(QStringLiteral("summary")).toString()));
    const QJsonArray steps = rec.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(2).toObject().value(QStringLiteral("outcome")).toString(),
        QStringLiteral("interrupted"));
    const QString id = QString::number(rec.value(QStringLiteral("id")).toInteger());

    // An empty or blank comment is refused loudly and acknowledges nothing.
    for (const QString &comment : { QString(), QStringLiteral("   ") }) {
        r = cli(store, { QStringLiteral("ack"), id, QStringLiteral("--comment"), comment });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--comment")), qPrintable(r.err));
    }
    r = cli(store, { QStringLiteral("recoveries"), QStringLiteral("--unacknowledged") });
    QVERIFY(r.out.contains(QLatin1String("UNACKNOWLEDGED")));
    r = cli(store,
        { QStringLiteral("ack"), id, QStringLiteral("--comment"),
            QStringLiteral("db2 checked by hand; resumed") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("Acknowledged 1 recovery")));
    r = cli(store, { QStringLiteral("recoveries"), QStringLiteral("--unacknowledged") });
    QVERIFY(r.out.contains(QLatin1String("No unacknowledged recovery")));
    r = cli(store, { QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list") });
    QStringList actions;
    for (const QJsonValue &e : QJsonDocument::fromJson(r.out.toUtf8()).array())
        actions << e.toObject().value(QStringLiteral("action")).toString();
    QVERIFY(actions.contains(QLatin1String("recovery-interrupted")));
    QCOMPARE(actions.last(), QStringLiteral("acknowledge"));
    QCOMPARE(cli(store, { QStringLiteral("audit"), QStringLiteral("verify") }).code, 0);
}

void tst_AuditProcesses::cliRefusesBadStores_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not SQLite") << "text"
                                << "not an SQLite database";
    QTest::newRow("damaged") << "corrupt"
                             << "is damaged";
    QTest::newRow("newer schema") << "newer"
                                  << "newer Topograph";
    // Refused for ack (a write); audit verify and list read them.
    QTest::newRow("read-only file") << "readonly"
                                    << "read-only";
    QTest::newRow("not writable for this user") << "nobody"
                                                << "read-only";
}

void tst_AuditProcesses::cliRefusesBadStores()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QString file = path(QStringLiteral("bad-%1.sqlite").arg(kind));
    QStringList prefix;
    if (kind == QLatin1String("text")) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-- a SQL dump, not a database\nCREATE TABLE x (y);\n");
    } else if (kind == QLatin1String("newer")) {
        QCOMPARE(runProgram(QStringLiteral("sqlite3"),
                     { file, QStringLiteral("PRAGMA user_version=7; CREATE TABLE t(x);") })
                     .code,
            0);
    } else {
        fillStore(file, 400);
        if (kind == QLatin1String("corrupt")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(2 * 4096);
            f.write(QByteArray(4 * 4096, '\x5a'));
        } else if (kind == QLatin1String("readonly")) {
            QVERIFY(QFile::setPermissions(
                file, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        } else if (kind == QLatin1String("nobody")) {
            // A file another account owns and this one may only read: run the CLI as nobody.
            if (::geteuid() != 0
                || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
                QSKIP("needs root and setpriv to run the CLI as another user");
            QVERIFY(QFile::setPermissions(m_dir.path(),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    | QFileDevice::ReadOther | QFileDevice::ExeOther));
            QVERIFY(QFile::setPermissions(
                file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
            prefix = { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                QStringLiteral("--clear-groups"), cliPath };
        }
    }
    const QByteArray before = fileBytes(file);
    QVERIFY(!before.isEmpty());
    const QList<QStringList> commands = { { QStringLiteral("audit"), QStringLiteral("verify") },
        { QStringLiteral("audit"), QStringLiteral("list") },
        { QStringLiteral("ack"), QStringLiteral("--all"), QStringLiteral("--comment"),
            QStringLiteral("x") } };
    // A store this user may only read (an archive) is readable: reading needs no write access.
    const bool readable = kind == QLatin1String("readonly") || kind == QLatin1String("nobody");
    for (const QStringList &command : commands) {
        const QStringList args = prefix + QStringList { QStringLiteral("--store"), file } + command;
        const Run r = prefix.isEmpty() ? runProgram(cliPath, args)
                                       : runProgram(QStringLiteral("setpriv"), args);
        if (readable && command.first() == QLatin1String("audit")) {
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(!r.err.contains(QLatin1String("topograph-cli:")), qPrintable(r.err));
            if (command.last() == QLatin1String("verify"))
                QVERIFY2(r.out.startsWith(QLatin1String("Audit log intact: 400 entries verified")),
                    qPrintable(r.out));
            else
                QVERIFY2(r.out.contains(QLatin1String("entry 400")), qPrintable(r.out));
            continue;
        }
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(file), qPrintable(r.err));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("untouched")), qPrintable(r.err));
    }
    QCOMPARE(fileBytes(file), before);
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void tst_AuditProcesses::readingAnArchiveCreatesNothing()
{
    // An archived store: the file and its folder made read-only (write bits off, which root
    // respects in Topograph too). Reading it works and leaves no -wal/-shm behind.
    const QString folder = path(QStringLiteral("archive"));
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/store.sqlite");
    fillStore(file, 50);
    QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
    const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(file, readOnly));
    QVERIFY(QFile::setPermissions(folder, readOnly | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                                              | QFileDevice::ExeOther));
    const QByteArray before = fileBytes(file);
    Run r = cli(file, { QStringLiteral("audit"), QStringLiteral("verify") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Audit log intact: 50 entries verified")), qPrintable(r.out));
    r = cli(file, { QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                      QStringLiteral("csv"), QStringLiteral("--out"), path(QStringLiteral("archive.csv")) });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("50 entries")), qPrintable(r.out));
    r = cli(file, { QStringLiteral("ack"), QStringLiteral("--all"), QStringLiteral("--comment"),
                      QStringLiteral("x") });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("read-only")), qPrintable(r.err));
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList { QStringLiteral("store.sqlite") });
    QCOMPARE(fileBytes(file), before);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void tst_AuditProcesses::readingDoesNotWaitForAWriter()
{
    // Another process holds the write lock (a long transaction): audit verify and list read a
    // consistent snapshot at once instead of waiting for it (the write retries give up at 30 s).
    const QString file = path(QStringLiteral("locked.sqlite"));
    fillStore(file, 20);
    QProcess writer;
    writer.start(writerPath, { file, QStringLiteral("hold-write-lock") });
    QVERIFY(writer.waitForStarted());
    QByteArray said;
    while (!said.contains("holding") && writer.waitForReadyRead(10000))
        said += writer.readAllStandardOutput();
    QVERIFY2(said.contains("holding"), said.constData());
    QElapsedTimer t;
    t.start();
    Run r = cli(file, { QStringLiteral("audit"), QStringLiteral("verify") });
    const qint64 verifyMs = t.elapsed();
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("Audit log intact: 20 entries verified")), qPrintable(r.out));
    t.restart();
    r = cli(file, { QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"),
                      QStringLiteral("5") });
    const qint64 listMs = t.elapsed();
    QVERIFY2(r.code == 0, qPrintable(r.err));
    qInfo("behind a held write lock: audit verify %lld ms, audit list %lld ms", verifyMs, listMs);
    QVERIFY(writer.state() == QProcess::Running); // the lock was held all along
    writer.kill();
    writer.waitForFinished();
    QVERIFY2(verifyMs < 3000 && listMs < 3000, "a reader waited for the writer");
}

void tst_AuditProcesses::tamperingWithSqlite3IsCaught_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("firstBad");
    QTest::newRow("row edited") << "UPDATE audit_entries SET message = 'all fine' WHERE id = 3;"
                                << 3;
    QTest::newRow("row deleted") << "DELETE FROM audit_entries WHERE id = 3;" << 4;
    QTest::newRow("rows reordered")
        << "UPDATE audit_entries SET id = -1 WHERE id = 3; UPDATE audit_entries SET id = 3 "
           "WHERE id = 4; UPDATE audit_entries SET id = 4 WHERE id = -1;"
        << 3;
    QTest::newRow("last row deleted") << "DELETE FROM audit_entries WHERE id = 6;" << 6;
}

void tst_AuditProcesses::tamperingWithSqlite3IsCaught()
{
    QFETCH(QString, sql);
    QFETCH(int, firstBad);
    const QString store = path(QStringLiteral("tamper-%1.sqlite")
                                   .arg(QString::fromLatin1(QTest::currentDataTag())
                                            .replace(QLatin1Char(' '), QLatin1Char('-'))));
    fillStore(store, 6);
    QCOMPARE(cli(store, { QStringLiteral("audit"), QStringLiteral("verify") }).code, 0);
    const Run edit = runProgram(QStringLiteral("sqlite3"), { store, sql });
    QVERIFY2(edit.code == 0, qPrintable(edit.err));

    const Run verify = cli(store, { QStringLiteral("audit"), QStringLiteral("verify") });
    QCOMPARE(verify.code, 1);
    QVERIFY2(verify.err.contains(QStringLiteral("first bad entry #%1").arg(firstBad)),
        qPrintable(verify.err));
    QVERIFY(verify.err.contains(store));

    const QString html = path(QStringLiteral("tampered.html"));
    const Run exported = cli(store,
        { QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
            QStringLiteral("html"), QStringLiteral("--out"), html });
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    QVERIFY(exported.err.contains(QLatin1String("hash chain is broken")));
    const QString report = QString::fromUtf8(fileBytes(html));
    QVERIFY(report.contains(QLatin1String("HASH CHAIN BROKEN")));
    QVERIFY(report.contains(QStringLiteral("First bad entry: <b>#%1</b>").arg(firstBad)));
}

void tst_AuditProcesses::pdfExportWorksHeadless()
{
    const QString store = path(QStringLiteral("pdf.sqlite"));
    QVERIFY(runProgram(writerPath, { store, QStringLiteral("sample") }).code == 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *var : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
        env.remove(QString::fromLatin1(var));
    for (const QStringList &format :
        { QStringList { QStringLiteral("--format"), QStringLiteral("pdf") },
            QStringList { QStringLiteral("--format=pdf") } }) {
        const QString out = path(QStringLiteral("headless-%1.pdf").arg(format.size()));
        const Run r = runProgram(cliPath,
            QStringList { QStringLiteral("--store"), store, QStringLiteral("audit"),
                QStringLiteral("export") }
                + format + QStringList { QStringLiteral("--out"), out },
            env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(fileBytes(out).startsWith("%PDF-"));
        QVERIFY(QFileInfo(out).size() > 20000);
    }
}

void tst_AuditProcesses::listFilters()
{
    const QString store = path(QStringLiteral("list.sqlite"));
    fillStore(store, 12); // entry i at 2026-04-01 00:00 + 6 h * i
    {
        QString error;
        auto s = Store::open(store, &error);
        QVERIFY(s->setClusterAlias(QStringLiteral("db1:3306"), QStringLiteral("orders")));
    }
    auto ids = [&](const QStringList &args) {
        const Run r = cli(store,
            QStringList {
                QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("list") }
                + args);
        QList<int> result;
        for (const QJsonValue &e : QJsonDocument::fromJson(r.out.toUtf8()).array())
            if (e.toObject().value(QStringLiteral("action")).toString() == QLatin1String("detect"))
                result << e.toObject().value(QStringLiteral("id")).toInt();
        return result;
    };
    QCOMPARE(ids({ QStringLiteral("--since"), QStringLiteral("2026-04-02"),
                 QStringLiteral("--until"), QStringLiteral("2026-04-02") }),
        (QList<int> { 4, 5, 6, 7 })); // 2 April, the whole day
    QCOMPARE(ids({ QStringLiteral("--since"), QStringLiteral("2026-04-02T09:00:00+09:00"),
                 QStringLiteral("--until"), QStringLiteral("2026-04-02 12:00") }),
        (QList<int> { 4, 5 })); // 00:00Z and 06:00Z; 12:00 exclusive
    QCOMPARE(ids({ QStringLiteral("--cluster"), QStringLiteral("orders"), QStringLiteral("--limit"),
                 QStringLiteral("3") }),
        (QList<int> { 11, 12 })); // the latest 3 entries of db1:3306: 11, 12 and the alias change
    const Run text = cli(store,
        { QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"),
            QStringLiteral("2") });
    QVERIFY(text.out.contains(QLatin1String("the latest 2 of 13")));
}

void tst_AuditProcesses::usageErrors()
{
    const QString store = path(QStringLiteral("usage.sqlite"));
    fillStore(store, 1);
    QCOMPARE(cli(store, { QStringLiteral("ack"), QStringLiteral("1") }).code, 2);
    QCOMPARE(cli(store,
                 { QStringLiteral("ack"), QStringLiteral("1"), QStringLiteral("--all"),
                     QStringLiteral("--comment"), QStringLiteral("x") })
                 .code,
        2);
    const Run badTime = cli(store,
        { QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"),
            QStringLiteral("yesterday-ish") });
    QCOMPARE(badTime.code, 2);
    QVERIFY(badTime.err.contains(QLatin1String("yesterday-ish")));
    QCOMPARE(
        cli(store,
            { QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                QStringLiteral("docx"), QStringLiteral("--out"), path(QStringLiteral("x.docx")) })
            .code,
        2);
    const Run missing = cli(
        path(QStringLiteral("nope.sqlite")), { QStringLiteral("audit"), QStringLiteral("verify") });
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(QLatin1String("no Topograph store")));
    QVERIFY(!QFile::exists(path(QStringLiteral("nope.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_AuditProcesses)
#include "tst_auditprocesses.moc"
