#include "probe.h"

#include "probeparsers.h"

#include "mysql/connection.h"
#include "mysql/resultset.h"

#include <QElapsedTimer>

namespace Topograph {

namespace {

// ER_UNKNOWN_SYSTEM_VARIABLE: a planned variable went away (plugin unloaded, server replaced).
constexpr int unknownSystemVariable = 1193;

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &n : names)
        quoted << Connection::quoteString(n);
    return quoted.join(QLatin1Char(','));
}

bool isMySql8Naming(Flavor flavor, int versionNumber)
{
    // SHOW REPLICA STATUS / SHOW REPLICAS exist from 8.0.22; versionNumber has no patch level,
    // so 8.0 uses the old names, which 8.0 still accepts.
    return flavor != Flavor::MariaDB && versionNumber >= 801;
}

} // namespace

void Probe::reset()
{
    m_planVariables.clear();
    m_probesSinceProcesslist = processlistEvery;
    m_flavor = Flavor::Unknown;
    m_versionNumber = 0;
}

std::optional<ResultSet> Probe::query(Connection &connection, const QString &sql, MySqlError *error)
{
    ++m_statements;
    auto result = connection.query(sql);
    if (!result && error)
        *error = connection.lastError();
    return result;
}

void Probe::buildPlan(const QStringList &present, Flavor flavor, int versionNumber)
{
    m_planVariables.clear();
    for (const QString &name : ProbeParsers::candidateVariables())
        if (present.contains(name))
            m_planVariables.append(name);
    m_flavor = flavor;
    m_versionNumber = versionNumber;
}

QString Probe::planSelect() const
{
    QStringList items;
    for (const QString &name : m_planVariables)
        items << QStringLiteral("@@global.%1 AS %1").arg(name);
    return QStringLiteral("SELECT ") + items.join(QStringLiteral(", "));
}

