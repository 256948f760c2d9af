#include "JobCommands.h"

#include "core/Backoff.h"
#include "core/Clock.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"
#include "core/Progress.h"

using JsonText::compact;

namespace JobCommands {
namespace {

QJsonObject message(const QString &text)
{
    return QJsonObject{{QStringLiteral("message"), text}};
}

// The job named by a key, as the caller may see it: another tenant's job does not exist.
std::optional<JobRecord> visibleJob(Txn &txn, const ApiKey &caller, const QString &key)
{
    std::optional<JobRecord> job = txn.store().findJobByKey(key);
    if (job && !caller.seesTenant(job->tenantId))
        return std::nullopt;
    return job;
}

// A refusal for the job's state. A CREATED job says whether its lock had expired (the worker's
// answer came too late), which only its history knows.
JobError wrongState(Txn &txn, const JobRecord &job, JobError::Action action)
{
    JobError e;
    e.kind = JobError::Kind::WrongState;
    e.action = action;
    e.subject = job.key;
    e.state = job.state;
    e.worker = job.worker;
    if (job.state == JobState::Created) {
        const QList<JobEvent> events = txn.store().events(job.id);
        e.timedOut = !events.isEmpty() && events.last().action == QLatin1String("JOB_TIMED_OUT");
    }
    return e;
}

// A worker's answer (complete, fail, throw) is taken only while the job is ACTIVE, and, when the
// worker names itself, only from the worker that holds the lock now: a worker whose lock
// expired cannot answer for the one that holds the job since.
std::optional<JobError> checkHolder(Txn &txn, const JobRecord &job, JobError::Action action,
                                    const QString &expectedWorker)
{
    if (job.state != JobState::Active)
        return wrongState(txn, job, action);
    if (!expectedWorker.isEmpty() && expectedWorker != job.worker) {
        JobError e = wrongState(txn, job, action);
        e.kind = JobError::Kind::LockHeldByOther;
        e.expectedWorker = expectedWorker;
        return e;
    }
    return std::nullopt;
}

JobRecord buildJob(Txn &txn, const CreateSpec &spec)
{
    JobRecord job;
    job.id = txn.keys().nextId(txn.now());
    job.key = txn.keys().jobKey(job.id);
    job.type = spec.type;
    job.tenantId = spec.tenantId;
    job.priority = spec.priority;
    job.retries = job.originalRetries = spec.retries;
    job.timeoutMs = spec.timeoutMs;
    job.maxRetryDelayMs = spec.maxRetryDelayMs;
    job.variables = spec.variablesJson.isEmpty() ? compact(spec.variables) : spec.variablesJson;
    job.customHeaders =
        spec.customHeadersJson.isEmpty() ? compact(spec.customHeaders) : spec.customHeadersJson;
    if (!spec.processContext.isEmpty())
        job.processContext = compact(spec.processContext);
    if (!spec.nextJobs.isEmpty())
        job.nextJobs = compact(spec.nextJobs);
    if (!spec.errorHandlers.isEmpty())
        job.errorHandlers = compact(spec.errorHandlers);
    job.parentKey = spec.parentKey;
    job.createdAt = job.updatedAt = txn.now();
    const qint64 runAt = spec.runAt ? spec.runAt : (spec.delayMs ? txn.now() + spec.delayMs : 0);
    if (runAt > txn.now()) {
        job.state = JobState::Scheduled;
        job.runAt = job.dueAt = runAt;
    }
    return job;
}

JobRecord insertNew(Txn &txn, const CreateSpec &spec)
{
    const JobRecord job = buildJob(txn, spec);
    txn.store().insertJob(job);
    static const QByteArray created = compact(message(QStringLiteral("Job created")));
    txn.record(
        job, QStringLiteral("JOB_CREATED"), {}, 0, {},
        !spec.scheduleName.isEmpty()
            ? compact(message(QStringLiteral("Created by schedule %1").arg(spec.scheduleName)))
        : spec.parentKey.isEmpty()
            ? created
            : compact(message(QStringLiteral("Follow-up job of %1").arg(spec.parentKey))));
    if (job.state == JobState::Scheduled) {
        txn.record(job, QStringLiteral("JOB_SCHEDULED"), {}, 0, {},
                   compact(QJsonObject{{QStringLiteral("run_at"), Clock::toIso(job.runAt)}}));
        txn.wakeAt(job.runAt);
    } else {
        txn.activatable(job.type);
    }
    return job;
}

// Follow-up jobs of a finished job: same tenant and process context, the given variables.
QList<JobRecord> createFollowUps(Txn &txn, const JobRecord &parent, const QJsonArray &specs,
                                 const QJsonObject &variables)
{
    QList<JobRecord> created;
    for (const QJsonValue &value : specs) {
        const QJsonObject s = value.toObject();
        CreateSpec spec;
        spec.type = s.value(QStringLiteral("type")).toString();
        spec.variables = variables;
        const QJsonObject extra = s.value(QStringLiteral("variables")).toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            spec.variables.insert(it.key(), it.value());
        spec.customHeaders = s.value(QStringLiteral("custom_headers")).toObject();
        spec.priority = s.value(QStringLiteral("priority")).toInt(parent.priority);
        spec.retries = s.value(QStringLiteral("retries")).toInt(parent.originalRetries);
        spec.timeoutMs = parent.timeoutMs;
        spec.maxRetryDelayMs = parent.maxRetryDelayMs;
        spec.tenantId = parent.tenantId;
        spec.processContext = JsonText::object(parent.processContext);
        spec.parentKey = parent.key;
        created.append(insertNew(txn, spec));
    }
    return created;
}

QJsonArray keysOf(const QList<JobRecord> &jobs)
{
    QJsonArray keys;
    for (const JobRecord &job : jobs)
        keys.append(job.key);
    return keys;
}

IncidentRecord openIncident(Txn &txn, JobRecord &job, const QString &type)
{
    IncidentRecord incident;
    incident.id = txn.keys().nextId(txn.now());
    incident.key = txn.keys().incidentKey(incident.id);
    incident.jobId = job.id;
    incident.jobKey = job.key;
    incident.jobType = job.type;
    incident.tenantId = job.tenantId;
    incident.type = type;
    incident.status = QStringLiteral("OPEN");
    incident.errorMessage = job.errorMessage;
    incident.errorCode = job.errorCode;
    incident.createdAt = txn.now();
    txn.store().insertIncident(incident);
    job.incidentKey = incident.key;
    txn.record(job, QStringLiteral("INCIDENT_CREATED"), {}, 0, {},
               compact(QJsonObject{{QStringLiteral("incident_id"), incident.key},
                                   {QStringLiteral("incident_type"), type}}));
    return incident;
}

QJsonObject mergeVariables(QJsonObject merged, const QJsonObject &update)
{
    for (auto it = update.begin(); it != update.end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    return merged;
}

} // namespace

Outcome<JobsCreated> create(Txn &txn, const CreateSpec &spec)
{
    return JobsCreated{{insertNew(txn, spec)}};
}

Outcome<JobsCreated> createBatch(Txn &txn, const QList<CreateSpec> &specs)
{
    JobsCreated created;
    created.jobs.reserve(specs.size());
    for (const CreateSpec &spec : specs)
        created.jobs.append(insertNew(txn, spec));
    return created;
}

Outcome<JobCompleted> complete(Txn &txn, const ApiKey &caller, const QString &key,
                               const QJsonObject &variables, qint64 receivedAt,
                               const QString &expectedWorker)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    JobRecord &job = *found;
    if (auto refused = checkHolder(txn, job, JobError::Action::Complete, expectedWorker))
        return *refused;

