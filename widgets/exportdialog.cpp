#include "exportdialog.h"

#include "storetask.h"

#include "store/auditquery.h"
#include "store/store.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace Topograph::Gui {

using Reporting::ReportFormat;

namespace {

struct ExportResult
{
    bool ok = false;
    QString error;
    qint64 bytes = 0;
    qint64 ms = 0;
};

const ReportFormat formats[]
    = { ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json };

QString formatLabel(ReportFormat f)
{
    switch (f) {
    case ReportFormat::Pdf:
        return ExportDialog::tr("PDF document");
    case ReportFormat::Html:
        return ExportDialog::tr("HTML page");
    case ReportFormat::Csv:
        return ExportDialog::tr("CSV (spreadsheet)");
    case ReportFormat::Json:
        return ExportDialog::tr("JSON");
    }
    return {};
}

} // namespace

ExportDialog::ExportDialog(const QString &storePath, QWidget *parent)
    : QDialog(parent)
    , m_storePath(storePath)
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export audit log"));
    resize(560, 0);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("ExportFormat"));
    for (ReportFormat f : formats)
        m_format->addItem(formatLabel(f), Reporting::reportFormatName(f));
    form->addRow(tr("&Format:"), m_format);

    m_cluster = new QComboBox;
    m_cluster->setObjectName(QStringLiteral("ExportCluster"));
    m_cluster->addItem(tr("All clusters"), QString());
    form->addRow(tr("&Cluster:"), m_cluster);

    auto *period = new QHBoxLayout;
    m_allTime = new QCheckBox(tr("All time"));
    m_allTime->setObjectName(QStringLiteral("ExportAllTime"));
    m_allTime->setChecked(true);
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(QDateTime(now.date().addDays(-30), QTime(0, 0)));
    m_to = new QDateTimeEdit(QDateTime(now.date().addDays(1), QTime(0, 0)));
    period->addWidget(m_allTime);
    period->addWidget(new QLabel(tr("from")));
    period->addWidget(m_from, 1);
    period->addWidget(new QLabel(tr("to")));
    period->addWidget(m_to, 1);
    for (QDateTimeEdit *edit : { m_from, m_to }) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        edit->setToolTip(tr("Local time; the end is exclusive."));
    }
    auto *periodLabel = new QLabel(tr("&Period:"));
    periodLabel->setBuddy(m_allTime);
    form->addRow(periodLabel, period);

    auto *file = new QHBoxLayout;
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("ExportPath"));
    m_browse = new QPushButton(tr("Browse\u2026"));
    file->addWidget(m_path, 1);
    file->addWidget(m_browse);
    auto *fileLabel = new QLabel(tr("F&ile:"));
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, file);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("ExportProgress"));
    m_progress->setRange(0, 0); // busy: the writers stream entries without a total to report
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("ExportResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox;
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("ExportButton"));
    m_export->setDefault(true);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("OpenButton"));
    m_open->setEnabled(false);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    m_tick = new QTimer(this);
    m_tick->setInterval(500);
    connect(m_tick, &QTimer::timeout, this, [this] {
        const qint64 s = (QDateTime::currentMSecsSinceEpoch() - m_started) / 1000;
        showResult(tr("Writing %1\u2026 %n s", nullptr, int(s)).arg(filePath()), false);
    });
    connect(m_allTime, &QCheckBox::toggled, this, [this](bool all) {
        m_from->setEnabled(!all);
        m_to->setEnabled(!all);
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::suggestPath);
    connect(m_cluster, &QComboBox::currentIndexChanged, this, &ExportDialog::suggestPath);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_open, &QPushButton::clicked, this, &ExportDialog::openResult);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);
    suggestPath();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::defaultFilePath(
    ReportFormat format, const QString &cluster, const QDateTime &at)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString scope = cluster.isEmpty() ? QStringLiteral("all") : cluster;
    // host:port is not a file name on Windows, and some viewers choke on spaces.
    scope.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QDir(dir).filePath(QStringLiteral("topograph-audit-%1-%2.%3")
                                  .arg(scope, at.toString(QStringLiteral("yyyyMMdd-HHmm")),
                                      Reporting::reportFormatName(format)));
}

void ExportDialog::suggestPath()
{
    if (!m_pathEdited) {
        m_path->setText(defaultFilePath(
            format(), m_cluster->currentData().toString(), QDateTime::currentDateTime()));
        return;
    }
    // Keep the person's name and folder; only the extension follows the format.
    QFileInfo info(m_path->text());
    if (Reporting::reportFormatFromName(info.suffix()))
        m_path->setText(QDir(info.path())
                            .filePath(info.completeBaseName() + QLatin1Char('.')
                                + Reporting::reportFormatName(format())));
}

void ExportDialog::setClusters(const QStringList &clusters, const QHash<QString, QString> &aliases)
{
    m_clustersSet = true;
    const QString current = m_cluster->currentData().toString();
    const QSignalBlocker block(m_cluster);
    m_cluster->clear();
    m_cluster->addItem(tr("All clusters"), QString());
    for (const QString &c : clusters) {
        const QString alias = aliases.value(c);
        m_cluster->addItem(alias.isEmpty() ? c : tr("%1 (%2)").arg(alias, c), c);
    }
    m_cluster->setCurrentIndex(std::max(0, m_cluster->findData(current)));
}

void ExportDialog::setScope(const QString &cluster, const QDateTime &since, const QDateTime &until)
{
    if (!cluster.isEmpty() && m_cluster->findData(cluster) < 0)
        m_cluster->addItem(cluster, cluster);
    m_cluster->setCurrentIndex(std::max(0, m_cluster->findData(cluster)));
    m_allTime->setChecked(!since.isValid() && !until.isValid());
    if (since.isValid())
        m_from->setDateTime(since.toLocalTime());
    if (until.isValid())
        m_to->setDateTime(until.toLocalTime());
}

void ExportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_clustersSet)
        return;
    m_clustersSet = true;
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_storePath, &error);
    QSet<QString> clusters;
    if (!store || !AuditQuery(*store).distinctValues(0, &clusters, nullptr, &error)) {
        showResult(error, true);
        return;
    }
    QStringList names(clusters.begin(), clusters.end());
    names.sort();
    setClusters(names, store->clusterAliases());
}

ReportFormat ExportDialog::format() const
{
    return Reporting::reportFormatFromName(m_format->currentData().toString())
        .value_or(ReportFormat::Pdf);
}

void ExportDialog::setFormat(ReportFormat format)
{
    m_format->setCurrentIndex(std::max(0, m_format->findData(Reporting::reportFormatName(format))));
}

QString ExportDialog::filePath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setFilePath(const QString &path)
{
    m_pathEdited = true;
    m_path->setText(path);
}

AuditFilter ExportDialog::filter() const
{
    AuditFilter f;
    f.cluster = m_cluster->currentData().toString();
    if (!m_allTime->isChecked()) {
        f.since = m_from->dateTime().toUTC();
        f.until = m_to->dateTime().toUTC();
    }
    return f;
}

bool ExportDialog::isRunning() const
{
    return m_task != nullptr;
}

void ExportDialog::browse()
{
    const QString name = reportFormatName(format());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export audit log"), filePath(), tr("%1 (*.%2)").arg(formatLabel(format()), name));
    if (!path.isEmpty()) {
        setFilePath(path);
        m_replaceConfirmed = path; // the file dialog asked already
    }
}

void ExportDialog::startExport()
{
    if (isRunning())
        return;
    const QString path = filePath();
    const AuditFilter f = filter();
    if (path.isEmpty()) {
        showResult(tr("Choose the file to write."), true);
        return;
    }
    if (QFileInfo(path).isDir()) {
        showResult(tr("%1 is a folder; choose a file name in it.").arg(path), true);
        return;
    }
    if (f.since.isValid() && f.since >= f.until) {
        showResult(
            tr("The period ends before it starts; correct the dates or tick All time."), true);
        return;
    }
    if (QFileInfo::exists(path) && path != m_replaceConfirmed
        && QMessageBox::question(
               this, tr("Replace file?"), tr("%1 already exists. Replace it?").arg(path))
            != QMessageBox::Yes)
        return;

    const ReportFormat fmt = format();
    const QString title = tr("Topograph audit report");
    auto result = std::make_shared<ExportResult>();
    m_task = new StoreTask(
        m_storePath,
        [result, f, fmt, path, title](Store *store, const QString &openError) {
            QElapsedTimer timer;
            timer.start();
            if (!store) {
                result->error = openError;
                return;
            }
            Reporting::AuditReport report(*store, f, title);
            result->ok = report.prepare(&result->error)
                && report.write(fmt, path, &result->error, &result->bytes);
            result->ms = timer.elapsed();
        },
        this);
    connect(m_task, &StoreTask::finished, this, [this, result, path] {
        m_task->deleteLater();
        m_task = nullptr;
        setRunning(false);
        if (result->ok) {
            m_written = path;
            m_bytes = result->bytes;
            m_open->setEnabled(true);
            showResult(tr("Wrote %1 (%L2 bytes) to %3 in %4 s.")
                           .arg(QLocale().formattedDataSize(result->bytes))
                           .arg(result->bytes)
                           .arg(path)
                           .arg(result->ms / 1000.0, 0, 'f', 1),
                false);
        } else {
            showResult(tr("Could not export to %1: %2").arg(path, result->error), true);
        }
        emit exportFinished(result->ok, path, result->bytes, result->error);
    });
    m_written.clear();
    m_bytes = 0;
    m_open->setEnabled(false);
    m_started = QDateTime::currentMSecsSinceEpoch();
    setRunning(true);
    showResult(tr("Writing %1\u2026").arg(path), false);
    m_task->start();
}

void ExportDialog::setRunning(bool running)
{
    for (QWidget *w : { static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_cluster),
             static_cast<QWidget *>(m_allTime), static_cast<QWidget *>(m_path),
             static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_export),
             static_cast<QWidget *>(m_close) })
        w->setEnabled(!running);
    m_from->setEnabled(!running && !m_allTime->isChecked());
    m_to->setEnabled(!running && !m_allTime->isChecked());
    m_progress->setVisible(running);
    if (running)
        m_tick->start();
    else
        m_tick->stop();
}

void ExportDialog::showResult(const QString &text, bool error)
{
    if (text.isEmpty()) {
        m_result->clear();
        return;
    }
    m_result->setText((error ? QStringLiteral("\u2716 ") : QString()) + text);
    m_result->setStyleSheet(error ? QStringLiteral("color:#c62828;font-weight:bold") : QString());
}

void ExportDialog::openResult()
{
    if (m_written.isEmpty())
        return;
    if (!m_opener(QUrl::fromLocalFile(m_written)))
        showResult(
            tr("No application could open %1; open it from your file manager.").arg(m_written),
            true);
}

void ExportDialog::closeEvent(QCloseEvent *event)
{
    // The worker writes through its own Store; closing now would have to wait for it anyway.
    if (isRunning()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void ExportDialog::reject()
{
    if (!isRunning())
        QDialog::reject();
}

} // namespace Topograph::Gui
