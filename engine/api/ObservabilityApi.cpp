#include "ObservabilityApi.h"

#include "core/Clock.h"
#include "engine/Engine.h"
#include "http/HttpFrontend.h"
#include "store/OperatorStore.h"
#include "store/StoreFootprint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ObservabilityApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

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

QJsonObject operation(const Router::Route &route, const QStringList &pathParameters)
{
    QJsonObject responses{
        {QStringLiteral("200"), QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")}}},
        {QStringLiteral("400"),
         QJsonObject{{QStringLiteral("description"), QStringLiteral("VALIDATION_ERROR")}}},
    };
    const Router::Doc &op = route.doc;
    if (route.access != Access::Public) {
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
        {QStringLiteral("x-permission"), accessName(route.access)},
        {QStringLiteral("responses"), responses},
    };
    if (!parameters.isEmpty())
        out.insert(QStringLiteral("parameters"), parameters);
    if (route.access == Access::Public)
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

void openApiRoute(HttpFrontend *f, ApiRequest &request)
{
    // Every front end registers the same routes: one document serves them all.
    static const QByteArray document =
        QJsonDocument(openApiDocument(f->router())).toJson(QJsonDocument::Compact);
    request.replyRaw(200, "application/json; charset=utf-8", document);
}

// GET /metrics: the counters of Metrics, plus gauges read now: jobs by state and type (the
// key's tenants), long polls waiting, paused types, the store's size and its oldest finished job
// (for keys that see every tenant).
void metricsRoute(HttpFrontend *f, ApiRequest &request)
{
    QByteArray out;
    const QStringList tenants = request.caller().tenantFilter();
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
    if (request.caller().seesAllTenants()) {
        const StoreFootprint store = StoreFootprint::read(f->reader().database());
        Metrics::help(out, "jobdeck_store_bytes", "gauge",
                      "Size of the store: the SQLite file, its WAL and the free pages in the file, "
                      "or the PostgreSQL database");
        const std::pair<const char *, qint64> parts[] = {
            {"total", store.bytes}, {"wal", store.walBytes}, {"free", store.freeBytes}};
        for (const auto &[part, bytes] : parts)
            if (bytes >= 0) // -1: not on this kind of store
                Metrics::sample(out, "jobdeck_store_bytes",
                                {{QStringLiteral("part"), QLatin1String(part)}}, double(bytes));
        Metrics::help(out, "jobdeck_oldest_finished_job_timestamp_seconds", "gauge",
                      "When the oldest finished job the store keeps finished (0: none)");
        Metrics::sample(out, "jobdeck_oldest_finished_job_timestamp_seconds", {},
                        double(store.oldestFinishedAt) / 1000.0);
    }
    Metrics::help(out, "jobdeck_uptime_seconds", "gauge", "Seconds since the server started");
    Metrics::sample(out, "jobdeck_uptime_seconds", {},
                    double(Clock::nowMs() - f->startedAtMs()) / 1000.0);
    f->engine()->metrics().render(out);
    request.replyRaw(200, "text/plain; version=0.0.4; charset=utf-8", out);
}

} // namespace

QJsonObject openApiDocument(const Router &router)
{
    static const QRegularExpression parameter(QStringLiteral(":([A-Za-z_]+)"));
    QJsonObject paths;
    for (const Router::Route &route : router.routes()) {
        if (!route.doc.summary)
            continue; // undocumented: tst_api_system finds it missing
        QString path = route.pattern;
        QStringList names;
        for (const QRegularExpressionMatch &m : parameter.globalMatch(path))
            names.append(m.captured(1));
        path.replace(parameter, QStringLiteral("{\\1}"));
        QJsonObject item = paths.value(path).toObject();
        item.insert(Router::methodName(route.method).toLower(), operation(route, names));
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
    frontend.route(Method::Get, "/metrics", Access::Read, metricsRoute,
                   {"system", "Prometheus text format 0.0.4", false});
    frontend.route(Method::Get, "/api/v1/openapi.json", Access::Public, openApiRoute,
                   {"system", "This document", false});
}

} // namespace ObservabilityApi
