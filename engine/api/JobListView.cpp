#include "JobListView.h"

#include "store/JobReads.h"

#include "JobView.h"
#include "core/JsonText.h"

#include <cmath>

using JsonText::time;

namespace JobListView {
namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonObject entry(const JobRecord &job, const QList<JobEvent> &events)
{
    const QJsonObject context = JsonText::object(job.processContext);
    const auto contextField = [&context](const char *name) {
        const QJsonValue v = context.value(QLatin1String(name));
        return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
    };
    QJsonObject out{
        {QStringLiteral("job_key"), job.key},
        {QStringLiteral("type"), job.type},
        {QStringLiteral("status"), JobStates::name(job.state)},
        {QStringLiteral("tenant_id"), job.tenantId},
        {QStringLiteral("priority"), job.priority},
        {QStringLiteral("worker"), textOrNull(job.worker)},
        {QStringLiteral("process_instance_id"), contextField("process_instance_id")},
        {QStringLiteral("element_id"), contextField("element_id")},
        {QStringLiteral("created_at"), time(job.createdAt)},
        {QStringLiteral("updated_at"), time(job.updatedAt)},
        {QStringLiteral("activated_at"), time(job.activatedAt)},
        // when the last activation ended (null while it runs): a retrying job's last run
        {QStringLiteral("attempt_ended_at"), time(job.attemptEndedAt)},
        {QStringLiteral("deadline"), time(job.deadline)},
        {QStringLiteral("timeout_ms"), job.timeoutMs},
        {QStringLiteral("retries"), job.retries},
        {QStringLiteral("original_retries"), job.originalRetries},
        {QStringLiteral("attempt"), job.attempt},
        {QStringLiteral("terminal"), JobStates::isTerminal(job.state)},
        {QStringLiteral("variables"), JsonText::object(job.variables)},
        {QStringLiteral("custom_headers"), JsonText::object(job.customHeaders)},
    };
    const QString finished = JobView::finishedAtField(job.state);
    if (!finished.isEmpty())
        out.insert(finished, time(job.finishedAt));
    if (job.state == JobState::Scheduled)
        out.insert(QStringLiteral("run_at"), time(job.dueAt));
    if (job.state == JobState::FailedRetryable)
        out.insert(QStringLiteral("next_retry_at"), time(job.dueAt));
    if (job.state == JobState::Completed) {
        const qint64 total = job.activatedAt ? job.finishedAt - job.activatedAt : 0;
        out.insert(QStringLiteral("execution_summary"),
                   QJsonObject{{QStringLiteral("total_duration_ms"), total},
                               {QStringLiteral("completed_by"), textOrNull(job.finishedBy)},
                               {QStringLiteral("result_variables"),
                                JsonText::object(job.resultVariables)}});
    }
    if (!job.errorMessage.isEmpty() || JobReads::entryNeedsEvents(job)) {
        out.insert(QStringLiteral("error_message"), textOrNull(job.errorMessage));
        out.insert(QStringLiteral("error_code"), textOrNull(job.errorCode));
        out.insert(QStringLiteral("failure_history"), JobView::failureHistory(events));
    }
    if (job.state == JobState::Failed || job.state == JobState::ErrorThrown)
        out.insert(QStringLiteral("incident_id"), textOrNull(job.incidentKey));
    if (job.state == JobState::Cancelled && !job.cancelReason.isEmpty())
        out.insert(QStringLiteral("cancel_reason"), job.cancelReason);
    return out;
}

QJsonObject summary(const CounterSummary &c)
{
    const qint64 completed = c.of(JobState::Completed);
    const qint64 failed = c.of(JobState::Failed) + c.of(JobState::ErrorThrown);
    const qint64 cancelled = c.of(JobState::Cancelled);
    const qint64 terminal = completed + failed + cancelled;
    QJsonObject byStatus;
    for (JobState state : JobStates::all())
        byStatus.insert(JobStates::name(state), c.of(state));
    return QJsonObject{
        {QStringLiteral("total_jobs"), c.total},
        {QStringLiteral("active_jobs"), c.total - terminal},
        {QStringLiteral("completed_jobs"), completed},
        {QStringLiteral("failed_jobs"), failed},
        {QStringLiteral("cancelled_jobs"), cancelled},
        {QStringLiteral("success_rate_percent"),
         terminal ? rounded(100.0 * double(completed) / double(terminal)) : 0.0},
        {QStringLiteral("avg_duration_seconds"),
         completed ? rounded(double(c.completedDurationMsSum) / double(completed) / 1000.0, 3)
                   : 0.0},
        {QStringLiteral("by_status"), byStatus},
    };
}

} // namespace JobListView
