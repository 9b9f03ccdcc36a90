#include "factsjson.h"

#include "text/safetext.h"

#include <QJsonArray>

namespace Topograph {

namespace {

QJsonValue optionalInt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QString dateText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject coordinatesToJson(const BinlogCoordinates &c)
{
    return QJsonObject{{QStringLiteral("file"), c.file}, {QStringLiteral("position"), double(c.position)}};
}

QJsonArray keysToJson(const QList<InstanceKey> &keys)
{
    QJsonArray a;
    for (const InstanceKey &k : keys)
        a.append(k.toString());
    return a;
}

Flavor flavorFromName(const QString &name)
{
    for (Flavor f : {Flavor::MySQL, Flavor::MariaDB, Flavor::Percona})
        if (flavorName(f).compare(name, Qt::CaseInsensitive) == 0)
            return f;
    return Flavor::Unknown;
}

ProbeError probeErrorFromName(const QString &name)
{
    for (ProbeError e : {ProbeError::None, ProbeError::Unreachable, ProbeError::Timeout,
                         ProbeError::AccessDenied, ProbeError::TooManyConnections, ProbeError::Tls,
                         ProbeError::NotMySql, ProbeError::ServerError})
        if (probeErrorName(e) == name)
            return e;
    return ProbeError::None;
}

// Reads fields of one JSON object with type checks; the first problem is kept for the caller.
class Reader
{
public:
    Reader(const QJsonObject &o, QString context, QString *error)
        : m_o(o), m_context(std::move(context)), m_error(error)
    {}
    bool ok() const { return m_ok; }
    void fail(const QString &field, const QString &why)
    {
        if (m_ok && m_error)
            *m_error = QStringLiteral("%1: field '%2' %3").arg(m_context, field, why);
        m_ok = false;
    }
    void str(const char *field, QString &out)
    {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            return fail(QLatin1String(field), QStringLiteral("must be a string"));
        out = v.toString();
    }
    template<typename T>
    void num(const char *field, T &out)
    {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isDouble())
            return fail(QLatin1String(field), QStringLiteral("must be a number"));
        out = T(v.toDouble());
    }
    void boolean(const char *field, bool &out)
    {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isBool())
            return fail(QLatin1String(field), QStringLiteral("must be true or false"));
        out = v.toBool();
    }
    void key(const char *field, InstanceKey &out)
    {
        QString text;
        str(field, text);
        if (text.isEmpty())
            return;
        QString why;
        const auto k = InstanceKey::parse(text, &why);
        if (!k)
            return fail(QLatin1String(field), QStringLiteral("is invalid: ") + why);
        out = *k;
    }
    void time(const char *field, QDateTime &out)
    {
        QString text;
        str(field, text);
        if (text.isEmpty())
            return;
        out = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!out.isValid())
            fail(QLatin1String(field), QStringLiteral("is not an ISO-8601 time"));
        out = out.toUTC();
    }
    void coords(const char *field, BinlogCoordinates &out)
    {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isObject())
            return fail(QLatin1String(field), QStringLiteral("must be {\"file\":..,\"position\":..}"));
        Reader r(v.toObject(), m_context + QLatin1Char('.') + QLatin1String(field), m_error);
        r.str("file", out.file);
        r.num("position", out.position);
        if (!r.ok())
            m_ok = false;
    }
    void keys(const char *field, QList<InstanceKey> &out)
    {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isArray())
            return fail(QLatin1String(field), QStringLiteral("must be an array of \"host:port\""));
        for (const QJsonValue &e : v.toArray()) {
            QString why;
            const auto k = InstanceKey::parse(e.toString(), &why);
            if (!k)
                return fail(QLatin1String(field), QStringLiteral("has an invalid entry: ") + why);
            out.append(*k);
        }
    }
    QJsonValue value(const char *field) const { return m_o.value(QLatin1String(field)); }

private:
    QJsonObject m_o;
    QString m_context;
    QString *m_error;
    bool m_ok = true;
};

