#pragma once

// Store helpers shared by the failover-settings GUI tests.
#include "store/auditlog.h"
#include "store/store.h"

#include <memory>

namespace Topograph::Test {

// The test's store, acting as actor when one is given; nullptr (with a warning) when it cannot open.
inline std::unique_ptr<Store> openTestStore(const QString &path, const QString &actor = {})
{
    QString error;
    auto store = Store::open(path, &error);
    if (!store)
        qWarning("store %s: %s", qPrintable(path), qPrintable(error));
    else if (!actor.isEmpty())
        store->setActor(actor);
    return store;
}

// The audit entries that changed one policy key, oldest first.
inline QList<AuditEntry> policyAudit(Store &store, const QString &key)
{
    QList<AuditEntry> out;
    for (const AuditEntry &e : AuditLog(store).entries(AuditFilter{}))
        if (e.action == QLatin1String("set-policy") && e.details.value(QStringLiteral("key")).toString() == key)
            out << e;
    return out;
}

} // namespace Topograph::Test
