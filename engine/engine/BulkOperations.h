#pragma once

#include "Outcome.h"
#include "Txn.h"
#include "auth/ApiKey.h"
#include "store/BulkOperationRecord.h"

// The rules of bulk operations over a filter (POST /api/v1/bulk-operations, the console's "All
// matching"): start one, stop one, and one bounded step of its work. Each runs inside the
// engine's current transaction like every rule; BulkOperationRunner schedules the steps.
struct BulkSpec
{
    BulkAction action = BulkAction::Cancel;
    JobFilter filter;      // validated; visibleTenants: the caller's
    QByteArray filterText; // as given, answered as is
    int retries = 1;       // retry
    QString reason;        // cancel
    // Read by the caller in one snapshot of its read connection before it submits the start:
    // how many jobs matched, and the highest job id then (jobs created later are not touched).
    qint64 matched = 0;
    bool matchedExact = true;
    qint64 lastJobId = 0;
};

namespace BulkOperations {

// Also forgets finished operations beyond the newest `keep` (the store stays bounded).
Outcome<BulkOperationRecord> start(Txn &txn, const ApiKey &caller, const BulkSpec &spec, int keep);
// Stops a running operation (what was done stays done); a finished one is answered as it is.
Outcome<BulkOperationRecord> stop(Txn &txn, const ApiKey &caller, const QString &key);

struct Step
{
    bool more = false; // the operation is still running and has jobs left to look at
    int processed = 0; // jobs acted on (done or refused) in this step
};
// Applies the action to the next `limit` matching jobs, in id order, and records the progress.
Outcome<Step> step(Txn &txn, const QString &key, int limit);

// A key sees an operation when it sees every tenant the operation's starter saw.
bool visibleTo(const BulkOperationRecord &operation, const ApiKey &caller);
// A stored refusal as the rule gave it.
JobError errorOf(const BulkRefusalRecord &refusal);

} // namespace BulkOperations
