#pragma once

class HttpFrontend;

// POST /api/v1/jobs/activate (seed 002), with long polling.
namespace ActivationApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace ActivationApi
