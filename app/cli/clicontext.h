#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace Topograph::Cli {

// Options every command accepts, before the command name. The GUI accepts the same ones.
struct GlobalOptions
{
    QString storePath;   // --store FILE; empty = default under the app data location
    QString user;        // --user NAME (topology user)
    QString passwordEnv; // --password-env VAR: the password is read from that variable
    bool json = false;   // --json
    QString sslMode;     // --ssl-mode DISABLED|PREFERRED|REQUIRED|VERIFY_CA|VERIFY_IDENTITY
    QString sslCa;
    QString sslCert;
    QString sslKey;
};

enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

class Context
{
public:
    explicit Context(GlobalOptions options);

    const GlobalOptions &options() const { return m_options; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // One line to stderr, "topograph-cli: <message>", and the exit code to return.
    int fail(const QString &message, int code = ExitFailed);

private:
    GlobalOptions m_options;
    QTextStream m_out;
    QTextStream m_err;
};

struct Command
{
    QString name;     // may contain a space for a sub-command, e.g. "audit list"
    QString synopsis; // arguments after the name, e.g. "HOST:PORT [--candidate HOST:PORT]"
    QString summary;  // one line for --help
    std::function<int(Context &, const QStringList &args)> run;
};

} // namespace Topograph::Cli
