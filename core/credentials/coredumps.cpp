#include "coredumps.h"

#include <QStringList>

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cerrno>
#include <cstring>

namespace Topograph {

bool disableCoreDumps(QString *error)
{
    QStringList failures;
    const rlimit none{0, 0};
    if (::setrlimit(RLIMIT_CORE, &none) != 0)
        failures << QStringLiteral("setrlimit(RLIMIT_CORE, 0): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        failures << QStringLiteral("prctl(PR_SET_DUMPABLE, 0): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    if (!failures.isEmpty() && error)
        *error = QStringLiteral("cannot disable core dumps (a dump could hold passwords): %1")
                     .arg(failures.join(QStringLiteral("; ")));
    return failures.isEmpty();
}

} // namespace Topograph
