// PDF export through QPdfWriter. The front matter (scope, chain verification, summary, recoveries
// with their steps, blocked attempts) is HTML laid out and paginated by QTextDocument. The
// entries, which can be 100,000 rows, are set row by row with QTextLayout straight onto the page:
// a QTextDocument table costs close to a millisecond per row, which made large exports take
// minutes.

#include "reportwriters.h"

#include "store/store.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QGuiApplication>
#include <QIODevice>
#include <QJsonDocument>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <functional>

namespace Topograph::Reporting::Detail {

namespace {

const QColor ink(0x1c, 0x24, 0x30), muted(0x52, 0x60, 0x6d), faint(0x7b, 0x87, 0x94),
    rule(0x9a, 0xa5, 0xb1);

// Lays content out on the writer's pages, top to bottom, with a running header and footer.
class PageFlow
{
public:
    PageFlow(QPdfWriter &writer, const ReportContext &context)
        : m_writer(writer)
        , m_context(context)
    {
        m_area = QRectF(
            QPointF(0, 0), QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()));
        m_body = m_area.adjusted(0, headerHeight, 0, -footerHeight);
    }

    bool begin()
    {
        if (!m_painter.begin(&m_writer))
            return false;
        m_pageNo = 1;
        m_y = m_body.top();
        decoratePage();
        return true;
    }
    void end() { m_painter.end(); }

    QPainter &painter() { return m_painter; }
    QPaintDevice *device() const { return &m_writer; }
    const QRectF &body() const { return m_body; }
    double y() const { return m_y; }
    void advance(double h) { m_y += h; }
    double remaining() const { return m_body.bottom() - m_y; }
    bool atTop() const { return m_y <= m_body.top() + 0.5; }

    // Called at the foot of a page about to be left, and at the top of every new page (the
    // entries' column lines and headings).
    void setOnPageBreak(std::function<void()> leaving, std::function<void()> entering)
    {
        m_onLeavePage = std::move(leaving);
        m_onNewPage = std::move(entering);
    }

    void newPage()
    {
        if (m_onLeavePage)
            m_onLeavePage();
        m_writer.newPage();
        ++m_pageNo;
        m_y = m_body.top();
        decoratePage();
        if (m_onNewPage)
            m_onNewPage();
    }

    // Makes room for h, on a new page if needed.
    void ensure(double h)
    {
        if (h > remaining() && !atTop())
            newPage();
    }

    void prepare(QTextDocument &doc, const QFont &font) const
    {
        doc.documentLayout()->setPaintDevice(&m_writer);
        doc.setDefaultFont(font);
        doc.setDocumentMargin(0);
        doc.setTextWidth(m_body.width());
    }

    // Places a document where it fits, else from the top of a new page, split by QTextDocument's
    // own pagination (it moves lines and table rows that would straddle a page boundary).
    void add(QTextDocument &doc)
    {
        const double h = doc.size().height();
        if (h <= remaining()) {
            m_painter.save();
            m_painter.translate(m_body.left(), m_y);
            doc.drawContents(&m_painter);
            m_painter.restore();
            m_y += h;
            return;
        }
        if (!atTop())
            newPage();
        doc.setPageSize(QSizeF(m_body.width(), remaining()));
        const int pages = doc.pageCount();
        const double slice = doc.pageSize().height();
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                newPage();
            m_painter.save();
            m_painter.translate(m_body.left(), m_y - i * slice);
            doc.drawContents(&m_painter, QRectF(0, i * slice, m_body.width(), slice));
            m_painter.restore();
        }
        const double bottom = doc.documentLayout()->blockBoundingRect(doc.lastBlock()).bottom();
        m_y = std::min(m_body.bottom(), m_y + std::max(0.0, bottom - (pages - 1) * slice));
    }

private:
    static constexpr double headerHeight = 26;
    static constexpr double footerHeight = 22;

    void decoratePage()
    {
        QFont small(QStringLiteral("DejaVu Sans"));
        small.setPointSizeF(7);
        m_painter.save();
        m_painter.setFont(small);
        m_painter.setPen(muted);
        const QRectF header(m_area.left(), m_area.top(), m_area.width(), headerHeight - 8);
        m_painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("%1 — %2").arg(m_context.title, m_context.filterText()));
        m_painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, m_context.periodText());
        m_painter.setPen(QPen(QColor(0x2b, 0x4a, 0x6f), 0.8));
        m_painter.drawLine(
            QPointF(m_area.left(), headerHeight - 6), QPointF(m_area.right(), headerHeight - 6));
        m_painter.setPen(muted);
        const QRectF footer(
            m_area.left(), m_area.bottom() - footerHeight + 6, m_area.width(), footerHeight - 6);
        const AuditVerification &v = m_context.verification;
        m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("Chain %1 · head #%2 %3 · generated %4 UTC by %5")
                .arg(v.intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"),
                    QString::number(v.headId), v.headHash.left(16),
                    m_context.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    m_context.generatedBy));
        m_painter.drawText(
            footer, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("Page %1").arg(m_pageNo));
        m_painter.restore();
    }

    QPdfWriter &m_writer;
    const ReportContext &m_context;
    QPainter m_painter;
    QRectF m_area, m_body;
    double m_y = 0;
    int m_pageNo = 0;
    std::function<void()> m_onLeavePage, m_onNewPage;
};

