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
// computes, from the same classes; the open incidents; the store's size and oldest finished
// job (for a caller of every tenant, as GET /metrics), and the retention in force (an admin's,
// as GET /settings/retention).
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
    // Unset unless asked: they tell of the whole store.
    std::optional<StoreFootprint> store;
    std::optional<RetentionPolicy> retention; // the store's, or the server's [retention] settings
};

namespace Dashboard {

// `tenants`: the caller's (empty = every tenant): counts, rollup and incidents are theirs, and
// only with every tenant is the store's footprint read. `retentionDefaults`: the server's
// retention settings, to read the policy in force; none: it stays unset (a caller that is not
// an admin). `hours` caches past hours of the rollup per read connection. Throws StoreError.
DashboardSnapshot read(QSqlDatabase db, RollupHourCache *hours, qint64 nowMs,
                       const std::optional<RetentionPolicy> &retentionDefaults,
                       const QStringList &tenants = {});

} // namespace Dashboard
