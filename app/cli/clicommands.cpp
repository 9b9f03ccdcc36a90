#include "clicommands.h"

#include "credentials/credentialstore.h"
#include "mysql/clientlibrary.h"
#include "mysql/connectionoptions.h"

#include <QCoreApplication>

namespace Topograph::Cli {

namespace {

const char usageText[] =
    "Usage: topograph-cli [GLOBAL OPTIONS] COMMAND [ARGUMENTS]\n"
    "\n"
    "Global options:\n"
    "  --store FILE          the Topograph store (default: under the application data folder)\n"
    "  --user NAME           the topology user to connect as\n"
    "  --password-env VAR    read the password from environment variable VAR (else the keychain)\n"
    "  --json                machine-readable output\n"
    "  --ssl-mode MODE       DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY\n"
    "  --ssl-ca FILE, --ssl-cert FILE, --ssl-key FILE\n"
    "  --version, --help\n";

int printHelp(QTextStream &out)
{
    out << usageText << "\nCommands:\n";
    for (const Command &c : allCommands()) {
        const QString usage = c.name + QLatin1Char(' ') + c.synopsis;
        // a long synopsis gets its own line, so the summaries stay in one column
        if (usage.size() > 44)
            out << "  " << usage << '\n' << QString(47, QLatin1Char(' ')) << c.summary << '\n';
        else
            out << "  " << usage.leftJustified(44) << ' ' << c.summary << '\n';
    }
    out.flush();
    return ExitOk;
}

QString connectionOptionsProblem(const GlobalOptions &options)
{
    ConnectionOptions tls;
    if (!options.sslMode.isEmpty()) {
        QString why;
        const auto mode = sslModeFromName(options.sslMode, &why);
        if (!mode)
            return QStringLiteral("--ssl-mode: ") + why;
        tls.sslMode = *mode;
    }
    tls.sslCa = options.sslCa;
    tls.sslCert = options.sslCert;
    tls.sslKey = options.sslKey;
    if (const QString why = tlsOptionsProblem(tls); !why.isEmpty())
        return why;
    if (!options.passwordEnv.isEmpty())
        if (const CredentialResult r = passwordFromEnvironment(options.passwordEnv); !r.ok)
            return r.error;
    return {};
}

} // namespace

QList<Command> allCommands()
{
    QList<Command> commands;
    commands += discoveryCommands();
    commands += auditCommands();
    commands += recoveryCommands();
    commands += operationCommands();
    return commands;
}

int run(const QStringList &arguments)
{
    GlobalOptions options;
    QStringList rest = arguments;
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto usageError = [&](const QString &message) {
        err << "topograph-cli: " << message << " (see topograph-cli --help)" << Qt::endl;
        return int(ExitUsage);
    };

    // Global options come before the command; a command's own options come after it.
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--"))) {
        QString opt = rest.takeFirst();
        QString value;
        const int eq = opt.indexOf(QLatin1Char('='));
        if (eq > 0) {
            value = opt.mid(eq + 1);
            opt = opt.left(eq);
        }
        auto takeValue = [&]() -> std::optional<QString> {
            if (eq > 0)
                return value;
            if (rest.isEmpty() || rest.first().startsWith(QLatin1String("--")))
                return std::nullopt;
            return rest.takeFirst();
        };
        if (opt == QLatin1String("--help"))
            return printHelp(out);
        if (opt == QLatin1String("--version")) {
            out << "topograph-cli " << TOPOGRAPH_VERSION << " (Qt " << qVersion() << ", "
                << clientLibraryName() << ")" << Qt::endl;
            return ExitOk;
        }
        if (opt == QLatin1String("--json")) {
            options.json = true;
            continue;
        }
        QString *target = nullptr;
        if (opt == QLatin1String("--store"))
            target = &options.storePath;
        else if (opt == QLatin1String("--user"))
            target = &options.user;
        else if (opt == QLatin1String("--password-env"))
            target = &options.passwordEnv;
        else if (opt == QLatin1String("--ssl-mode"))
            target = &options.sslMode;
        else if (opt == QLatin1String("--ssl-ca"))
            target = &options.sslCa;
        else if (opt == QLatin1String("--ssl-cert"))
            target = &options.sslCert;
        else if (opt == QLatin1String("--ssl-key"))
            target = &options.sslKey;
        else if (opt == QLatin1String("--password"))
            return usageError(QStringLiteral("passwords are never taken on the command line (they would "
                                             "show in ps and shell history); use --password-env VAR or "
                                             "the keychain"));
        else
            return usageError(QStringLiteral("unknown global option '%1'").arg(opt));
        const auto v = takeValue();
        if (!v)
            return usageError(QStringLiteral("%1 needs a value").arg(opt));
        *target = *v;
    }
    if (rest.isEmpty())
        return usageError(QStringLiteral("no command given"));

    // Longest match first, so "audit list" wins over a hypothetical "audit".
    const QList<Command> commands = allCommands();
    const Command *match = nullptr;
    int matchWords = 0;
    for (const Command &c : commands) {
        const QStringList words = c.name.split(QLatin1Char(' '));
        if (words.size() > rest.size() || words.size() <= matchWords)
            continue;
        if (rest.mid(0, words.size()) == words) {
            match = &c;
            matchWords = int(words.size());
        }
    }
    if (!match)
        return usageError(QStringLiteral("unknown command '%1'").arg(rest.first()));
    // Mistakes in the options are usage errors before anything is opened or connected to, so that
    // they are not blamed on the first server (or leave a new store behind).
    if (const QString why = connectionOptionsProblem(options); !why.isEmpty())
        return usageError(why);
    Context context(options);
    const int code = match->run(context, rest.mid(matchWords));
    context.out().flush();
    context.err().flush();
    return code;
}

} // namespace Topograph::Cli
