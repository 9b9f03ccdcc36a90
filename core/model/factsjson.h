#pragma once

#include "topologysnapshot.h"

#include <QJsonObject>

namespace Topograph {

// JSON form of what the engine knows: used by `topograph-cli --json`, by snapshot fixtures in the
// tests, and by the store. Field names follow the server's own vocabulary where one exists.
QJsonObject instanceFactsToJson(const InstanceFacts &facts);
// Missing fields keep their defaults, so a fixture states only what matters to its test.
// Returns nullopt with *error naming the field when a value has the wrong type or is invalid.
std::optional<InstanceFacts> instanceFactsFromJson(const QJsonObject &json, QString *error = nullptr);

QJsonObject snapshotToJson(const TopologySnapshot &snapshot);
// {"instances": [...], "aliases": {...}, "downtimes": {"h:p": {"until":..,"reason":..}},
//  "maintenance": ["h:p"], "promotionRules": {"h:p": "prefer"}, "takenAt": ISO-8601}
std::optional<TopologySnapshot::Input> snapshotInputFromJson(const QJsonObject &json,
                                                             QString *error = nullptr);

} // namespace Topograph
