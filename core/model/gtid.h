#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Topograph {

// A closed range of MySQL transaction numbers (GNOs), 1 <= first <= last.
struct GtidInterval
{
    qint64 first = 0;
    qint64 last = 0;
    quint64 count() const { return quint64(last - first) + 1; }
    friend bool operator==(const GtidInterval &, const GtidInterval &) = default;
};

// A MySQL GTID set, e.g. gtid_executed: "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7-9,\n...".
// Also holds MySQL 8.3+ tagged GTIDs ("uuid:1-5:billing:1-3"): a tag names its own sequence of
// transaction numbers under the same uuid. UUIDs and tags are case-insensitive and kept lower-case;
// intervals are kept sorted, disjoint and non-adjacent, so equal sets compare and print equal.
class MySqlGtidSet
{
public:
    MySqlGtidSet() = default;

    // Accepts what servers print (whitespace and newlines between elements, any case, unsorted or
    // overlapping intervals, uuids with or without dashes). On failure returns nullopt and sets
    // *error to "'<input>' at character N: <what is wrong>" (N counts from 1).
    static std::optional<MySqlGtidSet> parse(const QString &text, QString *error = nullptr);

    // Canonical text: uuids sorted, untagged intervals first then tags sorted, "," between uuids,
    // no spaces. The empty set prints "".
    QString toString() const;
    bool isEmpty() const { return m_sets.isEmpty(); }
    // Number of transactions in the set (saturates at the largest quint64).
    quint64 transactionCount() const;

    bool contains(const MySqlGtidSet &other) const;
    bool contains(const QString &uuid, qint64 gno, const QString &tag = QString()) const;
    MySqlGtidSet united(const MySqlGtidSet &other) const;
    MySqlGtidSet subtracted(const MySqlGtidSet &other) const;

    // Adds first..last (first >= 1, last >= first; invalid ranges are ignored) for uuid[:tag].
    // uuid must be in canonical dashed lower-case form (as parse() and uuids() give).
    void add(const QString &uuid, qint64 first, qint64 last, const QString &tag = QString());
    // The distinct uuids in the set (tags not shown), sorted.
    QStringList uuids() const;
    // This set without any transaction of uuid (tagged or not). uuid is matched case-insensitively.
    MySqlGtidSet withoutUuid(const QString &uuid) const;
    // The intervals of uuid[:tag], empty if none.
    QList<GtidInterval> intervals(const QString &uuid, const QString &tag = QString()) const;

    // Normalises a uuid as servers print it (any case, dashes optional) to the dashed lower-case
    // form; nullopt when it is not a uuid.
    static std::optional<QString> normalizedUuid(const QString &text);

    friend bool operator==(const MySqlGtidSet &, const MySqlGtidSet &) = default;

private:
    // Key: "uuid" or "uuid:tag". All uuids are 36 characters, so keys sort by uuid first and a
    // uuid's untagged intervals ("uuid") sort before its tags ("uuid:tag").
    QMap<QString, QList<GtidInterval>> m_sets;
};

// One MariaDB GTID: domain-server-sequence.
struct MariaDbGtid
{
    quint32 domain = 0;
    quint32 serverId = 0;
    quint64 sequence = 0;
    QString toString() const;
    friend bool operator==(const MariaDbGtid &, const MariaDbGtid &) = default;
};

// A MariaDB GTID position (gtid_current_pos, gtid_binlog_pos, gtid_slave_pos, Gtid_IO_Pos): the
// last GTID of each replication domain, e.g. "0-1-100,1-2-5". Each domain appears at most once.
class MariaDbGtidPosition
{
public:
    MariaDbGtidPosition() = default;

    // On failure returns nullopt and sets *error to "'<input>' at character N: <what is wrong>".
    static std::optional<MariaDbGtidPosition> parse(const QString &text, QString *error = nullptr);

    QString toString() const; // sorted by domain, "," between GTIDs
    bool isEmpty() const { return m_gtids.isEmpty(); }
    QList<MariaDbGtid> gtids() const { return m_gtids.values(); }
    QList<quint32> domains() const { return m_gtids.keys(); }
    std::optional<MariaDbGtid> gtid(quint32 domain) const;
    void set(const MariaDbGtid &gtid) { m_gtids.insert(gtid.domain, gtid); }

    // True when this position has, in every domain of other, the same GTID or a higher sequence
    // number. Equal sequence numbers from different servers are different transactions: false.
    bool contains(const MariaDbGtidPosition &other) const;

    friend bool operator==(const MariaDbGtidPosition &, const MariaDbGtidPosition &) = default;

private:
    QMap<quint32, MariaDbGtid> m_gtids;
};

// How the first position stands against the second in one domain.
enum class DomainOrder {
    Equal,           // same GTID
    Ahead,           // first has the higher sequence number
    Behind,          // second has the higher sequence number
    MissingInFirst,  // only the second has this domain
    MissingInSecond, // only the first has this domain
    Conflict,        // same sequence number, different server ids: the histories diverged
};
QString domainOrderName(DomainOrder o); // "equal", "ahead", "behind", "missing in first", ...

struct DomainComparison
{
    quint32 domain = 0;
    DomainOrder order = DomainOrder::Equal;
    std::optional<MariaDbGtid> first;
    std::optional<MariaDbGtid> second;
};

// Per-domain comparison over the union of both positions' domains, sorted by domain.
QList<DomainComparison> compare(const MariaDbGtidPosition &first, const MariaDbGtidPosition &second);
inline bool isAheadOrEqual(const MariaDbGtidPosition &first, const MariaDbGtidPosition &second)
{
    return first.contains(second);
}

// Which of two servers received/applied more.
struct AdvancementVerdict
{
    enum Winner { First, Second, Same };
    Winner winner = Same;
    // Each holds transactions the other lacks: choosing either one loses the other's.
    bool diverged = false;
    QString reason; // one sentence for logs and the UI
};

// MariaDB "most advanced", defined for any two positions, including different domain sets:
//  1. A domain one position lacks counts as "nothing received" there.
//  2. If one position is ahead or equal in every domain it wins (Same when they are equal).
//  3. Otherwise the histories diverged (diverged = true). The winner is the one holding more
//     transactions the other lacks, counted as the sum over the domains where it is ahead of the
//     sequence difference (a missing domain counts its whole sequence). On a tie, the one ahead in
//     the lowest-numbered domain in which either is ahead wins; if no domain has a sequence
//     advantage (only conflicts), Same.
// Rule 3 is only a tie-break for ranking: callers must treat diverged candidates as a warning.
AdvancementVerdict mostAdvanced(const MariaDbGtidPosition &first, const MariaDbGtidPosition &second);

// MySQL: a superset wins (Same when equal); otherwise diverged, and the one with more
// transactions the other lacks wins (Same on a tie).
AdvancementVerdict mostAdvanced(const MySqlGtidSet &first, const MySqlGtidSet &second);

} // namespace Topograph
