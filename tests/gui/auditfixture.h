#pragma once

// A store with 100,000 synthetic audit entries, a few recoveries (finished, failed,
// acknowledged) and a blocked attempt, plus what tests need to compute expected rows without SQL.

#include "guitest.h"
#include "acknowledgedialog.h"

#include "store/auditlog.h"
#include "store/auditquery.h"
#include "store/recoverylog.h"
#include "store/store.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

namespace AuditFixture {

using namespace Topograph;
using Topograph::Test::saveArtifact;

constexpr int bulkEntries = 100'000;
inline const QDateTime base(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
inline const QStringList clusters = { QStringLiteral("db-orders:3306"),
    QStringLiteral("db-billing:3306"), QStringLiteral("db-search:3306") };
inline const QStringList actions = { QStringLiteral("detect"), QStringLiteral("probe"),
    QStringLiteral("relocate"), QStringLiteral("downtime"), QStringLiteral("set-policy") };

// What a test needs of an entry to compute expected rows without SQL.
struct Row
{
    qint64 id;
    QDateTime at;
    QString cluster, action;
    AuditOutcome outcome;
    qint64 recoveryId;
    QString message;
    QString haystack; // lower-cased searchable fields
};

// Entry i of the bulk: every field cycles with a different period, so filters combine.
inline AuditEntry bulkEntry(int i)
{
    AuditEntry e;
    e.at = base.addSecs(qint64(i) * 60);
    e.actor = i % 4 ? QStringLiteral("auto") : QStringLiteral("lee@ops");
    e.cluster = clusters.at(i % 3);
    e.instance = QStringLiteral("db%1:3306").arg(i % 9 + 1);
    e.action = actions.at(i % 5);
    e.outcome = i % 13 == 0 ? AuditOutcome::Failed
        : i % 17 == 0       ? AuditOutcome::Refused
                            : AuditOutcome::Ok;
    // Every 997th holds LIKE's wildcards, to check they are matched literally; every 1009th is
    // what the wildcards would match if they were not.
    if (i % 997 == 0)
        e.message = QStringLiteral("Disk 95%_full on db%1 (entry %2)").arg(i % 9 + 1).arg(i);
    else if (i % 1009 == 0)
        e.message = QStringLiteral("Disk 95 percent full on db%1").arg(i % 9 + 1);
    else
        e.message = QStringLiteral("Probe %1 answered in %2 ms").arg(i).arg(i % 50);
    e.details = { { QStringLiteral("i"), i }, { QStringLiteral("lagSeconds"), i % 7 } };
    return e;
}

// A recovery with three steps (the second fails when `fail`), finished, optionally
// acknowledged; returns its id, 0 on error.
inline qint64 finishedRecovery(Store &store, const QString &cluster, bool fail, bool acknowledge)
{
    RecoveryLog log(store);
    const auto claim
        = log.start({ cluster, QStringLiteral("DeadMaster"), QStringLiteral("DeadMaster"),
            QStringLiteral("db1:3306"), QStringLiteral("auto"), true, {} });
    if (!claim)
        return 0;
    int s = log.beginStep(claim.id, QStringLiteral("wait for relay log applied"),
        QStringLiteral("db2:3306"), QStringLiteral("SELECT MASTER_GTID_WAIT('0-1-500', 30)"));
    log.endStep(claim.id, s, StepOutcome::Ok, QStringLiteral("0"));
    s = log.beginStep(claim.id, QStringLiteral("promote db2"), QStringLiteral("db2:3306"),
        QStringLiteral("STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0"));
    log.endStep(claim.id, s, fail ? StepOutcome::Failed : StepOutcome::Ok,
        fail ? QStringLiteral("ERROR 1045 (28000): Access denied for user 'topograph'@'10.0.0.5'")
             : QString());
    s = log.beginStep(claim.id, QStringLiteral("post-failover hook"), {},
        QStringLiteral("/etc/topograph/hooks/notify.sh db1:3306 db2:3306"));
    log.endStep(claim.id, s, StepOutcome::Ok,
        QStringLiteral("paging on-call\nupdated DNS orders-primary -> db2\nhook done"));
    RecoveryLog::Finish f;
    f.state = fail ? RecoveryState::Failed : RecoveryState::Succeeded;
    f.successor = fail ? QString() : QStringLiteral("db2:3306");
    f.summary = fail ? QStringLiteral("db2 could not be promoted") : QStringLiteral("db2 promoted");
    if (!log.finish(claim.id, f))
        return 0;
    if (acknowledge && log.acknowledge(claim.id, QStringLiteral("checked by park")) != 1)
        return 0;
    return claim.id;
}

inline bool recordBlocked(Store &store, const QString &cluster, qint64 blockingRecovery,
    const QString &reason, QString *error = nullptr)
{
    BlockedRecovery b;
    b.cluster = cluster;
    b.failedInstance = QStringLiteral("db4:3306");
    b.analysis = QStringLiteral("DeadMaster");
    b.reason = reason;
    b.blockingRecoveryId = blockingRecovery;
    return RecoveryLog(store).recordBlocked(b, error);
}

inline bool appendBulk(Store &store, QString *error)
{
    AuditLog log(store);
    QElapsedTimer timer;
    timer.start();
    QList<AuditEntry> batch;
    for (int i = 0; i < bulkEntries; ++i) {
        batch << bulkEntry(i);
        if (batch.size() == 5000) {
            if (!log.append(batch, error))
                return false;
            batch.clear();
        }
    }
    qInfo("appended %d audit entries in %lld ms", bulkEntries, timer.elapsed());
    return true;
}

// Every entry of the store, oldest first, read through AuditLog (not the query under test).
inline QList<Row> readRows(Store &store)
{
    QList<Row> rows;
    AuditLog(store).forEach({}, [&rows](const AuditEntry &e) {
        rows << Row { e.id, e.at, e.cluster, e.action, e.outcome, e.recoveryId, e.message,
            QStringList { e.message, e.instance, e.cluster, e.action, e.actor }
                .join(QChar(1))
                .toLower() };
        return true;
    });
    return rows;
}

// Runs `act` on the acknowledgement dialog once a window's exec() has shown it.
inline void onAckDialog(const std::function<void(Topograph::Gui::AcknowledgeDialog *)> &act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act] {
        if (auto *d = qobject_cast<Topograph::Gui::AcknowledgeDialog *>(
                QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(d);
        }
    });
    timer->start();
}

} // namespace AuditFixture
