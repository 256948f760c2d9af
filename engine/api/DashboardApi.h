#pragma once

class HttpFrontend;

// GET /api/v1/dashboard (read): what the console's dashboard shows (engine/Dashboard), so that a
// console attached over the API shows the same: counts per state, the last 15 minutes' finished
// jobs per minute, queue depth per type, p95 processing time, open incidents, the store's
// footprint and the retention in force. Only the key's tenants are counted.
namespace DashboardApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace DashboardApi
