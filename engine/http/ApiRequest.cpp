#include "ApiRequest.h"

#include "HttpFrontend.h"
#include "core/Clock.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace {

// Deepest nesting of arrays/objects in a JSON text, without parsing it.
int nestingDepth(const QByteArray &json)
{
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            deepest = qMax(deepest, ++depth);
        else if (c == '}' || c == ']')
            --depth;
    }
    return deepest;
}

} // namespace

ApiRequest::ApiRequest(HttpFrontend *frontend, const QHttpServerRequest &request,
                       std::shared_ptr<Answer> answer)
    : m_frontend(frontend), m_answer(std::move(answer)), m_method(request.method()),
      m_path(request.url().path()), m_query(request.query()), m_headers(request.headers()),
      m_body(request.body()), m_receivedAt(Clock::nowMs())
{}

QByteArray ApiRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

std::optional<QJsonObject> ApiRequest::jsonBody(bool emptyIsObject)
{
    if (m_body.trimmed().isEmpty()) {
        if (emptyIsObject)
            return QJsonObject();
        fail(ApiError::validation(
            {{QStringLiteral("body"), QStringLiteral("A JSON object body is required")}}));
        return std::nullopt;
    }
    const QByteArray contentType = header("Content-Type").toLower();
    if (!contentType.isEmpty() && !contentType.startsWith("application/json") &&
        !contentType.contains("+json")) {
        fail(ApiError::unsupportedMediaType(QString::fromLatin1(contentType)));
        return std::nullopt;
    }
    const int maxDepth = m_frontend->limits().maxJsonDepth;
    if (nestingDepth(m_body) > maxDepth) {
        fail(ApiError::validation(
            {{QStringLiteral("body"),
              QStringLiteral("JSON nesting deeper than %1 levels").arg(maxDepth)}}));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_body, &error);
    if (error.error != QJsonParseError::NoError) {
        fail(ApiError::invalidJson(
            QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset)));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(ApiError::validation(
            {{QStringLiteral("body"), QStringLiteral("The body must be a JSON object")}}));
        return std::nullopt;
    }
    return doc.object();
}

void ApiRequest::reply(const ApiResult &result)
{
    m_frontend->send(*m_answer, result);
}

void ApiRequest::replyRaw(int status, const QByteArray &contentType, const QByteArray &body)
{
    m_frontend->sendRaw(*m_answer, status, contentType, body);
}

std::function<bool(const ApiResult &)> ApiRequest::sender() const
{
    return [frontend = QPointer<HttpFrontend>(m_frontend), answer = m_answer](
               const ApiResult &result) { return frontend && frontend->send(*answer, result); };
}

QObject *ApiRequest::context() const
{
    return m_frontend;
}
