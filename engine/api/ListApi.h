#pragma once

class HttpFrontend;

// GET /api/v1/jobs: filters, sort, page and cursor paging, summary from the counters.
namespace ListApi {
void registerRoutes(HttpFrontend &frontend);
}
