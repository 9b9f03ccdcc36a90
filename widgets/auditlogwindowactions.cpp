// AuditLogWindow: chain verification, acknowledgements and export.

#include "auditlogwindow.h"

#include "acknowledgedialog.h"
#include "auditlogmodel.h"
#include "exportdialog.h"
#include "storetask.h"

#include "store/store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include <climits>

namespace Topograph::Gui {

namespace {

struct VerifyResult
{
    AuditVerification verification;
    QString error;
    qint64 ms = 0;
};

} // namespace

bool AuditLogWindow::isVerifying() const
{
    return m_verifyTask && m_verifyTask->isRunning();
}

void AuditLogWindow::verifyChain()
{
    if (!m_model)
        return;
    if (m_verifyTask) {
        m_verifyAgain = true;
        return;
    }
    auto result = std::make_shared<VerifyResult>();
    m_verifyTask = new StoreTask(
        m_storePath,
        [result](Store *store, const QString &openError) {
            QElapsedTimer timer;
            timer.start();
            if (!store) {
                result->error = openError;
                return;
            }
            result->verification = AuditLog(*store).verify(&result->error);
            result->ms = timer.elapsed();
        },
        this);
    connect(m_verifyTask, &StoreTask::finished, this, [this, result] {
        m_verifyTask->deleteLater();
        m_verifyTask = nullptr;
        showChainResult(result->verification, result->error, result->ms);
        if (m_verifyAgain) {
            m_verifyAgain = false;
            verifyChain();
        }
    });
    m_verify->setEnabled(false);
    m_chainIcon->setPixmap(style()->standardIcon(QStyle::SP_BrowserReload).pixmap(16, 16));
    m_chainText->setText(tr("Verifying the hash chain\u2026"));
    m_chainText->setStyleSheet({});
    m_verifyTask->start();
}

void AuditLogWindow::showChainResult(const AuditVerification &v, const QString &error, qint64 ms)
{
    m_verification = v;
    m_verifyError = error;
    m_verifyMs = ms;
    m_verified = true;
    m_verifiedAt = QDateTime::currentDateTime();
    m_verify->setEnabled(true);
    m_model->setChainProblems(v.problems);
    updateChainLabel();
    if (selectedEntryId())
        showSelected();
    emit chainVerified(v.intact && error.isEmpty());
}

void AuditLogWindow::updateChainLabel()
{
    if (!m_verified || !m_model)
        return;
    const AuditVerification &v = m_verification;
    const bool intact = v.intact && m_verifyError.isEmpty();
    // An icon and words as well as the colour: the state must not depend on colour vision.
    m_chainIcon->setPixmap(
        style()
            ->standardIcon(intact ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical)
            .pixmap(16, 16));
    QString text;
    if (!m_verifyError.isEmpty() && v.intact)
        text = tr("The chain could not be verified: %1").arg(m_verifyError);
    else if (!v.intact)
        text = tr("BROKEN at #%1: %2").arg(v.firstBadId).arg(v.reason)
            + (v.problems.size() > 1 ? tr(" (%n bad entries)", nullptr, int(v.problems.size()))
                                     : QString());
    else if (v.entries == 0)
        text = tr("Chain intact (the log is empty).");
    else
        text = tr("Chain intact (%L1 entries, head #%2 hash %3\u2026).")
                   .arg(v.entries)
                   .arg(v.headId)
                   .arg(v.headHash.left(12));
    text += QLatin1Char(' ')
        + tr("Verified at %1 in %L2 ms.")
              .arg(m_verifiedAt.toString(QStringLiteral("HH:mm:ss")))
              .arg(m_verifyMs);
    const qint64 newer = m_model->lastId() - v.headId;
    if (intact && newer > 0)
        text += QLatin1Char(' ')
            + tr("%n newer entry(ies) not verified yet.", nullptr,
                int(std::min<qint64>(newer, INT_MAX)));
    m_chainText->setText(text);
    m_chainText->setStyleSheet(intact ? QStringLiteral("color:#2e7d32")
                                      : QStringLiteral("color:#c62828;font-weight:bold"));
}

void AuditLogWindow::setStatus(const QString &text, bool error)
{
    m_status->setText(text.isEmpty()
            ? QString()
            : (error ? QStringLiteral("\u2716 ") : QStringLiteral("\u2713 ")) + text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#c62828") : QString());
}

int AuditLogWindow::runAcknowledge(
    const QString &what, const std::function<int(const QString &, QString *)> &ack)
{
    AcknowledgeDialog dialog(what, this);
    if (dialog.exec() != QDialog::Accepted)
        return -1;
    QString error;
    const int n = ack(dialog.comment(), &error);
    if (n < 0) {
        setStatus(tr("Nothing was acknowledged: %1").arg(error), true);
    } else {
        setStatus(tr("Acknowledged %n recovery(ies).", nullptr, n), false);
        emit acknowledged(n);
    }
    refresh();
    return n;
}

void AuditLogWindow::acknowledgeSelectedRecovery()
{
    if (m_selectedRecovery)
        acknowledgeRecovery(m_selectedRecovery->id);
}

void AuditLogWindow::acknowledgeRecovery(qint64 recoveryId)
{
    if (!m_model)
        return;
    const std::optional<Recovery> r = RecoveryLog(*m_store).recovery(recoveryId);
    const QString what = r ? tr("recovery #%1 (%2 of cluster %3, %4)")
                                 .arg(recoveryId)
                                 .arg(r->kind, r->cluster, recoveryStateText(r->state))
                           : tr("recovery #%1").arg(recoveryId);
    runAcknowledge(what, [this, recoveryId](const QString &comment, QString *error) {
        return RecoveryLog(*m_store).acknowledge(recoveryId, comment, error);
    });
}

void AuditLogWindow::acknowledgeSelectedCluster()
{
    const QString cluster = clusterForAck();
    if (!m_model || cluster.isEmpty())
        return;
    int n = 0;
    for (const Recovery &u : std::as_const(m_unacknowledged))
        n += u.cluster == cluster && u.state != RecoveryState::Running;
    runAcknowledge(tr("%n unacknowledged recovery(ies) of cluster %1", nullptr, n).arg(cluster),
        [this, cluster](const QString &comment, QString *error) {
            return RecoveryLog(*m_store).acknowledgeCluster(cluster, comment, error);
        });
}

void AuditLogWindow::acknowledgeAllRecoveries()
{
    if (!m_model)
        return;
    int n = 0;
    for (const Recovery &u : std::as_const(m_unacknowledged))
        n += u.state != RecoveryState::Running;
    runAcknowledge(tr("all %n unacknowledged recovery(ies), of every cluster", nullptr, n),
        [this](const QString &comment, QString *error) {
            return RecoveryLog(*m_store).acknowledgeAll(comment, error);
        });
}

ExportDialog *AuditLogWindow::openExportDialog()
{
    auto *dialog = new ExportDialog(m_storePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList clusters(m_clusters.begin(), m_clusters.end());
    clusters.sort();
    dialog->setClusters(clusters, m_aliases);
    const AuditQueryFilter f = currentFilter();
    dialog->setScope(f.cluster, f.since, f.until);
    dialog->show();
    return dialog;
}

} // namespace Topograph::Gui
