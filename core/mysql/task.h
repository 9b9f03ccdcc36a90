#pragma once

#include <QtGlobal>

#include <coroutine>
#include <exception>
#include <optional>
#include <utility>

namespace Topograph {

// A C++20 coroutine that produces a T: how a probe is written once, as straight-line code, and run
// either in place (runSync(): every wait polls its socket on the calling thread, as the blocking
// API always did) or by a Reactor (start(): each wait suspends the coroutine until its socket is
// ready or its deadline passed, so thousands of probes share one thread and a hung server costs
// only its suspended frame).
//
// Lazy: nothing runs until it is awaited, runSync() or start()ed. Awaiting a Task resumes the
// awaiter when it finishes (symmetric transfer, no stack growth). Parameters of coroutines that
// return a Task are taken by value or by a reference that outlives the Task.
template <typename T = void>
class Task;

namespace Detail {

struct TaskPromiseBase
{
    std::coroutine_handle<> continuation;

    std::suspend_always initial_suspend() noexcept { return {}; }
    struct Final
    {
        bool await_ready() noexcept { return false; }
        template <typename Promise>
        std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> h) noexcept
        {
            const std::coroutine_handle<> next = h.promise().continuation;
            return next ? next : std::noop_coroutine();
        }
        void await_resume() noexcept {}
    };
    Final final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { std::terminate(); }
};

template <typename T>
struct TaskPromise : TaskPromiseBase
{
    std::optional<T> value;
    Task<T> get_return_object();
    void return_value(T v) { value = std::move(v); }
    T take() { return std::move(*value); }
};

template <>
struct TaskPromise<void> : TaskPromiseBase
{
    Task<void> get_return_object();
    void return_void() {}
    void take() {}
};

// Runs a task to its end without an owner, then calls done with its result.
struct Detached
{
    struct promise_type
    {
        Detached get_return_object() { return {}; }
        std::suspend_never initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() {}
        void unhandled_exception() noexcept { std::terminate(); }
    };
};

} // namespace Detail

template <typename T>
class [[nodiscard]] Task
{
public:
    using promise_type = Detail::TaskPromise<T>;
    using Handle = std::coroutine_handle<promise_type>;

    explicit Task(Handle h) : m_handle(h) {}
    Task(Task &&other) noexcept : m_handle(std::exchange(other.m_handle, {})) {}
    Task &operator=(Task &&other) noexcept
    {
        if (this != &other) {
            if (m_handle)
                m_handle.destroy();
            m_handle = std::exchange(other.m_handle, {});
        }
        return *this;
    }
    Task(const Task &) = delete;
    Task &operator=(const Task &) = delete;
    ~Task()
    {
        if (m_handle)
            m_handle.destroy();
    }

    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiter) noexcept
    {
        m_handle.promise().continuation = awaiter;
        return m_handle;
    }
    T await_resume() { return m_handle.promise().take(); }

    // Runs to the end on this thread. Only for tasks whose waits poll in place (no reactor):
    // one that suspended would never be resumed, which is a programming error.
    T runSync()
    {
        m_handle.resume();
        if (!m_handle.done())
            qFatal("Topograph: a Task waiting on a reactor was run synchronously");
        return m_handle.promise().take();
    }

    // Runs it without an owner: done(result) is called when it finishes (at once if it never
    // waits). The reactor that resumes it must outlive it (see Reactor::expireAll()).
    template <typename Done>
    static void start(Task task, Done done)
    {
        run(std::move(task), std::move(done));
    }

private:
    template <typename Done>
    static Detail::Detached run(Task task, Done done)
    {
        if constexpr (std::is_void_v<T>) {
            co_await task;
            done();
        } else {
            done(co_await task);
        }
    }

    Handle m_handle;
};

template <typename T>
Task<T> Detail::TaskPromise<T>::get_return_object()
{
    return Task<T>(Task<T>::Handle::from_promise(*this));
}

inline Task<void> Detail::TaskPromise<void>::get_return_object()
{
    return Task<void>(Task<void>::Handle::from_promise(*this));
}

} // namespace Topograph
