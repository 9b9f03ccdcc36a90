#include "fakemysqlserver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

namespace Topograph::Test {

namespace {

// Capabilities of the greeting: protocol 4.1, secure connection, plugin auth, connect attributes,
// multi results; no TLS, no compression, classic EOF packets. Bit 0 (CLIENT_MYSQL) set, so the
// client reads no MariaDB extended capabilities.
constexpr uint32_t Capabilities = 1u | 2u | 4u | 8u | 512u | 1024u | 8192u | 32768u | 65536u | 131072u | 262144u
                                  | 524288u | 1048576u | 2097152u;
constexpr uint16_t StatusAutocommit = 0x0002;

void put16(std::string &s, uint16_t v)
{
    s += char(v & 0xff);
    s += char(v >> 8);
}

void put32(std::string &s, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        s += char((v >> (8 * i)) & 0xff);
}

std::string lenenc(uint64_t n)
{
    std::string s;
    if (n < 251) {
        s += char(n);
    } else if (n < 65536) {
        s += char(0xfc);
        put16(s, uint16_t(n));
    } else {
        s += char(0xfd);
        for (int i = 0; i < 3; ++i)
            s += char((n >> (8 * i)) & 0xff);
    }
    return s;
}

std::string lenencString(const std::string &v)
{
    return lenenc(v.size()) + v;
}

void packet(std::string &out, uint8_t sequence, const std::string &payload)
{
    const uint32_t n = uint32_t(payload.size());
    out += char(n & 0xff);
    out += char((n >> 8) & 0xff);
    out += char((n >> 16) & 0xff);
    out += char(sequence);
    out += payload;
}

std::string ok()
{
    std::string p(1, '\0');
    p += lenenc(0);
    p += lenenc(0);
    put16(p, StatusAutocommit);
    put16(p, 0);
    return p;
}

std::string eof()
{
    std::string p(1, char(0xfe));
    put16(p, 0);
    put16(p, StatusAutocommit);
    return p;
}

std::string columnDefinition(const std::string &name)
{
    std::string p = lenencString("def") + lenencString("") + lenencString("") + lenencString("")
                    + lenencString(name) + lenencString(name);
    p += char(0x0c);
    put16(p, 33);  // utf8
    put32(p, 1024); // display length
    p += char(0xfd); // VAR_STRING
    put16(p, 0);
    p += char(0);
    put16(p, 0);
    return p;
}

using Row = std::vector<std::optional<std::string>>;

void resultSet(std::string &out, const std::vector<std::string> &columns, const std::vector<Row> &rows)
{
    uint8_t seq = 1;
    packet(out, seq++, lenenc(columns.size()));
    for (const std::string &c : columns)
        packet(out, seq++, columnDefinition(c));
    packet(out, seq++, eof());
    for (const Row &r : rows) {
        std::string p;
        for (const auto &v : r)
            p += v ? lenencString(*v) : std::string(1, char(0xfb));
        packet(out, seq++, p);
    }
    packet(out, seq++, eof());
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

bool startsWith(const std::string &s, const char *prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// 'a','b' -> {a, b}: the names of a WHERE Variable_name IN (...) list.
std::vector<std::string> quotedNames(const std::string &sql)
{
    std::vector<std::string> out;
    size_t i = 0;
    while ((i = sql.find('\'', i)) != std::string::npos) {
        const size_t j = sql.find('\'', i + 1);
        if (j == std::string::npos)
            break;
        out.push_back(sql.substr(i + 1, j - i - 1));
        i = j + 1;
    }
    return out;
}

// SELECT @@global.a AS a, @@global.b AS b -> {a, b}
std::vector<std::string> globalNames(const std::string &sql)
{
    std::vector<std::string> out;
    static const std::string marker = "@@global.";
    size_t i = 0;
    while ((i = sql.find(marker, i)) != std::string::npos) {
        i += marker.size();
        size_t j = i;
        while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_'))
            ++j;
        out.push_back(sql.substr(i, j - i));
        i = j;
    }
    return out;
}

} // namespace

FakeMySqlServer::FakeMySqlServer(uint32_t firstAddress, int count, int port)
    : m_first(firstAddress)
    , m_count(count)
    , m_port(port)
{}

FakeMySqlServer::~FakeMySqlServer()
{
    for (auto &[fd, c] : m_clients)
        ::close(fd);
    for (auto &[fd, i] : m_listeners)
        ::close(fd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool FakeMySqlServer::listen()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    uint32_t a = m_first;
    for (int i = 0; i < m_count; ++a) {
        if ((a & 0xff) == 0 || (a & 0xff) == 0xff)
            continue;
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int on = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(uint16_t(m_port));
        sa.sin_addr.s_addr = htonl(a);
        char text[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &sa.sin_addr, text, sizeof text);
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0 || ::listen(fd, 512) != 0) {
            m_error = std::string("cannot listen on ") + text + ":" + std::to_string(m_port) + ": " + std::strerror(errno);
            if (fd >= 0)
                ::close(fd);
            return false;
        }
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        m_listeners.emplace(fd, i);
        m_addresses.emplace_back(text);
        m_hostOrder.push_back(a);
        ++i;
    }
    return true;
}

void FakeMySqlServer::run(const volatile bool *stop)
{
    epoll_event events[256];
    while (!*stop) {
        const int n = ::epoll_wait(m_epoll, events, 256, 100);
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (m_listeners.count(fd)) {
                accept(fd);
                continue;
            }
            const auto it = m_clients.find(fd);
            if (it == m_clients.end())
                continue;
            if (events[i].events & EPOLLOUT)
                flush(it->second);
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                readFrom(it->second); // may close it
        }
    }
}

void FakeMySqlServer::accept(int listener)
{
    for (;;) {
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        Client &c = m_clients[fd];
        c.fd = fd;
        c.index = m_listeners.at(listener);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);

        std::string g(1, char(10));
        g += "10.11.6-MariaDB-fake";
        g += '\0';
        put32(g, m_nextConnectionId++);
        g += "abcdefgh"; // scramble, part 1 (any login is accepted)
        g += '\0';
        put16(g, uint16_t(Capabilities & 0xffff));
        g += char(45); // utf8mb4_general_ci
        put16(g, StatusAutocommit);
        put16(g, uint16_t(Capabilities >> 16));
        g += char(21);
        g += std::string(10, '\0');
        g += "ijklmnopqrst"; // part 2
        g += '\0';
        g += "mysql_native_password";
        g += '\0';
        packet(c.out, 0, g);
        flush(c);
    }
}

void FakeMySqlServer::readFrom(Client &c)
{
    char buf[16384];
    for (;;) {
        const ssize_t n = ::read(c.fd, buf, sizeof buf);
        if (n > 0) {
            c.in.append(buf, size_t(n));
            continue;
        }
        if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            close(c);
            return;
        }
        if (errno == EINTR)
            continue;
        break;
    }
    const int fd = c.fd;
    size_t at = 0;
    while (c.in.size() - at >= 4) {
        const auto *h = reinterpret_cast<const unsigned char *>(c.in.data() + at);
        const size_t len = size_t(h[0]) | size_t(h[1]) << 8 | size_t(h[2]) << 16;
        if (c.in.size() - at < 4 + len)
            break;
        const uint8_t seq = h[3];
        const std::string payload = c.in.substr(at + 4, len);
        at += 4 + len;
        handle(c, seq, payload);
        if (!m_clients.count(fd))
            return; // COM_QUIT closed it
    }
    c.in.erase(0, at);
    flush(c);
}

