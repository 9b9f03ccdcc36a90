#include "auditreport.h"

#include "reportwriters.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Topograph::Reporting {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

} // namespace

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    for (ReportFormat f :
        { ReportFormat::Csv, ReportFormat::Json, ReportFormat::Html, ReportFormat::Pdf })
        if (reportFormatName(f) == name.trimmed().toLower())
            return f;
    return std::nullopt;
}

QString ReportContext::periodText() const
{
    if (!filter.since.isValid() && !filter.until.isValid())
        return QStringLiteral("all time");
    if (!filter.until.isValid())
        return QStringLiteral("from %1").arg(timeText(filter.since));
    if (!filter.since.isValid())
        return QStringLiteral("until %1 (exclusive)").arg(timeText(filter.until));
    return QStringLiteral("%1 to %2 (exclusive)")
        .arg(timeText(filter.since), timeText(filter.until));
}

QString ReportContext::filterText() const
{
    if (filter.cluster.isEmpty())
        return QStringLiteral("all clusters");
    const QString alias = aliases.value(filter.cluster);
    return alias.isEmpty() ? QStringLiteral("cluster %1").arg(filter.cluster)
                           : QStringLiteral("cluster %1 (%2)").arg(filter.cluster, alias);
}

QString ReportContext::chainStatus(qint64 entryId) const
{
    const auto it = verification.problems.constFind(entryId);
    return it == verification.problems.constEnd() ? QStringLiteral("ok")
                                                  : QStringLiteral("broken: ") + it.value();
}

AuditReport::AuditReport(Store &store, const AuditFilter &filter, const QString &title)
    : m_store(store)
{
    m_context.filter = filter;
    m_context.filter.limit = 0; // a report covers its whole period
    m_context.title = title.isEmpty() ? QStringLiteral("Topograph audit report") : title;
}

bool AuditReport::prepare(QString *error)
{
    ReportContext &c = m_context;
    c.storePath = QFileInfo(m_store.path()).absoluteFilePath();
    c.generatedBy = Store::osActor();
    c.generatedAt = QDateTime::currentDateTimeUtc();
    c.aliases = m_store.clusterAliases();
    AuditLog log(m_store);
    QString e;
    c.verification = log.verify(&e);
    if (!e.isEmpty()) {
        setError(error, e);
        return false;
    }
    const QMap<QString, qint64> outcomes = log.countByOutcome(c.filter, &e);
    if (!e.isEmpty()) {
        setError(error, e);
        return false;
    }
    c.summary = {};
    for (auto it = outcomes.begin(); it != outcomes.end(); ++it)
        c.summary.entries += it.value();
    c.summary.failedEntries = outcomes.value(QStringLiteral("failed"));
    c.summary.refusedEntries = outcomes.value(QStringLiteral("refused"));

    RecoveryLog recoveries(m_store);
    RecoveryFilter rf;
    rf.cluster = c.filter.cluster;
    rf.since = c.filter.since;
    rf.until = c.filter.until;
    rf.withSteps = true;
    c.recoveries = recoveries.recoveries(rf, &e);
    if (!e.isEmpty()) {
        setError(error, e);
        return false;
    }
    c.blocked = recoveries.blockedRecoveries(c.filter.cluster, c.filter.since, c.filter.until, &e);
    if (!e.isEmpty()) {
        setError(error, e);
        return false;
    }
    c.summary.recoveries = int(c.recoveries.size());
    for (const Recovery &r : std::as_const(c.recoveries)) {
        switch (r.state) {
        case RecoveryState::Succeeded:
            ++c.summary.succeededRecoveries;
            break;
        case RecoveryState::Failed:
        case RecoveryState::Interrupted:
            ++c.summary.failedRecoveries;
            break;
        case RecoveryState::Running:
            ++c.summary.runningRecoveries;
            break;
        }
        if (!r.acknowledged() && r.state != RecoveryState::Running)
            ++c.summary.unacknowledgedRecoveries;
    }
    c.summary.blockedAttempts = int(c.blocked.size());
    m_prepared = true;
    return true;
}

bool AuditReport::write(ReportFormat format, const QString &path, QString *error, qint64 *bytes)
{
    if (!m_prepared && !prepare(error))
        return false;
    const QFileInfo target(path);
    if (!QDir().mkpath(target.absolutePath())) {
        setError(error,
            QStringLiteral("cannot create the folder %1 for the report; create it or choose "
                           "another --out.")
                .arg(target.absolutePath()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(
            error, QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString()));
        return false;
    }
    AuditLog log(m_store);
    QString e;
    bool ok = false;
    switch (format) {
    case ReportFormat::Csv:
        ok = Detail::writeCsv(m_context, log, file, &e);
        break;
    case ReportFormat::Json:
        ok = Detail::writeJson(m_context, log, file, &e);
        break;
    case ReportFormat::Html:
        ok = Detail::writeHtml(m_context, log, file, &e);
        break;
    case ReportFormat::Pdf:
        ok = Detail::writePdf(m_context, log, file, &e);
        break;
    }
    if (ok && file.error() != QFileDevice::NoError) {
        ok = false;
        e = QStringLiteral("cannot write the report %1: %2").arg(path, file.errorString());
    }
    if (!ok) {
        file.cancelWriting();
        setError(error,
            e.isEmpty() ? QStringLiteral("the report %1 could not be written").arg(path) : e);
        return false;
    }
    if (!file.commit()) {
        setError(
            error, QStringLiteral("cannot save the report %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (bytes)
        *bytes = QFileInfo(path).size();
    return true;
}

} // namespace Topograph::Reporting
