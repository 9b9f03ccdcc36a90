// topograph-cli: audit list / export / verify, recoveries, ack.

#include "clicommands.h"

#include "reporting/auditreport.h"
#include "store/auditlog.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Topograph::Cli {

namespace {

// A command's own options: "--name VALUE", "--name=VALUE" or flags, plus positionals.
struct Args
{
    QHash<QString, QString> values;
    QSet<QString> flags;
    QStringList positional;
    QString error;

    static Args parse(
        const QStringList &args, const QStringList &withValue, const QStringList &flagNames)
    {
        Args a;
        for (int i = 0; i < args.size(); ++i) {
            QString arg = args.at(i);
            if (!arg.startsWith(QLatin1String("--"))) {
                a.positional << arg;
                continue;
            }
            QString value;
            const int eq = arg.indexOf(QLatin1Char('='));
            const bool inline_ = eq > 0;
            if (inline_) {
                value = arg.mid(eq + 1);
                arg = arg.left(eq);
            }
            const QString name = arg.mid(2);
            if (flagNames.contains(name) && !inline_) {
                a.flags << name;
            } else if (withValue.contains(name)) {
                if (!inline_) {
                    if (i + 1 >= args.size()) {
                        a.error = QStringLiteral("%1 needs a value").arg(arg);
                        return a;
                    }
                    value = args.at(++i);
                }
                a.values.insert(name, value);
            } else {
                a.error = QStringLiteral("unknown option '%1'").arg(arg);
                return a;
            }
        }
        return a;
    }
};

// ISO-8601 ("2026-05-01T12:00:00Z", "+09:00" offsets, no zone = UTC), a plain date (a day:
// --until includes that whole day), or a relative "30m", "24h", "7d" before now.
std::optional<QDateTime> parseTime(const QString &text, bool endOfDay, QString *error)
{
    const QString t = text.trimmed();
    static const QRegularExpression relative(QStringLiteral("^(\\d+)([smhd])$"));
    if (const auto m = relative.match(t); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar u = m.captured(2).at(0);
        const qint64 unit = u == QLatin1Char('s') ? 1
            : u == QLatin1Char('m')               ? 60
            : u == QLatin1Char('h')               ? 3600
                                                  : 86400;
        return QDateTime::currentDateTimeUtc().addSecs(-n * unit);
    }
    const QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid() && t.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    QString iso = t;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid()) {
        if (error)
            *error = QStringLiteral(
                "'%1' is not a time: use ISO-8601 (2026-05-01T12:00:00Z, +09:00 offsets; no zone "
                "means UTC), a date (2026-05-01) or a relative time (30m, 24h, 7d)")
                         .arg(text);
        return std::nullopt;
    }
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.toUTC();
}

std::unique_ptr<Store> openStore(Context &ctx, int *code)
{
    const QString path
        = ctx.options().storePath.isEmpty() ? Store::defaultPath() : ctx.options().storePath;
    if (!QFileInfo::exists(path)) {
        *code = ctx.fail(
            QStringLiteral("there is no Topograph store at %1 (nothing recorded yet, or a wrong "
                           "--store)")
                .arg(path));
        return nullptr;
    }
    QString error;
    auto store = Store::open(path, &error);
    if (!store)
        *code = ctx.fail(error);
    return store;
}

// Commands that only read open the store read-only: an archived (read-only) store works, and
// another process's write lock does not hold them up.
std::unique_ptr<Store> openStoreForReading(Context &ctx, int *code)
{
    const QString path
        = ctx.options().storePath.isEmpty() ? Store::defaultPath() : ctx.options().storePath;
    QString error;
    auto store = Store::openReadOnly(path, &error);
    if (!store)
        *code = ctx.fail(error);
    return store;
}

// --cluster accepts a cluster name or its alias.
QString resolveCluster(Store &store, const QString &nameOrAlias)
{
    const auto aliases = store.clusterAliases();
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        if (it.value() == nameOrAlias)
            return it.key();
    return nameOrAlias;
}

