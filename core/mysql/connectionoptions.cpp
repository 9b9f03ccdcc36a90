#include "connectionoptions.h"

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

} // namespace Topograph
