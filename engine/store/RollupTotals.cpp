#include "RollupTotals.h"

#include "ListSchema.h"

#include <cmath>

void RollupTotals::add(const RollupCell &c)
{
    jobs += c.jobs;
    if (c.state == JobState::Completed) {
        completed += c.jobs;
        completedTimed += c.timedJobs;
        completedMsSum += c.processingMsSum;
    } else if (c.state == JobState::Cancelled) {
        cancelled += c.jobs;
    } else {
        failed += c.jobs;
    }
    timedJobs += c.timedJobs;
    processingMsSum += c.processingMsSum;
    queueMsSum += c.queueMsSum;
    if (c.bucket >= 0) {
        buckets[c.bucket].jobs += c.timedJobs;
        buckets[c.bucket].msSum += c.processingMsSum;
    }
}

double RollupTotals::successRate() const
{
    return jobs ? std::round(10000.0 * double(completed) / double(jobs)) / 100.0 : 0;
}

qint64 RollupTotals::percentile(double p) const
{
    qint64 total = 0;
    for (const Bucket &b : buckets)
        total += b.jobs;
    if (!total)
        return 0;
    const double rank = p * double(total);
    double seen = 0;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const double n = double(it->jobs);
        if (n > 0 && seen + n >= rank) {
            const int b = qBound(0, it.key(), ListSchema::kBucketCount - 1);
            const double low = b ? double(ListSchema::kBucketUpperMs[b - 1]) : 0.0;
            const double high = double(ListSchema::kBucketUpperMs[b]);
            const double mean = qBound(low, double(it->msSum) / n, high);
            const double spread = qMin(mean - low, high - mean);
            return qint64(mean - spread + 2.0 * spread * (rank - seen) / n + 0.5);
        }
        seen += n;
    }
    return 0;
}
