#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Topograph::Gui {

static QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("\u2026"));
    return text;
}

static void addMenu(QTreeWidget *list, QMenu *menu, const QString &path)
{
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            addMenu(list, a->menu(), path + QStringLiteral(" \u203a ") + plain(a->text()));
            continue;
        }
        if (a->isSeparator() || a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        new QTreeWidgetItem(list, {path + QStringLiteral(" \u203a ") + plain(a->text()), keys.join(QStringLiteral(", "))});
    }
}

ShortcutsDialog::ShortcutsDialog(QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("ShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 520);
    auto *layout = new QVBoxLayout(this);
    m_list = new QTreeWidget;
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Action"), tr("Keys")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    for (QAction *top : menus->actions())
        if (top->menu())
            addMenu(m_list, top->menu(), plain(top->text()));
    // Not menu actions, but keys a person uses all the time in the tree.
    new QTreeWidgetItem(m_list, {tr("Topology \u203a Zoom"), tr("Ctrl+wheel")});
    new QTreeWidgetItem(m_list, {tr("Topology \u203a Cancel a drag"), tr("Esc")});
    new QTreeWidgetItem(m_list, {tr("Topology \u203a Instance actions"), tr("right click on a card")});
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Topograph::Gui
