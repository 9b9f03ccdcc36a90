#include "logging.h"

#include "text/safetext.h"

#include <QDir>
#include <QMutex>
#include <QStandardPaths>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>
#include <vector>

namespace Topograph::Logging {

namespace {

QMutex secretsMutex;
std::vector<std::string> secrets; // UTF-8, longest first so a secret inside another is covered
QString currentLogFile;

std::string redactUtf8(std::string_view in)
{
    std::string out(in);
    QMutexLocker lock(&secretsMutex);
    for (const std::string &s : secrets) {
        for (std::size_t pos = out.find(s); pos != std::string::npos; pos = out.find(s, pos + 5))
            out.replace(pos, s.size(), "*****");
    }
    return out;
}

// Redacts the message, then hands it to the real sinks.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(std::vector<spdlog::sink_ptr> sinks)
        : m_sinks(std::move(sinks))
    {}

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        // One message, one line: text a server supplied (a host name, an error) may hold a newline
        // or an escape sequence, which must neither forge a line nor reach a terminal.
        const std::string redacted = redactUtf8(std::string_view(msg.payload.data(), msg.payload.size()));
        const std::string clean = SafeText::line(QString::fromStdString(redacted)).toStdString();
        spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, clean);
        copy.thread_id = msg.thread_id;
        for (const auto &s : m_sinks)
            if (s->should_log(copy.level))
                s->log(copy);
    }
    void flush_() override
    {
        for (const auto &s : m_sinks)
            s->flush();
    }

private:
    std::vector<spdlog::sink_ptr> m_sinks;
};

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    spdlog::level::level_enum level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg: level = spdlog::level::debug; break;
    case QtInfoMsg: level = spdlog::level::info; break;
    case QtWarningMsg: level = spdlog::level::warn; break;
    case QtCriticalMsg: level = spdlog::level::err; break;
    case QtFatalMsg: level = spdlog::level::critical; break;
    }
    const char *category = context.category && qstrcmp(context.category, "default") != 0
                               ? context.category
                               : "qt";
    spdlog::log(level, "[{}] {}", category, message);
    if (type == QtFatalMsg) {
        spdlog::default_logger()->flush();
        std::abort();
    }
}

} // namespace

bool initialize(const Options &options, QString *error)
{
    std::vector<spdlog::sink_ptr> sinks;
    QString dir = qEnvironmentVariable("TOPOGRAPH_LOG_DIR", options.directory);
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs");
    bool ok = true;
    currentLogFile.clear();
    if (!QDir().mkpath(dir)) {
        ok = false;
        if (error)
            *error = QStringLiteral("cannot create the log directory %1; logging to stderr only").arg(dir);
    } else {
        currentLogFile = QDir(dir).filePath(options.appName + QStringLiteral(".log"));
        try {
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                currentLogFile.toStdString(), options.maxFileBytes, options.maxFiles);
            file->set_level(options.fileLevel);
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex &e) {
            ok = false;
            if (error)
                *error = QStringLiteral("cannot open the log file %1 (%2); logging to stderr only")
                             .arg(currentLogFile, QString::fromUtf8(e.what()));
            currentLogFile.clear();
        }
    }
    if (options.console || sinks.empty()) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(options.console ? options.consoleLevel : spdlog::level::warn);
        console->set_pattern("%^%l%$: %v");
        sinks.push_back(console);
    }
    auto redacting = std::make_shared<RedactingSink>(std::move(sinks));
    auto logger = std::make_shared<spdlog::logger>(options.appName.toStdString(), redacting);
    logger->set_level(std::min(options.fileLevel, options.consoleLevel));
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%l] [%t] %v");
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageHandler);
    return ok;
}

QString logFilePath()
{
    return currentLogFile;
}

void flush()
{
    spdlog::default_logger()->flush();
}

void shutdown()
{
    qInstallMessageHandler(nullptr);
    spdlog::shutdown();
}

void registerSecret(const QString &secret)
{
    // Very short "secrets" would redact ordinary words; a real password is longer.
    if (secret.size() < 4)
        return;
    const std::string s = secret.toStdString();
    QMutexLocker lock(&secretsMutex);
    if (std::find(secrets.begin(), secrets.end(), s) != secrets.end())
        return;
    secrets.push_back(s);
    std::sort(secrets.begin(), secrets.end(), [](const auto &a, const auto &b) { return a.size() > b.size(); });
}

QString redacted(const QString &text)
{
    return QString::fromStdString(redactUtf8(text.toStdString()));
}

} // namespace Topograph::Logging
