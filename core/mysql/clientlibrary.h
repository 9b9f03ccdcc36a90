#pragma once

#include <QString>

namespace Topograph {

// "MariaDB Connector/C 3.3.20": what --version and the About box report.
QString clientLibraryName();

// Initialises the client library once per process (mysql_library_init under std::call_once; it
// also sets SIGPIPE to ignored, as Connector/C always does) and the calling thread for it
// (mysql_thread_init now, mysql_thread_end when the thread exits, through a thread_local guard).
// Connection calls this itself; nobody else needs to.
void prepareClientLibraryForThisThread();

// An authentication "plugin" registered in the client library: it refuses a server whose greeting
// does not offer TLS before anything else is sent (no user name, no password hash), and otherwise
// lets the server switch to the account's real authentication plugin. Connector/C 3.3 silently
// falls back to plain text for use_ssl without certificate host verification; this is how
// ssl-mode REQUIRED and VERIFY_CA refuse a plain-text server without sending credentials.
const char *tlsGuardPluginName();
// The error text the guard leaves in the connection when it refuses.
const char *tlsGuardRefusalText();

} // namespace Topograph
