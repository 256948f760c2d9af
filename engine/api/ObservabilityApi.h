#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class HttpFrontend;
class Router;

// GET /metrics (Prometheus text format 0.0.4, any valid key) and GET /api/v1/openapi.json
// (OpenAPI 3.1, no key).
namespace ObservabilityApi {

void registerRoutes(HttpFrontend &frontend);

// The OpenAPI document of the router's routes (each documented where it is registered).
QJsonObject openApiDocument(const Router &router);

} // namespace ObservabilityApi
