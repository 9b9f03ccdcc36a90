#pragma once

#include <QMainWindow>

namespace Topograph::Gui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showAbout();
    void restoreLayout();
};

} // namespace Topograph::Gui
