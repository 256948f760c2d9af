#pragma once

#include "core/JobState.h"

#include <QByteArray>
#include <QString>

#include <optional>

// One row of the jobs table. JSON columns stay as compact JSON text until a view needs them.
// Timestamps are epoch milliseconds; 0 means "not set" (NULL in the store).
struct JobRecord
{
    qint64 id = 0;
    QString key;
    QString type;
    JobState state = JobState::Created;
    QString tenantId;
    int priority = 0;
    int retries = 0;
    int originalRetries = 0;
    qint64 timeoutMs = 0;
    qint64 maxRetryDelayMs = 60'000;
    QByteArray variables = QByteArrayLiteral("{}");
    QByteArray customHeaders = QByteArrayLiteral("{}");
    QByteArray resultVariables; // set on completion
    QByteArray processContext;  // optional object
    QByteArray nextJobs;        // optional array of follow-up job specs
    QByteArray errorHandlers;   // optional object: error code -> follow-up job spec
    QByteArray progress;        // last progress report
    QString worker;             // the worker holding it, or the last one that did
    int maxJobsForWorker = 0;   // max_jobs of the activation that handed it out
    int attempt = 0;            // activations so far
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 activatedAt = 0;
    qint64 deadline = 0;
    qint64 dueAt = 0;      // run_at (SCHEDULED) or next_retry_at (FAILED_RETRYABLE)
    qint64 runAt = 0;      // as asked at creation
    qint64 finishedAt = 0; // completed / failed / error thrown / cancelled
    // When the last activation ended (completion, failure, error, lock timeout, cancel while
    // active); 0 while it runs or before the first one. With activatedAt: the last run's time.
    qint64 attemptEndedAt = 0;
    QString errorMessage;
    QString errorCode;
    QString incidentKey; // the open or last incident
    QString cancelReason;
    QString finishedBy; // completed_by / thrown_by / cancelled_by
    QString parentKey;  // the job whose completion or error created this one
};

// How long the job's last activation ran: to its end, or to `now` while it still runs; nothing
// before the first activation. A job cancelled while it waited after a lock timeout ran until
// the timeout, not until the cancel.
inline std::optional<qint64> lastRunMs(const JobRecord &job, qint64 now)
{
    if (!job.activatedAt)
        return std::nullopt;
    const qint64 end = job.attemptEndedAt              ? job.attemptEndedAt
                       : job.state == JobState::Active ? now
                                                       : job.finishedAt;
    if (!end || end < job.activatedAt)
        return std::nullopt;
    return end - job.activatedAt;
}

// One entry of a job's execution_history.
struct JobEvent
{
    qint64 at = 0;
    QString action;
    QString worker;
    int attempt = 0;
    QString error;
    QByteArray details; // JSON object text, or empty
};

struct IncidentRecord
{
    qint64 id = 0;
    QString key;
    qint64 jobId = 0;
    QString jobKey;
    QString jobType;
    QString tenantId;
    QString type;   // JOB_FAILURE, UNHANDLED_ERROR
    QString status; // OPEN, RESOLVED
    QString errorMessage;
    QString errorCode;
    qint64 createdAt = 0;
    qint64 resolvedAt = 0;
    QString resolvedBy;
};
