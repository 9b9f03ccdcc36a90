#pragma once

#include "model/instancekey.h"

#include <QString>

#include <optional>

namespace Topograph {

// MySQL's --ssl-mode values. MariaDB Connector/C has no MYSQL_OPT_SSL_MODE; connection.cpp maps
// each mode onto the options it does have (see the table there).
enum class SslMode { Disabled, Preferred, Required, VerifyCa, VerifyIdentity };

// "DISABLED", "PREFERRED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY": MySQL's spelling.
QString sslModeName(SslMode mode);
// Case-insensitive; "verify-ca" is accepted for "VERIFY_CA". On failure *error names the input and
// lists the valid names.
std::optional<SslMode> sslModeFromName(const QString &name, QString *error = nullptr);
QStringList sslModeNames();

struct ConnectionOptions
{
    InstanceKey key;
    QString user;
    QString password; // never logged; whoever obtains it calls Logging::registerSecret on it
    SslMode sslMode = SslMode::Preferred;
    QString sslCa;   // PEM file of the CA(s) that signed the server certificate
    QString sslCert; // client certificate (PEM), with sslKey
    QString sslKey;
    // open() as a whole (TCP connect, greeting, TLS, authentication) takes at most this long.
    int connectTimeoutMs = 2000;
    // One query()/execute()/ping() takes at most readTimeoutMs (sending the statement is bounded by
    // writeTimeoutMs within that).
    int readTimeoutMs = 3000;
    int writeTimeoutMs = 3000;

    // "topograph@127.0.0.1:3306", for messages.
    QString accountText() const { return user + QLatin1Char('@') + key.toString(); }
};

// What is wrong with the TLS options taken together, naming the option (a file that cannot be
// read, a certificate without its key, VERIFY_CA without a CA); empty when they can be used.
// Checked before any connection, so that a mistake in the options is not blamed on a server.
QString tlsOptionsProblem(const ConnectionOptions &options);

} // namespace Topograph
