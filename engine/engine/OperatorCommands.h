#pragma once

#include "JobCommands.h"
#include "Txn.h"
#include "auth/ApiKey.h"
#include "core/ApiError.h"

#include <QStringList>

#include <optional>

// The operator's rules: resolving incidents, updating a job (retries, timeout, priority),
// deleting jobs by filter in bounded steps, pausing and resuming job types, API keys, and
// idempotent creation. Like JobCommands, each runs inside the engine's current transaction and
// checks what needs the store; the API layer has checked shapes and ranges.

struct PatchSpec
{
    std::optional<int> retries;
    std::optional<qint64> timeoutMs;
    std::optional<int> priority;
};

struct BulkDeleteFilter
{
    QList<JobState> states; // empty = every state but ACTIVE
    QString type;
    QStringList tenants; // empty = every tenant
    qint64 createdBefore = 0;
    qint64 createdAfter = 0;

    bool matches(JobState state, const QString &jobType, const QString &tenant,
                 qint64 createdAt) const;
};

namespace OperatorCommands {

ApiError incidentNotFound(const QString &incidentKey);

ApiResult resolveIncident(Txn &txn, const ApiKey &caller, const QString &incidentKey, int retries);
ApiResult patchJob(Txn &txn, const ApiKey &caller, const QString &key, const PatchSpec &spec);

// One bounded step of a bulk delete: looks at up to `scanLimit` jobs after `afterId` (id order)
// and deletes at most `deleteLimit` of those that match (never ACTIVE ones). data: `deleted`,
// `last_id` (where the next step starts), `done`.
ApiResult bulkDeleteStep(Txn &txn, const BulkDeleteFilter &filter, qint64 afterId, int scanLimit,
                         int deleteLimit);

ApiResult pauseType(Txn &txn, const ApiKey &caller, const QString &type, const QString &reason);
ApiResult resumeType(Txn &txn, const ApiKey &caller, const QString &type);

ApiResult createApiKey(Txn &txn, const ApiKey &key, const QByteArray &clearKey);
ApiResult deleteApiKey(Txn &txn, const QString &name);

// POST /jobs and /jobs/batch with an Idempotency-Key: the same key of the same API key within
// `ttlMs` answers the jobs it created first (200) instead of creating them again.
ApiResult createIdempotent(Txn &txn, const ApiKey &caller, const QString &idempotencyKey,
                           const QList<CreateSpec> &specs, bool batch, qint64 ttlMs);

} // namespace OperatorCommands
