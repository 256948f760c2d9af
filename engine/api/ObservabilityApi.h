#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class HttpFrontend;

// GET /metrics (Prometheus text format 0.0.4, any valid key) and GET /api/v1/openapi.json
// (OpenAPI 3.1, no key).
namespace ObservabilityApi {

void registerRoutes(HttpFrontend &frontend);

// The documented operations, "GET /api/v1/jobs/:key" style, and the whole document.
QStringList documentedRoutes();
QJsonObject openApiDocument();

} // namespace ObservabilityApi
