// HTML export, and the markup the PDF writer lays out with QTextDocument. Everything that comes
// from the store is escaped; the file is self-contained (inline CSS, no scripts, no remote
// resources) so it can be mailed to an auditor as is.

#include "reportwriters.h"

#include "store/store.h"

#include <QIODevice>
#include <QJsonDocument>

namespace Topograph::Reporting::Detail {

namespace {

QString esc(const QString &s)
{
    QString e = s.toHtmlEscaped();
    e.replace(QLatin1String("\r\n"), QLatin1String("<br/>"));
    e.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
    return e;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                       : QStringLiteral("—");
}

QString duration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    if (ms < 10000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString stateColor(RecoveryState s)
{
    switch (s) {
    case RecoveryState::Succeeded:
        return QStringLiteral("#1e7b34");
    case RecoveryState::Running:
        return QStringLiteral("#1f5fa8");
    case RecoveryState::Failed:
    case RecoveryState::Interrupted:
        return QStringLiteral("#b3261e");
    }
    return QStringLiteral("#000000");
}

QString badge(const QString &text, const QString &color)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
        .arg(color, esc(text));
}

// A table in both flavours: browsers get CSS classes, QTextDocument gets attributes it honours.
QString tableOpen(bool forPdf, const QString &cls)
{
    return forPdf ? QStringLiteral(
               "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
               "style=\"border-color:#9aa5b1; border-style:solid; border-collapse:collapse\">")
                  : QStringLiteral("<table class=\"%1\">").arg(cls);
}

QString th(const QString &text, const QString &width = {})
{
    return width.isEmpty()
        ? QStringLiteral("<th bgcolor=\"#e4e9ef\" align=\"left\">%1</th>").arg(text)
        : QStringLiteral("<th bgcolor=\"#e4e9ef\" align=\"left\" width=\"%2\">%1</th>")
              .arg(text, width);
}

QString kvRow(const QString &key, const QString &valueHtml)
{
    return QStringLiteral(
        "<tr><td bgcolor=\"#f3f5f8\" width=\"22%\"><b>%1</b></td><td>%2</td></tr>")
        .arg(key, valueHtml);
}

QString instanceText(const ReportContext &c, const QString &cluster)
{
    const QString alias = c.aliases.value(cluster);
    return alias.isEmpty() ? esc(cluster) : QStringLiteral("%1 (%2)").arg(esc(cluster), esc(alias));
}

QString recoverySection(const ReportContext &c, const Recovery &r, bool forPdf)
{
    QString h;
    h += QStringLiteral("<h3>Recovery #%1 — %2 of cluster %3 &nbsp; %4</h3>")
             .arg(r.id)
             .arg(esc(r.kind), instanceText(c, r.cluster),
                 badge(recoveryStateName(r.state).toUpper(), stateColor(r.state)));
    h += tableOpen(forPdf, QStringLiteral("kv"));
    h += kvRow(QStringLiteral("Started / ended"),
        QStringLiteral("%1 → %2 UTC (%3)")
            .arg(when(r.startedAt), when(r.endedAt),
                duration(r.endedAt.isValid() ? r.startedAt.msecsTo(r.endedAt) : -1)));
    h += kvRow(QStringLiteral("Started by"),
        r.automatic ? QStringLiteral("the engine (automatic, %1)").arg(esc(r.actor))
                    : QStringLiteral("%1 (manual)").arg(esc(r.actor)));
    if (!r.analysis.isEmpty())
        h += kvRow(QStringLiteral("Analysis"), esc(r.analysis));
    h += kvRow(QStringLiteral("Failed instance"),
        r.failedInstance.isEmpty() ? QStringLiteral("—") : esc(r.failedInstance));
    h += kvRow(QStringLiteral("Successor"),
        r.successor.isEmpty() ? QStringLiteral("—")
                              : QStringLiteral("<b>%1</b>").arg(esc(r.successor)));
    if (!r.lostReplicas.isEmpty())
        h += kvRow(QStringLiteral("Lost replicas"), esc(r.lostReplicas.join(QLatin1String(", "))));
    if (!r.summary.isEmpty())
        h += kvRow(QStringLiteral("Outcome"), esc(r.summary));
    h += kvRow(QStringLiteral("Acknowledged"),
        r.acknowledged()
            ? QStringLiteral("%1 UTC by %2: “%3”")
                  .arg(when(r.acknowledgedAt), esc(r.acknowledgedBy), esc(r.ackComment))
            : badge(QStringLiteral("not acknowledged"), QStringLiteral("#b35c00")));
    h += QStringLiteral("</table>");
    if (r.steps.isEmpty()) {
        h += QStringLiteral("<p><i>No steps recorded.</i></p>");
        return h;
    }
    h += QStringLiteral(
        "<p style=\"margin-top:6px\"><b>Steps</b> (each recorded before and after it ran)</p>");
    h += tableOpen(forPdf, QStringLiteral("grid"));
    h += QStringLiteral("<tr>") + th(QStringLiteral("#"), QStringLiteral("4%"))
        + th(QStringLiteral("Step"), QStringLiteral("16%"))
        + th(QStringLiteral("Server"), QStringLiteral("12%"))
        + th(QStringLiteral("Statement / command"), QStringLiteral("25%"))
        + th(QStringLiteral("Started (UTC)"), QStringLiteral("13%"))
        + th(QStringLiteral("Took"), QStringLiteral("7%"))
        + th(QStringLiteral("Outcome"), QStringLiteral("10%"))
        + th(QStringLiteral("Output"), QStringLiteral("13%")) + QStringLiteral("</tr>");
    for (const RecoveryStep &s : r.steps) {
        const QString outcome = stepOutcomeName(s.outcome);
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td><code>%4</code></td><td>%5</"
                            "td><td>%6</td><td>%7</td><td>%8</td></tr>")
                 .arg(s.seq)
                 .arg(esc(s.name), esc(s.server), esc(s.statement), when(s.startedAt).mid(11),
                     duration(s.durationMs()), badge(outcome, outcomeColor(outcome)),
                     esc(s.output.left(2000)));
    }
    h += QStringLiteral("</table>");
    return h;
}

} // namespace

