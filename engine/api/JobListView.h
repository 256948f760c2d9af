#pragma once

#include "store/JobCounters.h"
#include "store/JobRecord.h"

#include <QJsonObject>

// How a job looks in GET /api/v1/jobs (the list shape of the seeds), and the summary block of
// the list and of the stats. Pure functions of records and counters.
namespace JobListView {

// Key fields, timing, retries, variables, headers, and by state the execution summary or the
// error, failure history and incident. `events`: JobReads::eventsForEntry.
QJsonObject entry(const JobRecord &job, const QList<JobEvent> &events);

// total_jobs, active_jobs (not terminal), completed_jobs, failed_jobs (FAILED, ERROR_THROWN),
// cancelled_jobs, success_rate_percent (of terminal jobs), avg_duration_seconds (COMPLETED,
// activation to completion), by_status.
QJsonObject summary(const CounterSummary &counts);

double rounded(double value, int decimals = 2);

} // namespace JobListView
