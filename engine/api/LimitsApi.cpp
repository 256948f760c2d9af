#include "LimitsApi.h"

#include "JobAnswers.h"
#include "Validation.h"
#include "core/IsoDuration.h"
#include "engine/Engine.h"
#include "engine/OperatorCommands.h"
#include "http/HttpFrontend.h"
#include "store/TypeLimitStore.h"

namespace LimitsApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

constexpr int kMaxLimit = 1'000'000;
constexpr qint64 kMaxWindowMs = 24LL * 3600 * 1000;

QJsonValue rateOf(const TypeLimit &limit)
{
    if (!limit.rateLimit)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("limit"), *limit.rateLimit},
                       {QStringLiteral("per"), IsoDuration::fromMs(limit.ratePerMs)}};
}

// {"max_active": 5, "rate": {"limit": 100, "per": "PT1M"}}: a field left out keeps its value,
// null removes that limit.
void putRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    const QString type = request.argument(0);
    QJsonObject errors;
    if (!FieldReader::isName(type))
        errors.insert(QStringLiteral("type"), QStringLiteral("Job type must be 1-100 characters: "
                                                             "letters, digits, hyphens, "
                                                             "underscores"));
    TypeLimitChange change;
    for (const QString &key : body->keys())
        if (key != QLatin1String("max_active") && key != QLatin1String("rate"))
            errors.insert(key, QStringLiteral("Unknown field; limits take max_active and rate"));
    if (body->contains(QStringLiteral("max_active"))) {
        const QJsonValue v = body->value(QStringLiteral("max_active"));
        if (v.isNull())
            change.maxActive = std::optional<int>();
        else if (v.isDouble() && v.toDouble() == double(v.toInteger()) && v.toInteger() >= 1 &&
                 v.toInteger() <= kMaxLimit)
            change.maxActive = int(v.toInteger());
        else
            errors.insert(
                QStringLiteral("max_active"),
                QStringLiteral("A whole number from 1 to %1, or null for no limit").arg(kMaxLimit));
    }
    if (body->contains(QStringLiteral("rate"))) {
        const QJsonValue v = body->value(QStringLiteral("rate"));
        const QJsonObject rate = v.toObject();
        const QJsonValue limit = rate.value(QStringLiteral("limit"));
        const std::optional<qint64> per =
            IsoDuration::parseMs(rate.value(QStringLiteral("per")).toString());
        if (v.isNull())
            change.rate = std::optional<std::pair<int, qint64>>();
        else if (v.isObject() && limit.isDouble() &&
                 limit.toDouble() == double(limit.toInteger()) && limit.toInteger() >= 1 &&
                 limit.toInteger() <= kMaxLimit && per && *per >= 1000 && *per <= kMaxWindowMs &&
                 rate.size() == 2)
            change.rate = std::pair<int, qint64>(int(limit.toInteger()), *per);
        else
            errors.insert(QStringLiteral("rate"),
                          QStringLiteral("{\"limit\": 1-%1, \"per\": an ISO duration from PT1S "
                                         "to P1D}, or null for no limit")
                              .arg(kMaxLimit));
    }
    if (!errors.isEmpty())
        return request.fail(ApiError::validation(errors));
    if (!request.caller().seesAllTenants())
        return request.fail(ApiError::forbidden(
            QStringLiteral("A job type's limits hold for every tenant; this key sees only some")));
    f->engine()->submit(
        [caller = request.caller(), type, change](Txn &txn) {
            return OperatorCommands::setTypeLimit(txn, caller, type, change);
        },
        JobAnswers::later<TypeLimitSet>(request, [](const TypeLimitSet &set) {
            return ApiResult::ok(
                QJsonObject{{QStringLiteral("type"), set.type},
                            {QStringLiteral("limits"),
                             QJsonObject{{QStringLiteral("max_active"),
                                          set.limit.maxActive ? QJsonValue(*set.limit.maxActive)
                                                              : QJsonValue()},
                                         {QStringLiteral("rate"), rateOf(set.limit)}}}});
        }));
}

} // namespace

QJsonObject render(TypeLimitStore &store, const QString &type, const TypeLimit &limit, qint64 now)
{
    return QJsonObject{
        {QStringLiteral("max_active"),
         limit.maxActive ? QJsonValue(*limit.maxActive) : QJsonValue()},
        {QStringLiteral("rate"), rateOf(limit)},
        {QStringLiteral("active"), store.activeJobs(type)},
        {QStringLiteral("activations_in_window"),
         limit.rateLimit
             ? QJsonValue(store.activationsAfter(type, now - limit.ratePerMs).activations)
             : QJsonValue()},
    };
}

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(
        Method::Put, "/api/v1/job-types/:type/limits", Access::Job, putRoute,
        {"job-types", "Set a job type's limits: max_active, rate {limit, per} (null: none)", true});
}

} // namespace LimitsApi
