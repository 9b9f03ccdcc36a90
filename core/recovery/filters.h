#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace Topograph {

// RecoverMasterClusterFilters / RecoverIntermediateMasterClusterFilters, orchestrator's syntax:
//   *            every cluster
//   alias=X      the cluster whose alias is exactly X
//   alias~=RE    clusters whose alias matches RE
//   NAME         a cluster named exactly NAME (its master's host:port) or aliased NAME
//   RE           otherwise a regular expression on the cluster name
// Unlike orchestrator, every regular expression must match the WHOLE name or alias: "db1" does
// not cover "db10:3306", and "10.2.9.6:3306" does not cover "10.2.9.67:3306". A DBA who wants a
// prefix writes it: "db1.*".
class ClusterFilter
{
public:
    struct Error
    {
        QString entry;
        int offset = -1; // position of the problem inside entry, -1 if none
        QString message; // "'db[1' at character 3: missing terminating ] for character class"
    };

    // Validates every entry; nothing is accepted if one entry is bad.
    static std::optional<ClusterFilter> parse(const QStringList &entries, Error *error = nullptr);

    bool matches(const QString &clusterName, const QString &alias) const;
    // The entry that matched, for explanations ("covered by 'alias~=prod-.*'"); empty if none.
    QString matchingEntry(const QString &clusterName, const QString &alias) const;
    const QStringList &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    enum class Kind { All, AliasExact, AliasRegex, NameOrAliasExactOrRegex };
    struct Rule
    {
        QString entry;
        Kind kind;
        QString text;
        QRegularExpression re;
    };
    QStringList m_entries;
    QList<Rule> m_rules;
};

// PromotionIgnoreHostnameFilters: regular expressions matched against the whole host name.
class HostnameFilter
{
public:
    static std::optional<HostnameFilter> parse(const QStringList &patterns, ClusterFilter::Error *error = nullptr);
    bool matches(const QString &host) const;
    QString matchingPattern(const QString &host) const;
    const QStringList &patterns() const { return m_patterns; }

private:
    QStringList m_patterns;
    QList<QRegularExpression> m_res;
};

} // namespace Topograph
