#include "SystemApi.h"

#include "core/Clock.h"
#include "http/HttpFrontend.h"
#include "store/NodeStore.h"

namespace SystemApi {
namespace {
// A node whose heartbeat is older than this is shown as not alive (it beats every 0.5 s).
constexpr qint64 kAliveMs = 10'000;
} // namespace

QJsonArray nodes(JobStore &reader)
{
    QJsonArray out;
    const qint64 now = Clock::nowMs();
    for (const NodeStore::Node &node : NodeStore(reader.database()).nodes())
        out.append(QJsonObject{
            {QStringLiteral("node_id"), node.nodeId},
            {QStringLiteral("slot"), node.slot},
            {QStringLiteral("host"), node.address},
            {QStringLiteral("pid"), node.pid},
            {QStringLiteral("started_at"), Clock::toIso(node.startedAt)},
            {QStringLiteral("heartbeat_at"), Clock::toIso(node.heartbeatAt)},
            {QStringLiteral("alive"), now - node.heartbeatAt < kAliveMs},
        });
    return out;
}

void registerRoutes(HttpFrontend &frontend, const QString &storeKind)
{
    HttpFrontend *f = &frontend;
    f->router().add(
        Router::Method::Get, QStringLiteral("/api/v1/health"), Router::Access::Public,
        [f, storeKind](ApiRequest &request) {
            QJsonObject health{
                {QStringLiteral("status"), QStringLiteral("ok")},
                {QStringLiteral("version"), QStringLiteral(JOBDECK_VERSION)},
                {QStringLiteral("store"), storeKind},
                {QStringLiteral("uptime_s"), (Clock::nowMs() - f->startedAtMs()) / 1000},
                {QStringLiteral("long_polls_waiting"), f->engine()->heldLongPolls()},
            };
            if (f->reader().dialect().isPostgres()) {
                try {
                    health.insert(QStringLiteral("nodes"), nodes(f->reader()));
                } catch (const StoreError &) {
                    health.insert(QStringLiteral("status"), QStringLiteral("degraded"));
                }
            }
            request.reply(ApiResult::ok(health));
        },
        {"system", "Health, version, store and uptime", false});
    // What a client (the console attached over HTTP) learns of its key before it shows
    // anything: which actions to offer, which tenants it sees.
    f->router().add(
        Router::Method::Get, QStringLiteral("/api/v1/session"), Router::Access::Read,
        [storeKind](ApiRequest &request) {
            const ApiKey &key = request.caller();
            request.reply(ApiResult::ok(QJsonObject{
                {QStringLiteral("key_name"), key.name},
                {QStringLiteral("permissions"), QJsonArray::fromStringList(key.permissions)},
                {QStringLiteral("tenants"), QJsonArray::fromStringList(key.tenants)},
                {QStringLiteral("version"), QStringLiteral(JOBDECK_VERSION)},
                {QStringLiteral("store"), storeKind},
            }));
        },
        {"system", "The calling key (name, permissions, tenants), the server's version and store",
         false});
}

} // namespace SystemApi