    JobCompleted done;
    const QJsonObject before = JsonText::object(job.variables);
    // The values the result replaced or removed, kept in the history: with them the job's
    // input can be told from its merged variables (the console's Replay starts from it).
    QJsonObject replaced;
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        if (it.value().isNull()) {
            if (before.contains(it.key())) {
                done.removed.append(it.key());
                replaced.insert(it.key(), before.value(it.key()));
            }
        } else if (!before.contains(it.key())) {
            done.added.append(it.key());
        } else if (before.value(it.key()) != it.value()) {
            done.modified.append(it.key());
            replaced.insert(it.key(), before.value(it.key()));
        }
    }
    const QJsonObject merged = mergeVariables(before, variables); // parsed once
    JobStates::moveTo(job, JobState::Completed, txn.now());
    job.variables = compact(merged);
    job.resultVariables = compact(variables);
    job.finishedAt = txn.now();
    job.finishedBy = job.worker;
    done.totalMs = job.finishedAt - job.activatedAt;
    done.processingMs = qBound<qint64>(0, receivedAt - job.activatedAt, done.totalMs);
    done.resultVariables = variables;

    done.followUps = createFollowUps(txn, job, JsonText::array(job.nextJobs), merged);
    txn.store().updateJob(job);
    QJsonObject completed{{QStringLiteral("message"), QStringLiteral("Job completed successfully")},
                          {QStringLiteral("result_summary"),
                           QJsonObject{{QStringLiteral("variables_added"), done.added.size()},
                                       {QStringLiteral("variables_modified"), done.modified.size()},
                                       {QStringLiteral("processing_time_ms"), done.processingMs}}},
                          {QStringLiteral("follow_up_jobs"), keysOf(done.followUps)}};
    if (!replaced.isEmpty())
        completed.insert(QStringLiteral("replaced_variables"), replaced);
    txn.record(job, QStringLiteral("JOB_COMPLETED"), job.worker, job.attempt, {},
               compact(completed));
    txn.finished(job.id);
    done.job = std::move(job);
    return done;
}