QJsonObject channelToJson(const ReplicationChannel &c)
{
    return QJsonObject{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("source"), c.source.toString()},
        {QStringLiteral("sourceUser"), c.sourceUser},
        {QStringLiteral("ioThread"), threadStateName(c.ioThread)},
        {QStringLiteral("sqlThread"), threadStateName(c.sqlThread)},
        {QStringLiteral("ioState"), c.ioStateText},
        {QStringLiteral("lastIoErrno"), c.lastIoErrno},
        {QStringLiteral("lastIoError"), c.lastIoError},
        {QStringLiteral("lastSqlErrno"), c.lastSqlErrno},
        {QStringLiteral("lastSqlError"), c.lastSqlError},
        {QStringLiteral("secondsBehindMaster"), optionalInt(c.secondsBehindMaster)},
        {QStringLiteral("sqlDelay"), double(c.sqlDelay)},
        {QStringLiteral("usingGtid"), c.usingGtid},
        {QStringLiteral("autoPosition"), c.autoPosition},
        {QStringLiteral("gtidIoPos"), c.gtidIoPos},
        {QStringLiteral("retrievedGtidSet"), c.retrievedGtidSet},
        {QStringLiteral("executedGtidSet"), c.executedGtidSet},
        {QStringLiteral("readSourceLog"), coordinatesToJson(c.readSourceLog)},
        {QStringLiteral("execSourceLog"), coordinatesToJson(c.execSourceLog)},
        {QStringLiteral("relayLog"), coordinatesToJson(c.relayLog)},
        {QStringLiteral("sslAllowed"), c.sslAllowed},
    };
}

bool channelFromJson(const QJsonObject &o, const QString &context, QString *error, ReplicationChannel &c)
{
    Reader r(o, context, error);
    r.str("name", c.name);
    r.key("source", c.source);
    r.str("sourceUser", c.sourceUser);
    QString io, sql;
    r.str("ioThread", io);
    r.str("sqlThread", sql);
    c.ioThread = io.isEmpty() ? ThreadState::Running : threadStateFromText(io);
    c.sqlThread = sql.isEmpty() ? ThreadState::Running : threadStateFromText(sql);
    r.str("ioState", c.ioStateText);
    r.num("lastIoErrno", c.lastIoErrno);
    r.str("lastIoError", c.lastIoError);
    r.num("lastSqlErrno", c.lastSqlErrno);
    r.str("lastSqlError", c.lastSqlError);
    const QJsonValue sbm = r.value("secondsBehindMaster");
    if (sbm.isDouble())
        c.secondsBehindMaster = qint64(sbm.toDouble());
    else if (!sbm.isNull() && !sbm.isUndefined())
        r.fail(QStringLiteral("secondsBehindMaster"), QStringLiteral("must be a number or null"));
    r.num("sqlDelay", c.sqlDelay);
    r.str("usingGtid", c.usingGtid);
    r.boolean("autoPosition", c.autoPosition);
    r.str("gtidIoPos", c.gtidIoPos);
    r.str("retrievedGtidSet", c.retrievedGtidSet);
    r.str("executedGtidSet", c.executedGtidSet);
    r.coords("readSourceLog", c.readSourceLog);
    r.coords("execSourceLog", c.execSourceLog);
    r.coords("relayLog", c.relayLog);
    r.boolean("sslAllowed", c.sslAllowed);
    if (!c.source.isValid())
        r.fail(QStringLiteral("source"), QStringLiteral("is required (\"host:port\")"));
    return r.ok();
}

} // namespace

