#include "connectionform.h"

#include "logging/logging.h"
#include "mysql/connection.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace Topograph::Gui {

namespace {

QString trForm(const char *s)
{
    return QCoreApplication::translate("Topograph::Gui::ConnectionForm", s);
}

} // namespace

ConnectionTestResult testConnection(const ConnectionOptions &options)
{
    ConnectionTestResult result;
    Connection connection(options);
    std::optional<ResultSet> rows;
    if (connection.open())
        rows = connection.query(QStringLiteral("SELECT @@version AS version, @@hostname AS hostname"));
    if (!rows) {
        // The classifier's sentence names the server and what to do; redacted() is a second guard.
        result.message = Logging::redacted(connection.lastError().message);
        spdlog::info("connection test of {} failed: {}", options.accountText(), result.message);
        return result;
    }
    const Row row = rows->first();
    const QString tls = connection.tlsActive()
                            ? trForm("TLS %1, %2").arg(connection.tlsVersion(), connection.tlsCipher())
                            : trForm("no TLS");
    result.ok = true;
    result.message = trForm("Connected to %1 as %2: server %3 on host %4 (%5).")
                         .arg(options.key.toString(), options.user, row.text(QStringLiteral("version")),
                              row.text(QStringLiteral("hostname")), tls);
    spdlog::info("connection test of {}: {}", options.accountText(), result.message);
    return result;
}

ConnectionForm::ConnectionForm(std::shared_ptr<ConnectionContext> context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
{
    m_chooseFile = [](QWidget *parent, const QString &caption, const QString &current) {
        const QString dir = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
        return QFileDialog::getOpenFileName(parent, caption, dir,
                                            QCoreApplication::translate("Topograph::Gui::ConnectionForm",
                                                                        "PEM files (*.pem *.crt *.key);;All files (*)"));
    };

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("User"));
    m_form->addRow(tr("&User:"), m_user);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("leave empty to use the stored password"));
    m_form->addRow(tr("&Password:"), m_password);
    m_sslMode = new QComboBox;
    m_sslMode->setObjectName(QStringLiteral("SslMode"));
    m_sslMode->addItems(sslModeNames());
    m_sslMode->setToolTip(tr("PREFERRED and REQUIRED encrypt without checking the server's certificate; "
                             "VERIFY_CA checks it against the CA file; VERIFY_IDENTITY also checks the host name."));
    m_form->addRow(tr("&TLS (ssl-mode):"), m_sslMode);
    m_ca = addFileRow(tr("&CA file:"), tr("CA certificate (PEM)"), &m_caBrowse);
    m_ca->setObjectName(QStringLiteral("SslCa"));
    m_cert = addFileRow(tr("Client c&ertificate:"), tr("Client certificate (PEM)"), nullptr);
    m_cert->setObjectName(QStringLiteral("SslCert"));
    m_key = addFileRow(tr("Client &key:"), tr("Client key (PEM)"), nullptr);
    m_key->setObjectName(QStringLiteral("SslKey"));

    m_sessionOnly = new QCheckBox(tr("Keep the password for this session only (in memory, never written to disk)"));
    m_sessionOnly->setObjectName(QStringLiteral("SessionOnly"));
    layout->addWidget(m_sessionOnly);

    m_keychainNote = new QLabel;
    m_keychainNote->setObjectName(QStringLiteral("KeychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setTextFormat(Qt::PlainText);
    m_keychainNote->setStyleSheet(QStringLiteral("color:#8a5a00;background:#fff4d6;padding:4px"));
    // Known before anything is typed: an environment check, no D-Bus call.
    const QString reason = CredentialStore::unavailableReason();
    m_keychainNote->setText(tr("The OS keychain cannot be used here (%1). A password can only be kept for this "
                               "session.").arg(reason));
    m_keychainNote->setVisible(!reason.isEmpty());
    layout->addWidget(m_keychainNote);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusRow->addWidget(m_status, 1);
    m_keepForSession = new QPushButton(tr("Keep for This Session Only"));
    m_keepForSession->setObjectName(QStringLiteral("KeepForSession"));
    m_keepForSession->hide();
    statusRow->addWidget(m_keepForSession, 0, Qt::AlignTop);
    layout->addLayout(statusRow);
    layout->addStretch(1); // extra height goes below the result, not into the notes
    connect(m_keepForSession, &QPushButton::clicked, this, &ConnectionForm::keepForSession);

    setProfile(ConnectionProfile());
}

ConnectionForm::~ConnectionForm()
{
    // A test still running uses only values it captured, but its thread object must not outlive
    // this form: it ends within its timeouts (a keychain read, then connect 2 s + query 3 s).
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (!thread)
            continue;
        thread->wait();
        delete thread.data();
    }
}

