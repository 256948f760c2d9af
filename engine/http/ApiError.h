#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

// A typed error of the contract: HTTP status, UPPER_SNAKE code, human message, details.
// Every error the engine or the API answers is built here, so that status and code are mapped
// to each other in one place.
struct ApiError
{
    int httpStatus = 500;
    QString code;
    QString message;
    QJsonObject details;

    static ApiError
    validation(const QJsonObject &fieldErrors,
               const QString &message = QStringLiteral("Invalid request parameters"));
    static ApiError invalidJson(const QString &parserMessage);
    static ApiError unsupportedMediaType(const QString &contentType);
    static ApiError unauthorized(const QString &message);
    static ApiError forbidden(const QString &message);
    static ApiError jobNotFound(const QString &jobKey);
    static ApiError routeNotFound(const QString &path);
    static ApiError methodNotAllowed(const QString &method, const QStringList &allowed);
    // 409 JOB_NOT_<verb>ABLE with current_status and whatever else explains why.
    static ApiError conflict(const QString &code, const QString &message, QJsonObject details);
    static ApiError unavailable(const QString &message);
    static ApiError internal();
};

// What an operation answers: data and a 2xx status, or an error. The data can also be given
// as a function that builds it later: the engine thread then only copies what the answer needs,
// and the JSON is built on the HTTP thread that writes it.
struct ApiResult
{
    int httpStatus = 200;
    QJsonObject data;
    std::optional<ApiError> error;
    std::function<QJsonObject()> render;

    static ApiResult ok(QJsonObject data, int status = 200)
    {
        return {status, std::move(data), {}, {}};
    }
    static ApiResult later(std::function<QJsonObject()> render, int status = 200)
    {
        return {status, {}, {}, std::move(render)};
    }
    static ApiResult fail(ApiError error)
    {
        const int status = error.httpStatus;
        return {status, {}, std::move(error), {}};
    }
    bool isOk() const { return !error.has_value(); }
    QJsonObject body() const { return render ? render() : data; }
};
