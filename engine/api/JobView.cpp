#include "JobView.h"

#include "core/Clock.h"
#include "core/JsonText.h"
#include "core/Progress.h"

#include <QJsonArray>

using JsonText::time;

namespace JobView {
namespace {

QString timeoutRisk(qint64 elapsed, qint64 timeout)
{
    const double ratio = timeout > 0 ? double(elapsed) / double(timeout) : 1.0;
    if (ratio < 0.5)
        return QStringLiteral("LOW");
    if (ratio < 0.75)
        return QStringLiteral("MEDIUM");
    if (ratio < 0.9)
        return QStringLiteral("HIGH");
    return QStringLiteral("CRITICAL");
}

QJsonObject historyEntry(const JobEvent &e)
{
    QJsonObject entry{{QStringLiteral("timestamp"), Clock::toIso(e.at)},
                      {QStringLiteral("action"), e.action}};
    if (!e.worker.isEmpty())
        entry.insert(QStringLiteral("worker_id"), e.worker);
    if (e.attempt)
        entry.insert(QStringLiteral("attempt"), e.attempt);
    if (!e.error.isEmpty())
        entry.insert(QStringLiteral("error"), e.error);
    // Stored details: "message" becomes the seed's "details" text, other keys stand beside it.
    const QJsonObject details = JsonText::object(e.details);
    for (auto it = details.begin(); it != details.end(); ++it)
        entry.insert(it.key() == QLatin1String("message") ? QStringLiteral("details") : it.key(),
                     it.value());
    return entry;
}

const JobEvent *lastEvent(const QList<JobEvent> &events, const QString &action)
{
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        if (it->action == action)
            return &*it;
    return nullptr;
}

QString backoffType(const QList<JobEvent> &events)
{
    const JobEvent *retry = lastEvent(events, QStringLiteral("JOB_FAILED_RETRY"));
    const QString type =
        retry ? JsonText::object(retry->details).value(QStringLiteral("backoff_type")).toString()
              : QString();
    return type.isEmpty() ? QStringLiteral("EXPONENTIAL") : type;
}

} // namespace

QString finishedAtField(JobState state)
{
    switch (state) {
    case JobState::Completed:
        return QStringLiteral("completed_at");
    case JobState::Failed:
        return QStringLiteral("failed_at");
    case JobState::ErrorThrown:
        return QStringLiteral("error_thrown_at");
    case JobState::Cancelled:
        return QStringLiteral("cancelled_at");
    default:
        return {};
    }
}

QJsonObject created(const JobRecord &job)
{
    return QJsonObject{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("created_at"), time(job.createdAt)},
        {QStringLiteral("retries"), job.retries},
        {QStringLiteral("timeout_ms"), job.timeoutMs},
        {QStringLiteral("deadline"), time(job.deadline)},
        {QStringLiteral("run_at"), time(job.runAt)},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("variables"), JsonText::object(job.variables)},
        {QStringLiteral("custom_headers"), JsonText::object(job.customHeaders)},
        {QStringLiteral("tenant_id"), job.tenantId},
        {QStringLiteral("manual_job"), true},
        {QStringLiteral("available_for_activation"), job.state == JobState::Created},
    };
}

