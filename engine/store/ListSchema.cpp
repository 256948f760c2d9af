#include "ListSchema.h"

namespace ListSchema {
namespace {

// Not clang-formatted: it cannot lay out string literals joined with macros readably.
// clang-format off

// The processing time of a finished job (activation to END: the end of its last run, or its
// finishing for the rows of migration 3), its bucket in the histogram of kBucketUpperMs (-1:
// never activated), and its queue time (creation to activation).
#define PROCESSING_MS(r, END) "(" r "." END " - " r ".activated_at)"
#define BUCKET_BELOW(r, END, bound, bucket) \
    "WHEN " PROCESSING_MS(r, END) " < " #bound " THEN " #bucket " "
#define BUCKET(r, END)                                                                             \
    "CASE WHEN " r ".activated_at IS NULL OR " r "." END " IS NULL THEN -1 "                       \
    BUCKET_BELOW(r, END, 1, 0) BUCKET_BELOW(r, END, 2, 1) BUCKET_BELOW(r, END, 5, 2)               \
    BUCKET_BELOW(r, END, 10, 3) BUCKET_BELOW(r, END, 20, 4) BUCKET_BELOW(r, END, 50, 5)            \
    BUCKET_BELOW(r, END, 100, 6) BUCKET_BELOW(r, END, 200, 7) BUCKET_BELOW(r, END, 500, 8)         \
    BUCKET_BELOW(r, END, 1000, 9) BUCKET_BELOW(r, END, 2000, 10) BUCKET_BELOW(r, END, 5000, 11)    \
    BUCKET_BELOW(r, END, 10000, 12) BUCKET_BELOW(r, END, 20000, 13)                                \
    BUCKET_BELOW(r, END, 50000, 14) BUCKET_BELOW(r, END, 100000, 15)                               \
    BUCKET_BELOW(r, END, 200000, 16) BUCKET_BELOW(r, END, 500000, 17)                              \
    BUCKET_BELOW(r, END, 1000000, 18) BUCKET_BELOW(r, END, 2000000, 19)                            \
    BUCKET_BELOW(r, END, 5000000, 20) "ELSE 21 END"
#define TIMED(r, END) r ".activated_at IS NOT NULL AND " r "." END " IS NOT NULL"
// Time a COMPLETED job took, for avg_duration_seconds of the counters (a completion ends the
// job's last run, so finished_at is that run's end).
#define DURATION(r)                                                                                \
    "(CASE WHEN " r ".state = {COMPLETED} AND " TIMED(r, "finished_at") " THEN "                   \
    PROCESSING_MS(r, "finished_at") " ELSE 0 END)"

#define COUNT_UP(r)                                                                                \
    "INSERT INTO job_counts (tenant_id, type, state, count, duration_ms_sum) VALUES (" r           \
    ".tenant_id, " r ".type, " r ".state, 1, " DURATION(r) ") ON CONFLICT (tenant_id, type, "      \
    "state) DO UPDATE SET count = count + 1, duration_ms_sum = duration_ms_sum + "                 \
    "excluded.duration_ms_sum;"
#define COUNT_DOWN(r)                                                                              \
    "UPDATE job_counts SET count = count - 1, duration_ms_sum = duration_ms_sum - " DURATION(r)    \
    " WHERE tenant_id = " r ".tenant_id AND type = " r ".type AND state = " r ".state;"

#define ROLLUP(r, END)                                                                             \
    "INSERT INTO job_rollup (minute, tenant_id, type, worker, state, bucket, jobs, "               \
    "timed_jobs, processing_ms_sum, queue_ms_sum) VALUES (ifnull(" r ".finished_at, " r           \
    ".updated_at) / 60000, " r ".tenant_id, " r ".type, ifnull(" r ".worker, ''), " r              \
    ".state, " BUCKET(r, END) ", 1, CASE WHEN " TIMED(r, END) " THEN 1 ELSE 0 END, "               \
    "CASE WHEN " TIMED(r, END) " THEN " PROCESSING_MS(r, END) " ELSE 0 END, "                      \
    "CASE WHEN " r ".activated_at IS NOT NULL THEN " r ".activated_at - " r ".created_at "         \
    "ELSE 0 END) ON CONFLICT (minute, tenant_id, type, worker, state, bucket) DO UPDATE SET "      \
    "jobs = jobs + 1, timed_jobs = timed_jobs + excluded.timed_jobs, "                             \
    "processing_ms_sum = processing_ms_sum + excluded.processing_ms_sum, "                         \
    "queue_ms_sum = queue_ms_sum + excluded.queue_ms_sum;"
// The rollup's two triggers, the processing time running to END.
#define ROLLUP_TRIGGERS(END)                                                                       \
    "CREATE TRIGGER jobs_rollup_update AFTER UPDATE OF state ON jobs WHEN new.state >= "           \
    "{COMPLETED} AND old.state IS NOT new.state BEGIN " ROLLUP("new", END) " END",                 \
    /* Only stores written by a generator insert finished jobs. */                                 \
    "CREATE TRIGGER jobs_rollup_insert AFTER INSERT ON jobs WHEN new.state >= {COMPLETED} "        \
    "BEGIN " ROLLUP("new", END) " END"

// The text of a job in the full-text index. The worker is indexed once the job is finished
// (activation, the most frequent change, then costs no re-indexing); the values must be
// computable from a row alone, as a contentless table's 'delete' needs the indexed values.
#define FTS_COLUMNS "job_key, type, worker, error_message, variables, result_variables"
#define FTS_VALUES(r)                                                                              \
    r ".job_key, " r ".type, CASE WHEN " r ".state >= {COMPLETED} THEN " r ".worker END, " r       \
      ".error_message, " r ".variables, " r ".result_variables"
#define FTS_ADD(r)                                                                                 \
    "INSERT INTO jobs_fts (rowid, " FTS_COLUMNS ") VALUES (" r ".id, " FTS_VALUES(r) ");"
#define FTS_REMOVE(r)                                                                              \
    "INSERT INTO jobs_fts (jobs_fts, rowid, " FTS_COLUMNS ") VALUES ('delete', " r                 \
    ".id, " FTS_VALUES(r) ");"

const char *const kStatements[] = {
    // Exact counts per (tenant, type, state), kept in the transaction of every change, so that
    // summaries, stats and queue depths never count rows of the jobs table.
    R"(CREATE TABLE job_counts (
        tenant_id TEXT NOT NULL,
        type TEXT NOT NULL,
        state INTEGER NOT NULL,
        count INTEGER NOT NULL,
        duration_ms_sum INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, type, state)) WITHOUT ROWID)",
    "INSERT INTO job_counts (tenant_id, type, state, count, duration_ms_sum) SELECT tenant_id, "
    "type, state, COUNT(*), SUM(" DURATION("jobs") ") FROM jobs GROUP BY tenant_id, type, state",
    "CREATE TRIGGER jobs_count_insert AFTER INSERT ON jobs BEGIN " COUNT_UP("new") " END",
    "CREATE TRIGGER jobs_count_delete AFTER DELETE ON jobs BEGIN " COUNT_DOWN("old") " END",
    "CREATE TRIGGER jobs_count_update AFTER UPDATE OF state, type, tenant_id ON jobs WHEN "
    "old.state IS NOT new.state OR old.type IS NOT new.type OR old.tenant_id IS NOT "
    "new.tenant_id BEGIN " COUNT_DOWN("old") " " COUNT_UP("new") " END",

    // Jobs reaching a terminal state, per minute, tenant, type, worker, outcome and processing
    // time bucket: the time-window figures of GET /jobs/stats read a few thousand of these
    // rows instead of the jobs themselves. History: deleting a job later does not remove it.
    R"(CREATE TABLE job_rollup (
        minute INTEGER NOT NULL,
        tenant_id TEXT NOT NULL,
        type TEXT NOT NULL,
        worker TEXT NOT NULL,
        state INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        jobs INTEGER NOT NULL,
        timed_jobs INTEGER NOT NULL,
        processing_ms_sum INTEGER NOT NULL,
        queue_ms_sum INTEGER NOT NULL,
        PRIMARY KEY (minute, tenant_id, type, worker, state, bucket)) WITHOUT ROWID)",
    "INSERT INTO job_rollup SELECT ifnull(finished_at, updated_at) / 60000 AS m, tenant_id, "
    "type, ifnull(worker, '') AS w, state, " BUCKET("jobs", "finished_at") " AS b, COUNT(*), "
    "SUM(CASE WHEN " TIMED("jobs", "finished_at") " THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN " TIMED("jobs", "finished_at") " THEN " PROCESSING_MS("jobs", "finished_at")
    " ELSE 0 END), SUM(CASE WHEN activated_at IS NOT NULL THEN activated_at - created_at "
    "ELSE 0 END) FROM jobs WHERE state >= {COMPLETED} GROUP BY m, tenant_id, type, w, state, b",
    ROLLUP_TRIGGERS("finished_at"),

    // Full-text search (q) over key, type, worker, error, variables and result variables: a
    // contentless FTS5 index (the text stays in jobs only; detail=none: `q` needs neither phrases
    // nor columns, and it is the cheapest to write). A job is re-indexed only when its indexed
    // text changes: on creation, on completion / final failure, and when variables or errors
    // change, never on activation.
    "CREATE VIRTUAL TABLE jobs_fts USING fts5(" FTS_COLUMNS ", content='', detail='none')",
    "INSERT INTO jobs_fts (rowid, " FTS_COLUMNS ") SELECT id, " FTS_VALUES("jobs") " FROM jobs",
    "CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN " FTS_ADD("new") " END",
    "CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN " FTS_REMOVE("old") " END",
    "CREATE TRIGGER jobs_fts_update AFTER UPDATE OF state, worker, error_message, variables, "
    "result_variables ON jobs WHEN old.variables IS NOT new.variables OR old.error_message IS "
    "NOT new.error_message OR old.result_variables IS NOT new.result_variables OR (old.state >= "
    "{COMPLETED}"
    ") <> (new.state >= {COMPLETED}) OR (new.state >= {COMPLETED} AND old.worker IS NOT "
    "new.worker) BEGIN " FTS_REMOVE("old") " " FTS_ADD("new") " END",

    // Filters on the process context, as indexed virtual columns.
    "ALTER TABLE jobs ADD COLUMN process_instance_id TEXT GENERATED ALWAYS AS "
    "(CAST(json_extract(process_context, '$.process_instance_id') AS TEXT)) VIRTUAL",
    "ALTER TABLE jobs ADD COLUMN element_id TEXT GENERATED ALWAYS AS "
    "(CAST(json_extract(process_context, '$.element_id') AS TEXT)) VIRTUAL",
    "CREATE INDEX jobs_process_instance ON jobs(process_instance_id) WHERE process_instance_id "
    "IS NOT NULL",
    "CREATE INDEX jobs_element ON jobs(element_id) WHERE element_id IS NOT NULL",

    // List paths: a (state, type, tenant) cell in creation order (the id is time-ordered), and
    // updated_at for "what changed last". created_at order is the primary key's. activated_at,
    // deadline and priority have no index of their own: each would be rewritten on every
    // update of a job (measured: about a fifth of the lifecycle's CPU for the three); their
    // pages sort the matching cells in memory when the counters say they are few.
    "CREATE INDEX jobs_cell ON jobs(state, type, tenant_id)",
    "CREATE INDEX jobs_sort_updated ON jobs(updated_at)",
};

