#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

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

// Authentication plugins, by what a server learns from them (Connector/C 3.3's plugin names):
// "proof" plugins answer a challenge and never reveal the password (mysql_native_password,
// client_ed25519); "revealing" ones hand it to the server, in clear (mysql_clear_password, dialog,
// and caching_sha2_password / sha256_password over TLS) or encrypted with a public key the server
// itself sends (caching_sha2_password / sha256_password without TLS), so a fake server reads it.
QStringList passwordProofPlugins();
QStringList passwordRevealingPlugins();
// The MARIADB_OPT_RESTRICTED_AUTH value of a connection: the proof plugins and the TLS guard, plus
// the revealing plugins only when the server's certificate is verified (ssl-mode VERIFY_CA or
// VERIFY_IDENTITY: then the server holds a certificate of the operator's CA, not merely any name a
// replica reported). Connector/C checks each plugin the server asks for, including an
// authentication switch, with strstr() against this comma-separated list before the plugin runs.
QByteArray allowedAuthenticationPlugins(bool serverCertificateVerified);

} // namespace Topograph
