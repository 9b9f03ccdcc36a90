#include "policy.h"

#include "filters.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Topograph {

namespace {

const char kAutoFailover[] = "AutoFailover";
const char kMasterFilters[] = "RecoverMasterClusterFilters";
const char kIntermediateFilters[] = "RecoverIntermediateMasterClusterFilters";
const char kIgnoreHosts[] = "PromotionIgnoreHostnameFilters";
const char kBlockSeconds[] = "RecoveryPeriodBlockSeconds";
const char kLag[] = "ReasonableReplicationLagSeconds";
const char kMaintenanceLag[] = "ReasonableMaintenanceReplicationLagSeconds";
const char kPromotionLag[] = "FailMasterPromotionOnLagSeconds";
const char kPoll[] = "InstancePollSeconds";
const char kHookTimeout[] = "HookTimeoutSeconds";

struct IntKey
{
    const char *name;
    int Policy::*field;
    int min;
    int max;
};
const IntKey intKeys[] = {
    {kBlockSeconds, &Policy::recoveryPeriodBlockSeconds, 0, 30 * 86400},
    {kLag, &Policy::reasonableReplicationLagSeconds, 1, 86400},
    {kMaintenanceLag, &Policy::reasonableMaintenanceReplicationLagSeconds, 0, 86400},
    {kPromotionLag, &Policy::failMasterPromotionOnLagSeconds, 0, 86400},
    {kPoll, &Policy::instancePollSeconds, 1, 3600},
    {kHookTimeout, &Policy::hookTimeoutSeconds, 1, 3600},
};

struct ListKey
{
    const char *name;
    QStringList Policy::*field;
};
const ListKey listKeys[] = {
    {kMasterFilters, &Policy::recoverMasterClusterFilters},
    {kIntermediateFilters, &Policy::recoverIntermediateMasterClusterFilters},
    {kIgnoreHosts, &Policy::promotionIgnoreHostnameFilters},
};

std::optional<bool> parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("on") || t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("off") || t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    return std::nullopt;
}

// A JSON array of strings, or comma-separated text. An empty text is an empty list.
std::optional<QStringList> parseList(const QString &text, QString *why)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('['))) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isArray()) {
            *why = QStringLiteral("is not a valid JSON array (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset);
            return std::nullopt;
        }
        QStringList out;
        for (const QJsonValue &v : doc.array()) {
            if (!v.isString()) {
                *why = QStringLiteral("must be an array of strings");
                return std::nullopt;
            }
            out << v.toString();
        }
        return out;
    }
    QStringList out;
    for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

QString listToJsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

bool validateList(const char *key, const QStringList &list, QString *error)
{
    ClusterFilter::Error fe;
    const bool ok = qstrcmp(key, kIgnoreHosts) == 0 ? HostnameFilter::parse(list, &fe).has_value()
                                                    : ClusterFilter::parse(list, &fe).has_value();
    if (!ok && error)
        *error = QStringLiteral("%1: %2").arg(QLatin1String(key), fe.message);
    return ok;
}

std::optional<QList<QStringList>> parseHookCommands(const QJsonValue &value, QString *why)
{
    if (!value.isArray()) {
        *why = QStringLiteral("must be a JSON array of commands, each an array of arguments, e.g. "
                              "[[\"/usr/local/bin/notify\", \"--failover\"]]");
        return std::nullopt;
    }
    QList<QStringList> commands;
    for (const QJsonValue &c : value.toArray()) {
        if (!c.isArray() || c.toArray().isEmpty()) {
            *why = QStringLiteral("each command must be a non-empty array of arguments (no shell is used)");
            return std::nullopt;
        }
        QStringList argv;
        for (const QJsonValue &a : c.toArray()) {
            if (!a.isString()) {
                *why = QStringLiteral("arguments must be strings");
                return std::nullopt;
            }
            argv << a.toString();
        }
        if (argv.first().trimmed().isEmpty()) {
            *why = QStringLiteral("a command's program is empty");
            return std::nullopt;
        }
        commands << argv;
    }
    return commands;
}

QJsonArray hookCommandsToJson(const QList<QStringList> &commands)
{
    QJsonArray a;
    for (const QStringList &argv : commands)
        a.append(QJsonArray::fromStringList(argv));
    return a;
}

