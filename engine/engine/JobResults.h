#pragma once

#include "JobSpecs.h"
#include "store/JobRecord.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

// What each rule of JobCommands and OperatorCommands answers when it succeeds: the records it
// wrote and the facts of the change, never wire JSON. engine/api renders them (JobAnswers).

// POST /jobs, /jobs/batch (with or without Idempotency-Key), a replay's new job.
struct JobsCreated
{
    QList<JobRecord> jobs;
    bool replayed = false; // an Idempotency-Key's earlier jobs, not created now
};

// An activation's jobs (possibly none), as the request asked for them.
struct JobsActivated
{
    ActivationSpec spec;
    QList<JobRecord> jobs;
};

struct JobCompleted
{
    JobRecord job;
    qint64 totalMs = 0;      // activation to completion
    qint64 processingMs = 0; // activation to the worker's request
    QStringList added, modified, removed;
    QJsonObject resultVariables;
    QList<JobRecord> followUps;
};

struct JobFailed
{
    JobRecord job;
    QString worker; // the worker that failed it
    qint64 failedAt = 0;
    qint64 backoffMs = 0; // FAILED_RETRYABLE: until the retry
    bool fixedBackoff = false;
    std::optional<IncidentRecord> incident; // FAILED: the incident it opened
    QList<JobEvent> events;                 // the job's history, for failure_history
};

struct JobErrorThrown
{
    JobRecord job;
    QString errorCode, errorMessage;
    QJsonObject variables;  // sent with the error
    QString matchedHandler; // the error_handlers entry that matched ("*" or the code), or empty
    QList<JobRecord> followUps;
    std::optional<IncidentRecord> incident; // unhandled: the incident it opened
};

struct JobCancelled
{
    JobRecord job;
    bool wasActive = false;
};

struct JobDeleted
{
    JobRecord job;
};

struct ProgressReported
{
    JobRecord job;
    qint64 at = 0;
};

struct IncidentResolved
{
    IncidentRecord incident;
    JobRecord job;
};

struct JobPatched
{
    JobRecord job;
    QStringList updatedFields; // "priority", "timeout", "retries" in the order applied
    std::optional<IncidentRecord> resolved;
};

// One bounded step of a bulk delete.
struct BulkStep
{
    int deleted = 0;
    qint64 lastId = 0; // where the next step starts
    bool done = false;
};

// A job type's pause after pause/resume.
struct TypePause
{
    QString type;
    bool paused = false;
    qint64 pausedAt = 0;
    QString pausedBy, reason;
    qint64 resumedAt = 0; // set when this request resumed it
    QString resumedBy;
};

struct KeyCreated
{
    ApiKey key;
    QByteArray clearKey;
    qint64 createdAt = 0;
};

struct KeyDeleted
{
    QString name;
};

struct JobReplayed
{
    JobRecord job; // the new job
    QString of;    // the old job's key
};
