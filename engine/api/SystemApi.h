#pragma once

#include <QJsonArray>
#include <QString>

class HttpFrontend;
class JobStore;

// GET /api/v1/health.
namespace SystemApi {

void registerRoutes(HttpFrontend &frontend, const QString &storeKind);
// The nodes sharing a PostgreSQL store (also in GET /workers); throws StoreError.
QJsonArray nodes(JobStore &reader);

} // namespace SystemApi
