#pragma once

#include "JobRecord.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

// One attempt that did not succeed, from a job's history (failure_history[]).
struct FailureEntry
{
    int attempt = 0;
    qint64 at = 0;
    QString error;
    QString worker;
    std::optional<qint64> backoffMs;
    bool timedOut = false;
    bool finalAttempt = false; // JOB_FAILED_FINAL or JOB_ERROR_THROWN
};

// One activation of a job and how it ended, from the job's history (JobDetails::attempts).
struct AttemptEntry
{
    enum class Outcome { Running, Completed, Retried, Failed, ErrorThrown, TimedOut, Cancelled };
    int attempt = 0;
    QString worker;
    qint64 startedAt = 0;
    qint64 endedAt = 0; // 0 while it runs
    Outcome outcome = Outcome::Running;
    QString detail;                  // the error, or why and by whom it was cancelled
    std::optional<qint64> backoffMs; // before the next try, when it was retried

    // Run time: to the end, or to `now` while it runs.
    qint64 runMs(qint64 now) const { return (endedAt ? endedAt : now) - startedAt; }
};

// A worker's last progress report, with rate and ETA as of a moment.
struct ProgressFacts
{
    qint64 total = 0, processed = 0, succeeded = 0, failed = 0;
    QString message;
    QString reportedAt; // as the worker's report was stored (ISO 8601)
    double percentage = 0.0;
    qint64 remaining = 0;
    double rowsPerSecond = 0.0;
    std::optional<qint64> etaSeconds; // while ACTIVE and moving
};

enum class TimeoutRisk { Low, Medium, High, Critical };
QString timeoutRiskName(TimeoutRisk risk); // LOW, MEDIUM, HIGH, CRITICAL

// Everything a reader shows of one job (GET /jobs/:key, the console's detail panel): the record,
// its history and incident, the load of its worker, and the facts derived from them. Typed:
// engine/api renders it as JSON, the console reads it as it is.
struct JobDetails
{
    JobRecord job;
    QList<JobEvent> events;
    std::optional<IncidentRecord> incident;
    int workerLoad = 0; // ACTIVE jobs of the job's worker

    // The lock in force while ACTIVE (deadline - activated_at), otherwise the job's timeout.
    qint64 timeoutMs() const;
    // Attempts that failed, timed out or threw, in order.
    QList<FailureEntry> failures() const { return failuresOf(events); }
    // Every activation, in order, with how it ended (timed-out ones included).
    QList<AttemptEntry> attempts() const;
    // The variables the job ran with: a completed job's variables hold its result merged in;
    // this takes the result out again and puts back what it replaced (JOB_COMPLETED's
    // replaced_variables). Other jobs: their variables.
    QJsonObject inputVariables() const;
    // Jobs this one led to (follow-ups, replays), from its history.
    QStringList followUps() const;
    // FIXED or EXPONENTIAL: the backoff of the last retry.
    QString retryBackoff() const;
    std::optional<qint64> creationToActivationMs() const; // first activation
    // COMPLETED: activation to completion, and the worker's share of it.
    qint64 totalRunMs() const { return job.finishedAt - job.activatedAt; }
    qint64 processingMs() const;
    std::optional<ProgressFacts> progress(qint64 now) const { return progressOf(job, now); }
    TimeoutRisk timeoutRisk(qint64 now) const;

    static QList<FailureEntry> failuresOf(const QList<JobEvent> &events);
    // What an event says in words: its error, or the message of its details.
    static QString eventText(const JobEvent &event);
    static std::optional<ProgressFacts> progressOf(const JobRecord &job, qint64 now);
};
