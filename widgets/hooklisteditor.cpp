#include "hooklisteditor.h"

#include "failoverpreview.h"
#include "operations/operation.h"
#include "store/store.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace Topograph::Gui {

namespace {

QString pointHelp(HookPoint p)
{
    switch (p) {
    case HookPoint::OnFailureDetection:
        return HookListEditor::tr("When a recoverable failure is detected, before anything is done.");
    case HookPoint::PreFailover:
        return HookListEditor::tr("Before a failover. A non-zero exit aborts it: the place to fence the old master.");
    case HookPoint::PostMasterFailover: return HookListEditor::tr("After a dead master was recovered.");
    case HookPoint::PostIntermediateMasterFailover:
        return HookListEditor::tr("After a dead intermediate master was recovered.");
    case HookPoint::PostFailover: return HookListEditor::tr("After any successful recovery.");
    case HookPoint::PostUnsuccessfulFailover:
        return HookListEditor::tr("After a recovery failed; TOPOGRAPH_ERROR says why.");
    case HookPoint::PreGracefulTakeover:
        return HookListEditor::tr("Before a planned switchover. A non-zero exit aborts it.");
    case HookPoint::PostGracefulTakeover: return HookListEditor::tr("After a planned switchover.");
    }
    return {};
}

QString failureTypeFor(HookPoint p)
{
    switch (p) {
    case HookPoint::PostIntermediateMasterFailover: return QStringLiteral("DeadIntermediateMaster");
    case HookPoint::PreGracefulTakeover:
    case HookPoint::PostGracefulTakeover: return operationKindName(OperationKind::GracefulTakeover);
    default: return QStringLiteral("DeadMaster");
    }
}

} // namespace

QString joinCommandLine(const QStringList &argv)
{
    QStringList parts;
    for (const QString &arg : argv) {
        // splitCommand reads three double quotes as one literal quote, in or out of quotes.
        QString escaped = arg;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\"\""));
        const bool needsQuotes = arg.isEmpty() || std::any_of(arg.cbegin(), arg.cend(), [](QChar c) { return c.isSpace(); });
        parts << (needsQuotes ? QLatin1Char('"') + escaped + QLatin1Char('"') : escaped);
    }
    return parts.join(QLatin1Char(' '));
}

bool hasUnclosedQuote(const QString &line)
{
    // The same counting as QProcess::splitCommand: runs of three quotes are literal, a lone quote
    // left over from a run opens or closes a quoted part.
    bool inQuote = false;
    int run = 0;
    for (const QChar c : line) {
        if (c == QLatin1Char('"')) {
            run = (run + 1) % 3;
            continue;
        }
        if (run == 1)
            inQuote = !inQuote;
        run = 0;
    }
    if (run == 1)
        inQuote = !inQuote;
    return inQuote;
}

HookContext sampleHookContext(const TopologySnapshot *snapshot, const QHash<QString, QString> &aliases)
{
    HookContext c;
    c.actor = Store::osActor();
    if (!snapshot || snapshot->clusters().isEmpty())
        return c;
    const ClusterInfo *chosen = &snapshot->clusters().first();
    for (const ClusterInfo &info : snapshot->clusters())
        if (!snapshot->replicasOf(info.master).isEmpty()) {
            chosen = &info;
            break;
        }
    c.cluster = chosen->name;
    c.clusterAlias = aliases.value(chosen->name, chosen->alias);
    c.failedHost = chosen->master.host();
    c.failedPort = chosen->master.port();
    if (const QList<InstanceKey> replicas = snapshot->replicasOf(chosen->master); !replicas.isEmpty()) {
        c.successorHost = replicas.first().host();
        c.successorPort = replicas.first().port();
    }
    return c;
}

