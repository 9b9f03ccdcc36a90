#pragma once

#include "credentials/credentialstore.h"
#include "discovery/instancesession.h"
#include "operations/operationexecutor.h"
#include "store/recoverylog.h"

#include <QObject>

namespace Topograph::Gui {

// Runs one topology operation off the GUI thread: a worker thread opens its own Store (SQLite
// connections belong to their thread) and calls OperationExecutor::execute; the outcome and the
// recorded steps come back queued. The GUI never waits on a server.
class OperationRunner : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        QString storePath;
        Policy policy;
        ConnectionOptionsProvider connectionOptions;
        QString replicationPassword; // for a server that gets its first channel
        // When replicationPassword is empty and the plan needs one: asked on the worker thread
        // (it may wait for the keychain) with the operation's instance.
        std::function<CredentialResult(const InstanceKey &)> resolveReplicationPassword;
    };
    explicit OperationRunner(QObject *parent = nullptr);
    ~OperationRunner() override;

    // False (and nothing runs) while another operation from this window runs.
    bool run(const Context &context, TopologySnapshotPtr snapshot, const OperationRequest &request);
    bool isRunning() const { return m_running; }

signals:
    // Live, as each step starts and ends (StepOutcome as int), before finished().
    void progress(const QString &step, int outcome);
    void finished(const Topograph::OperationOutcome &outcome, const QList<Topograph::RecoveryStep> &steps);

private:
    bool m_running = false;
    QList<QThread *> m_threads;
};

} // namespace Topograph::Gui

Q_DECLARE_METATYPE(Topograph::OperationOutcome)
