#include "OperatorCommands.h"

#include "core/Clock.h"
#include "core/JsonText.h"
#include "store/KeyStore.h"
#include "store/OperatorStore.h"
#include "store/TypeLimitStore.h"

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

JobError wrongState(const JobRecord &job, JobError::Action action)
{
    JobError e = JobError::of(JobError::Kind::WrongState, job.key);
    e.action = action;
    e.state = job.state;
    return e;
}

} // namespace

Outcome<IncidentResolved> resolveIncident(Txn &txn, const ApiKey &caller,
                                          const QString &incidentKey, int retries)
{
    OperatorStore ops(txn.store().database());
    std::optional<OperatorStore::IncidentRow> row = ops.incident(incidentKey);
    if (!row || !caller.seesTenant(row->incident.tenantId))
        return JobError::of(JobError::Kind::IncidentNotFound, incidentKey);
    IncidentRecord &incident = row->incident;
    if (incident.status != QLatin1String("OPEN")) {
        JobError e = JobError::of(JobError::Kind::IncidentAlreadyResolved, incident.key);
        e.worker = incident.resolvedBy;
        return e;
    }
    std::optional<JobRecord> job = txn.store().findJob(incident.jobId);
    if (!job || !JobStates::canTransition(job->state, JobState::Created) ||
        !JobStates::isTerminal(job->state)) {
        JobError e = wrongState(job.value_or(JobRecord{}), JobError::Action::Resolve);
        if (!job)
            e.state.reset();
        return e;
    }
    reopen(txn, *job, retries, incident, caller.name);
    return IncidentResolved{incident, std::move(*job)};
}

Outcome<JobPatched> patchJob(Txn &txn, const ApiKey &caller, const QString &key,
                             const PatchSpec &spec)
{
    std::optional<JobRecord> found = visibleJob(txn, caller, key);
    if (!found)
        return JobError::jobNotFound(key);
    JobRecord &job = *found;
    OperatorStore ops(txn.store().database());

    // Check everything before the first write: an answered error changes nothing.
    std::optional<IncidentRecord> incident;
    if (job.state == JobState::Failed || job.state == JobState::ErrorThrown)
        incident = ops.openIncidentOfJob(job.id);
    const bool reopens = spec.retries && *spec.retries > 0 && incident.has_value();
    if (spec.retries && JobStates::isTerminal(job.state) && !incident)
        return wrongState(job, JobError::Action::Retry);
    if ((spec.timeoutMs || spec.priority) && JobStates::isTerminal(job.state) && !reopens)
        return wrongState(job, JobError::Action::Update);

    JobPatched patched;
    if (spec.priority && *spec.priority != job.priority) {
        txn.record(job, QStringLiteral("JOB_PRIORITY_UPDATED"), {}, 0, {},
                   compact(QJsonObject{{QStringLiteral("old_priority"), job.priority},
                                       {QStringLiteral("new_priority"), *spec.priority},
                                       {QStringLiteral("updated_by"), caller.name}}));
        job.priority = *spec.priority;
        patched.updatedFields.append(QStringLiteral("priority"));
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
        patched.updatedFields.append(QStringLiteral("timeout"));
    }
    if (spec.retries) {
        txn.record(job, QStringLiteral("JOB_RETRIES_UPDATED"), {}, 0, {},
                   compact(QJsonObject{{QStringLiteral("old_retries"), job.retries},
                                       {QStringLiteral("new_retries"), *spec.retries},
                                       {QStringLiteral("updated_by"), caller.name}}));
        job.retries = *spec.retries;
        patched.updatedFields.append(QStringLiteral("retries"));
    }
    job.updatedAt = txn.now();
    if (reopens) {
        reopen(txn, job, *spec.retries, *incident, caller.name);
        patched.resolved = *incident;
    } else {
        if (job.state == JobState::Failed)
            JobStates::moveTo(job, JobState::Failed, txn.now()); // new retries of 0: stays failed
        txn.store().updateJob(job);
    }
    patched.job = std::move(job);
    return patched;
}

Outcome<BulkStep> bulkDeleteStep(Txn &txn, const BulkDeleteFilter &filter, qint64 afterId,
                                 int scanLimit, int deleteLimit)
{
    OperatorStore ops(txn.store().database());
    const QList<OperatorStore::JobBrief> jobs = ops.jobsAfter(afterId, scanLimit);
    BulkStep step;
    step.lastId = afterId;
    bool full = false;
    for (const OperatorStore::JobBrief &j : jobs) {
        step.lastId = j.id;
        if (!filter.matches(j.state, j.type, j.tenantId, j.createdAt))
            continue;
        txn.store().deleteJob(j.id);
        txn.finished(j.id);
        if (++step.deleted == deleteLimit) {
            full = true;
            break;
        }
    }
    step.done = !full && jobs.size() < scanLimit;
    return step;
}

