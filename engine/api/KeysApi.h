#pragma once

class HttpFrontend;

// /api/v1/api-keys (admin): create (the clear key is answered once), list, delete.
namespace KeysApi {

void registerRoutes(HttpFrontend &frontend);

} // namespace KeysApi
