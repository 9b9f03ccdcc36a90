#pragma once

#include "reporting/auditreport.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QUrl>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Topograph::Gui {

class StoreTask;

// Exports the audit log (PDF, HTML, CSV or JSON) for a period and a cluster through
// Reporting::AuditReport. The report is written on a worker thread with its own Store, so the
// window stays responsive while a 100,000-entry export runs; the dialog shows a busy bar (the
// report writers have no progress to report), then the size written and an Open button.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // Opens the written file; QDesktopServices::openUrl unless replaced (tests replace it).
    using Opener = std::function<bool(const QUrl &)>;

    explicit ExportDialog(const QString &storePath, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // Without this, the dialog reads the clusters from the store when first shown.
    void setClusters(const QStringList &clusters, const QHash<QString, QString> &aliases = {});
    // Preselects a cluster (empty = all) and a period (invalid ends = open; both = all time).
    void setScope(const QString &cluster, const QDateTime &since, const QDateTime &until);
    void setOpener(Opener opener) { m_opener = std::move(opener); }

    Topograph::Reporting::ReportFormat format() const;
    void setFormat(Topograph::Reporting::ReportFormat format);
    QString filePath() const;
    void setFilePath(const QString &path);
    Topograph::AuditFilter filter() const;
    bool isRunning() const;
    qint64 bytesWritten() const { return m_bytes; }

    // "topograph-audit-<cluster or all>-<yyyyMMdd-HHmm>.<format>" in the documents folder.
    static QString defaultFilePath(
        Topograph::Reporting::ReportFormat format, const QString &cluster, const QDateTime &at);

    QComboBox *formatBox() const { return m_format; }
    QComboBox *clusterBox() const { return m_cluster; }
    QCheckBox *allTimeBox() const { return m_allTime; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *closeButton() const { return m_close; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *resultLabel() const { return m_result; }

public slots:
    void startExport();
    void openResult();

signals:
    void exportFinished(bool ok, const QString &path, qint64 bytes, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void browse();
    void suggestPath();
    void setRunning(bool running);
    void showResult(const QString &text, bool error);

    QString m_storePath;
    bool m_clustersSet = false;
    bool m_pathEdited = false;
    Opener m_opener;
    QPointer<StoreTask> m_task;
    QString m_written;
    QString m_replaceConfirmed;
    qint64 m_bytes = 0;
    qint64 m_started = 0;

    QComboBox *m_format, *m_cluster;
    QCheckBox *m_allTime;
    QDateTimeEdit *m_from, *m_to;
    QLineEdit *m_path;
    QPushButton *m_browse, *m_export, *m_open, *m_close;
    QProgressBar *m_progress;
    QLabel *m_result;
    QTimer *m_tick;
};

} // namespace Topograph::Gui
