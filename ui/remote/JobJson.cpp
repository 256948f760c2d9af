#include "JobJson.h"

#include "JsonRead.h"

#include "api/ListParams.h"
#include "core/Clock.h"
#include "core/JsonText.h"
#include "core/KeyGenerator.h"

#include <QJsonArray>

namespace JobJson {
namespace {

using JsonRead::text;
using JsonRead::time;

QByteArray objectText(const QJsonValue &v)
{
    return v.isObject() ? JsonText::compact(v.toObject()) : QByteArray();
}

// A history entry back into the stored event: the API shows the stored details' "message" as
// "details" and their other keys beside the entry's own.
JobEvent eventOf(const QJsonObject &entry)
{
    JobEvent e;
    e.at = time(entry.value(QStringLiteral("timestamp")));
    e.action = entry.value(QStringLiteral("action")).toString();
    e.worker = text(entry.value(QStringLiteral("worker_id")));
    e.attempt = entry.value(QStringLiteral("attempt")).toInt();
    e.error = text(entry.value(QStringLiteral("error")));
    QJsonObject details;
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("timestamp") || key == QLatin1String("action") ||
            key == QLatin1String("worker_id") || key == QLatin1String("attempt") ||
            key == QLatin1String("error"))
            continue;
        details.insert(key == QLatin1String("details") ? QStringLiteral("message") : key,
                       it.value());
    }
    if (!details.isEmpty())
        e.details = JsonText::compact(details);
    return e;
}

// The worker's last report as the store keeps it, from the API's "progress".
QByteArray progressText(const QJsonObject &p)
{
    if (p.isEmpty())
        return {};
    QJsonObject stored{{QStringLiteral("total"), p.value(QStringLiteral("total_rows"))},
                       {QStringLiteral("processed"), p.value(QStringLiteral("processed_rows"))},
                       {QStringLiteral("succeeded"), p.value(QStringLiteral("successful_rows"))},
                       {QStringLiteral("failed"), p.value(QStringLiteral("failed_rows"))},
                       {QStringLiteral("reported_at"), p.value(QStringLiteral("reported_at"))}};
    if (p.contains(QStringLiteral("message")))
        stored.insert(QStringLiteral("message"), p.value(QStringLiteral("message")));
    return JsonText::compact(stored);
}

} // namespace

IncidentRecord incident(const QJsonObject &o)
{
    IncidentRecord r;
    r.key = o.value(QStringLiteral("incident_id")).toString();
    r.id = KeyGenerator::idFromIncidentKey(r.key).value_or(0); // it orders incidents
    r.type = o.value(QStringLiteral("type")).toString();
    r.status = o.value(QStringLiteral("status")).toString();
    r.jobKey = o.value(QStringLiteral("job_key")).toString();
    r.jobId = KeyGenerator::idFromJobKey(r.jobKey).value_or(0);
    r.jobType = o.value(QStringLiteral("job_type")).toString();
    r.tenantId = o.value(QStringLiteral("tenant_id")).toString();
    r.errorMessage = text(o.value(QStringLiteral("error_message")));
    r.errorCode = text(o.value(QStringLiteral("error_code")));
    r.createdAt = time(o.value(QStringLiteral("created_at")));
    r.resolvedAt = time(o.value(QStringLiteral("resolved_at")));
    r.resolvedBy = text(o.value(QStringLiteral("resolved_by")));
    return r;
}

