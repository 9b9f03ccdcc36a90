#include "connectionmanagerdialog.h"

#include "connectionform.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace Topograph::Gui {

std::optional<QList<InstanceKey>> parseSeedList(const QString &text, QString *error)
{
    QList<InstanceKey> keys;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString &entry : text.split(separators, Qt::SkipEmptyParts)) {
        QString why;
        const auto key = InstanceKey::parse(entry, &why, 3306);
        if (!key) {
            *error = QCoreApplication::translate("Topograph::Gui::ConnectionManagerDialog", "Seeds: %1").arg(why);
            return std::nullopt;
        }
        if (!keys.contains(*key))
            keys << *key;
    }
    return keys;
}

ConnectionManagerDialog::ConnectionManagerDialog(std::shared_ptr<ConnectionContext> context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
{
    setObjectName(QStringLiteral("ConnectionManagerDialog"));
    setWindowTitle(tr("Connections"));
    resize(900, 560);
    m_confirm = [](QWidget *parent, const QString &question) {
        return QMessageBox::question(parent, tr("Connections"), question) == QMessageBox::Yes;
    };

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("How Topograph connects to each cluster. A profile applies to the servers of the "
                                "cluster it is named after (name or alias), and to those discovered from its "
                                "seeds; every other server uses the command line's settings. Passwords go to the "
                                "OS keychain, never to a file."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("Profiles"));
    m_list->setMinimumWidth(220);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_new = new QPushButton(tr("&New"));
    m_new->setObjectName(QStringLiteral("NewProfile"));
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(QStringLiteral("RemoveProfile"));
    m_new->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_remove);
    listButtons->addStretch();
    left->addLayout(listButtons);
    columns->addLayout(left);

    m_form = new ConnectionForm(m_context);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("ProfileName"));
    m_name->setPlaceholderText(tr("cluster name or alias, or HOST:PORT"));
    m_seeds = new QLineEdit;
    m_seeds->setObjectName(QStringLiteral("Seeds"));
    m_seeds->setPlaceholderText(tr("HOST:PORT, \u2026"));
    m_seeds->setToolTip(tr("Servers to discover the cluster from, separated by commas; the port defaults to 3306."));
    m_form->formLayout()->insertRow(0, tr("&Name:"), m_name);
    m_form->formLayout()->insertRow(1, tr("S&eeds:"), m_seeds);
    columns->addWidget(m_form, 1);
    layout->addLayout(columns, 1);

    auto *buttonRow = new QHBoxLayout;
    // Apart from the box: trying the settings is not one of the ways to close the dialog.
    m_test = new QPushButton(tr("&Test Connection"));
    m_test->setObjectName(QStringLiteral("TestButton"));
    m_test->setAutoDefault(false);
    buttonRow->addWidget(m_test);
    m_buttons = new QDialogButtonBox;
    buttonRow->addWidget(m_buttons, 1);
    m_save = m_buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("SaveButton"));
    m_save->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Close);
    layout->addLayout(buttonRow);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionManagerDialog::test);
    connect(m_save, &QPushButton::clicked, this, &ConnectionManagerDialog::save);
    connect(m_new, &QPushButton::clicked, this, &ConnectionManagerDialog::newProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionManagerDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionManagerDialog::showSelected);
    connect(m_name, &QLineEdit::textChanged, this, &ConnectionManagerDialog::updateButtons);
    connect(m_form, &ConnectionForm::busyChanged, this, [this](bool busy) {
        m_busy = busy;
        updateButtons();
    });
    connect(m_form, &ConnectionForm::saveFinished, this, [this] {
        // The settings are saved even when the keychain refused the password.
        const QString name = m_name->text().trimmed();
        fillList(name);
        QString ignored;
        if (const auto p = typedProfile(&ignored)) {
            QList<InstanceKey> seeds = p->seeds;
            if (const auto k = p->nameKey(); k && !seeds.contains(*k))
                seeds << *k;
            emit profilesChanged(seeds);
        }
    });
    connect(m_form, &ConnectionForm::passwordRemoved, this, [this] { updateButtons(); });

    fillList(QString());
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        newProfile();
}

