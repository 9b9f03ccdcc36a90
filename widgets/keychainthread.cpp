#include "keychainthread.h"

#include "logging/logging.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThread>

#include <memory>
#include <mutex>

namespace Topograph::Gui {

namespace {

struct State
{
    std::mutex mutex;
    QThread *thread = nullptr;
    QObject *worker = nullptr; // lives in thread; calls are queued to it
    bool stopped = false;
};

State &state()
{
    static State s;
    return s;
}

// From ~QCoreApplication: the thread must not outlive the application (a running QThread
// destroyed at exit aborts the process), and nothing may start it again afterwards.
void stopKeychainThread()
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    s.stopped = true;
    if (!s.thread)
        return;
    s.thread->quit();
    s.thread->wait();
    delete s.worker;
    delete s.thread;
    s.worker = nullptr;
    s.thread = nullptr;
}

// The worker, starting the thread on first use; nullptr without an application or after it ended.
QObject *worker(QThread **thread = nullptr)
{
    State &s = state();
    std::lock_guard lock(s.mutex);
    if (s.stopped || !QCoreApplication::instance())
        return nullptr;
    if (!s.thread) {
        s.thread = new QThread;
        s.thread->setObjectName(QStringLiteral("keychain"));
        s.worker = new QObject;
        s.worker->moveToThread(s.thread);
        s.thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    if (thread)
        *thread = s.thread;
    return s.worker;
}

CredentialResult execute(const KeychainThread::Request &r)
{
    CredentialStore store = r.timeoutMs > 0 ? CredentialStore(r.service, r.timeoutMs) : CredentialStore(r.service);
    switch (r.operation) {
    case KeychainThread::Operation::Read:
        return store.read(r.account);
    case KeychainThread::Operation::Write:
        return store.write(r.account, r.secret);
    case KeychainThread::Operation::Remove:
        return store.remove(r.account);
    }
    return {};
}

CredentialResult notRunning(const KeychainThread::Request &r)
{
    CredentialResult result;
    result.error = QCoreApplication::translate("Topograph::Gui::KeychainThread",
                                               "cannot use the keychain entry '%1' (service '%2'): the application "
                                               "is not running (internal error)")
                       .arg(r.account, r.service);
    return result;
}

} // namespace

QFuture<CredentialResult> KeychainThread::submit(const Request &request)
{
    auto promise = std::make_shared<QPromise<CredentialResult>>();
    promise->start();
    QFuture<CredentialResult> future = promise->future();
    QObject *w = worker();
    if (!w) {
        promise->addResult(notRunning(request));
        promise->finish();
        return future;
    }
    // Secrets reach the log's redaction before the call, whatever happens to it.
    if (request.operation == Operation::Write)
        Logging::registerSecret(request.secret);
    QMetaObject::invokeMethod(w, [promise, request] {
        promise->addResult(execute(request));
        promise->finish();
    }, Qt::QueuedConnection);
    return future;
}

CredentialResult KeychainThread::run(const Request &request)
{
    QThread *thread = nullptr;
    if (worker(&thread) && QThread::currentThread() == thread)
        return execute(request); // queued to ourselves, we would wait forever
    QFuture<CredentialResult> future = submit(request);
    future.waitForFinished();
    // A call still queued when the application ended never ran: its promise was dropped.
    return future.resultCount() > 0 ? future.result() : notRunning(request);
}

} // namespace Topograph::Gui
