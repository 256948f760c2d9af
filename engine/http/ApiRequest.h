#pragma once

#include "Router.h"
#include "auth/ApiKey.h"
#include "http/ApiError.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

class HttpFrontend;

// One request as a route handler sees it: what was asked, who asked, and how to answer now or
// later. The answer side is shared, so that an engine callback can answer after the handler
// returned; it is written only if the client is still connected.
class ApiRequest
{
public:
    struct Answer
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        QByteArray requestId;
        QString route;
        QString method;
        QElapsedTimer clock; // from the request to its answer, for the metrics
        bool answered = false;
    };

    ApiRequest(HttpFrontend *frontend, const QHttpServerRequest &request,
               std::shared_ptr<Answer> answer);

    Router::Method method() const { return m_method; }
    const QString &path() const { return m_path; }
    const QUrlQuery &query() const { return m_query; }
    QByteArray header(const QByteArray &name) const;
    const QByteArray &body() const { return m_body; }
    QString argument(int index) const { return m_arguments.value(index); }
    const ApiKey &caller() const { return m_caller; }
    qint64 receivedAt() const { return m_receivedAt; }
    const QByteArray &requestId() const { return m_answer->requestId; }
    HttpFrontend *frontend() const { return m_frontend; }

    // The JSON object body; an empty body is {} when allowed. On failure the request has
    // already been answered (400 INVALID_JSON / VALIDATION_ERROR, 415) and nullopt comes back.
    std::optional<QJsonObject> jsonBody(bool emptyIsObject = true);

    void reply(const ApiResult &result);
    void fail(const ApiError &error) { reply(ApiResult::fail(error)); }
    // An answer that is not the JSON envelope (GET /metrics, the OpenAPI document).
    void replyRaw(int status, const QByteArray &contentType, const QByteArray &body);
    // An answer for later: a function that sends it (on the front end's thread: see context())
    // and says whether the client got it. JobAnswers::later builds engine replies from it.
    std::function<bool(const ApiResult &)> sender() const;
    QObject *context() const;
    QTcpSocket *socket() const { return m_answer->socket.data(); }

private:
    friend class HttpFrontend;
    HttpFrontend *m_frontend;
    std::shared_ptr<Answer> m_answer;
    Router::Method m_method;
    QString m_path;
    QUrlQuery m_query;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QStringList m_arguments;
    ApiKey m_caller;
    qint64 m_receivedAt;
};
