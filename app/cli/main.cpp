#include "clicommands.h"

#include "logging/logging.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("topograph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));

    Topograph::Logging::Options logOptions;
    logOptions.appName = QStringLiteral("topograph-cli");
    logOptions.console = true;
    QString logError;
    Topograph::Logging::initialize(logOptions, &logError);
    if (!logError.isEmpty())
        spdlog::warn("{}", logError);

    const int code = Topograph::Cli::run(app.arguments().mid(1));
    Topograph::Logging::shutdown();
    return code;
}
