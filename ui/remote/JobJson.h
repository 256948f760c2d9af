#pragma once

#include "store/BulkOperationRecord.h"
#include "store/JobDetails.h"
#include "store/JobFilter.h"
#include "store/JobRecord.h"

#include <QJsonObject>
#include <QUrlQuery>

// The API's JSON read back into the engine's typed records, for the console attached to a
// server: the inverse of engine/api's JobListView, JobView and BulkOperationsApi renderings.
// What the API does not show stays empty (a list entry has no history).
namespace JobJson {

// An entry of GET /api/v1/jobs, or the body of GET /api/v1/jobs/:key.
JobRecord record(const QJsonObject &job);
// An incident as JobView::incident renders it (GET /incidents/:id, a job's incident).
IncidentRecord incident(const QJsonObject &incident);
// GET /api/v1/jobs/:key: the record with its history, incident and worker load.
JobDetails details(const QJsonObject &job);
// GET /api/v1/bulk-operations/:id (refusals carry the API's message).
BulkOperationRecord bulkOperation(const QJsonObject &operation);

// The query string of GET /api/v1/jobs that gives `filter` (and the sort of `page`).
QUrlQuery listQuery(const JobFilter &filter, const PageRequest &page);

} // namespace JobJson