QString outcomeColor(const QString &outcome)
{
    if (outcome == QLatin1String("ok") || outcome == QLatin1String("succeeded"))
        return QStringLiteral("#1e7b34");
    if (outcome == QLatin1String("refused") || outcome == QLatin1String("skipped")
        || outcome == QLatin1String("undone"))
        return QStringLiteral("#b35c00");
    if (outcome == QLatin1String("running"))
        return QStringLiteral("#1f5fa8");
    return QStringLiteral("#b3261e");
}

QString htmlHead(const ReportContext &c)
{
    return QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
        "charset=\"utf-8\">\n<title>%1</title>\n<style>\n"
        "body{font-family:'DejaVu Sans','Noto Sans CJK KR','Noto Sans CJK "
        "JP',sans-serif;font-size:13px;"
        "color:#1c2430;margin:28px;max-width:1400px}\n"
        "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;border-bottom:2px solid "
        "#2b4a6f;padding-bottom:3px;"
        "margin-top:28px}h3{font-size:14px;margin:18px 0 6px}\n"
        "table{border-collapse:collapse;width:100%;margin:4px 0 10px}td,th{border:1px solid "
        "#b8c2cc;"
        "padding:4px 6px;vertical-align:top;text-align:left}th{background:#e4e9ef}\n"
        "table.kv td:first-child{background:#f3f5f8;font-weight:bold;width:22%}\n"
        "code,.hash{font-family:'DejaVu Sans Mono',monospace;font-size:12px;word-break:break-all}\n"
        ".meta{color:#52606d}.details{color:#52606d;font-size:11px;font-family:'DejaVu Sans "
        "Mono',monospace;"
        "word-break:break-all}\n"
        ".verify-ok{border:2px solid #1e7b34;background:#eaf6ec;padding:8px 12px}"
        ".verify-bad{border:2px solid #b3261e;background:#fdecea;padding:8px 12px}\n"
        "tr.bad td{background:#fdecea}\n"
        "</style></head><body>\n")
        .arg(esc(c.title));
}

