#include "gtid.h"
#include "gtidtextcursor.h"

#include <algorithm>
#include <limits>

namespace Topograph {

namespace {

constexpr quint64 maxGno = quint64(std::numeric_limits<qint64>::max());
constexpr quint64 maxU32 = std::numeric_limits<quint32>::max();
constexpr quint64 maxU64 = std::numeric_limits<quint64>::max();
constexpr int maxTagLength = 32; // MySQL 8.3: up to 32 characters

quint64 saturatingAdd(quint64 a, quint64 b)
{
    return a > maxU64 - b ? maxU64 : a + b;
}

void normalize(QList<GtidInterval> &list)
{
    std::sort(list.begin(), list.end(), [](const GtidInterval &a, const GtidInterval &b) {
        return a.first < b.first;
    });
    QList<GtidInterval> out;
    out.reserve(list.size());
    for (const GtidInterval &iv : std::as_const(list)) {
        // first >= 1, so first - 1 cannot overflow; adjacent ranges (1-5, 6-9) merge too.
        if (!out.isEmpty() && iv.first - 1 <= out.last().last)
            out.last().last = std::max(out.last().last, iv.last);
        else
            out.append(iv);
    }
    list = std::move(out);
}

// a minus b; both normalised.
QList<GtidInterval> subtractIntervals(const QList<GtidInterval> &a, const QList<GtidInterval> &b)
{
    QList<GtidInterval> out;
    qsizetype j = 0;
    for (GtidInterval cur : a) {
        while (j < b.size() && b.at(j).last < cur.first)
            ++j;
        qsizetype k = j;
        bool consumed = false;
        while (k < b.size() && b.at(k).first <= cur.last) {
            const GtidInterval &cut = b.at(k);
            if (cut.first > cur.first)
                out.append({cur.first, cut.first - 1});
            if (cut.last >= cur.last) {
                consumed = true;
                break;
            }
            cur.first = cut.last + 1;
            ++k;
        }
        if (!consumed)
            out.append(cur);
    }
    return out;
}

// Every interval of b lies inside one interval of a (both normalised, so no straddling).
bool containsIntervals(const QList<GtidInterval> &a, const QList<GtidInterval> &b)
{
    qsizetype i = 0;
    for (const GtidInterval &iv : b) {
        while (i < a.size() && a.at(i).last < iv.first)
            ++i;
        if (i == a.size() || a.at(i).first > iv.first || a.at(i).last < iv.last)
            return false;
    }
    return true;
}

bool isTagStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
           || c == QLatin1Char('_');
}

bool isTagChar(QChar c)
{
    return isTagStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

QString keyFor(const QString &uuid, const QString &tag)
{
    return tag.isEmpty() ? uuid : uuid + QLatin1Char(':') + tag;
}

} // namespace

// ---- MySqlGtidSet ----

std::optional<QString> MySqlGtidSet::normalizedUuid(const QString &text)
{
    QString hex;
    hex.reserve(32);
    const QString t = text.trimmed();
    if (t.size() == 36) {
        for (qsizetype i = 0; i < 36; ++i) {
            const bool dashPlace = i == 8 || i == 13 || i == 18 || i == 23;
            if (dashPlace != (t.at(i) == QLatin1Char('-')))
                return std::nullopt;
            if (!dashPlace)
                hex.append(t.at(i));
        }
    } else if (t.size() == 32) {
        hex = t;
    } else {
        return std::nullopt;
    }
    for (QChar c : std::as_const(hex)) {
        const char16_t u = c.unicode();
        const bool isHex = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F');
        if (!isHex)
            return std::nullopt;
    }
    hex = hex.toLower();
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4)
           + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20);
}

