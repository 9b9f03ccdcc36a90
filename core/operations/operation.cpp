#include "operation.h"

namespace Topograph {

namespace {
struct KindName
{
    OperationKind kind;
    const char *name;
};
constexpr KindName kindNames[] = {
    { OperationKind::Relocate, "relocate" },
    { OperationKind::MoveUp, "move-up" },
    { OperationKind::TakeSiblings, "take-siblings" },
    { OperationKind::Repoint, "repoint" },
    { OperationKind::MakeCoMaster, "make-co-master" },
    { OperationKind::GracefulTakeover, "graceful-takeover" },
    { OperationKind::Rejoin, "rejoin" },
    { OperationKind::StartReplica, "start-replica" },
    { OperationKind::StopReplica, "stop-replica" },
    { OperationKind::SetReadOnly, "set-read-only" },
    { OperationKind::SetWriteable, "set-writeable" },
    { OperationKind::DetachReplica, "detach-replica" },
    { OperationKind::ReattachReplica, "reattach-replica" },
    { OperationKind::BeginDowntime, "begin-downtime" },
    { OperationKind::EndDowntime, "end-downtime" },
    { OperationKind::BeginMaintenance, "begin-maintenance" },
    { OperationKind::EndMaintenance, "end-maintenance" },
    { OperationKind::Forget, "forget" },
    { OperationKind::SetAlias, "set-alias" },
};
} // namespace

QString operationKindName(OperationKind kind)
{
    for (const KindName &k : kindNames)
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    return QString();
}

std::optional<OperationKind> operationKindFromName(const QString &name)
{
    for (const KindName &k : kindNames)
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QString OperationPlan::toText() const
{
    QString t = ok ? summary : QStringLiteral("refused: ") + refusal;
    for (const QString &n : notes)
        t += QStringLiteral("\nnote: ") + n;
    if (!expectedWriteBlock.isEmpty())
        t += QStringLiteral("\nwrites: ") + expectedWriteBlock;
    int i = 0;
    for (const OperationStep &s : steps) {
        t += QStringLiteral("\n%1. %2").arg(++i).arg(s.name);
        if (s.server.isValid())
            t += QStringLiteral(" [%1]").arg(s.server.toString());
        for (const QString &sql : s.statements)
            t += QStringLiteral("\n     ") + sql;
    }
    return t;
}

bool OperationPlan::needsReplicationPassword() const
{
    const QLatin1String placeholder(replicationPasswordPlaceholder);
    for (const OperationStep &s : steps)
        for (const QString &sql : s.statements)
            if (sql.contains(placeholder))
                return true;
    return false;
}

} // namespace Topograph
