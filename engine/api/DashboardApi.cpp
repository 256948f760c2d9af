#include "DashboardApi.h"

#include "RetentionApi.h"
#include "core/Clock.h"
#include "core/JsonText.h"
#include "engine/Dashboard.h"
#include "engine/Engine.h"
#include "http/HttpFrontend.h"

#include <QJsonArray>

namespace DashboardApi {
namespace {

QJsonValue bytesOrNull(qint64 bytes)
{
    return bytes >= 0 ? QJsonValue(bytes) : QJsonValue(QJsonValue::Null);
}

QJsonValue footprintJson(const std::optional<StoreFootprint> &f)
{
    if (!f)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("bytes"), f->bytes},
                       {QStringLiteral("wal_bytes"), bytesOrNull(f->walBytes)},
                       {QStringLiteral("free_bytes"), bytesOrNull(f->freeBytes)},
                       {QStringLiteral("oldest_finished_at"), JsonText::time(f->oldestFinishedAt)}};
}

QJsonObject render(const DashboardSnapshot &s)
{
    QJsonObject byState;
    for (JobState state : JobStates::all())
        byState.insert(JobStates::name(state), s.counts.of(state));
    QJsonArray minutes;
    for (const DashboardSnapshot::Minute &m : s.minutes)
        minutes.append(QJsonObject{{QStringLiteral("minute"), Clock::toIso(m.minute * 60'000)},
                                   {QStringLiteral("completed"), m.completed},
                                   {QStringLiteral("failed"), m.failed},
                                   {QStringLiteral("cancelled"), m.cancelled}});
    QJsonArray depth;
    for (const DashboardSnapshot::Depth &d : s.depth)
        depth.append(QJsonObject{{QStringLiteral("type"), d.type},
                                 {QStringLiteral("waiting"), d.waiting},
                                 {QStringLiteral("scheduled"), d.scheduled},
                                 {QStringLiteral("retrying"), d.retrying},
                                 {QStringLiteral("active"), d.active}});
    return QJsonObject{
        {QStringLiteral("generated_at"), Clock::toIso(s.generatedAt)},
        {QStringLiteral("total_jobs"), s.counts.total},
        {QStringLiteral("jobs_by_state"), byState},
        {QStringLiteral("open_incidents"), s.openIncidents},
        {QStringLiteral("minutes"), minutes},
        {QStringLiteral("window"),
         QJsonObject{{QStringLiteral("minutes"), DashboardSnapshot::kMinutes},
                     {QStringLiteral("finished"), s.window.jobs},
                     {QStringLiteral("completed"), s.window.completed},
                     {QStringLiteral("failed"), s.window.failed},
                     {QStringLiteral("cancelled"), s.window.cancelled},
                     {QStringLiteral("timed_jobs"), s.window.timedJobs},
                     {QStringLiteral("p95_processing_time_ms"), s.p95ProcessingMs}}},
        {QStringLiteral("queue_depth"), depth},
        {QStringLiteral("store"), footprintJson(s.store)},
        {QStringLiteral("retention"),
         s.retention ? QJsonValue(RetentionApi::policyJson(*s.retention)) : QJsonValue::Null},
    };
}

void dashboardRoute(HttpFrontend *f, ApiRequest &request)
{
    QSqlDatabase db = f->reader().database();
    // One cache of past hours per read connection (each front end reads on its own thread).
    thread_local QHash<QString, RollupHourCache> caches;
    const ApiKey &caller = request.caller();
    // The store's size tells of every tenant (as GET /metrics, for a key of every tenant), the
    // retention is an admin's (as GET /settings/retention): null for other keys.
    const bool admin = caller.allows(Permission::Admin, false);
    const DashboardSnapshot s =
        Dashboard::read(db, &caches[db.connectionName()], Clock::nowMs(),
                        admin ? std::optional(f->engine()->defaultRetention()) : std::nullopt,
                        caller.tenantFilter());
    request.reply(ApiResult::ok(render(s)));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Router::Method::Get, "/api/v1/dashboard", Router::Access::Read, dashboardRoute,
                   {"system", "What the console's dashboard shows", false});
}

} // namespace DashboardApi
