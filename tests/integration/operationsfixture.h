#pragma once

// What the topology-operation tests on real servers share: a sandbox with the writer's table, a
// store of their own, the fleet as the poller sees it, and an OperationExecutor run as a person.
#include "fleet.h"
#include "operations/operationexecutor.h"
#include "sandbox.h"
#include "store/recoverylog.h"
#include "store/store.h"
#include "writer.h"

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace Topograph::Test {

struct OperationsFixture
{
    std::unique_ptr<Sandbox> sb;
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    Policy policy;
    KnownFleet fleet{*sb};
    std::optional<QString> replicationPassword; // the sandbox's unless set

    explicit OperationsFixture(const QString &topology, Sandbox::Options options = {})
        : sb(std::make_unique<Sandbox>(topology, options))
    {
        QString error;
        store = Store::open(dir.filePath(QStringLiteral("t.sqlite")), &error);
        if (!store)
            qFatal("store: %s", qPrintable(error));
        store->setActor(QStringLiteral("dba@test"));
        if (sb->isUp())
            Writer::createTable(*sb, QStringLiteral("a"));
    }
    ConnectionOptions options(const InstanceKey &k) const { return connectionOptions(*sb, k); }
    InstanceKey key(const QString &node) const { return keyOf(*sb, node); }
    OperationRequest request(OperationKind kind, const QString &node, const QString &target = {}) const
    {
        OperationRequest r;
        r.kind = kind;
        r.instance = key(node);
        if (!target.isEmpty())
            r.target = key(target);
        r.replicationUser = QStringLiteral("repl");
        return r;
    }
    OperationOutcome run(const TopologySnapshot &snap, const OperationRequest &r, int waitSeconds = 10)
    {
        OperationExecutor ex(*store, policy, [this](const InstanceKey &k) { return options(k); });
        ex.setReplicationPassword(replicationPassword.value_or(sb->replicationPassword()));
        ex.setWaitTimeoutSeconds(waitSeconds);
        return ex.execute(snap, r);
    }
    // Replicating from source with both threads running (and, when given, in that GTID mode).
    bool replicatesFrom(const QString &node, const QString &source, int timeoutMs = 10000,
                        const QString &usingGtid = {})
    {
        return Sandbox::waitFor(
            [&] {
                const auto st = sb->slaveStatus(node);
                return st.value(QStringLiteral("Master_Port")) == QString::number(sb->port(source))
                    && st.value(QStringLiteral("Slave_IO_Running")) == QLatin1String("Yes")
                    && st.value(QStringLiteral("Slave_SQL_Running")) == QLatin1String("Yes")
                    && (usingGtid.isEmpty() || st.value(QStringLiteral("Using_Gtid")) == usingGtid);
            },
            timeoutMs);
    }
    qint64 rows(const QString &node, const QString &where = {})
    {
        return sb->sql(node, QStringLiteral("SELECT COUNT(*) FROM app.w ") + where).toLongLong();
    }
    std::optional<Recovery> record(qint64 id) { return RecoveryLog(*store).recovery(id); }
    // Each recorded step on a line: for a failure message.
    QString stepsText(qint64 id)
    {
        QString t;
        if (const auto r = record(id))
            for (const RecoveryStep &s : r->steps)
                t += QStringLiteral("%1 [%2] %3 {%4} -> %5: %6\n")
                         .arg(s.seq)
                         .arg(s.server, s.name, s.statement, stepOutcomeName(s.outcome), s.output);
        return t;
    }
};

} // namespace Topograph::Test
