#pragma once

#include <QByteArray>
#include <QMutex>

#include <atomic>
#include <thread>

namespace Topograph::Test {

// A TCP listener on 127.0.0.1 and a free port (in *port): the socket, for fake servers.
int listenOnLoopback(int *port);

// A server that is not a friend: it speaks just enough of the MySQL protocol (handshake v10) to
// ask a client for what it must never give, and records every byte the client sends, so a test
// can check that neither the password nor a file's content is among them. It listens on a free
// loopback port and serves one connection at a time until destroyed.
class RogueServer
{
public:
    enum class Trick {
        // The greeting names mysql_native_password; the answer to the client's login is an
        // authentication switch request to mysql_clear_password (which sends the password as is).
        SwitchToClearPassword,
        // The greeting itself names mysql_clear_password.
        GreetWithClearPassword,
        // The greeting names dialog; the server then asks "Password: " as a dialog prompt.
        SwitchToDialog,
        // Login accepted without a check; every query is answered with a LOCAL INFILE request
        // (0xFB + file name) for fileName.
        LocalInfile,
    };

    RogueServer(Trick trick, QByteArray fileName = {});
    ~RogueServer();
    RogueServer(const RogueServer &) = delete;
    RogueServer &operator=(const RogueServer &) = delete;

    int port() const { return m_port; }
    // Everything every client sent, in order.
    QByteArray received() const;
    // Connections accepted, and times the trick was played (switch or LOCAL INFILE request sent).
    int connections() const { return m_connections; }
    int tricksPlayed() const { return m_tricks; }

private:
    void serve();
    void handle(int client);
    bool readPacket(int client, QByteArray *payload, quint8 *sequence);
    bool writePacket(int client, quint8 sequence, const QByteArray &payload);
    QByteArray greeting(const QByteArray &plugin) const;

    Trick m_trick;
    QByteArray m_fileName;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::atomic<int> m_tricks{0};
    mutable QMutex m_mutex;
    QByteArray m_received;
    std::thread m_thread;
};

} // namespace Topograph::Test
