#include "RetentionApi.h"

#include "JobAnswers.h"
#include "Validation.h"
#include "core/IsoDuration.h"
#include "engine/Engine.h"
#include "engine/OperatorCommands.h"
#include "http/HttpFrontend.h"

namespace RetentionApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

// "P7D" for whole days, the contract's other durations as IsoDuration writes them, null for
// "keep for ever".
QJsonValue duration(const std::optional<qint64> &ms)
{
    if (!ms)
        return QJsonValue::Null;
    if (*ms > 0 && *ms % kDayMs == 0)
        return QStringLiteral("P%1D").arg(*ms / kDayMs);
    return IsoDuration::fromMs(*ms);
}

ApiResult render(const RetentionPolicy &p)
{
    return ApiResult::ok(policyJson(p));
}

void getRoute(HttpFrontend *f, ApiRequest &request)
{
    request.reply(render(Retention::stored(f->reader()).value_or(f->engine()->defaultRetention())));
}

// PUT {"completed": "P7D", "cancelled": null, "failed": "P30D"}: a field left out keeps its
// value; null keeps those jobs for ever.
void putRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    RetentionChange change;
    QJsonObject errors;
    const auto field = [&](const char *name, std::optional<std::optional<qint64>> &target) {
        const QString key = QLatin1String(name);
        if (!body->contains(key))
            return;
        const QJsonValue value = body->value(key);
        if (value.isNull()) {
            target = std::optional<qint64>();
            return;
        }
        const std::optional<qint64> ms =
            value.isString() ? IsoDuration::parseMs(value.toString()) : std::nullopt;
        if (!ms || *ms < 1000)
            errors.insert(key, QStringLiteral("An ISO 8601 duration of at least 1 s (\"P7D\", "
                                              "\"PT12H\"), or null to keep for ever"));
        else
            target = ms;
    };
    for (const QString &key : body->keys())
        if (key != QLatin1String("completed") && key != QLatin1String("cancelled") &&
            key != QLatin1String("failed"))
            errors.insert(key, QStringLiteral("Unknown field; retention takes completed, "
                                              "cancelled, failed"));
    field("completed", change.completedMs);
    field("cancelled", change.cancelledMs);
    field("failed", change.failedMs);
    if (!errors.isEmpty())
        return request.fail(ApiError::validation(errors));
    f->engine()->submit(
        [change, defaults = f->engine()->defaultRetention()](Txn &txn) {
            return OperatorCommands::setRetention(txn, change, defaults);
        },
        JobAnswers::later<RetentionPolicy>(request, render));
}

} // namespace

QJsonObject policyJson(const RetentionPolicy &p)
{
    return QJsonObject{{QStringLiteral("completed"), duration(p.completedMs)},
                       {QStringLiteral("cancelled"), duration(p.cancelledMs)},
                       {QStringLiteral("failed"), duration(p.failedMs)}};
}

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Get, "/api/v1/settings/retention", Access::Admin, getRoute,
                   {"settings", "How long finished jobs are kept", false});
    frontend.route(Method::Put, "/api/v1/settings/retention", Access::Admin, putRoute,
                   {"settings",
                    "Set how long completed, cancelled and failed jobs are kept (ISO "
                    "durations, null: for ever)",
                    true});
}

} // namespace RetentionApi
