#pragma once

#include "backend/OperatorSource.h"

#include <QJsonObject>

// The API's JSON of the operator endpoints read back into the operator views' typed snapshots
// (the inverse of engine/api's renderings), for the console attached to a server.
namespace OperatorJson {

DashboardSnapshot dashboard(const QJsonObject &data);          // GET /dashboard
JobTypeSnapshot jobType(const QJsonObject &type);              // GET /job-types entry
OperatorStore::IncidentRow incident(const QJsonObject &row);   // GET /incidents entry
IncidentGroups::Group incidentGroup(const QJsonObject &group); // GET /incidents/groups entry
WorkerSnapshot worker(const QJsonObject &worker);              // GET /workers entry
KeyStore::Listed apiKey(const QJsonObject &key);               // GET /api-keys entry
ScheduleRecord schedule(const QJsonObject &schedule);          // GET /schedules entry
RetentionPolicy retention(const QJsonObject &policy);          // GET /settings/retention

} // namespace OperatorJson
