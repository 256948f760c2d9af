#pragma once

#include <QString>

class HttpFrontend;

// GET /api/v1/health.
namespace SystemApi {

void registerRoutes(HttpFrontend &frontend, const QString &storeKind);

} // namespace SystemApi
