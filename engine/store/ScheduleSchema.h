#pragma once

#include <iterator>

// Migration 7 (both stores, the same text: BIGINT is an integer column to SQLite): recurring
// schedules. The partial index finds the next due one without reading the paused ones.
namespace ScheduleSchema {

inline constexpr const char *kStatements[] = {
    R"(CREATE TABLE schedules (
        name TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        cron TEXT,
        every_ms BIGINT,
        timezone TEXT NOT NULL,
        anchor_at BIGINT NOT NULL,
        variables TEXT NOT NULL,
        custom_headers TEXT NOT NULL,
        priority INTEGER NOT NULL,
        retries INTEGER NOT NULL,
        timeout_ms BIGINT NOT NULL,
        paused INTEGER NOT NULL,
        next_run_at BIGINT,
        last_run_at BIGINT,
        last_job_key TEXT,
        created_at BIGINT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at BIGINT NOT NULL))",
    "CREATE INDEX schedules_due ON schedules(next_run_at) WHERE paused = 0",
};
inline constexpr std::size_t kCount = std::size(kStatements);

} // namespace ScheduleSchema
