#include "OperatorApi.h"

#include "JobView.h"

#include "SystemApi.h"

#include "JobAnswers.h"
#include "LimitsApi.h"
#include "Validation.h"
#include "core/Clock.h"
#include "engine/Engine.h"
#include "engine/OperatorCommands.h"
#include "http/HttpFrontend.h"
#include "store/OperatorStore.h"
#include "store/TypeLimitStore.h"

#include <QMap>

namespace OperatorApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

// Jobs a bulk delete looks at and deletes per engine transaction: the engine serves everything
// else between two steps.
constexpr int kBulkScan = 5000;
constexpr int kBulkDelete = 500;

// PATCH /api/v1/jobs/:key {"retries": 0-100, "timeout": "PT5M", "priority": -100..100}
void patchRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    FieldReader in(*body);
    const QStringList known{QStringLiteral("retries"), QStringLiteral("timeout"),
                            QStringLiteral("priority")};
    for (const QString &field : body->keys())
        if (!known.contains(field))
            in.error(field,
                     QStringLiteral("Unknown field; PATCH takes retries, timeout, priority"));
    PatchSpec spec;
    if (in.has(QStringLiteral("retries")))
        spec.retries = in.retries();
    if (in.has(QStringLiteral("timeout")))
        spec.timeoutMs = in.duration(QStringLiteral("timeout"), 1000, 24LL * 3'600'000);
    if (in.has(QStringLiteral("priority")))
        spec.priority = in.priority();
    if (in.ok() && !spec.retries && !spec.timeoutMs && !spec.priority)
        in.error(QStringLiteral("body"), QStringLiteral("Give retries, timeout or priority"));
    if (!in.ok())
        return request.fail(in.toError());
    f->engine()->submit(
        [caller = request.caller(), key = request.argument(0), spec](Txn &txn) {
            return OperatorCommands::patchJob(txn, caller, key, spec);
        },
        JobAnswers::later<JobPatched>(request), request.argument(0));
}

struct BulkDelete
{
    HttpFrontend *frontend = nullptr;
    BulkDeleteFilter filter;
    QJsonObject applied;
    qint64 deleted = 0;
    int steps = 0;
    std::function<bool(const ApiResult &)> answer;
};

// One step in the engine; the next is queued when it answers, until the store is covered.
void bulkStep(std::shared_ptr<BulkDelete> job, qint64 afterId)
{
    HttpFrontend *f = job->frontend;
    f->engine()->submit(
        [filter = job->filter, afterId](Txn &txn) {
            return OperatorCommands::bulkDeleteStep(txn, filter, afterId, kBulkScan, kBulkDelete);
        },
        Reply<BulkStep>{f, [job](const Outcome<BulkStep> &step) {
                            if (!step.ok()) {
                                ApiError error = JobErrors::toApi(step.error());
                                error.details.insert(QStringLiteral("deleted_count"), job->deleted);
                                job->answer(ApiResult::fail(error));
                                return;
                            }
                            job->deleted += step.value().deleted;
                            job->steps += 1;
                            if (!step.value().done)
                                return bulkStep(job, step.value().lastId);
                            job->answer(ApiResult::ok(QJsonObject{
                                {QStringLiteral("deleted_count"), job->deleted},
                                {QStringLiteral("filters_applied"), job->applied},
                                {QStringLiteral("transactions"), job->steps},
                            }));
                        }});
}