// The entries table, set with QTextLayout: one layout per cell, styled runs inside a cell.
class EntryTable
{
public:
    EntryTable(PageFlow &flow, const ReportContext &context)
        : m_flow(flow)
        , m_context(context)
    {
        m_base = QFont(QStringLiteral("DejaVu Sans"));
        m_base.setPointSizeF(7);
        m_bold = m_base;
        m_bold.setBold(true);
        m_small = m_base;
        m_small.setPointSizeF(5.8);
        m_mono = QFont(QStringLiteral("DejaVu Sans Mono"));
        m_mono.setPointSizeF(5.8);
        static const double fractions[] = { 0.07, 0.12, 0.10, 0.13, 0.11, 0.08, 0.39 };
        double x = flow.body().left();
        for (double f : fractions) {
            m_x << x;
            m_w << f * flow.body().width();
            x += f * flow.body().width();
        }
    }

    void drawHeading()
    {
        static const char *const titles[] = { "#", "Time (UTC)", "Actor", "Cluster / instance",
            "Action", "Outcome", "What happened" };
        Row row;
        for (const char *t : titles)
            row.cells << Cell { QString::fromUtf8(t),
                { { 0, int(qstrlen(t)), format(m_bold, ink) } } };
        place(row, QColor(0xe4, 0xe9, 0xef), true);
    }

    void add(const AuditEntry &e)
    {
        const auto problem = m_context.verification.problems.constFind(e.id);
        const bool bad = problem != m_context.verification.problems.constEnd();
        const QString outcome = auditOutcomeName(e.outcome);
        Row row;
        row.cells << cell(
            { { QString::number(e.id), m_base, ink }, { sep + e.hash.left(8), m_mono, faint } });
        const QString at = Store::toDb(e.at);
        row.cells << cell({ { at.left(10), m_base, ink }, { sep + at.mid(11, 12), m_base, ink } });
        row.cells << cell({ { e.actor, m_base, ink } });
        QString where = e.cluster;
        if (!e.instance.isEmpty() && e.instance != e.cluster)
            where += (where.isEmpty() ? QString() : sep) + e.instance;
        row.cells << cell({ { where, m_base, ink } });
        row.cells << cell({ { e.action, m_base, ink } });
        row.cells << cell({ { outcome, m_bold, QColor(outcomeColor(outcome)) } });
        QList<Run> what {
            { lines(e.message.size() > 3000 ? e.message.left(3000)
                          + QStringLiteral(" … (truncated; the JSON export has it whole)")
                                            : e.message),
                m_base, ink }
        };
        if (!e.details.isEmpty()) {
            QString json
                = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
            if (json.size() > 400)
                json = json.left(400) + QStringLiteral(" …");
            what << Run { sep + json, m_small, muted };
        }
        if (e.recoveryId)
            what << Run { QStringLiteral(" [recovery #%1]").arg(e.recoveryId), m_small, muted };
        if (bad)
            what << Run { sep + QStringLiteral("Chain broken here: ") + problem.value(), m_bold,
                QColor(0xb3, 0x26, 0x1e) };
        row.cells << cell(what);
        place(row, bad ? QColor(0xfd, 0xec, 0xea) : QColor());
    }

    // The column rules of the rows on this page, drawn once per page rather than per row.
    void closeSegment()
    {
        QPainter &p = m_flow.painter();
        p.setPen(QPen(rule, 0.6));
        for (double x : std::as_const(m_x))
            p.drawLine(QPointF(x, m_segmentTop), QPointF(x, m_flow.y()));
        const double right = m_x.last() + m_w.last();
        p.drawLine(QPointF(right, m_segmentTop), QPointF(right, m_flow.y()));
    }

private:
    struct Run
    {
        QString text;
        QFont font;
        QColor color;
    };
    struct Cell
    {
        QString text;
        QList<QTextLayout::FormatRange> formats;
    };
    struct Row
    {
        QList<Cell> cells;
    };
    static constexpr double pad = 3;
    const QString sep = QString(QChar::LineSeparator);

