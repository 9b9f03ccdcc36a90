#include "connectionoptions.h"

#include <QFileInfo>
#include <QStringList>

namespace Topograph {

QString sslModeName(SslMode mode)
{
    switch (mode) {
    case SslMode::Disabled: return QStringLiteral("DISABLED");
    case SslMode::Preferred: return QStringLiteral("PREFERRED");
    case SslMode::Required: return QStringLiteral("REQUIRED");
    case SslMode::VerifyCa: return QStringLiteral("VERIFY_CA");
    case SslMode::VerifyIdentity: return QStringLiteral("VERIFY_IDENTITY");
    }
    return QStringLiteral("PREFERRED");
}

QStringList sslModeNames()
{
    return {sslModeName(SslMode::Disabled), sslModeName(SslMode::Preferred),
            sslModeName(SslMode::Required), sslModeName(SslMode::VerifyCa),
            sslModeName(SslMode::VerifyIdentity)};
}

std::optional<SslMode> sslModeFromName(const QString &name, QString *error)
{
    QString normalized = name.trimmed().toUpper();
    normalized.replace(QLatin1Char('-'), QLatin1Char('_'));
    for (SslMode mode : {SslMode::Disabled, SslMode::Preferred, SslMode::Required, SslMode::VerifyCa,
                         SslMode::VerifyIdentity}) {
        if (normalized == sslModeName(mode))
            return mode;
    }
    if (error) {
        *error = QStringLiteral("unknown ssl-mode '%1'; use one of %2")
                     .arg(name, sslModeNames().join(QStringLiteral(", ")));
    }
    return std::nullopt;
}

QString tlsOptionsProblem(const ConnectionOptions &options)
{
    if (options.sslMode == SslMode::Disabled)
        return {};
    const QList<std::pair<QString, QString>> files{{QStringLiteral("--ssl-ca"), options.sslCa},
                                                   {QStringLiteral("--ssl-cert"), options.sslCert},
                                                   {QStringLiteral("--ssl-key"), options.sslKey}};
    for (const auto &[option, path] : files)
        if (!path.isEmpty() && !QFileInfo(path).isReadable())
            return QStringLiteral("the %1 file '%2' does not exist or is not readable").arg(option, path);
    if (options.sslCert.isEmpty() != options.sslKey.isEmpty())
        return QStringLiteral("--ssl-cert and --ssl-key go together (a client certificate needs its key)");
    if (options.sslMode == SslMode::VerifyCa && options.sslCa.isEmpty())
        return QStringLiteral("--ssl-mode VERIFY_CA needs --ssl-ca FILE (the CA that signed the server "
                              "certificates)");
    return {};
}

} // namespace Topograph
