// SafeText: what a server or a file supplies, made harmless for the terminal, the log and CSV.
// Every hostile form a report_host, an error message or a comment can take, and the inverse
// (unescape) by which a person types back a name that was shown escaped.
#include "text/safetext.h"

#include <QTest>

using namespace Topograph;

class tst_SafeText : public QObject
{
    Q_OBJECT

private slots:
    void line_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("db1.example.com:3306") << QStringLiteral("db1.example.com:3306");
        QTest::newRow("unicode kept") << QStringLiteral("주문-orders 日本") << QStringLiteral("주문-orders 日本");
        QTest::newRow("backslash kept") << QStringLiteral("a\\b") << QStringLiteral("a\\b");
        QTest::newRow("newline forges no line") << QStringLiteral("db1\n2026-01-01 [critical] forged")
                                                << QStringLiteral("db1\\n2026-01-01 [critical] forged");
        QTest::newRow("CR") << QStringLiteral("a\rb") << QStringLiteral("a\\rb");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a\\tb");
        QTest::newRow("ESC sequence") << QStringLiteral("\x1b]0;owned\x07\x1b[2J") << QStringLiteral("\\x1b]0;owned\\x07\\x1b[2J");
        QTest::newRow("NUL") << QString(QChar(0)) << QStringLiteral("\\x00");
        QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("a\\x7f");
        QTest::newRow("8-bit CSI") << QString(QChar(0x9b)) + QStringLiteral("31m") << QStringLiteral("\\x9b31m");
        QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("\\u{2028}");
        QTest::newRow("bidi override") << QStringLiteral("abc") + QChar(0x202e) + QStringLiteral("gpj.exe")
                                       << QStringLiteral("abc\\u{202e}gpj.exe");
        QTest::newRow("not UTF-8 (replacement kept)") << QString::fromUtf8("a\xff\xfe" "b") << QString::fromUtf8("a\xff\xfe" "b");
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << QStringLiteral("\\u{d800}");
        const char32_t emoji = 0x1F600;
        QTest::newRow("astral kept") << QString::fromUcs4(&emoji, 1) << QString::fromUcs4(&emoji, 1);
    }
    void line()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const QString out = SafeText::line(input);
        QCOMPARE(out, expected);
        QCOMPARE(SafeText::needsEscaping(input), out != input);
        for (QChar c : out)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, "a control character got through");
        QVERIFY(!SafeText::needsEscaping(out));
    }

    // What line() shows, typed back, is the text it came from (forget and promotion-rule take a
    // bad name a server reported by the form it was printed in).
    void unescapeRoundTrip_data() { line_data(); }
    void unescapeRoundTrip()
    {
        QFETCH(QString, input);
        if (input.contains(QLatin1Char('\\')))
            QSKIP("a literal backslash followed by x.. is ambiguous by design; kept as typed");
        QCOMPARE(SafeText::unescape(SafeText::line(input)), input);
    }

    void unescapeKeepsOtherBackslashes()
    {
        QCOMPARE(SafeText::unescape(QStringLiteral("a\\qb\\")), QStringLiteral("a\\qb\\"));
        QCOMPARE(SafeText::unescape(QStringLiteral("\\xZZ")), QStringLiteral("\\xZZ"));
        QCOMPARE(SafeText::unescape(QStringLiteral("\\u{110000}")), QStringLiteral("\\u{110000}"));
    }

    void lines()
    {
        QCOMPARE(SafeText::lines(QStringLiteral("one\ntwo\x1b[1m\r\n")), QStringLiteral("one\ntwo\\x1b[1m\\r\n"));
    }

    void csvCell_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plain") << QStringLiteral("db1:3306") << QStringLiteral("db1:3306");
        QTest::newRow("formula =") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("formula -") << QStringLiteral("-1+cmd") << QStringLiteral("'-1+cmd");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("leading tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("leading CR") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("= inside") << QStringLiteral("a=1") << QStringLiteral("a=1");
    }
    void csvCell()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(SafeText::csvCell(input), expected);
    }
};

QTEST_GUILESS_MAIN(tst_SafeText)
#include "tst_safetext.moc"