std::optional<MySqlGtidSet> MySqlGtidSet::parse(const QString &text, QString *error)
{
    GtidTextCursor c(text, error);
    MySqlGtidSet set;
    c.skipSpace();
    if (c.atEnd())
        return set;
    while (true) {
        c.skipSpace();
        const qsizetype uuidStart = c.index();
        if (c.peek() == QLatin1Char(',')) {
            c.failAt(uuidStart, QStringLiteral("empty entry: expected a server uuid before ','"));
            return std::nullopt;
        }
        const QString token = c.tokenUntil(u":,");
        if (token.isEmpty()) {
            c.failAt(uuidStart, QStringLiteral("expected a server uuid"));
            return std::nullopt;
        }
        const auto uuid = normalizedUuid(token);
        if (!uuid) {
            c.failAt(uuidStart, QStringLiteral("'%1' is not a server uuid (expected 32 hexadecimal digits "
                                               "as 8-4-4-4-12)").arg(token));
            return std::nullopt;
        }
        c.skipSpace();
        if (c.peek() != QLatin1Char(':')) {
            c.failAt(c.index(), QStringLiteral("expected ':' and transaction numbers after uuid %1").arg(*uuid));
            return std::nullopt;
        }
        QString tag;
        qsizetype tagAt = -1; // where the current tag started, while it still lacks intervals
        while (c.take(QLatin1Char(':'))) {
            c.skipSpace();
            const qsizetype at = c.index();
            if (c.peek().isDigit()) {
                const auto first = c.number(maxGno, QStringLiteral("transaction number"));
                if (!first)
                    return std::nullopt;
                quint64 last = *first;
                if (c.take(QLatin1Char('-'))) {
                    const auto end = c.number(maxGno, QStringLiteral("interval end"));
                    if (!end)
                        return std::nullopt;
                    last = *end;
                }
                if (*first == 0) {
                    c.failAt(at, QStringLiteral("transaction numbers start at 1"));
                    return std::nullopt;
                }
                if (last < *first) {
                    c.failAt(at, QStringLiteral("interval %1-%2 ends before it starts").arg(*first).arg(last));
                    return std::nullopt;
                }
                set.m_sets[keyFor(*uuid, tag)].append({qint64(*first), qint64(last)});
                tagAt = -1;
            } else if (isTagStart(c.peek())) {
                if (tagAt >= 0) {
                    c.failAt(tagAt, QStringLiteral("tag '%1' has no transaction numbers").arg(tag));
                    return std::nullopt;
                }
                QString name;
                while (!c.atEnd() && isTagChar(c.peek())) {
                    name.append(c.peek());
                    c.advance();
                }
                if (name.size() > maxTagLength) {
                    c.failAt(at, QStringLiteral("tag '%1' is longer than %2 characters").arg(name).arg(maxTagLength));
                    return std::nullopt;
                }
                if (!c.atEnd() && !c.peek().isSpace() && c.peek() != QLatin1Char(':')
                    && c.peek() != QLatin1Char(',')) {
                    c.failAt(c.index(), QStringLiteral("a tag may hold only letters, digits and '_'"));
                    return std::nullopt;
                }
                tag = name.toLower();
                tagAt = at;
            } else {
                c.failAt(at, QStringLiteral("expected a transaction number (or a tag) after ':'"));
                return std::nullopt;
            }
            c.skipSpace();
        }
        if (tagAt >= 0) {
            c.failAt(tagAt, QStringLiteral("tag '%1' has no transaction numbers").arg(tag));
            return std::nullopt;
        }
        c.skipSpace();
        if (c.atEnd())
            break;
        if (!c.take(QLatin1Char(','))) {
            c.failAt(c.index(), QStringLiteral("expected ',' or the end of the set"));
            return std::nullopt;
        }
        c.skipSpace();
        if (c.atEnd()) {
            c.failAt(c.index(), QStringLiteral("expected a server uuid after ','"));
            return std::nullopt;
        }
    }
    for (auto &list : set.m_sets)
        normalize(list);
    return set;
}

