#pragma once

#include "JobResults.h"
#include "Outcome.h"
#include "Txn.h"
#include "store/ScheduleRecord.h"

#include <optional>

// A schedule's fields as a request gives them (the API layer checked shapes, the cron and the
// time zone). Unset fields keep their value; on creation, the defaults of ScheduleRecord.
// `cron` and `everyMs` replace each other.
struct ScheduleChange
{
    std::optional<QString> type;
    std::optional<QString> cron;
    std::optional<qint64> everyMs;
    std::optional<QString> timezone;
    std::optional<QString> tenantId;
    std::optional<QByteArray> variables;
    std::optional<QByteArray> customHeaders;
    std::optional<int> priority;
    std::optional<int> retries;
    std::optional<qint64> timeoutMs;
    std::optional<bool> paused;
};

// The schedule rules, inside the engine's transaction. A schedule of a tenant the caller may
// not see does not exist for it.
namespace ScheduleCommands {

Outcome<ScheduleRecord> create(Txn &txn, const ApiKey &caller, const QString &name,
                               const ScheduleChange &change);
Outcome<ScheduleRecord> update(Txn &txn, const ApiKey &caller, const QString &name,
                               const ScheduleChange &change);
Outcome<ScheduleRecord> remove(Txn &txn, const ApiKey &caller, const QString &name);
// Pausing clears next_run_at; resuming sets it to the next time after now (paused time is not
// made up for).
Outcome<ScheduleRecord> setPaused(Txn &txn, const ApiKey &caller, const QString &name, bool paused);
// One job now, as a firing would create it; the schedule's times stay as they are.
Outcome<JobsCreated> runNow(Txn &txn, const ApiKey &caller, const QString &name);

// Engine housekeeping: each due schedule creates one job (for its latest due time, however
// many passed while the engine was down) and moves to its next time, in this transaction.
// Returns how many fired; at most `limit`.
int fireDue(Txn &txn, int limit);

} // namespace ScheduleCommands
