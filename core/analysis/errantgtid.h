#pragma once

#include "model/gtid.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Topograph {

// Errant transactions: what a replica executed that its master does not have. Failing over to such
// a replica (or repointing others under it) replays them where they never belonged.
//
// The master's facts are always older or newer than the replica's by up to one probe, so a
// replica probed after its master legitimately shows transactions the master committed since its
// own probe. Those come from the master's own uuid (MySQL) or server id (MariaDB), or from
// further up the chain. Callers pass the uuids/server ids of the replica's ancestors (its master,
// that master's master, ..., and every multi-source source); transactions originating there are
// never counted as errant: whatever an ancestor wrote reaches the master in order, so a gap there
// is timing, not divergence. The replica's own writes, and writes of servers outside its
// ancestry (e.g. an old master's transactions the new master never received), are counted.

// MySQL: (replica gtid_executed without the ancestors' uuids) minus the union of the sources'
// gtid_executed. nullopt with *error when a set does not parse.
std::optional<MySqlGtidSet> errantMySqlTransactions(const QString &replicaExecuted,
                                                    const QStringList &sourcesExecuted,
                                                    const QSet<QString> &ancestorUuids,
                                                    QString *error = nullptr);

// MariaDB keeps only the last GTID per domain, so the evidence is per domain: compared with the
// master's gtid_binlog_pos, a replica's gtid_current_pos entry not written by an ancestor is errant
// when its domain is absent on the master, its sequence number is beyond the master's, or it has
// the master's sequence number from another server (diverged). A replica entry behind the master
// cannot be judged: the master may well have it in its history.
struct MariaDbErrantGtid
{
    MariaDbGtid replica;
    std::optional<MariaDbGtid> master; // the master's GTID in that domain, if any
    QString toString() const;          // "0-3-101 (master at 0-1-100)"
};

// sourcesBinlogPos: the gtid_binlog_pos of each source (multi-source replicas have several; per
// domain the highest sequence number counts). nullopt with *error when a position does not parse.
std::optional<QList<MariaDbErrantGtid>> errantMariaDbGtids(const QString &replicaCurrentPos,
                                                           const QStringList &sourcesBinlogPos,
                                                           const QSet<quint32> &ancestorServerIds,
                                                           QString *error = nullptr);

} // namespace Topograph
