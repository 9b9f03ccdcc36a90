#pragma once

#include <QString>

#include <atomic>
#include <thread>

namespace Topograph::Test {

class Sandbox;

// Inserts rows (id 1, 2, ...) into app.w on one node as the sandbox's `app` user, as fast as the
// server acknowledges them, until stopped or the server stops answering. acked() is the highest
// id the server acknowledged: every one of those must survive a failover.
class Writer
{
public:
    Writer(Sandbox &sandbox, const QString &node);
    ~Writer();
    void stop();
    qint64 acked() const { return m_acked; }

    // CREATE TABLE app.w on the node (once per sandbox).
    static bool createTable(Sandbox &sandbox, const QString &node);

private:
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_acked{0};
    std::thread m_thread;
};

} // namespace Topograph::Test
