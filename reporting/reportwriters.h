#pragma once

// The format writers behind AuditReport::write(); internal to the reporting library.

#include "auditreport.h"

class QIODevice;

namespace Topograph::Reporting::Detail {

bool writeCsv(const ReportContext &context, const AuditLog &log, QIODevice &out, QString *error);
bool writeJson(const ReportContext &context, const AuditLog &log, QIODevice &out, QString *error);
bool writeHtml(const ReportContext &context, const AuditLog &log, QIODevice &out, QString *error);
bool writePdf(const ReportContext &context, const AuditLog &log, QIODevice &out, QString *error);

// Shared by the HTML and PDF writers. forPdf selects markup QTextDocument lays out well.
QString htmlHead(const ReportContext &context);
QString htmlFrontMatter(const ReportContext &context, bool forPdf);
QString htmlEntriesHeader(bool forPdf);
QString htmlEntryRow(const ReportContext &context, const AuditEntry &entry, bool forPdf);
QString htmlEntriesFooter();
QString outcomeColor(const QString &outcome);

} // namespace Topograph::Reporting::Detail
