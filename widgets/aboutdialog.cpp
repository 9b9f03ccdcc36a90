#include "aboutdialog.h"

#include "logging/logging.h"
#include "mysql/clientlibrary.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Topograph::Gui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Topograph"));
    auto *layout = new QVBoxLayout(this);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/topograph.svg")).pixmap(64, 64));
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    auto *text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setText(tr("<h3>Topograph %1</h3>"
                     "<p>A console for MySQL and MariaDB replication topologies.</p>"
                     "<table>"
                     "<tr><td>Qt</td><td>%2</td></tr>"
                     "<tr><td>Client library</td><td>%3</td></tr>"
                     "<tr><td>Log file</td><td>%4</td></tr>"
                     "</table>")
                      .arg(QStringLiteral(TOPOGRAPH_VERSION), QString::fromLatin1(qVersion()),
                           clientLibraryName(), Logging::logFilePath().toHtmlEscaped()));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Topograph::Gui
