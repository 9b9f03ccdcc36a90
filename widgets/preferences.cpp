#include "preferences.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace Topograph::Gui {

QString themeName(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::Light: return QStringLiteral("light");
    case Preferences::Theme::Dark: return QStringLiteral("dark");
    case Preferences::Theme::System: break;
    }
    return QStringLiteral("system");
}

Preferences Preferences::load()
{
    QSettings s;
    Preferences p;
    const QString theme = s.value(QStringLiteral("preferences/theme")).toString();
    if (theme == QLatin1String("light"))
        p.theme = Theme::Light;
    else if (theme == QLatin1String("dark"))
        p.theme = Theme::Dark;
    p.language = s.value(QStringLiteral("preferences/language")).toString();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("preferences/theme"), themeName(theme));
    s.setValue(QStringLiteral("preferences/language"), language);
}

QLocale Preferences::locale() const
{
    return language.isEmpty() ? QLocale() : QLocale(language);
}

QList<QPair<QString, QString>> availableLanguages()
{
    // Names in their own language: someone who cannot read the current one still finds theirs.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ko"), QStringLiteral("\ud55c\uad6d\uc5b4")},
            {QStringLiteral("ja"), QStringLiteral("\u65e5\u672c\u8a9e")}};
}

void applyTheme(QApplication *app, Preferences::Theme theme)
{
    static const QString platformStyle = app->style()->name();
    if (theme == Preferences::Theme::System) {
        app->setStyle(QStyleFactory::create(platformStyle));
        app->setPalette(app->style()->standardPalette());
        return;
    }
    // Fusion draws every widget from the palette, so both schemes look complete everywhere.
    app->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = app->style()->standardPalette();
    if (theme == Preferences::Theme::Dark) {
        const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6);
        const QColor disabled(0x80, 0x80, 0x80), highlight(0x3d, 0x7e, 0xd8);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, disabled);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, window);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::red);
        p.setColor(QPalette::Link, QColor(0x6a, 0xa8, 0xff));
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4d));
        p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
        p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x58));
        for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, r, disabled);
    }
    app->setPalette(p);
}

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));
    const Preferences current = Preferences::load();
    auto *form = new QFormLayout(this);
    m_theme = new QComboBox;
    m_theme->addItem(tr("Same as the system"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    form->addRow(tr("Colours:"), m_theme);
    m_language = new QComboBox;
    m_language->addItem(tr("Same as the system (%1)").arg(QLocale().nativeLanguageName()), QString());
    for (const auto &[code, name] : availableLanguages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(current.language)));
    m_languageAtOpen = current.language;
    form->addRow(tr("Language:"), m_language);
    auto *note = new QLabel(tr("A new language applies the next time Topograph starts."));
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    // Colours apply at once, so a person sees what they pick.
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            applyTheme(app, chosen().theme);
    });
    connect(this, &QDialog::rejected, this, [current] {
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            applyTheme(app, current.theme);
    });
}

Preferences PreferencesDialog::chosen() const
{
    Preferences p;
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    p.language = m_language->currentData().toString();
    return p;
}

void PreferencesDialog::accept()
{
    chosen().save();
    QDialog::accept();
}

} // namespace Topograph::Gui
