#pragma once

#include <QDialog>

class QMenuBar;
class QTreeWidget;

namespace Topograph::Gui {

// Help > Keyboard Shortcuts: every menu action that has a shortcut, read from the menus
// themselves, so the list cannot drift from what the keys really do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMenuBar *menus, QWidget *parent = nullptr);
    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace Topograph::Gui
