#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

Q_LOGGING_CATEGORY(lcServer, "jobdeck.http.server", QtInfoMsg)

// Used when a descriptor could not be handed to a QTcpSocket, so that it does not leak.
void closeDescriptor(qintptr socketDescriptor)
{
#ifdef Q_OS_UNIX
    ::close(int(socketDescriptor));
#else
    Q_UNUSED(socketDescriptor);
#endif
}

} // namespace

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls,
                                   QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_tls(std::move(tls))
{
    connect(this, &QTcpServer::acceptError, this, &GuardedTcpServer::onAcceptError);
}

void GuardedTcpServer::onAcceptError(QAbstractSocket::SocketError error)
{
    // QTcpServer 6.4 has already paused accepting, and would never resume by itself.
    if (!isListening())
        return;
    if (m_acceptedSinceError) {
        // Connections were accepted since the last report: this is the socket engine's sticky
        // old error reported again at the end of a batch, not a new failure.
        m_acceptedSinceError = false;
        resumeAccepting();
        return;
    }
    qCWarning(lcServer).noquote() << "accept() failed:" << error << errorString()
                                  << "- accepting again in" << m_limits.acceptRetryMs << "ms";
    pauseAccepting();
    QTimer::singleShot(qMax(1, m_limits.acceptRetryMs), this, [this] {
        if (isListening())
            resumeAccepting();
    });
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    m_acceptedSinceError = true;
    if (m_limits.maxConnections > 0 && m_open >= m_limits.maxConnections) {
        if (!m_refusing) {
            qCWarning(lcServer) << "refusing new connections:" << m_open << "of"
                                << m_limits.maxConnections << "connections are open";
            m_refusing = true;
        }
        QTcpSocket refused;
        if (refused.setSocketDescriptor(socketDescriptor))
            refused.abort();
        else
            closeDescriptor(socketDescriptor);
        return;
    }

    QTcpSocket *socket = adopt(socketDescriptor);
    if (!socket)
        return;

    // Counted once, whichever comes first: the disconnect or the socket's deletion.
    ++m_open;
    auto counted = std::make_shared<bool>(true);
    const auto release = [this, counted] {
        if (*counted) {
            *counted = false;
            --m_open;
            if (m_refusing && m_open < m_limits.maxConnections) {
                qCInfo(lcServer) << "accepting connections again";
                m_refusing = false;
            }
        }
    };
    connect(socket, &QAbstractSocket::disconnected, this, release);
    connect(socket, &QObject::destroyed, this, release);
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        tls->startServerEncryption();

    // Connected to readyRead before QHttpServer is, so it sees every byte first.
    auto *guard = new ConnectionGuard(socket, m_limits);

    // In 6.4.2 this emits pendingConnectionAvailable, and the bound QHttpServer takes the socket
    // and connects to it right here; the guard's second slot must come after the server's.
    addPendingConnection(socket);
    guard->attachAfterServer();
}

QTcpSocket *GuardedTcpServer::adopt(qintptr socketDescriptor)
{
    QSslSocket *tls = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer).noquote()
            << "cannot adopt an accepted socket:" << socket->errorString();
        delete socket;
        closeDescriptor(socketDescriptor);
        return nullptr;
    }
    // QHttpServerResponder writes the status line and headers, then the body: with Nagle's
    // algorithm the last part of an answer on a kept-alive connection waits for the client's
    // delayed ACK (40 ms on Linux), which made every request after a connection's first one
    // take 40 ms more (bench/remote-million.py: cursor pages of 44 ms against 3 ms).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!tls)
        return socket;
    tls->setSslConfiguration(*m_tls);
    // A client that does not finish its handshake in time is closed, as a slow header block is.
    if (m_limits.headerTimeoutMs > 0) // 0: no header timeout, as for ConnectionGuard
        QTimer::singleShot(m_limits.headerTimeoutMs, tls, [tls] {
            if (!tls->isEncrypted())
                tls->abort();
        });
    connect(tls, &QSslSocket::errorOccurred, this, [this, tls](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::SslHandshakeFailedError &&
            error != QAbstractSocket::SslInternalError &&
            error != QAbstractSocket::SslInvalidUserDataError)
            return;
        // Once at warning level (a wrong key fails every handshake), then at debug level (a
        // client speaking plain HTTP to the TLS port fails one too).
        if (!m_handshakeFailureLogged)
            qCWarning(lcServer).noquote() << "TLS handshake with" << tls->peerAddress().toString()
                                          << "failed:" << tls->errorString();
        else
            qCDebug(lcServer).noquote() << "TLS handshake failed:" << tls->errorString();
        m_handshakeFailureLogged = true;
    });
    return socket;
}
