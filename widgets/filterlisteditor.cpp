#include "filterlisteditor.h"

#include "failoverpreview.h"
#include "recovery/filters.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Topograph::Gui {

namespace {

QString joinedOrNone(const QStringList &names)
{
    return names.isEmpty() ? FilterListEditor::tr("none") : names.join(QStringLiteral(", "));
}

// The entry with the offending character underlined and a caret under it, in a fixed-width font
// so the caret lines up with the character.
QString caretHtml(const QString &text, int offset)
{
    const int at = qBound(0, offset, int(text.size()));
    const QString mark = at < text.size() ? text.mid(at, 1).toHtmlEscaped() : QStringLiteral("&nbsp;");
    return QStringLiteral("<pre style=\"margin:0\">%1<span style=\"background:#ffcdd2;color:#b71c1c;"
                          "text-decoration:underline\">%2</span>%3\n%4<b style=\"color:#c62828\">^</b></pre>")
        .arg(text.left(at).toHtmlEscaped(), mark, text.mid(at + 1).toHtmlEscaped(), QString(at, QLatin1Char(' ')));
}

} // namespace

FilterListEditor::FilterListEditor(Kind kind, const QString &key, const QString &explanation, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_key(key)
{
    setObjectName(key);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(key);
    outer->addWidget(box);
    auto *layout = new QVBoxLayout(box);

    auto *about = new QLabel(explanation);
    about->setWordWrap(true);
    about->setTextFormat(Qt::PlainText);
    layout->addWidget(about);

    auto *row = new QHBoxLayout;
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("Entries"));
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 4);
    m_list->setIconSize(QSize(16, 16));
    row->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    m_add = new QPushButton(tr("Add"));
    m_remove = new QPushButton(tr("Remove"));
    m_up = new QPushButton(tr("Move up"));
    m_down = new QPushButton(tr("Move down"));
    // Order matters: the first matching entry is the one the explanations quote.
    m_up->setToolTip(tr("Entries are tried in order; the first one that matches is named in explanations."));
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    buttons->addStretch();
    row->addLayout(buttons);
    layout->addLayout(row);

    auto *form = new QFormLayout;
    m_editor = new QLineEdit;
    m_editor->setObjectName(QStringLiteral("EntryEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(kind == Kind::Cluster ? tr("e.g. *, alias=sales, alias~=prod-.*, db1.*:3306")
                                                       : tr("e.g. backup-.*, 10\\.2\\.9\\.6"));
    form->addRow(tr("Entry:"), m_editor);
    layout->addLayout(form);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("Error"));
    m_error->setTextFormat(Qt::RichText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("Preview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_preview);

    connect(m_add, &QPushButton::clicked, this, [this] { addEntry(); });
    connect(m_remove, &QPushButton::clicked, this, &FilterListEditor::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &FilterListEditor::onCurrentRowChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, m_editor, [this] { m_editor->setFocus(); });
    connect(m_editor, &QLineEdit::textEdited, this, &FilterListEditor::onEdited);
    revalidate();
    onCurrentRowChanged();
}

void FilterListEditor::setEntries(const QStringList &entries)
{
    m_list->clear();
    for (const QString &e : entries)
        m_list->addItem(e);
    if (m_list->count())
        m_list->setCurrentRow(0);
    revalidate();
    onCurrentRowChanged();
}

QStringList FilterListEditor::entries() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (const QString t = m_list->item(i)->text().trimmed(); !t.isEmpty())
            out << t;
    return out;
}

void FilterListEditor::setFleet(TopologySnapshotPtr snapshot, const QHash<QString, QString> &aliases)
{
    m_snapshot = std::move(snapshot);
    m_aliases = aliases;
    revalidate();
}

void FilterListEditor::addEntry(const QString &text)
{
    const int at = m_list->currentRow() < 0 ? m_list->count() : m_list->currentRow() + 1;
    m_list->insertItem(at, text);
    m_list->setCurrentRow(at);
    m_editor->setFocus();
    revalidate();
}

void FilterListEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    revalidate();
    onCurrentRowChanged();
}

void FilterListEditor::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    revalidate();
}

std::optional<FilterListEditor::RowProblem> FilterListEditor::problemOf(const QString &text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt; // a blank row is left out, not an error
    ClusterFilter::Error e;
    const bool ok = m_kind == Kind::Cluster ? ClusterFilter::parse({text}, &e).has_value()
                                            : HostnameFilter::parse({text}, &e).has_value();
    if (ok)
        return std::nullopt;
    // The parser reports offsets in the trimmed entry; the person sees what they typed.
    const int lead = int(text.indexOf(trimmed));
    return RowProblem{e.offset < 0 ? -1 : lead + e.offset, e.message};
}

void FilterListEditor::onCurrentRowChanged()
{
    QListWidgetItem *item = m_list->currentItem();
    m_editor->setEnabled(item);
    m_editor->setText(item ? item->text() : QString());
    // Land the cursor on the problem, so the fix starts where the parser stopped.
    if (item)
        if (const auto problem = problemOf(item->text()); problem && problem->offset >= 0)
            m_editor->setCursorPosition(problem->offset);
    updateButtons();
    revalidate();
}

void FilterListEditor::onEdited(const QString &text)
{
    if (QListWidgetItem *item = m_list->currentItem())
        item->setText(text);
    revalidate();
}

void FilterListEditor::revalidate()
{
    m_firstInvalidRow = -1;
    int shownRow = -1;
    std::optional<RowProblem> shown;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const auto problem = problemOf(item->text());
        item->setForeground(problem ? QColor(0xc6, 0x28, 0x28) : palette().text().color());
        item->setIcon(problem ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
        item->setToolTip(problem ? problem->message : QString());
        if (!problem)
            continue;
        if (m_firstInvalidRow < 0)
            m_firstInvalidRow = i;
        // The row being edited explains itself first; otherwise the first bad row.
        if (!shown || i == m_list->currentRow()) {
            shown = problem;
            shownRow = i;
        }
    }
    if (shown) {
        m_errorOffset = shown->offset;
        m_errorMessage = shown->message;
        const QString text = m_list->item(shownRow)->text();
        m_error->setText(QStringLiteral("<div style=\"color:#c62828\">%1</div>")
                             .arg(tr("Row %1 is not valid: %2").arg(shownRow + 1).arg(shown->message).toHtmlEscaped())
                         + (shown->offset >= 0 ? caretHtml(text, shown->offset) : QString()));
        m_error->show();
    } else {
        m_errorOffset = -1;
        m_errorMessage.clear();
        m_error->clear();
        m_error->hide();
    }
    m_preview->setText(previewText());
    updateButtons();
    emit changed();
}

QString FilterListEditor::previewText() const
{
    if (!isValid())
        return tr("The preview waits until the marked entry is fixed.");
    const QStringList list = entries();
    if (m_kind == Kind::Cluster) {
        if (list.isEmpty())
            return tr("Empty: covers no cluster.");
        if (!m_snapshot)
            return tr("No fleet discovered yet: nothing to preview.");
        const ClusterCoverage c = clusterCoverage(*ClusterFilter::parse(list), m_snapshot.get(), m_aliases);
        return tr("Covers clusters: %1").arg(joinedOrNone(c.covered)) + QLatin1Char('\n')
               + tr("Does not cover: %1").arg(joinedOrNone(c.notCovered));
    }
    if (list.isEmpty())
        return tr("Empty: no host is excluded from promotion by name.");
    if (!m_snapshot)
        return tr("No fleet discovered yet: nothing to preview.");
    const QStringList never = neverPromoted(*HostnameFilter::parse(list), m_snapshot.get());
    if (never.isEmpty())
        return tr("Never promotes: no instance of the current fleet matches.");
    return tr("Never promotes: %1").arg(never.join(QStringLiteral(", ")));
}

void FilterListEditor::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

} // namespace Topograph::Gui
