#pragma once

#include "JobFilter.h"

#include <QSqlDatabase>

// The job_counts table: exact numbers of jobs per (tenant, type, state), kept by triggers in the
// transaction of every change. Reading them costs the same at 10 jobs and at 10 million.
struct CounterCell
{
    QString tenantId;
    QString type;
    JobState state = JobState::Created;
    qint64 count = 0;
    qint64 durationMsSum = 0; // COMPLETED: sum of activation-to-completion times
};

struct CounterSummary
{
    qint64 total = 0;
    qint64 byState[8] = {};
    qint64 completedDurationMsSum = 0;

    void add(const CounterCell &cell);
    qint64 of(JobState state) const { return byState[int(state)]; }
};

class JobCounters
{
public:
    explicit JobCounters(QSqlDatabase db) : m_db(std::move(db)) {}

    // The non-empty cells matching the state, type and tenant filters and the caller's tenants.
    QList<CounterCell> cells(const JobFilter &filter);
    static CounterSummary summarize(const QList<CounterCell> &cells);

private:
    QSqlDatabase m_db;
};
