#pragma once

#include "Retention.h"
#include "store/JobCounters.h"
#include "store/RollupTotals.h"
#include "store/StatsQuery.h"
#include "store/StoreFootprint.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

// What the console's dashboard shows (GET /api/v1/dashboard), read in one snapshot: counts per
// state (job_counts), the finished jobs of each of the last kMinutes minutes (job_rollup), queue
// depth per type and the p95 processing time of the window: the numbers GET /api/v1/jobs/stats
// computes, from the same classes; the open incidents; for an admin, the store's size and
// oldest finished job, and the retention in force (the whole store's, not one tenant's).
struct DashboardSnapshot
{
    static constexpr int kMinutes = 15;

    qint64 generatedAt = 0; // ms
    CounterSummary counts;
    struct Minute
    {
        qint64 minute = 0; // epoch minutes
        qint64 completed = 0;
        qint64 failed = 0; // FAILED, ERROR_THROWN
        qint64 cancelled = 0;
        double failureRate() const // percent of completed + failed
        {
            return completed + failed ? 100.0 * double(failed) / double(completed + failed) : 0;
        }
    };
    QList<Minute> minutes; // kMinutes entries, oldest first; the last is the current minute
    struct Depth
    {
        QString type;
        qint64 waiting = 0, scheduled = 0, retrying = 0, active = 0;
        qint64 total() const { return waiting + scheduled + retrying + active; }
    };
    QList<Depth> depth;  // types with unfinished jobs, by name
    RollupTotals window; // every job finished in the kMinutes minutes
    qint64 p95ProcessingMs = 0;
    qint64 openIncidents = 0;
    // Unset unless asked (an admin's read): they tell of every tenant's jobs.
    std::optional<StoreFootprint> store;
    std::optional<RetentionPolicy> retention; // the store's, or the server's [retention] settings
};

namespace Dashboard {

// `tenants`: the caller's (empty = every tenant): counts, rollup and incidents are theirs.
// `hours` caches past hours of the rollup per read connection. `defaults`: the server's
// retention settings; with them the store's footprint and retention are read, without them
// (a caller that is not an admin) they stay unset. Throws StoreError.
DashboardSnapshot read(QSqlDatabase db, RollupHourCache *hours, qint64 nowMs,
                       const std::optional<RetentionPolicy> &defaults,
                       const QStringList &tenants = {});

} // namespace Dashboard