JobRecord record(const QJsonObject &o)
{
    JobRecord job;
    job.key = o.value(QStringLiteral("job_key")).toString();
    job.id = KeyGenerator::idFromJobKey(job.key).value_or(0);
    job.type = o.value(QStringLiteral("type")).toString();
    job.state = JobStates::fromName(o.value(QStringLiteral("status")).toString())
                    .value_or(JobState::Created);
    job.tenantId = o.value(QStringLiteral("tenant_id")).toString();
    job.priority = o.value(QStringLiteral("priority")).toInt();
    job.attempt = o.value(QStringLiteral("attempt")).toInt();
    job.timeoutMs = o.value(QStringLiteral("timeout_ms")).toInteger();
    job.createdAt = time(o.value(QStringLiteral("created_at")));
    job.updatedAt = time(o.value(QStringLiteral("updated_at")));
    job.activatedAt = time(o.value(QStringLiteral("activated_at")));
    job.attemptEndedAt = time(o.value(QStringLiteral("attempt_ended_at")));
    job.deadline = time(o.value(QStringLiteral("deadline")));
    job.variables = JsonText::compact(o.value(QStringLiteral("variables")).toObject());
    job.customHeaders = JsonText::compact(o.value(QStringLiteral("custom_headers")).toObject());
    job.worker = text(o.value(QStringLiteral("worker")));
    job.parentKey = text(o.value(QStringLiteral("parent_job_key")));
    job.cancelReason = text(o.value(QStringLiteral("cancel_reason")));
    job.incidentKey = text(o.value(QStringLiteral("incident_id")));
    for (const char *field : {"completed_at", "failed_at", "error_thrown_at", "cancelled_at"})
        if (o.contains(QLatin1String(field)))
            job.finishedAt = time(o.value(QLatin1String(field)));
    job.runAt = time(o.value(QStringLiteral("run_at")));
    if (job.state == JobState::Scheduled)
        job.dueAt = job.runAt;
    if (job.state == JobState::FailedRetryable)
        job.dueAt = time(o.value(QStringLiteral("next_retry_at")));

    // A list entry carries these at the top; the details in their groups.
    job.retries = o.value(QStringLiteral("retries")).toInt();
    job.originalRetries = o.value(QStringLiteral("original_retries")).toInt();
    const QJsonObject retry = o.value(QStringLiteral("retry_configuration")).toObject();
    if (!retry.isEmpty()) {
        job.retries = retry.value(QStringLiteral("retries")).toInt();
        job.originalRetries = retry.value(QStringLiteral("original_retries")).toInt();
        job.maxRetryDelayMs = retry.value(QStringLiteral("max_retry_delay_ms")).toInteger();
    }
    const QJsonObject summary = o.value(QStringLiteral("execution_summary")).toObject();
    job.finishedBy = text(summary.value(QStringLiteral("completed_by")));
    job.resultVariables = objectText(summary.value(QStringLiteral("result_variables")));
    job.errorMessage = text(o.value(QStringLiteral("error_message")));
    job.errorCode = text(o.value(QStringLiteral("error_code")));
    const QJsonObject failure = o.value(QStringLiteral("failure_information")).toObject();
    if (!failure.isEmpty()) {
        job.errorMessage = text(failure.value(QStringLiteral("error_message")));
        job.errorCode = text(failure.value(QStringLiteral("error_code")));
    }
    const QJsonObject assignment = o.value(QStringLiteral("worker_assignment")).toObject();
    if (!assignment.isEmpty()) {
        job.worker = assignment.value(QStringLiteral("worker_id")).toString();
        job.maxJobsForWorker = assignment.value(QStringLiteral("max_jobs_for_worker")).toInt();
    }
    // The process context: whole in the details, two of its fields in a list entry.
    if (o.value(QStringLiteral("process_context")).isObject()) {
        job.processContext = objectText(o.value(QStringLiteral("process_context")));
    } else {
        QJsonObject context;
        for (const char *field : {"process_instance_id", "element_id"})
            if (o.value(QLatin1String(field)).isString())
                context.insert(QLatin1String(field), o.value(QLatin1String(field)));
        if (!context.isEmpty())
            job.processContext = JsonText::compact(context);
    }
    job.progress = progressText(o.value(QStringLiteral("progress")).toObject());
    return job;
}

JobDetails details(const QJsonObject &o)
{
    JobDetails d;
    d.job = record(o);
    for (const QJsonValue &entry : o.value(QStringLiteral("execution_history")).toArray())
        d.events.append(eventOf(entry.toObject()));
    const QJsonObject incident = o.value(QStringLiteral("incident_information")).toObject();
    if (!incident.isEmpty())
        d.incident = JobJson::incident(incident);
    d.workerLoad = o.value(QStringLiteral("worker_assignment"))
                       .toObject()
                       .value(QStringLiteral("current_jobs_for_worker"))
                       .toInt();
    return d;
}

BulkOperationRecord bulkOperation(const QJsonObject &o)
{
    BulkOperationRecord r;
    r.key = o.value(QStringLiteral("operation_id")).toString();
    r.action = BulkOperationRecord::actionFromName(o.value(QStringLiteral("action")).toString())
                   .value_or(BulkAction::Cancel);
    r.filterText = JsonText::compact(o.value(QStringLiteral("filter")).toObject());
    const QString status = o.value(QStringLiteral("status")).toString();
    for (BulkStatus s : {BulkStatus::Running, BulkStatus::Completed, BulkStatus::Cancelled})
        if (BulkOperationRecord::statusName(s) == status)
            r.status = s;
    r.matched = o.value(QStringLiteral("matched")).toInteger();
    r.matchedExact = o.value(QStringLiteral("matched_exact")).toBool(true);
    r.processed = o.value(QStringLiteral("processed")).toInteger();
    r.succeeded = o.value(QStringLiteral("succeeded")).toInteger();
    r.refused = o.value(QStringLiteral("refused")).toInteger();
    r.retries = o.value(QStringLiteral("retries")).toInt(1);
    r.reason = text(o.value(QStringLiteral("reason")));
    r.createdAt = time(o.value(QStringLiteral("created_at")));
    r.createdBy = o.value(QStringLiteral("created_by")).toString();
    r.finishedAt = time(o.value(QStringLiteral("finished_at")));
    r.stoppedBy = text(o.value(QStringLiteral("stopped_by")));
    for (const QJsonValue &v : o.value(QStringLiteral("refusals")).toArray()) {
        BulkRefusalRecord refusal;
        refusal.jobKey = v.toObject().value(QStringLiteral("job_key")).toString();
        refusal.message = v.toObject().value(QStringLiteral("message")).toString();
        r.refusals.append(refusal);
    }
    return r;
}

QUrlQuery listQuery(const JobFilter &filter, const PageRequest &page)
{
    QUrlQuery query;
    const QJsonObject o = ListParams::filterObject(filter);
    for (auto it = o.begin(); it != o.end(); ++it) {
        QString value = it.value().toString();
        if (it.value().isArray()) { // state: comma-separated words
            QStringList words;
            for (const QJsonValue &word : it.value().toArray())
                words.append(word.toString());
            value = words.join(QLatin1Char(','));
        }
        query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    query.addQueryItem(QStringLiteral("sort_by"), ListParams::sortName(page.sort));
    query.addQueryItem(QStringLiteral("sort_order"),
                       page.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    return query;
}

} // namespace JobJson
