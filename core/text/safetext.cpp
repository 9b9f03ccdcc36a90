#include "safetext.h"

namespace Topograph {

namespace {

bool isDangerous(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) // C0, DEL, C1 (0x9B is a CSI)
           || c == 0x2028 || c == 0x2029                       // line and paragraph separators
           || (c >= 0x202A && c <= 0x202E)                     // bidirectional embeddings, overrides
           || (c >= 0x2066 && c <= 0x2069)                     // bidirectional isolates
           || c == 0x200E || c == 0x200F || c == 0x061C;       // direction marks
}

void appendEscape(QString &out, char32_t c)
{
    switch (c) {
    case '\n': out += QLatin1String("\\n"); return;
    case '\r': out += QLatin1String("\\r"); return;
    case '\t': out += QLatin1String("\\t"); return;
    default: break;
    }
    if (c < 0x100)
        out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\u{%1}").arg(uint(c), 0, 16);
}

QString escaped(const QString &text, bool keepNewlines)
{
    QString out;
    out.reserve(text.size() + 8);
    const QChar *p = text.constData();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = p[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < n && p[i + 1].isLowSurrogate()) {
            out += p[i];
            out += p[++i];
            continue;
        }
        if (QChar::isSurrogate(c)) { // a lone half: not text
            appendEscape(out, c);
            continue;
        }
        if (keepNewlines && c == '\n')
            out += QLatin1Char('\n');
        else if (isDangerous(c))
            appendEscape(out, c);
        else
            out += QChar(c);
    }
    return out;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

} // namespace

QString SafeText::line(const QString &text)
{
    return escaped(text, false);
}

QString SafeText::lines(const QString &text)
{
    return escaped(text, true);
}

bool SafeText::needsEscaping(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            ++i; // a pair is one character, and none above U+FFFF is dangerous
            continue;
        }
        if (isDangerous(c.unicode()) || c.isSurrogate())
            return true;
    }
    return false;
}

QString SafeText::unescape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const QChar k = text.at(i + 1);
        if (k == QLatin1Char('n') || k == QLatin1Char('r') || k == QLatin1Char('t')) {
            out += k == QLatin1Char('n') ? QLatin1Char('\n') : k == QLatin1Char('r') ? QLatin1Char('\r') : QLatin1Char('\t');
            ++i;
        } else if (k == QLatin1Char('x') && i + 3 < text.size() && hexValue(text.at(i + 2)) >= 0
                   && hexValue(text.at(i + 3)) >= 0) {
            out += QChar(char16_t(hexValue(text.at(i + 2)) * 16 + hexValue(text.at(i + 3))));
            i += 3;
        } else if (k == QLatin1Char('u') && i + 2 < text.size() && text.at(i + 2) == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 3);
            bool ok = false;
            const uint code = close > i + 3 && close - (i + 3) <= 6 ? text.mid(i + 3, close - i - 3).toUInt(&ok, 16) : 0;
            if (!ok || code > 0x10FFFF) {
                out += c;
                continue;
            }
            if (code > 0xFFFF) {
                const char32_t cp = code;
                out += QString::fromUcs4(&cp, 1);
            } else {
                out += QChar(char16_t(code));
            }
            i = close;
        } else {
            out += c;
        }
    }
    return out;
}

QString SafeText::csvCell(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.at(0);
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
        || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    return text;
}

} // namespace Topograph
