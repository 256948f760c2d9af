#pragma once

#include "auth/ApiKey.h"
#include "core/ApiError.h"

#include <QJsonObject>

class Txn;

// Replay: a new job that does the work of a finished job again, with (edited) variables. It
// is created exactly as POST /api/v1/jobs creates a job (JobCommands::create), with the old
// job's type, retries, timeout, headers, tenant, priority, process context and follow-ups, and
// linked the way the engine links follow-up jobs: the new job's parent_key is the old job
// (details: parent_job_key), and the old job's history gets a JOB_REPLAYED event whose details
// list the new job under follow_up_jobs (details: follow_up_jobs).
namespace ReplayCommand {

// The largest variables object accepted, as the API's default limit.
qint64 maxVariablesBytes();
// Empty when `variables` may be sent; otherwise the API's message (English, like every
// refusal the engine answers).
QString checkVariables(const QJsonObject &variables);
// Only finished jobs (COMPLETED, FAILED, ERROR_THROWN, CANCELLED): a waiting or active job is
// still going to do its work. Otherwise 409 JOB_NOT_REPLAYABLE; 404 for an unknown job.
ApiResult replay(Txn &txn, const ApiKey &caller, const QString &key, const QJsonObject &variables);

} // namespace ReplayCommand
