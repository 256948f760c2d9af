#include "ReplayCommand.h"

#include "core/JsonText.h"
#include "engine/JobCommands.h"
#include "engine/Txn.h"
#include "http/HttpFrontend.h"
#include "store/JobStore.h"

namespace ReplayCommand {

qint64 maxVariablesBytes()
{
    return ApiLimits{}.maxVariablesBytes;
}

QString checkVariables(const QJsonObject &variables)
{
    if (JsonText::compact(variables).size() > maxVariablesBytes())
        return QStringLiteral("Variables exceed %1 bytes").arg(maxVariablesBytes()); // as the API
    return {};
}

ApiResult replay(Txn &txn, const ApiKey &caller, const QString &key, const QJsonObject &variables)
{
    const std::optional<JobRecord> found = txn.store().findJobByKey(key);
    if (!found || !caller.seesTenant(found->tenantId))
        return ApiResult::fail(ApiError::jobNotFound(key));
    const JobRecord &old = *found;
    if (!JobStates::isTerminal(old.state))
        return ApiResult::fail(ApiError::conflict(
            QStringLiteral("JOB_NOT_REPLAYABLE"),
            QStringLiteral("Only a finished job can be replayed; this one is %1")
                .arg(JobStates::name(old.state)),
            QJsonObject{{QStringLiteral("job_key"), old.key},
                        {QStringLiteral("current_status"), JobStates::name(old.state)}}));
    if (const QString problem = checkVariables(variables); !problem.isEmpty())
        return ApiResult::fail(
            ApiError::validation(QJsonObject{{QStringLiteral("variables"), problem}}));

    CreateSpec spec;
    spec.type = old.type;
    spec.variables = variables;
    spec.retries = old.originalRetries;
    spec.timeoutMs = old.timeoutMs;
    spec.maxRetryDelayMs = old.maxRetryDelayMs;
    spec.customHeaders = JsonText::object(old.customHeaders);
    spec.tenantId = old.tenantId;
    spec.priority = old.priority;
    spec.processContext = JsonText::object(old.processContext);
    spec.nextJobs = JsonText::array(old.nextJobs);
    spec.errorHandlers = JsonText::object(old.errorHandlers);
    spec.parentKey = old.key;
    ApiResult created = JobCommands::create(txn, spec);
    if (!created.isOk())
        return created;
    const QJsonObject data = created.body();
    const QString newKey = data.value(QStringLiteral("job_key")).toString();
    txn.record(old, QStringLiteral("JOB_REPLAYED"), {}, 0, {},
               JsonText::compact(QJsonObject{
                   {QStringLiteral("message"), QStringLiteral("Replayed as %1").arg(newKey)},
                   {QStringLiteral("follow_up_jobs"), QJsonArray{newKey}},
                   {QStringLiteral("replayed_by"), caller.name}}));
    QJsonObject answer = data;
    answer.insert(QStringLiteral("replay_of"), old.key);
    return ApiResult::ok(answer, 201);
}

} // namespace ReplayCommand
