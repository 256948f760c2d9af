#include "ScheduleCommands.h"

#include "JobCommands.h"
#include "core/JsonText.h"
#include "store/ScheduleStore.h"

namespace ScheduleCommands {
namespace {

ScheduleStore schedules(Txn &txn)
{
    return ScheduleStore(txn.store().database());
}

std::optional<ScheduleRecord> visible(Txn &txn, const ApiKey &caller, const QString &name)
{
    std::optional<ScheduleRecord> s = schedules(txn).find(name, true);
    if (s && !caller.seesTenant(s->tenantId))
        return std::nullopt;
    return s;
}

JobError notFound(const QString &name)
{
    return JobError::of(JobError::Kind::ScheduleNotFound, name);
}

// The next firing after now, or none while paused (or when the expression never fires again).
void plan(Txn &txn, ScheduleRecord &s)
{
    s.nextRunAt = 0;
    if (s.paused)
        return;
    if (const std::optional<Recurrence> r = s.recurrence())
        s.nextRunAt = r->nextAfter(txn.now()).value_or(0);
    if (s.nextRunAt)
        txn.wakeAt(s.nextRunAt);
}

void apply(ScheduleRecord &s, const ScheduleChange &c, qint64 now)
{
    if (c.type)
        s.type = *c.type;
    if (c.cron) {
        s.cron = *c.cron;
        s.everyMs = 0;
    }
    if (c.everyMs && (*c.everyMs != s.everyMs || !s.cron.isEmpty())) {
        s.everyMs = *c.everyMs;
        s.cron.clear();
        s.anchorAt = now; // a new interval: its first run is one interval from now
    }
    if (c.timezone)
        s.timezone = *c.timezone;
    if (c.tenantId)
        s.tenantId = *c.tenantId;
    if (c.variables)
        s.variables = *c.variables;
    if (c.customHeaders)
        s.customHeaders = *c.customHeaders;
    if (c.priority)
        s.priority = *c.priority;
    if (c.retries)
        s.retries = *c.retries;
    if (c.timeoutMs)
        s.timeoutMs = *c.timeoutMs;
    if (c.paused)
        s.paused = *c.paused;
    s.updatedAt = now;
}

// The job of one firing: the schedule's settings, custom_headers.schedule = its name.
JobRecord createJob(Txn &txn, const ScheduleRecord &s)
{
    CreateSpec spec;
    spec.type = s.type;
    spec.tenantId = s.tenantId;
    spec.variablesJson = s.variables;
    QJsonObject headers = JsonText::object(s.customHeaders);
    headers.insert(QStringLiteral("schedule"), s.name);
    spec.customHeaders = headers;
    spec.priority = s.priority;
    spec.retries = s.retries;
    spec.timeoutMs = s.timeoutMs;
    spec.scheduleName = s.name;
    return JobCommands::create(txn, spec).value().jobs.first();
}

} // namespace

Outcome<ScheduleRecord> create(Txn &txn, const ApiKey &caller, const QString &name,
                               const ScheduleChange &change)
{
    ScheduleRecord s;
    s.name = name;
    s.createdAt = txn.now();
    s.createdBy = caller.name;
    apply(s, change, txn.now());
    plan(txn, s);
    // Names are one namespace across tenants: another tenant's name is taken too.
    if (!schedules(txn).insert(s))
        return JobError::of(JobError::Kind::ScheduleExists, name);
    return s;
}

Outcome<ScheduleRecord> update(Txn &txn, const ApiKey &caller, const QString &name,
                               const ScheduleChange &change)
{
    std::optional<ScheduleRecord> s = visible(txn, caller, name);
    if (!s)
        return notFound(name);
    const ScheduleRecord before = *s;
    apply(*s, change, txn.now());
    // Planned again only when its timing changed: an edit of its job keeps its next run.
    if (s->cron != before.cron || s->everyMs != before.everyMs || s->timezone != before.timezone ||
        s->paused != before.paused)
        plan(txn, *s);
    schedules(txn).update(*s);
    return *s;
}

Outcome<ScheduleRecord> remove(Txn &txn, const ApiKey &caller, const QString &name)
{
    std::optional<ScheduleRecord> s = visible(txn, caller, name);
    if (!s)
        return notFound(name);
    schedules(txn).remove(name);
    return *s;
}

Outcome<ScheduleRecord> setPaused(Txn &txn, const ApiKey &caller, const QString &name, bool paused)
{
    ScheduleChange change;
    change.paused = paused;
    return update(txn, caller, name, change);
}

Outcome<JobsCreated> runNow(Txn &txn, const ApiKey &caller, const QString &name)
{
    std::optional<ScheduleRecord> s = visible(txn, caller, name);
    if (!s)
        return notFound(name);
    const JobRecord job = createJob(txn, *s);
    s->lastRunAt = txn.now();
    s->lastJobKey = job.key;
    schedules(txn).update(*s);
    return JobsCreated{{job}, false};
}

int fireDue(Txn &txn, int limit)
{
    ScheduleStore store = schedules(txn);
    const QList<ScheduleRecord> due = store.due(txn.now(), limit);
    for (ScheduleRecord s : due) {
        const std::optional<Recurrence> r = s.recurrence();
        const qint64 dueAt = r ? r->latestDue(s.nextRunAt, txn.now()) : s.nextRunAt;
        s.lastJobKey = createJob(txn, s).key;
        s.lastRunAt = dueAt;
        plan(txn, s);
        store.update(s);
    }
    return int(due.size());
}

} // namespace ScheduleCommands
