#include "SystemApi.h"

#include "core/Clock.h"
#include "http/HttpFrontend.h"

namespace SystemApi {

void registerRoutes(HttpFrontend &frontend, const QString &storeKind)
{
    HttpFrontend *f = &frontend;
    f->router().add(
        Router::Method::Get, QStringLiteral("/api/v1/health"), Router::Access::Public,
        [f, storeKind](ApiRequest &request) {
            request.reply(ApiResult::ok(QJsonObject{
                {QStringLiteral("status"), QStringLiteral("ok")},
                {QStringLiteral("version"), QStringLiteral(JOBDECK_VERSION)},
                {QStringLiteral("store"), storeKind},
                {QStringLiteral("uptime_s"), (Clock::nowMs() - f->startedAtMs()) / 1000},
                {QStringLiteral("long_polls_waiting"), f->engine()->heldLongPolls()},
            }));
        });
}

} // namespace SystemApi
