#include "binlogcoordinates.h"

namespace Topograph {

std::optional<BinlogFileName> parseBinlogFileName(const QString &file, QString *error)
{
    const QString f = file.trimmed();
    const qsizetype dot = f.lastIndexOf(QLatin1Char('.'));
    bool ok = false;
    const qint64 number = dot > 0 ? f.mid(dot + 1).toLongLong(&ok) : 0;
    // toLongLong accepts a sign; a file suffix never has one.
    if (!ok || number < 0 || !f.at(dot + 1).isDigit()) {
        if (error)
            *error = QStringLiteral("'%1' is not a binary log file name (expected <base>.<number>, "
                                    "e.g. mysql-bin.000123)").arg(file);
        return std::nullopt;
    }
    return BinlogFileName{f.left(dot), number};
}

std::optional<BinlogCoordinates> parseBinlogCoordinates(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
    auto fail = [&](const QString &why) -> std::optional<BinlogCoordinates> {
        if (error)
            *error = QStringLiteral("'%1' is not binary log coordinates: %2").arg(text, why);
        return std::nullopt;
    };
    if (colon <= 0)
        return fail(QStringLiteral("expected FILE:POSITION, e.g. mysql-bin.000123:4567"));
    QString why;
    if (!parseBinlogFileName(t.left(colon), &why))
        return fail(why);
    bool ok = false;
    const qint64 pos = t.mid(colon + 1).toLongLong(&ok);
    if (!ok || pos < 0 || !t.mid(colon + 1).front().isDigit())
        return fail(QStringLiteral("the position '%1' is not a non-negative number").arg(t.mid(colon + 1)));
    return BinlogCoordinates{t.left(colon), pos};
}

std::optional<int> compareBinlogCoordinates(const BinlogCoordinates &a, const BinlogCoordinates &b,
                                            QString *error)
{
    QString why;
    const auto fa = parseBinlogFileName(a.file, &why);
    const auto fb = fa ? parseBinlogFileName(b.file, &why) : std::nullopt;
    if (!fa || !fb) {
        if (error)
            *error = QStringLiteral("cannot compare %1 with %2: %3")
                         .arg(a.isValid() ? a.toString() : QStringLiteral("(no coordinates)"),
                              b.isValid() ? b.toString() : QStringLiteral("(no coordinates)"), why);
        return std::nullopt;
    }
    if (fa->base != fb->base) {
        if (error)
            *error = QStringLiteral("cannot compare %1 with %2: they are different binary logs "
                                    "(base names '%3' and '%4')")
                         .arg(a.toString(), b.toString(), fa->base, fb->base);
        return std::nullopt;
    }
    if (fa->number != fb->number)
        return fa->number < fb->number ? -1 : 1;
    if (a.position != b.position)
        return a.position < b.position ? -1 : 1;
    return 0;
}

} // namespace Topograph
