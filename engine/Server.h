#pragma once

#include "ServerSettings.h"
#include "engine/EngineThread.h"

#include <QThread>

#include <memory>

class HttpFrontend;

// A whole Jobdeck server: the engine on its thread and the REST front end on another.
// start() throws StoreError when the store cannot be opened or migrated.
class Server
{
public:
    explicit Server(ServerSettings settings);
    ~Server();

    // Before start(): makes `clearKey` a valid admin key (stored hashed). With no key given and
    // no key in the store, creates an admin key and returns it in clear (to show once).
    QByteArray prepareAdminKey(const QByteArray &clearKey);

    void start();
    void stop(); // stop listening, answer held requests, apply the queue, close the store
    quint16 port() const { return m_port; }
    // "https://127.0.0.1:27555" once started ("http" without TLS).
    QString baseUrl() const;
    // After start(): stops accepting HTTP connections (open ones are served to the end) or
    // listens again on the same address and port. The engine keeps running either way.
    // Returns whether the server listens afterwards.
    bool setListening(bool listen);
    Engine *engine() const { return m_engine ? m_engine->engine() : nullptr; }
    const ServerSettings &settings() const { return m_settings; }
    // Every route served, "GET /api/v1/jobs/:key" style (fixed once start() returned).
    QStringList routes() const;

private:
    StoreOptions storeOptions() const;

    ServerSettings m_settings;
    std::unique_ptr<EngineThread> m_engine;
    QThread m_httpThread;
    HttpFrontend *m_frontend = nullptr;
    quint16 m_port = 0;
    bool m_tls = false;
};
