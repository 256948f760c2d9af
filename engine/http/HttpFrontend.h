#pragma once

#include "ApiRequest.h"
#include "HttpLimits.h"
#include "Router.h"
#include "auth/Authenticator.h"
#include "engine/Engine.h"
#include "store/JobStore.h"
#include "store/SqlDialect.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSslConfiguration>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

class GuardedTcpServer;

// Limits of the API itself (the HTTP-level ones are HttpLimits).
struct ApiLimits
{
    int maxJsonDepth = 64;
    qint64 maxVariablesBytes = kDefaultMaxVariablesBytes;
    qint64 longPollLimitMs = 60'000; // longest a held activation waits
    qint64 maxAwaitMs = 600'000;
    int maxBatchJobs = 1000;
    int maxChangeWaits = 1000; // held GET /changes; beyond: answered at once
};

// The REST front end: a QAbstractHttpServer with our own router (so that 404 and 405 differ),
// authentication, the contract's envelopes, and held answers that are written only while their
// client is still connected. Lives on its own thread; reads go through that thread's own read
// connection, writes go to the engine.
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpFrontend(Engine *engine, const StoreOptions &store, HttpLimits httpLimits,
                 ApiLimits apiLimits, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // On the front end's thread. Returns the port, or 0 when it could not listen. With `tls`
    // every connection speaks HTTPS.
    quint16 start(const QHostAddress &address, quint16 port,
                  const std::optional<QSslConfiguration> &tls = std::nullopt);
    void stopListening();
    // Listens again on the address and port of start() (after stopListening). False when the
    // port cannot be had back.
    bool resumeListening();
    bool isListening() const;
    // Pushes every written answer out to its socket (used on shutdown).
    void flushConnections();

    Router &router() { return m_router; }
    // Registers a route whose handler is a plain function of the front end and the request.
    using RouteHandler = void (*)(HttpFrontend *, ApiRequest &);
    void route(Router::Method method, const char *pattern, Router::Access access,
               RouteHandler handler, Router::Doc doc)
    {
        m_router.add(
            method, QString::fromLatin1(pattern), access,
            [this, handler](ApiRequest &request) { handler(this, request); }, doc);
    }
    Engine *engine() const { return m_engine; }
    JobStore &reader() { return *m_reader; }
    const ApiLimits &limits() const { return m_apiLimits; }
    qint64 startedAtMs() const { return m_startedAt; }
    // A PostgreSQL store, which several nodes may share.
    bool isSharedStore() const { return SqlDialect::isPostgresUrl(m_storeOptions.path); }

    // Writes the answer if its client is still there. Returns whether it was written.
    bool send(ApiRequest::Answer &answer, const ApiResult &result);
    bool sendRaw(ApiRequest::Answer &answer, int status, const QByteArray &contentType,
                 const QByteArray &body);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void dispatch(ApiRequest &request, const Router::Match &match);

    Engine *m_engine;
    StoreOptions m_storeOptions;
    QString m_connectionName;
    HttpLimits m_httpLimits;
    ApiLimits m_apiLimits;
    Router m_router;
    std::unique_ptr<JobStore> m_reader;
    std::unique_ptr<Authenticator> m_auth;
    GuardedTcpServer *m_tcp = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
    qint64 m_startedAt = 0;
};
