#pragma once

#include <QJsonObject>
#include <QString>

class HttpFrontend;
class TypeLimitStore;
struct TypeLimit;

// PUT /api/v1/job-types/:type/limits (admin or job) and the `limits` of GET /job-types.
namespace LimitsApi {

void registerRoutes(HttpFrontend &frontend);
// {"max_active", "rate": {"limit", "per"}, "active", "activations_in_window"}: the limits and
// their use now.
QJsonObject render(TypeLimitStore &store, const QString &type, const TypeLimit &limit, qint64 now);

} // namespace LimitsApi
