#pragma once

#include <QDialog>

namespace Topograph::Gui {

// Versions a bug report needs: Topograph, Qt, the MySQL client library, and where logs live.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // storePath/schemaVersion: the store the console uses (0 = none open).
    explicit AboutDialog(QWidget *parent = nullptr, const QString &storePath = {}, int schemaVersion = 0);
    QString text() const;

private:
    QString m_text;
};

} // namespace Topograph::Gui
