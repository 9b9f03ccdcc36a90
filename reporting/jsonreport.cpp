// JSON export: one object with the report's context, the chain verification, the summary, the
// recoveries with their steps, blocked attempts and the entries. Entries are written one by one
// (the document is never built whole in memory).

#include "reportwriters.h"

#include "store/store.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Topograph::Reporting::Detail {

namespace {

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(Store::toDb(t)) : QJsonValue();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QJsonObject recoveryJson(const Recovery &r)
{
    QJsonArray steps;
    for (const RecoveryStep &s : r.steps)
        steps << QJsonObject { { QStringLiteral("seq"), s.seq }, { QStringLiteral("name"), s.name },
            { QStringLiteral("server"), s.server }, { QStringLiteral("statement"), s.statement },
            { QStringLiteral("startedAt"), timeValue(s.startedAt) },
            { QStringLiteral("endedAt"), timeValue(s.endedAt) },
            { QStringLiteral("durationMs"),
                s.durationMs() >= 0 ? QJsonValue(s.durationMs()) : QJsonValue() },
            { QStringLiteral("outcome"), stepOutcomeName(s.outcome) },
            { QStringLiteral("output"), s.output } };
    return { { QStringLiteral("id"), r.id }, { QStringLiteral("cluster"), r.cluster },
        { QStringLiteral("kind"), r.kind }, { QStringLiteral("analysis"), r.analysis },
        { QStringLiteral("failedInstance"), r.failedInstance },
        { QStringLiteral("successor"), r.successor }, { QStringLiteral("actor"), r.actor },
        { QStringLiteral("automatic"), r.automatic },
        { QStringLiteral("state"), recoveryStateName(r.state) },
        { QStringLiteral("startedAt"), timeValue(r.startedAt) },
        { QStringLiteral("endedAt"), timeValue(r.endedAt) },
        { QStringLiteral("summary"), r.summary },
        { QStringLiteral("lostReplicas"), QJsonArray::fromStringList(r.lostReplicas) },
        { QStringLiteral("details"), r.details },
        { QStringLiteral("acknowledgedAt"), timeValue(r.acknowledgedAt) },
        { QStringLiteral("acknowledgedBy"),
            r.acknowledgedBy.isEmpty() ? QJsonValue() : QJsonValue(r.acknowledgedBy) },
        { QStringLiteral("acknowledgementComment"),
            r.ackComment.isEmpty() ? QJsonValue() : QJsonValue(r.ackComment) },
        { QStringLiteral("steps"), steps } };
}

} // namespace

bool writeJson(const ReportContext &c, const AuditLog &log, QIODevice &out, QString *error)
{
    const AuditVerification &v = c.verification;
    QJsonArray problems;
    for (auto it = v.problems.begin(); it != v.problems.end(); ++it)
        problems << QJsonObject { { QStringLiteral("id"), it.key() },
            { QStringLiteral("reason"), it.value() } };
    const QJsonObject report { { QStringLiteral("format"),
                                   QStringLiteral("topograph-audit-report/1") },
        { QStringLiteral("title"), c.title }, { QStringLiteral("store"), c.storePath },
        { QStringLiteral("generatedAt"), timeValue(c.generatedAt) },
        { QStringLiteral("generatedBy"), c.generatedBy },
        { QStringLiteral("filters"),
            QJsonObject {
                { QStringLiteral("cluster"),
                    c.filter.cluster.isEmpty() ? QJsonValue() : QJsonValue(c.filter.cluster) },
                { QStringLiteral("since"), timeValue(c.filter.since) },
                { QStringLiteral("until"), timeValue(c.filter.until) } } } };
    const QJsonObject verification { { QStringLiteral("intact"), v.intact },
        { QStringLiteral("entries"), v.entries },
        { QStringLiteral("firstBadId"), v.firstBadId ? QJsonValue(v.firstBadId) : QJsonValue() },
        { QStringLiteral("reason"), v.reason.isEmpty() ? QJsonValue() : QJsonValue(v.reason) },
        { QStringLiteral("headId"), v.headId }, { QStringLiteral("headHash"), v.headHash },
        { QStringLiteral("problems"), problems } };
    const ReportSummary &s = c.summary;
    const QJsonObject summary { { QStringLiteral("entries"), s.entries },
        { QStringLiteral("failedEntries"), s.failedEntries },
        { QStringLiteral("refusedEntries"), s.refusedEntries },
        { QStringLiteral("recoveries"), s.recoveries },
        { QStringLiteral("succeededRecoveries"), s.succeededRecoveries },
        { QStringLiteral("failedRecoveries"), s.failedRecoveries },
        { QStringLiteral("runningRecoveries"), s.runningRecoveries },
        { QStringLiteral("unacknowledgedRecoveries"), s.unacknowledgedRecoveries },
        { QStringLiteral("blockedAttempts"), s.blockedAttempts } };
    QJsonArray recoveries, blocked;
    for (const Recovery &r : c.recoveries)
        recoveries << recoveryJson(r);
    for (const BlockedRecovery &b : c.blocked)
        blocked << QJsonObject { { QStringLiteral("id"), b.id },
            { QStringLiteral("at"), timeValue(b.at) }, { QStringLiteral("cluster"), b.cluster },
            { QStringLiteral("failedInstance"), b.failedInstance },
            { QStringLiteral("analysis"), b.analysis }, { QStringLiteral("reason"), b.reason },
            { QStringLiteral("blockingRecoveryId"),
                b.blockingRecoveryId ? QJsonValue(b.blockingRecoveryId) : QJsonValue() } };

    QByteArray buffer;
    buffer.reserve(1 << 20);
    buffer += "{\n\"report\": " + compact(report) + ",\n\"verification\": " + compact(verification)
        + ",\n\"summary\": " + compact(summary) + ",\n\"recoveries\": " + compact(recoveries)
        + ",\n\"blockedAttempts\": " + compact(blocked) + ",\n\"entries\": [";
    bool first = true, writeOk = true;
    const bool ok = log.forEach(
        c.filter,
        [&](const AuditEntry &e) {
            const QJsonObject o { { QStringLiteral("id"), e.id },
                { QStringLiteral("at"), timeValue(e.at) }, { QStringLiteral("actor"), e.actor },
                { QStringLiteral("cluster"), e.cluster },
                { QStringLiteral("instance"), e.instance }, { QStringLiteral("action"), e.action },
                { QStringLiteral("outcome"), auditOutcomeName(e.outcome) },
                { QStringLiteral("message"), e.message }, { QStringLiteral("details"), e.details },
                { QStringLiteral("recoveryId"),
                    e.recoveryId ? QJsonValue(e.recoveryId) : QJsonValue() },
                { QStringLiteral("prevHash"), e.prevHash }, { QStringLiteral("hash"), e.hash },
                { QStringLiteral("chain"), c.chainStatus(e.id) } };
            buffer += first ? "\n" : ",\n";
            first = false;
            buffer += compact(o);
            if (buffer.size() > (1 << 20)) {
                writeOk = out.write(buffer) == buffer.size();
                buffer.clear();
            }
            return writeOk;
        },
        error);
    buffer += "\n]\n}\n";
    if (ok && writeOk)
        writeOk = out.write(buffer) == buffer.size();
    return ok && writeOk;
}

} // namespace Topograph::Reporting::Detail
