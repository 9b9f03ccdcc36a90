#pragma once

#include "connectioncontext.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QPushButton;

namespace Topograph::Gui {

class ConnectionForm;

// File > Discover…: one seed HOST:PORT and how to log in to it. "Discover" saves a profile named
// after the seed (settings in QSettings, the password in the keychain or for this session only,
// as ConnectionManagerDialog does) and emits discoverRequested; the owner hands the seed to
// Engine::requestProbe, which crawls the rest of the topology from it. A separate, smaller dialog
// than the manager, sharing its ConnectionForm.
class DiscoverDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DiscoverDialog(std::shared_ptr<ConnectionContext> context, QWidget *parent = nullptr);

    QLineEdit *seedEdit() const { return m_seed; }
    ConnectionForm *form() const { return m_form; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *discoverButton() const { return m_discover; }

signals:
    void discoverRequested(const QList<Topograph::InstanceKey> &seeds);

private:
    std::optional<InstanceKey> seed();
    void test();
    void discover();
    void updateButtons();

    std::shared_ptr<ConnectionContext> m_context;
    QLineEdit *m_seed;
    ConnectionForm *m_form;
    QPushButton *m_test;
    QPushButton *m_discover;
    std::optional<InstanceKey> m_pending; // the seed whose profile is being saved
    bool m_busy = false;
};

} // namespace Topograph::Gui
