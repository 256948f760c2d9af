#include "ObservabilityApi.h"

#include "core/Clock.h"
#include "engine/Engine.h"
#include "http/HttpFrontend.h"
#include "store/OperatorStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ObservabilityApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

// Every route of the server, documented. tst_api_system checks this table against the routes
// the server really has: a route added anywhere must be added here too.
struct Operation
{
    const char *method;
    const char *path;
    const char *tag;
    Access access;
    const char *summary;
    bool body;
    const char *query = "";  // query parameters, space-separated
    const char *header = ""; // an optional request header
};
constexpr Operation kOperations[] = {
    {"GET", "/api/v1/health", "system", Access::Public, "Health, version, store and uptime", false},
    {"GET", "/metrics", "system", Access::Read, "Prometheus text format 0.0.4", false},
    {"GET", "/api/v1/openapi.json", "system", Access::Public, "This document", false},
    {"POST", "/api/v1/jobs", "jobs", Access::Job,
     "Create a job (201); Idempotency-Key header: a repeat within 24 h answers the first job (200)",
     true, "", "Idempotency-Key"},
    {"GET", "/api/v1/jobs", "jobs", Access::Job,
     "List jobs: filters, sort, page or cursor, summary", false,
     "state status type worker process_instance_id element_id tenant_id created_after "
     "created_before period q page page_size sort_by sort_order cursor"},
    {"DELETE", "/api/v1/jobs", "jobs", Access::Admin,
     "Bulk delete by filter (state, type, tenant_id, created_before, created_after); never "
     "ACTIVE jobs; answers deleted_count",
     false, "state status type tenant_id created_before created_after"},
    {"GET", "/api/v1/jobs/stats", "jobs", Access::Job, "Statistics for a period", false,
     "period type worker tenant_id"},
    {"POST", "/api/v1/jobs/batch", "jobs", Access::Job, "Create 1-1000 jobs, all or nothing", true,
     "", "Idempotency-Key"},
    {"POST", "/api/v1/jobs/activate", "workers", Access::Job,
     "Activate jobs of a type (long polling when none is available)", true},
    {"GET", "/api/v1/jobs/:key", "jobs", Access::Job, "Job details", false},
    {"PATCH", "/api/v1/jobs/:key", "jobs", Access::Job,
     "Operator update: retries (a failed job returns to CREATED), timeout, priority", true},
    {"DELETE", "/api/v1/jobs/:key", "jobs", Access::Job, "Delete a job that is not ACTIVE", false},
    {"GET", "/api/v1/jobs/:key/status", "jobs", Access::Job, "Light status", false},
    {"GET", "/api/v1/jobs/:key/await", "jobs", Access::Job, "Wait until the job is terminal", false,
     "timeout"},
    {"PUT", "/api/v1/jobs/:key/complete", "workers", Access::Job, "Complete an ACTIVE job", true},
    {"PUT", "/api/v1/jobs/:key/fail", "workers", Access::Job, "Fail an ACTIVE job", true},
    {"POST", "/api/v1/jobs/:key/throw-error", "workers", Access::Job, "Throw a business error",
     true},
    {"PUT", "/api/v1/jobs/:key/cancel", "jobs", Access::Job, "Cancel a job", true},
    {"POST", "/api/v1/jobs/:key/cancel", "jobs", Access::Job, "Cancel a job", true},
    {"PUT", "/api/v1/jobs/:key/progress", "workers", Access::Job, "Report progress", true},
    {"POST", "/api/v1/jobs/:key/replay", "jobs", Access::Job,
     "Run a finished job again as a new job linked to it (201)", true},
    {"GET", "/api/v1/incidents", "incidents", Access::Read,
     "Incidents by status, type and job type, paged", false, "status type job_type page page_size"},
    {"GET", "/api/v1/incidents/:id", "incidents", Access::Read, "One incident", false},
    {"PUT", "/api/v1/incidents/:id/resolve", "incidents", Access::Admin,
     "Resolve: the job returns to CREATED with new retries", true},
    {"GET", "/api/v1/job-types", "job-types", Access::Read,
     "Job types: paused flag, depth per state, oldest waiting job, active workers", false},
    {"PUT", "/api/v1/job-types/:type/pause", "job-types", Access::Job,
     "Pause a job type: activation hands none out", true},
    {"PUT", "/api/v1/job-types/:type/resume", "job-types", Access::Job, "Resume a job type", true},
    {"GET", "/api/v1/workers", "workers", Access::Read,
     "Workers seen: types, last seen, active jobs, counters, long polls waiting", false},
    {"POST", "/api/v1/api-keys", "api-keys", Access::Admin,
     "Create an API key; the clear key is answered once", true},
    {"GET", "/api/v1/api-keys", "api-keys", Access::Admin, "API keys (no secrets)", false},
    {"DELETE", "/api/v1/api-keys/:name", "api-keys", Access::Admin, "Delete an API key", false},
};

QString accessName(Access access)
{
    switch (access) {
    case Access::Public:
        return QStringLiteral("none");
    case Access::Read:
        return QStringLiteral("read");
    case Access::Job:
        return QStringLiteral("job");
    case Access::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

QJsonObject parameter(const QString &name, const char *in, bool required)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("in"), QLatin1String(in)},
                       {QStringLiteral("required"), required},
                       {QStringLiteral("schema"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}};
}

