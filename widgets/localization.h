#pragma once

#include <QLocale>

class QCoreApplication;

namespace Topograph::Gui {

// Installs Qt's own and Topograph's translators for the locale (the system one unless a
// preference overrides it). Returns whether a Topograph translation was found; without one the
// interface stays in English.
bool installTranslators(QCoreApplication *app, const QLocale &locale);

} // namespace Topograph::Gui
