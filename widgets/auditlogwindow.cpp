#include "auditlogwindow.h"

#include "auditentrydetails.h"
#include "auditlogmodel.h"
#include "blockedrecoveriespanel.h"
#include "storetask.h"

#include "store/store.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Topograph::Gui {

namespace {

// What of a recovery the details pane shows; re-rendering only when it changed keeps the
// reader's scroll position and selected step across auto refreshes.
QString fingerprint(const std::optional<Recovery> &r)
{
    if (!r)
        return {};
    QString f = QStringLiteral("%1|%2|%3|%4|%5")
                    .arg(r->id)
                    .arg(int(r->state))
                    .arg(Store::toDb(r->endedAt), Store::toDb(r->acknowledgedAt))
                    .arg(r->steps.size());
    for (const RecoveryStep &s : r->steps)
        f += QString::number(int(s.outcome));
    return f;
}

void fillCombo(
    QComboBox *combo, const QString &allText, const QList<QPair<QString, QString>> &items)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(allText, QString());
    for (const auto &item : items)
        combo->addItem(item.first, item.second);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

} // namespace

AuditLogWindow::AuditLogWindow(const QString &storePath, QWidget *parent)
    : QWidget(parent)
    , m_storePath(storePath)
{
    setObjectName(QStringLiteral("AuditLogWindow"));
    setWindowTitle(tr("Audit log"));
    QString openError;
    m_store = Store::open(storePath, &openError);

    auto *layout = new QVBoxLayout(this);
    QWidget *filters = buildFilterBar();
    layout->addWidget(filters);

    auto *chain = new QHBoxLayout;
    m_chainIcon = new QLabel;
    m_chainIcon->setObjectName(QStringLiteral("ChainIcon"));
    m_chainText = new QLabel;
    m_chainText->setObjectName(QStringLiteral("ChainStatus"));
    m_chainText->setWordWrap(true);
    m_chainText->setTextFormat(Qt::PlainText);
    m_chainText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verify = new QPushButton(tr("Verify chain"));
    m_verify->setObjectName(QStringLiteral("VerifyButton"));
    m_verify->setToolTip(tr("Re-read every entry and check its hash and its link to the previous "
                            "one, so an edit or a deletion in the store file shows."));
    chain->addWidget(m_chainIcon);
    chain->addWidget(m_chainText, 1);
    chain->addWidget(m_verify);
    layout->addLayout(chain);

    auto *split = new QSplitter(Qt::Vertical);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("AuditTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view then never asks for a row it does not show.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    split->addWidget(m_table);
    m_tabs = new QTabWidget;
    m_details = new AuditEntryDetails;
    m_blocked = new BlockedRecoveriesPanel;
    m_tabs->addTab(m_details, tr("Entry"));
    m_tabs->addTab(m_blocked, tr("Blocked recoveries"));
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto *actions = new QHBoxLayout;
    m_ackRecovery = new QPushButton(tr("Acknowledge recovery\u2026"));
    m_ackRecovery->setObjectName(QStringLiteral("AckRecoveryButton"));
    m_ackCluster = new QPushButton(tr("Acknowledge cluster\u2026"));
    m_ackCluster->setObjectName(QStringLiteral("AckClusterButton"));
    m_ackAll = new QPushButton(tr("Acknowledge all\u2026"));
    m_ackAll->setObjectName(QStringLiteral("AckAllButton"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("AuditStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    actions->addWidget(m_ackRecovery);
    actions->addWidget(m_ackCluster);
    actions->addWidget(m_ackAll);
    actions->addWidget(m_status, 1);
    layout->addLayout(actions);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *reload = new QAction(this);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(reload, &QAction::triggered, this, &AuditLogWindow::refresh);
    addActions({ find, reload });
    m_refresh->setToolTip(
        tr("Read new entries now (%1); the view also refreshes by itself.")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setInterval(m_refreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &AuditLogWindow::refresh);

    if (!m_store) {
        setStatus(tr("The audit log cannot be shown: %1").arg(openError), true);
        for (QWidget *w :
            { filters, static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_tabs),
                static_cast<QWidget *>(m_verify), static_cast<QWidget *>(m_ackRecovery),
                static_cast<QWidget *>(m_ackCluster), static_cast<QWidget *>(m_ackAll) })
            w->setEnabled(false);
        return;
    }

    m_model = new AuditLogModel(*m_store, this);
    m_aliases = m_store->clusterAliases();
    m_model->setAliases(m_aliases);
    m_table->setModel(m_model);
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 18; };
    header->resizeSection(AuditLogModel::IdColumn, width(QStringLiteral("\u26a0 0000000")));
    header->resizeSection(AuditLogModel::TimeColumn, width(QStringLiteral("0000-00-00 00:00:00")));
    header->resizeSection(AuditLogModel::ActorColumn, width(QStringLiteral("someone@host-01")));
    header->resizeSection(AuditLogModel::ClusterColumn, width(QStringLiteral("cluster-name:3306")));
    header->resizeSection(AuditLogModel::InstanceColumn, width(QStringLiteral("db-host-01:3306")));
    header->resizeSection(AuditLogModel::ActionColumn, width(QStringLiteral("recovery-blocked")));
    header->resizeSection(AuditLogModel::OutcomeColumn, width(tr("\u2298 refused")));
    header->resizeSection(AuditLogModel::RecoveryColumn, width(QStringLiteral("#000000")));
    header->setStretchLastSection(true);

    connect(m_model, &AuditLogModel::errorOccurred, this,
        [this](const QString &error) { setStatus(error, true); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_restoreId = m_details->entryId(); }); // the model may have moved on already
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_restoreId || !selectEntry(m_restoreId))
            showSelected();
        m_restoreId = 0;
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &AuditLogWindow::showSelected);
    connect(m_verify, &QPushButton::clicked, this, &AuditLogWindow::verifyChain);
    connect(
        m_ackRecovery, &QPushButton::clicked, this, &AuditLogWindow::acknowledgeSelectedRecovery);
    connect(m_ackCluster, &QPushButton::clicked, this, &AuditLogWindow::acknowledgeSelectedCluster);
    connect(m_ackAll, &QPushButton::clicked, this, &AuditLogWindow::acknowledgeAllRecoveries);
    connect(m_blocked, &BlockedRecoveriesPanel::acknowledgeRequested, this,
        &AuditLogWindow::acknowledgeRecovery);

    updateChoices();
    refreshRecoveries();
    updateCount();
    showSelected();
    verifyChain();
}

AuditLogWindow::~AuditLogWindow()
{
    // The model reads through m_store, which as a member dies before the child widgets do.
    delete m_verifyTask;
    if (m_model) {
        m_table->setModel(nullptr);
        delete m_model;
    }
}

QWidget *AuditLogWindow::buildFilterBar()
{
    auto *bar = new QWidget;
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *first = new QHBoxLayout;
    auto *second = new QHBoxLayout;
    rows->addLayout(first);
    rows->addLayout(second);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("AuditSearch"));
    m_search->setPlaceholderText(tr("Search message, instance, cluster, action, actor"));
    m_search->setClearButtonEnabled(true);
    m_cluster = new QComboBox;
    m_cluster->setObjectName(QStringLiteral("ClusterFilter"));
    m_cluster->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("KindFilter"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_outcome = new QComboBox;
    m_outcome->setObjectName(QStringLiteral("OutcomeFilter"));
    m_outcome->addItem(tr("All outcomes"), QString());
    m_outcome->addItem(tr("\u2713 ok"), auditOutcomeName(AuditOutcome::Ok));
    m_outcome->addItem(tr("\u2716 failed"), auditOutcomeName(AuditOutcome::Failed));
    m_outcome->addItem(tr("\u2298 refused"), auditOutcomeName(AuditOutcome::Refused));
    auto *searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_search);
    first->addWidget(searchLabel);
    first->addWidget(m_search, 1);
    first->addWidget(m_cluster);
    first->addWidget(m_kind);
    first->addWidget(m_outcome);

    const QDateTime now = QDateTime::currentDateTime();
    m_fromOn = new QCheckBox(tr("From"));
    m_fromOn->setObjectName(QStringLiteral("FromEnabled"));
    m_from = new QDateTimeEdit(QDateTime(now.date().addDays(-7), QTime(0, 0)));
    m_toOn = new QCheckBox(tr("to"));
    m_toOn->setObjectName(QStringLiteral("ToEnabled"));
    m_to = new QDateTimeEdit(QDateTime(now.date().addDays(1), QTime(0, 0)));
    for (QDateTimeEdit *edit : { m_from, m_to }) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        edit->setToolTip(tr("Local time. Unticked: any time."));
    }
    m_unacked = new QCheckBox(tr("Unacknowledged recoveries only"));
    m_unacked->setObjectName(QStringLiteral("UnacknowledgedFilter"));
    m_unacked->setToolTip(tr("Entries of recoveries nobody has acknowledged yet."));
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("AuditCount"));
    m_refresh = new QPushButton(tr("Refresh"));
    m_refresh->setObjectName(QStringLiteral("RefreshButton"));
    m_export = new QPushButton(tr("Export\u2026"));
    m_export->setObjectName(QStringLiteral("ExportButton"));
    second->addWidget(m_fromOn);
    second->addWidget(m_from);
    second->addWidget(m_toOn);
    second->addWidget(m_to);
    second->addSpacing(12);
    second->addWidget(m_unacked);
    second->addStretch(1);
    second->addWidget(m_count);
    second->addWidget(m_refresh);
    second->addWidget(m_export);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &AuditLogWindow::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    for (QComboBox *combo : { m_cluster, m_kind, m_outcome })
        connect(combo, &QComboBox::currentIndexChanged, this, &AuditLogWindow::applyFilters);
    connect(m_fromOn, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toOn, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox *box : { m_fromOn, m_toOn, m_unacked })
        connect(box, &QCheckBox::toggled, this, &AuditLogWindow::applyFilters);
    for (QDateTimeEdit *edit : { m_from, m_to })
        connect(edit, &QDateTimeEdit::dateTimeChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_refresh, &QPushButton::clicked, this, &AuditLogWindow::refresh);
    connect(m_export, &QPushButton::clicked, this, &AuditLogWindow::openExportDialog);
    return bar;
}