InstanceFacts Probe::run(Connection &connection, const InstanceFacts &previous)
{
    QElapsedTimer timer;
    timer.start();
    m_statements = 0;
    InstanceFacts f = previous;

    auto finish = [&](InstanceFacts &facts) {
        facts.lastChecked = QDateTime::currentDateTimeUtc();
        facts.probeMicros = timer.nsecsElapsed() / 1000;
        return facts;
    };
    auto failed = [&](const MySqlError &e) {
        // A server that answered with an error (access denied, too many connections) is alive;
        // its facts are simply not fresh. A timeout leaves the protocol state unknown: close, so
        // the next probe starts clean.
        f.reachable = probeErrorMeansAlive(e.kind);
        f.lastError = e.kind == ProbeError::None ? ProbeError::ServerError : e.kind;
        f.lastErrorText = e.message;
        if (e.kind == ProbeError::Timeout || e.kind == ProbeError::Unreachable
            || e.kind == ProbeError::NotMySql || e.kind == ProbeError::Tls)
            connection.close();
        return finish(f);
    };

    bool freshConnection = false;
    if (!connection.isOpen()) {
        if (!connection.open())
            return failed(connection.lastError());
        freshConnection = true;
    }

    // 1. Variables.
    MySqlError error;
    ProbeParsers::Variables variables;
    auto readVariables = [&]() -> bool {
        if (!m_planVariables.isEmpty()) {
            const auto r = query(connection, planSelect(), &error);
            if (r) {
                variables = ProbeParsers::singleRow(*r);
                return true;
            }
            if (error.kind != ProbeError::ServerError || error.code != unknownSystemVariable)
                return false;
            reset(); // a planned variable is gone: plan again below
        }
        const auto r = query(connection,
                             QStringLiteral("SHOW GLOBAL VARIABLES WHERE Variable_name IN (%1)")
                                 .arg(quotedList(ProbeParsers::candidateVariables())),
                             &error);
        if (!r)
            return false;
        variables = ProbeParsers::nameValueRows(*r);
        return true;
    };
    bool ok = readVariables();
    if (!ok && error.kind == ProbeError::Unreachable && !freshConnection) {
        // Lost since the last probe (the server restarted, or someone killed our thread): one
        // reconnect tells a restarted server from a dead one at once.
        connection.close();
        if (!connection.open())
            return failed(connection.lastError());
        freshConnection = true;
        ok = readVariables();
    }
    if (!ok)
        return failed(error);

    ProbeParsers::applyVariables(variables, f);
    if (m_planVariables.isEmpty() || m_flavor != f.flavor || m_versionNumber != f.versionNumber())
        buildPlan(variables.keys(), f.flavor, f.versionNumber());

    // Later statements: a server error (e.g. a missing grant) costs only that part of the facts,
    // which keep their last known values; a connection error fails the probe.
    QStringList partialErrors;
    bool connectionFailed = false;
    auto step = [&](const QString &sql) -> std::optional<ResultSet> {
        if (connectionFailed)
            return std::nullopt;
        MySqlError e;
        auto r = query(connection, sql, &e);
        if (!r) {
            if (e.kind == ProbeError::ServerError)
                partialErrors << QStringLiteral("%1: %2").arg(sql.section(QLatin1Char(' '), 0, 3), e.message);
            else {
                connectionFailed = true;
                error = e;
            }
        }
        return r;
    };

    // 2. Status counters.
    std::optional<qint64> dumpThreads;
    if (const auto r = step(QStringLiteral("SHOW GLOBAL STATUS WHERE Variable_name IN (%1)")
                                .arg(quotedList(ProbeParsers::candidateStatus())))) {
        const ProbeParsers::Variables status = ProbeParsers::nameValueRows(*r);
        ProbeParsers::applyStatus(status, f);
        // MariaDB counts its binlog dump threads; MySQL does not.
        bool ok = false;
        const qint64 n = status.value(QStringLiteral("slaves_connected")).toLongLong(&ok);
        if (ok)
            dumpThreads = n;
    }

    // 3. Binary log coordinates.
    const bool newNames = isMySql8Naming(f.flavor, f.versionNumber());
    if (f.logBin) {
        const bool binaryLogStatus = f.flavor != Flavor::MariaDB && f.versionNumber() >= 802;
        if (const auto r = step(binaryLogStatus ? QStringLiteral("SHOW BINARY LOG STATUS")
                                                : QStringLiteral("SHOW MASTER STATUS")))
            f.binlog = ProbeParsers::masterStatus(*r);
    } else {
        f.binlog = {};
    }

    // 4. Replication: every connection/channel.
    const QString statusSql = f.flavor == Flavor::MariaDB ? QStringLiteral("SHOW ALL SLAVES STATUS")
                              : newNames                  ? QStringLiteral("SHOW REPLICA STATUS")
                                                          : QStringLiteral("SHOW SLAVE STATUS");
    if (const auto r = step(statusSql))
        f.channels = ProbeParsers::replicaStatus(*r);

    // 5. Its replicas. Without a binary log a server cannot feed any.
    if (f.logBin) {
        int unnamed = 0;
        QList<InstanceKey> named;
        bool hostsRead = false;
        if (const auto r = step(newNames ? QStringLiteral("SHOW REPLICAS") : QStringLiteral("SHOW SLAVE HOSTS"))) {
            named = ProbeParsers::replicaHosts(*r, &unnamed);
            hostsRead = true;
        }
        // Look for replicas without report_host when the dump thread count says there are some,
        // or, without a count (MySQL), now and then (what it found is kept in between).
        ++m_probesSinceProcesslist;
        const bool needProcesslist = dumpThreads ? *dumpThreads > named.size() + unnamed
                                                 : unnamed > 0 || m_probesSinceProcesslist >= processlistEvery;
        if (hostsRead && needProcesslist) {
            m_probesSinceProcesslist = 0;
            if (const auto r = step(QStringLiteral("SHOW PROCESSLIST")))
                m_dumpHosts = ProbeParsers::binlogDumpHosts(*r);
        } else if (dumpThreads) {
            m_dumpHosts.clear(); // every dump thread belongs to a registered replica
        }
        if (hostsRead) {
            const int ownPort = int(variables.value(QStringLiteral("port")).toInt());
            bool fromProcesslist = false;
            f.replicaKeys = ProbeParsers::mergeReplicaKeys(named, int(m_dumpHosts.size()), m_dumpHosts,
                                                           ownPort > 0 ? ownPort : f.key.port(),
                                                           &fromProcesslist);
            f.replicaKeysFromProcesslist = fromProcesslist;
        }
    } else {
        f.replicaKeys.clear();
        f.replicaKeysFromProcesslist = false;
    }

    if (connectionFailed)
        return failed(error);

    f.reachable = true;
    f.lastError = partialErrors.isEmpty() ? ProbeError::None : ProbeError::ServerError;
    f.lastErrorText = partialErrors.isEmpty()
                          ? QString()
                          : QStringLiteral("%1 answered, but some facts could not be read (check the "
                                           "topology user's grants): %2")
                                .arg(f.key.toString(), partialErrors.join(QStringLiteral("; ")));
    finish(f);
    f.lastSeen = f.lastChecked;
    return f;
}

} // namespace Topograph