// Fills filter from --cluster/--since/--until/--limit; returns false after ctx.fail().
bool readFilter(Context &ctx, Store &store, const Args &a, AuditFilter *filter, int *code)
{
    QString error;
    if (a.values.contains(QStringLiteral("cluster")))
        filter->cluster = resolveCluster(store, a.values.value(QStringLiteral("cluster")));
    if (a.values.contains(QStringLiteral("since"))) {
        const auto t = parseTime(a.values.value(QStringLiteral("since")), false, &error);
        if (!t) {
            *code = ctx.fail(error, ExitUsage);
            return false;
        }
        filter->since = *t;
    }
    if (a.values.contains(QStringLiteral("until"))) {
        const auto t = parseTime(a.values.value(QStringLiteral("until")), true, &error);
        if (!t) {
            *code = ctx.fail(error, ExitUsage);
            return false;
        }
        filter->until = *t;
    }
    if (a.values.contains(QStringLiteral("limit"))) {
        bool ok = false;
        filter->limit = a.values.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter->limit < 0) {
            *code = ctx.fail(QStringLiteral("--limit needs a number (0 for all)"), ExitUsage);
            return false;
        }
    }
    return true;
}

QJsonObject entryJson(const AuditEntry &e)
{
    return { { QStringLiteral("id"), e.id }, { QStringLiteral("at"), Store::toDb(e.at) },
        { QStringLiteral("actor"), e.actor }, { QStringLiteral("cluster"), e.cluster },
        { QStringLiteral("instance"), e.instance }, { QStringLiteral("action"), e.action },
        { QStringLiteral("outcome"), auditOutcomeName(e.outcome) },
        { QStringLiteral("message"), e.message }, { QStringLiteral("details"), e.details },
        { QStringLiteral("recoveryId"), e.recoveryId ? QJsonValue(e.recoveryId) : QJsonValue() },
        { QStringLiteral("hash"), e.hash } };
}

QString shortTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("-");
}

int auditList(Context &ctx, const QStringList &args)
{
    const Args a = Args::parse(args, { "cluster", "since", "until", "limit" }, {});
    if (!a.error.isEmpty() || !a.positional.isEmpty())
        return ctx.fail(
            a.error.isEmpty() ? QStringLiteral("audit list takes no positional argument") : a.error,
            ExitUsage);
    int code = ExitFailed;
    auto store = openStoreForReading(ctx, &code);
    if (!store)
        return code;
    AuditFilter filter;
    filter.limit = 100;
    if (!readFilter(ctx, *store, a, &filter, &code))
        return code;
    AuditLog log(*store);
    QString error;
    QJsonArray json;
    qint64 shown = 0;
    const bool ok = log.forEach(
        filter,
        [&](const AuditEntry &e) {
            ++shown;
            if (ctx.options().json) {
                json << entryJson(e);
            } else {
                QString where = e.cluster;
                if (!e.instance.isEmpty() && e.instance != e.cluster)
                    where += (where.isEmpty() ? QString() : QStringLiteral(" ")) + e.instance;
                ctx.out() << QStringLiteral("#%1").arg(e.id).leftJustified(7) << ' '
                          << Store::toDb(e.at) << "  " << e.actor.leftJustified(16) << ' '
                          << (where.isEmpty() ? QStringLiteral("-") : where).leftJustified(22)
                          << ' ' << e.action.leftJustified(18) << ' '
                          << auditOutcomeName(e.outcome).leftJustified(7) << ' '
                          << QString(e.message).replace(QLatin1Char('\n'), QLatin1String(" / "))
                          << '\n';
            }
            return true;
        },
        &error);
    if (!ok)
        return ctx.fail(error);
    if (ctx.options().json) {
        ctx.out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        AuditFilter all = filter;
        all.limit = 0;
        const qint64 total = log.count(all);
        if (shown == 0)
            ctx.out() << "No audit entry matches.\n";
        else if (total > shown)
            ctx.out() << QStringLiteral(
                "(the latest %1 of %2 matching entries; --limit 0 shows all)\n")
                             .arg(shown)
                             .arg(total);
    }
    return ExitOk;
}

