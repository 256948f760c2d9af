#include "JobCommands.h"

#include "JobView.h"
#include "core/Backoff.h"
#include "core/Clock.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"

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

// Why a job that is not ACTIVE cannot take a worker's answer.
QString whyNotActive(Txn &txn, const JobRecord &job)
{
    switch (job.state) {
    case JobState::Cancelled:
        return QStringLiteral("Job was cancelled before completion");
    case JobState::Completed:
        return QStringLiteral("Job is already completed");
    case JobState::Failed:
        return QStringLiteral("Job has already failed and has an open incident");
    case JobState::ErrorThrown:
        return QStringLiteral("An error was already thrown for this job");
    case JobState::FailedRetryable:
        return QStringLiteral("Job already failed and waits for its retry");
    case JobState::Scheduled:
        return QStringLiteral("Job is scheduled and has not been activated yet");
    case JobState::Created: {
        const QList<JobEvent> events = txn.store().events(job.id);
        if (!events.isEmpty() && events.last().action == QLatin1String("JOB_TIMED_OUT"))
            return QStringLiteral("The job's deadline passed and it went back to the queue");
        return QStringLiteral("Job is waiting for a worker and is not activated");
    }
    case JobState::Active:
        break;
    }
    return {};
}

ApiError notActive(Txn &txn, const JobRecord &job, const QString &code, const QString &verb)
{
    return ApiError::conflict(
        code, QStringLiteral("Job cannot be %1 in current state").arg(verb),
        QJsonObject{{QStringLiteral("job_key"), job.key},
                    {QStringLiteral("current_status"), JobStates::name(job.state)},
                    {QStringLiteral("worker_id"),
                     job.worker.isEmpty() ? QJsonValue() : QJsonValue(job.worker)},
                    {QStringLiteral("reason"), whyNotActive(txn, job)}});
}

