#include "clicommands.h"

#include "credentials/coredumps.h"
#include "logging/logging.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <csignal>
#include <memory>

int main(int argc, char *argv[])
{
    // Before any password is read (keychain, --password-env); the warning waits for the log.
    QString coreDumpError;
    Topograph::disableCoreDumps(&coreDumpError);
    // Only a PDF export needs Qt Gui (fonts for QPdfWriter); it runs on the offscreen platform
    // unless QT_QPA_PLATFORM says otherwise, so it works on a headless server.
    QStringList rawArguments;
    for (int i = 1; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> application;
    if (Topograph::Cli::needsGuiApplication(rawArguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("topograph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));

    Topograph::Logging::Options logOptions;
    logOptions.appName = QStringLiteral("topograph-cli");
    logOptions.console = true;
    QString logError;
    Topograph::Logging::initialize(logOptions, &logError);
    if (!logError.isEmpty())
        spdlog::warn("{}", logError);
    if (!coreDumpError.isEmpty())
        spdlog::warn("{}", coreDumpError);

    const int code = Topograph::Cli::run(app.arguments().mid(1));
    Topograph::Logging::shutdown();
    return code;
}
