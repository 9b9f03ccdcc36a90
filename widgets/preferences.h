#pragma once

#include <QDialog>
#include <QLocale>

class QApplication;
class QComboBox;

namespace Topograph::Gui {

// What a person chooses once and keeps: the colour scheme and the language. Stored in QSettings
// (nothing secret). The system locale picks the language unless the preference overrides it.
struct Preferences
{
    enum class Theme { System, Light, Dark };
    Theme theme = Theme::System;
    QString language; // "" = the system's; "en", "ko", "ja"

    static Preferences load();
    void save() const;
    QLocale locale() const; // the locale translations are loaded for
};

QString themeName(Preferences::Theme theme); // system, light, dark
// Fusion style with a light or dark palette; System keeps the platform's own.
void applyTheme(QApplication *app, Preferences::Theme theme);
// The languages the console is translated into, as (code, name in that language).
QList<QPair<QString, QString>> availableLanguages();

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    Preferences chosen() const;

private:
    void accept() override;
    QComboBox *m_theme;
    QComboBox *m_language;
    QString m_languageAtOpen;
};

} // namespace Topograph::Gui
