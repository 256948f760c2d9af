#include "KeysApi.h"

#include "JobAnswers.h"
#include "Validation.h"
#include "core/Clock.h"
#include "engine/Engine.h"
#include "engine/OperatorCommands.h"
#include "http/HttpFrontend.h"
#include "store/KeyStore.h"

namespace KeysApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

// POST /api/v1/api-keys {"name": "ci", "permissions": ["job"], "tenants": ["*"]} -> 201 with
// the clear key, shown this once; only its SHA-256 hash is stored.
void createRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    FieldReader in(*body);
    ApiKey key;
    key.name = in.name(QStringLiteral("name"), QStringLiteral("Name is required"),
                       QStringLiteral("Name must be 1-100 characters: letters, digits, hyphens, "
                                      "underscores"));
    const QStringList allowed{QStringLiteral("read"), QStringLiteral("job"),
                              QStringLiteral("admin")};
    key.permissions = in.stringList(QStringLiteral("permissions"));
    key.permissions.removeDuplicates();
    if (key.permissions.isEmpty())
        in.error(QStringLiteral("permissions"),
                 QStringLiteral("Give at least one permission: read, job, admin"));
    for (const QString &p : key.permissions)
        if (!allowed.contains(p))
            in.error(QStringLiteral("permissions"),
                     QStringLiteral("Unknown permission '%1'; use read, job, admin").arg(p));
    key.tenants = in.has(QStringLiteral("tenants")) ? in.stringList(QStringLiteral("tenants"))
                                                    : QStringList{QStringLiteral("*")};
    key.tenants.removeDuplicates();
    if (key.tenants.isEmpty())
        in.error(QStringLiteral("tenants"),
                 QStringLiteral("Give at least one tenant, or [\"*\"] for all"));
    for (const QString &t : key.tenants)
        if (t != QLatin1String("*") && !FieldReader::isName(t))
            in.error(QStringLiteral("tenants"), QStringLiteral("'%1' is not a tenant id").arg(t));
    if (!in.ok())
        return request.fail(in.toError());
    if (!request.caller().seesAllTenants() &&
        (key.seesAllTenants() ||
         std::any_of(key.tenants.begin(), key.tenants.end(),
                     [&](const QString &t) { return !request.caller().seesTenant(t); })))
        return request.fail(ApiError::forbidden(
            QStringLiteral("A key cannot give access to tenants it does not see itself")));
    f->engine()->submit([key, clear = ApiKey::generateClearKey()](
                            Txn &txn) { return OperatorCommands::createApiKey(txn, key, clear); },
                        JobAnswers::later<KeyCreated>(request));
}

void listRoute(HttpFrontend *f, ApiRequest &request)
{
    QJsonArray out;
    for (const KeyStore::Listed &l : KeyStore(f->reader().database()).list())
        out.append(QJsonObject{
            {QStringLiteral("name"), l.key.name},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(l.key.permissions)},
            {QStringLiteral("tenants"), QJsonArray::fromStringList(l.key.tenants)},
            {QStringLiteral("created_at"), Clock::toIso(l.createdAt)}});
    request.reply(ApiResult::ok(
        QJsonObject{{QStringLiteral("api_keys"), out}, {QStringLiteral("count"), out.size()}}));
}

// DELETE /api/v1/api-keys/:name: the key stops working with the next request.
void deleteRoute(HttpFrontend *f, ApiRequest &request)
{
    f->engine()->submit([name = request.argument(0)](
                            Txn &txn) { return OperatorCommands::deleteApiKey(txn, name); },
                        JobAnswers::later<KeyDeleted>(request));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Post, "/api/v1/api-keys", Access::Admin, createRoute,
                   {"api-keys", "Create an API key; the clear key is answered once", true});
    frontend.route(Method::Get, "/api/v1/api-keys", Access::Admin, listRoute,
                   {"api-keys", "API keys (no secrets)", false});
    frontend.route(Method::Delete, "/api/v1/api-keys/:name", Access::Admin, deleteRoute,
                   {"api-keys", "Delete an API key", false});
}

} // namespace KeysApi
