// The store's schema as ordered migrations. Migration N brings a store from version N-1 to N;
// PRAGMA user_version holds the version. Never edit a released migration: append a new one.
// Times are TEXT in UTC ISO-8601 with milliseconds ("2026-01-31T12:00:00.123Z"), so they sort.
// Instances are (host, port) with host lower-cased, as InstanceKey holds them.

#include "store.h"

namespace Topograph {

namespace {

const char *const migration1[] = {
    // Free-form facts about the file itself (who created it, with which version).
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",

    "CREATE TABLE clusters ("
    " name TEXT PRIMARY KEY,"
    " alias TEXT,"
    " updated_at TEXT NOT NULL)",
    "CREATE UNIQUE INDEX clusters_alias ON clusters(alias) WHERE alias IS NOT NULL",

    "CREATE TABLE known_instances ("
    " host TEXT NOT NULL, port INTEGER NOT NULL,"
    " cluster TEXT NOT NULL DEFAULT '',"
    " first_seen TEXT NOT NULL, last_seen TEXT, last_checked TEXT,"
    " last_error TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (host, port))",

    // Append-only and hash-chained (see auditlog.h for the canonical serialisation). AUTOINCREMENT
    // so that an id is never reused after a deletion behind our back.
    "CREATE TABLE audit_entries ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL,"
    " actor TEXT NOT NULL,"
    " cluster TEXT NOT NULL DEFAULT '',"
    " instance TEXT NOT NULL DEFAULT '',"
    " action TEXT NOT NULL,"
    " outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'refused')),"
    " message TEXT NOT NULL,"
    " details TEXT NOT NULL DEFAULT '{}',"
    " recovery_id INTEGER,"
    " prev_hash TEXT NOT NULL,"
    " hash TEXT NOT NULL)",
    "CREATE INDEX audit_entries_at ON audit_entries(at)",
    "CREATE INDEX audit_entries_cluster ON audit_entries(cluster, at)",
    // The last entry's id and hash, updated with every append: deleting entries from the end
    // (which the chain alone cannot see) shows as a mismatch.
    "CREATE TABLE audit_head ("
    " one INTEGER PRIMARY KEY CHECK (one = 1),"
    " last_id INTEGER NOT NULL, last_hash TEXT NOT NULL, entries INTEGER NOT NULL)",
};

const char *const migration2[] = {
    // One row per recovery or topology operation. The partial unique index is the
    // one-recovery-per-cluster lock: claiming is inserting a 'running' row, atomically, across
    // every process sharing the file. owner_* identify the claiming process (owner_start is its
    // start time, so a reused pid is not mistaken for it) so that a claim left by a dead process
    // can be recognised (RecoveryLog::markInterruptedRecoveries()).
    "CREATE TABLE recoveries ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " cluster TEXT NOT NULL,"
    " kind TEXT NOT NULL," // DeadMaster, DeadIntermediateMaster, GracefulTakeover...
    " analysis TEXT NOT NULL DEFAULT ''," // the analysis code that triggered it, if any
    " failed_instance TEXT NOT NULL DEFAULT '',"
    " successor TEXT NOT NULL DEFAULT '',"
    " actor TEXT NOT NULL,"
    " automatic INTEGER NOT NULL DEFAULT 0,"
    " state TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted')),"
    " started_at TEXT NOT NULL, ended_at TEXT,"
    " summary TEXT NOT NULL DEFAULT '',"
    " lost_replicas TEXT NOT NULL DEFAULT '[]',"
    " details TEXT NOT NULL DEFAULT '{}',"
    " owner_pid INTEGER, owner_start INTEGER, owner_host TEXT, heartbeat_at TEXT,"
    " acknowledged_at TEXT, acknowledged_by TEXT, ack_comment TEXT, acknowledgement_id INTEGER"
    " REFERENCES acknowledgements(id))",
    "CREATE UNIQUE INDEX recoveries_one_running ON recoveries(cluster) WHERE state = 'running'",
    "CREATE INDEX recoveries_cluster ON recoveries(cluster, started_at)",
    "CREATE INDEX recoveries_unacknowledged ON recoveries(cluster) WHERE acknowledged_at IS NULL",

    // Each step is written before it runs (outcome 'running') and updated after.
    "CREATE TABLE recovery_steps ("
    " recovery_id INTEGER NOT NULL REFERENCES recoveries(id),"
    " seq INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " server TEXT NOT NULL DEFAULT '',"
    " statement TEXT NOT NULL DEFAULT '',"
    " started_at TEXT NOT NULL, ended_at TEXT,"
    " outcome TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'skipped', 'undone',"
    " 'interrupted')),"
    " output TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (recovery_id, seq))",

    "CREATE TABLE acknowledgements ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL,"
    " actor TEXT NOT NULL,"
    " scope TEXT NOT NULL CHECK (scope IN ('recovery', 'cluster', 'all')),"
    " cluster TEXT NOT NULL DEFAULT '',"
    " recovery_id INTEGER,"
    " comment TEXT NOT NULL CHECK (length(trim(comment)) > 0),"
    " recoveries INTEGER NOT NULL)",

    // Automatic recoveries refused (anti-flapping, filters, a running recovery...), with why and
    // how to unblock.
    "CREATE TABLE blocked_recoveries ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL,"
    " cluster TEXT NOT NULL,"
    " failed_instance TEXT NOT NULL DEFAULT '',"
    " analysis TEXT NOT NULL DEFAULT '',"
    " reason TEXT NOT NULL,"
    " blocking_recovery_id INTEGER REFERENCES recoveries(id))",
    "CREATE INDEX blocked_recoveries_cluster ON blocked_recoveries(cluster, at)",

    "CREATE TABLE downtimes ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " host TEXT NOT NULL, port INTEGER NOT NULL,"
    " begun_at TEXT NOT NULL, until TEXT NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL,"
    " ended_at TEXT, ended_by TEXT)",
    "CREATE INDEX downtimes_open ON downtimes(host, port) WHERE ended_at IS NULL",

    "CREATE TABLE maintenance ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " host TEXT NOT NULL, port INTEGER NOT NULL,"
    " begun_at TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL,"
    " ended_at TEXT, ended_by TEXT)",
    "CREATE UNIQUE INDEX maintenance_open ON maintenance(host, port) WHERE ended_at IS NULL",

    "CREATE TABLE promotion_rules ("
    " host TEXT NOT NULL, port INTEGER NOT NULL,"
    " rule TEXT NOT NULL CHECK (rule IN ('prefer', 'neutral', 'prefer_not', 'must_not')),"
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,"
    " PRIMARY KEY (host, port))",

    // Values are JSON (booleans, numbers, strings, lists), orchestrator's key names.
    "CREATE TABLE policy ("
    " key TEXT PRIMARY KEY, value TEXT NOT NULL,"
    " updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)",
    "CREATE TABLE policy_history ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " at TEXT NOT NULL, actor TEXT NOT NULL, key TEXT NOT NULL,"
    " old_value TEXT, new_value TEXT, comment TEXT NOT NULL DEFAULT '')",
};

// The last facts a successful probe gave (instanceFactsToJson): a process that starts while a
// server is down still knows where that server sat in the tree (its source, its replicas).
const char *const migration3[] = {
    "ALTER TABLE known_instances ADD COLUMN last_facts TEXT",
};

template<std::size_t N>
QStringList toList(const char *const (&statements)[N])
{
    QStringList list;
    for (const char *s : statements)
        list << QString::fromUtf8(s);
    return list;
}

} // namespace

int Store::currentSchemaVersion()
{
    return 3;
}

QStringList Store::migrationStatements(int version)
{
    switch (version) {
    case 1:
        return toList(migration1);
    case 2:
        return toList(migration2);
    case 3:
        return toList(migration3);
    default:
        return {};
    }
}

} // namespace Topograph
