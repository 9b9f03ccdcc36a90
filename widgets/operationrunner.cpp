#include "operationrunner.h"

#include "store/recoverylog.h"
#include "logging/logging.h"
#include "store/store.h"

#include <QPointer>
#include <QThread>

namespace Topograph::Gui {

OperationRunner::OperationRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<OperationOutcome>();
    qRegisterMetaType<QList<RecoveryStep>>();
}

OperationRunner::~OperationRunner()
{
    // An operation in flight finishes (undoing it half way would be worse); wait for it.
    for (QThread *t : std::as_const(m_threads))
        t->wait();
}

bool OperationRunner::run(const Context &context, TopologySnapshotPtr snapshot, const OperationRequest &request)
{
    if (m_running || !snapshot)
        return false;
    m_running = true;
    QPointer<OperationRunner> self(this);
    QThread *thread = QThread::create([self, context, snapshot, request] {
        OperationOutcome out;
        QList<RecoveryStep> steps;
        QString error;
        auto store = Store::open(context.storePath, &error);
        if (!store) {
            out.refused = true;
            out.message = error;
        } else {
            store->setActor(Store::osActor());
            OperationExecutor ex(*store, context.policy, context.connectionOptions);
            QString password = context.replicationPassword;
            CredentialResult keychain;
            if (password.isEmpty() && context.resolveReplicationPassword
                && validate(*snapshot, request).needsReplicationPassword()) {
                keychain = context.resolveReplicationPassword(request.instance);
                if (keychain.ok) {
                    password = keychain.secret;
                    Logging::registerSecret(password);
                }
            }
            ex.setReplicationPassword(password);
            ex.setProgress([self](const QString &step, StepOutcome o) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, step, o] {
                        if (self)
                            emit self->progress(step, int(o));
                    },
                    Qt::QueuedConnection);
            });
            out = ex.execute(*snapshot, request);
            if (out.refused && !keychain.ok && !keychain.error.isEmpty())
                out.message += QStringLiteral(" (keychain: %1)").arg(keychain.error);
            if (out.operationId)
                if (const auto rec = RecoveryLog(*store).recovery(out.operationId))
                    steps = rec->steps;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, out, steps] {
                if (!self)
                    return;
                self->m_running = false;
                emit self->finished(out, steps);
            },
            Qt::QueuedConnection);
    });
    m_threads << thread;
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeAll(thread);
        thread->deleteLater();
    });
    thread->start();
    return true;
}

} // namespace Topograph::Gui
