#include "probe.h"

#include "probeparsers.h"

#include "logging/logging.h"
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

Task<std::optional<ResultSet>> Probe::query(Connection &connection, QString sql, MySqlError *error,
                                             Reactor *reactor)
{
    ++m_statements;
    auto result = co_await connection.queryAsync(std::move(sql), reactor);
    if (!result && error)
        *error = connection.lastError();
    co_return result;
}

Task<bool> Probe::readVariables(Connection &connection, ProbeParsers::Variables *variables, MySqlError *error,
                                Reactor *reactor)
{
    if (!m_planVariables.isEmpty()) {
        const auto r = co_await query(connection, planSelect(), error, reactor);
        if (r) {
            *variables = ProbeParsers::singleRow(*r);
            co_return true;
        }
        if (error->kind != ProbeError::ServerError || error->code != unknownSystemVariable)
            co_return false;
        reset(); // a planned variable is gone: plan again below
    }
    const auto r = co_await query(connection,
                                  QStringLiteral("SHOW GLOBAL VARIABLES WHERE Variable_name IN (%1)")
                                      .arg(quotedList(ProbeParsers::candidateVariables())),
                                  error, reactor);
    if (!r)
        co_return false;
    *variables = ProbeParsers::nameValueRows(*r);
    co_return true;
}

Task<std::optional<ResultSet>> Probe::step(Connection &connection, QString sql, StepErrors *errors,
                                            Reactor *reactor)
{
    // A server error (e.g. a missing grant) costs only that part of the facts, which keep their
    // last known values; a connection error fails the probe.
    if (errors->connectionFailed)
        co_return std::nullopt;
    MySqlError e;
    auto r = co_await query(connection, sql, &e, reactor);
    if (!r) {
        if (e.kind == ProbeError::ServerError)
            errors->partial << QStringLiteral("%1: %2").arg(sql.section(QLatin1Char(' '), 0, 3), e.message);
        else {
            errors->connectionFailed = true;
            errors->error = e;
        }
    }
    co_return r;
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
    return runAsync(connection, previous, nullptr).runSync();
}

Task<InstanceFacts> Probe::runAsync(Connection &connection, InstanceFacts previous, Reactor *reactor)
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
        if (!co_await connection.openAsync(reactor))
            co_return failed(connection.lastError());
        freshConnection = true;
    }

    // 1. Variables.
    MySqlError error;
    ProbeParsers::Variables variables;
    bool ok = co_await readVariables(connection, &variables, &error, reactor);
    if (!ok && error.kind == ProbeError::Unreachable && !freshConnection) {
        // Lost since the last probe (the server restarted, or someone killed our thread): one
        // reconnect tells a restarted server from a dead one at once.
        connection.close();
        if (!co_await connection.openAsync(reactor))
            co_return failed(connection.lastError());
        freshConnection = true;
        error = {};
        ok = co_await readVariables(connection, &variables, &error, reactor);
    }
    if (!ok)
        co_return failed(error);

    ProbeParsers::applyVariables(variables, f);
    if (m_planVariables.isEmpty() || m_flavor != f.flavor || m_versionNumber != f.versionNumber())
        buildPlan(variables.keys(), f.flavor, f.versionNumber());

    // Later statements (see step()).
    StepErrors errors;

    // 2. Status counters.
    std::optional<qint64> dumpThreads;
    if (const auto r = co_await step(connection,
                                     QStringLiteral("SHOW GLOBAL STATUS WHERE Variable_name IN (%1)")
                                         .arg(quotedList(ProbeParsers::candidateStatus())),
                                     &errors, reactor)) {
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
        if (const auto r = co_await step(connection,
                                         binaryLogStatus ? QStringLiteral("SHOW BINARY LOG STATUS")
                                                         : QStringLiteral("SHOW MASTER STATUS"),
                                         &errors, reactor))
            f.binlog = ProbeParsers::masterStatus(*r);
    } else {
        f.binlog = {};
    }

    // 4. Replication: every connection/channel.
    const QString statusSql = f.flavor == Flavor::MariaDB ? QStringLiteral("SHOW ALL SLAVES STATUS")
                              : newNames                  ? QStringLiteral("SHOW REPLICA STATUS")
                                                          : QStringLiteral("SHOW SLAVE STATUS");
    if (const auto r = co_await step(connection, statusSql, &errors, reactor))
        f.channels = ProbeParsers::replicaStatus(*r);

    // 5. Its replicas. Without a binary log a server cannot feed any.
    if (f.logBin) {
        int unnamed = 0;
        QList<InstanceKey> named;
        bool hostsRead = false;
        if (const auto r = co_await step(connection,
                                         newNames ? QStringLiteral("SHOW REPLICAS") : QStringLiteral("SHOW SLAVE HOSTS"),
                                         &errors, reactor)) {
            QStringList rejected;
            named = ProbeParsers::replicaHosts(*r, &unnamed, &rejected);
            if (rejected != f.rejectedReplicaNames && !rejected.isEmpty())
                spdlog::warn("{} reports replica name(s) that are not host names, which Topograph does not "
                             "connect to: {}", f.key.toString(), rejected.join(QStringLiteral(", ")));
            f.rejectedReplicaNames = rejected;
            hostsRead = true;
        }
        // Look for replicas without report_host when the dump thread count says there are some,
        // or, without a count (MySQL), now and then (what it found is kept in between).
        ++m_probesSinceProcesslist;
        const bool needProcesslist = dumpThreads ? *dumpThreads > named.size() + unnamed
                                                 : unnamed > 0 || m_probesSinceProcesslist >= processlistEvery;
        if (hostsRead && needProcesslist) {
            m_probesSinceProcesslist = 0;
            if (const auto r = co_await step(connection, QStringLiteral("SHOW PROCESSLIST"), &errors, reactor))
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

    if (errors.connectionFailed)
        co_return failed(errors.error);

    const QStringList &partialErrors = errors.partial;
    f.reachable = true;
    f.lastError = partialErrors.isEmpty() ? ProbeError::None : ProbeError::ServerError;
    f.lastErrorText = partialErrors.isEmpty()
                          ? QString()
                          : QStringLiteral("%1 answered, but some facts could not be read (check the "
                                           "topology user's grants): %2")
                                .arg(f.key.toString(), partialErrors.join(QStringLiteral("; ")));
    finish(f);
    f.lastSeen = f.lastChecked;
    co_return f;
}

} // namespace Topograph