Outcome<JobFailed> fail(Txn &txn, const ApiKey &caller, const QString &key, const FailSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    JobRecord &job = *found;
    if (auto refused = checkHolder(txn, job, JobError::Action::Fail, spec.worker))
        return *refused;
    if (spec.retries < 0 || spec.retries > job.retries) {
        JobError e = JobError::of(JobError::Kind::InvalidRetryCount, job.key);
        e.requested = spec.retries;
        e.currentRetries = job.retries;
        return e;
    }

    JobFailed failed;
    failed.worker = job.worker;
    failed.failedAt = txn.now();
    job.retries = spec.retries;
    job.errorMessage =
        spec.errorMessage.isEmpty() ? QStringLiteral("Job failed") : spec.errorMessage;
    if (!spec.variables.isEmpty())
        job.variables = compact(mergeVariables(JsonText::object(job.variables), spec.variables));

    if (spec.retries > 0) {
        failed.backoffMs =
            spec.backoffMs.value_or(Backoff::exponentialMs(job.attempt, job.maxRetryDelayMs));
        failed.fixedBackoff = spec.backoffMs.has_value();
        JobStates::moveTo(job, JobState::FailedRetryable, txn.now());
        job.dueAt = txn.now() + failed.backoffMs;
        job.deadline = 0;
        txn.store().updateJob(job);
        txn.record(job, QStringLiteral("JOB_FAILED_RETRY"), failed.worker, job.attempt,
                   job.errorMessage,
                   compact(QJsonObject{{QStringLiteral("backoff_ms"), failed.backoffMs},
                                       {QStringLiteral("backoff_type"),
                                        failed.fixedBackoff ? QStringLiteral("FIXED")
                                                            : QStringLiteral("EXPONENTIAL")},
                                       {QStringLiteral("next_retry_at"), Clock::toIso(job.dueAt)},
                                       {QStringLiteral("retries_left"), job.retries}}));
        txn.wakeAt(job.dueAt);
    } else {
        JobStates::moveTo(job, JobState::Failed, txn.now());
        job.finishedAt = txn.now();
        job.deadline = 0;
        txn.record(job, QStringLiteral("JOB_FAILED_FINAL"), failed.worker, job.attempt,
                   job.errorMessage, compact(message(QStringLiteral("No retries left"))));
        failed.incident = openIncident(txn, job, QStringLiteral("JOB_FAILURE"));
        txn.store().updateJob(job);
        txn.finished(job.id);
    }
    failed.events = txn.store().events(job.id);
    failed.job = std::move(job);
    return failed;
}

Outcome<JobErrorThrown> throwError(Txn &txn, const ApiKey &caller, const QString &key,
                                   const ThrowSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    JobRecord &job = *found;
    if (auto refused = checkHolder(txn, job, JobError::Action::Throw, spec.worker))
        return *refused;

    JobErrorThrown thrown;
    const QJsonObject handlers = JsonText::object(job.errorHandlers);
    thrown.matchedHandler = handlers.contains(spec.errorCode)        ? spec.errorCode
                            : handlers.contains(QStringLiteral("*")) ? QStringLiteral("*")
                                                                     : QString();
    thrown.errorCode = spec.errorCode;
    thrown.errorMessage = spec.errorMessage;
    thrown.variables = spec.variables;
    JobStates::moveTo(job, JobState::ErrorThrown, txn.now());
    job.errorCode = spec.errorCode;
    job.errorMessage = spec.errorMessage;
    job.finishedAt = txn.now();
    job.finishedBy = job.worker;
    job.deadline = 0;
    const QJsonObject merged = mergeVariables(JsonText::object(job.variables), spec.variables);
    job.variables = compact(merged);

    const bool handled = !thrown.matchedHandler.isEmpty();
    if (handled) {
        QJsonObject errorVariables = merged;
        errorVariables.insert(QStringLiteral("error_code"), spec.errorCode);
        errorVariables.insert(QStringLiteral("error_message"), spec.errorMessage);
        thrown.followUps = createFollowUps(
            txn, job, QJsonArray{handlers.value(thrown.matchedHandler)}, errorVariables);
    }
    txn.record(job, QStringLiteral("JOB_ERROR_THROWN"), job.worker, job.attempt, spec.errorMessage,
               compact(QJsonObject{{QStringLiteral("error_code"), spec.errorCode},
                                   {QStringLiteral("error_handled"), handled},
                                   {QStringLiteral("follow_up_jobs"), keysOf(thrown.followUps)}}));
    if (!handled)
        thrown.incident = openIncident(txn, job, QStringLiteral("UNHANDLED_ERROR"));
    txn.store().updateJob(job);
    txn.finished(job.id);
    thrown.job = std::move(job);
    return thrown;
}