std::optional<HookPoint> hookPointFromKey(const QString &key)
{
    for (HookPoint p : allHookPoints())
        if (key.compare(hookPointName(p) + QStringLiteral("Processes"), Qt::CaseInsensitive) == 0
            || key.compare(hookPointName(p), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

} // namespace

QString hookPointName(HookPoint p)
{
    switch (p) {
    case HookPoint::OnFailureDetection: return QStringLiteral("OnFailureDetection");
    case HookPoint::PreFailover: return QStringLiteral("PreFailover");
    case HookPoint::PostMasterFailover: return QStringLiteral("PostMasterFailover");
    case HookPoint::PostIntermediateMasterFailover: return QStringLiteral("PostIntermediateMasterFailover");
    case HookPoint::PostFailover: return QStringLiteral("PostFailover");
    case HookPoint::PostUnsuccessfulFailover: return QStringLiteral("PostUnsuccessfulFailover");
    case HookPoint::PreGracefulTakeover: return QStringLiteral("PreGracefulTakeover");
    case HookPoint::PostGracefulTakeover: return QStringLiteral("PostGracefulTakeover");
    }
    return {};
}

QList<HookPoint> allHookPoints()
{
    return {HookPoint::OnFailureDetection, HookPoint::PreFailover, HookPoint::PostMasterFailover,
            HookPoint::PostIntermediateMasterFailover, HookPoint::PostFailover,
            HookPoint::PostUnsuccessfulFailover, HookPoint::PreGracefulTakeover,
            HookPoint::PostGracefulTakeover};
}

QStringList Policy::keys()
{
    QStringList k{QLatin1String(kAutoFailover)};
    for (const ListKey &l : listKeys)
        k << QLatin1String(l.name);
    for (const IntKey &i : intKeys)
        k << QLatin1String(i.name);
    for (HookPoint p : allHookPoints())
        k << hookPointName(p) + QStringLiteral("Processes");
    return k;
}

bool Policy::set(const QString &key, const QString &text, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (key.compare(QLatin1String(kAutoFailover), Qt::CaseInsensitive) == 0) {
        const auto b = parseBool(text);
        if (!b)
            return fail(QStringLiteral("AutoFailover must be on or off, not '%1'").arg(text));
        autoFailover = *b;
        return true;
    }
    for (const ListKey &l : listKeys) {
        if (key.compare(QLatin1String(l.name), Qt::CaseInsensitive) != 0)
            continue;
        QString why;
        const auto list = parseList(text, &why);
        if (!list)
            return fail(QStringLiteral("%1 %2").arg(QLatin1String(l.name), why));
        if (!validateList(l.name, *list, error))
            return false;
        this->*(l.field) = *list;
        return true;
    }
    for (const IntKey &i : intKeys) {
        if (key.compare(QLatin1String(i.name), Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const int v = text.trimmed().toInt(&ok);
        if (!ok || v < i.min || v > i.max)
            return fail(QStringLiteral("%1 must be a whole number of seconds from %2 to %3, not '%4'")
                            .arg(QLatin1String(i.name))
                            .arg(i.min)
                            .arg(i.max)
                            .arg(text));
        this->*(i.field) = v;
        return true;
    }
    if (const auto hook = hookPointFromKey(key)) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(text.trimmed().toUtf8(), &pe);
        QString why = QStringLiteral("is not valid JSON (%1)").arg(pe.errorString());
        const auto commands = pe.error == QJsonParseError::NoError ? parseHookCommands(doc.array(), &why)
                                                                   : std::nullopt;
        if (!commands || !doc.isArray())
            return fail(QStringLiteral("%1Processes %2").arg(hookPointName(*hook), why));
        if (commands->isEmpty())
            hooks.remove(*hook);
        else
            hooks.insert(*hook, *commands);
        return true;
    }
    return fail(QStringLiteral("unknown policy key '%1'; known keys: %2").arg(key, keys().join(QStringLiteral(", "))));
}

QString Policy::value(const QString &key) const
{
    if (key.compare(QLatin1String(kAutoFailover), Qt::CaseInsensitive) == 0)
        return autoFailover ? QStringLiteral("on") : QStringLiteral("off");
    for (const ListKey &l : listKeys)
        if (key.compare(QLatin1String(l.name), Qt::CaseInsensitive) == 0)
            return listToJsonText(this->*(l.field));
    for (const IntKey &i : intKeys)
        if (key.compare(QLatin1String(i.name), Qt::CaseInsensitive) == 0)
            return QString::number(this->*(i.field));
    if (const auto hook = hookPointFromKey(key))
        return QString::fromUtf8(QJsonDocument(hookCommandsToJson(hooks.value(*hook))).toJson(QJsonDocument::Compact));
    return {};
}

QJsonObject Policy::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String(kAutoFailover), autoFailover);
    for (const ListKey &l : listKeys)
        o.insert(QLatin1String(l.name), QJsonArray::fromStringList(this->*(l.field)));
    for (const IntKey &i : intKeys)
        o.insert(QLatin1String(i.name), this->*(i.field));
    QJsonObject h;
    for (auto it = hooks.cbegin(); it != hooks.cend(); ++it)
        h.insert(hookPointName(it.key()), hookCommandsToJson(it.value()));
    o.insert(QStringLiteral("Hooks"), h);
    return o;
}

std::optional<Policy> Policy::fromJson(const QJsonObject &json, QString *error)
{
    Policy p;
    auto fail = [&](const QString &why) -> std::optional<Policy> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("Hooks")) {
            if (!v.isObject())
                return fail(QStringLiteral("Hooks must be an object: {\"PreFailover\": [[\"/path/to/program\", \"arg\"]]}"));
            const QJsonObject h = v.toObject();
            for (auto hi = h.begin(); hi != h.end(); ++hi) {
                const auto point = hookPointFromKey(hi.key());
                if (!point)
                    return fail(QStringLiteral("Hooks: unknown hook '%1'").arg(hi.key()));
                QString why;
                const auto commands = parseHookCommands(hi.value(), &why);
                if (!commands)
                    return fail(QStringLiteral("Hooks.%1 %2").arg(hi.key(), why));
                if (!commands->isEmpty())
                    p.hooks.insert(*point, *commands);
            }
            continue;
        }
        QString text;
        if (v.isBool())
            text = v.toBool() ? QStringLiteral("on") : QStringLiteral("off");
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 12);
        else if (v.isArray())
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else if (v.isString())
            text = v.toString();
        else
            return fail(QStringLiteral("%1 has a value of the wrong type").arg(key));
        QString why;
        if (!p.set(key, text, &why))
            return fail(why);
    }
    return p;
}

bool Policy::validate(QString *error) const
{
    for (const ListKey &l : listKeys)
        if (!validateList(l.name, this->*(l.field), error))
            return false;
    for (const IntKey &i : intKeys) {
        const int v = this->*(i.field);
        if (v < i.min || v > i.max) {
            if (error)
                *error = QStringLiteral("%1 is %2, outside %3-%4").arg(QLatin1String(i.name)).arg(v).arg(i.min).arg(i.max);
            return false;
        }
    }
    return true;
}

} // namespace Topograph
