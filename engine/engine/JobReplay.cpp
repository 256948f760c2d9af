// Replay: a finished job runs again as a new job. Part of JobCommands (see JobCommands.h).
#include "JobCommands.h"

#include "core/JsonText.h"

namespace JobCommands {

Outcome<JobReplayed> replay(Txn &txn, const ApiKey &caller, const QString &key,
                            const ReplaySpec &spec, qint64 maxVariablesBytes)
{
    const std::optional<JobRecord> found = txn.store().findJobByKey(key);
    if (!found || !caller.seesTenant(found->tenantId))
        return JobError::jobNotFound(key);
    const JobRecord &old = *found;
    if (!JobStates::isTerminal(old.state)) {
        JobError e = JobError::of(JobError::Kind::WrongState, old.key);
        e.action = JobError::Action::Replay;
        e.state = old.state;
        return e;
    }
    CreateSpec create;
    create.type = old.type;
    create.variables = spec.variables.value_or(JsonText::object(old.variables));
    create.variablesJson = JsonText::compact(create.variables);
    if (create.variablesJson.size() > maxVariablesBytes) {
        JobError e = JobError::of(JobError::Kind::InvalidVariables, old.key);
        e.reason = QStringLiteral("Variables exceed %1 bytes").arg(maxVariablesBytes);
        return e;
    }
    create.retries = spec.retries.value_or(old.originalRetries);
    create.timeoutMs = old.timeoutMs;
    create.maxRetryDelayMs = old.maxRetryDelayMs;
    create.customHeaders = spec.customHeaders.value_or(JsonText::object(old.customHeaders));
    create.tenantId = old.tenantId;
    create.priority = spec.priority.value_or(old.priority);
    create.processContext = JsonText::object(old.processContext);
    create.nextJobs = JsonText::array(old.nextJobs);
    create.errorHandlers = JsonText::object(old.errorHandlers);
    create.parentKey = old.key;
    Outcome<JobsCreated> created = JobCommands::create(txn, create);
    if (!created.ok())
        return created.error();
    JobRecord job = created.value().jobs.first();
    txn.record(old, QStringLiteral("JOB_REPLAYED"), {}, 0, {},
               JsonText::compact(QJsonObject{
                   {QStringLiteral("message"), QStringLiteral("Replayed as %1").arg(job.key)},
                   {QStringLiteral("follow_up_jobs"), QJsonArray{job.key}},
                   {QStringLiteral("replayed_by"), caller.name}}));
    return JobReplayed{std::move(job), old.key};
}

} // namespace JobCommands