QString MySqlGtidSet::toString() const
{
    QString out;
    QString currentUuid;
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it) {
        const QString uuid = it.key().left(36);
        const QString tag = it.key().mid(37);
        if (uuid != currentUuid) {
            if (!out.isEmpty())
                out += QLatin1Char(',');
            out += uuid;
            currentUuid = uuid;
        }
        if (!tag.isEmpty())
            out += QLatin1Char(':') + tag;
        for (const GtidInterval &iv : it.value()) {
            out += QLatin1Char(':') + QString::number(iv.first);
            if (iv.last != iv.first)
                out += QLatin1Char('-') + QString::number(iv.last);
        }
    }
    return out;
}

quint64 MySqlGtidSet::transactionCount() const
{
    quint64 n = 0;
    for (const auto &list : m_sets)
        for (const GtidInterval &iv : list)
            n = saturatingAdd(n, iv.count());
    return n;
}

bool MySqlGtidSet::contains(const MySqlGtidSet &other) const
{
    for (auto it = other.m_sets.cbegin(); it != other.m_sets.cend(); ++it) {
        const auto mine = m_sets.constFind(it.key());
        if (mine == m_sets.cend() || !containsIntervals(mine.value(), it.value()))
            return false;
    }
    return true;
}

bool MySqlGtidSet::contains(const QString &uuid, qint64 gno, const QString &tag) const
{
    const auto norm = normalizedUuid(uuid);
    if (!norm || gno < 1)
        return false;
    return containsIntervals(intervals(*norm, tag), {GtidInterval{gno, gno}});
}

MySqlGtidSet MySqlGtidSet::united(const MySqlGtidSet &other) const
{
    MySqlGtidSet out = *this;
    for (auto it = other.m_sets.cbegin(); it != other.m_sets.cend(); ++it) {
        QList<GtidInterval> &list = out.m_sets[it.key()];
        list.append(it.value());
        normalize(list);
    }
    return out;
}

MySqlGtidSet MySqlGtidSet::subtracted(const MySqlGtidSet &other) const
{
    MySqlGtidSet out;
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it) {
        const auto cut = other.m_sets.constFind(it.key());
        QList<GtidInterval> rest = cut == other.m_sets.cend() ? it.value()
                                                             : subtractIntervals(it.value(), cut.value());
        if (!rest.isEmpty())
            out.m_sets.insert(it.key(), std::move(rest));
    }
    return out;
}

void MySqlGtidSet::add(const QString &uuid, qint64 first, qint64 last, const QString &tag)
{
    if (first < 1 || last < first || uuid.isEmpty())
        return;
    QList<GtidInterval> &list = m_sets[keyFor(uuid.toLower(), tag.toLower())];
    list.append({first, last});
    normalize(list);
}

QStringList MySqlGtidSet::uuids() const
{
    QStringList out;
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it) {
        const QString uuid = it.key().left(36);
        if (out.isEmpty() || out.last() != uuid)
            out.append(uuid);
    }
    return out;
}

MySqlGtidSet MySqlGtidSet::withoutUuid(const QString &uuid) const
{
    const auto norm = normalizedUuid(uuid);
    if (!norm)
        return *this;
    MySqlGtidSet out;
    for (auto it = m_sets.cbegin(); it != m_sets.cend(); ++it)
        if (!it.key().startsWith(*norm))
            out.m_sets.insert(it.key(), it.value());
    return out;
}

QList<GtidInterval> MySqlGtidSet::intervals(const QString &uuid, const QString &tag) const
{
    return m_sets.value(keyFor(uuid.toLower(), tag.toLower()));
}

// ---- MariaDB ----

QString MariaDbGtid::toString() const
{
    return QStringLiteral("%1-%2-%3").arg(domain).arg(serverId).arg(sequence);
}

