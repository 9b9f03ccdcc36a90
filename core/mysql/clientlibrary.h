#pragma once

#include <QString>

namespace Topograph {

// "MariaDB Connector/C 3.3.20": what --version and the About box report.
QString clientLibraryName();

} // namespace Topograph
