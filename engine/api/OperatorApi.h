#pragma once

class HttpFrontend;

// The operator's routes over jobs, job types and workers: PATCH /api/v1/jobs/:key, bulk
// DELETE /api/v1/jobs?filters (admin), /api/v1/job-types (list, pause, resume) and
// GET /api/v1/workers.
namespace OperatorApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace OperatorApi