int auditExport(Context &ctx, const QStringList &args)
{
    const Args a = Args::parse(args, { "format", "out", "cluster", "since", "until", "title" }, {});
    if (!a.error.isEmpty() || !a.positional.isEmpty())
        return ctx.fail(a.error.isEmpty()
                ? QStringLiteral("audit export takes no positional argument")
                : a.error,
            ExitUsage);
    const auto format = Reporting::reportFormatFromName(a.values.value(QStringLiteral("format")));
    if (!format)
        return ctx.fail(QStringLiteral("--format must be csv, json, html or pdf"), ExitUsage);
    const QString out = a.values.value(QStringLiteral("out"));
    if (out.isEmpty())
        return ctx.fail(QStringLiteral("--out FILE is required"), ExitUsage);
    int code = ExitFailed;
    auto store = openStoreForReading(ctx, &code);
    if (!store)
        return code;
    AuditFilter filter;
    if (!readFilter(ctx, *store, a, &filter, &code))
        return code;
    Reporting::AuditReport report(*store, filter, a.values.value(QStringLiteral("title")));
    QString error;
    qint64 bytes = 0;
    if (!report.write(*format, out, &error, &bytes))
        return ctx.fail(error);
    const auto &c = report.context();
    ctx.out() << QStringLiteral("Wrote %1: %2 entries, %3 recoveries, %4 bytes.\n")
                     .arg(out)
                     .arg(c.summary.entries)
                     .arg(c.summary.recoveries)
                     .arg(bytes);
    if (!c.verification.intact)
        ctx.err() << QStringLiteral(
            "topograph-cli: warning: the audit log's hash chain is broken (first bad entry #%1); "
            "the report says so.\n")
                         .arg(c.verification.firstBadId);
    return ExitOk;
}

int auditVerify(Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.fail(QStringLiteral("audit verify takes no argument"), ExitUsage);
    int code = ExitFailed;
    auto store = openStoreForReading(ctx, &code);
    if (!store)
        return code;
    QString error;
    const AuditVerification v = AuditLog(*store).verify(&error);
    if (!error.isEmpty())
        return ctx.fail(error);
    if (ctx.options().json) {
        QJsonArray problems;
        for (auto it = v.problems.begin(); it != v.problems.end(); ++it)
            problems << QJsonObject { { QStringLiteral("id"), it.key() },
                { QStringLiteral("reason"), it.value() } };
        ctx.out() << QJsonDocument(
            QJsonObject { { QStringLiteral("intact"), v.intact },
                { QStringLiteral("entries"), v.entries },
                { QStringLiteral("firstBadId"), v.firstBadId },
                { QStringLiteral("reason"), v.reason }, { QStringLiteral("headId"), v.headId },
                { QStringLiteral("headHash"), v.headHash },
                { QStringLiteral("problems"), problems } })
                         .toJson(QJsonDocument::Indented);
    } else if (v.intact) {
        ctx.out() << QStringLiteral(
            "Audit log intact: %1 entries verified; head entry #%2, hash %3\n")
                         .arg(v.entries)
                         .arg(v.headId)
                         .arg(v.headHash);
    } else {
        for (auto it = v.problems.begin(); it != v.problems.end(); ++it)
            ctx.out() << "  " << it.value() << '\n';
    }
    if (!v.intact)
        return ctx.fail(QStringLiteral(
            "the audit log in %1 was altered: first bad entry #%2: %3 (%4 problem(s) in all)")
                            .arg(store->path(), QString::number(v.firstBadId),
                                 // the reason starts "entry N: "; the entry is named already
                                 v.reason.mid(v.reason.indexOf(QLatin1String(": ")) + 2),
                                 QString::number(v.problems.size())));
    return ExitOk;
}