QJsonObject instanceFactsToJson(const InstanceFacts &f)
{
    QJsonArray channels;
    for (const ReplicationChannel &c : f.channels)
        channels.append(channelToJson(c));
    const SemiSyncState &s = f.semiSync;
    return QJsonObject{
        {QStringLiteral("key"), f.key.toString()},
        {QStringLiteral("reachable"), f.reachable},
        {QStringLiteral("lastError"), probeErrorName(f.lastError)},
        {QStringLiteral("lastErrorText"), f.lastErrorText},
        {QStringLiteral("lastChecked"), dateText(f.lastChecked)},
        {QStringLiteral("lastSeen"), dateText(f.lastSeen)},
        {QStringLiteral("probeMicros"), double(f.probeMicros)},
        {QStringLiteral("serverId"), double(f.serverId)},
        {QStringLiteral("serverUuid"), f.serverUuid},
        {QStringLiteral("gtidDomainId"), double(f.gtidDomainId)},
        {QStringLiteral("version"), f.version},
        {QStringLiteral("versionComment"), f.versionComment},
        {QStringLiteral("flavor"), flavorName(f.flavor)},
        {QStringLiteral("hostname"), f.hostname},
        {QStringLiteral("uptimeSeconds"), double(f.uptimeSeconds)},
        {QStringLiteral("readOnly"), f.readOnly},
        {QStringLiteral("superReadOnly"), f.superReadOnly},
        {QStringLiteral("logBin"), f.logBin},
        {QStringLiteral("logReplicaUpdates"), f.logReplicaUpdates},
        {QStringLiteral("binlogFormat"), f.binlogFormat},
        {QStringLiteral("slaveNetTimeout"), f.slaveNetTimeout},
        {QStringLiteral("binlog"), coordinatesToJson(f.binlog)},
        {QStringLiteral("gtidMode"), f.gtidMode},
        {QStringLiteral("gtidExecuted"), f.gtidExecuted},
        {QStringLiteral("gtidPurged"), f.gtidPurged},
        {QStringLiteral("gtidCurrentPos"), f.gtidCurrentPos},
        {QStringLiteral("gtidBinlogPos"), f.gtidBinlogPos},
        {QStringLiteral("gtidSlavePos"), f.gtidSlavePos},
        {QStringLiteral("gtidStrictMode"), f.gtidStrictMode},
        {QStringLiteral("channels"), channels},
        {QStringLiteral("semiSync"),
         QJsonObject{{QStringLiteral("sourcePluginLoaded"), s.sourcePluginLoaded},
                     {QStringLiteral("replicaPluginLoaded"), s.replicaPluginLoaded},
                     {QStringLiteral("sourceEnabled"), s.sourceEnabled},
                     {QStringLiteral("replicaEnabled"), s.replicaEnabled},
                     {QStringLiteral("sourceActive"), s.sourceActive},
                     {QStringLiteral("replicaActive"), s.replicaActive},
                     {QStringLiteral("sourceClients"), s.sourceClients},
                     {QStringLiteral("waitForReplicaCount"), s.waitForReplicaCount},
                     {QStringLiteral("timeoutMs"), double(s.timeoutMs)},
                     {QStringLiteral("waitSessions"), double(s.waitSessions)}}},
        {QStringLiteral("replicaKeys"), keysToJson(f.replicaKeys)},
        {QStringLiteral("replicaKeysFromProcesslist"), f.replicaKeysFromProcesslist},
        {QStringLiteral("rejectedReplicaNames"), QJsonArray::fromStringList(f.rejectedReplicaNames)},
    };
}

