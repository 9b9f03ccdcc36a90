#include "connectioncontext.h"
#include "credentials/coredumps.h"
#include "engine/engine.h"
#include "localization.h"
#include "logging/logging.h"
#include "mainwindow.h"
#include "preferences.h"
#include "startupoptions.h"
#include "store/store.h"

#include <QApplication>
#include <QLocale>
#include <QMessageBox>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before any password is read; the warning waits for the log.
    QString coreDumpError;
    Topograph::disableCoreDumps(&coreDumpError);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("topograph"));
    QApplication::setApplicationDisplayName(QStringLiteral("Topograph"));
    QApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.topograph.Topograph"));

    QString logError;
    Topograph::Logging::initialize({}, &logError);
    if (!logError.isEmpty())
        qWarning("%s", qUtf8Printable(logError));
    if (!coreDumpError.isEmpty())
        qWarning("%s", qUtf8Printable(coreDumpError));

    // The system locale picks the language unless the preferences name one; a missing
    // translation falls back to English.
    const Topograph::Gui::Preferences preferences = Topograph::Gui::Preferences::load();
    Topograph::Gui::installTranslators(&app, preferences.locale());
    Topograph::Gui::applyTheme(&app, preferences.theme);

    QString error;
    const auto options = Topograph::Gui::StartupOptions::parse(QApplication::arguments(), &error);
    if (!options) {
        // --help and --version land here too: print, do not pop up.
        std::fprintf(stderr, "%s\n", qUtf8Printable(error));
        return app.arguments().contains(QStringLiteral("--help")) ? 0 : 2;
    }
    // Connection profiles (non-secret, in the settings) and passwords (keychain or this session's
    // memory) shared by the engine's provider and the Discover / Connections dialogs.
    auto connections = std::make_shared<Topograph::Gui::ConnectionContext>();
    const auto provider = Topograph::Gui::connectionOptionsProvider(*options, connections, &error);
    if (!provider) {
        std::fprintf(stderr, "topograph: %s\n", qUtf8Printable(error));
        return 2;
    }

    Topograph::Engine::Options eo;
    eo.storePath = options->storePath.isEmpty() ? Topograph::Store::defaultPath() : options->storePath;
    eo.seeds = options->seeds;
    eo.connectionOptions = *provider;
    // Until the first snapshot, the store says which cluster a known server is in (for its
    // cluster's password).
    if (const auto store = Topograph::Store::open(eo.storePath, &error))
        connections->membership().preload(*store);
    Topograph::Engine engine(eo);
    QObject::connect(&engine, &Topograph::Engine::snapshotUpdated, &app,
                     [connections](const Topograph::TopologySnapshotPtr &s) {
                         if (s)
                             connections->membership().update(*s);
                     });

    QString replicationPassword;
    if (!options->replicationPasswordEnv.isEmpty()) {
        replicationPassword = qEnvironmentVariable(qPrintable(options->replicationPasswordEnv));
        Topograph::Logging::registerSecret(replicationPassword);
    }

    Topograph::Gui::MainWindow window;
    window.setEngine(&engine, eo.storePath);
    window.setOperationContext(*provider, options->replicationUser, replicationPassword);
    window.setConnectionContext(connections);
    window.show();
    if (!engine.start(&error))
        QMessageBox::critical(&window, QObject::tr("Topograph"),
                              QObject::tr("The engine did not start: %1").arg(error));
    const int code = app.exec();
    engine.stop();
    Topograph::Logging::shutdown();
    return code;
}
