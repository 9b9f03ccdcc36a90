#include "failureclassifier.h"

#include "clientlibrary.h"
#include "text/safetext.h"

#include <errmsg.h>
#include <mysqld_error.h>

#include <QRegularExpression>

namespace Topograph {

namespace {

bool isAccessDenied(unsigned code)
{
    switch (code) {
    case ER_ACCESS_DENIED_ERROR:             // 1045 wrong user/password
    case ER_DBACCESS_DENIED_ERROR:           // 1044
    case ER_HOST_NOT_PRIVILEGED:             // 1130 no account for this client host
    case ER_HOST_IS_BLOCKED:                 // 1129 too many connection errors from this host
    case ER_NOT_SUPPORTED_AUTH_MODE:         // 1251
    case 1698:                               // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
    case 1862:                               // ER_MUST_CHANGE_PASSWORD_LOGIN
    case 3118:                               // MySQL ER_ACCOUNT_HAS_BEEN_LOCKED
    case 4151:                               // MariaDB ER_ACCOUNT_HAS_BEEN_LOCKED
    case CR_AUTH_PLUGIN_CANNOT_LOAD:         // 2059
    case CR_AUTH_PLUGIN_ERR:                 // 2061
        return true;
    default:
        return false;
    }
}

bool isTooManyConnections(unsigned code)
{
    return code == ER_CON_COUNT_ERROR              // 1040 max_connections
           || code == ER_TOO_MANY_USER_CONNECTIONS // 1203 max_user_connections (global)
           || code == ER_USER_LIMIT_REACHED;       // 1226 the account's MAX_USER_CONNECTIONS
}

bool isConnectionLost(unsigned code)
{
    return code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == CR_SERVER_LOST_EXTENDED
           || code == CR_CONNECTION_ERROR || code == CR_CONN_HOST_ERROR
           || code == ER_SERVER_SHUTDOWN || code == ER_CONNECTION_KILLED;
}

QString printable(const QByteArray &bytes)
{
    QString out;
    for (char c : bytes)
        out += (c >= 0x20 && c < 0x7F) ? QLatin1Char(c) : QLatin1Char('.');
    return out;
}

MySqlError error(ProbeError kind, int code, const QString &message)
{
    return MySqlError{kind, code, message};
}

} // namespace

// A server greeting starts with a 3-byte length, sequence id 0, then protocol version 10 (or 0xFF
// for an error packet such as "too many connections"). Anything else is not MySQL.
bool looksLikeGreeting(const QByteArray &peek)
{
    if (peek.size() >= 4 && quint8(peek.at(3)) != 0)
        return false;
    if (peek.size() >= 5)
        return quint8(peek.at(4)) == 10 || quint8(peek.at(4)) == 0xFF;
    return true;
}

MySqlError classifyCallFailure(const ConnectionOptions &options, const FailureFacts &facts)
{
    const unsigned code = facts.code;
    const QString &library = facts.library;
    const QString where = options.key.toString();
    if (facts.timedOut) {
        return error(ProbeError::Timeout, 0,
                         QStringLiteral("%1 did not answer %2 within %3 ms, so the connection was closed; the "
                                        "server is frozen, overloaded or unreachable")
                             .arg(where, facts.what).arg(options.readTimeoutMs));
    }
    if ((code >= 2000 && code < 3000) || isConnectionLost(code)) {
        return error(ProbeError::Unreachable, int(code),
                         QStringLiteral("lost the connection to %1 during %2 (%3: %4); the server went away, was "
                                        "restarted or killed the connection: open it again")
                             .arg(where, facts.what).arg(code).arg(library));
    }
    // The server refused the statement; the connection stays open and usable.
    return error(ProbeError::ServerError, int(code),
                     QStringLiteral("%1 failed on %2: ERROR %3: %4").arg(facts.what, where).arg(code).arg(library));
}

MySqlError classifyConnectFailure(const ConnectionOptions &options, const FailureFacts &facts)
{
    const unsigned code = facts.code;
    const QString &library = facts.library;
    const QString where = options.key.toString();
    const QString account = options.accountText();
    if (facts.timedOut) {
        QString message;
        if (!facts.tcpConnected) {
            message = QStringLiteral("no answer from %1 within %2 ms (the TCP connection did not complete: the "
                                     "host is down or a firewall drops packets); check the host and the "
                                     "network, or raise the connect timeout");
        } else if (facts.greetingPeek.isEmpty()) {
            message = QStringLiteral("%1 accepted the TCP connection but sent no MySQL greeting within %2 ms: the "
                                     "server is frozen or overloaded, or this port is not a MySQL server");
        } else {
            message = QStringLiteral("%1 stopped answering during the handshake (TLS or authentication) and did "
                                     "not finish it within %2 ms; the server is frozen or overloaded");
        }
        return error(ProbeError::Timeout, 0, message.arg(where).arg(options.connectTimeoutMs));
    }
    if (!facts.greetingPeek.isEmpty() && !looksLikeGreeting(facts.greetingPeek)) {
        return error(ProbeError::NotMySql, int(code),
                     QStringLiteral("%1 answered, but not with the MySQL protocol (it sent \"%2\"); check the port: "
                                    "is this the MySQL port of that server?")
                         .arg(where, printable(facts.greetingPeek)));
    }
    if (code == CR_UNKNOWN_HOST) {
        return error(ProbeError::Unreachable, int(code),
                     QStringLiteral("cannot resolve the host name '%1' (for %2); check the name, DNS or /etc/hosts, "
                                    "or use an IP address")
                         .arg(options.key.host(), where));
    }
    if (code == CR_CONN_HOST_ERROR || code == CR_CONNECTION_ERROR || code == CR_IPSOCK_ERROR) {
        // Connector/C 3.3 reports a refused TCP connection as 2002 with the errno in parentheses.
        const QString reason = library.endsWith(QLatin1String("(111)")) ? QStringLiteral("connection refused")
                                                                        : library;
        return error(ProbeError::Unreachable, int(code),
                     QStringLiteral("cannot connect to %1 (%2); check that the server is running and listens on "
                                    "this address and port, and that no firewall blocks it")
                         .arg(where, reason));
    }
    if (code == CR_SSL_CONNECTION_ERROR) {
        const SslMode mode = options.sslMode;
        QString message;
        if (library.contains(QLatin1String(tlsGuardRefusalText()))
            || library.contains(QLatin1String("server does not support"))) {
            message = QStringLiteral("%1 does not offer TLS, but ssl-mode is %2; nothing was sent to it (no "
                                     "credentials). Enable TLS on the server (ssl_cert, ssl_key) or choose "
                                     "--ssl-mode PREFERRED")
                          .arg(where, sslModeName(mode));
        } else if (mode == SslMode::VerifyIdentity) {
            message = QStringLiteral("TLS with %1 failed verification (%2); with ssl-mode VERIFY_IDENTITY the "
                                     "server certificate must be signed by the CA in --ssl-ca%3 and name the "
                                     "host '%4' (CN or subjectAltName)")
                          .arg(where, library,
                               options.sslCa.isEmpty() ? QStringLiteral(" (none given: the system CAs)")
                                                       : QStringLiteral(" (%1)").arg(options.sslCa),
                               options.key.host());
        } else if (mode == SslMode::VerifyCa) {
            message = QStringLiteral("TLS with %1 failed verification (%2); with ssl-mode VERIFY_CA the server "
                                     "certificate must be signed by the CA in --ssl-ca (%3)")
                          .arg(where, library, options.sslCa);
        } else {
            message = QStringLiteral("TLS with %1 failed (%2); check the server's TLS setup and --ssl-cert/--ssl-key, "
                                     "or choose another --ssl-mode")
                          .arg(where, library);
        }
        return error(ProbeError::Tls, int(code), message);
    }
    if (code == CR_VERSION_ERROR || code == CR_MALFORMED_PACKET || code == CR_SERVER_HANDSHAKE_ERR) {
        return error(ProbeError::NotMySql, int(code),
                     QStringLiteral("%1 answered, but not with a MySQL protocol this client speaks (%2); check the port")
                         .arg(where, library));
    }
    if (code == CR_PLUGIN_NOT_ALLOWED) {
        // The library's text names the plugin, but after an authentication switch Connector/C 3.3
        // may print bytes of the packet buffer instead: name it only when it is a plugin name.
        static const QRegularExpression named(QStringLiteral("plugin '([a-z0-9_]{1,64})'"));
        const QRegularExpressionMatch m = named.match(library);
        const QString plugin = m.hasMatch() && !passwordProofPlugins().contains(m.captured(1))
                                   ? QStringLiteral("the authentication plugin '%1'").arg(m.captured(1))
                                   : QStringLiteral("an authentication plugin");
        return error(ProbeError::AccessDenied, int(code),
                     QStringLiteral("%1 asked for %2 that would give it the password of %3 (only %4 are "
                                    "allowed); nothing was sent. Give the account mysql_native_password or "
                                    "ed25519, or use --ssl-mode VERIFY_CA or VERIFY_IDENTITY (then the server's "
                                    "certificate proves it is yours and such plugins are allowed)")
                         .arg(where, plugin, options.user, passwordProofPlugins().join(QStringLiteral(" and "))));
    }
    if (isAccessDenied(code)) {
        QString hint = QStringLiteral("check the user and password for %1 (keychain entry or --password-env)")
                           .arg(account);
        if (code == ER_HOST_IS_BLOCKED)
            hint = QStringLiteral("run FLUSH HOSTS on the server (or raise max_connect_errors)");
        else if (code == ER_HOST_NOT_PRIVILEGED)
            hint = QStringLiteral("create the account for this client's address on the server");
        return error(ProbeError::AccessDenied, int(code),
                     QStringLiteral("%1 is alive but refused %2 (%3: %4); %5")
                         .arg(where, options.user).arg(code).arg(library, hint));
    }
    if (isTooManyConnections(code)) {
        return error(ProbeError::TooManyConnections, int(code),
                     QStringLiteral("%1 is alive but refuses new connections (%2: %3); free connections or raise "
                                    "max_connections (an account with CONNECTION ADMIN/SUPER gets one extra)")
                         .arg(where).arg(code).arg(library));
    }
    if (code == CR_SERVER_LOST || code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST_EXTENDED) {
        if (facts.greetingPeek.isEmpty()) {
            return error(ProbeError::Unreachable, int(code),
                         QStringLiteral("%1 closed the connection before sending a MySQL greeting (%2); the server may "
                                        "be shutting down, or a proxy there has no backend")
                             .arg(where, library));
        }
        return error(ProbeError::Unreachable, int(code),
                     QStringLiteral("lost the connection to %1 during the handshake (%2); check the server's error log")
                         .arg(where, library));
    }
    if (code == ER_SERVER_SHUTDOWN || code == ER_CONNECTION_KILLED) {
        return error(ProbeError::Unreachable, int(code),
                     QStringLiteral("%1 is shutting down (%2: %3)").arg(where).arg(code).arg(library));
    }
    if (code >= 2000 && code < 3000) {
        return error(ProbeError::Unreachable, int(code),
                     QStringLiteral("cannot connect to %1 (%2: %3)").arg(where).arg(code).arg(library));
    }
    return error(ProbeError::ServerError, int(code),
                 QStringLiteral("%1 refused the connection with ERROR %2: %3").arg(where).arg(code).arg(library));
}

} // namespace Topograph
