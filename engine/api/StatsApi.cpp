#include "StatsApi.h"

#include "ListParams.h"
#include "Validation.h"
#include "api/JobListView.h"
#include "core/Clock.h"
#include "http/HttpFrontend.h"
#include "store/Database.h"
#include "store/JobCounters.h"
#include "store/ListSchema.h"
#include "store/ReadSnapshot.h"
#include "store/RollupTotals.h"
#include "store/StatsQuery.h"

#include <QMap>

using JobListView::rounded;

namespace StatsApi {
namespace {

using Outcomes = RollupTotals;
qint64 average(qint64 sum, qint64 n)
{
    return RollupTotals::average(sum, n);
}

QJsonObject queueDepth(const QList<CounterCell> &cells)
{
    QMap<QString, CounterSummary> byType;
    for (const CounterCell &cell : cells)
        byType[cell.type].add(cell);
    QJsonObject out;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const CounterSummary &c = it.value();
        const qint64 waiting = c.of(JobState::Created);
        const qint64 scheduled = c.of(JobState::Scheduled);
        const qint64 retrying = c.of(JobState::FailedRetryable);
        const qint64 active = c.of(JobState::Active);
        if (waiting + scheduled + retrying + active == 0)
            continue;
        out.insert(it.key(),
                   QJsonObject{{QStringLiteral("waiting"), waiting},
                               {QStringLiteral("scheduled"), scheduled},
                               {QStringLiteral("retrying"), retrying},
                               {QStringLiteral("active"), active},
                               {QStringLiteral("total"), waiting + scheduled + retrying + active}});
    }
    return out;
}

// Jobs a worker holds right now (jobs_worker index: worker, state).
qint64 activeJobsOf(QSqlDatabase db, const QString &worker, const JobFilter &tenants)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT tenant_id FROM jobs WHERE worker = ? AND state = 3"));
    q.bindValue(0, worker);
    Database::exec(q);
    qint64 n = 0;
    while (q.next()) {
        const QString tenant = q.value(0).toString();
        if ((tenants.tenantId.isEmpty() || tenant == tenants.tenantId) &&
            (tenants.visibleTenants.isEmpty() || tenants.visibleTenants.contains(tenant)))
            ++n;
    }
    return n;
}

