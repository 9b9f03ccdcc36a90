// Guards the Korean and Japanese translations (translations/*.ts, Qt Linguist XML): every
// message is translated, and no translation loses a placeholder or a keyboard accelerator of
// its source text. A message lupdate adds later stays "unfinished" and fails this test until it
// is translated.

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#ifndef TOPOGRAPH_TRANSLATIONS_DIR
#error "TOPOGRAPH_TRANSLATIONS_DIR must name the source tree's translations folder"
#endif

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations; // one per numerus form, or the single translation
};

// Reads every message of a .ts file; messages lupdate keeps as vanished/obsolete are skipped.
QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    bool skip = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = Message{};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                current.unfinished = type == QLatin1String("unfinished");
                skip = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (!skip)
                messages << current;
            skip = false;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(QString::number(xml.lineNumber()), xml.errorString());
    return messages;
}

// %1..%99, %L1.., %n and %Ln, each counted.
QHash<QString, int> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QHash<QString, int> counts;
    for (const QRegularExpressionMatch &m : re.globalMatch(text))
        ++counts[m.captured()];
    return counts;
}

QString describe(const QHash<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1×%2").arg(it.key(), QString::number(it.value()));
    parts.sort();
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// The accelerator letter of "&File" is 'f'; "&&" is a literal ampersand, not an accelerator.
QChar accelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        const QChar next = text.at(i + 1);
        if (next == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!next.isSpace())
            return next.toLower();
    }
    return {};
}

QStringList problemsOf(const Message &m)
{
    QStringList problems;
    const QString where = m.context + QStringLiteral(" / \"") + m.source + QLatin1Char('"');
    if (m.unfinished)
        problems << where + QStringLiteral(": unfinished");
    if (m.translations.isEmpty())
        problems << where + QStringLiteral(": no translation");
    const auto expected = placeholders(m.source);
    const QChar accel = accelerator(m.source);
    for (const QString &t : m.translations) {
        if (t.trimmed().isEmpty()) {
            problems << where + QStringLiteral(": empty translation");
            continue;
        }
        const auto got = placeholders(t);
        if (got != expected)
            problems << where + QStringLiteral(": placeholders %1 in the source, %2 in \"%3\"")
                                    .arg(describe(expected), describe(got), t);
        if (!accel.isNull() && accelerator(t) != accel)
            problems << where + QStringLiteral(": accelerator &%1 lost in \"%2\"").arg(accel, t);
    }
    return problems;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private slots:
    void koreanAndJapaneseExist();
    void complete_data();
    void complete();
    void checksCatchMistakes();
};

void tst_Translations::koreanAndJapaneseExist()
{
    const QDir dir(QStringLiteral(TOPOGRAPH_TRANSLATIONS_DIR));
    for (const char *lang : {"ko", "ja"})
        QVERIFY2(dir.exists(QStringLiteral("topograph_%1.ts").arg(QLatin1String(lang))), lang);
}

void tst_Translations::complete_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(TOPOGRAPH_TRANSLATIONS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("topograph_*.ts")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files) {
        const QString lang = f.mid(10, f.size() - 13); // topograph_XX.ts
        QTest::newRow(qPrintable(lang)) << dir.filePath(f);
    }
}

void tst_Translations::complete()
{
    QFETCH(QString, path);
    QString error;
    const QList<Message> messages = readTs(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 100, qPrintable(QStringLiteral("only %1 messages").arg(messages.size())));
    QStringList problems;
    for (const Message &m : messages)
        problems << problemsOf(m);
    if (!problems.isEmpty()) {
        const qsizetype shown = std::min<qsizetype>(problems.size(), 40);
        QFAIL(qPrintable(QStringLiteral("%1 problem(s) among the %2 messages of %3 (translate with Qt Linguist "
                                        "or fix the file):\n")
                             .arg(QString::number(problems.size()), QString::number(messages.size()), path)
                         + problems.first(shown).join(QLatin1Char('\n'))
                         + (shown < problems.size() ? QStringLiteral("\n...") : QString())));
    }
}

// The checks themselves: each kind of mistake is reported, a good translation is not.
void tst_Translations::checksCatchMistakes()
{
    const auto check = [](const char *source, QStringList translations, bool unfinished = false) {
        Message m;
        m.context = QStringLiteral("ctx");
        m.source = QString::fromUtf8(source);
        m.translations = translations;
        m.unfinished = unfinished;
        return problemsOf(m);
    };
    QVERIFY(check("&File", {QStringLiteral("파일(&F)")}).isEmpty());
    QVERIFY(check("F&ailover", {QStringLiteral("フェイルオーバー(&a)")}).isEmpty());
    QVERIFY(check("Copy && paste %1", {QStringLiteral("복사 && 붙여넣기 %1")}).isEmpty());
    QVERIFY(check("%n replica(s)", {QStringLiteral("레플리카 %n개")}).isEmpty());
    QVERIFY(check("%L1 of %L2 entries", {QStringLiteral("%L2 件中 %L1 件")}).isEmpty());
    QCOMPARE(check("&File", {QStringLiteral("파일")}).size(), 1);                 // accelerator lost
    QCOMPARE(check("F&ailover", {QStringLiteral("장애 조치(&F)")}).size(), 1);   // another letter
    QCOMPARE(check("Saved %1", {QStringLiteral("저장됨")}).size(), 1);           // placeholder lost
    QCOMPARE(check("%1 of %2", {QStringLiteral("%1 / %1")}).size(), 1);          // %2 became %1
    QCOMPARE(check("%L1 entries", {QStringLiteral("%1 件")}).size(), 1);         // %L1 became %1
    QCOMPARE(check("%n warning(s)", {QStringLiteral("警告")}).size(), 1);        // %n lost
    QCOMPARE(check("Ready", {QString()}).size(), 1);                              // empty
    QCOMPARE(check("Ready", {QStringLiteral("준비됨")}, true).size(), 1);         // unfinished
    QCOMPARE(check("Ready", {}).size(), 1);                                       // no translation
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