std::optional<InstanceFacts> instanceFactsFromJson(const QJsonObject &json, QString *error)
{
    InstanceFacts f;
    QString keyText = json.value(QLatin1String("key")).toString();
    Reader r(json, keyText.isEmpty() ? QStringLiteral("instance") : keyText, error);
    r.key("key", f.key);
    if (!f.key.isValid())
        r.fail(QStringLiteral("key"), QStringLiteral("is required (\"host:port\")"));
    f.reachable = true; // fixtures describe healthy servers unless they say otherwise
    r.boolean("reachable", f.reachable);
    QString err;
    r.str("lastError", err);
    f.lastError = probeErrorFromName(err);
    if (!f.reachable && err.isEmpty())
        f.lastError = ProbeError::Unreachable;
    r.str("lastErrorText", f.lastErrorText);
    r.time("lastChecked", f.lastChecked);
    r.time("lastSeen", f.lastSeen);
    r.num("probeMicros", f.probeMicros);
    r.num("serverId", f.serverId);
    r.str("serverUuid", f.serverUuid);
    r.num("gtidDomainId", f.gtidDomainId);
    r.str("version", f.version);
    r.str("versionComment", f.versionComment);
    QString flavor;
    r.str("flavor", flavor);
    f.flavor = flavorFromName(flavor);
    r.str("hostname", f.hostname);
    r.num("uptimeSeconds", f.uptimeSeconds);
    r.boolean("readOnly", f.readOnly);
    r.boolean("superReadOnly", f.superReadOnly);
    r.boolean("logBin", f.logBin);
    r.boolean("logReplicaUpdates", f.logReplicaUpdates);
    r.str("binlogFormat", f.binlogFormat);
    r.num("slaveNetTimeout", f.slaveNetTimeout);
    r.coords("binlog", f.binlog);
    r.str("gtidMode", f.gtidMode);
    r.str("gtidExecuted", f.gtidExecuted);
    r.str("gtidPurged", f.gtidPurged);
    r.str("gtidCurrentPos", f.gtidCurrentPos);
    r.str("gtidBinlogPos", f.gtidBinlogPos);
    r.str("gtidSlavePos", f.gtidSlavePos);
    r.boolean("gtidStrictMode", f.gtidStrictMode);
    r.keys("replicaKeys", f.replicaKeys);
    r.boolean("replicaKeysFromProcesslist", f.replicaKeysFromProcesslist);
    for (const QJsonValue &v : r.value("rejectedReplicaNames").toArray())
        f.rejectedReplicaNames << SafeText::line(v.toString());
    const QJsonValue channels = r.value("channels");
    if (channels.isArray()) {
        int i = 0;
        for (const QJsonValue &c : channels.toArray()) {
            ReplicationChannel ch;
            const QString ctx = QStringLiteral("%1.channels[%2]").arg(keyText).arg(i++);
            if (!c.isObject() || !channelFromJson(c.toObject(), ctx, error, ch))
                return std::nullopt;
            f.channels.append(ch);
        }
    } else if (!channels.isUndefined() && !channels.isNull()) {
        r.fail(QStringLiteral("channels"), QStringLiteral("must be an array"));
    }
    const QJsonValue semi = r.value("semiSync");
    if (semi.isObject()) {
        Reader s(semi.toObject(), keyText + QStringLiteral(".semiSync"), error);
        SemiSyncState &ss = f.semiSync;
        s.boolean("sourcePluginLoaded", ss.sourcePluginLoaded);
        s.boolean("replicaPluginLoaded", ss.replicaPluginLoaded);
        s.boolean("sourceEnabled", ss.sourceEnabled);
        s.boolean("replicaEnabled", ss.replicaEnabled);
        s.boolean("sourceActive", ss.sourceActive);
        s.boolean("replicaActive", ss.replicaActive);
        s.num("sourceClients", ss.sourceClients);
        s.num("waitForReplicaCount", ss.waitForReplicaCount);
        s.num("timeoutMs", ss.timeoutMs);
        s.num("waitSessions", ss.waitSessions);
        if (!s.ok())
            return std::nullopt;
    }
    if (!r.ok())
        return std::nullopt;
    return f;
}

