#include "clientlibrary.h"

#include <mysql.h>
#include <errmsg.h>
#include <mysql/plugin_auth.h>

#include <QStringList>
#include <QtGlobal>

#include <mutex>

namespace Topograph {

namespace {

// <mysql/client_plugin.h> cannot be included on Debian (it wants ma_compress.h, which is not
// shipped), so the authentication plugin layout it declares is spelt out here: the common header
// that <mysql.h> defines, then the one method.
constexpr int AuthenticationPluginType = 2;              // MYSQL_CLIENT_AUTHENTICATION_PLUGIN
constexpr unsigned AuthenticationPluginInterface = 0x0100; // ..._PLUGIN_INTERFACE_VERSION
struct AuthenticationPlugin
{
    MYSQL_CLIENT_PLUGIN_HEADER
    int (*authenticate_user)(MYSQL_PLUGIN_VIO *vio, MYSQL *mysql);
};

constexpr char GuardName[] = "topograph_tls_guard";
constexpr char GuardRefusal[] = "TLS is required, but the server does not offer it";

int tlsGuardAuthenticate(MYSQL_PLUGIN_VIO *vio, MYSQL *mysql)
{
    if (!(mysql->server_capabilities & CLIENT_SSL)) {
        mysql->net.last_errno = CR_SSL_CONNECTION_ERROR;
        qstrncpy(mysql->net.last_error, GuardRefusal, sizeof mysql->net.last_error);
        return CR_ERROR;
    }
    // Reading makes the library send the handshake response first: it starts TLS, then sends the
    // user name with empty authentication data under this plugin's name. The server, which does
    // not know this plugin, answers with an authentication switch to the account's plugin;
    // read_packet reports a switch as an error and the library then runs that plugin.
    unsigned char *packet = nullptr;
    const int length = vio->read_packet(vio, &packet);
    if (length < 0)
        return CR_ERROR;
    return CR_OK_HANDSHAKE_COMPLETE; // the server accepted at once (an OK packet): done
}

AuthenticationPlugin tlsGuardPlugin = {
    AuthenticationPluginType,
    AuthenticationPluginInterface,
    GuardName,
    "Topograph",
    "Refuses servers without TLS before sending credentials",
    {1, 0, 0},
    "GPL",
    nullptr, // mysql_api
    nullptr, // init
    nullptr, // deinit
    nullptr, // options
    tlsGuardAuthenticate,
};

void initializeLibrary()
{
    mysql_library_init(0, nullptr, nullptr);
    MYSQL *scratch = mysql_init(nullptr);
    if (!mysql_client_register_plugin(scratch, reinterpret_cast<st_mysql_client_plugin *>(&tlsGuardPlugin)))
        qWarning("cannot register the TLS guard with the MySQL client library: %s", mysql_error(scratch));
    mysql_close(scratch);
}

struct ThreadGuard
{
    ThreadGuard() { mysql_thread_init(); }
    ~ThreadGuard() { mysql_thread_end(); }
};

} // namespace

QString clientLibraryName()
{
#ifdef MARIADB_PACKAGE_VERSION
    return QStringLiteral("MariaDB Connector/C %1").arg(QString::fromLatin1(mysql_get_client_info()));
#else
    return QStringLiteral("MySQL client library %1").arg(QString::fromLatin1(mysql_get_client_info()));
#endif
}

void prepareClientLibraryForThisThread()
{
    static std::once_flag once;
    std::call_once(once, initializeLibrary);
    thread_local ThreadGuard guard;
    (void)guard;
}

const char *tlsGuardPluginName()
{
    return GuardName;
}

const char *tlsGuardRefusalText()
{
    return GuardRefusal;
}

QStringList passwordProofPlugins()
{
    return {QStringLiteral("mysql_native_password"), QStringLiteral("client_ed25519")};
}

QStringList passwordRevealingPlugins()
{
    return {QStringLiteral("caching_sha2_password"), QStringLiteral("sha256_password"),
            QStringLiteral("mysql_clear_password"), QStringLiteral("dialog")};
}

QByteArray allowedAuthenticationPlugins(bool serverCertificateVerified)
{
    QStringList allowed = passwordProofPlugins();
    allowed << QString::fromLatin1(GuardName);
    if (serverCertificateVerified)
        allowed << passwordRevealingPlugins();
    return allowed.join(QLatin1Char(',')).toLatin1();
}

} // namespace Topograph
