#include "recoveryexecutor.h"
#include "recoveryexecutor_p.h"

#include "mysql/connection.h"
#include "sqldialect.h"

namespace Topograph {

bool RecoveryExecutor::fenceLiveMasterFirst(Context &c, const InstanceFacts &oldMaster, const InstanceFacts &candidate,
                                            RecoveryOutcome &out)
{
    // A master that answers would keep taking writes while its replicas move away: those writes
    // would exist only on it. read_only first, then its last position is what the candidate must
    // reach before anything moves. Accounts with READ_ONLY ADMIN / SUPER can still write; the
    // PreFailover hooks (already run) are where a site fences those (kill connections, VIP).
    const SqlDialect master(oldMaster);
    QString lastPosition;
    bool answered = false;
    const bool fenced = step(c, QStringLiteral("set read_only on the live master %1").arg(oldMaster.key.toString()),
                             oldMaster.key, master.setReadOnly().join(QStringLiteral("; ")), [&](QString &output) {
        auto conn = connect(oldMaster.key, 5000);
        if (!conn->open()) {
            // The reason a person forces a failover is often a master that hangs: go on as for a
            // dead one, and say so.
            output = QStringLiteral("did not answer (%1): going on as for a dead master").arg(conn->lastError().message);
            return true;
        }
        for (const QString &sql : master.setReadOnly())
            if (!conn->execute(sql)) {
                output = conn->lastError().message;
                return false;
            }
        const auto pos = conn->query(master.executedPositionQuery());
        if (!pos || pos->rows().isEmpty()) {
            output = QStringLiteral("read_only=1 set, but its position could not be read: %1").arg(conn->lastError().message);
            return false;
        }
        lastPosition = pos->first().text(QStringLiteral("pos"));
        answered = true;
        output = QStringLiteral("read_only=1 set; last position %1").arg(lastPosition);
        return true;
    });
    auto unfence = [&] {
        step(c, QStringLiteral("undo: make %1 writable again").arg(oldMaster.key.toString()), oldMaster.key,
             master.setWritable().join(QStringLiteral("; ")), [&](QString &output) {
            auto conn = connect(oldMaster.key, 5000);
            if (!conn->open()) {
                output = conn->lastError().message;
                return false;
            }
            for (const QString &sql : master.setWritable())
                if (!conn->execute(sql)) {
                    output = conn->lastError().message;
                    return false;
                }
            output = QStringLiteral("read_only=0 again: nothing was moved");
            return true;
        });
    };
    if (!fenced) {
        out.message = QStringLiteral("could not make the live master %1 read_only: nothing was moved").arg(oldMaster.key.toString());
        unfence();
        return false;
    }
    if (!answered || lastPosition.trimmed().isEmpty())
        return true;

    const SqlDialect d(candidate);
    const bool reached = step(c, QStringLiteral("wait until %1 has the master's last position").arg(candidate.key.toString()),
                              candidate.key, d.waitForPosition(lastPosition, m_applyTimeoutSeconds), [&](QString &output) {
        auto conn = connect(candidate.key, m_applyTimeoutSeconds * 1000 + 5000);
        const auto r = conn->open() ? conn->query(d.waitForPosition(lastPosition, m_applyTimeoutSeconds)) : std::nullopt;
        if (!r || r->rows().isEmpty() || !d.waitSucceeded(r->first().integer(QStringLiteral("result")).value_or(-1))) {
            output = r ? QStringLiteral("did not reach %1 within %2 s").arg(lastPosition).arg(m_applyTimeoutSeconds)
                       : conn->lastError().message;
            return false;
        }
        output = QStringLiteral("reached %1").arg(lastPosition);
        return true;
    });
    if (!reached) {
        out.message = QStringLiteral("%1 did not reach the master's last position %2: nothing was moved, the master is writable again")
                          .arg(candidate.key.toString(), lastPosition);
        unfence();
        return false;
    }
    return true;
}

} // namespace Topograph