// A worker's answer (complete, fail, throw) is taken only while the job is ACTIVE, and, when the
// worker names itself, only from the worker that holds the lock now: a worker whose lock
// expired cannot answer for the one that holds the job since.
std::optional<ApiError> checkHolder(Txn &txn, const JobRecord &job, const QString &code,
                                    const QString &verb, const QString &expectedWorker)
{
    if (job.state != JobState::Active)
        return notActive(txn, job, code, verb);
    if (!expectedWorker.isEmpty() && expectedWorker != job.worker)
        return ApiError::conflict(
            code, QStringLiteral("Job cannot be %1 by this worker").arg(verb),
            QJsonObject{{QStringLiteral("job_key"), job.key},
                        {QStringLiteral("current_status"), JobStates::name(job.state)},
                        {QStringLiteral("worker_id"), job.worker},
                        {QStringLiteral("reason"),
                         QStringLiteral("The job's lock passed to worker %1 after %2's "
                                        "deadline")
                             .arg(job.worker, expectedWorker)}});
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
    txn.record(job, QStringLiteral("JOB_CREATED"), {}, 0, {},
               spec.parentKey.isEmpty()
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
QJsonArray createFollowUps(Txn &txn, const JobRecord &parent, const QJsonArray &specs,
                           const QJsonObject &variables)
{
    QJsonArray created;
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
        const JobRecord child = insertNew(txn, spec);
        created.append(QJsonObject{{QStringLiteral("job_key"), child.key},
                                   {QStringLiteral("type"), child.type},
                                   {QStringLiteral("status"), JobStates::name(child.state)}});
    }
    return created;
}

QJsonArray keysOf(const QJsonArray &created)
{
    QJsonArray keys;
    for (const QJsonValue &v : created)
        keys.append(v.toObject().value(QStringLiteral("job_key")));
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

QJsonObject incidentCreated(const IncidentRecord &incident)
{
    return QJsonObject{{QStringLiteral("incident_id"), incident.key},
                       {QStringLiteral("type"), incident.type},
                       {QStringLiteral("status"), incident.status},
                       {QStringLiteral("created_at"), Clock::toIso(incident.createdAt)}};
}

QJsonObject mergeVariables(const QByteArray &stored, const QJsonObject &update)
{
    QJsonObject merged = JsonText::object(stored);
    for (auto it = update.begin(); it != update.end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    return merged;
}

QJsonObject continuation(const JobRecord &job, const QJsonArray &nextActivities)
{
    const QJsonObject context = JsonText::object(job.processContext);
    return QJsonObject{{QStringLiteral("process_instance_id"),
                        context.value(QStringLiteral("process_instance_id"))},
                       {QStringLiteral("element_id"), context.value(QStringLiteral("element_id"))},
                       {QStringLiteral("token_id"), context.value(QStringLiteral("token_id"))},
                       {QStringLiteral("next_activities"), nextActivities}};
}

} // namespace

ApiResult create(Txn &txn, const CreateSpec &spec)
{
    return ApiResult::later([job = insertNew(txn, spec)] { return JobView::created(job); }, 201);
}

ApiResult createBatch(Txn &txn, const QList<CreateSpec> &specs)
{
    QList<JobRecord> jobs;
    jobs.reserve(specs.size());
    for (const CreateSpec &spec : specs)
        jobs.append(insertNew(txn, spec));
    return ApiResult::later(
        [jobs] {
            QJsonArray out;
            for (const JobRecord &job : jobs)
                out.append(JobView::created(job));
            return QJsonObject{{QStringLiteral("jobs"), out},
                               {QStringLiteral("created_count"), out.size()}};
        },
        201);
}

ApiResult complete(Txn &txn, const ApiKey &caller, const QString &key, const QJsonObject &variables,
                   qint64 receivedAt, const QString &expectedWorker)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    JobRecord &job = *found;
    if (const auto refused = checkHolder(txn, job, QStringLiteral("JOB_NOT_COMPLETABLE"),
                                         QStringLiteral("completed"), expectedWorker))
        return ApiResult::fail(*refused);

    const QJsonObject before = JsonText::object(job.variables);
    QJsonArray added, modified, removed;
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        if (it.value().isNull()) {
            if (before.contains(it.key()))
                removed.append(it.key());
        } else if (!before.contains(it.key())) {
            added.append(it.key());
        } else if (before.value(it.key()) != it.value()) {
            modified.append(it.key());
        }
    }
    const QJsonObject merged = mergeVariables(job.variables, variables);
    JobStates::moveTo(job, JobState::Completed, txn.now());
    job.variables = compact(merged);
    job.resultVariables = compact(variables);
    job.finishedAt = txn.now();
    job.finishedBy = job.worker;
    const qint64 total = job.finishedAt - job.activatedAt;
    const qint64 processing = qBound<qint64>(0, receivedAt - job.activatedAt, total);

    const QJsonArray followUps = createFollowUps(txn, job, JsonText::array(job.nextJobs), merged);
    txn.store().updateJob(job);
    txn.record(job, QStringLiteral("JOB_COMPLETED"), job.worker, job.attempt, {},
               compact(QJsonObject{
                   {QStringLiteral("message"), QStringLiteral("Job completed successfully")},
                   {QStringLiteral("result_summary"),
                    QJsonObject{{QStringLiteral("variables_added"), added.size()},
                                {QStringLiteral("variables_modified"), modified.size()},
                                {QStringLiteral("processing_time_ms"), processing}}},
                   {QStringLiteral("follow_up_jobs"), keysOf(followUps)}}));
    txn.finished(job.id);

    return ApiResult::later(
        [job, total, processing, added, modified, removed, variables, followUps] {
            QJsonObject data{
                {QStringLiteral("job_key"), job.key},
                {QStringLiteral("status"), JobStates::name(job.state)},
                {QStringLiteral("completed_at"), Clock::toIso(job.finishedAt)},
                {QStringLiteral("completed_by"), job.finishedBy},
                {QStringLiteral("execution_summary"),
                 QJsonObject{{QStringLiteral("started_at"), Clock::toIso(job.activatedAt)},
                             {QStringLiteral("total_duration_ms"), total},
                             {QStringLiteral("processing_time_ms"), processing},
                             {QStringLiteral("system_overhead_ms"), total - processing},
                             {QStringLiteral("retries_used"), job.originalRetries - job.retries}}},
                {QStringLiteral("variables_updated"),
                 QJsonObject{{QStringLiteral("added"), added},
                             {QStringLiteral("modified"), modified},
                             {QStringLiteral("removed"), removed}}},
                {QStringLiteral("result_variables"), variables},
            };
            if (!job.processContext.isEmpty() || !followUps.isEmpty())
                data.insert(QStringLiteral("process_continuation"), continuation(job, followUps));
            return data;
        });
}

