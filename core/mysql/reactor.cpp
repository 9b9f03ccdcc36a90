#include "reactor.h"

#include "logging/logging.h"

#include <QDeadlineTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>

namespace Topograph {

namespace {

// Linux gives poll(2) and epoll(7) the same bit values; the conversions below rely on it.
static_assert(EPOLLIN == POLLIN && EPOLLOUT == POLLOUT && EPOLLPRI == POLLPRI && EPOLLERR == POLLERR
              && EPOLLHUP == POLLHUP);

constexpr int BatchSize = 256;

} // namespace

Reactor::Reactor(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        spdlog::error("reactor: epoll_create1 failed: {}", std::strerror(errno));
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(m_epoll), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Reactor::onReadable);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Reactor::onDeadline);
}

Reactor::~Reactor()
{
    if (!m_waits.empty())
        spdlog::warn("reactor: destroyed with {} waits pending", m_waits.size());
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

quint64 Reactor::watch(int fd, short events, int timeoutMs, Callback callback)
{
    const quint64 id = m_nextId++;
    Pending &p = m_waits[id];
    p.fd = fd;
    p.callback = std::move(callback);
    if (fd >= 0) {
        if (const auto old = m_byFd.find(fd); old != m_byFd.end() && old->second != id) {
            // A second wait on one socket would silently replace the first in epoll; the first
            // then ends as timed out rather than hanging forever.
            spdlog::warn("reactor: descriptor {} already had a wait; ending that one", fd);
            const quint64 previous = old->second;
            QTimer::singleShot(0, this, [this, previous] { fire(previous, 0); });
        }
        m_byFd[fd] = id;
        epoll_event ev{};
        ev.events = uint32_t(events & (POLLIN | POLLOUT | POLLPRI)) | EPOLLONESHOT;
        ev.data.u64 = id;
        // Re-arm the registration a previous one-shot wait left; a socket that is new (or reuses
        // a closed one's number, which the kernel removed from the set) is added.
        int r = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
        if (r < 0 && errno == ENOENT)
            r = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        if (r < 0) {
            // Not a pollable descriptor (closed under us): answer "invalid" at once, as poll()
            // would, and let the caller find out.
            spdlog::warn("reactor: cannot watch descriptor {}: {}", fd, std::strerror(errno));
            p.failedEvents = POLLNVAL;
            timeoutMs = 0;
        }
    }
    if (timeoutMs >= 0) {
        p.deadline = m_deadlines.emplace(m_clock.elapsed() + timeoutMs, id);
        p.hasDeadline = true;
        armTimer();
    }
    return id;
}

void Reactor::cancel(quint64 id)
{
    const auto it = m_waits.find(id);
    if (it == m_waits.end())
        return;
    if (it->second.fd >= 0)
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, it->second.fd, nullptr);
    erase(it);
}

void Reactor::expireAll()
{
    // A coroutine resumed with a timeout may start another wait (closing, say); those end too.
    for (int pass = 0; pass < 64 && !m_waits.empty(); ++pass) {
        std::vector<quint64> ids;
        ids.reserve(m_waits.size());
        for (const auto &[id, pending] : m_waits)
            ids.push_back(id);
        for (quint64 id : ids) {
            const auto it = m_waits.find(id);
            if (it != m_waits.end() && it->second.fd >= 0)
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, it->second.fd, nullptr);
            fire(id, 0);
        }
    }
    if (!m_waits.empty())
        spdlog::warn("reactor: {} waits still pending after expiring them all", m_waits.size());
}

void Reactor::erase(std::unordered_map<quint64, Pending>::iterator it)
{
    const Pending &p = it->second;
    if (p.fd >= 0)
        if (const auto f = m_byFd.find(p.fd); f != m_byFd.end() && f->second == it->first)
            m_byFd.erase(f);
    if (p.hasDeadline)
        m_deadlines.erase(p.deadline);
    m_waits.erase(it);
}

void Reactor::fire(quint64 id, short revents)
{
    const auto it = m_waits.find(id);
    if (it == m_waits.end())
        return;
    Callback callback = std::move(it->second.callback);
    erase(it);
    callback(revents);
}

void Reactor::onReadable()
{
    epoll_event events[BatchSize];
    int n;
    do {
        do {
            n = ::epoll_wait(m_epoll, events, BatchSize, 0);
        } while (n < 0 && errno == EINTR);
        for (int i = 0; i < n; ++i)
            fire(events[i].data.u64, short(events[i].events & (POLLIN | POLLOUT | POLLPRI | POLLERR | POLLHUP)));
    } while (n == BatchSize);
    armTimer();
}

void Reactor::onDeadline()
{
    m_timerFor = -1;
    const qint64 now = m_clock.elapsed();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const quint64 id = m_deadlines.begin()->second;
        const auto it = m_waits.find(id);
        const short revents = it != m_waits.end() ? it->second.failedEvents : short(0);
        if (it != m_waits.end() && it->second.fd >= 0 && revents == 0)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, it->second.fd, nullptr); // no late event for it
        fire(id, revents);
    }
    armTimer();
}

void Reactor::armTimer()
{
    if (!m_timer)
        return;
    if (m_deadlines.empty()) {
        m_timer->stop();
        m_timerFor = -1;
        return;
    }
    const qint64 first = m_deadlines.begin()->first;
    if (m_timer->isActive() && m_timerFor == first)
        return;
    m_timerFor = first;
    m_timer->start(int(std::max<qint64>(0, first - m_clock.elapsed())));
}

Reactor::Wait::~Wait()
{
    if (m_id && m_reactor)
        m_reactor->cancel(m_id);
}

bool Reactor::Wait::await_ready()
{
    if (m_reactor)
        return false;
    // In place: poll() until an event or the deadline, retrying when a signal interrupts it.
    const QDeadlineTimer deadline(m_timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                  : QDeadlineTimer(m_timeoutMs));
    pollfd p{m_fd, m_events, 0};
    int r;
    do {
        const int ms = m_timeoutMs < 0 ? -1 : int(std::max<qint64>(0, deadline.remainingTime()));
        r = ::poll(&p, m_fd >= 0 ? 1 : 0, ms);
    } while (r < 0 && errno == EINTR);
    m_revents = r > 0 ? p.revents : short(0);
    return true;
}

void Reactor::Wait::await_suspend(std::coroutine_handle<> handle)
{
    m_id = m_reactor->watch(m_fd, m_events, m_timeoutMs, [this, handle](short revents) {
        m_revents = revents;
        m_id = 0;
        handle.resume();
    });
}

} // namespace Topograph
