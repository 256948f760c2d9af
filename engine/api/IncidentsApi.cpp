#include "IncidentsApi.h"

#include "JobAnswers.h"
#include "JobView.h"
#include "Validation.h"
#include "core/Clock.h"
#include "core/JsonText.h"
#include "engine/Engine.h"
#include "engine/OperatorCommands.h"
#include "http/HttpFrontend.h"
#include "store/IncidentGroups.h"
#include "store/OperatorStore.h"

#include <QJsonArray>

namespace IncidentsApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

QJsonObject incidentView(const OperatorStore::IncidentRow &row)
{
    QJsonObject out = JobView::incident(row.incident);
    out.insert(QStringLiteral("process_context"),
               row.processContext.isEmpty() ? QJsonValue()
                                            : QJsonValue(JsonText::object(row.processContext)));
    out.insert(QStringLiteral("job_status"),
               row.jobStatus.isEmpty() ? QJsonValue() : QJsonValue(row.jobStatus));
    return out;
}

// A query parameter's text, fully decoded.
QString queryText(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

// A whole number query parameter in [min, max], or `fallback` when absent.
int intParam(const QUrlQuery &query, const QString &name, int fallback, int min, int max,
             QJsonObject &errors)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int value = query.queryItemValue(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        errors.insert(name,
                      QStringLiteral("Must be an integer between %1 and %2").arg(min).arg(max));
        return fallback;
    }
    return value;
}

// GET /api/v1/incidents?status=OPEN|RESOLVED&type=JOB_FAILURE|UNHANDLED_ERROR&job_type=&page=
// &page_size= : newest first, only the key's tenants.
void listRoute(HttpFrontend *f, ApiRequest &request)
{
    const QUrlQuery &query = request.query();
    QJsonObject errors;
    OperatorStore::IncidentFilter filter;
    const QStringList known{QStringLiteral("status"), QStringLiteral("type"),
                            QStringLiteral("job_type"), QStringLiteral("page"),
                            QStringLiteral("page_size")};
    for (const auto &[name, value] : query.queryItems())
        if (!known.contains(name))
            errors.insert(name, QStringLiteral("Unknown parameter; known: %1")
                                    .arg(known.join(QStringLiteral(", "))));
    filter.status = query.queryItemValue(QStringLiteral("status")).toUpper();
    if (!filter.status.isEmpty() && filter.status != QLatin1String("OPEN") &&
        filter.status != QLatin1String("RESOLVED"))
        errors.insert(QStringLiteral("status"), QStringLiteral("Must be OPEN or RESOLVED"));
    filter.type = query.queryItemValue(QStringLiteral("type")).toUpper();
    if (!filter.type.isEmpty() && filter.type != QLatin1String("JOB_FAILURE") &&
        filter.type != QLatin1String("UNHANDLED_ERROR"))
        errors.insert(QStringLiteral("type"),
                      QStringLiteral("Must be JOB_FAILURE or UNHANDLED_ERROR"));
    filter.jobType = query.queryItemValue(QStringLiteral("job_type"));
    if (!filter.jobType.isEmpty() && !FieldReader::isName(filter.jobType))
        errors.insert(QStringLiteral("job_type"),
                      QStringLiteral("Job type must be 1-100 characters: letters, digits, "
                                     "hyphens, underscores"));
    filter.page = intParam(query, QStringLiteral("page"), 1, 1, 1'000'000, errors);
    filter.pageSize = intParam(query, QStringLiteral("page_size"), 20, 1, 100, errors);
    if (!errors.isEmpty())
        return request.fail(ApiError::validation(errors));
    if (!request.caller().seesAllTenants())
        filter.tenants = request.caller().tenants;

    qint64 total = 0;
    const QList<OperatorStore::IncidentRow> rows =
        OperatorStore(f->reader().database()).incidents(filter, &total);
    QJsonArray incidents;
    for (const OperatorStore::IncidentRow &row : rows)
        incidents.append(incidentView(row));
    const qint64 pages = (total + filter.pageSize - 1) / filter.pageSize;
    QJsonObject applied;
    for (const QString &name :
         {QStringLiteral("status"), QStringLiteral("type"), QStringLiteral("job_type")})
        if (query.hasQueryItem(name))
            applied.insert(name, query.queryItemValue(name));
    request.reply(ApiResult::ok(QJsonObject{
        {QStringLiteral("incidents"), incidents},
        {QStringLiteral("pagination"),
         QJsonObject{{QStringLiteral("page"), filter.page},
                     {QStringLiteral("page_size"), filter.pageSize},
                     {QStringLiteral("total_count"), total},
                     {QStringLiteral("total_pages"), pages},
                     {QStringLiteral("has_next"), filter.page < pages},
                     {QStringLiteral("has_prev"), filter.page > 1}}},
        {QStringLiteral("filters_applied"), applied},
    }));
}

