// validate()'s file:pos moves. Pure like the rest of validate(): snapshot lookups and a walk up
// two levels, no server round trip; the positions themselves are read when the plan runs.
#include "fileposplan.h"

#include "fileposmove.h"
#include "recovery/replicationrules.h"
#include "recovery/sqldialect.h"

namespace Topograph::OperationsDetail {

using namespace FilePos;

bool replicatesByFilePos(const InstanceFacts &x)
{
    const auto src = x.sourceKey();
    const ReplicationChannel *ch = src ? channelTo(x, *src) : nullptr;
    return ch && !ch->usesGtid();
}

// The rules are replicationrules' (binlog, log_slave_updates, versions, formats); only its last
// one, GTID, is lifted, on copies that claim it (made only for a MySQL pair without GTID).
bool canReplicateByPosition(const InstanceFacts &replica, const InstanceFacts &source, QString *why)
{
    if (replica.hasGtid() && source.hasGtid())
        return canReplicateFrom(replica, source, why);
    InstanceFacts r = replica;
    InstanceFacts s = source;
    r.gtidMode = s.gtidMode = QStringLiteral("ON");
    return canReplicateFrom(r, s, why);
}

namespace {

QString modeName(const InstanceFacts &x)
{
    return x.flavor == Flavor::MariaDB ? QStringLiteral("Using_Gtid=No")
                                       : QStringLiteral("Auto_Position=0");
}

QString enableGtid(const InstanceFacts &x)
{
    return x.flavor == Flavor::MariaDB
        ? QStringLiteral("CHANGE MASTER TO MASTER_USE_GTID=slave_pos")
        : QStringLiteral("gtid_mode=ON, then MASTER_AUTO_POSITION=1");
}

// The channel of `who` from `source` must be applying (we stop it and start it again: a channel a
// DBA stopped stays stopped) and must have an executed position to read; empty = fine.
QString applying(const Ctx &c, const InstanceFacts &who, const InstanceKey &source, bool needIo)
{
    const ReplicationChannel *ch = channelTo(who, source);
    const QString k = who.key.toString();
    if (!ch)
        return QStringLiteral("%1 has no channel from %2").arg(k, source.toString());
    if (ch->sqlThread != ThreadState::Running || (needIo && ch->ioThread != ThreadState::Running))
        return QStringLiteral(
            "%1 is not replicating from %2 (Slave_IO_Running=%3, Slave_SQL_Running=%4%5): "
            "a file:pos move needs it "
            "%6 up to a common point; start its replication first")
            .arg(k, source.toString(), threadStateName(ch->ioThread),
                threadStateName(ch->sqlThread),
                ch->lastSqlError.isEmpty() ? QString() : QStringLiteral(": ") + ch->lastSqlError,
                needIo ? QStringLiteral("receiving and applying") : QStringLiteral("applying"));
    if (!ch->execSourceLog.isValid())
        return QStringLiteral(
            "%1 reports no executed position in the binlog of %2 (Relay_Master_Log_File is "
            "empty): there is no position to move from")
            .arg(k, source.toString());
    if (ch->secondsBehindMaster && *ch->secondsBehindMaster > c.r.maxLagSeconds)
        return QStringLiteral(
            "%1 lags %2 s behind %3, more than ReasonableMaintenanceReplicationLagSeconds "
            "(%4 s): the replicas would stay stopped while it catches up")
            .arg(k)
            .arg(*ch->secondsBehindMaster)
            .arg(source.toString())
            .arg(c.r.maxLagSeconds);
    return {};
}

OperationStep read(OperationStep::Type type, const QString &name, const InstanceFacts &server,
    const InstanceKey &source, const QString &coordinates = {})
{
    const SqlDialect d(server);
    OperationStep st;
    st.type = type;
    st.name = name;
    st.server = server.key;
    st.source = source;
    st.coordinates = coordinates;
    st.statements = { d.replicationStatus() };
    if (type == OperationStep::ReadBinlogEnd)
        st.statements << d.binlogEndQuery();
    return st;
}

// x (under p) below p's source g.
QString toGrandparent(
    Ctx &c, const InstanceFacts &x, const InstanceFacts &p, const InstanceFacts &g)
{
    if (const QString u = usable(c, &p, p.key, QStringLiteral("parent")); !u.isEmpty())
        return u;
    if (const QString w = applying(c, x, p.key, true); !w.isEmpty())
        return w;
    if (const QString w = applying(c, p, g.key, false); !w.isEmpty())
        return w;
    const QString xk = x.key.toString(), pk = p.key.toString(), gk = g.key.toString();
    const SqlDialect dx(x);
    const SqlDialect dp(p);
    const QString xch = channelFrom(x, p.key);
    const QString pch = channelFrom(p, g.key);
    const QString pInG = executedName(p.key, g.key);
    const QString pEnd = binlogEndName(p.key);
    const QString xInP = executedName(x.key, p.key);
    c.p.steps << sql(
        QStringLiteral("stop replication on %1 (its position in the binlog of %2 stops moving)")
            .arg(pk, gk),
        p.key, { dp.stopReplication(pch) }, { dp.startReplication(pch) });
    c.p.steps << read(OperationStep::ReadPosition,
        QStringLiteral("read where %1 stopped in the binlog of %2").arg(pk, gk), p, g.key);
    c.p.steps << read(OperationStep::ReadBinlogEnd,
        QStringLiteral("read where the binlog of %1 ends").arg(pk), p, g.key);
    OperationStep wait;
    wait.type = OperationStep::WaitPosition;
    wait.name = QStringLiteral("wait until %1 executed the binlog of %2 up to its end").arg(xk, pk);
    wait.server = x.key;
    wait.source = p.key;
    wait.coordinates = pEnd;
    wait.statements
        = { QStringLiteral("%1 until Exec_Master_Log_Pos reaches %2:%3")
                  .arg(dx.replicationStatus(), filePlaceholder(pEnd), posPlaceholder(pEnd)) };
    c.p.steps << wait;
    c.p.steps << sql(QStringLiteral("stop replication on %1").arg(xk), x.key,
        { dx.stopReplication(xch) }, { dx.startReplication(xch) });
    c.p.steps << read(OperationStep::ReadPosition,
        QStringLiteral("read where %1 stopped in the binlog of %2 (not before its end)")
            .arg(xk, pk),
        x, p.key, pEnd);
    c.p.steps << sql(QStringLiteral("point %1 at %2 where %3 stopped").arg(xk, gk, pk), x.key,
        { dx.changeSourceAt(g.key, xch, filePlaceholder(pInG), posPlaceholder(pInG)) },
        { dx.changeSourceAt(p.key, xch, filePlaceholder(xInP), posPlaceholder(xInP)) });
    // Its undo is the same statement: before the move it was replicating, and so it is after.
    c.p.steps << sql(QStringLiteral("start replication on %1 again").arg(pk), p.key,
        { dp.startReplication(pch) }, { dp.startReplication(pch) });
    // No undo: once x applied events from g, its position under p is no longer known.
    c.p.steps << sql(QStringLiteral("start replication on %1 from %2").arg(xk, gk), x.key,
        { dx.startReplication(xch) });
    c.p.steps << waitReplicating(x.key, g.key);
    c.p.steps << waitReplicating(p.key, g.key);
    c.p.notes << QStringLiteral(
        "%1 stops replicating until %2 has executed everything it has (at most the wait "
        "timeout)")
                     .arg(pk, xk);
    return {};
}

// x and s, both under m: x below s.
QString toSibling(Ctx &c, const InstanceFacts &x, const InstanceFacts &s, const InstanceKey &m)
{
    const QString xk = x.key.toString(), sk = s.key.toString(), mk = m.toString();
    // Positions do not depend on it (x starts at s's binlog end, after whatever s wrote), but a
    // write of s's own between its stop and that read would never reach x.
    if (!s.readOnly && !s.superReadOnly)
        return QStringLiteral(
            "%1 is writable (read_only=OFF): its own writes would not all reach %2 below it; "
            "set %1 read_only first")
            .arg(sk, xk);
    if (const QString w = applying(c, x, m, false); !w.isEmpty())
        return w;
    if (const QString w = applying(c, s, m, false); !w.isEmpty())
        return w;
    const SqlDialect dx(x);
    const SqlDialect ds(s);
    const QString xch = channelFrom(x, m);
    const QString sch = channelFrom(s, m);
    const QString xInM = executedName(x.key, m);
    const QString sInM = executedName(s.key, m);
    const QString sEnd = binlogEndName(s.key);
    // The undo stops first: a START ... UNTIL left running by a failed catch-up is cleared.
    c.p.steps << sql(QStringLiteral("stop replication on %1").arg(xk), x.key,
        { dx.stopReplication(xch) }, { dx.stopReplication(xch), dx.startReplication(xch) });
    c.p.steps << sql(QStringLiteral("stop replication on %1").arg(sk), s.key,
        { ds.stopReplication(sch) }, { ds.stopReplication(sch), ds.startReplication(sch) });
    c.p.steps << read(OperationStep::ReadPosition,
        QStringLiteral("read where %1 stopped in the binlog of %2").arg(xk, mk), x, m);
    c.p.steps << read(OperationStep::ReadPosition,
        QStringLiteral("read where %1 stopped in the binlog of %2").arg(sk, mk), s, m);
    // One of the two runs (the one that stopped earlier); the other finds nothing to do.
    auto catchUp = [&](const InstanceFacts &who, const SqlDialect &d, const QString &ch,
                       const QString &other, const QString &target) {
        OperationStep st;
        st.type = OperationStep::CatchUp;
        st.name = QStringLiteral("if %1 stopped before %2, let it apply up to where %2 stopped")
                      .arg(who.key.toString(), other);
        st.server = who.key;
        st.source = m;
        st.coordinates = target;
        st.statements
            = { d.startReplicationUntil(ch, filePlaceholder(target), posPlaceholder(target)),
                  d.stopReplication(ch) };
        return st;
    };
    c.p.steps << catchUp(s, ds, sch, xk, xInM);
    c.p.steps << catchUp(x, dx, xch, sk, sInM);
    OperationStep end = read(OperationStep::ReadBinlogEnd,
        QStringLiteral(
            "check %1 and %2 stopped at the same point; read where the binlog of %2 ends")
            .arg(xk, sk),
        s, m, xInM);
    end.readOnlyRequired = true;
    end.statements.insert(1, QStringLiteral("SELECT @@GLOBAL.read_only AS ro"));
    c.p.steps << end;
    c.p.steps << sql(QStringLiteral("point %1 at %2 where the binlog of %2 ends").arg(xk, sk),
        x.key, { dx.changeSourceAt(s.key, xch, filePlaceholder(sEnd), posPlaceholder(sEnd)) },
        { dx.changeSourceAt(m, xch, filePlaceholder(xInM), posPlaceholder(xInM)) });
    c.p.steps << sql(QStringLiteral("start replication on %1 again").arg(sk), s.key,
        { ds.startReplication(sch) }, { ds.startReplication(sch) });
    // No undo: once x applied events from s, its position in m's binlog is no longer known.
    c.p.steps << sql(QStringLiteral("start replication on %1 from %2").arg(xk, sk), x.key,
        { dx.startReplication(xch) });
    c.p.steps << waitReplicating(x.key, s.key);
    c.p.steps << waitReplicating(s.key, m);
    c.p.notes << QStringLiteral(
        "%1 and %2 stop replicating until they are at the same point of the binlog of %3 "
        "(at most the wait timeout)")
                     .arg(xk, sk, mk);
    return {};
}

InstanceKey attached(const InstanceKey &detached)
{
    const QString h = detached.host();
    return InstanceKey(h.startsWith(QLatin1String("//")) ? h.mid(2) : h, detached.port());
}

} // namespace

// x's channel from source stopped (restarted if a later step fails), then where it stopped read.
void stopAndReadPosition(Ctx &c, const InstanceFacts &x, const InstanceKey &source, const SqlDialect &d,
                         const QString &ch)
{
    c.p.steps << sql(QStringLiteral("stop replication on %1").arg(x.key.toString()), x.key,
        { d.stopReplication(ch) }, { d.startReplication(ch) });
    c.p.steps << read(OperationStep::ReadPosition,
        QStringLiteral("read where %1 stopped in the binlog of %2")
            .arg(x.key.toString(), source.toString()),
        x, source);
}

void repointByFilePos(Ctx &c, const InstanceFacts &x, const InstanceKey &source)
{
    const SqlDialect d(x);
    const QString ch = channelFrom(x, source);
    const QString at = executedName(x.key, source);
    stopAndReadPosition(c, x, source, d, ch);
    // Relay logs are dropped: the IO thread fetches again from what was applied.
    c.p.steps << sql(QStringLiteral("repoint %1 at %2").arg(x.key.toString(), source.toString()),
        x.key,
        { d.changeSourceAt(source, ch, filePlaceholder(at), posPlaceholder(at)),
            d.startReplication(ch) },
        { d.startReplication(ch) });
}

void detachByFilePos(Ctx &c, const InstanceFacts &x, const InstanceKey &source)
{
    const SqlDialect d(x);
    const QString ch = channelFrom(x, source);
    const QString at = executedName(x.key, source);
    const InstanceKey nowhere(QStringLiteral("//") + source.host(), source.port());
    stopAndReadPosition(c, x, source, d, ch);
    c.p.steps << sql(QStringLiteral("detach %1 from %2").arg(x.key.toString(), source.toString()),
        x.key, { d.changeSourceAt(nowhere, ch, filePlaceholder(at), posPlaceholder(at)) },
        { d.changeSourceAt(source, ch, filePlaceholder(at), posPlaceholder(at)) });
}

void reattachByFilePos(Ctx &c, const InstanceFacts &x, const InstanceKey &detached)
{
    const SqlDialect d(x);
    const QString ch = channelFrom(x, detached);
    const QString at = executedName(x.key, detached);
    const InstanceKey source = attached(detached);
    c.p.steps << read(OperationStep::ReadPosition,
        QStringLiteral("read where %1 stopped in the binlog of %2")
            .arg(x.key.toString(), source.toString()),
        x, detached);
    c.p.steps << sql(QStringLiteral("reattach %1").arg(x.key.toString()), x.key,
        { d.changeSourceAt(source, ch, filePlaceholder(at), posPlaceholder(at)),
            d.startReplication(ch) });
}

QString moveByFilePos(Ctx &c, const InstanceFacts &x, const InstanceFacts &y)
{
    const auto source = x.sourceKey();
    if (source && *source == y.key)
        return QStringLiteral("%1 already replicates from %2")
            .arg(x.key.toString(), y.key.toString());
    const InstanceFacts *p = source ? c.s.instance(*source) : nullptr;
    const auto grand = p ? p->sourceKey() : std::nullopt;
    const auto ySource = y.sourceKey();
    const bool toGrand = grand && *grand == y.key;
    const bool toSib = source && ySource && *ySource == *source;
    if (!toGrand && !toSib)
        return QStringLiteral(
            "%1 replicates by file:pos (%2): it can move only below its grandparent%3 or a "
            "sibling (another replica of %4); enable GTID (%5) to move it anywhere")
            .arg(x.key.toString(), modeName(x),
                grand ? QStringLiteral(" (%1)").arg(grand->toString()) : QString(),
                source ? source->toString() : QStringLiteral("its source"), enableGtid(x));
    QString why;
    if (!canReplicateByPosition(x, y, &why))
        return why;
    return toGrand ? toGrandparent(c, x, *p, y) : toSibling(c, x, y, *source);
}

} // namespace Topograph::OperationsDetail
