#pragma once

#include <cstddef>
#include <iterator>

// The migration behind lists, search and statistics: exact per (tenant, type, state) counters
// kept by triggers, a per-minute rollup of finished jobs, an FTS5 index for `q`, the process
// context as indexed columns, and the indexes of the list paths. Used by Schema's migrations.
namespace ListSchema {

const char *const *statements();
size_t count();

// Migration 6 (SQLite): attempt_ended_at, back-filled, and the rollup's triggers timing a job's
// last run with it.
const char *const *runEndStatements();
size_t runEndCount();

// Migration 9 (SQLite): the search index's triggers queue changed jobs in search_pending
// instead of writing jobs_fts row by row; SearchQueue drains the queue.
const char *const *searchQueueStatements();
size_t searchQueueCount();
// The drain's statements (templates for JobColumns::expand): the queue's N-th job id (bound:
// the offset), the old text of indexed jobs out of the index, the current text of queued jobs
// still in the store into it, the queue emptied (each bound: the last job id of this drain).
extern const char kDrainBound[];
extern const char kDrainRemove[];
extern const char kDrainAdd[];
extern const char kDrainForget[];

// Both stores: a job's attempt_ended_at from its history, for the jobs that had a run before the
// column existed: the first event ending a run after its last activation (a job cancelled while
// it waited after a timeout: the timeout), else its finishing or its last change.
inline constexpr char kBackfillAttemptEnd[] =
    "UPDATE jobs SET attempt_ended_at = coalesce((SELECT e.at FROM job_events AS e "
    "WHERE e.job_id = jobs.id AND e.action IN ('JOB_COMPLETED', 'JOB_FAILED_RETRY', "
    "'JOB_FAILED_FINAL', 'JOB_ERROR_THROWN', 'JOB_TIMED_OUT', 'JOB_CANCELLED') "
    "AND e.id > coalesce((SELECT max(a.id) FROM job_events AS a WHERE a.job_id = jobs.id "
    "AND a.action = 'JOB_ACTIVATED'), 0) ORDER BY e.id LIMIT 1), finished_at, updated_at) "
    "WHERE activated_at IS NOT NULL AND state <> {ACTIVE}";

// Upper bounds (ms, exclusive) of the processing-time buckets of job_rollup.bucket; the last
// bucket is open-ended. Must match the CASE expression of the migration.
inline constexpr long long kBucketUpperMs[] = {
    1,    2,     5,     10,    20,     50,     100,    200,     500,     1000,    2000,
    5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000, 2000000, 5000000, 10000000};
inline constexpr int kBucketCount = int(std::size(kBucketUpperMs));

} // namespace ListSchema
