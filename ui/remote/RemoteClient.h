#pragma once

#include "ApiConnection.h"
#include "RemoteServer.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

// A server's API for every thread of the console: one ApiConnection (keep-alive connections,
// TLS) on a network thread of its own. call() waits for an answer without running the calling
// thread's events, so that a reader thread reads one thing at a time, in order, as it reads a
// store; send() answers on the asker's thread. Shared (std::shared_ptr) by the backend and the
// sources it makes; it stops its thread when the last of them lets it go.
class RemoteClient
{
public:
    explicit RemoteClient(const RemoteServer &server);
    ~RemoteClient();
    RemoteClient(const RemoteClient &) = delete;
    RemoteClient &operator=(const RemoteClient &) = delete;

    const RemoteServer &server() const { return m_server; }

    // Waits for the answer (the connection's timeout bounds it). Not on the network thread.
    ApiAnswer call(const QByteArray &method, const QString &path,
                   const QJsonObject &body = {}) const;
    ApiAnswer get(const QString &path) const { return call("GET", path); }
    // From the GUI thread: `done` runs there, unless `context` is gone by then.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body,
              QObject *context, ApiConnection::Done done) const;
    // Ends every request under way and answers every later call() at once (failed): the
    // console is closing, and its reader threads must not wait out a dead server's timeouts.
    void close() const;
    // As send, with `timeoutMs` instead of the server's (a long poll).
    void sendWithTimeout(const QByteArray &method, const QString &path, int timeoutMs,
                         QObject *context, ApiConnection::Done done) const;

private:
    void post(const QByteArray &method, const QString &path, const QJsonObject &body, int timeoutMs,
              QObject *context, ApiConnection::Done done) const;

    static ApiAnswer closedAnswer();

    RemoteServer m_server;
    mutable std::atomic<bool> m_closed{false};
    QThread m_thread;
    ApiConnection *m_connection = nullptr; // lives on m_thread
};
