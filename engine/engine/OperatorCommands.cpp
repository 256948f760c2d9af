#include "OperatorCommands.h"

#include "JobView.h"
#include "core/Clock.h"
#include "core/JsonText.h"
#include "store/KeyStore.h"
#include "store/OperatorStore.h"

#include <QJsonArray>

using JsonText::compact;

bool BulkDeleteFilter::matches(JobState state, const QString &jobType, const QString &tenant,
                               qint64 createdAt) const
{
    if (state == JobState::Active)
        return false; // never: cancel it first
    if (!states.isEmpty() && !states.contains(state))
        return false;
    if (!type.isEmpty() && jobType != type)
        return false;
    if (!tenants.isEmpty() && !tenants.contains(tenant))
        return false;
    if (createdBefore && createdAt >= createdBefore)
        return false;
    if (createdAfter && createdAt <= createdAfter)
        return false;
    return true;
}

namespace OperatorCommands {
namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue timeOrNull(qint64 ms)
{
    return ms ? QJsonValue(Clock::toIso(ms)) : QJsonValue();
}

std::optional<JobRecord> visibleJob(Txn &txn, const ApiKey &caller, const QString &key)
{
    std::optional<JobRecord> job = txn.store().findJobByKey(key);
    if (job && !caller.seesTenant(job->tenantId))
        return std::nullopt;
    return job;
}

// An incident's job goes back to CREATED with new retries; the incident is resolved. Long polls
// held for the type get the job in this same transaction.
void reopen(Txn &txn, JobRecord &job, int retries, IncidentRecord &incident, const QString &by)
{
    JobStates::moveTo(job, JobState::Created, txn.now());
    job.retries = retries;
    job.finishedAt = 0;
    job.finishedBy.clear();
    job.deadline = 0;
    job.dueAt = 0;
    txn.store().updateJob(job);
    incident.status = QStringLiteral("RESOLVED");
    incident.resolvedAt = txn.now();
    incident.resolvedBy = by;
    txn.store().updateIncident(incident);
    txn.record(job, QStringLiteral("INCIDENT_RESOLVED"), {}, 0, {},
               compact(QJsonObject{{QStringLiteral("incident_id"), incident.key},
                                   {QStringLiteral("resolved_by"), by},
                                   {QStringLiteral("retries"), retries}}));
    txn.activatable(job.type);
}

QJsonObject jobBrief(const JobRecord &job)
{
    return QJsonObject{{QStringLiteral("job_key"), job.key},
                       {QStringLiteral("status"), JobStates::name(job.state)},
                       {QStringLiteral("retries"), job.retries}};
}

QJsonObject pauseView(const QString &type, const std::optional<OperatorStore::Pause> &pause)
{
    return QJsonObject{
        {QStringLiteral("type"), type},
        {QStringLiteral("paused"), pause.has_value()},
        {QStringLiteral("paused_at"), pause ? timeOrNull(pause->pausedAt) : QJsonValue()},
        {QStringLiteral("paused_by"), pause ? orNull(pause->pausedBy) : QJsonValue()},
        {QStringLiteral("reason"), pause ? orNull(pause->reason) : QJsonValue()},
    };
}

ApiError notUpdatable(const JobRecord &job, const QString &code, const QString &message)
{
    return ApiError::conflict(
        code, message,
        QJsonObject{{QStringLiteral("job_key"), job.key},
                    {QStringLiteral("current_status"), JobStates::name(job.state)}});
}

} // namespace

ApiError incidentNotFound(const QString &incidentKey)
{
    return {404, QStringLiteral("INCIDENT_NOT_FOUND"), QStringLiteral("Incident not found"),
            QJsonObject{{QStringLiteral("incident_id"), incidentKey}}};
}

