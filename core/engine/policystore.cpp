#include "policystore.h"

#include "store/store.h"

namespace Topograph {

std::optional<Policy> loadPolicy(const Store &store, QString *error)
{
    const QHash<QString, QJsonValue> stored = store.policy(error);
    QJsonObject json;
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        json.insert(it.key(), it.value());
    QString why;
    auto policy = Policy::fromJson(json, &why);
    if (!policy && error)
        *error = QStringLiteral("the failover policy in %1 is invalid: %2 (fix it with topograph-cli policy set)")
                     .arg(store.path(), why);
    return policy;
}

bool savePolicy(Store &store, const Policy &policy, const QString &comment, QString *error)
{
    const QHash<QString, QJsonValue> stored = store.policy(error);
    const QJsonObject json = policy.toJson();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (stored.value(it.key()) == it.value())
            continue;
        if (!store.setPolicyValue(it.key(), it.value(), comment, error))
            return false;
    }
    return true;
}

} // namespace Topograph
