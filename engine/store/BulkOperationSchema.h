#pragma once

#include <iterator>

// Migration 10 (both stores, the same text): bulk operations over a filter, and the first
// refusals of each. `job_filter` is the validated filter the engine applies (BulkOperationStore
// writes and reads it), `filter_text` the filter as the client gave it, answered as is.
namespace BulkOperationSchema {

inline constexpr const char *kStatements[] = {
    R"(CREATE TABLE bulk_operations (
        operation_key TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        filter_text TEXT NOT NULL,
        job_filter TEXT NOT NULL,
        retries INTEGER NOT NULL,
        reason TEXT NOT NULL,
        tenants TEXT NOT NULL,
        node_id TEXT NOT NULL,
        status TEXT NOT NULL,
        last_job_id BIGINT NOT NULL,
        cursor_id BIGINT NOT NULL,
        matched BIGINT NOT NULL,
        matched_exact INTEGER NOT NULL,
        processed BIGINT NOT NULL,
        succeeded BIGINT NOT NULL,
        refused BIGINT NOT NULL,
        created_at BIGINT NOT NULL,
        created_by TEXT NOT NULL,
        finished_at BIGINT,
        stopped_by TEXT))",
    "CREATE INDEX bulk_operations_created ON bulk_operations(created_at)",
    R"(CREATE TABLE bulk_operation_refusals (
        operation_key TEXT NOT NULL,
        seq INTEGER NOT NULL,
        job_key TEXT NOT NULL,
        kind INTEGER NOT NULL,
        action INTEGER NOT NULL,
        state INTEGER,
        PRIMARY KEY (operation_key, seq)))",
};
inline constexpr std::size_t kCount = std::size(kStatements);

} // namespace BulkOperationSchema
