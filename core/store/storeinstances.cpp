// Store: what Topograph keeps per instance and per cluster (known instances, aliases, downtime,
// maintenance, promotion rules).

#include "store.h"

#include <QJsonDocument>

#include <QSqlError>
#include <QSqlQuery>

namespace Topograph {

namespace {

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

QVariant nullableText(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

bool Store::upsertKnownInstance(const KnownInstance &instance, QString *error)
{
    if (!instance.key.isValid()) {
        setError(error,
            QStringLiteral("cannot remember instance '%1': not a valid host:port")
                .arg(instance.key.toString()));
        return false;
    }
    return write(
        [&](QString *err) {
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("INSERT INTO known_instances(host, port, cluster, first_seen, "
                               "last_seen, last_checked, last_error, last_facts) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT(host, port) DO UPDATE SET cluster = excluded.cluster, "
                               "last_seen = COALESCE(excluded.last_seen, last_seen), "
                               "last_checked = COALESCE(excluded.last_checked, last_checked), "
                               "last_error = excluded.last_error, "
                               "last_facts = COALESCE(excluded.last_facts, last_facts)"));
            const QDateTime first = instance.firstSeen.isValid() ? instance.firstSeen
                                                                 : QDateTime::currentDateTimeUtc();
            q.addBindValue(instance.key.host());
            q.addBindValue(instance.key.port());
            q.addBindValue(text(instance.clusterName));
            q.addBindValue(toDb(first));
            q.addBindValue(nullableText(toDb(instance.lastSeen)));
            q.addBindValue(nullableText(toDb(instance.lastChecked)));
            q.addBindValue(text(instance.lastError));
            q.addBindValue(instance.lastFacts.isEmpty()
                               ? QVariant(QMetaType::fromType<QString>())
                               : QVariant(QString::fromUtf8(QJsonDocument(instance.lastFacts).toJson(QJsonDocument::Compact))));
            return exec(q, err);
        },
        error);
}

QList<Store::KnownInstance> Store::knownInstances(QString *error) const
{
    QList<KnownInstance> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT host, port, cluster, first_seen, last_seen, last_checked, last_error, last_facts "
        "FROM known_instances ORDER BY host, port"));
    if (!exec(q, error))
        return result;
    while (q.next()) {
        KnownInstance k;
        k.key = InstanceKey(q.value(0).toString(), q.value(1).toInt());
        k.clusterName = q.value(2).toString();
        k.firstSeen = fromDb(q.value(3));
        k.lastSeen = fromDb(q.value(4));
        k.lastChecked = fromDb(q.value(5));
        k.lastError = q.value(6).toString();
        if (!q.value(7).isNull())
            k.lastFacts = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        result << k;
    }
    return result;
}

bool Store::forgetInstance(const InstanceKey &key, QString *error)
{
    return write(
        [&](QString *err) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("DELETE FROM known_instances WHERE host = ? AND port = ?"));
            q.addBindValue(key.host());
            q.addBindValue(key.port());
            if (!exec(q, err))
                return false;
            if (q.numRowsAffected() == 0) {
                setError(err,
                    QStringLiteral("%1 is not a known instance in the store %2; nothing to forget.")
                        .arg(key.toString(), m_path));
                return false;
            }
            return auditInTransaction({}, key.toString(), QStringLiteral("forget-instance"),
                QStringLiteral("Forgot instance %1.").arg(key.toString()), {}, err);
        },
        error);
}

