#pragma once

class HttpFrontend;

// The /api/v1/jobs routes of the worker and client side: create (single and batch), complete,
// fail, throw-error, cancel, delete, details, status, await and progress.
namespace JobsApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace JobsApi
