#pragma once

class HttpFrontend;

// GET /api/v1/jobs/stats: overview and queue depth from the counters, per type, per worker and
// throughput figures of a period from the per-minute rollup.
namespace StatsApi {
void registerRoutes(HttpFrontend &frontend);
}