QJsonObject activated(const JobRecord &job, const QStringList &fetchVariables)
{
    QJsonObject variables = JsonText::object(job.variables);
    if (!fetchVariables.isEmpty()) {
        QJsonObject picked;
        for (const QString &name : fetchVariables)
            if (variables.contains(name))
                picked.insert(name, variables.value(name));
        variables = picked;
    }
    const QJsonObject context = JsonText::object(job.processContext);
    const auto contextField = [&](const char *name) {
        const QJsonValue v = context.value(QLatin1String(name));
        return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
    };
    return QJsonObject{
        {QStringLiteral("key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("process_instance_id"), contextField("process_instance_id")},
        {QStringLiteral("element_id"), contextField("element_id")},
        {QStringLiteral("element_instance_id"), contextField("element_instance_id")},
        {QStringLiteral("worker"), job.worker},
        {QStringLiteral("retries"), job.retries},
        {QStringLiteral("deadline"), time(job.deadline)},
        {QStringLiteral("variables"), variables},
        {QStringLiteral("custom_headers"), JsonText::object(job.customHeaders)},
        {QStringLiteral("created_at"), time(job.createdAt)},
        {QStringLiteral("activated_at"), time(job.activatedAt)},
        {QStringLiteral("tenant_id"), job.tenantId},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("attempt"), job.attempt},
        {QStringLiteral("timeout_ms"), job.deadline - job.activatedAt},
    };
}

QJsonObject status(const JobRecord &job)
{
    QJsonObject out{{QStringLiteral("job_key"), job.key},
                    {QStringLiteral("status"), JobStates::name(job.state)},
                    {QStringLiteral("updated_at"), time(job.updatedAt)},
                    {QStringLiteral("retries"), job.retries},
                    {QStringLiteral("terminal"), JobStates::isTerminal(job.state)}};
    const QJsonObject p = JsonText::object(job.progress);
    if (!p.isEmpty())
        out.insert(QStringLiteral("progress_percentage"),
                   progress(job, job.updatedAt).value(QStringLiteral("progress_percentage")));
    if (!job.errorMessage.isEmpty())
        out.insert(QStringLiteral("error_message"), job.errorMessage);
    return out;
}

QJsonObject progress(const JobRecord &job, qint64 now)
{
    const QJsonObject p = JsonText::object(job.progress);
    const qint64 total = p.value(QStringLiteral("total")).toInteger();
    const qint64 processed = p.value(QStringLiteral("processed")).toInteger();
    const double percentage = Progress::percentage(total, processed);
    const qint64 runningMs = job.activatedAt ? qMax<qint64>(1, now - job.activatedAt) : 0;
    const double rate = runningMs ? double(processed) * 1000.0 / double(runningMs) : 0.0;
    const qint64 remaining = qMax<qint64>(0, total - processed);
    QJsonObject out{
        {QStringLiteral("total_rows"), total},
        {QStringLiteral("processed_rows"), processed},
        {QStringLiteral("successful_rows"), p.value(QStringLiteral("succeeded")).toInteger()},
        {QStringLiteral("failed_rows"), p.value(QStringLiteral("failed")).toInteger()},
        {QStringLiteral("progress_percentage"), percentage},
        {QStringLiteral("remaining_rows"), remaining},
        {QStringLiteral("rows_per_second"), qRound(rate * 100.0) / 100.0},
        {QStringLiteral("reported_at"), p.value(QStringLiteral("reported_at"))},
    };
    if (!p.value(QStringLiteral("message")).toString().isEmpty())
        out.insert(QStringLiteral("message"), p.value(QStringLiteral("message")));
    if (job.state == JobState::Active && rate > 0.0 && remaining > 0) {
        const qint64 etaSeconds = qint64(double(remaining) / rate + 0.5);
        out.insert(QStringLiteral("estimated_completion_seconds"), etaSeconds);
        out.insert(QStringLiteral("estimated_completion_time"),
                   Clock::toIso(now + etaSeconds * 1000));
    } else {
        out.insert(QStringLiteral("estimated_completion_seconds"), QJsonValue::Null);
    }
    return out;
}

QJsonArray failureHistory(const QList<JobEvent> &events)
{
    QJsonArray out;
    int attempt = 0;
    for (const JobEvent &e : events) {
        const bool retry = e.action == QLatin1String("JOB_FAILED_RETRY");
        const bool final = e.action == QLatin1String("JOB_FAILED_FINAL") ||
                           e.action == QLatin1String("JOB_ERROR_THROWN");
        const bool timedOut = e.action == QLatin1String("JOB_TIMED_OUT");
        if (!retry && !final && !timedOut)
            continue;
        ++attempt;
        QJsonObject entry{{QStringLiteral("attempt"), e.attempt ? e.attempt : attempt},
                          {QStringLiteral("failed_at"), Clock::toIso(e.at)},
                          {QStringLiteral("error"), e.error}};
        if (!e.worker.isEmpty())
            entry.insert(QStringLiteral("worker_id"), e.worker);
        const QJsonObject details = JsonText::object(e.details);
        if (details.contains(QStringLiteral("backoff_ms")))
            entry.insert(QStringLiteral("backoff_ms"), details.value(QStringLiteral("backoff_ms")));
        if (timedOut)
            entry.insert(QStringLiteral("timed_out"), true);
        if (final)
            entry.insert(QStringLiteral("final_attempt"), true);
        out.append(entry);
    }
    return out;
}

QJsonObject incident(const IncidentRecord &r)
{
    return QJsonObject{
        {QStringLiteral("incident_id"), r.key},
        {QStringLiteral("type"), r.type},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("job_key"), r.jobKey},
        {QStringLiteral("job_type"), r.jobType},
        {QStringLiteral("tenant_id"), r.tenantId},
        {QStringLiteral("error_message"), r.errorMessage},
        {QStringLiteral("error_code"),
         r.errorCode.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.errorCode)},
        {QStringLiteral("created_at"), time(r.createdAt)},
        {QStringLiteral("resolved_at"), time(r.resolvedAt)},
        {QStringLiteral("resolved_by"),
         r.resolvedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.resolvedBy)},
    };
}