ApiResult resolveIncident(Txn &txn, const ApiKey &caller, const QString &incidentKey, int retries)
{
    OperatorStore ops(txn.store().database());
    std::optional<OperatorStore::IncidentRow> row = ops.incident(incidentKey);
    if (!row || !caller.seesTenant(row->incident.tenantId))
        return ApiResult::fail(incidentNotFound(incidentKey));
    IncidentRecord &incident = row->incident;
    if (incident.status != QLatin1String("OPEN"))
        return ApiResult::fail(ApiError::conflict(
            QStringLiteral("INCIDENT_ALREADY_RESOLVED"),
            QStringLiteral("The incident is already resolved"),
            QJsonObject{{QStringLiteral("incident_id"), incident.key},
                        {QStringLiteral("current_status"), incident.status},
                        {QStringLiteral("resolved_by"), orNull(incident.resolvedBy)}}));
    std::optional<JobRecord> job = txn.store().findJob(incident.jobId);
    if (!job || !JobStates::canTransition(job->state, JobState::Created) ||
        !JobStates::isTerminal(job->state))
        return ApiResult::fail(notUpdatable(
            job.value_or(JobRecord{}), QStringLiteral("JOB_NOT_RETRYABLE"),
            QStringLiteral("The incident's job is not failed any more and cannot be retried")));
    reopen(txn, *job, retries, incident, caller.name);
    QJsonObject data = JobView::incident(incident);
    data.insert(QStringLiteral("process_context"),
                job->processContext.isEmpty() ? QJsonValue()
                                              : QJsonValue(JsonText::object(job->processContext)));
    data.insert(QStringLiteral("job"), jobBrief(*job));
    return ApiResult::ok(data);
}

ApiResult patchJob(Txn &txn, const ApiKey &caller, const QString &key, const PatchSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return ApiResult::fail(ApiError::jobNotFound(key));
    JobRecord &job = *found;
    OperatorStore ops(txn.store().database());

    // Check everything before the first write: an answered error changes nothing.
    std::optional<IncidentRecord> incident;
    if (job.state == JobState::Failed || job.state == JobState::ErrorThrown)
        incident = ops.openIncidentOfJob(job.id);
    const bool reopens = spec.retries && *spec.retries > 0 && incident.has_value();
    if (spec.retries && JobStates::isTerminal(job.state) && !incident)
        return ApiResult::fail(notUpdatable(job, QStringLiteral("JOB_NOT_RETRYABLE"),
                                            QStringLiteral("Retries of a %1 job cannot be changed")
                                                .arg(JobStates::name(job.state))));
    if ((spec.timeoutMs || spec.priority) && JobStates::isTerminal(job.state) && !reopens)
        return ApiResult::fail(notUpdatable(
            job, QStringLiteral("JOB_NOT_UPDATABLE"),
            QStringLiteral("Timeout and priority of a finished job cannot be changed")));

    QJsonArray updated;
    if (spec.priority && *spec.priority != job.priority) {
        txn.record(job, QStringLiteral("JOB_PRIORITY_UPDATED"), {}, 0, {},
                   compact(QJsonObject{{QStringLiteral("old_priority"), job.priority},
                                       {QStringLiteral("new_priority"), *spec.priority},
                                       {QStringLiteral("updated_by"), caller.name}}));
        job.priority = *spec.priority;
        updated.append(QStringLiteral("priority"));
    }
    if (spec.timeoutMs) {
        QJsonObject details{{QStringLiteral("old_timeout_ms"), job.timeoutMs},
                            {QStringLiteral("new_timeout_ms"), *spec.timeoutMs},
                            {QStringLiteral("updated_by"), caller.name}};
        job.timeoutMs = *spec.timeoutMs;
        if (job.state == JobState::Active) {
            // The lock now ends `timeout` from now, as Zeebe's UpdateJobTimeout does.
            details.insert(QStringLiteral("old_deadline"), Clock::toIso(job.deadline));
            job.deadline = txn.now() + *spec.timeoutMs;
            details.insert(QStringLiteral("new_deadline"), Clock::toIso(job.deadline));
            txn.wakeAt(job.deadline);
        }
        txn.record(job, QStringLiteral("JOB_TIMEOUT_UPDATED"), job.worker, job.attempt, {},
                   compact(details));
        updated.append(QStringLiteral("timeout"));
    }
    if (spec.retries) {
        txn.record(job, QStringLiteral("JOB_RETRIES_UPDATED"), {}, 0, {},
                   compact(QJsonObject{{QStringLiteral("old_retries"), job.retries},
                                       {QStringLiteral("new_retries"), *spec.retries},
                                       {QStringLiteral("updated_by"), caller.name}}));
        job.retries = *spec.retries;
        updated.append(QStringLiteral("retries"));
    }
    job.updatedAt = txn.now();
    QJsonValue resolved;
    if (reopens) {
        reopen(txn, job, *spec.retries, *incident, caller.name);
        resolved = JobView::incident(*incident);
    } else {
        if (job.state == JobState::Failed)
            JobStates::moveTo(job, JobState::Failed, txn.now()); // new retries of 0: stays failed
        txn.store().updateJob(job);
    }
    return ApiResult::ok(QJsonObject{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("retries"), job.retries},
        {QStringLiteral("timeout_ms"), job.timeoutMs},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("deadline"), timeOrNull(job.deadline)},
        {QStringLiteral("updated_at"), Clock::toIso(job.updatedAt)},
        {QStringLiteral("updated_fields"), updated},
        {QStringLiteral("incident_resolved"), resolved},
    });
}