ApiResult fail(Txn &txn, const ApiKey &caller, const QString &key, const FailSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    JobRecord &job = *found;
    if (const auto refused = checkHolder(txn, job, QStringLiteral("JOB_NOT_FAILABLE"),
                                         QStringLiteral("failed"), spec.worker))
        return ApiResult::fail(*refused);
    if (spec.retries < 0 || spec.retries > job.retries)
        return ApiResult::fail(ApiError{
            400, QStringLiteral("INVALID_RETRY_COUNT"),
            QStringLiteral("retries must be between 0 and the job's current retries"),
            QJsonObject{{QStringLiteral("provided_retries"), spec.retries},
                        {QStringLiteral("valid_range"), QStringLiteral("0-%1").arg(job.retries)},
                        {QStringLiteral("current_retries"), job.retries}}});

    job.retries = spec.retries;
    job.errorMessage =
        spec.errorMessage.isEmpty() ? QStringLiteral("Job failed") : spec.errorMessage;
    if (!spec.variables.isEmpty())
        job.variables = compact(mergeVariables(job.variables, spec.variables));
    const QString worker = job.worker;
    QJsonObject data{{QStringLiteral("job_key"), job.key},
                     {QStringLiteral("retries"), job.retries},
                     {QStringLiteral("attempt_number"), job.attempt},
                     {QStringLiteral("error_message"), job.errorMessage},
                     {QStringLiteral("failed_at"), Clock::toIso(txn.now())},
                     {QStringLiteral("worker_id"), worker}};

    if (spec.retries > 0) {
        const qint64 backoff =
            spec.backoffMs.value_or(Backoff::exponentialMs(job.attempt, job.maxRetryDelayMs));
        const QString backoffType =
            spec.backoffMs ? QStringLiteral("FIXED") : QStringLiteral("EXPONENTIAL");
        JobStates::moveTo(job, JobState::FailedRetryable, txn.now());
        job.dueAt = txn.now() + backoff;
        job.deadline = 0;
        txn.store().updateJob(job);
        txn.record(job, QStringLiteral("JOB_FAILED_RETRY"), worker, job.attempt, job.errorMessage,
                   compact(QJsonObject{{QStringLiteral("backoff_ms"), backoff},
                                       {QStringLiteral("backoff_type"), backoffType},
                                       {QStringLiteral("next_retry_at"), Clock::toIso(job.dueAt)},
                                       {QStringLiteral("retries_left"), job.retries}}));
        txn.wakeAt(job.dueAt);
        data.insert(QStringLiteral("retry_strategy"),
                    QJsonObject{{QStringLiteral("backoff_duration"), IsoDuration::fromMs(backoff)},
                                {QStringLiteral("backoff_ms"), backoff},
                                {QStringLiteral("backoff_type"), backoffType},
                                {QStringLiteral("next_retry_at"), Clock::toIso(job.dueAt)}});
    } else {
        JobStates::moveTo(job, JobState::Failed, txn.now());
        job.finishedAt = txn.now();
        job.deadline = 0;
        txn.record(job, QStringLiteral("JOB_FAILED_FINAL"), worker, job.attempt, job.errorMessage,
                   compact(message(QStringLiteral("No retries left"))));
        const IncidentRecord incident = openIncident(txn, job, QStringLiteral("JOB_FAILURE"));
        txn.store().updateJob(job);
        txn.finished(job.id);
        data.insert(QStringLiteral("incident_created"), incidentCreated(incident));
    }
    const QList<JobEvent> events = txn.store().events(job.id);
    const QJsonArray history = JobView::failureHistory(events);
    data.insert(QStringLiteral("status"), JobStates::name(job.state));
    data.insert(QStringLiteral("failure_history"), history);
    if (job.state == JobState::Failed)
        data.insert(QStringLiteral("total_attempts"), history.size());
    return ApiResult::ok(data);
}

ApiResult throwError(Txn &txn, const ApiKey &caller, const QString &key, const ThrowSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    JobRecord &job = *found;
    if (const auto refused = checkHolder(txn, job, QStringLiteral("JOB_NOT_FAILABLE"),
                                         QStringLiteral("failed with an error"), spec.worker))
        return ApiResult::fail(*refused);

    const QJsonObject handlers = JsonText::object(job.errorHandlers);
    const QString matched = handlers.contains(spec.errorCode)        ? spec.errorCode
                            : handlers.contains(QStringLiteral("*")) ? QStringLiteral("*")
                                                                     : QString();
    JobStates::moveTo(job, JobState::ErrorThrown, txn.now());
    job.errorCode = spec.errorCode;
    job.errorMessage = spec.errorMessage;
    job.finishedAt = txn.now();
    job.finishedBy = job.worker;
    job.deadline = 0;
    const QJsonObject merged = mergeVariables(job.variables, spec.variables);
    job.variables = compact(merged);

    QJsonObject data{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("error_thrown_at"), Clock::toIso(job.finishedAt)},
        {QStringLiteral("thrown_by"), job.finishedBy},
        {QStringLiteral("error_details"),
         QJsonObject{{QStringLiteral("error_code"), spec.errorCode},
                     {QStringLiteral("error_message"), spec.errorMessage},
                     {QStringLiteral("variables"), spec.variables}}},
        {QStringLiteral("job_completion"),
         QJsonObject{{QStringLiteral("completed_with_error"), true},
                     {QStringLiteral("execution_duration_ms"), job.finishedAt - job.activatedAt}}},
    };
    QJsonArray followUps;
    if (!matched.isEmpty()) {
        QJsonObject errorVariables = merged;
        errorVariables.insert(QStringLiteral("error_code"), spec.errorCode);
        errorVariables.insert(QStringLiteral("error_message"), spec.errorMessage);
        followUps = createFollowUps(txn, job, QJsonArray{handlers.value(matched)}, errorVariables);
    }
    txn.record(job, QStringLiteral("JOB_ERROR_THROWN"), job.worker, job.attempt, spec.errorMessage,
               compact(QJsonObject{{QStringLiteral("error_code"), spec.errorCode},
                                   {QStringLiteral("error_handled"), !matched.isEmpty()},
                                   {QStringLiteral("follow_up_jobs"), keysOf(followUps)}}));
    QJsonObject cont = continuation(job, followUps);
    cont.insert(QStringLiteral("error_handled"), !matched.isEmpty());
    if (!matched.isEmpty()) {
        cont.insert(QStringLiteral("error_boundary_triggered"),
                    QJsonObject{{QStringLiteral("error_code_matched"), matched},
                                {QStringLiteral("triggered_at"), Clock::toIso(txn.now())}});
    } else {
        const IncidentRecord incident = openIncident(txn, job, QStringLiteral("UNHANDLED_ERROR"));
        data.insert(QStringLiteral("incident_created"), incidentCreated(incident));
    }
    data.insert(QStringLiteral("process_continuation"), cont);
    txn.store().updateJob(job);
    txn.finished(job.id);
    return ApiResult::ok(data);
}