HookListEditor::HookListEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("HookListEditor"));
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(
        tr("Each hook point runs its commands in order, without a shell. Type one command per row: arguments "
           "separated by spaces, \"double quotes\" around an argument with spaces, \"\"\" for a literal quote. "
           "For shell features run a shell yourself: /bin/sh -c \"...\". The event arrives in environment "
           "variables (TOPOGRAPH_CLUSTER, TOPOGRAPH_FAILED_HOST, TOPOGRAPH_SUCCESSOR_HOST, ...), never spliced "
           "into the command, so a hostile host name cannot inject one."));
    about->setWordWrap(true);
    about->setTextFormat(Qt::PlainText);
    layout->addWidget(about);

    auto *row = new QHBoxLayout;
    m_points = new QListWidget;
    m_points->setObjectName(QStringLiteral("HookPoints"));
    for (HookPoint p : allHookPoints()) {
        auto *item = new QListWidgetItem(hookPointName(p), m_points);
        item->setData(Qt::UserRole, int(p));
        item->setToolTip(pointHelp(p));
    }
    m_points->setMaximumWidth(m_points->sizeHintForColumn(0) + 60);
    row->addWidget(m_points);

    auto *right = new QVBoxLayout;
    auto *commandsRow = new QHBoxLayout;
    m_commands = new QListWidget;
    m_commands->setObjectName(QStringLiteral("Commands"));
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commands->setIconSize(QSize(16, 16));
    commandsRow->addWidget(m_commands, 1);
    auto *buttons = new QVBoxLayout;
    m_add = new QPushButton(tr("Add"));
    m_remove = new QPushButton(tr("Remove"));
    m_up = new QPushButton(tr("Move up"));
    m_down = new QPushButton(tr("Move down"));
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch();
    commandsRow->addLayout(buttons);
    right->addLayout(commandsRow, 1);

    auto *form = new QFormLayout;
    m_editor = new QLineEdit;
    m_editor->setObjectName(QStringLiteral("CommandEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("/usr/local/bin/notify --event failover"));
    form->addRow(tr("Command:"), m_editor);
    m_argv = new QLabel;
    m_argv->setObjectName(QStringLiteral("Arguments"));
    m_argv->setWordWrap(true);
    m_argv->setTextFormat(Qt::PlainText);
    m_argv->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Runs:"), m_argv);
    right->addLayout(form);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("Test hook"));
    m_test->setObjectName(QStringLiteral("TestHook"));
    m_test->setToolTip(tr("Runs the selected command now, with a sample event, and shows what it did."));
    testRow->addWidget(m_test);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("TestResult"));
    m_result->setTextFormat(Qt::PlainText);
    testRow->addWidget(m_result, 1);
    right->addLayout(testRow);
    m_sampleLabel = new QLabel;
    m_sampleLabel->setWordWrap(true);
    m_sampleLabel->setTextFormat(Qt::PlainText);
    right->addWidget(m_sampleLabel);
    m_output = new QPlainTextEdit;
    m_output->setObjectName(QStringLiteral("TestOutput"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setPlaceholderText(tr("The output of a test run appears here."));
    m_output->setMaximumHeight(m_output->fontMetrics().height() * 7);
    right->addWidget(m_output);
    row->addLayout(right, 1);
    layout->addLayout(row, 1);

    connect(m_points, &QListWidget::currentRowChanged, this, &HookListEditor::showPoint);
    connect(m_commands, &QListWidget::currentRowChanged, this, &HookListEditor::onCommandChanged);
    connect(m_editor, &QLineEdit::textEdited, this, &HookListEditor::onEdited);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addCommand({});
        m_editor->setFocus();
    });
    connect(m_remove, &QPushButton::clicked, this, &HookListEditor::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_test, &QPushButton::clicked, this, &HookListEditor::testCurrent);
    setSampleContext(HookContext{});
    m_points->setCurrentRow(0);
}

HookListEditor::~HookListEditor() = default;

void HookListEditor::setHooks(const QMap<HookPoint, QList<QStringList>> &hooks)
{
    m_rows.clear();
    for (auto it = hooks.cbegin(); it != hooks.cend(); ++it)
        for (const QStringList &argv : it.value())
            m_rows[it.key()].append(Row{joinCommandLine(argv), argv});
    updatePointLabels();
    showPoint();
}

QMap<HookPoint, QList<QStringList>> HookListEditor::hooks() const
{
    QMap<HookPoint, QList<QStringList>> out;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        for (const Row &r : it.value())
            if (!r.argv.isEmpty())
                out[it.key()].append(r.argv);
    return out;
}

QString HookListEditor::errorText() const
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
        for (int i = 0; i < it.value().size(); ++i)
            if (hasUnclosedQuote(it.value().at(i).text))
                return tr("%1, command %2: a double quote is not closed").arg(hookPointName(it.key())).arg(i + 1);
    return {};
}

bool HookListEditor::isValid() const
{
    return errorText().isEmpty();
}

