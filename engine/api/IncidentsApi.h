#pragma once

class HttpFrontend;

// /api/v1/incidents: list (by status, type, job type; paged), one incident, resolve (admin).
namespace IncidentsApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace IncidentsApi