QLineEdit *ConnectionForm::addFileRow(const QString &label, const QString &caption, QPushButton **browse)
{
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(tr("none"));
    row->addWidget(edit, 1);
    auto *button = new QPushButton(tr("Browse\u2026"));
    button->setAutoDefault(false); // Enter in a field means the dialog's main button, not Browse
    row->addWidget(button);
    // A row given as a layout gets no buddy: without one the & would show instead of a mnemonic.
    auto *text = new QLabel(label);
    text->setBuddy(edit);
    m_form->addRow(text, row);
    connect(button, &QPushButton::clicked, this, [this, edit, caption] {
        const QString file = m_chooseFile(this, caption, edit->text());
        if (!file.isEmpty())
            edit->setText(file);
    });
    if (browse)
        *browse = button;
    return edit;
}

void ConnectionForm::setProfile(const ConnectionProfile &profile)
{
    const ConnectionOptions d = m_context->defaults();
    m_user->setText(profile.user.isEmpty() ? d.user : profile.user);
    m_password->clear();
    const auto mode = sslModeFromName(profile.sslMode);
    m_sslMode->setCurrentText(sslModeName(mode ? *mode : d.sslMode));
    m_ca->setText(profile.sslCa.isEmpty() ? d.sslCa : profile.sslCa);
    m_cert->setText(profile.sslCert.isEmpty() ? d.sslCert : profile.sslCert);
    m_key->setText(profile.sslKey.isEmpty() ? d.sslKey : profile.sslKey);
    m_keepForSession->hide();
    m_status->clear();
}

bool ConnectionForm::fillProfile(ConnectionProfile *profile, QString *error) const
{
    const QList<std::pair<QString, QLineEdit *>> files{
        {tr("CA file"), m_ca}, {tr("Client certificate"), m_cert}, {tr("Client key"), m_key}};
    for (const auto &[what, edit] : files) {
        const QString path = edit->text().trimmed();
        if (!path.isEmpty() && !QFileInfo(path).isFile()) {
            *error = tr("%1: %2 is not a file; choose an existing PEM file or clear the field").arg(what, path);
            return false;
        }
    }
    if (m_cert->text().trimmed().isEmpty() != m_key->text().trimmed().isEmpty()) {
        *error = tr("A client certificate and a client key go together: give both or neither");
        return false;
    }
    profile->user = m_user->text().trimmed();
    profile->sslMode = m_sslMode->currentText();
    profile->sslCa = m_ca->text().trimmed();
    profile->sslCert = m_cert->text().trimmed();
    profile->sslKey = m_key->text().trimmed();
    return true;
}

void ConnectionForm::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#c62828") : QStringLiteral("color:#2e7d32"));
}

void ConnectionForm::startTest(const InstanceKey &key, const QString &profileName)
{
    ConnectionProfile profile;
    profile.name = profileName;
    QString error;
    if (!fillProfile(&profile, &error)) {
        showStatus(error, true);
        emit testFinished(false, error);
        return;
    }
    ConnectionOptions options = m_context->defaults();
    options.key = key;
    if (!profile.user.isEmpty())
        options.user = profile.user;
    if (const auto mode = sslModeFromName(profile.sslMode))
        options.sslMode = *mode;
    options.sslCa = profile.sslCa;
    options.sslCert = profile.sslCert;
    options.sslKey = profile.sslKey;
    const QString typed = m_password->text();
    Logging::registerSecret(typed);
    const QStringList scopes =
        m_context->passwordScopes(key, profileName.isEmpty() ? std::nullopt : std::optional(profile));

    m_keepForSession->hide();
    showStatus(tr("Connecting to %1\u2026").arg(key.toString()), false);
    setBusy(true);
    auto context = m_context;
    runInBackground<ConnectionTestResult>(
        [context, options, typed, scopes]() mutable {
            if (typed.isEmpty()) {
                const CredentialResult r = context->password(options.user, scopes);
                if (!r.ok)
                    return ConnectionTestResult{false, trForm("No password to test with (%1). Type it in the "
                                                              "Password field.").arg(r.error)};
                options.password = r.secret;
            } else {
                options.password = typed;
            }
            return testConnection(options);
        },
        [this](const ConnectionTestResult &r) {
            setBusy(false);
            showStatus((r.ok ? QStringLiteral("\u2713 ") : QStringLiteral("\u2716 ")) + r.message, !r.ok);
            emit testFinished(r.ok, r.message);
        });
}