QString htmlFrontMatter(const ReportContext &c, bool forPdf)
{
    QString h;
    h += QStringLiteral("<h1>%1</h1>").arg(esc(c.title));
    h += QStringLiteral("<p class=\"meta\" style=\"color:#52606d\">Generated %1 UTC by %2 with "
                        "Topograph %3<br/>Store: <code>%4</code></p>")
             .arg(when(c.generatedAt).left(19), esc(c.generatedBy),
                 QStringLiteral(TOPOGRAPH_VERSION), esc(c.storePath));

    h += tableOpen(forPdf, QStringLiteral("kv"));
    h += kvRow(QStringLiteral("Period"), esc(c.periodText()));
    h += kvRow(QStringLiteral("Filter"), esc(c.filterText()));
    h += QStringLiteral("</table>");

    // The chain verification comes first: it says whether the rest can be trusted.
    const AuditVerification &v = c.verification;
    h += QStringLiteral("<h2>Integrity of the audit log</h2>");
    auto boxOpen = [forPdf](const QString &border, const QString &background, const QString &cls) {
        return forPdf ? QStringLiteral(
                   "<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\" "
                   "style=\"border-color:%1\" bgcolor=\"%2\"><tr><td>")
                            .arg(border, background)
                      : QStringLiteral("<div class=\"%1\">").arg(cls);
    };
    const QString boxClose
        = forPdf ? QStringLiteral("</td></tr></table>") : QStringLiteral("</div>");
    if (v.intact) {
        h += boxOpen(
            QStringLiteral("#1e7b34"), QStringLiteral("#eaf6ec"), QStringLiteral("verify-ok"));
        h += QStringLiteral("<b style=\"color:#1e7b34\">Hash chain intact.</b> All %1 entries of "
                            "the store were verified "
                            "(SHA-256 chain; no entry edited, deleted, inserted or reordered).")
                 .arg(v.entries);
    } else {
        h += boxOpen(
            QStringLiteral("#b3261e"), QStringLiteral("#fdecea"), QStringLiteral("verify-bad"));
        h += QStringLiteral(
            "<b style=\"color:#b3261e\">HASH CHAIN BROKEN — the audit log was altered after it was "
            "written.</b><br/>"
            "First bad entry: <b>#%1</b>: %2<br/>%3 problem(s) found among %4 entries:")
                 .arg(QString::number(v.firstBadId), esc(v.reason),
                     QString::number(v.problems.size()), QString::number(v.entries));
        h += QStringLiteral("<ul>");
        int shown = 0;
        for (auto it = v.problems.begin(); it != v.problems.end() && shown < 50; ++it, ++shown)
            h += QStringLiteral("<li>%1</li>").arg(esc(it.value()));
        if (v.problems.size() > shown)
            h += QStringLiteral("<li>… and %1 more (see the JSON export)</li>")
                     .arg(v.problems.size() - shown);
        h += QStringLiteral("</ul>");
    }
    h += QStringLiteral("<br/>Head of the chain: entry #%1, hash <code class=\"hash\">%2</code>")
             .arg(v.headId)
             .arg(v.headHash.isEmpty() ? QStringLiteral("(empty log)") : v.headHash);
    h += boxClose;
    h += QStringLiteral("<p class=\"meta\" style=\"color:#52606d\">To check this report against "
                        "the store later, run "
                        "<code>topograph-cli --store %1 audit verify</code>: it must report the "
                        "chain intact, and the "
                        "entry #%2 must still carry the hash above.</p>")
             .arg(esc(c.storePath), QString::number(v.headId));

    const ReportSummary &s = c.summary;
    h += QStringLiteral("<h2>Summary</h2>");
    h += tableOpen(forPdf, QStringLiteral("kv"));
    h += kvRow(QStringLiteral("Audit entries"),
        QStringLiteral("%1 (%2 failed, %3 refused)")
            .arg(s.entries)
            .arg(s.failedEntries)
            .arg(s.refusedEntries));
    h += kvRow(QStringLiteral("Recoveries"),
        QStringLiteral("%1: %2 succeeded, %3 failed or interrupted, %4 running")
            .arg(s.recoveries)
            .arg(s.succeededRecoveries)
            .arg(s.failedRecoveries)
            .arg(s.runningRecoveries));
    h += kvRow(QStringLiteral("Unacknowledged recoveries"),
        s.unacknowledgedRecoveries
            ? badge(QString::number(s.unacknowledgedRecoveries), QStringLiteral("#b35c00"))
            : QStringLiteral("0"));
    h += kvRow(QStringLiteral("Blocked recovery attempts"), QString::number(s.blockedAttempts));
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Recoveries</h2>");
    if (c.recoveries.isEmpty())
        h += QStringLiteral("<p><i>No recovery in this period.</i></p>");
    for (const Recovery &r : c.recoveries)
        h += recoverySection(c, r, forPdf);

    h += QStringLiteral("<h2>Blocked recovery attempts</h2>");
    if (c.blocked.isEmpty()) {
        h += QStringLiteral("<p><i>No automatic recovery was blocked in this period.</i></p>");
    } else {
        h += tableOpen(forPdf, QStringLiteral("grid"));
        h += QStringLiteral("<tr>") + th(QStringLiteral("Time (UTC)"), QStringLiteral("16%"))
            + th(QStringLiteral("Cluster"), QStringLiteral("14%"))
            + th(QStringLiteral("Failed instance"), QStringLiteral("14%"))
            + th(QStringLiteral("Analysis"), QStringLiteral("12%"))
            + th(QStringLiteral("Reason and how to unblock"), QStringLiteral("34%"))
            + th(QStringLiteral("Blocked by"), QStringLiteral("10%")) + QStringLiteral("</tr>");
        for (const BlockedRecovery &b : c.blocked)
            h += QStringLiteral(
                "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                     .arg(when(b.at), instanceText(c, b.cluster), esc(b.failedInstance),
                         esc(b.analysis), esc(b.reason),
                         b.blockingRecoveryId
                             ? QStringLiteral("recovery #%1").arg(b.blockingRecoveryId)
                             : QStringLiteral("—"));
        h += QStringLiteral("</table>");
    }
    return h;
}

