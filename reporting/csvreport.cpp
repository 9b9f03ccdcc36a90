// CSV export: RFC 4180 (comma separated, CRLF line ends, a field with a comma, quote, CR or LF is
// quoted and its quotes doubled), UTF-8 without BOM, one header row. Cells are text a server or a
// person supplied (messages, host names), so a cell a spreadsheet would run as a formula is
// neutralised first (SafeText::csvCell).

#include "reportwriters.h"

#include "store/store.h"
#include "text/safetext.h"

#include <QIODevice>
#include <QJsonDocument>

namespace Topograph::Reporting::Detail {

namespace {

void appendField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = SafeText::csvCell(value).toUtf8();
    const bool quote
        = utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n');
    if (!quote) {
        out += utf8;
        return;
    }
    out += '"';
    for (char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendRow(QByteArray &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        appendField(out, fields.at(i));
    }
    out += "\r\n";
}

} // namespace

bool writeCsv(const ReportContext &context, const AuditLog &log, QIODevice &out, QString *error)
{
    QByteArray buffer;
    buffer.reserve(1 << 20);
    appendRow(buffer,
        { QStringLiteral("id"), QStringLiteral("time_utc"), QStringLiteral("actor"),
            QStringLiteral("cluster"), QStringLiteral("instance"), QStringLiteral("action"),
            QStringLiteral("outcome"), QStringLiteral("message"), QStringLiteral("details"),
            QStringLiteral("recovery_id"), QStringLiteral("prev_hash"), QStringLiteral("hash"),
            QStringLiteral("chain") });
    bool writeOk = true;
    const bool ok = log.forEach(
        context.filter,
        [&](const AuditEntry &e) {
            appendRow(buffer,
                { QString::number(e.id), Store::toDb(e.at), e.actor, e.cluster, e.instance,
                    e.action, auditOutcomeName(e.outcome), e.message,
                    QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)),
                    e.recoveryId ? QString::number(e.recoveryId) : QString(), e.prevHash, e.hash,
                    context.chainStatus(e.id) });
            if (buffer.size() > (1 << 20)) {
                writeOk = out.write(buffer) == buffer.size();
                buffer.clear();
            }
            return writeOk;
        },
        error);
    if (ok && writeOk && !buffer.isEmpty())
        writeOk = out.write(buffer) == buffer.size();
    return ok && writeOk;
}

} // namespace Topograph::Reporting::Detail