ApiResult bulkDeleteStep(Txn &txn, const BulkDeleteFilter &filter, qint64 afterId, int scanLimit,
                         int deleteLimit)
{
    OperatorStore ops(txn.store().database());
    const QList<OperatorStore::JobBrief> jobs = ops.jobsAfter(afterId, scanLimit);
    qint64 lastId = afterId;
    int deleted = 0;
    bool full = false;
    for (const OperatorStore::JobBrief &j : jobs) {
        lastId = j.id;
        if (!filter.matches(j.state, j.type, j.tenantId, j.createdAt))
            continue;
        txn.store().deleteJob(j.id);
        txn.finished(j.id);
        if (++deleted == deleteLimit) {
            full = true;
            break;
        }
    }
    const bool done = !full && jobs.size() < scanLimit;
    return ApiResult::ok(QJsonObject{{QStringLiteral("deleted"), deleted},
                                     {QStringLiteral("last_id"), QString::number(lastId)},
                                     {QStringLiteral("done"), done}});
}

ApiResult pauseType(Txn &txn, const ApiKey &caller, const QString &type, const QString &reason)
{
    OperatorStore ops(txn.store().database());
    const QHash<QString, OperatorStore::Pause> pauses = ops.pauses();
    if (const auto it = pauses.constFind(type); it != pauses.constEnd())
        return ApiResult::ok(pauseView(type, *it)); // already paused: nothing changes
    const OperatorStore::Pause pause{type, txn.now(), caller.name, reason};
    ops.insertPause(pause);
    ops.appendTypeEvent(type, {txn.now(), QStringLiteral("JOB_TYPE_PAUSED"), caller.name, reason});
    txn.setPaused(type, true);
    return ApiResult::ok(pauseView(type, pause));
}

ApiResult resumeType(Txn &txn, const ApiKey &caller, const QString &type)
{
    OperatorStore ops(txn.store().database());
    QJsonObject data = pauseView(type, std::nullopt);
    if (ops.removePause(type)) {
        ops.appendTypeEvent(type, {txn.now(), QStringLiteral("JOB_TYPE_RESUMED"), caller.name, {}});
        txn.setPaused(type, false);
        txn.activatable(type); // held long polls of the type get its jobs now
        data.insert(QStringLiteral("resumed_at"), Clock::toIso(txn.now()));
        data.insert(QStringLiteral("resumed_by"), caller.name);
    }
    return ApiResult::ok(data);
}

