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

// Migration 8 (both stores): per-type limits, and the log of activations that rate limits
// count (one row per claim, kept for one window).
namespace TypeLimitSchema {

inline constexpr const char *kStatements[] = {
    R"(CREATE TABLE job_type_limits (
        type TEXT PRIMARY KEY,
        max_active INTEGER,
        rate_limit INTEGER,
        rate_per_ms BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        updated_by TEXT NOT NULL))",
    R"(CREATE TABLE job_type_activations (
        type TEXT NOT NULL,
        at BIGINT NOT NULL,
        count INTEGER NOT NULL))",
    "CREATE INDEX job_type_activations_at ON job_type_activations(type, at)",
};
inline constexpr std::size_t kCount = std::size(kStatements);

} // namespace TypeLimitSchema