bool Store::setClusterAlias(const QString &cluster, const QString &alias, QString *error)
{
    const QString newAlias = alias.trimmed();
    if (cluster.trimmed().isEmpty()) {
        setError(error, QStringLiteral("no cluster given for the alias '%1'").arg(alias));
        return false;
    }
    return write(
        [&](QString *err) {
            if (!newAlias.isEmpty()) {
                QSqlQuery c(m_db);
                c.prepare(
                    QStringLiteral("SELECT name FROM clusters WHERE alias = ? AND name <> ?"));
                c.addBindValue(newAlias);
                c.addBindValue(cluster);
                if (!exec(c, err))
                    return false;
                if (c.next()) {
                    setError(err,
                        QStringLiteral(
                            "the alias '%1' already names cluster %2; choose another alias or "
                            "remove it from %2 first.")
                            .arg(newAlias, c.value(0).toString()));
                    return false;
                }
            }
            QSqlQuery old(m_db);
            old.prepare(QStringLiteral("SELECT alias FROM clusters WHERE name = ?"));
            old.addBindValue(cluster);
            if (!exec(old, err))
                return false;
            const QString oldAlias = old.next() ? old.value(0).toString() : QString();
            old.finish();
            if (oldAlias == newAlias)
                return true;
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("INSERT INTO clusters(name, alias, updated_at) VALUES (?, ?, ?) "
                               "ON CONFLICT(name) DO UPDATE SET alias = excluded.alias, "
                               "updated_at = excluded.updated_at"));
            q.addBindValue(cluster);
            q.addBindValue(
                newAlias.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(newAlias));
            q.addBindValue(toDb(QDateTime::currentDateTimeUtc()));
            if (!exec(q, err))
                return false;
            const QString sentence = newAlias.isEmpty()
                ? QStringLiteral("Removed the alias '%1' of cluster %2.").arg(oldAlias, cluster)
                : QStringLiteral("Cluster %1 is now called '%2'.").arg(cluster, newAlias);
            return auditInTransaction(cluster, {}, QStringLiteral("set-alias"), sentence,
                { { QStringLiteral("old"), oldAlias }, { QStringLiteral("new"), newAlias } }, err);
        },
        error);
}

QHash<QString, QString> Store::clusterAliases() const
{
    QHash<QString, QString> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, alias FROM clusters WHERE alias IS NOT NULL"));
    if (exec(q, nullptr))
        while (q.next())
            result.insert(q.value(0).toString(), q.value(1).toString());
    return result;
}

bool Store::beginDowntime(const InstanceKey &key, const Downtime &downtime, QString *error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!downtime.until.isValid() || downtime.until <= now) {
        setError(
            error, QStringLiteral("the downtime of %1 must end in the future").arg(key.toString()));
        return false;
    }
    const QString owner = downtime.owner.isEmpty() ? m_actor : downtime.owner;
    return write(
        [&](QString *err) {
            // A new window replaces an open one: one active downtime per instance.
            QSqlQuery end(m_db);
            end.prepare(QStringLiteral("UPDATE downtimes SET ended_at = ?, ended_by = ? "
                                       "WHERE host = ? AND port = ? AND ended_at IS NULL"));
            end.addBindValue(toDb(now));
            end.addBindValue(owner);
            end.addBindValue(key.host());
            end.addBindValue(key.port());
            if (!exec(end, err))
                return false;
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("INSERT INTO downtimes(host, port, begun_at, until, reason, owner) "
                               "VALUES (?, ?, ?, ?, ?, ?)"));
            q.addBindValue(key.host());
            q.addBindValue(key.port());
            q.addBindValue(toDb(now));
            q.addBindValue(toDb(downtime.until));
            q.addBindValue(text(downtime.reason));
            q.addBindValue(owner);
            if (!exec(q, err))
                return false;
            return auditInTransaction({}, key.toString(), QStringLiteral("begin-downtime"),
                QStringLiteral("Downtime of %1 until %2: %3")
                    .arg(key.toString(), toDb(downtime.until), downtime.reason),
                { { QStringLiteral("until"), toDb(downtime.until) },
                    { QStringLiteral("reason"), downtime.reason },
                    { QStringLiteral("owner"), owner } },
                err);
        },
        error);
}

bool Store::endDowntime(const InstanceKey &key, QString *error)
{
    return write(
        [&](QString *err) {
            const QString now = toDb(QDateTime::currentDateTimeUtc());
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("UPDATE downtimes SET ended_at = ?, ended_by = ? "
                               "WHERE host = ? AND port = ? AND ended_at IS NULL AND until > ?"));
            q.addBindValue(now);
            q.addBindValue(m_actor);
            q.addBindValue(key.host());
            q.addBindValue(key.port());
            q.addBindValue(now);
            if (!exec(q, err))
                return false;
            if (q.numRowsAffected() == 0) {
                setError(err,
                    QStringLiteral("%1 is not downtimed; nothing to end.").arg(key.toString()));
                return false;
            }
            return auditInTransaction({}, key.toString(), QStringLiteral("end-downtime"),
                QStringLiteral("Ended the downtime of %1.").arg(key.toString()), {}, err);
        },
        error);
}

