#include "rogueserver.h"

#include <QMutexLocker>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Topograph::Test {

namespace {

// Capabilities of a 4.1+ server with plugin authentication, and without TLS (so that nothing
// hides what the client sends): LONG_PASSWORD, LONG_FLAG, CONNECT_WITH_DB, LOCAL_FILES,
// PROTOCOL_41, TRANSACTIONS, SECURE_CONNECTION, MULTI_STATEMENTS, MULTI_RESULTS, PLUGIN_AUTH,
// CONNECT_ATTRS, PLUGIN_AUTH_LENENC_CLIENT_DATA.
constexpr quint32 Capabilities = 0x1 | 0x4 | 0x8 | 0x80 | 0x200 | 0x2000 | 0x8000 | 0x10000 | 0x20000
                                 | 0x80000 | 0x100000 | 0x200000;
constexpr char Scramble[] = "0123456789abcdefghij"; // 20 bytes, as mysql_native_password wants

QByteArray okPacket()
{
    return QByteArray("\x00\x00\x00\x02\x00\x00\x00", 7); // 0 rows, id 0, autocommit, no warnings
}

QByteArray accessDenied()
{
    return QByteArray("\xff\x15\x04#28000", 9) + "Access denied (rogue server)";
}

} // namespace

int listenOnLoopback(int *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    ::listen(fd, 16);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    *port = ntohs(addr.sin_port);
    return fd;
}

RogueServer::RogueServer(Trick trick, QByteArray fileName)
    : m_trick(trick)
    , m_fileName(std::move(fileName))
{
    m_fd = listenOnLoopback(&m_port);
    m_thread = std::thread([this] { serve(); });
}

RogueServer::~RogueServer()
{
    m_stop = true;
    m_thread.join();
    ::close(m_fd);
}

QByteArray RogueServer::received() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

void RogueServer::serve()
{
    while (!m_stop) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const int client = ::accept(m_fd, nullptr, nullptr);
        if (client < 0)
            continue;
        ++m_connections;
        handle(client);
        ::close(client);
    }
}

bool RogueServer::readPacket(int client, QByteArray *payload, quint8 *sequence)
{
    auto readExactly = [&](char *into, size_t n) {
        size_t done = 0;
        while (done < n) {
            pollfd p{client, POLLIN, 0};
            if (m_stop || ::poll(&p, 1, 3000) <= 0)
                return false;
            const ssize_t got = ::read(client, into + done, n - done);
            if (got <= 0)
                return false;
            {
                QMutexLocker lock(&m_mutex);
                m_received.append(into + done, got);
            }
            done += size_t(got);
        }
        return true;
    };
    unsigned char header[4];
    if (!readExactly(reinterpret_cast<char *>(header), 4))
        return false;
    const size_t length = header[0] | (header[1] << 8) | (header[2] << 16);
    *sequence = header[3];
    payload->resize(qsizetype(length));
    return length == 0 || readExactly(payload->data(), length);
}

bool RogueServer::writePacket(int client, quint8 sequence, const QByteArray &payload)
{
    const qsizetype n = payload.size();
    QByteArray packet;
    packet.append(char(n & 0xff)).append(char((n >> 8) & 0xff)).append(char((n >> 16) & 0xff));
    packet.append(char(sequence)).append(payload);
    return ::write(client, packet.constData(), size_t(packet.size())) == packet.size();
}

QByteArray RogueServer::greeting(const QByteArray &plugin) const
{
    QByteArray g;
    g.append('\x0a').append("5.7.99-rogue").append('\0');
    g.append("\x07\x00\x00\x00", 4);       // connection id
    g.append(Scramble, 8).append('\0');    // scramble part 1, filler
    g.append(char(Capabilities & 0xff)).append(char((Capabilities >> 8) & 0xff));
    g.append('\x2d');                      // utf8mb4_general_ci
    g.append("\x02\x00", 2);               // autocommit
    g.append(char((Capabilities >> 16) & 0xff)).append(char((Capabilities >> 24) & 0xff));
    g.append('\x15').append(QByteArray(10, '\0')); // scramble length 21, reserved
    g.append(Scramble + 8, 12).append('\0');       // scramble part 2
    g.append(plugin).append('\0');
    return g;
}

void RogueServer::handle(int client)
{
    const QByteArray first = m_trick == Trick::GreetWithClearPassword ? QByteArray("mysql_clear_password")
                                                                      : QByteArray("mysql_native_password");
    if (!writePacket(client, 0, greeting(first)))
        return;
    QByteArray payload;
    quint8 seq = 0;
    if (!readPacket(client, &payload, &seq)) // the handshake response: user, auth data, plugin
        return;

    switch (m_trick) {
    case Trick::GreetWithClearPassword:
        ++m_tricks; // the response itself carries the password, if the client played along
        writePacket(client, quint8(seq + 1), accessDenied());
        return;
    case Trick::SwitchToClearPassword:
    case Trick::SwitchToDialog: {
        // 0xFE + plugin name + its data. For dialog: "\x05" is "last question, a password", with
        // an empty prompt, to which the dialog plugin answers with the password it was given.
        const QByteArray request = m_trick == Trick::SwitchToClearPassword
                                       ? QByteArray("\xfe" "mysql_clear_password", 21).append('\0')
                                       : QByteArray("\xfe" "dialog", 7).append('\0').append("\x05", 1);
        if (!writePacket(client, quint8(seq + 1), request))
            return;
        ++m_tricks;
        if (readPacket(client, &payload, &seq)) // what the client answers, if it does
            writePacket(client, quint8(seq + 1), accessDenied());
        return;
    }
    case Trick::LocalInfile:
        if (!writePacket(client, quint8(seq + 1), okPacket()))
            return;
        break;
    }

    // Commands: every COM_QUERY gets a LOCAL INFILE request; then whatever the client sends up to
    // its empty "end of file" packet is recorded, and the statement is said to have succeeded.
    while (readPacket(client, &payload, &seq)) {
        if (payload.isEmpty() || payload.at(0) == '\x01') // COM_QUIT
            return;
        if (payload.at(0) != '\x03') {
            writePacket(client, 1, okPacket());
            continue;
        }
        if (!writePacket(client, 1, QByteArray("\xfb", 1) + m_fileName))
            return;
        ++m_tricks;
        do {
            if (!readPacket(client, &payload, &seq))
                return;
        } while (!payload.isEmpty());
        writePacket(client, quint8(seq + 1), okPacket());
    }
}

} // namespace Topograph::Test
