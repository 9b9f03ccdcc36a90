#pragma once

#include "model/instancefacts.h"

#include <QString>

namespace Topograph {

// How a call on a Connection failed. kind says what it means for the server (AccessDenied and
// TooManyConnections: alive; see probeErrorMeansAlive), code is the server's or the client
// library's error number (0 when Topograph itself detected the problem, e.g. a timeout).
struct MySqlError
{
    ProbeError kind = ProbeError::None;
    int code = 0;
    // A sentence for a DBA: names host:port, what failed, what to do. Never contains a password.
    QString message;

    bool isError() const { return kind != ProbeError::None; }
};

} // namespace Topograph