QString htmlEntriesHeader(bool forPdf)
{
    QString h;
    if (!forPdf)
        h += QStringLiteral("<h2>Audit entries</h2>\n");
    h += tableOpen(forPdf, QStringLiteral("grid entries"));
    h += QStringLiteral("<tr>") + th(QStringLiteral("#"), QStringLiteral("7%"))
        + th(QStringLiteral("Time (UTC)"), QStringLiteral("12%"))
        + th(QStringLiteral("Actor"), QStringLiteral("10%"))
        + th(QStringLiteral("Cluster / instance"), QStringLiteral("13%"))
        + th(QStringLiteral("Action"), QStringLiteral("11%"))
        + th(QStringLiteral("Outcome"), QStringLiteral("8%"))
        + th(QStringLiteral("What happened"), QStringLiteral("39%")) + QStringLiteral("</tr>\n");
    return h;
}

QString htmlEntryRow(const ReportContext &c, const AuditEntry &e, bool forPdf)
{
    const auto problem = c.verification.problems.constFind(e.id);
    const bool bad = problem != c.verification.problems.constEnd();
    const QString outcome = auditOutcomeName(e.outcome);
    QString where = esc(e.cluster);
    if (!e.instance.isEmpty() && e.instance != e.cluster)
        where += (where.isEmpty() ? QString() : QStringLiteral("<br/>")) + esc(e.instance);
    QString what = esc(e.message);
    if (!e.details.isEmpty()) {
        QString json = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
        if (forPdf && json.size() > 400)
            json = json.left(400) + QStringLiteral(" …");
        what += QStringLiteral(
            "<br/><span class=\"details\" style=\"color:#52606d; font-size:small\">%1</span>")
                    .arg(esc(json));
    }
    if (e.recoveryId)
        what
            += QStringLiteral(" <span class=\"meta\" style=\"color:#52606d\">[recovery #%1]</span>")
                   .arg(e.recoveryId);
    if (bad)
        what += QStringLiteral("<br/><b style=\"color:#b3261e\">Chain broken here: %1</b>")
                    .arg(esc(problem.value()));
    const QString rowOpen = bad ? (forPdf ? QStringLiteral("<tr bgcolor=\"#fdecea\">")
                                          : QStringLiteral("<tr class=\"bad\">"))
                                : QStringLiteral("<tr>");
    // QTextDocument takes column widths from the cells of each (headerless) chunk table.
    const QString td = forPdf ? QStringLiteral("<td width=\"%1\">") : QStringLiteral("<td>");
    const char *const widths[] = { "7%", "12%", "10%", "13%", "11%", "8%", "39%" };
    QString cells[7];
    for (int i = 0; i < 7; ++i)
        cells[i] = forPdf ? td.arg(QLatin1String(widths[i])) : td;
    return rowOpen
        + (cells[0]
            + QStringLiteral("%1<br/><span class=\"hash\" style=\"color:#7b8794; "
                             "font-size:small\">%2</span></td>")
            + cells[1] + QStringLiteral("%3</td>") + cells[2] + QStringLiteral("%4</td>") + cells[3]
            + QStringLiteral("%5</td>") + cells[4] + QStringLiteral("%6</td>") + cells[5]
            + QStringLiteral("%7</td>") + cells[6] + QStringLiteral("%8</td></tr>\n"))
              .arg(e.id)
              .arg(esc(e.hash.left(8)), when(e.at), esc(e.actor), where, esc(e.action),
                  badge(outcome, outcomeColor(outcome)), what);
}