AuditQueryFilter AuditLogWindow::currentFilter() const
{
    AuditQueryFilter f;
    f.cluster = m_cluster->currentData().toString();
    f.action = m_kind->currentData().toString();
    f.outcome = auditOutcomeFromName(m_outcome->currentData().toString());
    if (m_fromOn->isChecked())
        f.since = m_from->dateTime().toUTC();
    if (m_toOn->isChecked())
        f.until = m_to->dateTime().toUTC();
    f.unacknowledgedOnly = m_unacked->isChecked();
    f.text = m_search->text().trimmed();
    return f;
}

void AuditLogWindow::applyFilters()
{
    m_searchDelay->stop();
    if (!m_model)
        return;
    m_model->setFilter(currentFilter());
    refreshRecoveries();
    updateCount();
    updateAckButtons();
}

void AuditLogWindow::refresh()
{
    if (!m_model)
        return;
    const QHash<QString, QString> aliases = m_store->clusterAliases();
    if (aliases != m_aliases) {
        m_aliases = aliases;
        m_model->setAliases(aliases);
        m_choicesUpTo = 0; // the cluster combo shows aliases
        m_clusters.clear();
    }
    m_model->refresh();
    updateChoices();
    refreshRecoveries();
    // The selected entry's recovery may have ended or been acknowledged meanwhile.
    const qint64 id = selectedEntryId();
    if (id && id == m_details->entryId()) {
        const std::optional<AuditEntry> e = m_model->entryAt(m_table->currentIndex().row());
        std::optional<Recovery> r;
        if (e && e->recoveryId)
            r = RecoveryLog(*m_store).recovery(e->recoveryId);
        if (fingerprint(r) != fingerprint(m_selectedRecovery))
            showSelected();
    }
    updateAckButtons();
    updateCount();
    updateChainLabel();
}