// Migration 6: the rollup times a job's last run (activation to attempt_ended_at), not
// activation to finishing: a job cancelled while it waited after a lock timeout ran until the
// timeout. The counters keep finished_at: they time COMPLETED jobs only.
const char *const kRunEndStatements[] = {
    "ALTER TABLE jobs ADD COLUMN attempt_ended_at INTEGER",
    kBackfillAttemptEnd,
    "DROP TRIGGER jobs_rollup_update",
    "DROP TRIGGER jobs_rollup_insert",
    ROLLUP_TRIGGERS("attempt_ended_at"),
};

// Migration 9: the search index is fed once per transaction, not by a trigger per row. FTS5
// writes its pending terms out at every statement savepoint of a transaction it takes part in,
// so per-row triggers cost a small segment per statement (about a fifth of the lifecycle's
// CPU); now the triggers only queue the job (with the text the index holds for it, which a
// contentless index needs to delete it) and SearchQueue::drain indexes the queue in three
// statements. A job changed twice before a drain is indexed once, with its latest text.
#define QUEUE_INDEXED(r)                                                                           \
    "INSERT INTO search_pending (job_id, indexed, " FTS_COLUMNS ") VALUES (" r ".id, 1, "           \
    FTS_VALUES(r) ") ON CONFLICT (job_id) DO NOTHING;"
