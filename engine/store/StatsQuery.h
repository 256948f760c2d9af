#pragma once

#include "core/JobState.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// Reads the per-minute rollup of finished jobs (job_rollup, kept by triggers) for a time window:
// a range scan of the window's minutes, never of the jobs table. Whole past hours are aggregated
// once and kept in a RollupHourCache, so that a 24 h window reads about two hours of minutes.
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
    QString tenantId;
    QString type;
    QString worker;
    JobState state = JobState::Completed;
    int bucket = -1; // ListSchema::kBucketUpperMs index; -1 = never activated
    qint64 jobs = 0;
    qint64 timedJobs = 0;
    qint64 processingMsSum = 0;
    qint64 queueMsSum = 0;
};

// Aggregates of whole past hours (they no longer change: jobs finish "now"), per connection.
class RollupHourCache
{
public:
    static constexpr int kHours = 48;
    const QList<RollupCell> *find(qint64 hour) const;
    void insert(qint64 hour, QList<RollupCell> cells);

private:
    QHash<qint64, QList<RollupCell>> m_hours;
};

class StatsQuery
{
public:
    StatsQuery(QSqlDatabase db, RollupHourCache *cache) : m_db(std::move(db)), m_cache(cache) {}

    // The window's finished jobs, by tenant, type, worker, outcome and time bucket (a key may
    // occur more than once: callers sum).
    QList<RollupCell> cells(const RollupFilter &filter, qint64 nowMinute);
    // Jobs finished in the busiest minute of the window.
    qint64 peakMinuteJobs(const RollupFilter &filter);
    // The cells of the minutes [fromMinute, toMinute) (filter.fromMinute is not used), straight
    // from the table: for short ranges such as one minute of a chart.
    QList<RollupCell> readRange(const RollupFilter &filter, qint64 fromMinute, qint64 toMinute);

private:
    QSqlDatabase m_db;
    RollupHourCache *m_cache;
};
