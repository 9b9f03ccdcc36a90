// PDF export through QPdfWriter and QTextDocument. The front matter (scope, chain verification,
// summary, recoveries with steps, blocked attempts) is one document paginated by QTextDocument;
// the entries are laid out a few rows at a time and flowed onto pages, so a 100,000-entry report
// never builds (or lays out) one giant document.

#include "reportwriters.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QGuiApplication>
#include <QIODevice>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>

namespace Topograph::Reporting::Detail {

namespace {

constexpr int rowsPerChunk = 12;

// Lays documents out on the writer's pages, one after another, with a running header and footer.
class PageFlow
{
public:
    PageFlow(QPdfWriter &writer, const ReportContext &context)
        : m_writer(writer)
        , m_context(context)
    {
        m_area = QRectF(QPointF(0, 0), QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()));
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

    void end()
    {
        m_painter.end();
    }

    void prepare(QTextDocument &doc, const QFont &font) const
    {
        doc.documentLayout()->setPaintDevice(&m_writer);
        doc.setDefaultFont(font);
        doc.setDocumentMargin(0);
        doc.setTextWidth(m_body.width());
    }

    double remaining() const { return m_body.bottom() - m_y; }
    bool atTop() const { return m_y <= m_body.top() + 0.5; }

    void newPage()
    {
        m_writer.newPage();
        ++m_pageNo;
        m_y = m_body.top();
        decoratePage();
        if (m_repeat)
            place(*m_repeat);
    }

    // Repeated at the top of each new page (the entries' column headings), or nullptr.
    void setRepeat(QTextDocument *doc) { m_repeat = doc; }

    void space(double h)
    {
        if (remaining() < h)
            newPage();
        else
            m_y += h;
    }

    // Places a document: where it fits, else on a new page, else split across pages.
    void add(QTextDocument &doc)
    {
        const double h = doc.size().height();
        if (h > remaining() && !atTop()) {
            if (h <= m_body.height() - repeatHeight()) {
                newPage();
            } else {
                paginate(doc);
                return;
            }
        }
        if (h > remaining()) {
            paginate(doc);
            return;
        }
        place(doc);
    }

private:
    static constexpr double headerHeight = 26;
    static constexpr double footerHeight = 22;

    double repeatHeight() const { return m_repeat ? m_repeat->size().height() : 0; }

    void place(QTextDocument &doc)
    {
        m_painter.save();
        m_painter.translate(m_body.left(), m_y);
        doc.drawContents(&m_painter);
        m_painter.restore();
        m_y += doc.size().height();
    }

    // Lets QTextDocument break a long document into page-sized slices (it moves lines and table
    // rows that would straddle a page boundary onto the next page).
    void paginate(QTextDocument &doc)
    {
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
        m_y += std::max(0.0, bottom - (pages - 1) * slice);
        if (m_y > m_body.bottom())
            m_y = m_body.bottom();
    }

    void decoratePage()
    {
        QFont small(QStringLiteral("DejaVu Sans"));
        small.setPointSizeF(7);
        m_painter.save();
        m_painter.setFont(small);
        m_painter.setPen(QColor(0x52, 0x60, 0x6d));
        const QRectF header(m_area.left(), m_area.top(), m_area.width(), headerHeight - 8);
        m_painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                           QStringLiteral("%1 — %2").arg(m_context.title, m_context.filterText()));
        m_painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, m_context.periodText());
        m_painter.setPen(QPen(QColor(0x2b, 0x4a, 0x6f), 0.8));
        m_painter.drawLine(QPointF(m_area.left(), headerHeight - 6), QPointF(m_area.right(), headerHeight - 6));
        m_painter.setPen(QColor(0x52, 0x60, 0x6d));
        const QRectF footer(m_area.left(), m_area.bottom() - footerHeight + 6, m_area.width(), footerHeight - 6);
        const AuditVerification &v = m_context.verification;
        m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                           QStringLiteral("Chain %1 · head #%2 %3 · generated %4 UTC by %5")
                               .arg(v.intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"),
                                    QString::number(v.headId), v.headHash.left(16),
                                    m_context.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    m_context.generatedBy));
        m_painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("Page %1").arg(m_pageNo));
        m_painter.restore();
    }

    QPdfWriter &m_writer;
    const ReportContext &m_context;
    QPainter m_painter;
    QRectF m_area, m_body;
    double m_y = 0;
    int m_pageNo = 0;
    QTextDocument *m_repeat = nullptr;
};

QString pdfCss()
{
    return QStringLiteral("<style>h1{font-size:17pt; color:#1c2430} h2{font-size:12pt; color:#2b4a6f; margin-top:14px} "
                          "h3{font-size:10pt; margin-top:12px} code{font-family:'DejaVu Sans Mono'; font-size:7pt} "
                          "th{font-weight:bold}</style>");
}

} // namespace

bool writePdf(const ReportContext &c, const AuditLog &log, QIODevice &out, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = QStringLiteral("a PDF report needs a QGuiApplication (set QT_QPA_PLATFORM=offscreen when "
                                    "there is no display)");
        return false;
    }
    QPdfWriter writer(&out);
    writer.setResolution(96); // layout units are CSS pixels; the output stays vector
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(14, 12, 14, 12),
                                     QPageLayout::Millimeter));
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
    QFont table(QStringLiteral("DejaVu Sans"));
    table.setPointSizeF(7);

    {
        QTextDocument front;
        flow.prepare(front, body);
        front.setHtml(pdfCss() + htmlFrontMatter(c, true) + QStringLiteral("<h2>Audit entries</h2>"));
        flow.add(front);
    }
    QTextDocument heading;
    flow.prepare(heading, table);
    heading.setHtml(htmlEntriesHeader(true) + htmlEntriesFooter());
    flow.add(heading);
    flow.setRepeat(&heading);

    QString rows;
    int inChunk = 0;
    qint64 total = 0;
    QTextDocument chunk;
    auto flush = [&]() {
        if (inChunk == 0)
            return;
        chunk.clear();
        flow.prepare(chunk, table);
        chunk.setHtml(QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                     "style=\"border-color:#9aa5b1; border-style:solid; border-collapse:collapse\">")
                      + rows + htmlEntriesFooter());
        flow.add(chunk);
        rows.clear();
        inChunk = 0;
    };
    const bool ok = log.forEach(c.filter, [&](const AuditEntry &e) {
        rows += htmlEntryRow(c, e, true);
        ++total;
        if (++inChunk == rowsPerChunk)
            flush();
        return true;
    }, error);
    flush();
    flow.setRepeat(nullptr);
    QTextDocument closing;
    flow.prepare(closing, body);
    closing.setHtml(QStringLiteral("<p style=\"color:#52606d\">%1</p>")
                        .arg(total == 0 ? QStringLiteral("No audit entry in this period.")
                                        : QStringLiteral("End of report: %1 entries. Head of the chain: entry #%2, hash %3.")
                                              .arg(QString::number(total), QString::number(c.verification.headId),
                                                   c.verification.headHash)));
    flow.space(6);
    flow.add(closing);
    flow.end();
    return ok;
}

} // namespace Topograph::Reporting::Detail
