#pragma once

#include "model/topologysnapshot.h"

#include <QSet>
#include <QStringList>

namespace Topograph {

// The uuids (MySQL) and server ids (MariaDB) of key and of every server upstream of it (its
// source, that source's source, ..., and multi-source sources): their transactions reach key in
// order, so a gap there is lag, not divergence. Walks up the tree only.
void ancestry(
    const TopologySnapshot &s, const InstanceKey &key, QSet<QString> *uuids, QSet<quint32> *ids);

// What x executed that y lacks, split into what y will still receive from its own ancestors
// ("behind") and what it never will ("errant": x's own writes, or another branch's). Built on
// analysis/errantgtid.h; MariaDB keeps only the last GTID per domain, so an x entry behind y's
// cannot be judged there (see errantMariaDbGtids).
struct Coverage
{
    QStringList errant;
    QStringList behind;
    QString error; // a position did not parse
};
Coverage coverage(const TopologySnapshot &s, const InstanceFacts &x, const InstanceFacts &y);

} // namespace Topograph