QHash<InstanceKey, Downtime> Store::activeDowntimes(const QDateTime &nowUtc) const
{
    QHash<InstanceKey, Downtime> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT host, port, until, reason, owner FROM downtimes "
                             "WHERE ended_at IS NULL AND until > ? ORDER BY begun_at, id"));
    q.addBindValue(toDb(nowUtc));
    if (exec(q, nullptr)) {
        while (q.next()) {
            Downtime d;
            d.until = fromDb(q.value(2));
            d.reason = q.value(3).toString();
            d.owner = q.value(4).toString();
            result.insert(InstanceKey(q.value(0).toString(), q.value(1).toInt()), d);
        }
    }
    return result;
}

bool Store::setMaintenance(const InstanceKey &key, bool on, const QString &reason, QString *error)
{
    return write(
        [&](QString *err) {
            const QString now = toDb(QDateTime::currentDateTimeUtc());
            QSqlQuery q(m_db);
            if (on) {
                q.prepare(
                    QStringLiteral("INSERT INTO maintenance(host, port, begun_at, reason, owner) "
                                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
                q.addBindValue(key.host());
                q.addBindValue(key.port());
                q.addBindValue(now);
                q.addBindValue(text(reason));
                q.addBindValue(m_actor);
            } else {
                q.prepare(QStringLiteral("UPDATE maintenance SET ended_at = ?, ended_by = ? "
                                         "WHERE host = ? AND port = ? AND ended_at IS NULL"));
                q.addBindValue(now);
                q.addBindValue(m_actor);
                q.addBindValue(key.host());
                q.addBindValue(key.port());
            }
            if (!exec(q, err))
                return false;
            if (q.numRowsAffected() == 0) {
                if (on)
                    return true; // already in maintenance
                setError(err,
                    QStringLiteral("%1 is not in maintenance; nothing to end.")
                        .arg(key.toString()));
                return false;
            }
            return auditInTransaction({}, key.toString(),
                on ? QStringLiteral("begin-maintenance") : QStringLiteral("end-maintenance"),
                on ? QStringLiteral("%1 in maintenance: %2").arg(key.toString(), reason)
                   : QStringLiteral("%1 out of maintenance.").arg(key.toString()),
                { { QStringLiteral("reason"), reason } }, err);
        },
        error);
}

QSet<InstanceKey> Store::maintenance() const
{
    QSet<InstanceKey> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT host, port FROM maintenance WHERE ended_at IS NULL"));
    if (exec(q, nullptr))
        while (q.next())
            result.insert(InstanceKey(q.value(0).toString(), q.value(1).toInt()));
    return result;
}

bool Store::setPromotionRule(const InstanceKey &key, PromotionRule rule, QString *error)
{
    return write(
        [&](QString *err) {
            QSqlQuery old(m_db);
            old.prepare(
                QStringLiteral("SELECT rule FROM promotion_rules WHERE host = ? AND port = ?"));
            old.addBindValue(key.host());
            old.addBindValue(key.port());
            if (!exec(old, err))
                return false;
            const QString oldRule
                = old.next() ? old.value(0).toString() : QStringLiteral("neutral");
            old.finish();
            const QString newRule = promotionRuleName(rule);
            if (oldRule == newRule)
                return true;
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral(
                "INSERT INTO promotion_rules(host, port, rule, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(host, port) DO UPDATE SET "
                "rule = excluded.rule, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by"));
            q.addBindValue(key.host());
            q.addBindValue(key.port());
            q.addBindValue(newRule);
            q.addBindValue(toDb(QDateTime::currentDateTimeUtc()));
            q.addBindValue(m_actor);
            if (!exec(q, err))
                return false;
            return auditInTransaction({}, key.toString(), QStringLiteral("set-promotion-rule"),
                QStringLiteral("Promotion rule of %1: %2 (was %3).")
                    .arg(key.toString(), newRule, oldRule),
                { { QStringLiteral("old"), oldRule }, { QStringLiteral("new"), newRule } }, err);
        },
        error);
}

QHash<InstanceKey, PromotionRule> Store::promotionRules() const
{
    QHash<InstanceKey, PromotionRule> result;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT host, port, rule FROM promotion_rules"));
    if (exec(q, nullptr))
        while (q.next())
            if (const auto r = promotionRuleFromName(q.value(2).toString()))
                result.insert(InstanceKey(q.value(0).toString(), q.value(1).toInt()), *r);
    return result;
}

} // namespace Topograph
