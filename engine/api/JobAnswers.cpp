#include "JobAnswers.h"

#include "JobView.h"
#include "core/Clock.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"

#include <QJsonArray>

namespace JobAnswers {
namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonArray briefs(const QList<JobRecord> &jobs)
{
    QJsonArray out;
    for (const JobRecord &job : jobs)
        out.append(QJsonObject{{QStringLiteral("job_key"), job.key},
                               {QStringLiteral("type"), job.type},
                               {QStringLiteral("status"), JobStates::name(job.state)}});
    return out;
}

// process_continuation: where a process engine would go on, with the follow-up jobs created.
QJsonObject continuation(const JobRecord &job, const QList<JobRecord> &followUps)
{
    const QJsonObject context = JsonText::object(job.processContext);
    return QJsonObject{{QStringLiteral("process_instance_id"),
                        context.value(QStringLiteral("process_instance_id"))},
                       {QStringLiteral("element_id"), context.value(QStringLiteral("element_id"))},
                       {QStringLiteral("token_id"), context.value(QStringLiteral("token_id"))},
                       {QStringLiteral("next_activities"), briefs(followUps)}};
}

QJsonObject incidentCreated(const IncidentRecord &incident)
{
    return QJsonObject{{QStringLiteral("incident_id"), incident.key},
                       {QStringLiteral("type"), incident.type},
                       {QStringLiteral("status"), incident.status},
                       {QStringLiteral("created_at"), Clock::toIso(incident.createdAt)}};
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

ApiResult render(const JobsCreated &created, bool batch)
{
    // An Idempotency-Key's earlier jobs answer 200; new jobs 201.
    const int status = created.replayed ? 200 : 201;
    if (!batch)
        return ApiResult::ok(JobView::created(created.jobs.first()), status);
    QJsonArray jobs;
    for (const JobRecord &job : created.jobs)
        jobs.append(JobView::created(job));
    QJsonObject data{{QStringLiteral("jobs"), jobs},
                     {QStringLiteral("created_count"), created.replayed ? 0 : jobs.size()}};
    if (created.replayed)
        data.insert(QStringLiteral("replayed"), true);
    return ApiResult::ok(data, status);
}

ApiResult render(const JobsActivated &activated)
{
    QJsonArray jobs;
    for (const JobRecord &job : activated.jobs)
        jobs.append(JobView::activated(job, activated.spec.fetchVariables));
    return ApiResult::ok(
        QJsonObject{{QStringLiteral("jobs"), jobs},
                    {QStringLiteral("worker"), activated.spec.worker},
                    {QStringLiteral("activated_count"), jobs.size()},
                    {QStringLiteral("timeout"), activated.spec.timeoutMs.value_or(300'000)}});
}

ApiResult render(const JobCompleted &c)
{
    const JobRecord &job = c.job;
    QJsonObject data{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("completed_at"), Clock::toIso(job.finishedAt)},
        {QStringLiteral("completed_by"), job.finishedBy},
        {QStringLiteral("execution_summary"),
         QJsonObject{{QStringLiteral("started_at"), Clock::toIso(job.activatedAt)},
                     {QStringLiteral("total_duration_ms"), c.totalMs},
                     {QStringLiteral("processing_time_ms"), c.processingMs},
                     {QStringLiteral("system_overhead_ms"), c.totalMs - c.processingMs},
                     {QStringLiteral("retries_used"), job.originalRetries - job.retries}}},
        {QStringLiteral("variables_updated"),
         QJsonObject{{QStringLiteral("added"), strings(c.added)},
                     {QStringLiteral("modified"), strings(c.modified)},
                     {QStringLiteral("removed"), strings(c.removed)}}},
        {QStringLiteral("result_variables"), c.resultVariables},
    };
    if (!job.processContext.isEmpty() || !c.followUps.isEmpty())
        data.insert(QStringLiteral("process_continuation"), continuation(job, c.followUps));
    return ApiResult::ok(data);
}

ApiResult render(const JobFailed &f)
{
    const JobRecord &job = f.job;
    const QJsonArray history = JobView::failureHistory(f.events);
    QJsonObject data{{QStringLiteral("job_key"), job.key},
                     {QStringLiteral("status"), JobStates::name(job.state)},
                     {QStringLiteral("retries"), job.retries},
                     {QStringLiteral("attempt_number"), job.attempt},
                     {QStringLiteral("error_message"), job.errorMessage},
                     {QStringLiteral("failed_at"), Clock::toIso(f.failedAt)},
                     {QStringLiteral("worker_id"), f.worker},
                     {QStringLiteral("failure_history"), history}};
    if (job.state == JobState::FailedRetryable)
        data.insert(
            QStringLiteral("retry_strategy"),
            QJsonObject{{QStringLiteral("backoff_duration"), IsoDuration::fromMs(f.backoffMs)},
                        {QStringLiteral("backoff_ms"), f.backoffMs},
                        {QStringLiteral("backoff_type"),
                         f.fixedBackoff ? QStringLiteral("FIXED") : QStringLiteral("EXPONENTIAL")},
                        {QStringLiteral("next_retry_at"), Clock::toIso(job.dueAt)}});
    if (f.incident)
        data.insert(QStringLiteral("incident_created"), incidentCreated(*f.incident));
    if (job.state == JobState::Failed)
        data.insert(QStringLiteral("total_attempts"), history.size());
    return ApiResult::ok(data);
}

ApiResult render(const JobErrorThrown &t)
{
    const JobRecord &job = t.job;
    const bool handled = !t.matchedHandler.isEmpty();
    QJsonObject data{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("error_thrown_at"), Clock::toIso(job.finishedAt)},
        {QStringLiteral("thrown_by"), job.finishedBy},
        {QStringLiteral("error_details"),
         QJsonObject{{QStringLiteral("error_code"), t.errorCode},
                     {QStringLiteral("error_message"), t.errorMessage},
                     {QStringLiteral("variables"), t.variables}}},
        {QStringLiteral("job_completion"),
         QJsonObject{{QStringLiteral("completed_with_error"), true},
                     {QStringLiteral("execution_duration_ms"), job.finishedAt - job.activatedAt}}},
    };
    QJsonObject next = continuation(job, t.followUps);
    next.insert(QStringLiteral("error_handled"), handled);
    if (handled)
        next.insert(QStringLiteral("error_boundary_triggered"),
                    QJsonObject{{QStringLiteral("error_code_matched"), t.matchedHandler},
                                {QStringLiteral("triggered_at"), Clock::toIso(job.finishedAt)}});
    if (t.incident)
        data.insert(QStringLiteral("incident_created"), incidentCreated(*t.incident));
    data.insert(QStringLiteral("process_continuation"), next);
    return ApiResult::ok(data);
}

ApiResult render(const JobCancelled &c)
{
    const JobRecord &job = c.job;
    const QJsonObject cancelled{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("cancelled_at"), Clock::toIso(job.finishedAt)},
        {QStringLiteral("cancelled_by"), job.finishedBy},
        {QStringLiteral("was_active"), c.wasActive},
        {QStringLiteral("worker_id"), c.wasActive ? QJsonValue(job.worker) : QJsonValue()},
        {QStringLiteral("cancellation_reason"), orNull(job.cancelReason)}};
    QJsonObject data = cancelled;
    data.insert(QStringLiteral("message"),
                QStringLiteral("Job %1 cancelled successfully").arg(job.key));
    data.insert(QStringLiteral("cancelled_job"), cancelled);
    return ApiResult::ok(data);
}

ApiResult render(const JobDeleted &d)
{
    return ApiResult::ok(QJsonObject{
        {QStringLiteral("message"), QStringLiteral("Job %1 deleted successfully").arg(d.job.key)},
        {QStringLiteral("deleted_job"),
         QJsonObject{{QStringLiteral("job_key"), d.job.key},
                     {QStringLiteral("status"), JobStates::name(d.job.state)},
                     {QStringLiteral("type"), d.job.type}}}});
}

ApiResult render(const ProgressReported &p)
{
    return ApiResult::ok(
        QJsonObject{{QStringLiteral("job_key"), p.job.key},
                    {QStringLiteral("status"), JobStates::name(p.job.state)},
                    {QStringLiteral("deadline"), Clock::toIso(p.job.deadline)},
                    {QStringLiteral("progress"),
                     JobView::progress(*JobDetails::progressOf(p.job, p.at), p.at)}});
}

ApiResult render(const IncidentResolved &r)
{
    QJsonObject data = JobView::incident(r.incident);
    data.insert(QStringLiteral("process_context"),
                r.job.processContext.isEmpty()
                    ? QJsonValue()
                    : QJsonValue(JsonText::object(r.job.processContext)));
    data.insert(QStringLiteral("job"),
                QJsonObject{{QStringLiteral("job_key"), r.job.key},
                            {QStringLiteral("status"), JobStates::name(r.job.state)},
                            {QStringLiteral("retries"), r.job.retries}});
    return ApiResult::ok(data);
}

ApiResult render(const JobPatched &p)
{
    const JobRecord &job = p.job;
    return ApiResult::ok(QJsonObject{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("retries"), job.retries},
        {QStringLiteral("timeout_ms"), job.timeoutMs},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("deadline"), JobView::timeOrNull(job.deadline)},
        {QStringLiteral("updated_at"), Clock::toIso(job.updatedAt)},
        {QStringLiteral("updated_fields"), strings(p.updatedFields)},
        {QStringLiteral("incident_resolved"),
         p.resolved ? QJsonValue(JobView::incident(*p.resolved)) : QJsonValue()},
    });
}

ApiResult render(const TypePause &p)
{
    QJsonObject data{
        {QStringLiteral("type"), p.type},
        {QStringLiteral("paused"), p.paused},
        {QStringLiteral("paused_at"), p.paused ? JobView::timeOrNull(p.pausedAt) : QJsonValue()},
        {QStringLiteral("paused_by"), p.paused ? orNull(p.pausedBy) : QJsonValue()},
        {QStringLiteral("reason"), p.paused ? orNull(p.reason) : QJsonValue()},
    };
    if (p.resumedAt) {
        data.insert(QStringLiteral("resumed_at"), Clock::toIso(p.resumedAt));
        data.insert(QStringLiteral("resumed_by"), p.resumedBy);
    }
    return ApiResult::ok(data);
}

ApiResult render(const KeyCreated &k)
{
    return ApiResult::ok(QJsonObject{{QStringLiteral("name"), k.key.name},
                                     {QStringLiteral("api_key"), QString::fromLatin1(k.clearKey)},
                                     {QStringLiteral("permissions"), strings(k.key.permissions)},
                                     {QStringLiteral("tenants"), strings(k.key.tenants)},
                                     {QStringLiteral("created_at"), Clock::toIso(k.createdAt)},
                                     {QStringLiteral("message"),
                                      QStringLiteral("Store this key now: it is shown only once")}},
                         201);
}

ApiResult render(const KeyDeleted &k)
{
    return ApiResult::ok(QJsonObject{
        {QStringLiteral("message"), QStringLiteral("API key %1 deleted").arg(k.name)},
        {QStringLiteral("deleted_key"), QJsonObject{{QStringLiteral("name"), k.name}}}});
}

ApiResult render(const JobReplayed &r)
{
    QJsonObject data = JobView::created(r.job);
    data.insert(QStringLiteral("parent_job_key"), r.of);
    data.insert(QStringLiteral("replay_of"), r.of);
    return ApiResult::ok(data, 201);
}

ApiResult render(const JobRecord &status)
{
    return ApiResult::ok(JobView::status(status));
}

} // namespace JobAnswers
