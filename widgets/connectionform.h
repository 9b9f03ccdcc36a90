#pragma once

#include "connectioncontext.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace Topograph::Gui {

// What a connection test found: a line for the person, never containing the password.
struct ConnectionTestResult
{
    bool ok = false;
    QString message;
};

// Connects with these options, runs SELECT @@version, @@hostname and says what it found, or the
// classified error (Connection's message: which server, what failed, what to do). Blocks for at
// most the options' connect + read timeouts: call it on a worker thread.
ConnectionTestResult testConnection(const ConnectionOptions &options);

// The fields ConnectionManagerDialog and DiscoverDialog share (user, password, ssl-mode, CA/cert/
// key files, "keep for this session only") and the two things both do with them off the GUI
// thread: test a connection, and save a profile with its password (keychain or session only).
// A dialog adds its own rows on top (formLayout()) and its own buttons.
class ConnectionForm : public QWidget
{
    Q_OBJECT
public:
    // (parent, caption, current file) -> the chosen file, "" when cancelled. Tests inject one.
    using FileChooser = std::function<QString(QWidget *, const QString &, const QString &)>;

    explicit ConnectionForm(std::shared_ptr<ConnectionContext> context, QWidget *parent = nullptr);
    // Waits for a connection test still running (bounded by its timeouts).
    ~ConnectionForm() override;

    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    QFormLayout *formLayout() const { return m_form; }

    // Fills the fields from a profile (empty fields from the context's defaults); clears the
    // password: a stored one is never shown back.
    void setProfile(const ConnectionProfile &profile);
    // The non-secret fields into a profile (name and seeds are the dialog's). false + *error
    // naming the field when a TLS file does not exist.
    bool fillProfile(ConnectionProfile *profile, QString *error) const;

    // Starts a test against key with the typed settings; with the password field empty, with the
    // password Topograph would use for that profile (session or keychain). testFinished follows.
    void startTest(const InstanceKey &key, const QString &profileName);
    // Writes the profile to QSettings, then the typed password (if any): kept for this session
    // only when that box is ticked, else into the keychain on a worker thread. Without a keychain
    // it fails at once, says so plainly and offers "Keep for this session only". saveFinished
    // follows (ok = the profile and the password are where the person asked).
    void startSave(const ConnectionProfile &profile);
    // Forgets the password of account: the session-only copy at once, the keychain entry on a
    // worker thread. passwordRemoved follows.
    void startRemovePassword(const QString &account);
    bool isBusy() const { return m_busy > 0; }
    void showStatus(const QString &text, bool error);

    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *sslModeBox() const { return m_sslMode; }
    QLineEdit *caEdit() const { return m_ca; }
    QLineEdit *certEdit() const { return m_cert; }
    QLineEdit *keyEdit() const { return m_key; }
    QPushButton *caBrowseButton() const { return m_caBrowse; }
    QCheckBox *sessionOnlyBox() const { return m_sessionOnly; }
    QLabel *keychainNote() const { return m_keychainNote; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *keepForSessionButton() const { return m_keepForSession; }

signals:
    void busyChanged(bool busy);
    void testFinished(bool ok, const QString &message);
    void saveFinished(bool ok, const QString &message);
    void passwordRemoved(bool ok, const QString &message);

private:
    QLineEdit *addFileRow(const QString &label, const QString &caption, QPushButton **browse);
    void keepForSession();
    void finishSave(bool ok, const QString &message);
    void setBusy(bool busy);
    // Runs work (a connection test) on a new QThread and done on the GUI thread with its result,
    // unless this form is gone by then.
    template<typename Result>
    void runInBackground(std::function<Result()> work, std::function<void(const Result &)> done);

    std::shared_ptr<ConnectionContext> m_context;
    FileChooser m_chooseFile;
    QFormLayout *m_form;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QLineEdit *m_ca;
    QLineEdit *m_cert;
    QLineEdit *m_key;
    QPushButton *m_caBrowse = nullptr;
    QCheckBox *m_sessionOnly;
    QLabel *m_keychainNote;
    QLabel *m_status;
    QPushButton *m_keepForSession;
    ConnectionProfile m_pendingSave; // what Keep for This Session Only saves again
    int m_busy = 0;
    QList<QPointer<QThread>> m_threads;
};

} // namespace Topograph::Gui
