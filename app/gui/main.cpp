#include "logging/logging.h"
#include "localization.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLocale>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("topograph"));
    QApplication::setApplicationDisplayName(QStringLiteral("Topograph"));
    QApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.topograph.Topograph"));

    QString logError;
    Topograph::Logging::initialize({}, &logError);
    if (!logError.isEmpty())
        qWarning("%s", qUtf8Printable(logError));

    // The system locale picks the language; a missing translation falls back to English.
    Topograph::Gui::installTranslators(&app, QLocale());

    Topograph::Gui::MainWindow window;
    window.show();
    const int code = app.exec();
    Topograph::Logging::shutdown();
    return code;
}
