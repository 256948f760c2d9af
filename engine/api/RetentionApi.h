#pragma once

#include "engine/Retention.h"

#include <QJsonObject>

class HttpFrontend;

// GET|PUT /api/v1/settings/retention (admin): how long finished jobs are kept.
namespace RetentionApi {

// {"completed": "P7D", "cancelled": "P7D", "failed": null}: null keeps those jobs for ever.
QJsonObject policyJson(const RetentionPolicy &policy);

void registerRoutes(HttpFrontend &frontend);

} // namespace RetentionApi
