#include "discoverdialog.h"

#include "connectionform.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Topograph::Gui {

DiscoverDialog::DiscoverDialog(std::shared_ptr<ConnectionContext> context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
{
    setObjectName(QStringLiteral("DiscoverDialog"));
    setWindowTitle(tr("Discover a Topology"));
    resize(680, 540);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Give one server of the topology. Topograph connects to it, then follows its "
                                "master and replicas to find the rest, with the same login."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_form = new ConnectionForm(m_context);
    m_seed = new QLineEdit;
    m_seed->setObjectName(QStringLiteral("Seed"));
    m_seed->setPlaceholderText(tr("HOST:PORT (port 3306 when left out)"));
    m_form->formLayout()->insertRow(0, tr("&Seed:"), m_seed);
    layout->addWidget(m_form, 1);

    auto *buttonRow = new QHBoxLayout;
    // Apart from the box: trying the settings is not one of the ways to close the dialog.
    m_test = new QPushButton(tr("&Test Connection"));
    m_test->setObjectName(QStringLiteral("TestButton"));
    m_test->setAutoDefault(false);
    buttonRow->addWidget(m_test);
    auto *buttons = new QDialogButtonBox;
    buttonRow->addWidget(buttons, 1);
    m_discover = buttons->addButton(tr("&Discover"), QDialogButtonBox::AcceptRole);
    m_discover->setObjectName(QStringLiteral("DiscoverButton"));
    m_discover->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addLayout(buttonRow);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &DiscoverDialog::test);
    connect(m_discover, &QPushButton::clicked, this, &DiscoverDialog::discover);
    connect(m_seed, &QLineEdit::textChanged, this, &DiscoverDialog::updateButtons);
    connect(m_form, &ConnectionForm::busyChanged, this, [this](bool busy) {
        m_busy = busy;
        updateButtons();
    });
    connect(m_form, &ConnectionForm::saveFinished, this, [this](bool ok) {
        // A refused keychain leaves the dialog open with the offer to keep the password for this
        // session; discovering without the password would only show "access denied" everywhere.
        if (!ok || !m_pending)
            return;
        const InstanceKey key = *m_pending;
        m_pending.reset();
        emit discoverRequested({key});
        accept();
    });
    updateButtons();
}

std::optional<InstanceKey> DiscoverDialog::seed()
{
    QString why;
    const auto key = InstanceKey::parse(m_seed->text().trimmed(), &why, 3306);
    if (!key) {
        m_form->showStatus(tr("Seed: %1").arg(why), true);
        m_seed->setFocus();
    }
    return key;
}

void DiscoverDialog::test()
{
    if (const auto key = seed())
        m_form->startTest(*key, key->toString());
}

void DiscoverDialog::discover()
{
    const auto key = seed();
    if (!key)
        return;
    ConnectionProfile profile;
    profile.name = key->toString();
    profile.seeds = {*key};
    QString error;
    if (!m_form->fillProfile(&profile, &error)) {
        m_form->showStatus(error, true);
        return;
    }
    // An existing profile for this seed keeps the seeds it had besides this one.
    if (const auto existing = m_context->profiles().profile(profile.name))
        for (const InstanceKey &k : existing->seeds)
            if (!profile.seeds.contains(k))
                profile.seeds << k;
    m_pending = key;
    m_form->startSave(profile);
}

void DiscoverDialog::updateButtons()
{
    const bool typed = !m_seed->text().trimmed().isEmpty();
    m_test->setEnabled(!m_busy && typed);
    m_discover->setEnabled(!m_busy && typed);
}

} // namespace Topograph::Gui
