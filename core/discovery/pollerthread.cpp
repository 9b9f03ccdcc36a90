#include "poller.h"

#include <QThread>

namespace Topograph {

PollerThread::PollerThread(Poller::Options options)
    : m_thread(std::make_unique<QThread>())
    , m_poller(new Poller(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("topograph-poller"));
    m_poller->moveToThread(m_thread.get());
    // Deleted in its own thread once the loop ends (notifiers and timers belong to that thread).
    QObject::connect(m_thread.get(), &QThread::finished, m_poller, &QObject::deleteLater);
}

PollerThread::~PollerThread()
{
    if (m_started)
        stop();
    else
        delete m_poller;
}

void PollerThread::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread->start();
    QMetaObject::invokeMethod(m_poller, &Poller::start, Qt::QueuedConnection);
}

void PollerThread::stop()
{
    if (!m_started)
        return;
    QMetaObject::invokeMethod(m_poller, &Poller::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_poller = nullptr;
    m_started = false;
}

} // namespace Topograph