Outcome<JobCancelled> cancel(Txn &txn, const ApiKey &caller, const QString &key,
                             const QString &reason)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    JobRecord &job = *found;
    if (!JobStates::canCancel(job.state))
        return wrongState(txn, job, JobError::Action::Cancel);
    const bool wasActive = job.state == JobState::Active;
    JobStates::moveTo(job, JobState::Cancelled, txn.now());
    job.finishedAt = txn.now();
    job.finishedBy = caller.name;
    job.cancelReason = reason;
    job.deadline = 0;
    job.dueAt = 0;
    txn.store().updateJob(job);
    txn.record(job, QStringLiteral("JOB_CANCELLED"), wasActive ? job.worker : QString(), 0, {},
               compact(QJsonObject{{QStringLiteral("message"),
                                    reason.isEmpty() ? QStringLiteral("Job cancelled") : reason},
                                   {QStringLiteral("cancelled_by"), caller.name}}));
    txn.finished(job.id);
    return JobCancelled{std::move(job), wasActive};
}

Outcome<JobDeleted> remove(Txn &txn, const ApiKey &caller, const QString &key)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    if (!JobStates::canDelete(found->state))
        return wrongState(txn, *found, JobError::Action::Delete);
    txn.store().deleteJob(found->id);
    txn.finished(found->id);
    return JobDeleted{std::move(*found)};
}

Outcome<ProgressReported> progress(Txn &txn, const ApiKey &caller, const QString &key,
                                   const ProgressSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    JobRecord &job = *found;
    if (job.state != JobState::Active)
        return wrongState(txn, job, JobError::Action::Progress);
    const QJsonObject previous = JsonText::object(job.progress);
    const qint64 lastLogged = previous.value(QStringLiteral("logged_at")).toInteger();
    // History gets at most one JOB_PROGRESS entry per 10 s per job: progress is coalesced.
    const bool log = !lastLogged || txn.now() - lastLogged >= 10'000 ||
                     (spec.total > 0 && spec.processed >= spec.total);
    job.progress =
        compact(QJsonObject{{QStringLiteral("total"), spec.total},
                            {QStringLiteral("processed"), spec.processed},
                            {QStringLiteral("succeeded"), spec.succeeded},
                            {QStringLiteral("failed"), spec.failed},
                            {QStringLiteral("message"), spec.message},
                            {QStringLiteral("reported_at"), Clock::toIso(txn.now())},
                            {QStringLiteral("logged_at"), log ? txn.now() : lastLogged}});
    job.updatedAt = txn.now();
    if (spec.extendDeadline) {
        job.deadline = txn.now() + job.timeoutMs;
        txn.wakeAt(job.deadline);
    }
    txn.store().updateJob(job);
    if (log)
        txn.record(job, QStringLiteral("JOB_PROGRESS"), job.worker, job.attempt, {},
                   compact(QJsonObject{{QStringLiteral("message"), spec.message},
                                       {QStringLiteral("progress_percentage"),
                                        Progress::percentage(spec.total, spec.processed)},
                                       {QStringLiteral("processed_rows"), spec.processed}}));
    return ProgressReported{std::move(job), txn.now()};
}

Outcome<JobRecord> status(JobStore &store, const ApiKey &caller, const QString &key)
{
    std::optional<JobRecord> job = store.findJobByKey(key);
    if (!job || !caller.seesTenant(job->tenantId))
        return JobError::jobNotFound(key);
    return std::move(*job);
}

} // namespace JobCommands
