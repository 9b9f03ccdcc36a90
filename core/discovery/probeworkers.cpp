#include "probeworkers.h"

#include <algorithm>

namespace Topograph {

ProbeWorkers::ProbeWorkers(int threads)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { loop(); });
}

ProbeWorkers::~ProbeWorkers()
{
    stop();
}

void ProbeWorkers::post(std::function<void()> job, bool urgent)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        if (urgent)
            m_queue.push_front(std::move(job));
        else
            m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void ProbeWorkers::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

std::size_t ProbeWorkers::queued() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

void ProbeWorkers::loop()
{
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        job();
    }
}

} // namespace Topograph
