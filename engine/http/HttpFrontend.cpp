#include "HttpFrontend.h"

#include "ConnectionGuard.h"
#include "Envelope.h"
#include "GuardedTcpServer.h"
#include "core/Clock.h"
#include "store/Database.h"

#include <QHttpServerResponder>
#include <QTcpSocket>

#include <atomic>

Q_LOGGING_CATEGORY(lcHttp, "jobdeck.http")

namespace {
std::atomic<int> s_frontendCount{0};

bool isMutating(Router::Method method)
{
    return method != Router::Method::Get && method != Router::Method::Head;
}
} // namespace

HttpFrontend::HttpFrontend(Engine *engine, const StoreOptions &store, HttpLimits httpLimits,
                           ApiLimits apiLimits, QObject *parent)
    : QAbstractHttpServer(parent), m_engine(engine), m_storeOptions(store),
      m_connectionName(QStringLiteral("jobdeck-http-%1").arg(s_frontendCount.fetch_add(1))),
      m_httpLimits(httpLimits), m_apiLimits(apiLimits)
{}

HttpFrontend::~HttpFrontend()
{
    m_auth.reset();
    m_reader.reset();
    if (QSqlDatabase::contains(m_connectionName))
        Database::close(m_connectionName);
}

quint16 HttpFrontend::start(const QHostAddress &address, quint16 port,
                            const std::optional<QSslConfiguration> &tls)
{
    QSqlDatabase db = Database::open(m_connectionName, m_storeOptions);
    m_reader = std::make_unique<JobStore>(db);
    m_auth = std::make_unique<Authenticator>(KeyStore(db), &m_engine->keyGeneration());
    m_startedAt = Clock::nowMs();
    m_tcp = new GuardedTcpServer(m_httpLimits, tls, this);
    m_tcp->setListenBacklogSize(m_httpLimits.listenBacklog);
    if (!m_tcp->listen(address, port)) {
        qCCritical(lcHttp) << "cannot listen on" << address << port << m_tcp->errorString();
        return 0;
    }
    bind(m_tcp);
    m_address = address;
    m_port = m_tcp->serverPort();
    return m_port;
}

void HttpFrontend::stopListening()
{
    if (m_tcp)
        m_tcp->close();
}

bool HttpFrontend::resumeListening()
{
    if (!m_tcp || !m_port)
        return false;
    if (m_tcp->isListening())
        return true;
    // The same QTcpServer: QAbstractHttpServer stays bound to it across close() and listen().
    if (!m_tcp->listen(m_address, m_port)) {
        qCWarning(lcHttp) << "cannot listen again on" << m_address << m_port
                          << m_tcp->errorString();
        return false;
    }
    return true;
}

bool HttpFrontend::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

void HttpFrontend::flushConnections()
{
    QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    if (m_tcp)
        sockets += m_tcp->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->flush();
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto answer = std::make_shared<ApiRequest::Answer>();
    answer->responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    answer->socket = socket;
    answer->requestId = Envelope::newRequestId();
    answer->clock.start();
    answer->method = Router::methodName(request.method());
    ApiRequest apiRequest(this, request, answer);

    const Router::Match match = m_router.match(request.method(), apiRequest.path());
    if (!match.route) {
        apiRequest.fail(match.allowedMethods.isEmpty()
                            ? ApiError::routeNotFound(apiRequest.path())
                            : ApiError::methodNotAllowed(Router::methodName(request.method()),
                                                         match.allowedMethods));
        return true;
    }
    answer->route = match.route->pattern;
    apiRequest.m_arguments = match.arguments;
    try {
        dispatch(apiRequest, match);
    } catch (const StoreError &error) {
        qCWarning(lcHttp) << "store error on" << match.route->pattern << error.what();
        apiRequest.fail(
            ApiError::unavailable(QStringLiteral("The job store cannot be read right now")));
    } catch (const std::exception &error) {
        qCCritical(lcHttp) << "unexpected error on" << match.route->pattern << error.what();
        apiRequest.fail(ApiError::internal());
    }
    return true;
}

void HttpFrontend::dispatch(ApiRequest &request, const Router::Match &match)
{
    const Router::Route &route = *match.route;
    if (route.access != Router::Access::Public) {
        const QByteArray clear = Authenticator::presentedKey(request.header("X-API-Key"),
                                                             request.header("Authorization"));
        if (clear.isEmpty())
            return request.fail(ApiError::unauthorized(QStringLiteral(
                "An API key is required (X-API-Key header or Authorization: Bearer)")));
        const std::optional<ApiKey> key = m_auth->identify(clear);
        if (!key)
            return request.fail(ApiError::unauthorized(QStringLiteral("Unknown API key")));
        const Permission needed = route.access == Router::Access::Admin ? Permission::Admin
                                  : route.access == Router::Access::Job ? Permission::Job
                                                                        : Permission::Read;
        if (!key->allows(needed, isMutating(route.method)))
            return request.fail(ApiError::forbidden(
                QStringLiteral("API key '%1' lacks the permission for %2 %3")
                    .arg(key->name, Router::methodName(route.method), route.pattern)));
        request.m_caller = *key;
    }
    route.handler(request);
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers every request; this is only reached if that ever changes.
    QHttpServerResponder responder = makeResponder(request, socket);
    const QByteArray body =
        Envelope::error(QStringLiteral("ROUTE_NOT_FOUND"), QStringLiteral("No such route"), {},
                        Envelope::newRequestId());
    responder.write(body, "application/json", QHttpServerResponder::StatusCode::NotFound);
}

bool HttpFrontend::send(ApiRequest::Answer &answer, const ApiResult &result)
{
    if (answer.answered)
        return false;
    QTcpSocket *socket = answer.socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return sendRaw(answer, result.httpStatus, {}, {}); // forgets the answer
    const QByteArray body = result.isOk()
                                ? Envelope::success(result.body(), answer.requestId)
                                : Envelope::error(result.error->code, result.error->message,
                                                  result.error->details, answer.requestId);
    return sendRaw(answer, result.httpStatus, "application/json; charset=utf-8", body);
}

bool HttpFrontend::sendRaw(ApiRequest::Answer &answer, int status, const QByteArray &contentType,
                           const QByteArray &body)
{
    if (answer.answered)
        return false;
    answer.answered = true;
    m_engine->metrics().observeHttp(
        answer.method, answer.route.isEmpty() ? QStringLiteral("unmatched") : answer.route, status,
        answer.clock.isValid() ? answer.clock.nsecsElapsed() : 0);
    QTcpSocket *socket = answer.socket.data();
    // Writing to a held responder whose client left crashes QHttpServer 6.4: check first.
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        answer.responder.reset();
        return false;
    }
    QHttpServerResponder &r = *answer.responder;
    r.writeStatusLine(QHttpServerResponder::StatusCode(status));
    r.writeHeader("Content-Type", contentType);
    r.writeHeader("Content-Length", QByteArray::number(body.size()));
    r.writeHeader("X-Request-Id", answer.requestId);
    r.writeBody(body);
    if (ConnectionGuard *guard = ConnectionGuard::of(socket))
        guard->responseSent();
    answer.responder.reset();
    return true;
}