std::optional<MariaDbGtidPosition> MariaDbGtidPosition::parse(const QString &text, QString *error)
{
    GtidTextCursor c(text, error);
    MariaDbGtidPosition pos;
    c.skipSpace();
    if (c.atEnd())
        return pos;
    while (true) {
        c.skipSpace();
        const qsizetype start = c.index();
        if (c.peek() == QLatin1Char(',')) {
            c.failAt(start, QStringLiteral("empty entry: expected domain-server-sequence before ','"));
            return std::nullopt;
        }
        const auto domain = c.number(maxU32, QStringLiteral("domain id"));
        if (!domain)
            return std::nullopt;
        if (!c.take(QLatin1Char('-'))) {
            c.failAt(c.index(), QStringLiteral("expected '-' and a server id after the domain id"));
            return std::nullopt;
        }
        const auto server = c.number(maxU32, QStringLiteral("server id"));
        if (!server)
            return std::nullopt;
        if (!c.take(QLatin1Char('-'))) {
            c.failAt(c.index(), QStringLiteral("expected '-' and a sequence number after the server id"));
            return std::nullopt;
        }
        const auto seq = c.number(maxU64, QStringLiteral("sequence number"));
        if (!seq)
            return std::nullopt;
        if (pos.m_gtids.contains(quint32(*domain))) {
            c.failAt(start, QStringLiteral("domain %1 appears twice (a position holds one GTID per domain)")
                                .arg(*domain));
            return std::nullopt;
        }
        pos.m_gtids.insert(quint32(*domain), MariaDbGtid{quint32(*domain), quint32(*server), *seq});
        c.skipSpace();
        if (c.atEnd())
            break;
        if (!c.take(QLatin1Char(','))) {
            c.failAt(c.index(), QStringLiteral("expected ',' between GTIDs"));
            return std::nullopt;
        }
        c.skipSpace();
        if (c.atEnd()) {
            c.failAt(c.index(), QStringLiteral("expected a GTID after ','"));
            return std::nullopt;
        }
    }
    return pos;
}

QString MariaDbGtidPosition::toString() const
{
    QStringList parts;
    for (const MariaDbGtid &g : m_gtids)
        parts << g.toString();
    return parts.join(QLatin1Char(','));
}

std::optional<MariaDbGtid> MariaDbGtidPosition::gtid(quint32 domain) const
{
    const auto it = m_gtids.constFind(domain);
    if (it == m_gtids.cend())
        return std::nullopt;
    return it.value();
}

bool MariaDbGtidPosition::contains(const MariaDbGtidPosition &other) const
{
    for (const MariaDbGtid &theirs : other.m_gtids) {
        const auto mine = m_gtids.constFind(theirs.domain);
        if (mine == m_gtids.cend() || mine->sequence < theirs.sequence)
            return false;
        if (mine->sequence == theirs.sequence && mine->serverId != theirs.serverId)
            return false;
    }
    return true;
}

QString domainOrderName(DomainOrder o)
{
    switch (o) {
    case DomainOrder::Equal: return QStringLiteral("equal");
    case DomainOrder::Ahead: return QStringLiteral("ahead");
    case DomainOrder::Behind: return QStringLiteral("behind");
    case DomainOrder::MissingInFirst: return QStringLiteral("missing in first");
    case DomainOrder::MissingInSecond: return QStringLiteral("missing in second");
    case DomainOrder::Conflict: return QStringLiteral("conflict");
    }
    return QString();
}

QList<DomainComparison> compare(const MariaDbGtidPosition &first, const MariaDbGtidPosition &second)
{
    QList<quint32> domains = first.domains() + second.domains();
    std::sort(domains.begin(), domains.end());
    domains.erase(std::unique(domains.begin(), domains.end()), domains.end());
    QList<DomainComparison> out;
    out.reserve(domains.size());
    for (quint32 d : std::as_const(domains)) {
        DomainComparison c;
        c.domain = d;
        c.first = first.gtid(d);
        c.second = second.gtid(d);
        if (!c.first)
            c.order = DomainOrder::MissingInFirst;
        else if (!c.second)
            c.order = DomainOrder::MissingInSecond;
        else if (c.first->sequence > c.second->sequence)
            c.order = DomainOrder::Ahead;
        else if (c.first->sequence < c.second->sequence)
            c.order = DomainOrder::Behind;
        else if (c.first->serverId != c.second->serverId)
            c.order = DomainOrder::Conflict;
        else
            c.order = DomainOrder::Equal;
        out.append(c);
    }
    return out;
}