int recoveriesCommand(Context &ctx, const QStringList &args)
{
    const Args a = Args::parse(args, { "cluster", "limit" }, { "unacknowledged", "steps" });
    if (!a.error.isEmpty() || !a.positional.isEmpty())
        return ctx.fail(
            a.error.isEmpty() ? QStringLiteral("recoveries takes no positional argument") : a.error,
            ExitUsage);
    int code = ExitFailed;
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    RecoveryLog log(*store);
    QString error;
    // Show the truth: a recovery whose process died is interrupted, not running.
    if (log.markInterruptedRecoveries(120, &error) < 0)
        return ctx.fail(error);
    RecoveryFilter f;
    f.cluster = a.values.contains(QStringLiteral("cluster"))
        ? resolveCluster(*store, a.values.value(QStringLiteral("cluster")))
        : QString();
    f.unacknowledgedOnly = a.flags.contains(QStringLiteral("unacknowledged"));
    f.withSteps = a.flags.contains(QStringLiteral("steps")) || ctx.options().json;
    f.limit = a.values.value(QStringLiteral("limit"), QStringLiteral("0")).toInt();
    const QList<Recovery> list = log.recoveries(f, &error);
    if (!error.isEmpty())
        return ctx.fail(error);
    if (ctx.options().json) {
        QJsonArray arr;
        for (const Recovery &r : list) {
            QJsonArray steps;
            for (const RecoveryStep &s : r.steps)
                steps << QJsonObject { { QStringLiteral("seq"), s.seq },
                    { QStringLiteral("name"), s.name }, { QStringLiteral("server"), s.server },
                    { QStringLiteral("statement"), s.statement },
                    { QStringLiteral("startedAt"), Store::toDb(s.startedAt) },
                    { QStringLiteral("endedAt"), Store::toDb(s.endedAt) },
                    { QStringLiteral("outcome"), stepOutcomeName(s.outcome) },
                    { QStringLiteral("output"), s.output } };
            arr << QJsonObject { { QStringLiteral("id"), r.id },
                { QStringLiteral("cluster"), r.cluster }, { QStringLiteral("kind"), r.kind },
                { QStringLiteral("state"), recoveryStateName(r.state) },
                { QStringLiteral("failedInstance"), r.failedInstance },
                { QStringLiteral("successor"), r.successor }, { QStringLiteral("actor"), r.actor },
                { QStringLiteral("automatic"), r.automatic },
                { QStringLiteral("startedAt"), Store::toDb(r.startedAt) },
                { QStringLiteral("endedAt"), Store::toDb(r.endedAt) },
                { QStringLiteral("summary"), r.summary },
                { QStringLiteral("lostReplicas"), QJsonArray::fromStringList(r.lostReplicas) },
                { QStringLiteral("acknowledged"), r.acknowledged() },
                { QStringLiteral("acknowledgedBy"), r.acknowledgedBy },
                { QStringLiteral("acknowledgedAt"), Store::toDb(r.acknowledgedAt) },
                { QStringLiteral("acknowledgementComment"), r.ackComment },
                { QStringLiteral("steps"), steps } };
        }
        ctx.out() << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (list.isEmpty()) {
        ctx.out() << (f.unacknowledgedOnly ? "No unacknowledged recovery.\n"
                                           : "No recovery recorded.\n");
        return ExitOk;
    }
    for (const Recovery &r : list) {
        ctx.out() << QStringLiteral("#%1").arg(r.id).leftJustified(6) << ' '
                  << shortTime(r.startedAt) << "  " << r.cluster.leftJustified(22) << ' '
                  << r.kind.leftJustified(18) << ' ' << recoveryStateName(r.state).leftJustified(11)
                  << ' '
                  << (r.successor.isEmpty() ? QStringLiteral("-")
                                            : QStringLiteral("-> ") + r.successor)
                         .leftJustified(20)
                  << ' ' << (r.automatic ? QStringLiteral("auto") : r.actor) << "  "
                  << (r.acknowledged()
                             ? QStringLiteral("acked by %1: %2").arg(r.acknowledgedBy, r.ackComment)
                             : r.state == RecoveryState::Running ? QString()
                                                                 : QStringLiteral("UNACKNOWLEDGED"))
                  << '\n';
        if (!r.summary.isEmpty())
            ctx.out() << "       " << r.summary << '\n';
        for (const RecoveryStep &s : r.steps)
            ctx.out() << "       " << QString::number(s.seq).rightJustified(3) << ". "
                      << stepOutcomeName(s.outcome).leftJustified(11) << ' ' << s.name
                      << (s.server.isEmpty() ? QString() : QStringLiteral(" on ") + s.server)
                      << (s.statement.isEmpty() ? QString() : QStringLiteral(": ") + s.statement)
                      << '\n';
    }
    return ExitOk;
}

int ackCommand(Context &ctx, const QStringList &args)
{
    const Args a = Args::parse(args, { "cluster", "comment" }, { "all" });
    if (!a.error.isEmpty())
        return ctx.fail(a.error, ExitUsage);
    const int scopes = int(a.positional.size())
        + (a.values.contains(QStringLiteral("cluster")) ? 1 : 0)
        + (a.flags.contains(QStringLiteral("all")) ? 1 : 0);
    if (scopes != 1)
        return ctx.fail(
            QStringLiteral("ack needs exactly one of RECOVERY_ID, --cluster C or --all"),
            ExitUsage);
    if (!a.values.contains(QStringLiteral("comment"))
        || a.values.value(QStringLiteral("comment")).trimmed().isEmpty())
        return ctx.fail(
            QStringLiteral(
                "ack needs --comment TEXT (what was checked, why automatic recoveries may resume); "
                "nothing was acknowledged"),
            ExitUsage);
    qint64 id = 0;
    if (!a.positional.isEmpty()) {
        bool ok = false;
        id = QString(a.positional.first()).remove(QLatin1Char('#')).toLongLong(&ok);
        if (!ok || id <= 0)
            return ctx.fail(
                QStringLiteral("'%1' is not a recovery id (see topograph-cli recoveries)")
                    .arg(a.positional.first()),
                ExitUsage);
    }
    int code = ExitFailed;
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    RecoveryLog log(*store);
    QString error;
    log.markInterruptedRecoveries(120, nullptr);
    const QString comment = a.values.value(QStringLiteral("comment"));
    const QString cluster = resolveCluster(*store, a.values.value(QStringLiteral("cluster")));
    const int n = id         ? log.acknowledge(id, comment, &error)
        : !cluster.isEmpty() ? log.acknowledgeCluster(cluster, comment, &error)
                             : log.acknowledgeAll(comment, &error);
    if (n < 0)
        return ctx.fail(error);
    if (ctx.options().json)
        ctx.out() << QJsonDocument(
            QJsonObject { { QStringLiteral("acknowledged"),
                n } }).toJson(QJsonDocument::Compact)
                  << '\n';
    else if (n == 0)
        ctx.out() << "Nothing to acknowledge: no finished, unacknowledged recovery"
                  << (cluster.isEmpty() ? QString() : QStringLiteral(" on cluster %1").arg(cluster))
                  << ".\n";
    else
        ctx.out() << QStringLiteral("Acknowledged %1 recover%2 as %3.\n")
                         .arg(n)
                         .arg(n == 1 ? QLatin1String("y") : QLatin1String("ies"), store->actor());
    return ExitOk;
}

} // namespace

