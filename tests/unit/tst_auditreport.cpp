#include "reporting/auditreport.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Topograph;
using namespace Topograph::Reporting;

namespace {

const QString tricky = QStringLiteral(
    "Quotes \"double\" and 'single', commas, a\nnew line and\r\na CRLF, <b>HTML</b> & "
    "<script>alert(1)</script>, 한국어 장애 조치, 日本語のフェイルオーバー");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// RFC 4180 reader: records end with CRLF; quoted fields may hold commas, quotes ("") and line
// breaks.
QList<QStringList> parseCsv(const QByteArray &data, QString *problem)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < data.size() && data.at(i + 1) == '\n') {
            record << QString::fromUtf8(field);
            records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == '\n' || c == '\r' || c == '"') {
            *problem = QStringLiteral("bare %1 outside quotes at byte %2").arg(int(c)).arg(i);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        *problem = QStringLiteral("the file does not end with a complete record");
    return records;
}

QString artifactsDir()
{
    const QString dir = QStringLiteral(TOPOGRAPH_BIN_DIR "/../test-artifacts");
    QDir().mkpath(dir);
    return QDir(dir).absolutePath();
}

} // namespace

class tst_AuditReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvSurvivesEverything();
    void csvNeutralisesFormulas();
    void jsonSurvivesEverything();
    void htmlIsEscapedAndComplete();
    void pdfRendersAndIsNotBlank();
    void filtersByClusterAndTime();
    void tamperingIsShownInReports();
    void unwritableTargetFailsCleanly();

private:
    QString exportTo(ReportFormat format, const AuditFilter &filter = {}, Store *store = nullptr);
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_recovery = 0;
};

void tst_AuditReport::initTestCase()
{
    QString error;
    m_store = Store::open(m_dir.filePath(QStringLiteral("report.sqlite")), &error);
    QVERIFY2(m_store, qPrintable(error));
    m_store->setActor(QStringLiteral("park@ops"));
    QVERIFY(m_store->setClusterAlias(QStringLiteral("db1:3306"), QStringLiteral("주문-orders")));
    AuditLog audit(*m_store);
    const QDateTime base(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 30; ++i) {
        AuditEntry e;
        e.at = base.addSecs(i * 3600);
        e.actor = i % 2 ? QStringLiteral("auto") : QStringLiteral("park@ops");
        e.cluster = i % 3 ? QStringLiteral("db1:3306") : QStringLiteral("db9:3306");
        e.instance = QStringLiteral("db%1:3306").arg(i % 4 + 1);
        e.action = QStringLiteral("probe");
        e.outcome = i % 5 == 0 ? AuditOutcome::Failed : AuditOutcome::Ok;
        e.message = i == 7 ? tricky : QStringLiteral("routine entry %1").arg(i);
        e.details = { { QStringLiteral("i"), i },
            { QStringLiteral("text"), i == 7 ? tricky : QString() } };
        QVERIFY(audit.append(e, &error));
    }
    RecoveryLog log(*m_store);
    const auto claim = log.start(
        { QStringLiteral("db1:3306"), QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"),
            QStringLiteral("db1:3306"), QStringLiteral("auto"), true, {} });
    QVERIFY(claim);
    m_recovery = claim.id;
    const int s = log.beginStep(claim.id, QStringLiteral("promote db2"), QStringLiteral("db2:3306"),
        QStringLiteral("SET GLOBAL read_only=0 /* <tag> & \"q\" */"));
    QVERIFY(log.endStep(claim.id, s, StepOutcome::Ok, tricky));
    RecoveryLog::Finish f;
    f.successor = QStringLiteral("db2:3306");
    f.summary = QStringLiteral("db2:3306 promoted");
    QVERIFY(log.finish(claim.id, f));
    BlockedRecovery b;
    b.cluster = QStringLiteral("db1:3306");
    b.reason = QStringLiteral("RecoveryPeriodBlockSeconds: acknowledge recovery %1 to unblock")
                   .arg(claim.id);
    b.blockingRecoveryId = claim.id;
    QVERIFY(log.recordBlocked(b));
}

QString tst_AuditReport::exportTo(ReportFormat format, const AuditFilter &filter, Store *store)
{
    static int n = 0;
    const QString path
        = m_dir.filePath(QStringLiteral("out/report-%1.%2").arg(++n).arg(reportFormatName(format)));
    AuditReport report(
        store ? *store : *m_store, filter, QStringLiteral("Quarterly failover audit"));
    QString error;
    qint64 bytes = 0;
    if (!report.write(format, path, &error, &bytes)) {
        qWarning() << error;
        return {};
    }
    if (bytes != QFileInfo(path).size())
        return {};
    return path;
}

