#include "engine/engine.h"
#include "localization.h"
#include "logging/logging.h"
#include "mainwindow.h"
#include "startupoptions.h"
#include "store/store.h"

#include <QApplication>
#include <QLocale>
#include <QMessageBox>

#include <cstdio>

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

    QString error;
    const auto options = Topograph::Gui::StartupOptions::parse(QApplication::arguments(), &error);
    if (!options) {
        // --help and --version land here too: print, do not pop up.
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return app.arguments().contains(QStringLiteral("--help")) ? 0 : 2;
    }
    const auto provider = Topograph::Gui::connectionOptionsProvider(*options, &error);
    if (!provider) {
        std::fprintf(stderr, "topograph: %s\n", qUtf8Printable(error));
        return 2;
    }

    Topograph::Engine::Options eo;
    eo.storePath = options->storePath.isEmpty() ? Topograph::Store::defaultPath() : options->storePath;
    eo.seeds = options->seeds;
    eo.connectionOptions = *provider;
    Topograph::Engine engine(eo);

    QString replicationPassword;
    if (!options->replicationPasswordEnv.isEmpty()) {
        replicationPassword = qEnvironmentVariable(qPrintable(options->replicationPasswordEnv));
        Topograph::Logging::registerSecret(replicationPassword);
    }

    Topograph::Gui::MainWindow window;
    window.setEngine(&engine, eo.storePath);
    window.setOperationContext(*provider, options->replicationUser, replicationPassword);
    window.show();
    if (!engine.start(&error))
        QMessageBox::critical(&window, QObject::tr("Topograph"),
                              QObject::tr("The engine did not start: %1").arg(error));
    const int code = app.exec();
    engine.stop();
    Topograph::Logging::shutdown();
    return code;
}