void ConnectionManagerDialog::fillList(const QString &select)
{
    // Refilling must not reset the form: it still shows the result of the save that caused it.
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const ConnectionProfile &p : m_context->profiles().profiles()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.name);
        if (p.name.compare(select, Qt::CaseInsensitive) == 0) {
            m_list->setCurrentItem(item);
            m_name->setReadOnly(true);
        }
    }
    updateButtons();
}

bool ConnectionManagerDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString().compare(name, Qt::CaseInsensitive) == 0) {
            m_list->setCurrentRow(i);
            showSelected();
            return true;
        }
    }
    return false;
}

void ConnectionManagerDialog::newProfile()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(-1);
        m_list->clearSelection();
    }
    m_name->clear();
    m_name->setReadOnly(false);
    m_seeds->clear();
    m_form->setProfile(ConnectionProfile());
    m_name->setFocus();
    updateButtons();
}

void ConnectionManagerDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const auto profile = m_context->profiles().profile(item->data(Qt::UserRole).toString());
    if (!profile)
        return;
    m_name->setText(profile->name);
    // The name is the keychain account's: renaming would orphan the stored password.
    m_name->setReadOnly(true);
    QStringList seeds;
    for (const InstanceKey &k : profile->seeds)
        seeds << k.toString();
    m_seeds->setText(seeds.join(QStringLiteral(", ")));
    m_form->setProfile(*profile);
    updateButtons();
}

std::optional<ConnectionProfile> ConnectionManagerDialog::typedProfile(QString *error) const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    if (p.name.isEmpty()) {
        *error = tr("Name: give the cluster's name or alias, or a seed HOST:PORT");
        return std::nullopt;
    }
    const auto seeds = parseSeedList(m_seeds->text(), error);
    if (!seeds)
        return std::nullopt;
    p.seeds = *seeds;
    if (!m_form->fillProfile(&p, error))
        return std::nullopt;
    return p;
}

void ConnectionManagerDialog::test()
{
    QString error;
    const auto p = typedProfile(&error);
    if (!p) {
        m_form->showStatus(error, true);
        return;
    }
    std::optional<InstanceKey> key = p->nameKey();
    if (!p->seeds.isEmpty())
        key = p->seeds.first();
    if (!key) {
        m_form->showStatus(tr("Nothing to test against: add a seed HOST:PORT (or name the profile HOST:PORT)"), true);
        return;
    }
    m_form->startTest(*key, p->name);
}

void ConnectionManagerDialog::save()
{
    QString error;
    const auto p = typedProfile(&error);
    if (!p) {
        m_form->showStatus(error, true);
        return;
    }
    m_form->startSave(*p);
}

void ConnectionManagerDialog::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    const auto profile = m_context->profiles().profile(name);
    if (!profile)
        return;
    const QString account = profile->account(m_context->defaults().user);
    if (!m_confirm(this, tr("Remove the profile %1 and its password (keychain account %2)? Its servers then use "
                            "the command line's settings.").arg(name, account)))
        return;
    QString error;
    if (!m_context->profiles().remove(name, &error)) {
        m_form->showStatus(error, true);
        return;
    }
    QList<InstanceKey> seeds = profile->seeds;
    if (const auto k = profile->nameKey(); k && !seeds.contains(*k))
        seeds << *k;
    fillList(QString());
    newProfile();
    m_form->startRemovePassword(account);
    emit profilesChanged(seeds);
}

void ConnectionManagerDialog::updateButtons()
{
    m_test->setEnabled(!m_busy);
    m_save->setEnabled(!m_busy && !m_name->text().trimmed().isEmpty());
    m_remove->setEnabled(!m_busy && m_list->currentItem() != nullptr);
    m_new->setEnabled(!m_busy);
}

} // namespace Topograph::Gui
