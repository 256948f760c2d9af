#pragma once

#include "store/JobDetails.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// How a job looks in each answer of the contract. Pure functions of records: no store access.
namespace JobView {

// A time as the contract writes it: ISO-8601 UTC, or null when not set (0).
QJsonValue timeOrNull(qint64 ms);
// The field that holds a finished job's end time ("completed_at", "failed_at", ...), or empty.
QString finishedAtField(JobState state);
// POST /jobs
QJsonObject created(const JobRecord &job);
// One entry of data.jobs[] of POST /jobs/activate.
QJsonObject activated(const JobRecord &job, const QStringList &fetchVariables);
// GET /jobs/:key/status and /await.
QJsonObject status(const JobRecord &job);
// GET /jobs/:key: every section of seed 000 that applies to the job's state, as of `now`.
QJsonObject details(const JobDetails &details, qint64 now);
// failure_history[]
QJsonArray failureHistory(const QList<FailureEntry> &failures);
inline QJsonArray failureHistory(const QList<JobEvent> &events)
{
    return failureHistory(JobDetails::failuresOf(events));
}
// The seed 003 progress block (the job has reported progress), with rate and ETA as of `now`.
QJsonObject progress(const ProgressFacts &progress, qint64 now);
QJsonObject incident(const IncidentRecord &incident);

} // namespace JobView