QJsonObject snapshotToJson(const TopologySnapshot &snapshot)
{
    QJsonArray instances;
    for (const InstanceFacts &f : snapshot.instances())
        instances.append(instanceFactsToJson(f));
    QJsonObject aliases;
    QJsonArray clusters;
    for (const ClusterInfo &c : snapshot.clusters()) {
        if (!c.alias.isEmpty())
            aliases.insert(c.name, c.alias);
        clusters.append(QJsonObject{{QStringLiteral("name"), c.name},
                                    {QStringLiteral("alias"), c.alias},
                                    {QStringLiteral("master"), c.master.toString()},
                                    {QStringLiteral("coMasters"), keysToJson(c.coMasters)},
                                    {QStringLiteral("members"), keysToJson(c.members)}});
    }
    QJsonObject downtimes;
    QJsonArray maintenance;
    QJsonObject rules;
    for (const InstanceFacts &f : snapshot.instances()) {
        if (const auto d = snapshot.downtime(f.key))
            downtimes.insert(f.key.toString(), QJsonObject{{QStringLiteral("until"), dateText(d->until)},
                                                           {QStringLiteral("reason"), d->reason},
                                                           {QStringLiteral("owner"), d->owner}});
        if (snapshot.inMaintenance(f.key))
            maintenance.append(f.key.toString());
        if (snapshot.promotionRule(f.key) != PromotionRule::Neutral)
            rules.insert(f.key.toString(), promotionRuleName(snapshot.promotionRule(f.key)));
    }
    return QJsonObject{{QStringLiteral("sequence"), double(snapshot.sequence())},
                       {QStringLiteral("takenAt"), dateText(snapshot.takenAt())},
                       {QStringLiteral("instances"), instances},
                       {QStringLiteral("clusters"), clusters},
                       {QStringLiteral("aliases"), aliases},
                       {QStringLiteral("downtimes"), downtimes},
                       {QStringLiteral("maintenance"), maintenance},
                       {QStringLiteral("promotionRules"), rules}};
}

std::optional<TopologySnapshot::Input> snapshotInputFromJson(const QJsonObject &json, QString *error)
{
    TopologySnapshot::Input in;
    Reader r(json, QStringLiteral("snapshot"), error);
    r.time("takenAt", in.takenAt);
    r.num("sequence", in.sequence);
    const QJsonValue instances = r.value("instances");
    if (!instances.isArray()) {
        r.fail(QStringLiteral("instances"), QStringLiteral("must be an array"));
        return std::nullopt;
    }
    for (const QJsonValue &v : instances.toArray()) {
        const auto f = instanceFactsFromJson(v.toObject(), error);
        if (!f)
            return std::nullopt;
        in.instances.append(*f);
    }
    const QJsonObject aliases = r.value("aliases").toObject();
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        in.aliases.insert(it.key(), it.value().toString());
    auto parseKey = [&](const QString &text, const char *field) -> std::optional<InstanceKey> {
        QString why;
        const auto k = InstanceKey::parse(text, &why);
        if (!k)
            r.fail(QLatin1String(field), why);
        return k;
    };
    const QJsonObject downtimes = r.value("downtimes").toObject();
    for (auto it = downtimes.begin(); it != downtimes.end(); ++it) {
        const auto k = parseKey(it.key(), "downtimes");
        if (!k)
            return std::nullopt;
        Downtime d;
        Reader dr(it.value().toObject(), QStringLiteral("downtimes.") + it.key(), error);
        dr.time("until", d.until);
        dr.str("reason", d.reason);
        dr.str("owner", d.owner);
        if (!dr.ok())
            return std::nullopt;
        if (!d.until.isValid())
            d.until = QDateTime::currentDateTimeUtc().addYears(1);
        in.downtimes.insert(*k, d);
    }
    for (const QJsonValue &v : r.value("maintenance").toArray()) {
        const auto k = parseKey(v.toString(), "maintenance");
        if (!k)
            return std::nullopt;
        in.maintenance.insert(*k);
    }
    const QJsonObject rules = r.value("promotionRules").toObject();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const auto k = parseKey(it.key(), "promotionRules");
        const auto rule = promotionRuleFromName(it.value().toString());
        if (!k)
            return std::nullopt;
        if (!rule) {
            r.fail("promotionRules", QStringLiteral("has '%1' for %2; use prefer, neutral, prefer_not or must_not")
                                         .arg(it.value().toString(), it.key()));
            return std::nullopt;
        }
        in.promotionRules.insert(*k, *rule);
    }
    if (!r.ok())
        return std::nullopt;
    return in;
}

} // namespace Topograph
