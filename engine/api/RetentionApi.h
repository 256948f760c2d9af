#pragma once

class HttpFrontend;

// GET|PUT /api/v1/settings/retention (admin): how long finished jobs are kept.
namespace RetentionApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace RetentionApi
