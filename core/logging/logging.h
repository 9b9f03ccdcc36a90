#pragma once

#include <QString>

#include <spdlog/spdlog.h>

#include <string_view>

// One formatter for the whole project, so a QString can be logged as-is: spdlog::info("{}", s).
template<>
struct fmt::formatter<QString> : fmt::formatter<std::string_view>
{
    template<typename Context>
    auto format(const QString &s, Context &ctx) const
    {
        const QByteArray utf8 = s.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(utf8.constData(), utf8.size()), ctx);
    }
};

namespace Topograph::Logging {

struct Options
{
    QString appName = QStringLiteral("topograph");
    // Where the rotating log files go; empty = <AppDataLocation>/logs. TOPOGRAPH_LOG_DIR overrides.
    QString directory;
    bool console = false; // the CLI logs warnings and errors to stderr as well
    spdlog::level::level_enum fileLevel = spdlog::level::info;
    spdlog::level::level_enum consoleLevel = spdlog::level::warn;
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 5;
};

// Sets up the default logger (rotating file + optional console) and routes qDebug/qWarning/...
// into it. Safe to call again (e.g. from tests): the previous logger is replaced.
// Returns false with *error when the log directory cannot be created; logging then goes to
// stderr only, never nowhere.
bool initialize(const Options &options, QString *error = nullptr);
QString logFilePath();
void flush();
void shutdown();

// Every log line passes through redaction of the registered secrets (passwords the process got
// from the keychain or an environment variable), whatever sink or code path produced it.
void registerSecret(const QString &secret);
// The same redaction, for text that goes elsewhere (error messages shown to a person).
QString redacted(const QString &text);

} // namespace Topograph::Logging