void tst_AuditReport::csvSurvivesEverything()
{
    const QString path = exportTo(ReportFormat::Csv);
    QVERIFY(!path.isEmpty());
    QString problem;
    const auto records = parseCsv(readAll(path), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const qint64 total = AuditLog(*m_store).count({});
    QCOMPARE(records.size(), total + 1);
    QCOMPARE(records[0],
        (QStringList { "id", "time_utc", "actor", "cluster", "instance", "action", "outcome",
            "message", "details", "recovery_id", "prev_hash", "hash", "chain" }));
    bool found = false;
    for (const QStringList &r : records) {
        QCOMPARE(r.size(), 13);
        if (r[7] == tricky) {
            found = true;
            const QJsonObject details = QJsonDocument::fromJson(r[8].toUtf8()).object();
            QCOMPARE(details.value(QStringLiteral("text")).toString(), tricky);
            QCOMPARE(r[12], QStringLiteral("ok"));
            QCOMPARE(r[1], QStringLiteral("2026-04-01T16:00:00.000Z"));
        }
    }
    QVERIFY(found);
}

// OWASP "CSV injection": a cell a spreadsheet would run (= + - @, a leading tab or CR) is written
// with a leading apostrophe; the text itself is kept, and cells that are plain text are untouched.
void tst_AuditReport::csvNeutralisesFormulas()
{
    QTemporaryDir dir;
    QString error;
    const auto store = Store::open(dir.filePath(QStringLiteral("formulas.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const QStringList hostile { QStringLiteral("=HYPERLINK(\"http://evil/\",\"x\")"),
        QStringLiteral("+1+cmd|' /C calc'!A0"), QStringLiteral("-2+3"), QStringLiteral("@SUM(A1:A9)"),
        QStringLiteral("\t=1"), QStringLiteral("\r=1") };
    AuditLog audit(*store);
    for (const QString &text : hostile) {
        AuditEntry e;
        e.at = QDateTime::currentDateTimeUtc();
        e.actor = text;
        e.instance = text;
        e.action = QStringLiteral("probe");
        e.message = text;
        QVERIFY(audit.append(e, &error));
    }
    const QString path = exportTo(ReportFormat::Csv, {}, store.get());
    QVERIFY(!path.isEmpty());
    QString problem;
    const auto records = parseCsv(readAll(path), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(records.size(), hostile.size() + 1);
    QSet<QString> messages;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList &r = records.at(i);
        for (int column : { 2, 4, 7 }) {
            QVERIFY2(r[column].startsWith(QLatin1Char('\'')), qPrintable(r[column]));
            QVERIFY(hostile.contains(r[column].mid(1)));
        }
        QVERIFY2(!r[0].startsWith(QLatin1Char('\'')), "an id is a plain number");
        messages.insert(r[7].mid(1));
    }
    QCOMPARE(messages.size(), hostile.size());
}

void tst_AuditReport::jsonSurvivesEverything()
{
    const QString path = exportTo(ReportFormat::Json);
    QVERIFY(!path.isEmpty());
    QJsonParseError pe;
    const QJsonObject doc = QJsonDocument::fromJson(readAll(path), &pe).object();
    QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
    const QJsonArray entries = doc.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), AuditLog(*m_store).count({}));
    QJsonObject seventh;
    for (const QJsonValue &e : entries)
        if (e.toObject()
                .value(QStringLiteral("details"))
                .toObject()
                .value(QStringLiteral("i"))
                .toInt(-1)
            == 7)
            seventh = e.toObject();
    QCOMPARE(seventh.value(QStringLiteral("message")).toString(), tricky);
    QCOMPARE(seventh.value(QStringLiteral("details"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
        tricky);
    QCOMPARE(
        seventh.value(QStringLiteral("at")).toString(), QStringLiteral("2026-04-01T16:00:00.000Z"));
    const QJsonObject v = doc.value(QStringLiteral("verification")).toObject();
    QVERIFY(v.value(QStringLiteral("intact")).toBool());
    QCOMPARE(v.value(QStringLiteral("headHash")).toString(), AuditLog(*m_store).verify().headHash);
    const QJsonObject s = doc.value(QStringLiteral("summary")).toObject();
    QCOMPARE(s.value(QStringLiteral("recoveries")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("unacknowledgedRecoveries")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("blockedAttempts")).toInt(), 1);
    QCOMPARE(s.value(QStringLiteral("failedEntries")).toInt(), 6);
    const QJsonObject r = doc.value(QStringLiteral("recoveries")).toArray().at(0).toObject();
    QCOMPARE(r.value(QStringLiteral("steps"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("output"))
                 .toString(),
        tricky);
    QCOMPARE(
        doc.value(QStringLiteral("report")).toObject().value(QStringLiteral("title")).toString(),
        QStringLiteral("Quarterly failover audit"));
}

void tst_AuditReport::htmlIsEscapedAndComplete()
{
    const QString path = exportTo(ReportFormat::Html);
    QVERIFY(!path.isEmpty());
    const QString html = QString::fromUtf8(readAll(path));
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(!html.contains(QLatin1String("<script>")));
    QVERIFY(!html.contains(QLatin1String("<b>HTML</b>")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(html.contains(QLatin1String("&lt;b&gt;HTML&lt;/b&gt; &amp; ")));
    QVERIFY(html.contains(QLatin1String(
        "Quotes &quot;double&quot; and 'single', commas, a<br/>new line and<br/>a CRLF")));
    QVERIFY(html.contains(QStringLiteral("한국어 장애 조치, 日本語のフェイルオーバー")));
    QVERIFY(html.contains(QStringLiteral("주문-orders")));
    QVERIFY(html.contains(
        QLatin1String("SET GLOBAL read_only=0 /* &lt;tag&gt; &amp; &quot;q&quot; */")));
    QVERIFY(html.contains(QLatin1String("Hash chain intact")));
    QVERIFY(html.contains(AuditLog(*m_store).verify().headHash));
    QVERIFY(html.contains(QLatin1String("Quarterly failover audit")));
    QVERIFY(html.contains(QStringLiteral("Recovery #%1").arg(m_recovery)));
    QVERIFY(html.contains(QLatin1String("Blocked recovery attempts")));
    QVERIFY(html.contains(QLatin1String("Unacknowledged recoveries")));
    QVERIFY(html.trimmed().endsWith(QLatin1String("</html>")));
}

void tst_AuditReport::pdfRendersAndIsNotBlank()
{
    const QString path = exportTo(ReportFormat::Pdf);
    QVERIFY(!path.isEmpty());
    QVERIFY(readAll(path).startsWith("%PDF-"));
    const QString prefix = m_dir.filePath(QStringLiteral("page"));
    QProcess render;
    render.start(QStringLiteral("pdftoppm"),
        { QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("2"), path, prefix });
    QVERIFY2(render.waitForFinished(60000) && render.exitCode() == 0,
        render.readAllStandardError().constData());
    for (const QString &page : { QStringLiteral("-1.png"), QStringLiteral("-2.png") }) {
        const QImage image(prefix + page);
        QVERIFY2(!image.isNull(), qPrintable(prefix + page));
        qint64 ink = 0;
        const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < rgb.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < rgb.width(); ++x)
                if (qGray(line[x]) < 200)
                    ++ink;
        }
        const double share = double(ink) / (double(rgb.width()) * rgb.height());
        QVERIFY2(share > 0.01,
            qPrintable(QStringLiteral("page%1 is %2% ink").arg(page).arg(share * 100)));
    }
    // The text is really there (not boxes): Korean, Japanese, the verdict.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    QVERIFY(text.waitForFinished(60000));
    // NFKC: the CJK font shares glyphs between ideographs and Kangxi radicals (日 U+65E5 and
    // ⽇ U+2F47), and the PDF's text map may name either; what is drawn is the same.
    const QString content
        = QString::fromUtf8(text.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    QVERIFY2(content.contains(QStringLiteral("한국어 장애 조치")), qPrintable(content.left(400)));
    QVERIFY(content.contains(QStringLiteral("日本語のフェイルオーバー")));
    QVERIFY(content.contains(QLatin1String("Hash chain intact")));
    QVERIFY(content.contains(QStringLiteral("<script>alert(1)</script>")));

    const QString artifacts = artifactsDir();
    QFile::remove(artifacts + QStringLiteral("/audit-report.pdf"));
    QFile::remove(artifacts + QStringLiteral("/audit-report-page1.png"));
    QVERIFY(QFile::copy(path, artifacts + QStringLiteral("/audit-report.pdf")));
    QVERIFY(QFile::copy(
        prefix + QStringLiteral("-1.png"), artifacts + QStringLiteral("/audit-report-page1.png")));
}

void tst_AuditReport::filtersByClusterAndTime()
{
    AuditFilter f;
    f.cluster = QStringLiteral("db9:3306");
    f.since = QDateTime(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC);
    f.until = QDateTime(QDate(2026, 4, 2), QTime(0, 0), Qt::UTC);
    const QString path = exportTo(ReportFormat::Json, f);
    const QJsonObject doc = QJsonDocument::fromJson(readAll(path)).object();
    const QJsonArray entries = doc.value(QStringLiteral("entries")).toArray();
    QStringList messages;
    for (const QJsonValue &e : entries) {
        QCOMPARE(
            e.toObject().value(QStringLiteral("cluster")).toString(), QStringLiteral("db9:3306"));
        messages << e.toObject().value(QStringLiteral("message")).toString();
    }
    // db9 has i % 3 == 0 at 09:00 + i h: i = 3 (12:00) .. 12 (21:00); 15 is 00:00 next day
    // (excluded)
    QCOMPARE(messages,
        (QStringList {
            "routine entry 3", "routine entry 6", "routine entry 9", "routine entry 12" }));
    QCOMPARE(doc.value(QStringLiteral("report"))
                 .toObject()
                 .value(QStringLiteral("filters"))
                 .toObject()
                 .value(QStringLiteral("cluster"))
                 .toString(),
        QStringLiteral("db9:3306"));
    QCOMPARE(
        doc.value(QStringLiteral("summary")).toObject().value(QStringLiteral("recoveries")).toInt(),
        0);

    const QString html = QString::fromUtf8(readAll(exportTo(ReportFormat::Html, f)));
    QVERIFY(html.contains(QLatin1String("2026-04-01 12:00:00 UTC to 2026-04-02 00:00:00 UTC")));
    QVERIFY(html.contains(QLatin1String("cluster db9:3306")));
    QVERIFY(!html.contains(QLatin1String("routine entry 2<")));
}

void tst_AuditReport::tamperingIsShownInReports()
{
    const QString copy = m_dir.filePath(QStringLiteral("tampered.sqlite"));
    {
        QString error;
        auto store = Store::open(copy, &error);
        QVERIFY(store);
        AuditLog log(*store);
        for (int i = 0; i < 5; ++i) {
            AuditEntry e;
            e.actor = QStringLiteral("auto");
            e.action = QStringLiteral("detect");
            e.message = QStringLiteral("entry %1").arg(i + 1);
            QVERIFY(log.append(e));
        }
        QVERIFY(store->exec(
            QStringLiteral("UPDATE audit_entries SET message = 'nothing to see' WHERE id = 3"),
            nullptr));
    }
    QString error;
    auto store = Store::open(copy, &error);
    QVERIFY(store);
    const QString html = QString::fromUtf8(readAll(exportTo(ReportFormat::Html, {}, store.get())));
    QVERIFY(html.contains(QLatin1String("HASH CHAIN BROKEN")));
    QVERIFY(html.contains(QLatin1String("First bad entry: <b>#3</b>")));
    QVERIFY(html.contains(QLatin1String("Chain broken here")));
    const QJsonObject doc
        = QJsonDocument::fromJson(readAll(exportTo(ReportFormat::Json, {}, store.get()))).object();
    QCOMPARE(doc.value(QStringLiteral("verification"))
                 .toObject()
                 .value(QStringLiteral("intact"))
                 .toBool(),
        false);
    QCOMPARE(doc.value(QStringLiteral("verification"))
                 .toObject()
                 .value(QStringLiteral("firstBadId"))
                 .toInt(),
        3);
    QVERIFY(doc.value(QStringLiteral("entries"))
                .toArray()
                .at(2)
                .toObject()
                .value(QStringLiteral("chain"))
                .toString()
                .startsWith(QLatin1String("broken:")));
    QCOMPARE(doc.value(QStringLiteral("entries"))
                 .toArray()
                 .at(3)
                 .toObject()
                 .value(QStringLiteral("chain"))
                 .toString(),
        QStringLiteral("ok"));
    const QString pdf = exportTo(ReportFormat::Pdf, {}, store.get());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), { pdf, QStringLiteral("-") });
    QVERIFY(text.waitForFinished(60000));
    QVERIFY(QString::fromUtf8(text.readAllStandardOutput())
                .contains(QLatin1String("HASH CHAIN BROKEN")));
}

void tst_AuditReport::unwritableTargetFailsCleanly()
{
    AuditReport report(*m_store, {});
    QString error;
    const QString path = QStringLiteral("/proc/topograph-cannot-write-here/report.csv");
    QVERIFY(!report.write(ReportFormat::Csv, path, &error));
    QVERIFY2(error.contains(QLatin1String("/proc/topograph-cannot-write-here")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(tst_AuditReport)
#include "tst_auditreport.moc"