// DELETE /api/v1/jobs?state=completed,cancelled&type=&tenant_id=&created_before=&created_after=
// (admin): at least one filter; ACTIVE jobs are never deleted.
void bulkDeleteRoute(HttpFrontend *f, ApiRequest &request)
{
    const QUrlQuery &query = request.query();
    QJsonObject errors;
    auto job = std::make_shared<BulkDelete>();
    job->frontend = f;
    const QStringList known{QStringLiteral("state"),          QStringLiteral("status"),
                            QStringLiteral("type"),           QStringLiteral("tenant_id"),
                            QStringLiteral("created_before"), QStringLiteral("created_after")};
    for (const auto &[name, value] : query.queryItems()) {
        if (!known.contains(name)) {
            errors.insert(name, QStringLiteral("Unknown filter; bulk delete takes %1")
                                    .arg(known.join(QStringLiteral(", "))));
            continue;
        }
        job->applied.insert(name, value);
    }
    QString states = query.queryItemValue(QStringLiteral("state"));
    if (states.isEmpty())
        states = query.queryItemValue(QStringLiteral("status"));
    for (const QString &word : states.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::optional<QList<JobState>> words = JobStates::fromFilterWord(word);
        if (!words)
            errors.insert(QStringLiteral("state"), QStringLiteral("Unknown state '%1'").arg(word));
        else if (words->contains(JobState::Active))
            errors.insert(QStringLiteral("state"),
                          QStringLiteral("ACTIVE jobs cannot be deleted; cancel them first"));
        else
            job->filter.states += *words;
    }
    job->filter.type = query.queryItemValue(QStringLiteral("type"));
    if (query.hasQueryItem(QStringLiteral("type")) && !FieldReader::isName(job->filter.type))
        errors.insert(QStringLiteral("type"), QStringLiteral("Not a job type"));
    const QString tenant = query.queryItemValue(QStringLiteral("tenant_id"));
    if (query.hasQueryItem(QStringLiteral("tenant_id")) && !FieldReader::isName(tenant))
        errors.insert(QStringLiteral("tenant_id"), QStringLiteral("Not a tenant id"));
    const auto time = [&](const char *name) -> qint64 {
        const QString key = QLatin1String(name);
        if (!query.hasQueryItem(key))
            return 0;
        const std::optional<qint64> ms = Clock::parseIso(query.queryItemValue(key));
        if (!ms)
            errors.insert(key, QStringLiteral("Must be an ISO 8601 timestamp such as "
                                              "2025-01-11T10:30:00.000Z"));
        return ms.value_or(0);
    };
    job->filter.createdBefore = time("created_before");
    job->filter.createdAfter = time("created_after");
    if (errors.isEmpty() && job->applied.isEmpty())
        errors.insert(QStringLiteral("state"),
                      QStringLiteral("Give at least one filter (state, type, tenant_id, "
                                     "created_before, created_after)"));
    if (!errors.isEmpty())
        return request.fail(ApiError::validation(errors));
    if (!tenant.isEmpty()) {
        if (!request.caller().seesTenant(tenant))
            return request.fail(ApiError::forbidden(
                QStringLiteral("This API key may not see tenant '%1'").arg(tenant)));
        job->filter.tenants = {tenant};
    } else {
        job->filter.tenants = request.caller().tenantFilter();
    }
    job->answer = request.sender();
    bulkStep(job, 0);
}

// GET /api/v1/job-types: every type with jobs, paused or waited for, with its depth per state.
void typesRoute(HttpFrontend *f, ApiRequest &request)
{
    OperatorStore ops(f->reader().database());
    const QStringList tenants = request.caller().tenantFilter();
    QMap<QString, QJsonObject> depth;
    for (const OperatorStore::TypeStateCount &c : ops.typeStateCounts(tenants))
        depth[c.type].insert(JobStates::name(c.state), c.count);
    const QHash<QString, OperatorStore::Pause> pauses = ops.pauses();
    const Engine::LongPollSnapshot polls = f->engine()->longPolls();
    for (const QString &type : pauses.keys())
        depth[type];
    for (const QString &type : polls.workersByType.keys())
        depth[type];
    TypeLimitStore limitStore(f->reader().database());
    const QHash<QString, TypeLimit> limits = limitStore.all();
    for (const QString &type : limits.keys())
        depth[type];
    const qint64 now = Clock::nowMs();

    QJsonArray out;
    for (auto it = depth.begin(); it != depth.end(); ++it) {
        const QString &type = it.key();
        QJsonObject counts;
        qint64 total = 0;
        for (JobState state : JobStates::all()) {
            const qint64 n = it->value(JobStates::name(state)).toInteger();
            counts.insert(JobStates::name(state), n);
            total += n;
        }
        QStringList workers = ops.workersWithActiveJobs(type, tenants);
        const QStringList polling = polls.workersByType.value(type);
        for (const QString &w : polling)
            if (!workers.contains(w))
                workers.append(w);
        const auto pause = pauses.constFind(type);
        const bool paused = pause != pauses.constEnd();
        QJsonArray history;
        for (const OperatorStore::TypeEvent &e : ops.typeEvents(type, 5))
            history.append(QJsonObject{{QStringLiteral("action"), e.action},
                                       {QStringLiteral("at"), Clock::toIso(e.at)},
                                       {QStringLiteral("by"), e.actor},
                                       {QStringLiteral("reason"),
                                        e.reason.isEmpty() ? QJsonValue() : QJsonValue(e.reason)}});
        out.append(QJsonObject{
            {QStringLiteral("type"), type},
            {QStringLiteral("paused"), paused},
            {QStringLiteral("paused_at"),
             paused ? JobView::timeOrNull(pause->pausedAt) : QJsonValue()},
            {QStringLiteral("paused_by"), paused ? QJsonValue(pause->pausedBy) : QJsonValue()},
            {QStringLiteral("depth"), counts},
            {QStringLiteral("total_jobs"), total},
            {QStringLiteral("oldest_waiting_at"),
             JobView::timeOrNull(ops.oldestWaiting(type, tenants).value_or(0))},
            {QStringLiteral("active_workers"), workers.size()},
            {QStringLiteral("workers"), QJsonArray::fromStringList(workers)},
            {QStringLiteral("long_polls_waiting"), polling.size()},
            {QStringLiteral("pause_history"), history},
            {QStringLiteral("limits"),
             limits.contains(type)
                 ? QJsonValue(LimitsApi::render(limitStore, type, limits.value(type), now))
                 : QJsonValue()},
        });
    }
    request.reply(ApiResult::ok(
        QJsonObject{{QStringLiteral("job_types"), out}, {QStringLiteral("count"), out.size()}}));
}