ApiResult createApiKey(Txn &txn, const ApiKey &key, const QByteArray &clearKey)
{
    KeyStore keys(txn.store().database());
    if (keys.findByName(key.name))
        return ApiResult::fail(ApiError::conflict(QStringLiteral("API_KEY_EXISTS"),
                                                  QStringLiteral("An API key of that name exists"),
                                                  QJsonObject{{QStringLiteral("name"), key.name}}));
    keys.insert(key, ApiKey::hash(clearKey), txn.now());
    txn.keysChanged();
    return ApiResult::ok(
        QJsonObject{{QStringLiteral("name"), key.name},
                    {QStringLiteral("api_key"), QString::fromLatin1(clearKey)},
                    {QStringLiteral("permissions"), QJsonArray::fromStringList(key.permissions)},
                    {QStringLiteral("tenants"), QJsonArray::fromStringList(key.tenants)},
                    {QStringLiteral("created_at"), Clock::toIso(txn.now())},
                    {QStringLiteral("message"),
                     QStringLiteral("Store this key now: it is shown only once")}},
        201);
}

ApiResult deleteApiKey(Txn &txn, const QString &name)
{
    KeyStore keys(txn.store().database());
    const std::optional<ApiKey> key = keys.findByName(name);
    if (!key)
        return ApiResult::fail({404, QStringLiteral("API_KEY_NOT_FOUND"),
                                QStringLiteral("No API key of that name"),
                                QJsonObject{{QStringLiteral("name"), name}}});
    if (key->permissions.contains(QStringLiteral("admin")) && keys.adminsExcept(name) == 0)
        return ApiResult::fail(ApiError::conflict(
            QStringLiteral("LAST_ADMIN_KEY"),
            QStringLiteral("The last admin key cannot be deleted; create another one first"),
            QJsonObject{{QStringLiteral("name"), name}}));
    keys.remove(name);
    txn.keysChanged();
    return ApiResult::ok(
        QJsonObject{{QStringLiteral("message"), QStringLiteral("API key %1 deleted").arg(name)},
                    {QStringLiteral("deleted_key"), QJsonObject{{QStringLiteral("name"), name}}}});
}

ApiResult createIdempotent(Txn &txn, const ApiKey &caller, const QString &idempotencyKey,
                           const QList<CreateSpec> &specs, bool batch, qint64 ttlMs)
{
    OperatorStore ops(txn.store().database());
    const QString scope = batch ? QStringLiteral("batch") : QStringLiteral("create");
    const qint64 cutoff = txn.now() - ttlMs;
    if (const std::optional<QStringList> keys =
            ops.idempotentJobs(caller.name, scope, idempotencyKey, cutoff)) {
        QJsonArray jobs;
        for (const QString &key : *keys)
            if (const std::optional<JobRecord> job = txn.store().findJobByKey(key))
                jobs.append(JobView::created(*job));
        if (!jobs.isEmpty()) {
            if (!batch)
                return ApiResult::ok(jobs.first().toObject());
            return ApiResult::ok(QJsonObject{{QStringLiteral("jobs"), jobs},
                                             {QStringLiteral("created_count"), 0},
                                             {QStringLiteral("replayed"), true}});
        }
        // Every job it created is gone: create them again under the same key.
    }
    ApiResult result =
        batch ? JobCommands::createBatch(txn, specs) : JobCommands::create(txn, specs.first());
    if (!result.isOk())
        return result;
    const QJsonObject data = result.body(); // built here: the keys are needed for the record
    QStringList created;
    if (batch)
        for (const QJsonValue &job : data.value(QStringLiteral("jobs")).toArray())
            created.append(job.toObject().value(QStringLiteral("job_key")).toString());
    else
        created.append(data.value(QStringLiteral("job_key")).toString());
    ops.rememberIdempotent(caller.name, scope, idempotencyKey, created, txn.now());
    ops.forgetIdempotentBefore(cutoff, 100); // expired records leave a few at a time
    return ApiResult::ok(data, result.httpStatus);
}

} // namespace OperatorCommands