void statsRoute(HttpFrontend *f, ApiRequest &request)
{
    const QUrlQuery &query = request.query();
    QJsonObject errors;
    QString period = queryValue(query, "period").toLower();
    if (period.isEmpty())
        period = QStringLiteral("24h");
    const std::optional<qint64> periodMs = ListParams::periodMs(period);
    if (!periodMs)
        errors.insert(QStringLiteral("period"),
                      QStringLiteral("Must be one of 1h, 24h, 7d, 30d, all"));
    JobFilter filter;
    QJsonObject applied{{QStringLiteral("period"), period}};
    const auto name = [&](const char *field, QString &target) {
        const QString text = queryValue(query, field);
        if (text.isEmpty())
            return;
        if (!FieldReader::isName(text))
            errors.insert(QLatin1String(field),
                          QStringLiteral("Must be 1-100 characters: letters, digits, hyphens, "
                                         "underscores"));
        target = text;
        applied.insert(QLatin1String(field), text);
    };
    name("type", filter.type);
    name("worker", filter.worker);
    name("tenant_id", filter.tenantId);
    if (!errors.isEmpty())
        return request.fail(ApiError::validation(errors));
    const ApiKey &caller = request.caller();
    filter.visibleTenants = caller.tenantFilter();

    const qint64 now = Clock::nowMs();
    QSqlDatabase db = f->reader().database();
    ReadSnapshot snapshot(db);
    JobCounters counters(db);
    const QList<CounterCell> cells = counters.cells(filter);

    RollupFilter window{*periodMs ? (now - *periodMs) / 60'000 : 0, filter.type, filter.worker,
                        filter.tenantId, filter.visibleTenants};
    // One cache of past hours per read connection (each front end reads on its own thread).
    thread_local QHash<QString, RollupHourCache> caches;
    StatsQuery stats(db, &caches[db.connectionName()]);
    const QList<RollupCell> rollup = stats.cells(window, now / 60'000);
    Outcomes all;
    QMap<QString, Outcomes> byType, byWorker;
    for (const RollupCell &c : rollup) {
        all.add(c);
        byType[c.type].add(c);
        if (!c.worker.isEmpty())
            byWorker[c.worker].add(c);
    }

    QJsonObject overview;
    if (filter.worker.isEmpty()) {
        overview = JobListView::summary(JobCounters::summarize(cells));
    } else {
        // Counters are not kept per worker: the worker's finished jobs of the period and the
        // jobs it holds now.
        CounterSummary s;
        const qint64 active = activeJobsOf(db, filter.worker, filter);
        s.byState[int(JobState::Active)] = active;
        s.byState[int(JobState::Completed)] = all.completed;
        s.byState[int(JobState::Failed)] = all.failed;
        s.byState[int(JobState::Cancelled)] = all.cancelled;
        s.total = active + all.jobs;
        s.completedDurationMsSum = all.completedMsSum;
        overview = JobListView::summary(s);
        overview.insert(QStringLiteral("scope"), QStringLiteral("worker_period"));
    }

    QJsonObject jobTypes;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        jobTypes.insert(it.key(), QJsonObject{{QStringLiteral("count"), it->jobs},
                                              {QStringLiteral("completed"), it->completed},
                                              {QStringLiteral("failed"), it->failed},
                                              {QStringLiteral("cancelled"), it->cancelled},
                                              {QStringLiteral("success_rate"), it->successRate()},
                                              {QStringLiteral("avg_duration_ms"),
                                               average(it->completedMsSum, it->completedTimed)}});
    QJsonObject workers;
    for (auto it = byWorker.cbegin(); it != byWorker.cend(); ++it)
        workers.insert(it.key(), QJsonObject{{QStringLiteral("jobs_processed"), it->jobs},
                                             {QStringLiteral("completed"), it->completed},
                                             {QStringLiteral("failed"), it->failed},
                                             {QStringLiteral("success_rate"), it->successRate()},
                                             {QStringLiteral("avg_processing_time_ms"),
                                              average(it->processingMsSum, it->timedJobs)}});

    qint64 windowMs = *periodMs;
    if (!windowMs) {
        QSqlQuery first(db);
        first.prepare(QStringLiteral("SELECT min(minute) FROM job_rollup"));
        Database::exec(first);
        const qint64 firstMinute = first.next() ? first.value(0).toLongLong() : now / 60'000;
        windowMs = qMax<qint64>(60'000, now - firstMinute * 60'000);
    }
    const qint64 peak = rollup.isEmpty() ? 0 : stats.peakMinuteJobs(window);
    const QJsonObject performance{
        {QStringLiteral("finished_jobs"), all.jobs},
        {QStringLiteral("jobs_per_second"),
         rounded(double(all.jobs) * 1000.0 / double(windowMs), 3)},
        {QStringLiteral("peak_throughput"), rounded(double(peak) / 60.0, 3)},
        {QStringLiteral("peak_minute_jobs"), peak},
        {QStringLiteral("avg_queue_time_ms"), average(all.queueMsSum, all.timedJobs)},
        {QStringLiteral("avg_processing_time_ms"), average(all.processingMsSum, all.timedJobs)},
        {QStringLiteral("p95_processing_time_ms"), all.percentile(0.95)},
    };

    request.reply(ApiResult::ok(QJsonObject{
        {QStringLiteral("period"), period},
        {QStringLiteral("generated_at"), Clock::toIso(now)},
        {QStringLiteral("window_start"), Clock::toIso(now - windowMs)},
        {QStringLiteral("overview"), overview},
        {QStringLiteral("job_types"), jobTypes},
        {QStringLiteral("worker_performance"), workers},
        {QStringLiteral("performance_metrics"), performance},
        {QStringLiteral("queue_depth"), queueDepth(cells)},
        {QStringLiteral("filters_applied"), applied},
    }));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    HttpFrontend *f = &frontend;
    f->router().add(Router::Method::Get, QStringLiteral("/api/v1/jobs/stats"), Router::Access::Job,
                    [f](ApiRequest &request) { statsRoute(f, request); },
                    {"jobs", "Statistics for a period", false, "period type worker tenant_id"});
}

} // namespace StatsApi
