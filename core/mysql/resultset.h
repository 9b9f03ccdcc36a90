#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Topograph {

// Column names of one result, shared by its rows. Lookups are case-insensitive because servers
// differ in the case of status columns (Seconds_Behind_Master vs seconds_behind_master in views).
class ResultColumns
{
public:
    explicit ResultColumns(QStringList names);
    const QStringList &names() const { return m_names; }
    int indexOf(const QString &column) const { return m_index.value(column.toLower(), -1); }

private:
    QStringList m_names;
    QHash<QString, int> m_index; // lower-cased name -> first column with that name
};

// One row, read by column name, never by position: column order differs across server versions.
class Row
{
public:
    Row() = default;
    Row(std::shared_ptr<const ResultColumns> columns, QList<std::optional<QString>> values);

    // nullopt for SQL NULL or an unknown column.
    std::optional<QString> value(const QString &column) const;
    // "" for NULL or an unknown column.
    QString text(const QString &column) const;
    bool isNull(const QString &column) const; // also true for an unknown column
    bool has(const QString &column) const;
    // nullopt for NULL, an unknown column or text that is not a whole number.
    std::optional<qint64> integer(const QString &column) const;

private:
    std::shared_ptr<const ResultColumns> m_columns;
    QList<std::optional<QString>> m_values;
};

class ResultSet
{
public:
    ResultSet() = default;
    ResultSet(QStringList columns, QList<Row> rows);
    static std::shared_ptr<const ResultColumns> makeColumns(const QStringList &names);

    QStringList columns() const { return m_columns; }
    const QList<Row> &rows() const { return m_rows; }
    bool isEmpty() const { return m_rows.isEmpty(); }
    qsizetype size() const { return m_rows.size(); }
    // The first row, or an empty Row (every value NULL) when there is none.
    Row first() const { return m_rows.isEmpty() ? Row() : m_rows.first(); }

private:
    QStringList m_columns;
    QList<Row> m_rows;
};

} // namespace Topograph
