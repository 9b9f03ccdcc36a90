#include "aboutdialog.h"

#include "logging/logging.h"
#include "mysql/clientlibrary.h"
#include "store/store.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Topograph::Gui {

AboutDialog::AboutDialog(QWidget *parent, const QString &storePath, int schemaVersion)
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
    const QString store = storePath.isEmpty()
                              ? tr("none open")
                              : tr("%1 (schema %2; this build knows up to %3)")
                                    .arg(storePath.toHtmlEscaped())
                                    .arg(schemaVersion)
                                    .arg(Store::currentSchemaVersion());
    m_text = tr("<h3>Topograph %1</h3>"
                "<p>A console for MySQL and MariaDB replication topologies.</p>"
                "<table>"
                "<tr><td>Qt</td><td>%2</td></tr>"
                "<tr><td>Client library</td><td>%3</td></tr>"
                "<tr><td>Store</td><td>%4</td></tr>"
                "<tr><td>Log file</td><td>%5</td></tr>"
                "</table>")
                 .arg(QStringLiteral(TOPOGRAPH_VERSION), QString::fromLatin1(qVersion()), clientLibraryName(), store,
                      Logging::logFilePath().toHtmlEscaped());
    text->setText(m_text);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::text() const
{
    return m_text;
}

} // namespace Topograph::Gui
