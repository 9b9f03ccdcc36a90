#pragma once

#include "connectionoptions.h"
#include "mysqlerror.h"

#include <QByteArray>
#include <QString>

namespace Topograph {

// What Connection saw when a call failed; the classifier turns it into a MySqlError with a message
// a DBA can act on. Kept apart from Connection so the rules read in one place.
struct FailureFacts
{
    unsigned code = 0;       // mysql_errno
    QString library;         // mysql_error
    bool timedOut = false;   // our deadline passed
    bool tcpConnected = false;
    QByteArray greetingPeek; // first bytes the peer sent while connecting
    QString what;            // "SHOW SLAVE STATUS", "a ping": the call that failed (not open())
};

MySqlError classifyConnectFailure(const ConnectionOptions &options, const FailureFacts &facts);
// ServerError means the server refused the statement and the connection is still usable; every
// other kind means it is not.
MySqlError classifyCallFailure(const ConnectionOptions &options, const FailureFacts &facts);

// True when the peeked bytes can be the start of a MySQL greeting (or of its error packet).
bool looksLikeGreeting(const QByteArray &peek);

} // namespace Topograph
