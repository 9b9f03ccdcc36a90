#pragma once

#include "model/instancefacts.h"
#include "mysql/mysqlerror.h"
#include "mysql/task.h"
#include "probeparsers.h"

#include <QString>
#include <QStringList>

namespace Topograph {

class Connection;
class Reactor;
class ResultSet;

// Reads everything Topograph knows about one server over one open connection, in a handful of
// statements. The first probe of a server asks SHOW GLOBAL VARIABLES which of the variables it
// needs exist there (they differ by flavour, version and loaded plugins); later probes read
// exactly those in one SELECT @@global.a, @@global.b, .... So a steady-state probe of a MariaDB
// server is five statements: that SELECT, SHOW GLOBAL STATUS WHERE ..., SHOW MASTER STATUS,
// SHOW ALL SLAVES STATUS and SHOW SLAVE HOSTS; SHOW PROCESSLIST only when a replica did not
// register a report_host (MariaDB's Slaves_connected says so; MySQL has no such counter, so it
// is looked at on the first probe and every processlistEvery-th one).
//
// Only plain statements every monitoring tool runs: no information_schema subqueries. A SELECT
// with I_S.PROCESSLIST (whose temporary table is an on-disk Aria table) in a subquery crashed
// three sandbox servers at once during development (signal 11 in ha_maria::drop_table); it did
// not reproduce, but a monitor must never be the thing that takes a server down.
//
// A Probe keeps that plan, so use one Probe per server; like the Connection it is used by one
// thread at a time, and by one probe at a time.
class Probe
{
public:
    // Probes the server behind connection (opening it, or reopening it once when it was lost
    // since the last probe). previous holds the last known facts: a failed probe returns them
    // with reachable/lastError/lastChecked updated, so observers keep what was last seen.
    InstanceFacts run(Connection &connection, const InstanceFacts &previous);
    // run() as a coroutine whose waits the reactor drives (null: poll in place, as run()).
    // connection must outlive the task.
    Task<InstanceFacts> runAsync(Connection &connection, InstanceFacts previous, Reactor *reactor);

    // Forget the plan (e.g. after the server was upgraded); the next run asks again.
    void reset();

    // Statements the last run sent (for tests and the benchmark).
    int statementCount() const { return m_statements; }

private:
    struct StepErrors
    {
        QStringList partial; // statements the server refused (grants), by name
        bool connectionFailed = false;
        MySqlError error;
    };
    Task<std::optional<ResultSet>> query(Connection &connection, QString sql, MySqlError *error, Reactor *reactor);
    Task<bool> readVariables(Connection &connection, ProbeParsers::Variables *variables, MySqlError *error,
                             Reactor *reactor);
    Task<std::optional<ResultSet>> step(Connection &connection, QString sql, StepErrors *errors, Reactor *reactor);
    QString planSelect() const;
    void buildPlan(const QStringList &present, Flavor flavor, int versionNumber);

    static constexpr int processlistEvery = 30;

    QStringList m_planVariables; // empty = not planned yet
    int m_probesSinceProcesslist = processlistEvery;
    QStringList m_dumpHosts; // client hosts of binlog dump threads, from the last SHOW PROCESSLIST
    Flavor m_flavor = Flavor::Unknown;
    int m_versionNumber = 0;
    int m_statements = 0;
};

} // namespace Topograph