void FakeMySqlServer::handle(Client &c, uint8_t sequence, const std::string &payload)
{
    if (!c.greeted) {
        // The handshake response: whoever it is, they are welcome.
        c.greeted = true;
        packet(c.out, uint8_t(sequence + 1), ok());
        return;
    }
    const uint8_t command = payload.empty() ? 0 : uint8_t(payload[0]);
    switch (command) {
    case 0x01: // COM_QUIT
        close(c);
        return;
    case 0x03: // COM_QUERY
        query(c, payload.substr(1));
        return;
    default: // COM_PING and anything else
        packet(c.out, 1, ok());
    }
}

std::string FakeMySqlServer::variable(int index, const std::string &name) const
{
    const std::string id = std::to_string(index + 1);
    if (name == "server_id")
        return id;
    if (name == "version")
        return "10.11.6-MariaDB-fake";
    if (name == "version_comment")
        return "Topograph fake MySQL server";
    if (name == "hostname")
        return "fake-" + id;
    if (name == "port")
        return std::to_string(m_port);
    if (name == "read_only" || name == "gtid_strict_mode")
        return name == "read_only" ? "OFF" : "ON";
    if (name == "log_bin" || name == "log_slave_updates")
        return "ON";
    if (name == "binlog_format")
        return "ROW";
    if (name == "slave_net_timeout")
        return "60";
    if (name == "gtid_domain_id")
        return "0";
    if (name == "gtid_current_pos" || name == "gtid_binlog_pos")
        return "0-" + id + "-100";
    if (name == "gtid_slave_pos")
        return "";
    return "\x01"; // not a variable of this server
}