QJsonObject operation(const Operation &op, const QStringList &pathParameters)
{
    QJsonObject responses{
        {QStringLiteral("200"), QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")}}},
        {QStringLiteral("400"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("VALIDATION_ERROR")}}},
    };
    if (op.access != Access::Public) {
        responses.insert(QStringLiteral("401"), QJsonObject{{QStringLiteral("description"),
                                                             QStringLiteral("UNAUTHORIZED")}});
        responses.insert(QStringLiteral("403"),
                         QJsonObject{{QStringLiteral("description"), QStringLiteral("FORBIDDEN")}});
    }
    QJsonArray parameters;
    for (const QString &name : pathParameters)
        parameters.append(parameter(name, "path", true));
    for (const QString &name :
         QString::fromLatin1(op.query).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        parameters.append(parameter(name, "query", false));
    if (*op.header)
        parameters.append(parameter(QLatin1String(op.header), "header", false));
    QJsonObject out{
        {QStringLiteral("summary"), QLatin1String(op.summary)},
        {QStringLiteral("tags"), QJsonArray{QLatin1String(op.tag)}},
        {QStringLiteral("x-permission"), accessName(op.access)},
        {QStringLiteral("responses"), responses},
    };
    if (!parameters.isEmpty())
        out.insert(QStringLiteral("parameters"), parameters);
    if (op.access == Access::Public)
        out.insert(QStringLiteral("security"), QJsonArray());
    if (op.body)
        out.insert(
            QStringLiteral("requestBody"),
            QJsonObject{{QStringLiteral("content"),
                         QJsonObject{{QStringLiteral("application/json"),
                                      QJsonObject{{QStringLiteral("schema"),
                                                   QJsonObject{{QStringLiteral("type"),
                                                                QStringLiteral("object")}}}}}}}});
    return out;
}

void openApiRoute(HttpFrontend *, ApiRequest &request)
{
    static const QByteArray document =
        QJsonDocument(openApiDocument()).toJson(QJsonDocument::Compact);
    request.replyRaw(200, "application/json; charset=utf-8", document);
}

// GET /metrics: the counters of Metrics, plus gauges read now: jobs by state and type (the
// key's tenants), long polls waiting, paused types.
void metricsRoute(HttpFrontend *f, ApiRequest &request)
{
    QByteArray out;
    const QStringList tenants =
        request.caller().seesAllTenants() ? QStringList() : request.caller().tenants;
    OperatorStore ops(f->reader().database());
    Metrics::help(out, "jobdeck_jobs", "gauge", "Jobs in the store by state and type");
    for (const OperatorStore::TypeStateCount &c : ops.typeStateCounts(tenants))
        Metrics::sample(
            out, "jobdeck_jobs",
            {{QStringLiteral("state"), JobStates::name(c.state)}, {QStringLiteral("type"), c.type}},
            double(c.count));
    const Engine::LongPollSnapshot polls = f->engine()->longPolls();
    Metrics::help(out, "jobdeck_long_polls_waiting", "gauge", "Activations held open now");
    Metrics::sample(out, "jobdeck_long_polls_waiting", {}, f->engine()->heldLongPolls());
    Metrics::help(out, "jobdeck_long_poll_workers", "gauge",
                  "Workers holding a long poll now, per job type");
    for (auto it = polls.workersByType.begin(); it != polls.workersByType.end(); ++it)
        Metrics::sample(out, "jobdeck_long_poll_workers", {{QStringLiteral("type"), it.key()}},
                        double(it->size()));
    Metrics::help(out, "jobdeck_job_type_paused", "gauge", "1 while a job type is paused");
    for (const QString &type : ops.pauses().keys())
        Metrics::sample(out, "jobdeck_job_type_paused", {{QStringLiteral("type"), type}}, 1);
    Metrics::help(out, "jobdeck_uptime_seconds", "gauge", "Seconds since the server started");
    Metrics::sample(out, "jobdeck_uptime_seconds", {},
                    double(Clock::nowMs() - f->startedAtMs()) / 1000.0);
    f->engine()->metrics().render(out);
    request.replyRaw(200, "text/plain; version=0.0.4; charset=utf-8", out);
}

} // namespace

QStringList documentedRoutes()
{
    QStringList out;
    for (const Operation &op : kOperations)
        out.append(QLatin1String(op.method) + QLatin1Char(' ') + QLatin1String(op.path));
    return out;
}

QJsonObject openApiDocument()
{
    static const QRegularExpression parameter(QStringLiteral(":([A-Za-z_]+)"));
    QJsonObject paths;
    for (const Operation &op : kOperations) {
        QString path = QLatin1String(op.path);
        QStringList names;
        for (const QRegularExpressionMatch &m : parameter.globalMatch(path))
            names.append(m.captured(1));
        path.replace(parameter, QStringLiteral("{\\1}"));
        QJsonObject item = paths.value(path).toObject();
        item.insert(QLatin1String(op.method).toString().toLower(), operation(op, names));
        paths.insert(path, item);
    }
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Jobdeck REST API")},
                     {QStringLiteral("version"), QStringLiteral(JOBDECK_VERSION)}}},
        {QStringLiteral("servers"),
         QJsonArray{
             QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:27555")}}}},
        {QStringLiteral("components"),
         QJsonObject{
             {QStringLiteral("securitySchemes"),
              QJsonObject{{QStringLiteral("apiKey"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                                       {QStringLiteral("in"), QStringLiteral("header")},
                                       {QStringLiteral("name"), QStringLiteral("X-API-Key")}}},
                          {QStringLiteral("bearer"),
                           QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                       {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}}}},
        {QStringLiteral("security"),
         QJsonArray{QJsonObject{{QStringLiteral("apiKey"), QJsonArray()}},
                    QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}}},
        {QStringLiteral("paths"), paths},
    };
}

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Get, "/metrics", Access::Read, metricsRoute);
    frontend.route(Method::Get, "/api/v1/openapi.json", Access::Public, openApiRoute);
}

} // namespace ObservabilityApi
