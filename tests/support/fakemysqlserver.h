#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace Topograph::Test {

// A tiny server that speaks just enough of the MySQL protocol for the poller's probe: the v10
// greeting (mysql_native_password, no TLS), any login accepted, COM_QUERY answered for the
// statements a probe sends (SHOW GLOBAL VARIABLES / SELECT @@global..., SHOW GLOBAL STATUS, SHOW
// MASTER STATUS, SHOW ALL SLAVES STATUS, SHOW SLAVE HOSTS; anything else gets OK), COM_PING,
// COM_QUIT. It listens on `count` loopback addresses (127.x.y.z from `firstAddress`) on one port,
// and each address is a different standalone MariaDB master to whoever connects (server_id,
// hostname and GTID position derived from the address), so a few processes of this simulate a
// fleet of thousands for the poll benchmark without thousands of mariadbd. Single-threaded
// (epoll), no Qt.
//
// Not a test double for correctness: the probe's parsing is tested against real servers.
class FakeMySqlServer
{
public:
    // firstAddress in host order, e.g. 0x7f010001 for 127.1.0.1; addresses that end in .0 or .255
    // are skipped.
    FakeMySqlServer(uint32_t firstAddress, int count, int port);
    ~FakeMySqlServer();
    FakeMySqlServer(const FakeMySqlServer &) = delete;
    FakeMySqlServer &operator=(const FakeMySqlServer &) = delete;

    // Binds and listens on every address; false with error() on failure.
    bool listen();
    std::string error() const { return m_error; }
    // The addresses served, dotted, in order.
    const std::vector<std::string> &addresses() const { return m_addresses; }
    // Serves until stop is set (checked every 100 ms).
    void run(const volatile bool *stop);

private:
    struct Client
    {
        int fd = -1;
        int index = 0; // which simulated server (the address it connected to)
        bool greeted = false;
        std::string in;
        std::string out;
        bool wantWrite = false;
    };
    void accept(int listener);
    void readFrom(Client &c);
    void flush(Client &c);
    void close(Client &c);
    void handle(Client &c, uint8_t sequence, const std::string &payload);
    void query(Client &c, const std::string &sql);
    std::string variable(int index, const std::string &name) const;

    uint32_t m_first;
    int m_count;
    int m_port;
    int m_epoll = -1;
    std::string m_error;
    std::vector<std::string> m_addresses;
    std::vector<uint32_t> m_hostOrder;
    std::unordered_map<int, int> m_listeners; // fd -> index
    std::unordered_map<int, Client> m_clients;
    uint32_t m_nextConnectionId = 1;
};

} // namespace Topograph::Test
