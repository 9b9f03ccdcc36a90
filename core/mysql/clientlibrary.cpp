#include "clientlibrary.h"

#include <mysql.h>

namespace Topograph {

QString clientLibraryName()
{
#ifdef MARIADB_PACKAGE_VERSION
    return QStringLiteral("MariaDB Connector/C %1").arg(QString::fromLatin1(mysql_get_client_info()));
#else
    return QStringLiteral("MySQL client library %1").arg(QString::fromLatin1(mysql_get_client_info()));
#endif
}

} // namespace Topograph
