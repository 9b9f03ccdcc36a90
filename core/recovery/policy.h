#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Topograph {

// Hook points, orchestrator's names. Each hook is a list of commands; each command an argv list
// run without a shell, with the context in TOPOGRAPH_* environment variables.
enum class HookPoint {
    OnFailureDetection,
    PreFailover,
    PostMasterFailover,
    PostIntermediateMasterFailover,
    PostFailover,
    PostUnsuccessfulFailover,
    PreGracefulTakeover,
    PostGracefulTakeover,
};
QString hookPointName(HookPoint p);
QList<HookPoint> allHookPoints();

// The failover policy: what the engine may do on its own, and how. Kept in the store; every change
// audited. Keys and defaults follow orchestrator where it has them.
struct Policy
{
    bool autoFailover = false; // global switch: off = detect and report only
    QStringList recoverMasterClusterFilters;
    QStringList recoverIntermediateMasterClusterFilters;
    QStringList promotionIgnoreHostnameFilters;
    int recoveryPeriodBlockSeconds = 3600;
    int reasonableReplicationLagSeconds = 10;
    int reasonableMaintenanceReplicationLagSeconds = 20;
    // Refuse to promote a candidate whose applier is more than this behind (0 = no limit). The
    // candidate is always made to apply everything it received first; this bounds that wait.
    int failMasterPromotionOnLagSeconds = 0;
    int instancePollSeconds = 1;
    int hookTimeoutSeconds = 30;
    QMap<HookPoint, QList<QStringList>> hooks;

    // Every key a person can set, in display order.
    static QStringList keys();
    // Sets one key from text as typed on a command line: booleans on/off/true/false/1/0;
    // lists as a JSON array or comma separated; numbers as integers; hooks as a JSON array of
    // argv arrays. Validates (regexes compile, numbers in range); on error returns false, leaves
    // the policy unchanged and sets *error to a sentence naming the key and the problem.
    bool set(const QString &key, const QString &value, QString *error = nullptr);
    // The value of a key as text (lists as JSON arrays).
    QString value(const QString &key) const;

    QJsonObject toJson() const;
    static std::optional<Policy> fromJson(const QJsonObject &json, QString *error = nullptr);
    // The whole policy valid? (regexes compile, numbers in range)
    bool validate(QString *error = nullptr) const;

    friend bool operator==(const Policy &, const Policy &) = default;
};

} // namespace Topograph
