#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace Topograph {

// A fixed pool of threads that run probe jobs. A probe blocks its thread on the network (at most
// the connection's timeouts), so the pool bounds how many servers are probed at once, and a
// frozen server holds one thread, not the round.
class ProbeWorkers
{
public:
    explicit ProbeWorkers(int threads);
    ~ProbeWorkers();
    ProbeWorkers(const ProbeWorkers &) = delete;
    ProbeWorkers &operator=(const ProbeWorkers &) = delete;

    // urgent jobs (a failure being confirmed) jump the queue.
    void post(std::function<void()> job, bool urgent = false);
    // Drops queued jobs and joins the threads; jobs already running finish first.
    void stop();
    int threadCount() const { return int(m_threads.size()); }
    std::size_t queued() const;

private:
    void loop();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace Topograph
