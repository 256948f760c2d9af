#pragma once

#include <cstddef>
#include <iterator>

// The migration behind lists, search and statistics: exact per (tenant, type, state) counters
// kept by triggers, a per-minute rollup of finished jobs, an FTS5 index for `q`, the process
// context as indexed columns, and the indexes of the list paths. Used by Schema's migrations.
namespace ListSchema {

const char *const *statements();
size_t count();

// Upper bounds (ms, exclusive) of the processing-time buckets of job_rollup.bucket; the last
// bucket is open-ended. Must match the CASE expression of the migration.
inline constexpr long long kBucketUpperMs[] = {
    1,    2,     5,     10,    20,     50,     100,    200,     500,     1000,    2000,
    5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000, 2000000, 5000000, 10000000};
inline constexpr int kBucketCount = int(std::size(kBucketUpperMs));

} // namespace ListSchema
