#include "BulkOperationsApi.h"

#include "JobAnswers.h"
#include "JobView.h"
#include "ListParams.h"
#include "Validation.h"
#include "core/Clock.h"
#include "engine/BulkOperationRunner.h"
#include "engine/Engine.h"
#include "http/HttpFrontend.h"
#include "store/BulkOperationStore.h"
#include "store/JobReads.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace BulkOperationsApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

// `matched` counts at most this many jobs beyond what the counters answer (then
// matched_exact is false): the count runs on the HTTP thread before the operation starts.
constexpr qint64 kMatchedCountCap = 100'000;
constexpr int kListed = 100; // GET /bulk-operations: the newest
constexpr int kMaxRetries = 100;
constexpr int kMaxReasonLength = 1000;

// The query parameters of GET /api/v1/jobs that a bulk operation's filter takes.
const QStringList &filterKeys()
{
    static const QStringList keys{
        QStringLiteral("state"),
        QStringLiteral("status"),
        QStringLiteral("type"),
        QStringLiteral("worker"),
        QStringLiteral("tenant_id"),
        QStringLiteral("process_instance_id"),
        QStringLiteral("element_id"),
        QStringLiteral("created_after"),
        QStringLiteral("created_before"),
        QStringLiteral("period"),
        QStringLiteral("q"),
    };
    return keys;
}

QJsonObject render(const BulkOperationRecord &o)
{
    QJsonArray refusals;
    for (const BulkRefusalRecord &r : o.refusals) {
        const ApiError error = JobErrors::toApi(BulkOperations::errorOf(r));
        refusals.append(QJsonObject{{QStringLiteral("job_key"), r.jobKey},
                                    {QStringLiteral("code"), error.code},
                                    {QStringLiteral("message"), error.message}});
    }
    QJsonObject data{
        {QStringLiteral("operation_id"), o.key},
        {QStringLiteral("action"), BulkOperationRecord::actionName(o.action)},
        {QStringLiteral("filter"), QJsonDocument::fromJson(o.filterText).object()},
        {QStringLiteral("status"), BulkOperationRecord::statusName(o.status)},
        {QStringLiteral("matched"), o.matched},
        {QStringLiteral("matched_exact"), o.matchedExact},
        {QStringLiteral("processed"), o.processed},
        {QStringLiteral("succeeded"), o.succeeded},
        {QStringLiteral("refused"), o.refused},
        {QStringLiteral("refusals"), refusals},
        {QStringLiteral("created_at"), JobView::timeOrNull(o.createdAt)},
        {QStringLiteral("created_by"), o.createdBy},
        {QStringLiteral("started_at"), JobView::timeOrNull(o.createdAt)},
        {QStringLiteral("finished_at"), JobView::timeOrNull(o.finishedAt)},
    };
    if (o.action == BulkAction::Retry)
        data.insert(QStringLiteral("retries"), o.retries);
    if (o.action == BulkAction::Cancel)
        data.insert(QStringLiteral("reason"), o.reason);
    if (!o.stoppedBy.isEmpty())
        data.insert(QStringLiteral("stopped_by"), o.stoppedBy);
    return data;
}

// The filter object as the query of GET /api/v1/jobs; bad keys and values go to `in`.
QUrlQuery filterQuery(const QJsonObject &filter, FieldReader &in)
{
    QUrlQuery query;
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QString field = QStringLiteral("filter.") + it.key();
        if (!filterKeys().contains(it.key())) {
            in.error(field, QStringLiteral("Not a filter of a bulk operation; it takes %1")
                                .arg(filterKeys().join(QStringLiteral(", "))));
            continue;
        }
        QString text;
        if (it.value().isString()) {
            text = it.value().toString();
        } else if (it.value().isArray()) { // "state": ["failed", "error_thrown"]
            QStringList words;
            for (const QJsonValue &v : it.value().toArray())
                words.append(v.toString());
            text = words.join(QLatin1Char(','));
            if (words.contains(QString()))
                in.error(field, QStringLiteral("Must be a string or an array of strings"));
        } else {
            in.error(field, QStringLiteral("Must be a string"));
        }
        query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(text)));
    }
    return query;
}