bool needsGuiApplication(const QStringList &arguments)
{
    // "audit export ... --format pdf" (or --format=pdf), wherever the global options are.
    const int audit = int(arguments.indexOf(QStringLiteral("audit")));
    if (audit < 0 || arguments.value(audit + 1) != QLatin1String("export"))
        return false;
    for (int i = audit + 2; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--format")
            && arguments.value(i + 1).toLower() == QLatin1String("pdf"))
            return true;
        if (arguments.at(i).toLower() == QLatin1String("--format=pdf"))
            return true;
    }
    return false;
}

QList<Command> auditCommands()
{
    return {
        { QStringLiteral("audit list"),
            QStringLiteral("[--cluster C] [--since T] [--until T] [--limit N]"),
            QStringLiteral(
                "audit entries, latest 100 unless --limit (0 = all); T: ISO-8601, date, or 24h/7d"),
            auditList },
        { QStringLiteral("audit export"),
            QStringLiteral("--format csv|json|html|pdf --out FILE [--cluster C] [--since T] "
                           "[--until T] [--title T]"),
            QStringLiteral("export the audit log as a report"), auditExport },
        { QStringLiteral("audit verify"), QString(),
            QStringLiteral(
                "check the audit log's hash chain (exit 1 and the first bad entry if altered)"),
            auditVerify },
        { QStringLiteral("recoveries"),
            QStringLiteral("[--cluster C] [--unacknowledged] [--steps] [--limit N]"),
            QStringLiteral("recoveries and their state"), recoveriesCommand },
        { QStringLiteral("ack"),
            QStringLiteral("(RECOVERY_ID | --cluster C | --all) --comment TEXT"),
            QStringLiteral("acknowledge recoveries (a comment is required)"), ackCommand },
    };
}

} // namespace Topograph::Cli
