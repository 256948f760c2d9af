#pragma once

class HttpFrontend;

// POST|GET /api/v1/bulk-operations, GET|DELETE /api/v1/bulk-operations/:id (admin): an action
// on every job that matches a filter, run by the server in small transactions.
namespace BulkOperationsApi {
void registerRoutes(HttpFrontend &frontend);
}