    static QTextCharFormat format(const QFont &font, const QColor &color)
    {
        QTextCharFormat f;
        f.setFont(font);
        f.setForeground(color);
        return f;
    }
    QString lines(const QString &text) const
    {
        QString t = text;
        t.replace(QLatin1String("\r\n"), sep);
        t.replace(QLatin1Char('\n'), sep);
        return t;
    }
    Cell cell(const QList<Run> &runs) const
    {
        Cell c;
        for (const Run &r : runs) {
            c.formats << QTextLayout::FormatRange { int(c.text.size()), int(r.text.size()),
                format(r.font, r.color) };
            c.text += r.text;
        }
        return c;
    }

    void place(const Row &row, const QColor &background, bool heading = false)
    {
        QList<std::shared_ptr<QTextLayout>> layouts;
        double height = 0;
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        for (qsizetype i = 0; i < row.cells.size(); ++i) {
            auto layout = std::make_shared<QTextLayout>(row.cells[i].text, m_base, m_flow.device());
            layout->setTextOption(option);
            layout->setFormats(row.cells[i].formats);
            layout->beginLayout();
            double y = 0;
            for (QTextLine line = layout->createLine(); line.isValid();
                 line = layout->createLine()) {
                line.setLineWidth(m_w[i] - 2 * pad);
                line.setPosition(QPointF(0, y));
                y += line.height();
            }
            layout->endLayout();
            height = std::max(height, y + 2 * pad);
            layouts << layout;
        }
        m_flow.ensure(height);
        if (heading)
            m_segmentTop = m_flow.y();
        QPainter &p = m_flow.painter();
        const double top = m_flow.y();
        const double left = m_x.first(), right = m_x.last() + m_w.last();
        if (background.isValid())
            p.fillRect(QRectF(left, top, right - left, height), background);
        p.setPen(QPen(rule, 0.6));
        if (m_flow.y() <= m_segmentTop + 0.5)
            p.drawLine(QPointF(left, top), QPointF(right, top));
        p.drawLine(QPointF(left, top + height), QPointF(right, top + height));
        for (qsizetype i = 0; i < layouts.size(); ++i)
            layouts[i]->draw(&p, QPointF(m_x[i] + pad, top + pad));
        m_flow.advance(height);
    }

    PageFlow &m_flow;
    const ReportContext &m_context;
    QFont m_base, m_bold, m_small, m_mono;
    QList<double> m_x, m_w;
    double m_segmentTop = 0;
};

QString pdfCss()
{
    return QStringLiteral(
        "<style>h1{font-size:17pt; color:#1c2430} h2{font-size:12pt; color:#2b4a6f; "
        "margin-top:14px} "
        "h3{font-size:10pt; margin-top:12px} code{font-family:'DejaVu Sans Mono'; font-size:7pt} "
        "th{font-weight:bold}</style>");
}

} // namespace

bool writePdf(const ReportContext &c, const AuditLog &log, QIODevice &out, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = QStringLiteral(
                "a PDF report needs a QGuiApplication (set QT_QPA_PLATFORM=offscreen when "
                "there is no display)");
        return false;
    }
    QPdfWriter writer(&out);
    writer.setResolution(96); // layout units are CSS pixels; the output stays vector
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter));
    writer.setTitle(c.title);
    writer.setCreator(QStringLiteral("Topograph %1").arg(QStringLiteral(TOPOGRAPH_VERSION)));

    PageFlow flow(writer, c);
    if (!flow.begin()) {
        if (error)
            *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(8.5);
    {
        QTextDocument front;
        flow.prepare(front, body);
        front.setHtml(
            pdfCss() + htmlFrontMatter(c, true) + QStringLiteral("<h2>Audit entries</h2>"));
        flow.add(front);
    }
    EntryTable table(flow, c);
    flow.ensure(80); // no heading alone at the foot of a page
    table.drawHeading();
    flow.setOnPageBreak([&table]() { table.closeSegment(); }, [&table]() { table.drawHeading(); });
    qint64 total = 0;
    const bool ok = log.forEach(
        c.filter,
        [&](const AuditEntry &e) {
            table.add(e);
            ++total;
            return true;
        },
        error);
    table.closeSegment();
    flow.setOnPageBreak(nullptr, nullptr);

    QTextDocument closing;
    flow.prepare(closing, body);
    closing.setHtml(
        QStringLiteral("<p style=\"color:#52606d\">%1</p>")
            .arg(total == 0
                    ? QStringLiteral("No audit entry in this period.")
                    : QStringLiteral(
                        "End of report: %1 entries. Head of the chain: entry #%2, hash %3.")
                          .arg(QString::number(total), QString::number(c.verification.headId),
                              c.verification.headHash)));
    flow.advance(std::min(6.0, flow.remaining()));
    flow.add(closing);
    flow.end();
    return ok;
}

} // namespace Topograph::Reporting::Detail
