#include "logging/logging.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

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
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("topograph"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        app.installTranslator(&translator);

    Topograph::Gui::MainWindow window;
    window.show();
    const int code = app.exec();
    Topograph::Logging::shutdown();
    return code;
}