AdvancementVerdict mostAdvanced(const MariaDbGtidPosition &first, const MariaDbGtidPosition &second)
{
    bool firstAhead = false, secondAhead = false, conflict = false;
    quint64 firstExtra = 0, secondExtra = 0;
    std::optional<AdvancementVerdict::Winner> lowestAhead;
    QStringList differences;
    auto text = [](const std::optional<MariaDbGtid> &g) { return g ? g->toString() : QStringLiteral("none"); };
    for (const DomainComparison &c : compare(first, second)) {
        if (c.order == DomainOrder::Equal)
            continue;
        differences << QStringLiteral("domain %1: %2 vs %3").arg(c.domain).arg(text(c.first), text(c.second));
        switch (c.order) {
        case DomainOrder::Ahead:
        case DomainOrder::MissingInSecond:
            firstAhead = true;
            firstExtra = saturatingAdd(firstExtra, c.first->sequence - (c.second ? c.second->sequence : 0));
            if (!lowestAhead)
                lowestAhead = AdvancementVerdict::First;
            break;
        case DomainOrder::Behind:
        case DomainOrder::MissingInFirst:
            secondAhead = true;
            secondExtra = saturatingAdd(secondExtra, c.second->sequence - (c.first ? c.first->sequence : 0));
            if (!lowestAhead)
                lowestAhead = AdvancementVerdict::Second;
            break;
        case DomainOrder::Conflict:
            conflict = true;
            break;
        case DomainOrder::Equal:
            break;
        }
    }
    AdvancementVerdict v;
    const QString detail = differences.join(QStringLiteral("; "));
    if (!firstAhead && !secondAhead && !conflict) {
        v.reason = QStringLiteral("the positions are equal");
        return v;
    }
    if (!conflict && !secondAhead) {
        v.winner = AdvancementVerdict::First;
        v.reason = QStringLiteral("the first is ahead or equal in every domain (%1)").arg(detail);
        return v;
    }
    if (!conflict && !firstAhead) {
        v.winner = AdvancementVerdict::Second;
        v.reason = QStringLiteral("the second is ahead or equal in every domain (%1)").arg(detail);
        return v;
    }
    v.diverged = true;
    if (firstExtra != secondExtra)
        v.winner = firstExtra > secondExtra ? AdvancementVerdict::First : AdvancementVerdict::Second;
    else if (lowestAhead)
        v.winner = *lowestAhead;
    v.reason = QStringLiteral("the positions diverged (%1): the first holds %2 transactions the second "
                              "lacks, the second %3")
                   .arg(detail)
                   .arg(firstExtra)
                   .arg(secondExtra);
    return v;
}

AdvancementVerdict mostAdvanced(const MySqlGtidSet &first, const MySqlGtidSet &second)
{
    const MySqlGtidSet onlyFirst = first.subtracted(second);
    const MySqlGtidSet onlySecond = second.subtracted(first);
    AdvancementVerdict v;
    if (onlyFirst.isEmpty() && onlySecond.isEmpty()) {
        v.reason = QStringLiteral("the GTID sets are equal");
        return v;
    }
    if (onlySecond.isEmpty()) {
        v.winner = AdvancementVerdict::First;
        v.reason = QStringLiteral("the first also executed %1").arg(onlyFirst.toString());
        return v;
    }
    if (onlyFirst.isEmpty()) {
        v.winner = AdvancementVerdict::Second;
        v.reason = QStringLiteral("the second also executed %1").arg(onlySecond.toString());
        return v;
    }
    v.diverged = true;
    const quint64 a = onlyFirst.transactionCount(), b = onlySecond.transactionCount();
    if (a != b)
        v.winner = a > b ? AdvancementVerdict::First : AdvancementVerdict::Second;
    v.reason = QStringLiteral("the GTID sets diverged: only the first executed %1, only the second %2")
                   .arg(onlyFirst.toString(), onlySecond.toString());
    return v;
}

} // namespace Topograph