// The validated filter, or nullopt when the request was answered with an error.
std::optional<JobFilter> parseFilter(ApiRequest &request, const QJsonObject &filter,
                                     FieldReader &in)
{
    const QUrlQuery query = filterQuery(filter, in);
    ApiError listError;
    const std::optional<ListParams> params =
        ListParams::parse(query, request.caller(), Clock::nowMs(), listError);
    if (!params) {
        const QJsonObject fields =
            listError.details.value(QStringLiteral("field_errors")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            in.error(QStringLiteral("filter.") + it.key(), it.value().toString());
    }
    if (!in.ok()) {
        request.fail(in.toError());
        return std::nullopt;
    }
    const QString tenant = params->filter.tenantId;
    if (!tenant.isEmpty() && !request.caller().seesTenant(tenant)) {
        request.fail(ApiError::forbidden(
            QStringLiteral("This API key may not see tenant '%1'").arg(tenant)));
        return std::nullopt;
    }
    return params->filter;
}

// POST {"action": "cancel"|"retry"|"delete", "filter": {...}, "retries": 1, "reason": "..."}
void startRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    FieldReader in(*body);
    for (const QString &key : body->keys())
        if (key != QLatin1String("action") && key != QLatin1String("filter") &&
            key != QLatin1String("retries") && key != QLatin1String("reason"))
            in.error(key, QStringLiteral("Unknown field; a bulk operation takes action, filter, "
                                         "retries, reason"));
    BulkSpec spec;
    const QJsonValue actionValue = body->value(QStringLiteral("action"));
    const std::optional<BulkAction> action =
        BulkOperationRecord::actionFromName(actionValue.toString());
    if (!action)
        in.error(QStringLiteral("action"), QStringLiteral("Must be one of cancel, retry, delete"));
    spec.action = action.value_or(BulkAction::Cancel);
    if (!body->value(QStringLiteral("filter")).isObject())
        in.error(QStringLiteral("filter"),
                 QStringLiteral("Must be an object of GET /api/v1/jobs filters ({} for every "
                                "job)"));
    spec.retries =
        int(in.integer(QStringLiteral("retries"), 1, 1, kMaxRetries,
                       QStringLiteral("Must be an integer between 1 and %1").arg(kMaxRetries)));
    if (in.has(QStringLiteral("retries")) && action && *action != BulkAction::Retry)
        in.error(QStringLiteral("retries"), QStringLiteral("Only for action retry"));
    spec.reason = in.text(QStringLiteral("reason"), kMaxReasonLength);
    if (in.has(QStringLiteral("reason")) && action && *action != BulkAction::Cancel)
        in.error(QStringLiteral("reason"), QStringLiteral("Only for action cancel"));
    const QJsonObject filter = body->value(QStringLiteral("filter")).toObject();
    const std::optional<JobFilter> jobFilter = parseFilter(request, filter, in);
    if (!jobFilter)
        return;
    spec.filter = *jobFilter;
    spec.filterText = QJsonDocument(filter).toJson(QJsonDocument::Compact);
    const JobReads::BulkStart from = JobReads(f->reader()).bulkStart(spec.filter, kMatchedCountCap);
    spec.matched = from.count.total;
    spec.matchedExact = from.count.exact;
    spec.lastJobId = from.lastJobId;
    f->engine()->bulkOperations()->start(
        request.caller(), spec,
        JobAnswers::later<BulkOperationRecord>(
            request, [](const BulkOperationRecord &o) { return ApiResult::ok(render(o), 202); }));
}

void listRoute(HttpFrontend *f, ApiRequest &request)
{
    QJsonArray list;
    for (const BulkOperationRecord &o : BulkOperationStore(f->reader().database()).newest(kListed))
        if (BulkOperations::visibleTo(o, request.caller()))
            list.append(render(o));
    request.reply(ApiResult::ok(QJsonObject{{QStringLiteral("operations"), list},
                                            {QStringLiteral("total_count"), list.size()}}));
}

void getRoute(HttpFrontend *f, ApiRequest &request)
{
    const QString key = request.argument(0);
    const std::optional<BulkOperationRecord> o =
        BulkOperationStore(f->reader().database()).find(key);
    if (!o || !BulkOperations::visibleTo(*o, request.caller()))
        return request.fail(
            JobErrors::toApi(JobError::of(JobError::Kind::BulkOperationNotFound, key)));
    request.reply(ApiResult::ok(render(*o)));
}

void stopRoute(HttpFrontend *f, ApiRequest &request)
{
    f->engine()->submit(
        [caller = request.caller(), key = request.argument(0)](Txn &txn) {
            return BulkOperations::stop(txn, caller, key);
        },
        JobAnswers::later<BulkOperationRecord>(
            request, [](const BulkOperationRecord &o) { return ApiResult::ok(render(o)); }));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Post, "/api/v1/bulk-operations", Access::Admin, startRoute,
                   {"bulk-operations",
                    "Start an action (cancel, retry, delete) on every job matching a filter; "
                    "runs on the server (202)",
                    true});
    frontend.route(Method::Get, "/api/v1/bulk-operations", Access::Admin, listRoute,
                   {"bulk-operations", "The newest bulk operations with their progress", false});
    frontend.route(Method::Get, "/api/v1/bulk-operations/:id", Access::Admin, getRoute,
                   {"bulk-operations", "A bulk operation: status, progress, refusals", false});
    frontend.route(Method::Delete, "/api/v1/bulk-operations/:id", Access::Admin, stopRoute,
                   {"bulk-operations", "Stop a bulk operation; what was done stays done", false});
}

} // namespace BulkOperationsApi
