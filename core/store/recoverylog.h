#pragma once

#include "model/instancekey.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Topograph {

class Store;

enum class RecoveryState { Running, Succeeded, Failed, Interrupted };
QString recoveryStateName(RecoveryState state); // running, succeeded, failed, interrupted
RecoveryState recoveryStateFromName(const QString &name); // unknown names read as failed
enum class StepOutcome { Running, Ok, Failed, Skipped, Undone, Interrupted };
QString stepOutcomeName(StepOutcome outcome); // running, ok, failed, skipped, undone, interrupted

struct RecoveryStep
{
    qint64 recoveryId = 0;
    int seq = 0; // 1, 2, ... in the order the steps started
    QString name; // "wait for relay log applied", "repoint db3", ...
    QString server; // host:port the step acts on, may be empty (hooks)
    QString statement; // SQL or hook argv, as run
    QDateTime startedAt, endedAt;
    StepOutcome outcome = StepOutcome::Running;
    QString output; // server message, hook output
    qint64 durationMs() const { return endedAt.isValid() ? startedAt.msecsTo(endedAt) : -1; }
};

struct Recovery
{
    qint64 id = 0;
    QString cluster;
    QString kind; // DeadMaster, DeadIntermediateMaster, DeadCoMaster, GracefulTakeover, ...
    QString analysis; // the analysis code that triggered it
    QString failedInstance; // host:port
    QString successor; // host:port, once chosen
    QString actor; // "auto" or user@host
    bool automatic = false;
    RecoveryState state = RecoveryState::Running;
    QDateTime startedAt, endedAt;
    QString summary;
    QStringList lostReplicas;
    QJsonObject details;
    qint64 ownerPid = 0;
    QString ownerHost;
    QDateTime heartbeatAt;
    QDateTime acknowledgedAt;
    QString acknowledgedBy, ackComment;
    QList<RecoveryStep> steps; // filled by recovery() and by recoveries() with withSteps

    bool acknowledged() const { return acknowledgedAt.isValid(); }
};

struct RecoveryFilter
{
    QString cluster; // empty = all
    bool unacknowledgedOnly = false;
    QDateTime since, until; // on started_at; [since, until)
    bool withSteps = false;
    int limit = 0; // 0 = all; else the latest `limit` (still oldest first)
};

struct BlockedRecovery
{
    qint64 id = 0;
    QDateTime at;
    QString cluster, failedInstance, analysis;
    QString reason; // why, and how to unblock
    qint64 blockingRecoveryId = 0;
};

struct Acknowledgement
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString scope; // recovery, cluster, all
    QString cluster;
    qint64 recoveryId = 0;
    QString comment;
    int recoveries = 0; // how many recoveries it acknowledged
};

// Recoveries (and topology operations run as recoveries) with their steps, acknowledgements and
// blocked attempts. Everything that changes the record is also written to the audit log in the
// same transaction, so the hash chain covers what recoveries did.
class RecoveryLog
{
public:
    explicit RecoveryLog(Store &store);

    struct Start
    {
        QString cluster, kind, analysis, failedInstance;
        QString actor; // empty = the store's actor
        bool automatic = false;
        QJsonObject details;
    };
    struct Claim
    {
        qint64 id = 0; // the new recovery, 0 when refused or on error
        qint64 runningId = 0; // when refused: the recovery already running on the cluster
        QString error; // a sentence for a person
        explicit operator bool() const { return id != 0; }
    };
    // Claims the cluster atomically across every process sharing the store: a second start on a
    // cluster while one runs is refused with the running one's id. Run
    // markInterruptedRecoveries() first so that a dead process's claim does not block.
    Claim start(const Start &start);
    bool heartbeat(qint64 id, QString *error = nullptr);

    // Written before the step runs (outcome running); returns its seq, or 0 on error.
    int beginStep(qint64 id, const QString &name, const QString &server, const QString &statement,
        QString *error = nullptr);
    bool endStep(qint64 id, int seq, StepOutcome outcome, const QString &output = {},
        QString *error = nullptr);

    struct Finish
    {
        RecoveryState state = RecoveryState::Succeeded; // Succeeded or Failed
        QString successor;
        QString summary;
        QStringList lostReplicas;
        QJsonObject details; // merged into the start details
    };
    bool finish(qint64 id, const Finish &finish, QString *error = nullptr);

    std::optional<Recovery> recovery(qint64 id, QString *error = nullptr) const; // with steps
    QList<Recovery> recoveries(const RecoveryFilter &filter, QString *error = nullptr) const;
    std::optional<Recovery> running(const QString &cluster) const;
    // Every server a successful recovery replaced, with the successor the latest such recovery
    // promoted. One scan of the recoveries table (13 ms at 10,000 recoveries).
    QHash<InstanceKey, InstanceKey> replacedMasters(QString *error = nullptr) const;
    // Every server a recovery of `failed` named as its successor or began to promote, latest
    // recovery first, whatever its outcome (interrupted, failed or succeeded).
    struct Succession
    {
        qint64 recoveryId = 0;
        RecoveryState state = RecoveryState::Running;
        InstanceKey successor;
    };
    QList<Succession> successorsNamed(const InstanceKey &failed, QString *error = nullptr) const;
    // Changes whenever a recovery starts or ends (the latest id, and how many run), from two index
    // lookups: a reader polling replacedMasters() asks this first and reads again only on change.
    struct ChangeMark
    {
        qint64 lastId = -1;
        qint64 running = -1;
        bool operator==(const ChangeMark &) const = default;
    };
    ChangeMark changeMark(QString *error = nullptr) const;

    // Running recoveries whose owning process is gone (on this host: the pid no longer runs that
    // process; elsewhere: no heartbeat for staleSeconds) become interrupted at their last
    // completed step; returns how many, or -1 on error.
    int markInterruptedRecoveries(int staleSeconds = 120, QString *error = nullptr);

    // The comment is required: empty or whitespace is refused. Running recoveries are not
    // acknowledged. Return how many recoveries were acknowledged, or -1 with *error.
    int acknowledge(qint64 recoveryId, const QString &comment, QString *error = nullptr);
    int acknowledgeCluster(
        const QString &cluster, const QString &comment, QString *error = nullptr);
    int acknowledgeAll(const QString &comment, QString *error = nullptr);
    QList<Acknowledgement> acknowledgements(QString *error = nullptr) const;

    bool recordBlocked(BlockedRecovery &blocked, QString *error = nullptr);
    QList<BlockedRecovery> blockedRecoveries(const QString &cluster = {},
        const QDateTime &since = {}, const QDateTime &until = {}, QString *error = nullptr) const;

private:
    int acknowledgeWhere(const QString &scope, const QString &cluster, qint64 recoveryId,
        const QString &comment, QString *error);
    bool loadSteps(Recovery &r, QString *error) const;

    Store &m_store;
};

} // namespace Topograph