void AuditLogWindow::updateChoices()
{
    const qint64 upTo = m_model->lastId();
    if (upTo == m_choicesUpTo && m_cluster->count() > 0)
        return;
    QSet<QString> clusters, actions;
    QString error;
    if (!AuditQuery(*m_store).distinctValues(m_choicesUpTo, &clusters, &actions, &error)) {
        setStatus(error, true);
        return;
    }
    m_choicesUpTo = upTo;
    if (!m_cluster->count() || !(clusters - m_clusters).isEmpty()) {
        m_clusters.unite(clusters);
        QStringList names(m_clusters.begin(), m_clusters.end());
        names.sort();
        QList<QPair<QString, QString>> items;
        for (const QString &name : std::as_const(names)) {
            const QString alias = m_aliases.value(name);
            items.append({ alias.isEmpty() ? name : tr("%1 (%2)").arg(alias, name), name });
        }
        fillCombo(m_cluster, tr("All clusters"), items);
    }
    if (!m_kind->count() || !(actions - m_actions).isEmpty()) {
        m_actions.unite(actions);
        QStringList names(m_actions.begin(), m_actions.end());
        names.sort();
        QList<QPair<QString, QString>> items;
        for (const QString &name : std::as_const(names))
            items.append({ name, name });
        fillCombo(m_kind, tr("All kinds"), items);
    }
}

