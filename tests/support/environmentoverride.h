#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace Topograph::Test {

// Sets or unsets environment variables for one scope and restores them afterwards (each to the
// value it had before the first change, however often it is changed in between).
class EnvironmentOverride
{
public:
    EnvironmentOverride() = default;
    EnvironmentOverride(const EnvironmentOverride &) = delete;
    EnvironmentOverride &operator=(const EnvironmentOverride &) = delete;

    void set(const char *name, const QByteArray &value)
    {
        remember(name);
        qputenv(name, value);
    }
    void unset(const char *name)
    {
        remember(name);
        qunsetenv(name);
    }
    ~EnvironmentOverride()
    {
        for (const auto &[name, value] : m_saved) {
            if (value)
                qputenv(name.constData(), *value);
            else
                qunsetenv(name.constData());
        }
    }

private:
    void remember(const char *name)
    {
        for (const auto &saved : m_saved)
            if (saved.first == name)
                return;
        m_saved.append({QByteArray(name), qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name))
                                                                           : std::nullopt});
    }
    QList<std::pair<QByteArray, std::optional<QByteArray>>> m_saved;
};

} // namespace Topograph::Test