Outcome<TypePause> pauseType(Txn &txn, const ApiKey &caller, const QString &type,
                             const QString &reason)
{
    OperatorStore ops(txn.store().database());
    const QHash<QString, OperatorStore::Pause> pauses = ops.pauses();
    OperatorStore::Pause pause{type, txn.now(), caller.name, reason};
    if (const auto it = pauses.constFind(type); it != pauses.constEnd()) {
        pause = *it; // already paused: nothing changes
    } else {
        ops.insertPause(pause);
        ops.appendTypeEvent(type,
                            {txn.now(), QStringLiteral("JOB_TYPE_PAUSED"), caller.name, reason});
        txn.setPaused(type, true);
    }
    return TypePause{type, true, pause.pausedAt, pause.pausedBy, pause.reason, 0, {}};
}

Outcome<TypePause> resumeType(Txn &txn, const ApiKey &caller, const QString &type)
{
    OperatorStore ops(txn.store().database());
    TypePause resumed;
    resumed.type = type;
    if (ops.removePause(type)) {
        ops.appendTypeEvent(type, {txn.now(), QStringLiteral("JOB_TYPE_RESUMED"), caller.name, {}});
        txn.setPaused(type, false);
        txn.activatable(type); // held long polls of the type get its jobs now
        resumed.resumedAt = txn.now();
        resumed.resumedBy = caller.name;
    }
    return resumed;
}

Outcome<RetentionPolicy> setRetention(Txn &txn, const RetentionChange &change,
                                      const RetentionPolicy &defaults)
{
    const RetentionPolicy policy =
        change.appliedTo(Retention::stored(txn.store()).value_or(defaults));
    Retention::store(txn.store(), policy);
    return policy;
}

Outcome<KeyCreated> createApiKey(Txn &txn, const ApiKey &key, const QByteArray &clearKey)
{
    KeyStore keys(txn.store().database());
    if (keys.findByName(key.name))
        return JobError::of(JobError::Kind::ApiKeyExists, key.name);
    keys.insert(key, ApiKey::hash(clearKey), txn.now());
    txn.keysChanged();
    return KeyCreated{key, clearKey, txn.now()};
}

Outcome<KeyDeleted> deleteApiKey(Txn &txn, const QString &name)
{
    KeyStore keys(txn.store().database());
    const std::optional<ApiKey> key = keys.findByName(name);
    if (!key)
        return JobError::of(JobError::Kind::ApiKeyNotFound, name);
    if (key->permissions.contains(QStringLiteral("admin")) && keys.adminsExcept(name) == 0)
        return JobError::of(JobError::Kind::LastAdminKey, name);
    keys.remove(name);
    txn.keysChanged();
    return KeyDeleted{name};
}

Outcome<JobsCreated> createIdempotent(Txn &txn, const ApiKey &caller, const QString &idempotencyKey,
                                      const QList<CreateSpec> &specs, bool batch, qint64 ttlMs)
{
    OperatorStore ops(txn.store().database());
    const QString scope = batch ? QStringLiteral("batch") : QStringLiteral("create");
    const qint64 cutoff = txn.now() - ttlMs;
    if (const std::optional<QStringList> keys =
            ops.idempotentJobs(caller.name, scope, idempotencyKey, cutoff)) {
        JobsCreated earlier;
        earlier.replayed = true;
        for (const QString &key : *keys)
            if (std::optional<JobRecord> job = txn.store().findJobByKey(key))
                earlier.jobs.append(std::move(*job));
        if (!earlier.jobs.isEmpty())
            return earlier;
        // Every job it created is gone: create them again under the same key.
    }
    Outcome<JobsCreated> created =
        batch ? JobCommands::createBatch(txn, specs) : JobCommands::create(txn, specs.first());
    if (!created.ok())
        return created;
    QStringList keys;
    for (const JobRecord &job : created.value().jobs)
        keys.append(job.key);
    ops.rememberIdempotent(caller.name, scope, idempotencyKey, keys, txn.now());
    ops.forgetIdempotentBefore(cutoff, 100); // expired records leave a few at a time
    return created;
}

Outcome<TypeLimitSet> setTypeLimit(Txn &txn, const ApiKey &caller, const QString &type,
                                   const TypeLimitChange &change)
{
    TypeLimitStore store(txn.store().database());
    store.lock(type);
    TypeLimit limit = store.all().value(type);
    if (change.maxActive)
        limit.maxActive = *change.maxActive;
    if (change.rate) {
        limit.rateLimit = *change.rate ? std::optional<int>((*change.rate)->first) : std::nullopt;
        limit.ratePerMs = *change.rate ? (*change.rate)->second : 0;
    }
    store.put(type, limit, txn.now(), caller.name);
    txn.setLimit(type, limit);
    txn.activatable(type); // a raised limit lets held long polls take jobs at once
    return TypeLimitSet{type, limit};
}

} // namespace OperatorCommands
