#include "resultset.h"

namespace Topograph {

ResultColumns::ResultColumns(QStringList names)
    : m_names(std::move(names))
{
    for (int i = 0; i < m_names.size(); ++i) {
        const QString key = m_names.at(i).toLower();
        if (!m_index.contains(key))
            m_index.insert(key, i);
    }
}

Row::Row(std::shared_ptr<const ResultColumns> columns, QList<std::optional<QString>> values)
    : m_columns(std::move(columns))
    , m_values(std::move(values))
{
}

std::optional<QString> Row::value(const QString &column) const
{
    if (!m_columns)
        return std::nullopt;
    const int i = m_columns->indexOf(column);
    if (i < 0 || i >= m_values.size())
        return std::nullopt;
    return m_values.at(i);
}

QString Row::text(const QString &column) const
{
    return value(column).value_or(QString());
}

bool Row::isNull(const QString &column) const
{
    return !value(column).has_value();
}

bool Row::has(const QString &column) const
{
    return m_columns && m_columns->indexOf(column) >= 0;
}

std::optional<qint64> Row::integer(const QString &column) const
{
    const std::optional<QString> v = value(column);
    if (!v)
        return std::nullopt;
    bool ok = false;
    const qint64 n = v->trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

ResultSet::ResultSet(QStringList columns, QList<Row> rows)
    : m_columns(std::move(columns))
    , m_rows(std::move(rows))
{
}

std::shared_ptr<const ResultColumns> ResultSet::makeColumns(const QStringList &names)
{
    return std::make_shared<const ResultColumns>(names);
}

} // namespace Topograph