void AuditLogWindow::refreshRecoveries()
{
    RecoveryLog log(*m_store);
    QString error;
    RecoveryFilter unacked;
    unacked.unacknowledgedOnly = true;
    m_unacknowledged = log.recoveries(unacked, &error);
    QSet<qint64> ids, running;
    for (const Recovery &r : std::as_const(m_unacknowledged)) {
        ids.insert(r.id);
        if (r.state == RecoveryState::Running)
            running.insert(r.id);
    }
    const QList<BlockedRecovery> blocked = error.isEmpty()
        ? log.blockedRecoveries(currentFilter().cluster, {}, {}, &error)
        : QList<BlockedRecovery>();
    if (!error.isEmpty())
        setStatus(error, true);
    m_blocked->apply(blocked, ids, running);
    const int n = m_blocked->stillBlocking();
    m_tabs->setTabText(m_tabs->indexOf(m_blocked),
        n ? tr("\u2298 Blocked recoveries (%1)").arg(n) : tr("Blocked recoveries"));
}

void AuditLogWindow::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const std::optional<AuditEntry> e
        = current.isValid() ? m_model->entryAt(current.row()) : std::nullopt;
    m_selectedRecovery.reset();
    m_selectedCluster.clear();
    if (!e) {
        m_details->clear();
        updateAckButtons();
        return;
    }
    m_selectedCluster = e->cluster;
    if (e->recoveryId) {
        QString error;
        m_selectedRecovery = RecoveryLog(*m_store).recovery(e->recoveryId, &error);
    }
    m_details->showEntry(*e, m_selectedRecovery, m_verification.problems.value(e->id));
    updateAckButtons();
}

QString AuditLogWindow::clusterForAck() const
{
    const QString filtered = m_cluster->currentData().toString();
    return filtered.isEmpty() ? m_selectedCluster : filtered;
}

void AuditLogWindow::updateAckButtons()
{
    const std::optional<Recovery> &r = m_selectedRecovery;
    m_ackRecovery->setEnabled(r && !r->acknowledged() && r->state != RecoveryState::Running);
    if (!r)
        m_ackRecovery->setToolTip(tr("Select an entry that belongs to a recovery."));
    else if (r->acknowledged())
        m_ackRecovery->setToolTip(
            tr("Recovery #%1 was acknowledged by %2.").arg(r->id).arg(r->acknowledgedBy));
    else if (r->state == RecoveryState::Running)
        m_ackRecovery->setToolTip(tr("Recovery #%1 is still running.").arg(r->id));
    else
        m_ackRecovery->setToolTip(
            tr("Acknowledge recovery #%1 of cluster %2.").arg(r->id).arg(r->cluster));
    const QString cluster = clusterForAck();
    int inCluster = 0, all = 0;
    for (const Recovery &u : std::as_const(m_unacknowledged)) {
        if (u.state == RecoveryState::Running)
            continue;
        ++all;
        if (u.cluster == cluster)
            ++inCluster;
    }
    m_ackCluster->setEnabled(!cluster.isEmpty() && inCluster > 0);
    m_ackCluster->setToolTip(cluster.isEmpty()
            ? tr("Select an entry of a cluster, or filter on one.")
            : tr("%n unacknowledged recovery(ies) of cluster %1.", nullptr, inCluster)
                  .arg(cluster));
    m_ackAll->setEnabled(all > 0);
    m_ackAll->setText(
        all ? tr("Acknowledge all (%1)\u2026").arg(all) : tr("Acknowledge all\u2026"));
}

void AuditLogWindow::updateCount()
{
    const qint64 rows = m_model->rowCount();
    m_count->setText(currentFilter() == AuditQueryFilter()
            ? tr("%L1 entries").arg(rows)
            : tr("%L1 of %L2 entries").arg(rows).arg(m_model->totalEntries()));
}

bool AuditLogWindow::selectEntry(qint64 id)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, AuditLogModel::TimeColumn);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

qint64 AuditLogWindow::selectedEntryId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() && m_model ? m_model->entryId(current.row()) : 0;
}

void AuditLogWindow::setAutoRefreshInterval(int ms)
{
    m_refreshMs = ms;
    m_autoRefresh->stop();
    if (ms > 0) {
        m_autoRefresh->setInterval(ms);
        if (isVisible())
            m_autoRefresh->start();
    }
}

void AuditLogWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_refreshMs > 0 && m_model) {
        refresh();
        m_autoRefresh->start(m_refreshMs);
    }
}

void AuditLogWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoRefresh->stop();
}

} // namespace Topograph::Gui
