#pragma once

#include "Txn.h"

#include <optional>

// How long finished jobs are kept (GET|PUT /api/v1/settings/retention). Unset: for ever.
// `failedMs` covers FAILED and ERROR_THROWN jobs without an open incident: a job with an open
// incident is never removed.
struct RetentionPolicy
{
    std::optional<qint64> completedMs = 7LL * 24 * 3600 * 1000;
    std::optional<qint64> cancelledMs = 7LL * 24 * 3600 * 1000;
    std::optional<qint64> failedMs = 30LL * 24 * 3600 * 1000;

    bool operator==(const RetentionPolicy &) const = default;
};

// PUT /api/v1/settings/retention: the fields given (an inner nullopt: keep for ever); the others
// keep their value.
struct RetentionChange
{
    std::optional<std::optional<qint64>> completedMs, cancelledMs, failedMs;

    RetentionPolicy appliedTo(RetentionPolicy policy) const
    {
        policy.completedMs = completedMs.value_or(policy.completedMs);
        policy.cancelledMs = cancelledMs.value_or(policy.cancelledMs);
        policy.failedMs = failedMs.value_or(policy.failedMs);
        return policy;
    }
};

namespace Retention {

// The policy kept in the store (every node of a PostgreSQL store applies the same one), or
// nullopt when none was ever set (the [retention] settings apply).
std::optional<RetentionPolicy> stored(JobStore &store);
void store(JobStore &store, const RetentionPolicy &policy);

// Deletes at most `limit` finished jobs older than the policy allows (by finished_at), with
// their history and closed incidents; returns how many. Counters stay exact (the store's
// delete triggers).
int prune(Txn &txn, const RetentionPolicy &policy, int limit);

// How long the engine waits before the next step (ms): `intervalMs` when the last step found
// no more to delete; while a backlog lasts, long enough that retention takes at most
// `busyPercent` of the engine's time (a step of 40 ms at 10 % is followed by 360 ms of other
// work).
qint64 pauseAfterStep(bool more, qint64 stepMicros, int busyPercent, qint64 intervalMs);

} // namespace Retention
