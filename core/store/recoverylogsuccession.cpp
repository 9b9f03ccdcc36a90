#include "recoverylog.h"

#include "store.h"

#include <QSqlQuery>

// Who replaced whom: what the analysis (FormerMasterReturned) and the recovery executor (never a
// second successor for one failed master) learn from the recorded recoveries.
namespace Topograph {

QHash<InstanceKey, InstanceKey> RecoveryLog::replacedMasters(QString *error) const
{
    QHash<InstanceKey, InstanceKey> replaced;
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT failed_instance, successor FROM recoveries WHERE state = 'succeeded'"
                             " AND successor <> '' AND failed_instance <> '' ORDER BY id"));
    if (!m_store.exec(q, error))
        return replaced;
    while (q.next()) {
        const auto failed = InstanceKey::parse(q.value(0).toString());
        const auto successor = InstanceKey::parse(q.value(1).toString());
        if (failed && successor)
            replaced.insert(*failed, *successor); // a later recovery wins
    }
    return replaced;
}

QList<RecoveryLog::Succession> RecoveryLog::successorsNamed(const InstanceKey &failed, QString *error) const
{
    QList<Succession> named;
    // A successor counts as soon as its promotion began: an interrupted recovery may have made it
    // writable without recording the outcome. The caller checks the live server.
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT r.id, r.state, r.successor, s.server FROM recoveries r"
        " LEFT JOIN recovery_steps s ON s.recovery_id = r.id AND s.name LIKE 'promote %'"
        "  AND s.outcome IN ('running', 'ok', 'interrupted')"
        " WHERE r.failed_instance = ? ORDER BY r.id DESC, s.seq DESC"));
    q.addBindValue(failed.toString());
    if (!m_store.exec(q, error))
        return named;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const RecoveryState state = recoveryStateFromName(q.value(1).toString());
        for (const int column : {2, 3}) {
            const auto key = InstanceKey::parse(q.value(column).toString());
            if (!key || *key == failed)
                continue;
            const bool known = std::any_of(named.cbegin(), named.cend(), [&](const Succession &s) {
                return s.recoveryId == id && s.successor == *key;
            });
            if (!known)
                named.append({id, state, *key});
        }
    }
    return named;
}

} // namespace Topograph