const char *const kSearchQueueStatements[] = {
    // One row per job whose indexed text changed since the last drain. indexed = 1: the index
    // holds the job with the text of this row (the first change since it was indexed keeps the
    // row: later ones find it there).
    R"(CREATE TABLE search_pending (
        job_id INTEGER PRIMARY KEY,
        indexed INTEGER NOT NULL,
        job_key TEXT,
        type TEXT,
        worker TEXT,
        error_message TEXT,
        variables TEXT,
        result_variables TEXT))",
    "DROP TRIGGER jobs_fts_insert",
    "DROP TRIGGER jobs_fts_update",
    "DROP TRIGGER jobs_fts_delete",
    "CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN INSERT INTO search_pending "
    "(job_id, indexed) VALUES (new.id, 0) ON CONFLICT (job_id) DO NOTHING; END",
    "CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN " QUEUE_INDEXED("old") " END",
    "CREATE TRIGGER jobs_search_update AFTER UPDATE OF state, worker, error_message, variables, "
    "result_variables ON jobs WHEN old.variables IS NOT new.variables OR old.error_message IS "
    "NOT new.error_message OR old.result_variables IS NOT new.result_variables OR (old.state >= "
    "{COMPLETED}) <> (new.state >= {COMPLETED}) OR (new.state >= {COMPLETED} AND old.worker IS "
    "NOT new.worker) BEGIN " QUEUE_INDEXED("old") " END",
};
#undef QUEUE_INDEXED
// clang-format on

} // namespace

