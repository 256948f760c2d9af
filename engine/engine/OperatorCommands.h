#pragma once

#include "JobCommands.h"
#include "Retention.h"

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

// PUT /api/v1/job-types/:type/limits: fields left unset keep their value; an unset inner value
// removes that limit. Every node applies the result from its next cluster tick on.
struct TypeLimitChange
{
    std::optional<std::optional<int>> maxActive;
    std::optional<std::optional<std::pair<int, qint64>>> rate; // limit, per (ms)
};
struct TypeLimitSet
{
    QString type;
    TypeLimit limit;
};

namespace OperatorCommands {

Outcome<IncidentResolved> resolveIncident(Txn &txn, const ApiKey &caller,
                                          const QString &incidentKey, int retries);
Outcome<JobPatched> patchJob(Txn &txn, const ApiKey &caller, const QString &key,
                             const PatchSpec &spec);

// One bounded step of a bulk delete: looks at up to `scanLimit` jobs after `afterId` (id order)
// and deletes at most `deleteLimit` of those that match (never ACTIVE ones).
Outcome<BulkStep> bulkDeleteStep(Txn &txn, const BulkDeleteFilter &filter, qint64 afterId,
                                 int scanLimit, int deleteLimit);

Outcome<TypePause> pauseType(Txn &txn, const ApiKey &caller, const QString &type,
                             const QString &reason);
Outcome<TypePause> resumeType(Txn &txn, const ApiKey &caller, const QString &type);

Outcome<TypeLimitSet> setTypeLimit(Txn &txn, const ApiKey &caller, const QString &type,
                                   const TypeLimitChange &change);

// PUT /api/v1/settings/retention: the change applied to the policy in force (the store's, or
// `defaults` while it keeps none) inside the transaction, so that concurrent changes of
// different fields both hold; every node applies the result from now on.
Outcome<RetentionPolicy> setRetention(Txn &txn, const RetentionChange &change,
                                      const RetentionPolicy &defaults);

Outcome<KeyCreated> createApiKey(Txn &txn, const ApiKey &key, const QByteArray &clearKey);
Outcome<KeyDeleted> deleteApiKey(Txn &txn, const QString &name);

// POST /jobs and /jobs/batch with an Idempotency-Key: the same key of the same API key within
// `ttlMs` answers the jobs it created first (replayed) instead of creating them again.
Outcome<JobsCreated> createIdempotent(Txn &txn, const ApiKey &caller, const QString &idempotencyKey,
                                      const QList<CreateSpec> &specs, bool batch, qint64 ttlMs);

} // namespace OperatorCommands
