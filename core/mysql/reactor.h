#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <coroutine>
#include <functional>
#include <map>
#include <unordered_map>
#include <vector>

class QSocketNotifier;
class QTimer;

namespace Topograph {

// One event loop's worth of socket waits and deadlines: an epoll set watched by ONE
// QSocketNotifier and a deadline queue driven by ONE QTimer, on the thread that owns it. Each wait
// is one-shot: its callback gets the poll(2) events that arrived (POLLIN, POLLOUT, POLLHUP, ...)
// or 0 when its time ran out first. A wait costs a map entry and an epoll registration, so
// thousands of connections stalled on hung servers cost nothing but their idle sockets, and
// waking up costs O(ready sockets), not O(all sockets) as Qt's poll()-based dispatcher would with
// one QSocketNotifier per connection.
//
// Not thread-safe: used from the owning thread only.
class Reactor : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(short revents)>;

    explicit Reactor(QObject *parent = nullptr);
    ~Reactor() override;

    bool isValid() const { return m_epoll >= 0; }

    // Calls callback once, from this thread's event loop (never from inside watch()): with the
    // events of `events` (plus POLLHUP/POLLERR) that occurred on fd, or with 0 once timeoutMs
    // passed (timeoutMs < 0: no deadline; fd < 0: a pure timer). One wait per descriptor at a
    // time. Returns an id for cancel().
    quint64 watch(int fd, short events, int timeoutMs, Callback callback);
    // Forgets a pending wait; its callback is not called. Unknown or finished ids are ignored.
    void cancel(quint64 id);
    // Ends every pending wait now as if its time had run out, including waits started by the
    // callbacks themselves (bounded): how an owner that stops makes its coroutines unwind through
    // their timeout path before it goes away.
    void expireAll();
    int pendingCount() const { return int(m_waits.size()); }

    // co_await Reactor::wait(reactor, fd, events, ms) -> short revents (0: timed out). With a null
    // reactor it poll()s in place and never suspends, which is how the blocking API runs the same
    // coroutines.
    class Wait
    {
    public:
        Wait(Reactor *reactor, int fd, short events, int timeoutMs)
            : m_reactor(reactor), m_fd(fd), m_events(events), m_timeoutMs(timeoutMs)
        {}
        ~Wait();
        Wait(const Wait &) = delete;
        Wait &operator=(const Wait &) = delete;
        bool await_ready();
        void await_suspend(std::coroutine_handle<> handle);
        short await_resume() const noexcept { return m_revents; }

    private:
        Reactor *m_reactor;
        int m_fd;
        short m_events;
        int m_timeoutMs;
        short m_revents = 0;
        quint64 m_id = 0;
    };
    static Wait wait(Reactor *reactor, int fd, short events, int timeoutMs)
    {
        return Wait(reactor, fd, events, timeoutMs);
    }

private:
    struct Pending
    {
        int fd = -1;
        Callback callback;
        std::multimap<qint64, quint64>::iterator deadline;
        bool hasDeadline = false;
        short failedEvents = 0; // what the deadline reports when the socket could not be watched
    };
    void onReadable();
    void onDeadline();
    void fire(quint64 id, short revents);
    void erase(std::unordered_map<quint64, Pending>::iterator it);
    void armTimer();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_timer = nullptr;
    qint64 m_timerFor = -1;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
    std::unordered_map<quint64, Pending> m_waits;
    std::unordered_map<int, quint64> m_byFd;
    std::multimap<qint64, quint64> m_deadlines;
};

} // namespace Topograph
