#pragma once

#include "connectioncontext.h"

#include <QDialog>

#include <functional>
#include <memory>

class QDialogButtonBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Topograph::Gui {

class ConnectionForm;

// File > Connections…: the saved connection profiles (one per cluster, or per seed) with their
// user, TLS settings and seeds; a new password goes to the OS keychain (or, by choice or without
// a keychain, is kept for this session only). "Test Connection" tries the typed settings on a
// worker thread. Nothing here blocks the GUI thread: keychain and server calls run on workers.
class ConnectionManagerDialog : public QDialog
{
    Q_OBJECT
public:
    // (parent, question) -> yes. Tests inject one instead of a modal QMessageBox.
    using Confirm = std::function<bool(QWidget *, const QString &)>;

    explicit ConnectionManagerDialog(std::shared_ptr<ConnectionContext> context, QWidget *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Selects the profile with this name (false when there is none).
    bool selectProfile(const QString &name);
    void newProfile();

    QListWidget *profileList() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *seedsEdit() const { return m_seeds; }
    ConnectionForm *form() const { return m_form; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *removeButton() const { return m_remove; }

signals:
    // After a profile was saved or removed: the owner may re-probe its servers with the new
    // settings (Engine::requestProbe(seeds)).
    void profilesChanged(const QList<Topograph::InstanceKey> &seeds);

private:
    void fillList(const QString &select);
    void showSelected();
    std::optional<ConnectionProfile> typedProfile(QString *error) const;
    void test();
    void save();
    void removeSelected();
    void updateButtons();

    std::shared_ptr<ConnectionContext> m_context;
    Confirm m_confirm;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_seeds;
    ConnectionForm *m_form;
    QPushButton *m_new;
    QPushButton *m_remove;
    QPushButton *m_test;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

// "db1:3306, db2" -> keys (default port 3306); nullopt with *error naming the bad entry.
std::optional<QList<InstanceKey>> parseSeedList(const QString &text, QString *error);

} // namespace Topograph::Gui