QJsonObject details(const JobRecord &job, const QList<JobEvent> &events,
                    const std::optional<IncidentRecord> &incidentRecord, int activeJobsOfWorker,
                    qint64 now)
{
    QJsonObject out{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("created_at"), time(job.createdAt)},
        {QStringLiteral("updated_at"), time(job.updatedAt)},
        {QStringLiteral("activated_at"), time(job.activatedAt)},
        {QStringLiteral("deadline"), time(job.deadline)},
        // While ACTIVE: the lock in force (an activation's timeout, a PATCH, an extension).
        {QStringLiteral("timeout_ms"),
         job.state == JobState::Active ? job.deadline - job.activatedAt : job.timeoutMs},
        {QStringLiteral("tenant_id"), job.tenantId},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("attempt"), job.attempt},
        {QStringLiteral("variables"), JsonText::object(job.variables)},
        {QStringLiteral("custom_headers"), JsonText::object(job.customHeaders)},
    };
    const QString finishedField = finishedAtField(job.state);
    if (!finishedField.isEmpty())
        out.insert(finishedField, time(job.finishedAt));
    if (job.runAt)
        out.insert(QStringLiteral("run_at"), time(job.runAt));
    if (job.state == JobState::FailedRetryable)
        out.insert(QStringLiteral("next_retry_at"), time(job.dueAt));
    if (job.state == JobState::Active) {
        const qint64 elapsed = now - job.activatedAt;
        out.insert(QStringLiteral("elapsed_time_ms"), elapsed);
        out.insert(QStringLiteral("remaining_time_ms"), qMax<qint64>(0, job.deadline - now));
    }
    if (!job.processContext.isEmpty())
        out.insert(QStringLiteral("process_context"), JsonText::object(job.processContext));
    if (!job.worker.isEmpty()) {
        QJsonObject assignment{{QStringLiteral("worker_id"), job.worker},
                               {QStringLiteral("worker_type"), job.type},
                               {QStringLiteral("assigned_at"), time(job.activatedAt)},
                               {QStringLiteral("max_jobs_for_worker"), job.maxJobsForWorker},
                               {QStringLiteral("current_jobs_for_worker"), activeJobsOfWorker}};
        out.insert(QStringLiteral("worker_assignment"), assignment);
    }
    out.insert(QStringLiteral("retry_configuration"),
               QJsonObject{{QStringLiteral("retries"), job.retries},
                           {QStringLiteral("original_retries"), job.originalRetries},
                           {QStringLiteral("retries_used"), job.originalRetries - job.retries},
                           {QStringLiteral("retry_backoff"), backoffType(events)},
                           {QStringLiteral("max_retry_delay_ms"), job.maxRetryDelayMs}});

    QJsonArray history;
    for (const JobEvent &e : events)
        history.append(historyEntry(e));
    out.insert(QStringLiteral("execution_history"), history);

    // performance_metrics: first activation, completion, and the lock's risk while active.
    QJsonObject metrics;
    const JobEvent *firstActivation = nullptr;
    for (const JobEvent &e : events)
        if (e.action == QLatin1String("JOB_ACTIVATED")) {
            firstActivation = &e;
            break;
        }
    if (firstActivation)
        metrics.insert(QStringLiteral("creation_to_activation_ms"),
                       firstActivation->at - job.createdAt);
    if (job.state == JobState::Completed && job.activatedAt)
        metrics.insert(QStringLiteral("activation_to_completion_ms"),
                       job.finishedAt - job.activatedAt);
    if (job.state == JobState::Active) {
        metrics.insert(QStringLiteral("timeout_risk"),
                       timeoutRisk(now - job.activatedAt, job.deadline - job.activatedAt));
        const QJsonValue eta =
            progress(job, now).value(QStringLiteral("estimated_completion_time"));
        if (!job.progress.isEmpty() && eta.isString())
            metrics.insert(QStringLiteral("estimated_completion_time"), eta);
    }
    out.insert(QStringLiteral("performance_metrics"), metrics);

    if (job.state == JobState::Completed) {
        const JobEvent *done = lastEvent(events, QStringLiteral("JOB_COMPLETED"));
        const QJsonObject summary =
            done
                ? JsonText::object(done->details).value(QStringLiteral("result_summary")).toObject()
                : QJsonObject();
        const qint64 total = job.finishedAt - job.activatedAt;
        const qint64 processing =
            summary.value(QStringLiteral("processing_time_ms")).toInteger(total);
        out.insert(
            QStringLiteral("execution_summary"),
            QJsonObject{
                {QStringLiteral("total_duration_ms"), total},
                {QStringLiteral("activation_duration_ms"), job.activatedAt - job.createdAt},
                {QStringLiteral("processing_duration_ms"), processing},
                {QStringLiteral("system_overhead_ms"), total - processing},
                {QStringLiteral("completed_by"), job.finishedBy},
                {QStringLiteral("result_variables"), JsonText::object(job.resultVariables)}});
    }

    const QJsonArray failures = failureHistory(events);
    if (!failures.isEmpty() || !job.errorMessage.isEmpty()) {
        out.insert(
            QStringLiteral("failure_information"),
            QJsonObject{{QStringLiteral("error_message"), job.errorMessage},
                        {QStringLiteral("error_code"), job.errorCode.isEmpty()
                                                           ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(job.errorCode)},
                        {QStringLiteral("final_attempt"),
                         job.state == JobState::Failed || job.state == JobState::ErrorThrown},
                        {QStringLiteral("total_attempts"), failures.size()},
                        {QStringLiteral("failure_history"), failures}});
    }
    if (incidentRecord) {
        QJsonObject info = incident(*incidentRecord);
        info.insert(QStringLiteral("incident_created"), true);
        info.insert(QStringLiteral("incident_type"), incidentRecord->type);
        out.insert(QStringLiteral("incident_information"), info);
    }
    if (!job.progress.isEmpty())
        out.insert(QStringLiteral("progress"), progress(job, now));

    QJsonArray followUps;
    for (const JobEvent &e : events)
        for (const QJsonValue &k :
             JsonText::object(e.details).value(QStringLiteral("follow_up_jobs")).toArray())
            followUps.append(k);
    out.insert(QStringLiteral("follow_up_jobs"), followUps);
    if (!job.parentKey.isEmpty())
        out.insert(QStringLiteral("parent_job_key"), job.parentKey);
    return out;
}

} // namespace JobView