void FakeMySqlServer::query(Client &c, const std::string &sql)
{
    const std::string u = upper(sql.substr(0, 40));
    if (startsWith(u, "SHOW GLOBAL VARIABLES")) {
        std::vector<Row> rows;
        for (const std::string &n : quotedNames(sql))
            if (const std::string v = variable(c.index, n); v != "\x01")
                rows.push_back({n, v});
        resultSet(c.out, {"Variable_name", "Value"}, rows);
    } else if (startsWith(u, "SELECT")) {
        const std::vector<std::string> names = globalNames(sql);
        Row row;
        for (const std::string &n : names) {
            const std::string v = variable(c.index, n);
            row.push_back(v == "\x01" ? std::nullopt : std::optional<std::string>(v));
        }
        resultSet(c.out, names, {row});
    } else if (startsWith(u, "SHOW GLOBAL STATUS")) {
        std::vector<Row> rows;
        for (const std::string &n : quotedNames(sql))
            if (n == "uptime" || n == "slaves_connected")
                rows.push_back({n, n == "uptime" ? "100000" : "0"});
        resultSet(c.out, {"Variable_name", "Value"}, rows);
    } else if (startsWith(u, "SHOW MASTER STATUS")) {
        resultSet(c.out, {"File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB"},
                  {{std::string("fake-bin.000001"), std::string("4096"), std::string(), std::string()}});
    } else if (startsWith(u, "SHOW ALL SLAVES STATUS") || startsWith(u, "SHOW SLAVE STATUS")) {
        resultSet(c.out, {"Connection_name", "Slave_IO_State", "Master_Host", "Master_Port"}, {});
    } else if (startsWith(u, "SHOW SLAVE HOSTS")) {
        resultSet(c.out, {"Server_id", "Host", "Port", "Master_id"}, {});
    } else if (startsWith(u, "SHOW PROCESSLIST")) {
        resultSet(c.out, {"Id", "User", "Host", "db", "Command", "Time", "State", "Info"}, {});
    } else {
        packet(c.out, 1, ok());
    }
}

void FakeMySqlServer::flush(Client &c)
{
    while (!c.out.empty()) {
        const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (n > 0) {
            c.out.erase(0, size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break;
    }
    const bool want = !c.out.empty();
    if (want != c.wantWrite) {
        c.wantWrite = want;
        epoll_event ev{};
        ev.events = EPOLLIN | (want ? EPOLLOUT : 0u);
        ev.data.fd = c.fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    }
}

void FakeMySqlServer::close(Client &c)
{
    const int fd = c.fd;
    ::close(fd);
    m_clients.erase(fd);
}

} // namespace Topograph::Test
