#pragma once

#include <QDialog>

namespace Topograph::Gui {

// Versions a bug report needs: Topograph, Qt, the MySQL client library, and where logs live.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace Topograph::Gui
