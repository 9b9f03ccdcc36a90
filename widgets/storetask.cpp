#include "storetask.h"

#include "store/store.h"

#include <QThread>

namespace Topograph::Gui {

StoreTask::StoreTask(const QString &storePath, Work work, QObject *parent)
    : QObject(parent)
{
    m_thread = QThread::create([storePath, work = std::move(work)] {
        QString error;
        std::unique_ptr<Store> store = Store::open(storePath, &error);
        work(store.get(), error);
    });
    // QThread::finished is emitted on the worker thread; the connection to this object queues it
    // to the owner's thread.
    connect(m_thread, &QThread::finished, this, &StoreTask::finished);
}

StoreTask::~StoreTask()
{
    m_thread->wait();
    delete m_thread;
}

void StoreTask::start()
{
    m_thread->start(QThread::LowPriority);
}

bool StoreTask::isRunning() const
{
    return m_thread->isRunning();
}

} // namespace Topograph::Gui
