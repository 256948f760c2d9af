#pragma once

#include "core/JobState.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// Reads the per-minute rollup of finished jobs (job_rollup, kept by triggers) for a time window:
// a range scan of the window's minutes, never of the jobs table.
struct RollupFilter
{
    qint64 fromMinute = 0; // epoch minutes, inclusive
    QString type;
    QString worker;
    QString tenantId;
    QStringList visibleTenants; // empty = every tenant
};

struct RollupCell
{
    QString type;
    QString worker;
    JobState state = JobState::Completed;
    int bucket = -1; // ListSchema::kBucketUpperMs index; -1 = never activated
    qint64 jobs = 0;
    qint64 timedJobs = 0;
    qint64 processingMsSum = 0;
    qint64 queueMsSum = 0;
};

class StatsQuery
{
public:
    explicit StatsQuery(QSqlDatabase db) : m_db(std::move(db)) {}

    // The window's finished jobs grouped by type, worker, outcome and time bucket.
    QList<RollupCell> cells(const RollupFilter &filter);
    // Jobs finished in the busiest minute of the window.
    qint64 peakMinuteJobs(const RollupFilter &filter);

private:
    QSqlDatabase m_db;
};