void ConnectionForm::startSave(const ConnectionProfile &profile)
{
    m_pendingSave = profile;
    m_keepForSession->hide();
    QString error;
    if (!m_context->profiles().save(profile, &error)) {
        finishSave(false, error);
        return;
    }
    const QString password = m_password->text();
    const QString account = profile.account(m_context->defaults().user);
    if (password.isEmpty()) {
        finishSave(true, tr("Saved %1. Its password was left as it was.").arg(profile.name));
        return;
    }
    Logging::registerSecret(password);
    if (m_sessionOnly->isChecked()) {
        m_context->sessionSecrets().set(account, password);
        m_password->clear();
        finishSave(true, tr("Saved %1. Its password is kept for this session only, in memory: Topograph "
                            "forgets it when it quits.").arg(profile.name));
        spdlog::info("connections: password of {} kept for this session only", account);
        return;
    }
    const auto refused = [this](const QString &name, const QString &why) {
        m_keepForSession->show();
        m_keepForSession->setFocus(); // Enter accepts the offer
        finishSave(false, tr("Saved the settings of %1, but NOT its password: %2\nKeep it for this session only "
                             "(in memory, forgotten when Topograph quits), or start Topograph with "
                             "--password-env VAR.").arg(name, why));
    };
    // Checked here, before the keychain thread is asked: without a session bus the answer is
    // immediate. The note above already gives the technical reason; do not repeat it.
    if (const QString reason = CredentialStore::unavailableReason(); !reason.isEmpty()) {
        refused(profile.name, m_keychainNote->isVisibleTo(this) ? tr("the OS keychain cannot be used here.")
                                                                : reason);
        return;
    }
    showStatus(tr("Storing the password in the OS keychain\u2026"), false);
    setBusy(true);
    // Continued on this form's thread, and not at all if the form is gone by then.
    KeychainThread::submit(m_context->keychainRequest(KeychainThread::Operation::Write, account, password))
        .then(this, [this, account, name = profile.name, refused](const CredentialResult &r) {
            setBusy(false);
            if (!r.ok) {
                refused(name, r.error);
                return;
            }
            // The keychain now holds the password: an older session-only one must not shadow it.
            m_context->sessionSecrets().remove(account);
            m_context->forgetKeychainPassword(account);
            m_password->clear();
            spdlog::info("connections: password of {} stored in the keychain (service {})", account,
                         m_context->keychainService());
            finishSave(true, tr("Saved %1. Its password is in the OS keychain (service '%2', account '%3').")
                                 .arg(name, m_context->keychainService(), account));
        });
}

void ConnectionForm::startRemovePassword(const QString &account)
{
    m_context->sessionSecrets().remove(account);
    if (const QString reason = CredentialStore::unavailableReason(); !reason.isEmpty()) {
        const QString message = tr("Forgot the session password of %1; the keychain cannot be reached (%2), so "
                                   "nothing was removed from it.").arg(account, reason);
        showStatus(message, false);
        emit passwordRemoved(true, message);
        return;
    }
    setBusy(true);
    KeychainThread::submit(m_context->keychainRequest(KeychainThread::Operation::Remove, account))
        .then(this, [this, account](const CredentialResult &r) {
            setBusy(false);
            m_context->forgetKeychainPassword(account);
            // No entry to remove is what the person wanted too.
            const bool ok = r.ok || r.notFound;
            const QString message = ok ? tr("Removed the password of %1 from the OS keychain.").arg(account)
                                       : tr("Could not remove the password of %1 from the OS keychain: %2")
                                             .arg(account, r.error);
            showStatus(message, !ok);
            emit passwordRemoved(ok, message);
        });
}

void ConnectionForm::keepForSession()
{
    m_sessionOnly->setChecked(true);
    startSave(m_pendingSave);
}

void ConnectionForm::finishSave(bool ok, const QString &message)
{
    showStatus((ok ? QStringLiteral("\u2713 ") : QStringLiteral("\u2716 ")) + message, !ok);
    emit saveFinished(ok, message);
}

void ConnectionForm::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    emit busyChanged(m_busy > 0);
}

template<typename Result>
void ConnectionForm::runInBackground(std::function<Result()> work, std::function<void(const Result &)> done)
{
    auto result = std::make_shared<Result>();
    QThread *thread = QThread::create([work = std::move(work), result] { *result = work(); });
    // Queued to this form's thread; dropped if the form is destroyed first (it waits, see above).
    connect(thread, &QThread::finished, this, [done = std::move(done), result] { done(*result); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(QPointer<QThread>());
    m_threads << thread;
    thread->start();
}

} // namespace Topograph::Gui
