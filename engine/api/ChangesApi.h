#pragma once

class HttpFrontend;

// GET /api/v1/changes?since=N&timeout=25000 (any valid key): a long poll that answers as soon as
// the server committed a change after `since` (or when `timeout` ms pass), with the sequence to
// ask after next time. What a console attached over HTTP waits on instead of polling every view:
// one held request per console while nothing happens.
namespace ChangesApi {
void registerRoutes(HttpFrontend &frontend);
}
