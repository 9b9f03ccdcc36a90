#pragma once

// Small helpers every GUI test shares.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>
#include <QTest>
#include <QWidget>

namespace Topograph::Test {

// Saves a screenshot of w as $TOPOGRAPH_TEST_ARTIFACTS/name (scripts/test sets it: build/
// test-artifacts), so people can look at what the tests saw. Nothing when the variable is unset.
inline void saveArtifact(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("TOPOGRAPH_TEST_ARTIFACTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // pending layout requests first: a new status text may need more lines
    w.grab().save(dir + QLatin1Char('/') + name);
}

// Removes the throw-away settings file a test wrote (its organisation name is the test's own).
inline void removeTestSettings()
{
    QSettings settings;
    const QString file = settings.fileName();
    settings.clear();
    settings.sync();
    QFile::remove(file);
    QDir().rmdir(QFileInfo(file).absolutePath());
}

// The comma-separated items after `prefix` on the line of `text` that starts with it ("none" =
// no item), for preview texts like "Covers clusters: a, b".
inline QStringList afterPrefix(const QString &text, const QString &prefix)
{
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (line.startsWith(prefix)) {
            const QString rest = line.mid(prefix.size());
            return rest == QLatin1String("none") ? QStringList() : rest.split(QStringLiteral(", "));
        }
    return {QStringLiteral("<no line starting with %1>").arg(prefix)};
}

inline QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

} // namespace Topograph::Test
