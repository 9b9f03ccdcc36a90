// Audit log figures: append 100,000 entries (one transaction per entry, as the engine writes
// them, and in batches), verify the chain, export the 100,000 entries to each format.
//
//   build/bin/bench_audit [ENTRIES] [--keep DIR]

#include "reporting/auditreport.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace Topograph;

namespace {

AuditEntry makeEntry(qint64 i)
{
    static const char *const actions[]
        = { "detect", "probe", "relocate", "recovery-step", "set-policy", "acknowledge" };
    AuditEntry e;
    e.actor = i % 5 ? QStringLiteral("auto") : QStringLiteral("dba%1@ops-console").arg(i % 3);
    e.cluster = QStringLiteral("db%1.prod.example:3306").arg(i % 40);
    e.instance = QStringLiteral("db%1.prod.example:3306").arg(i % 160);
    e.action = QString::fromLatin1(actions[i % 6]);
    e.outcome = i % 17 == 0 ? AuditOutcome::Failed
        : i % 23 == 0       ? AuditOutcome::Refused
                            : AuditOutcome::Ok;
    e.message = QStringLiteral(
        "Replica %1 of cluster %2 is lagging %3 s behind its master; re-probed and left as is.")
                    .arg(e.instance, e.cluster)
                    .arg(i % 90);
    e.details = { { QStringLiteral("lagSeconds"), int(i % 90) },
        { QStringLiteral("gtid"), QStringLiteral("0-1-%1").arg(1000000 + i) },
        { QStringLiteral("probeMs"), int(i % 13) } };
    return e;
}

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // the PDF export needs it
    const QStringList args = app.arguments().mid(1);
    const qint64 n = args.isEmpty() || args.first().startsWith(QLatin1String("--"))
        ? 100000
        : args.first().toLongLong();
    QTemporaryDir tmp;
    QString dir = tmp.path();
    if (const qsizetype k = args.indexOf(QStringLiteral("--keep")); k >= 0 && k + 1 < args.size()) {
        dir = args.at(k + 1);
        QDir().mkpath(dir);
    }
    QString error;
    std::printf("bench_audit: %lld entries, files in %s\n", n, qPrintable(dir));

    // One transaction per entry: what the engine does (no half entry after a crash).
    const QString singlePath = dir + QStringLiteral("/single.sqlite");
    QFile::remove(singlePath);
    auto store = Store::open(singlePath, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    AuditLog log(*store);
    QElapsedTimer t;
    t.start();
    for (qint64 i = 1; i <= n; ++i) {
        AuditEntry e = makeEntry(i);
        if (!log.append(e, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const double single = seconds(t);
    std::printf("append, 1 entry per transaction:    %8.2f s  %9.0f entries/s\n", single,
        double(n) / single);

    // Batches of 1,000 entries per transaction (imports, bulk detections).
    {
        const QString batchPath = dir + QStringLiteral("/batched.sqlite");
        QFile::remove(batchPath);
        auto batched = Store::open(batchPath, &error);
        AuditLog blog(*batched);
        t.restart();
        for (qint64 i = 1; i <= n;) {
            QList<AuditEntry> batch;
            for (int b = 0; b < 1000 && i <= n; ++b, ++i)
                batch << makeEntry(i);
            if (!blog.append(batch, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
        }
        const double b = seconds(t);
        std::printf(
            "append, 1,000 entries per transaction: %5.2f s  %9.0f entries/s\n", b, double(n) / b);
    }

    // A few recoveries with steps, so the reports carry that section too.
    RecoveryLog recoveries(*store);
    for (int r = 0; r < 20; ++r) {
        const auto claim = recoveries.start({ QStringLiteral("db%1.prod.example:3306").arg(r),
            QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"),
            QStringLiteral("db%1.prod.example:3306").arg(r), QStringLiteral("auto"), true, {} });
        for (int s = 0; s < 6; ++s)
            recoveries.endStep(claim.id,
                recoveries.beginStep(claim.id, QStringLiteral("step %1").arg(s),
                    QStringLiteral("db%1:3306").arg(s), QStringLiteral("SELECT 1")),
                StepOutcome::Ok);
        recoveries.finish(claim.id, {});
    }

    t.restart();
    const AuditVerification v = log.verify(&error);
    const double verify = seconds(t);
    std::printf("verify chain (%lld entries):        %8.2f s  %s\n", v.entries, verify,
        v.intact ? "intact" : qPrintable(v.reason));
    std::printf("store file:                          %8.1f MB\n",
        double(QFileInfo(singlePath).size()) / 1e6);

    for (Reporting::ReportFormat f : { Reporting::ReportFormat::Csv, Reporting::ReportFormat::Json,
             Reporting::ReportFormat::Html, Reporting::ReportFormat::Pdf }) {
        const QString out = dir + QStringLiteral("/audit.") + Reporting::reportFormatName(f);
        t.restart();
        Reporting::AuditReport report(*store, {});
        qint64 bytes = 0;
        if (!report.write(f, out, &error, &bytes)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const double s = seconds(t);
        std::printf("export %-4s                          %8.2f s  %8.1f MB\n",
            qPrintable(Reporting::reportFormatName(f)), s, double(bytes) / 1e6);
        std::fflush(stdout);
    }
    return 0;
}
