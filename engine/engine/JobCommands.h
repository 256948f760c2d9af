#pragma once

#include "JobResults.h"
#include "Outcome.h"
#include "Txn.h"

#include <vector>

// The job rules: every state change of a job happens in one of these functions, inside the
// engine's current transaction. The API layer has already checked shapes and ranges of the
// request; these check what needs the job (its state, its tenant, its retries) and answer a
// typed result or a JobError.

namespace JobCommands {

Outcome<JobsCreated> create(Txn &txn, const CreateSpec &spec);
Outcome<JobsCreated> createBatch(Txn &txn, const QList<CreateSpec> &specs);
// Activations in the order they came, each answered with what it would get asking alone after
// the ones before it. Consecutive requests for the same type and tenants share one claim of the
// jobs they may take together (the sum of their max_jobs): one read of the store, not one each.
// Once a claim for every tenant comes up short, later requests of that type get nothing without
// asking the store. Workers are not touched (Txn::touchWorker): the caller knows which to.
std::vector<JobsActivated> activateInTurn(Txn &txn,
                                          const std::vector<const ActivationSpec *> &specs);
Outcome<JobCompleted> complete(Txn &txn, const ApiKey &caller, const QString &key,
                               const QJsonObject &variables, qint64 receivedAt,
                               const QString &expectedWorker = {});
Outcome<JobFailed> fail(Txn &txn, const ApiKey &caller, const QString &key, const FailSpec &spec);
Outcome<JobErrorThrown> throwError(Txn &txn, const ApiKey &caller, const QString &key,
                                   const ThrowSpec &spec);
Outcome<JobCancelled> cancel(Txn &txn, const ApiKey &caller, const QString &key,
                             const QString &reason);
Outcome<JobDeleted> remove(Txn &txn, const ApiKey &caller, const QString &key);
Outcome<ProgressReported> progress(Txn &txn, const ApiKey &caller, const QString &key,
                                   const ProgressSpec &spec);
// A finished job runs again as a new job of the same type, tenant and settings, linked to the
// old one (parent_job_key; JOB_REPLAYED with follow_up_jobs on the old one).
Outcome<JobReplayed> replay(Txn &txn, const ApiKey &caller, const QString &key,
                            const ReplaySpec &spec, qint64 maxVariablesBytes);
// The light status of a job the caller may see (GET /jobs/:key/status, /await).
Outcome<JobRecord> status(JobStore &store, const ApiKey &caller, const QString &key);

// Engine housekeeping: locks past their deadline, retries and schedules that are due.
// Returns how many jobs moved; at most `limit` of each kind per call.
int releaseExpiredLocks(Txn &txn, int limit);
int promoteDueJobs(Txn &txn, int limit);

// Puts jobs that were activated for a client who left before the answer reached it back in
// the queue, as if their lock had expired.
void releaseUndelivered(Txn &txn, const QStringList &jobKeys, const QString &worker);

} // namespace JobCommands
