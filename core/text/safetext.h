#pragma once

#include <QString>

namespace Topograph {

// Text from outside (what a server reports: host names, error messages, status fields; what a
// file or a person typed) made harmless for where Topograph writes it. One place, so the terminal,
// the log file and the CSV export cannot disagree on what is dangerous.
class SafeText
{
public:
    // One line for a terminal or a log file: control characters (C0, DEL, C1 such as the 8-bit
    // CSI), line and paragraph separators and bidirectional overrides are shown as escapes
    // (\n, \r, \t, \x1b, \u{202e}), so an escape sequence does nothing and an embedded newline
    // cannot forge a line. Everything else, backslashes included, is kept as it is.
    static QString line(const QString &text);
    // line() for each line of a multi-line text, keeping its '\n' (CR and everything else escaped).
    static QString lines(const QString &text);
    // True when line(text) would change something.
    static bool needsEscaping(const QString &text);
    // The inverse of line(): \n, \r, \t, \xNN and \u{N...} back to the characters they stand for;
    // any other backslash is kept. How a person types a name that line() displayed.
    static QString unescape(const QString &text);

    // A spreadsheet cell (OWASP "CSV injection"): a value that starts with = + - @, a tab or a CR
    // is what a spreadsheet runs as a formula, so it gets a leading apostrophe, which spreadsheets
    // show as text. Quoting is the CSV writer's job.
    static QString csvCell(const QString &text);
};

} // namespace Topograph
