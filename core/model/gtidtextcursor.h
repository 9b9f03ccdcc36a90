#pragma once

// Internal to gtid.cpp: the character cursor shared by the MySQL and MariaDB GTID parsers.

#include <QString>
#include <QStringView>

#include <optional>

namespace Topograph {

// Walks the input once and builds error messages that quote it and point at a character.
class GtidTextCursor
{
public:
    GtidTextCursor(const QString &text, QString *error)
        : m_text(text), m_error(error)
    {}

    void skipSpace()
    {
        while (m_i < m_text.size() && m_text.at(m_i).isSpace())
            ++m_i;
    }
    bool atEnd() const { return m_i >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_i); }
    qsizetype index() const { return m_i; }
    void advance() { ++m_i; }
    bool take(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_i;
        return true;
    }
    // Characters up to (not including) any of stops or whitespace.
    QString tokenUntil(QStringView stops)
    {
        const qsizetype start = m_i;
        while (!atEnd() && !peek().isSpace() && !stops.contains(peek()))
            ++m_i;
        return m_text.mid(start, m_i - start);
    }

    // Digits as an unsigned number not above max; what names the number in errors.
    std::optional<quint64> number(quint64 max, const QString &what)
    {
        if (!peek().isDigit())
            return failAt(m_i, QStringLiteral("%1 must be a number").arg(what)), std::nullopt;
        const qsizetype start = m_i;
        quint64 value = 0;
        bool overflow = false;
        while (!atEnd() && peek().isDigit()) {
            const quint64 digit = quint64(peek().unicode() - '0');
            if (value > (max - digit) / 10)
                overflow = true;
            else
                value = value * 10 + digit;
            ++m_i;
        }
        if (!atEnd() && peek().isLetterOrNumber())
            return failAt(m_i, QStringLiteral("%1 must be a number").arg(what)), std::nullopt;
        if (overflow)
            return failAt(start, QStringLiteral("%1 is larger than %2").arg(what).arg(max)), std::nullopt;
        return value;
    }

    void failAt(qsizetype index, const QString &what)
    {
        if (!m_error)
            return;
        // gtid_executed can be kilobytes long: quote the beginning, the position still locates it.
        QString shown = m_text;
        if (shown.size() > 80)
            shown = shown.left(77) + QStringLiteral("...");
        shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
        *m_error = QStringLiteral("'%1' at character %2: %3").arg(shown).arg(index + 1).arg(what);
    }

private:
    const QString &m_text;
    QString *m_error;
    qsizetype m_i = 0;
};

} // namespace Topograph