QString htmlEntriesFooter()
{
    return QStringLiteral("</table>\n");
}

bool writeHtml(const ReportContext &c, const AuditLog &log, QIODevice &out, QString *error)
{
    QByteArray buffer
        = (htmlHead(c) + htmlFrontMatter(c, false) + htmlEntriesHeader(false)).toUtf8();
    bool writeOk = true;
    qint64 rows = 0;
    const bool ok = log.forEach(
        c.filter,
        [&](const AuditEntry &e) {
            buffer += htmlEntryRow(c, e, false).toUtf8();
            ++rows;
            if (buffer.size() > (1 << 20)) {
                writeOk = out.write(buffer) == buffer.size();
                buffer.clear();
            }
            return writeOk;
        },
        error);
    buffer += htmlEntriesFooter().toUtf8();
    if (rows == 0)
        buffer += "<p><i>No audit entry in this period.</i></p>\n";
    buffer += QStringLiteral("<p class=\"meta\">End of report: %1 entries. Head of the chain: "
                             "entry #%2, hash <code>%3</code>.</p>\n"
                             "</body></html>\n")
                  .arg(rows)
                  .arg(c.verification.headId)
                  .arg(c.verification.headHash)
                  .toUtf8();
    if (ok && writeOk)
        writeOk = out.write(buffer) == buffer.size();
    return ok && writeOk;
}

} // namespace Topograph::Reporting::Detail
