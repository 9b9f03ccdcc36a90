#pragma once

#include "store/auditlog.h"
#include "store/recoverylog.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Topograph {
class Store;
}

namespace Topograph::Reporting {

enum class ReportFormat { Csv, Json, Html, Pdf };
QString reportFormatName(ReportFormat format); // csv, json, html, pdf
std::optional<ReportFormat> reportFormatFromName(const QString &name);

struct ReportSummary
{
    qint64 entries = 0; // audit entries in the period and filter
    qint64 failedEntries = 0; // outcome failed
    qint64 refusedEntries = 0; // outcome refused
    int recoveries = 0; // started in the period
    int succeededRecoveries = 0;
    int failedRecoveries = 0; // failed or interrupted
    int runningRecoveries = 0;
    int unacknowledgedRecoveries = 0;
    int blockedAttempts = 0;
};

// Everything a report shows except the entries, which are streamed from the store while the
// report is written (a 100,000-entry export never holds them all).
struct ReportContext
{
    QString title;
    QString storePath;
    QString generatedBy; // user@host
    QDateTime generatedAt; // UTC
    AuditFilter filter;
    AuditVerification verification; // of the whole chain, not only the filtered entries
    QList<Recovery> recoveries; // with steps
    QList<BlockedRecovery> blocked;
    ReportSummary summary;
    QHash<QString, QString> aliases;

    QString periodText() const; // "2026-05-01 00:00 UTC to 2026-06-01 00:00 UTC" / "all time"
    QString filterText() const; // "cluster db1:3306 (orders)" / "all clusters"
    QString chainStatus(qint64 entryId) const; // "ok" or "broken: why"
};

// Exports the audit log: CSV (RFC 4180), JSON, HTML and PDF. HTML and PDF carry the title, the
// period and filters, a summary, the entries, each recovery with its steps, and the chain
// verification with the head hash, so a reader can check the report against the store later.
class AuditReport
{
public:
    AuditReport(Store &store, const AuditFilter &filter, const QString &title = {});

    // Reads what the report needs besides the entries and verifies the chain.
    bool prepare(QString *error);
    const ReportContext &context() const { return m_context; }

    // Writes atomically: a failed or interrupted export never leaves a half file in place of
    // a good one. PDF needs a QGuiApplication (the offscreen platform is enough).
    bool write(ReportFormat format, const QString &path, QString *error, qint64 *bytes = nullptr);

private:
    Store &m_store;
    ReportContext m_context;
    bool m_prepared = false;
};

} // namespace Topograph::Reporting
