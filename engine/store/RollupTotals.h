#pragma once

#include "StatsQuery.h"

#include <QMap>

// Totals of job_rollup cells (StatsQuery): outcomes, timings and the processing-time histogram,
// with the percentile GET /api/v1/jobs/stats reports. Pure arithmetic over the cells.
struct RollupTotals
{
    qint64 jobs = 0;
    qint64 completed = 0;
    qint64 failed = 0; // FAILED, ERROR_THROWN
    qint64 cancelled = 0;
    qint64 timedJobs = 0;
    qint64 processingMsSum = 0;
    qint64 completedTimed = 0;
    qint64 completedMsSum = 0;
    qint64 queueMsSum = 0;
    struct Bucket
    {
        qint64 jobs = 0;
        qint64 msSum = 0;
    };
    QMap<int, Bucket> buckets; // processing-time histogram (ListSchema::kBucketUpperMs)

    void add(const RollupCell &cell);
    // Percent of finished jobs that completed (0 when none finished), two decimals.
    double successRate() const;
    // The p-th percentile (0..1) of processing time, in ms, from the histogram: inside its
    // bucket the jobs are taken as spread evenly around the bucket's mean (kept exactly).
    qint64 percentile(double p) const;

    static qint64 average(qint64 sum, qint64 n)
    {
        return n ? qint64(double(sum) / double(n) + 0.5) : 0;
    }
};
