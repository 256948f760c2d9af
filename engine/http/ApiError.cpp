#include "ApiError.h"

#include <QJsonArray>
#include <QStringList>

ApiError ApiError::validation(const QJsonObject &fieldErrors, const QString &message)
{
    return {400, QStringLiteral("VALIDATION_ERROR"), message,
            QJsonObject{{QStringLiteral("field_errors"), fieldErrors}}};
}

ApiError ApiError::invalidJson(const QString &parserMessage)
{
    return {400, QStringLiteral("INVALID_JSON"), QStringLiteral("Request body is not valid JSON"),
            QJsonObject{{QStringLiteral("parse_error"), parserMessage}}};
}

ApiError ApiError::unsupportedMediaType(const QString &contentType)
{
    return {415, QStringLiteral("UNSUPPORTED_MEDIA_TYPE"),
            QStringLiteral("Request body must be application/json"),
            QJsonObject{{QStringLiteral("content_type"), contentType}}};
}

ApiError ApiError::unauthorized(const QString &message)
{
    return {401, QStringLiteral("UNAUTHORIZED"), message, {}};
}

ApiError ApiError::forbidden(const QString &message)
{
    return {403, QStringLiteral("FORBIDDEN"), message, {}};
}

ApiError ApiError::jobNotFound(const QString &jobKey)
{
    return {404, QStringLiteral("JOB_NOT_FOUND"), QStringLiteral("Job not found"),
            QJsonObject{{QStringLiteral("job_key"), jobKey}}};
}

ApiError ApiError::routeNotFound(const QString &path)
{
    return {404, QStringLiteral("ROUTE_NOT_FOUND"), QStringLiteral("No such route"),
            QJsonObject{{QStringLiteral("path"), path}}};
}

ApiError ApiError::methodNotAllowed(const QString &method, const QStringList &allowed)
{
    return {405, QStringLiteral("METHOD_NOT_ALLOWED"),
            QStringLiteral("Method %1 is not allowed on this route").arg(method),
            QJsonObject{{QStringLiteral("method"), method},
                        {QStringLiteral("allowed_methods"), QJsonArray::fromStringList(allowed)}}};
}

ApiError ApiError::conflict(const QString &code, const QString &message, QJsonObject details)
{
    return {409, code, message, std::move(details)};
}

ApiError ApiError::unavailable(const QString &message)
{
    return {503, QStringLiteral("UNAVAILABLE"), message, {}};
}

ApiError ApiError::internal()
{
    return {500,
            QStringLiteral("INTERNAL_ERROR"),
            QStringLiteral("The server could not complete the request"),
            {}};
}