void HookListEditor::setSampleContext(const HookContext &context)
{
    m_sample = context;
    if (context.cluster.isEmpty()) {
        m_sampleLabel->setText(tr("No fleet discovered yet: a test event names no servers. "
                                  "TOPOGRAPH_HOOK_TEST=1 tells the hook it is a test."));
        return;
    }
    const QString failed = InstanceKey(context.failedHost, context.failedPort).toString();
    const QString successor = context.successorHost.isEmpty()
                                  ? tr("none")
                                  : InstanceKey(context.successorHost, context.successorPort).toString();
    m_sampleLabel->setText(tr("A test runs with a sample event: cluster %1, failed %2, successor %3. "
                              "TOPOGRAPH_HOOK_TEST=1 tells the hook it is a test.")
                               .arg(clusterDisplayName(context.cluster, context.clusterAlias), failed, successor));
}

HookContext HookListEditor::sampleContext(HookPoint point) const
{
    HookContext c = m_sample;
    c.failureType = failureTypeFor(point);
    if (point == HookPoint::PostUnsuccessfulFailover)
        c.error = tr("sample error: this is a test run");
    return c;
}

HookPoint HookListEditor::currentPoint() const
{
    const QListWidgetItem *item = m_points->currentItem();
    return item ? HookPoint(item->data(Qt::UserRole).toInt()) : HookPoint::OnFailureDetection;
}

void HookListEditor::selectPoint(HookPoint point)
{
    m_points->setCurrentRow(int(allHookPoints().indexOf(point)));
}

void HookListEditor::addCommand(const QStringList &argv)
{
    QList<Row> &rows = m_rows[currentPoint()];
    rows.append(Row{joinCommandLine(argv), argv});
    showPoint();
    selectCommand(int(rows.size()) - 1);
    updatePointLabels();
    emit changed();
}

void HookListEditor::selectCommand(int row)
{
    m_commands->setCurrentRow(row);
}

QStringList HookListEditor::currentCommand() const
{
    const Row *r = currentRow();
    return r ? r->argv : QStringList();
}

HookListEditor::Row *HookListEditor::currentRow()
{
    const int i = m_commands->currentRow();
    auto it = m_rows.find(currentPoint());
    return it == m_rows.end() || i < 0 || i >= it->size() ? nullptr : &(*it)[i];
}

const HookListEditor::Row *HookListEditor::currentRow() const
{
    return const_cast<HookListEditor *>(this)->currentRow();
}

void HookListEditor::showPoint()
{
    const QSignalBlocker blocker(m_commands);
    m_commands->clear();
    for (const Row &r : m_rows.value(currentPoint()))
        m_commands->addItem(r.text);
    if (m_commands->count())
        m_commands->setCurrentRow(0);
    onCommandChanged();
}

void HookListEditor::onCommandChanged()
{
    const Row *r = currentRow();
    m_editor->setEnabled(r);
    m_editor->setText(r ? r->text : QString());
    updateState();
}

void HookListEditor::onEdited(const QString &text)
{
    Row *r = currentRow();
    if (!r)
        return;
    r->text = text;
    r->argv = QProcess::splitCommand(text);
    m_commands->currentItem()->setText(text);
    updatePointLabels();
    updateState();
    emit changed();
}

void HookListEditor::removeCurrent()
{
    const int i = m_commands->currentRow();
    if (i < 0)
        return;
    m_rows[currentPoint()].removeAt(i);
    showPoint();
    selectCommand(qMin(i, m_commands->count() - 1));
    updatePointLabels();
    emit changed();
}

void HookListEditor::moveCurrent(int delta)
{
    const int i = m_commands->currentRow();
    QList<Row> &rows = m_rows[currentPoint()];
    if (i < 0 || i + delta < 0 || i + delta >= rows.size())
        return;
    rows.move(i, i + delta);
    showPoint();
    selectCommand(i + delta);
    emit changed();
}

void HookListEditor::updatePointLabels()
{
    for (int i = 0; i < m_points->count(); ++i) {
        QListWidgetItem *item = m_points->item(i);
        const HookPoint p = HookPoint(item->data(Qt::UserRole).toInt());
        int count = 0;
        bool bad = false;
        for (const Row &r : m_rows.value(p)) {
            count += r.argv.isEmpty() ? 0 : 1;
            bad = bad || hasUnclosedQuote(r.text);
        }
        item->setText(count ? QStringLiteral("%1 (%2)").arg(hookPointName(p)).arg(count) : hookPointName(p));
        QFont f = item->font();
        f.setBold(count > 0);
        item->setFont(f);
        item->setForeground(bad ? QColor(0xc6, 0x28, 0x28) : palette().text().color());
    }
}

