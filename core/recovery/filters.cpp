#include "filters.h"

namespace Topograph {

namespace {

// Anchored so the expression must cover the whole subject. The user's own text is compiled
// first, so an error offset points into what they typed.
std::optional<QRegularExpression> wholeMatch(const QString &entry, const QString &pattern, int offsetInEntry,
                                             ClusterFilter::Error *error)
{
    const QRegularExpression plain(pattern);
    if (!plain.isValid()) {
        if (error) {
            const int offset = qBound(0, int(plain.patternErrorOffset()), int(pattern.size()));
            error->entry = entry;
            error->offset = offsetInEntry + offset;
            error->message = QStringLiteral("'%1' at character %2: %3")
                                 .arg(entry)
                                 .arg(error->offset + 1)
                                 .arg(plain.errorString());
        }
        return std::nullopt;
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                              QRegularExpression::CaseInsensitiveOption);
}

} // namespace

std::optional<ClusterFilter> ClusterFilter::parse(const QStringList &entries, Error *error)
{
    ClusterFilter f;
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        Rule r{entry, Kind::NameOrAliasExactOrRegex, entry, {}};
        if (entry == QLatin1String("*")) {
            r.kind = Kind::All;
        } else if (entry.startsWith(QLatin1String("alias~="))) {
            r.kind = Kind::AliasRegex;
            r.text = entry.mid(7);
            const auto re = wholeMatch(entry, r.text, 7, error);
            if (!re)
                return std::nullopt;
            r.re = *re;
        } else if (entry.startsWith(QLatin1String("alias="))) {
            r.kind = Kind::AliasExact;
            r.text = entry.mid(6);
        } else {
            const auto re = wholeMatch(entry, entry, 0, error);
            if (!re)
                return std::nullopt;
            r.re = *re;
        }
        if (r.kind != Kind::All && r.text.isEmpty()) {
            if (error)
                *error = {entry, int(entry.size()), QStringLiteral("'%1': nothing after '='").arg(entry)};
            return std::nullopt;
        }
        f.m_entries.append(entry);
        f.m_rules.append(r);
    }
    return f;
}

bool ClusterFilter::matches(const QString &clusterName, const QString &alias) const
{
    return !matchingEntry(clusterName, alias).isEmpty();
}

QString ClusterFilter::matchingEntry(const QString &clusterName, const QString &alias) const
{
    for (const Rule &r : m_rules) {
        bool hit = false;
        switch (r.kind) {
        case Kind::All: hit = true; break;
        case Kind::AliasExact: hit = !alias.isEmpty() && alias == r.text; break;
        case Kind::AliasRegex: hit = !alias.isEmpty() && r.re.match(alias).hasMatch(); break;
        case Kind::NameOrAliasExactOrRegex:
            hit = clusterName == r.text || (!alias.isEmpty() && alias == r.text)
                  || r.re.match(clusterName).hasMatch();
            break;
        }
        if (hit)
            return r.entry;
    }
    return {};
}

std::optional<HostnameFilter> HostnameFilter::parse(const QStringList &patterns, ClusterFilter::Error *error)
{
    HostnameFilter f;
    for (const QString &raw : patterns) {
        const QString p = raw.trimmed();
        if (p.isEmpty())
            continue;
        const auto re = wholeMatch(p, p, 0, error);
        if (!re)
            return std::nullopt;
        f.m_patterns.append(p);
        f.m_res.append(*re);
    }
    return f;
}

bool HostnameFilter::matches(const QString &host) const
{
    return !matchingPattern(host).isEmpty();
}

QString HostnameFilter::matchingPattern(const QString &host) const
{
    for (int i = 0; i < m_res.size(); ++i)
        if (m_res.at(i).match(host).hasMatch())
            return m_patterns.at(i);
    return {};
}

} // namespace Topograph