const char *const *statements()
{
    return kStatements;
}

size_t count()
{
    return std::size(kStatements);
}

const char *const *runEndStatements()
{
    return kRunEndStatements;
}

size_t runEndCount()
{
    return std::size(kRunEndStatements);
}

const char *const *searchQueueStatements()
{
    return kSearchQueueStatements;
}

size_t searchQueueCount()
{
    return std::size(kSearchQueueStatements);
}

// clang-format off
const char kDrainBound[] = "SELECT job_id FROM search_pending ORDER BY job_id LIMIT 1 OFFSET ?";
const char kDrainRemove[] =
    "INSERT INTO jobs_fts (jobs_fts, rowid, " FTS_COLUMNS ") SELECT 'delete', job_id, "
    FTS_COLUMNS " FROM search_pending WHERE indexed = 1 AND job_id <= ?";
const char kDrainAdd[] =
    "INSERT INTO jobs_fts (rowid, " FTS_COLUMNS ") SELECT j.id, " FTS_VALUES("j") " FROM "
    "search_pending AS p CROSS JOIN jobs AS j ON j.id = p.job_id WHERE p.job_id <= ?";
const char kDrainForget[] = "DELETE FROM search_pending WHERE job_id <= ?";
// clang-format on

} // namespace ListSchema