ApiResult cancel(Txn &txn, const ApiKey &caller, const QString &key, const QString &reason)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    JobRecord &job = *found;
    if (!JobStates::canCancel(job.state))
        return ApiResult::fail(ApiError::conflict(
            QStringLiteral("JOB_NOT_CANCELLABLE"),
            QStringLiteral("Cannot cancel job with status '%1'. Only CREATED, SCHEDULED, "
                           "FAILED_RETRYABLE or ACTIVE jobs can be cancelled.")
                .arg(JobStates::name(job.state)),
            QJsonObject{{QStringLiteral("job_key"), job.key},
                        {QStringLiteral("current_status"), JobStates::name(job.state)}}));
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
    const QJsonObject cancelled{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("cancelled_at"), Clock::toIso(job.finishedAt)},
        {QStringLiteral("cancelled_by"), caller.name},
        {QStringLiteral("was_active"), wasActive},
        {QStringLiteral("worker_id"), wasActive ? QJsonValue(job.worker) : QJsonValue()},
        {QStringLiteral("cancellation_reason"),
         reason.isEmpty() ? QJsonValue() : QJsonValue(reason)}};
    QJsonObject data = cancelled;
    data.insert(QStringLiteral("message"),
                QStringLiteral("Job %1 cancelled successfully").arg(job.key));
    data.insert(QStringLiteral("cancelled_job"), cancelled);
    return ApiResult::ok(data);
}

ApiResult remove(Txn &txn, const ApiKey &caller, const QString &key)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    const JobRecord &job = *found;
    if (!JobStates::canDelete(job.state))
        return ApiResult::fail(ApiError::conflict(
            QStringLiteral("JOB_NOT_DELETABLE"),
            QStringLiteral("Cannot delete job that is currently active. Please cancel the job "
                           "first or wait for it to complete."),
            QJsonObject{{QStringLiteral("job_key"), job.key},
                        {QStringLiteral("current_status"), JobStates::name(job.state)},
                        {QStringLiteral("worker_id"), job.worker}}));
    txn.store().deleteJob(job.id);
    txn.finished(job.id);
    return ApiResult::ok(QJsonObject{
        {QStringLiteral("message"), QStringLiteral("Job %1 deleted successfully").arg(job.key)},
        {QStringLiteral("deleted_job"),
         QJsonObject{{QStringLiteral("job_key"), job.key},
                     {QStringLiteral("status"), JobStates::name(job.state)},
                     {QStringLiteral("type"), job.type}}}});
}

ApiResult progress(Txn &txn, const ApiKey &caller, const QString &key, const ProgressSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    JobRecord &job = *found;
    if (job.state != JobState::Active)
        return ApiResult::fail(notActive(txn, job, QStringLiteral("JOB_NOT_ACTIVE"),
                                         QStringLiteral("given progress")));
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
    const QJsonObject block = JobView::progress(job, txn.now());
    if (log)
        txn.record(job, QStringLiteral("JOB_PROGRESS"), job.worker, job.attempt, {},
                   compact(QJsonObject{{QStringLiteral("message"), spec.message},
                                       {QStringLiteral("progress_percentage"),
                                        block.value(QStringLiteral("progress_percentage"))},
                                       {QStringLiteral("processed_rows"), spec.processed}}));
    return ApiResult::ok(QJsonObject{{QStringLiteral("job_key"), job.key},
                                     {QStringLiteral("status"), JobStates::name(job.state)},
                                     {QStringLiteral("deadline"), Clock::toIso(job.deadline)},
                                     {QStringLiteral("progress"), block}});
}

} // namespace JobCommands