// PUT /api/v1/job-types/:type/pause {"reason": "..."} and .../resume. A pause holds for every
// tenant, so only a key that sees every tenant may change it.
void pauseOrResume(HttpFrontend *f, ApiRequest &request, bool pause)
{
    const std::optional<QJsonObject> body = request.jsonBody();
    if (!body)
        return;
    FieldReader in(*body);
    const QString reason = in.text(QStringLiteral("reason"), 1000);
    const QString type = request.argument(0);
    if (!FieldReader::isName(type))
        in.error(QStringLiteral("type"), QStringLiteral("Job type must be 1-100 characters: "
                                                        "letters, digits, hyphens, underscores"));
    if (!in.ok())
        return request.fail(in.toError());
    if (!request.caller().seesAllTenants())
        return request.fail(ApiError::forbidden(
            QStringLiteral("Pausing a job type affects every tenant; this key sees only some")));
    f->engine()->submit(
        [caller = request.caller(), type, reason, pause](Txn &txn) {
            return pause ? OperatorCommands::pauseType(txn, caller, type, reason)
                         : OperatorCommands::resumeType(txn, caller, type);
        },
        JobAnswers::later<TypePause>(request));
}

void pauseRoute(HttpFrontend *f, ApiRequest &request)
{
    pauseOrResume(f, request, true);
}

void resumeRoute(HttpFrontend *f, ApiRequest &request)
{
    pauseOrResume(f, request, false);
}

// GET /api/v1/workers: workers seen in activations, newest first.
void workersRoute(HttpFrontend *f, ApiRequest &request)
{
    const Engine::LongPollSnapshot polls = f->engine()->longPolls();
    QJsonArray out;
    for (const OperatorStore::WorkerRow &w :
         OperatorStore(f->reader().database()).workers(request.caller().tenantFilter(), 1000))
        out.append(QJsonObject{
            {QStringLiteral("worker_id"), w.name},
            {QStringLiteral("types"), QJsonArray::fromStringList(w.types)},
            {QStringLiteral("last_seen_at"), JobView::timeOrNull(w.lastSeenAt)},
            {QStringLiteral("active_jobs"), w.activeJobs},
            {QStringLiteral("activated"), w.activated},
            {QStringLiteral("completed"), w.completed},
            {QStringLiteral("failed"), w.failed},
            {QStringLiteral("long_polling"), polls.byWorker.value(w.name)},
        });
    QJsonObject answer{{QStringLiteral("workers"), out}, {QStringLiteral("count"), out.size()}};
    if (f->reader().dialect().isPostgres())
        answer.insert(QStringLiteral("nodes"), SystemApi::nodes(f->reader()));
    request.reply(ApiResult::ok(answer));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Patch, "/api/v1/jobs/:key", Access::Job, patchRoute,
                   {"jobs",
                    "Operator update: retries (a failed job returns to CREATED), timeout, priority",
                    true});
    frontend.route(
        Method::Delete, "/api/v1/jobs", Access::Admin, bulkDeleteRoute,
        {"jobs",
         "Bulk delete by filter (state, type, tenant_id, created_before, created_after); never "
         "ACTIVE jobs; answers deleted_count",
         false, "state status type tenant_id created_before created_after"});
    frontend.route(Method::Get, "/api/v1/job-types", Access::Read, typesRoute,
                   {"job-types",
                    "Job types: paused flag, depth per state, oldest waiting job, active workers",
                    false});
    frontend.route(Method::Put, "/api/v1/job-types/:type/pause", Access::Job, pauseRoute,
                   {"job-types", "Pause a job type: activation hands none out", true});
    frontend.route(Method::Put, "/api/v1/job-types/:type/resume", Access::Job, resumeRoute,
                   {"job-types", "Resume a job type", true});
    frontend.route(Method::Get, "/api/v1/workers", Access::Read, workersRoute,
                   {"workers",
                    "Workers seen: types, last seen, active jobs, counters, long polls waiting",
                    false});
}

} // namespace OperatorApi
