#include "gtidcoverage.h"

#include "analysis/errantgtid.h"

namespace Topograph {

// Ancestors of key (itself included): the servers whose transactions reach it in order.
void ancestry(
    const TopologySnapshot &s, const InstanceKey &key, QSet<QString> *uuids, QSet<quint32> *ids)
{
    InstanceKey cur = key;
    QSet<InstanceKey> seen;
    while (!seen.contains(cur)) {
        seen.insert(cur);
        const InstanceFacts *f = s.instance(cur);
        if (!f)
            return;
        if (!f->serverUuid.isEmpty())
            uuids->insert(f->serverUuid.toLower());
        if (f->serverId)
            ids->insert(f->serverId);
        for (const ReplicationChannel &ch : f->channels)
            if (ch.source != f->sourceKey())
                if (const InstanceFacts *other = s.instance(ch.source)) {
                    uuids->insert(other->serverUuid.toLower());
                    ids->insert(other->serverId);
                }
        const auto src = f->sourceKey();
        if (!src)
            return;
        cur = *src;
    }
}

Coverage coverage(const TopologySnapshot &s, const InstanceFacts &x, const InstanceFacts &y)
{
    Coverage cov;
    QSet<QString> uuids;
    QSet<quint32> ids;
    ancestry(s, y.key, &uuids, &ids);
    if (x.flavor == Flavor::MariaDB) {
        const QString xpos = x.gtidCurrentPos;
        const QString ypos = y.gtidBinlogPos.isEmpty() ? y.gtidCurrentPos : y.gtidBinlogPos;
        const auto errant = errantMariaDbGtids(xpos, { ypos }, ids, &cov.error);
        if (!errant)
            return cov;
        for (const MariaDbErrantGtid &e : *errant)
            cov.errant << e.toString();
        const auto xp = MariaDbGtidPosition::parse(xpos);
        const auto yp = MariaDbGtidPosition::parse(ypos);
        if (xp && yp)
            for (const MariaDbGtid &g : xp->gtids()) {
                const auto m = yp->gtid(g.domain);
                if (m && g.sequence > m->sequence && ids.contains(g.serverId))
                    cov.behind << QStringLiteral("%1 (%2 at %3)")
                                      .arg(g.toString(), y.key.toString(), m->toString());
            }
        return cov;
    }
    const auto errant
        = errantMySqlTransactions(x.gtidExecuted, { y.gtidExecuted }, uuids, &cov.error);
    if (!errant)
        return cov;
    if (!errant->isEmpty())
        cov.errant << errant->toString();
    const auto xs = MySqlGtidSet::parse(x.gtidExecuted);
    const auto ys = MySqlGtidSet::parse(y.gtidExecuted);
    if (xs && ys) {
        const MySqlGtidSet missing = xs->subtracted(*ys).subtracted(*errant);
        if (!missing.isEmpty())
            cov.behind << missing.toString();
    }
    return cov;
}

} // namespace Topograph
