#include "OperatorJson.h"

#include "JobJson.h"
#include "JsonRead.h"

#include "core/Clock.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"
#include "core/KeyGenerator.h"

#include <QJsonArray>

namespace OperatorJson {
namespace {

using JsonRead::strings;
using JsonRead::text;
using JsonRead::time;

// An ISO duration, or nullopt for null (kept for ever).
std::optional<qint64> durationOf(const QJsonValue &v)
{
    return v.isString() ? IsoDuration::parseMs(v.toString()) : std::nullopt;
}

} // namespace

DashboardSnapshot dashboard(const QJsonObject &d)
{
    DashboardSnapshot s;
    s.generatedAt = time(d.value(QStringLiteral("generated_at")));
    const QJsonObject byState = d.value(QStringLiteral("jobs_by_state")).toObject();
    for (JobState state : JobStates::all())
        s.counts.byState[int(state)] = byState.value(JobStates::name(state)).toInteger();
    s.counts.total = d.value(QStringLiteral("total_jobs")).toInteger();
    s.openIncidents = d.value(QStringLiteral("open_incidents")).toInteger();
    for (const QJsonValue &v : d.value(QStringLiteral("minutes")).toArray()) {
        const QJsonObject m = v.toObject();
        s.minutes.append({time(m.value(QStringLiteral("minute"))) / 60'000,
                          m.value(QStringLiteral("completed")).toInteger(),
                          m.value(QStringLiteral("failed")).toInteger(),
                          m.value(QStringLiteral("cancelled")).toInteger()});
    }
    for (const QJsonValue &v : d.value(QStringLiteral("queue_depth")).toArray()) {
        const QJsonObject q = v.toObject();
        s.depth.append({q.value(QStringLiteral("type")).toString(),
                        q.value(QStringLiteral("waiting")).toInteger(),
                        q.value(QStringLiteral("scheduled")).toInteger(),
                        q.value(QStringLiteral("retrying")).toInteger(),
                        q.value(QStringLiteral("active")).toInteger()});
    }
    const QJsonObject w = d.value(QStringLiteral("window")).toObject();
    s.window.jobs = w.value(QStringLiteral("finished")).toInteger();
    s.window.completed = w.value(QStringLiteral("completed")).toInteger();
    s.window.failed = w.value(QStringLiteral("failed")).toInteger();
    s.window.cancelled = w.value(QStringLiteral("cancelled")).toInteger();
    s.window.timedJobs = w.value(QStringLiteral("timed_jobs")).toInteger();
    s.p95ProcessingMs = w.value(QStringLiteral("p95_processing_time_ms")).toInteger();
    // null for a key that is not an admin's
    if (const QJsonValue v = d.value(QStringLiteral("store")); v.isObject()) {
        const QJsonObject store = v.toObject();
        StoreFootprint &f = s.store.emplace();
        f.bytes = store.value(QStringLiteral("bytes")).toInteger();
        f.walBytes = store.value(QStringLiteral("wal_bytes")).toInteger(-1);
        f.freeBytes = store.value(QStringLiteral("free_bytes")).toInteger(-1);
        f.oldestFinishedAt = time(store.value(QStringLiteral("oldest_finished_at")));
    }
    if (const QJsonValue v = d.value(QStringLiteral("retention")); v.isObject())
        s.retention = retention(v.toObject());
    return s;
}

JobTypeSnapshot jobType(const QJsonObject &o)
{
    JobTypeSnapshot t;
    t.type = o.value(QStringLiteral("type")).toString();
    const QJsonObject depth = o.value(QStringLiteral("depth")).toObject();
    for (JobState state : JobStates::all())
        t.depth[int(state)] = depth.value(JobStates::name(state)).toInteger();
    t.total = o.value(QStringLiteral("total_jobs")).toInteger();
    t.oldestWaitingAt = time(o.value(QStringLiteral("oldest_waiting_at")));
    t.paused = o.value(QStringLiteral("paused")).toBool();
    t.pausedAt = time(o.value(QStringLiteral("paused_at")));
    t.pausedBy = text(o.value(QStringLiteral("paused_by")));
    if (t.paused) // the reason is the last pause's, in the history (newest first)
        for (const QJsonValue &e : o.value(QStringLiteral("pause_history")).toArray())
            if (e.toObject().value(QStringLiteral("action")).toString() ==
                QLatin1String("JOB_TYPE_PAUSED")) {
                t.pauseReason = text(e.toObject().value(QStringLiteral("reason")));
                break;
            }
    t.workers = strings(o.value(QStringLiteral("workers")));
    t.longPolls = o.value(QStringLiteral("long_polls_waiting")).toInt();
    const QJsonObject limits = o.value(QStringLiteral("limits")).toObject();
    if (!limits.isEmpty()) {
        if (limits.value(QStringLiteral("max_active")).isDouble())
            t.limit.maxActive = limits.value(QStringLiteral("max_active")).toInt();
        const QJsonObject rate = limits.value(QStringLiteral("rate")).toObject();
        if (!rate.isEmpty()) {
            t.limit.rateLimit = rate.value(QStringLiteral("limit")).toInt();
            t.limit.ratePerMs =
                IsoDuration::parseMs(rate.value(QStringLiteral("per")).toString()).value_or(0);
        }
        t.activeNow = limits.value(QStringLiteral("active")).toInt();
        t.activationsInWindow = limits.value(QStringLiteral("activations_in_window")).toInt();
    }
    return t;
}

OperatorStore::IncidentRow incident(const QJsonObject &o)
{
    OperatorStore::IncidentRow row;
    row.incident = JobJson::incident(o);
    if (o.value(QStringLiteral("process_context")).isObject())
        row.processContext =
            JsonText::compact(o.value(QStringLiteral("process_context")).toObject());
    row.jobStatus = text(o.value(QStringLiteral("job_status")));
    return row;
}

IncidentGroups::Group incidentGroup(const QJsonObject &o)
{
    IncidentGroups::Group g;
    g.jobType = o.value(QStringLiteral("job_type")).toString();
    g.errorCode = text(o.value(QStringLiteral("error_code")));
    g.errorMessage = text(o.value(QStringLiteral("error_message")));
    g.count = o.value(QStringLiteral("count")).toInteger();
    g.newestAt = time(o.value(QStringLiteral("newest_at")));
    return g;
}

WorkerSnapshot worker(const QJsonObject &o)
{
    WorkerSnapshot w;
    w.worker.name = o.value(QStringLiteral("worker_id")).toString();
    w.worker.types = strings(o.value(QStringLiteral("types")));
    w.worker.lastSeenAt = time(o.value(QStringLiteral("last_seen_at")));
    w.worker.activeJobs = o.value(QStringLiteral("active_jobs")).toInteger();
    w.worker.activated = o.value(QStringLiteral("activated")).toInteger();
    w.worker.completed = o.value(QStringLiteral("completed")).toInteger();
    w.worker.failed = o.value(QStringLiteral("failed")).toInteger();
    w.longPolling = o.value(QStringLiteral("long_polling")).toInt();
    return w;
}

KeyStore::Listed apiKey(const QJsonObject &o)
{
    KeyStore::Listed l;
    l.key.name = o.value(QStringLiteral("name")).toString();
    l.key.permissions = strings(o.value(QStringLiteral("permissions")));
    l.key.tenants = strings(o.value(QStringLiteral("tenants")));
    l.createdAt = time(o.value(QStringLiteral("created_at")));
    return l;
}

ScheduleRecord schedule(const QJsonObject &o)
{
    ScheduleRecord s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.type = o.value(QStringLiteral("type")).toString();
    s.tenantId = o.value(QStringLiteral("tenant_id")).toString();
    s.cron = text(o.value(QStringLiteral("cron")));
    s.everyMs = durationOf(o.value(QStringLiteral("every"))).value_or(0);
    s.timezone = o.value(QStringLiteral("timezone")).toString();
    s.variables = JsonText::compact(o.value(QStringLiteral("variables")).toObject());
    s.customHeaders = JsonText::compact(o.value(QStringLiteral("custom_headers")).toObject());
    s.priority = o.value(QStringLiteral("priority")).toInt();
    s.retries = o.value(QStringLiteral("retries")).toInt();
    s.timeoutMs = durationOf(o.value(QStringLiteral("timeout"))).value_or(0);
    s.paused = o.value(QStringLiteral("paused")).toBool();
    s.nextRunAt = time(o.value(QStringLiteral("next_run_at")));
    s.lastRunAt = time(o.value(QStringLiteral("last_run_at")));
    s.lastJobKey = text(o.value(QStringLiteral("last_job_key")));
    s.createdAt = time(o.value(QStringLiteral("created_at")));
    s.createdBy = o.value(QStringLiteral("created_by")).toString();
    s.updatedAt = time(o.value(QStringLiteral("updated_at")));
    return s;
}

RetentionPolicy retention(const QJsonObject &o)
{
    RetentionPolicy p;
    p.completedMs = durationOf(o.value(QStringLiteral("completed")));
    p.cancelledMs = durationOf(o.value(QStringLiteral("cancelled")));
    p.failedMs = durationOf(o.value(QStringLiteral("failed")));
    return p;
}

} // namespace OperatorJson
