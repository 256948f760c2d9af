#include "JobView.h"

#include "core/Clock.h"
#include "core/JsonText.h"
#include "core/Progress.h"

#include <QJsonArray>

using JsonText::time;

namespace JobView {

QJsonValue timeOrNull(qint64 ms)
{
    return ms ? QJsonValue(Clock::toIso(ms)) : QJsonValue();
}

namespace {

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
    if (const std::optional<ProgressFacts> p = JobDetails::progressOf(job, job.updatedAt))
        out.insert(QStringLiteral("progress_percentage"), p->percentage);
    if (!job.errorMessage.isEmpty())
        out.insert(QStringLiteral("error_message"), job.errorMessage);
    return out;
}

QJsonObject progress(const ProgressFacts &p, qint64 now)
{
    QJsonObject out{
        {QStringLiteral("total_rows"), p.total},
        {QStringLiteral("processed_rows"), p.processed},
        {QStringLiteral("successful_rows"), p.succeeded},
        {QStringLiteral("failed_rows"), p.failed},
        {QStringLiteral("progress_percentage"), p.percentage},
        {QStringLiteral("remaining_rows"), p.remaining},
        {QStringLiteral("rows_per_second"), p.rowsPerSecond},
        {QStringLiteral("reported_at"), p.reportedAt},
    };
    if (!p.message.isEmpty())
        out.insert(QStringLiteral("message"), p.message);
    if (p.etaSeconds) {
        out.insert(QStringLiteral("estimated_completion_seconds"), *p.etaSeconds);
        out.insert(QStringLiteral("estimated_completion_time"),
                   Clock::toIso(now + *p.etaSeconds * 1000));
    } else {
        out.insert(QStringLiteral("estimated_completion_seconds"), QJsonValue::Null);
    }
    return out;
}

QJsonArray failureHistory(const QList<FailureEntry> &failures)
{
    QJsonArray out;
    for (const FailureEntry &f : failures) {
        QJsonObject entry{{QStringLiteral("attempt"), f.attempt},
                          {QStringLiteral("failed_at"), Clock::toIso(f.at)},
                          {QStringLiteral("error"), f.error}};
        if (!f.worker.isEmpty())
            entry.insert(QStringLiteral("worker_id"), f.worker);
        if (f.backoffMs)
            entry.insert(QStringLiteral("backoff_ms"), *f.backoffMs);
        if (f.timedOut)
            entry.insert(QStringLiteral("timed_out"), true);
        if (f.finalAttempt)
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

QJsonObject details(const JobDetails &d, qint64 now)
{
    const JobRecord &job = d.job;
    QJsonObject out{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("created_at"), time(job.createdAt)},
        {QStringLiteral("updated_at"), time(job.updatedAt)},
        {QStringLiteral("activated_at"), time(job.activatedAt)},
        // when the last activation ended (null while it runs): a retrying job's last run
        {QStringLiteral("attempt_ended_at"), time(job.attemptEndedAt)},
        {QStringLiteral("deadline"), time(job.deadline)},
        {QStringLiteral("timeout_ms"), d.timeoutMs()},
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
        out.insert(QStringLiteral("elapsed_time_ms"), now - job.activatedAt);
        out.insert(QStringLiteral("remaining_time_ms"), qMax<qint64>(0, job.deadline - now));
    }
    if (!job.processContext.isEmpty())
        out.insert(QStringLiteral("process_context"), JsonText::object(job.processContext));
    if (!job.worker.isEmpty())
        out.insert(QStringLiteral("worker_assignment"),
                   QJsonObject{{QStringLiteral("worker_id"), job.worker},
                               {QStringLiteral("worker_type"), job.type},
                               {QStringLiteral("assigned_at"), time(job.activatedAt)},
                               {QStringLiteral("max_jobs_for_worker"), job.maxJobsForWorker},
                               {QStringLiteral("current_jobs_for_worker"), d.workerLoad}});
    out.insert(QStringLiteral("retry_configuration"),
               QJsonObject{{QStringLiteral("retries"), job.retries},
                           {QStringLiteral("original_retries"), job.originalRetries},
                           {QStringLiteral("retries_used"), job.originalRetries - job.retries},
                           {QStringLiteral("retry_backoff"), d.retryBackoff()},
                           {QStringLiteral("max_retry_delay_ms"), job.maxRetryDelayMs}});

    QJsonArray history;
    for (const JobEvent &e : d.events)
        history.append(historyEntry(e));
    out.insert(QStringLiteral("execution_history"), history);

    // performance_metrics: first activation, completion, and the lock's risk while active.
    const std::optional<ProgressFacts> progressFacts = d.progress(now);
    QJsonObject metrics;
    if (const std::optional<qint64> waited = d.creationToActivationMs())
        metrics.insert(QStringLiteral("creation_to_activation_ms"), *waited);
    if (job.state == JobState::Completed && job.activatedAt)
        metrics.insert(QStringLiteral("activation_to_completion_ms"), d.totalRunMs());
    if (job.state == JobState::Active) {
        metrics.insert(QStringLiteral("timeout_risk"), timeoutRiskName(d.timeoutRisk(now)));
        if (progressFacts && progressFacts->etaSeconds)
            metrics.insert(QStringLiteral("estimated_completion_time"),
                           Clock::toIso(now + *progressFacts->etaSeconds * 1000));
    }
    out.insert(QStringLiteral("performance_metrics"), metrics);

    if (job.state == JobState::Completed) {
        const qint64 total = d.totalRunMs();
        const qint64 processing = d.processingMs();
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

    const QList<FailureEntry> failures = d.failures();
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
                        {QStringLiteral("failure_history"), failureHistory(failures)}});
    }
    if (d.incident) {
        QJsonObject info = incident(*d.incident);
        info.insert(QStringLiteral("incident_created"), true);
        info.insert(QStringLiteral("incident_type"), d.incident->type);
        out.insert(QStringLiteral("incident_information"), info);
    }
    if (progressFacts)
        out.insert(QStringLiteral("progress"), progress(*progressFacts, now));
    out.insert(QStringLiteral("follow_up_jobs"), QJsonArray::fromStringList(d.followUps()));
    if (!job.parentKey.isEmpty())
        out.insert(QStringLiteral("parent_job_key"), job.parentKey);
    return out;
}

} // namespace JobView