void HookListEditor::updateState()
{
    const int i = m_commands->currentRow();
    const int count = m_commands->count();
    m_remove->setEnabled(i >= 0);
    m_up->setEnabled(i > 0);
    m_down->setEnabled(i >= 0 && i + 1 < count);
    const Row *r = currentRow();
    for (int row = 0; row < count; ++row) {
        const bool bad = hasUnclosedQuote(m_rows.value(currentPoint()).at(row).text);
        m_commands->item(row)->setForeground(bad ? QColor(0xc6, 0x28, 0x28) : palette().text().color());
        m_commands->item(row)->setIcon(bad ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    }
    QString argvText;
    QString colour;
    if (r && hasUnclosedQuote(r->text)) {
        argvText = tr("A double quote is not closed: close it, or write \"\"\" for a literal quote.");
        colour = QStringLiteral("#c62828");
    } else if (r && !r->argv.isEmpty()) {
        QStringList shown;
        for (const QString &a : r->argv)
            shown << QStringLiteral("\u2039%1\u203a").arg(a);
        argvText = shown.join(QLatin1Char(' '));
        const QString program = r->argv.first();
        const bool found = program.contains(QLatin1Char('/')) ? QFileInfo(program).isExecutable()
                                                              : !QStandardPaths::findExecutable(program).isEmpty();
        if (!found) {
            // Not blocking: the hook may be installed later, but the person should know now.
            argvText += QLatin1Char('\n') + tr("%1 is not an executable program on this machine.").arg(program);
            colour = QStringLiteral("#e65100");
        }
    }
    m_argv->setText(argvText);
    m_argv->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color:%1").arg(colour));
    m_test->setEnabled(r && !r->argv.isEmpty() && !hasUnclosedQuote(r->text) && !m_testRunning);
}

bool HookListEditor::testCurrent()
{
    const Row *r = currentRow();
    if (m_testRunning || !r || r->argv.isEmpty() || hasUnclosedQuote(r->text))
        return false;
    const QStringList argv = r->argv;
    QMap<QString, QString> env = sampleContext(currentPoint()).environment();
    env.insert(QStringLiteral("TOPOGRAPH_HOOK_TEST"), QStringLiteral("1"));
    const int timeoutMs = m_timeoutSeconds * 1000;
    auto result = std::make_shared<HookResult>();
    // A hook may take up to HookTimeoutSeconds: run it off the GUI thread. The thread is not
    // parented so closing the dialog mid-test cannot destroy it while it runs; the connection
    // to this editor goes away with the editor.
    QThread *thread = QThread::create([argv, env, timeoutMs, result] {
        *result = HookRunner::runCommand(argv, env, timeoutMs);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result] {
        m_testRunning = false;
        m_lastResult = *result;
        showResult(*result);
        updateState();
        emit testFinished();
    });
    m_testRunning = true;
    m_lastResult.reset();
    m_result->setText(tr("Running %1 (at most %2)...").arg(argv.first(), durationText(m_timeoutSeconds)));
    m_result->setStyleSheet(QString());
    m_output->clear();
    updateState();
    thread->start();
    return true;
}

void HookListEditor::showResult(const HookResult &result)
{
    QString text;
    if (!result.started)
        text = tr("\u2716 Could not start: %1").arg(result.output);
    else if (result.timedOut)
        text = tr("\u2716 Timed out after %1 ms and was killed").arg(result.durationMs);
    else
        text = (result.exitCode == 0 ? QStringLiteral("\u2713 ") : QStringLiteral("\u2716 "))
               + tr("Exit status %1 after %2 ms").arg(result.exitCode).arg(result.durationMs);
    m_result->setText(text);
    m_result->setStyleSheet(result.ok() ? QStringLiteral("color:#2e7d32;font-weight:bold")
                                        : QStringLiteral("color:#c62828;font-weight:bold"));
    m_output->setPlainText(result.started ? (result.output.isEmpty() ? tr("(no output)") : result.output) : QString());
}

} // namespace Topograph::Gui
