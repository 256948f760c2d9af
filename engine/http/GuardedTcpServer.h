#pragma once

#include "HttpLimits.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

// The listening socket QHttpServer is bound to (QAbstractHttpServer::bind). Every accepted
// socket gets a ConnectionGuard before the HTTP server connects to it; connections beyond
// maxConnections are closed at once; an accept error (e.g. out of file descriptors) pauses
// accepting for acceptRetryMs instead of stopping the listener for good.
//
// Qt 6.4's socket engine keeps the first error it sets: after one failed accept() every later
// batch of accepts ends in another acceptError (the EAGAIN that ends the batch is reported as the
// old error) and QTcpServer pauses. Such a report after accepts that worked is resumed at once.
//
// With a TLS configuration every connection is a QSslSocket that starts the server handshake at
// once; the guard then sees the decrypted bytes, so every limit holds over TLS too, and a
// handshake not done within headerTimeoutMs is closed.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(const HttpLimits &limits,
                              std::optional<QSslConfiguration> tls = std::nullopt,
                              QObject *parent = nullptr);

    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void onAcceptError(QAbstractSocket::SocketError error);
    QTcpSocket *adopt(qintptr socketDescriptor);

    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    bool m_handshakeFailureLogged = false;
    int m_open = 0;
    bool m_acceptedSinceError = false; // an accept() worked since the last acceptError
    bool m_refusing = false;           // full: refusals are logged once per episode
};