void getRoute(HttpFrontend *f, ApiRequest &request)
{
    const QString key = request.argument(0);
    const std::optional<OperatorStore::IncidentRow> row =
        OperatorStore(f->reader().database()).incident(key);
    if (!row || !request.caller().seesTenant(row->incident.tenantId))
        return request.fail(JobErrors::toApi(JobError::of(JobError::Kind::IncidentNotFound, key)));
    request.reply(ApiResult::ok(incidentView(*row)));
}

// PUT /api/v1/incidents/:id/resolve {"retries": 1}: the job goes back to CREATED.
void resolveRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody();
    if (!body)
        return;
    FieldReader in(*body);
    const int retries = int(in.integer(QStringLiteral("retries"), 1, 1, 100,
                                       QStringLiteral("Retries must be between 1 and 100")));
    if (!in.ok())
        return request.fail(in.toError());
    f->engine()->submit(
        [caller = request.caller(), key = request.argument(0), retries](Txn &txn) {
            return OperatorCommands::resolveIncident(txn, caller, key, retries);
        },
        JobAnswers::later<IncidentResolved>(request));
}

// GET /api/v1/incidents/groups: the open incidents grouped by job type and error, the most
// numerous first (the console's "Open, by error").
void groupsRoute(HttpFrontend *f, ApiRequest &request)
{
    QJsonArray groups;
    for (const IncidentGroups::Group &g :
         IncidentGroups(f->reader().database()).open(request.caller().tenantFilter()))
        groups.append(
            QJsonObject{{QStringLiteral("job_type"), g.jobType},
                        {QStringLiteral("error_code"),
                         g.errorCode.isEmpty() ? QJsonValue() : QJsonValue(g.errorCode)},
                        {QStringLiteral("error_message"),
                         g.errorMessage.isEmpty() ? QJsonValue() : QJsonValue(g.errorMessage)},
                        {QStringLiteral("count"), g.count},
                        {QStringLiteral("newest_at"), JsonText::time(g.newestAt)}});
    request.reply(ApiResult::ok(
        QJsonObject{{QStringLiteral("groups"), groups}, {QStringLiteral("count"), groups.size()}}));
}

// GET /api/v1/incidents/groups/ids?job_type=&error_code=&error_message= : the open incidents
// of one group (absent code or message: none), to resolve them all.
void groupIdsRoute(HttpFrontend *f, ApiRequest &request)
{
    const QUrlQuery &query = request.query();
    IncidentGroups::Group group;
    group.jobType = queryText(query, "job_type");
    group.errorCode = queryText(query, "error_code");
    group.errorMessage = queryText(query, "error_message");
    if (group.jobType.isEmpty())
        return request.fail(ApiError::validation(
            {{QStringLiteral("job_type"), QStringLiteral("The group's job type is required")}}));
    const QStringList ids =
        IncidentGroups(f->reader().database()).openKeys(group, request.caller().tenantFilter());
    request.reply(
        ApiResult::ok(QJsonObject{{QStringLiteral("incident_ids"), QJsonArray::fromStringList(ids)},
                                  {QStringLiteral("count"), ids.size()}}));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Get, "/api/v1/incidents/groups", Access::Read, groupsRoute,
                   {"incidents", "Open incidents grouped by job type and error", false});
    frontend.route(Method::Get, "/api/v1/incidents/groups/ids", Access::Read, groupIdsRoute,
                   {"incidents", "The open incidents of one group", false,
                    "job_type error_code error_message"});
    frontend.route(Method::Get, "/api/v1/incidents", Access::Read, listRoute,
                   {"incidents", "Incidents by status, type and job type, paged", false,
                    "status type job_type page page_size"});
    frontend.route(Method::Get, "/api/v1/incidents/:id", Access::Read, getRoute,
                   {"incidents", "One incident", false});
    frontend.route(Method::Put, "/api/v1/incidents/:id/resolve", Access::Admin, resolveRoute,
                   {"incidents", "Resolve: the job returns to CREATED with new retries", true});
}

} // namespace IncidentsApi
