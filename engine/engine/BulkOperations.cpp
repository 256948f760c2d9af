#include "BulkOperations.h"

#include "JobCommands.h"
#include "OperatorCommands.h"
#include "store/BulkOperationStore.h"
#include "store/JobCounters.h"
#include "store/JobQuery.h"

namespace BulkOperations {
namespace {

BulkOperationStore operations(Txn &txn)
{
    return BulkOperationStore(txn.store().database());
}

JobError notFound(const QString &key)
{
    return JobError::of(JobError::Kind::BulkOperationNotFound, key);
}

// The operation's starter, as the per-job rules see a caller: an admin of its tenants.
ApiKey starter(const BulkOperationRecord &operation)
{
    return ApiKey{operation.createdBy, {QStringLiteral("admin")}, operation.tenants};
}

// Retry: a FAILED or ERROR_THROWN job with its incident open goes back to CREATED with new
// retries and the incident resolved (PATCH retries does exactly that for such a job).
std::optional<JobError> retry(Txn &txn, const ApiKey &caller, const JobRecord &job, int retries)
{
    if (job.state != JobState::Failed && job.state != JobState::ErrorThrown) {
        JobError e = JobError::of(JobError::Kind::WrongState, job.key);
        e.action = JobError::Action::Retry;
        e.state = job.state;
        return e;
    }
    PatchSpec spec;
    spec.retries = retries;
    const Outcome<JobPatched> patched = OperatorCommands::patchJob(txn, caller, job.key, spec);
    return patched.ok() ? std::nullopt : std::optional<JobError>(patched.error());
}

std::optional<JobError> apply(Txn &txn, const BulkOperationRecord &operation, const JobRecord &job)
{
    const ApiKey caller = starter(operation);
    switch (operation.action) {
    case BulkAction::Cancel: {
        const auto done = JobCommands::cancel(txn, caller, job.key, operation.reason);
        return done.ok() ? std::nullopt : std::optional<JobError>(done.error());
    }
    case BulkAction::Delete: {
        const auto done = JobCommands::remove(txn, caller, job.key);
        return done.ok() ? std::nullopt : std::optional<JobError>(done.error());
    }
    case BulkAction::Retry:
        return retry(txn, caller, job, operation.retries);
    }
    return std::nullopt;
}

} // namespace

Outcome<BulkOperationRecord> start(Txn &txn, const ApiKey &caller, const BulkSpec &spec, int keep)
{
    BulkOperationRecord o;
    o.key = txn.keys().bulkOperationKey(txn.keys().nextId(txn.now()));
    o.action = spec.action;
    o.filterText = spec.filterText;
    o.filter = spec.filter;
    o.retries = spec.retries;
    o.reason = spec.reason;
    o.tenants = caller.tenants;
    o.nodeId = txn.keys().nodeId();
    o.lastJobId = spec.lastJobId;
    o.matched = spec.matched;
    o.matchedExact = spec.matchedExact;
    o.createdAt = txn.now();
    o.createdBy = caller.name;
    BulkOperationStore store = operations(txn);
    store.insert(o);
    store.pruneFinished(keep);
    return o;
}

Outcome<BulkOperationRecord> stop(Txn &txn, const ApiKey &caller, const QString &key)
{
    BulkOperationStore store = operations(txn);
    std::optional<BulkOperationRecord> o = store.find(key, true);
    if (!o || !visibleTo(*o, caller))
        return notFound(key);
    if (o->status == BulkStatus::Running) {
        o->status = BulkStatus::Cancelled;
        o->finishedAt = txn.now();
        o->stoppedBy = caller.name;
        store.updateProgress(*o);
    }
    return std::move(*o);
}

Outcome<Step> step(Txn &txn, const QString &key, int limit)
{
    BulkOperationStore store = operations(txn);
    std::optional<BulkOperationRecord> o = store.find(key, true);
    // Another node took it over (this one was thought gone): that node goes on with it.
    if (!o || o->status != BulkStatus::Running || o->nodeId != txn.keys().nodeId())
        return Step{};
    // Rows this transaction changed before (write-behind on PostgreSQL) count for the query.
    txn.store().flush();
    JobFilter filter = o->filter;
    filter.lastId = o->lastJobId;
    PageRequest page;
    page.sort = SortKey::CreatedAt; // id order: an action never moves a job in it
    page.descending = false;
    page.limit = limit;
    if (o->cursorId)
        page.after = SortPosition{o->cursorId, o->cursorId};
    QSqlDatabase db = txn.store().database();
    QList<JobQuery::Row> rows = JobQuery(db).page(filter, page, JobCounters(db).cells(filter));
    Step step;
    step.more = rows.size() > limit;
    if (step.more)
        rows.resize(limit);
    QList<qint64> ids;
    for (const JobQuery::Row &row : std::as_const(rows))
        ids.append(row.id);
    for (const JobRecord &job : txn.store().findJobs(ids)) {
        const std::optional<JobError> refusal = apply(txn, *o, job);
        if (refusal) {
            if (o->refused < BulkOperationRecord::kMaxRefusals)
                store.addRefusal(
                    o->key, o->refused,
                    {job.key,
                     int(refusal->kind),
                     int(refusal->action),
                     refusal->state ? std::optional<int>(int(*refusal->state)) : std::nullopt,
                     {}});
            ++o->refused;
        } else {
            ++o->succeeded;
        }
        ++o->processed;
        ++step.processed;
    }
    if (!rows.isEmpty())
        o->cursorId = rows.last().id;
    if (!step.more) {
        o->status = BulkStatus::Completed;
        o->finishedAt = txn.now();
    }
    store.updateProgress(*o);
    return step;
}

bool visibleTo(const BulkOperationRecord &operation, const ApiKey &caller)
{
    if (caller.seesAllTenants())
        return true;
    if (operation.tenants.isEmpty() || operation.tenants.contains(QStringLiteral("*")))
        return false;
    for (const QString &tenant : operation.tenants)
        if (!caller.seesTenant(tenant))
            return false;
    return true;
}

JobError errorOf(const BulkRefusalRecord &refusal)
{
    JobError e = JobError::of(JobError::Kind(refusal.kind), refusal.jobKey);
    e.action = JobError::Action(refusal.action);
    if (refusal.state)
        e.state = JobState(*refusal.state);
    return e;
}

} // namespace BulkOperations
