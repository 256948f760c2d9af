#pragma once

#include "HttpLimits.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

// Watches one accepted socket before QHttpServer does: it is connected to readyRead first, so it
// sees every byte first (it only peeks). It tracks request boundaries (request line, header block,
// Content-Length body), and when a limit is passed it consumes the input, answers in the
// contract's error shape (400 / 408 / 411 / 413 / 431) with "Connection: close" and closes:
//  - malformed request line, bad or negative Content-Length          → 400 MALFORMED_REQUEST
//  - Transfer-Encoding on a request (bodies must carry Content-Length) → 411 LENGTH_REQUIRED
//  - Content-Length above maxBodyBytes                                → 413 PAYLOAD_TOO_LARGE
//  - request line + headers above maxHeaderBytes                      → 431 HEADERS_TOO_LARGE
//  - header block not complete within headerTimeoutMs (slowloris), or
//    no byte for stallTimeoutMs mid-request (headers or body)         → 408 REQUEST_TIMEOUT
//  - nothing in flight and no byte for idleTimeoutMs                  → closed quietly
// A request whose answer is still pending (held long poll) keeps the connection open.
//
// QHttpServer 6.4.2 does not read everything that is buffered: it reads one request per readyRead
// and re-emits readyRead (queued) for what it left behind. So the guard also runs a second slot
// connected AFTER the server's (GuardedTcpServer attaches it once the server has taken the
// socket) that notes how many buffered bytes the guard has already looked at.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

    // The guard attached to a socket accepted by GuardedTcpServer, or nullptr. The socket must be
    // alive: QHttpServer deletes it when the client leaves, so a held responder's socket is to be
    // checked through a QPointer first.
    static ConnectionGuard *of(QTcpSocket *socket);

    // The server calls this once per answer it writes (404s and other errors included), so that
    // the idle timer starts again only when every complete request on the connection has been
    // answered.
    void responseSent();

    int requestsInFlight() const { return m_inFlight; }

private:
    friend class GuardedTcpServer;

    enum class Phase { Head, Body };

    // Connects the slot that must run after QHttpServer's readyRead slot.
    void attachAfterServer();

    void onReadyRead();
    void afterServerRead();
    void scan(const char *data, qsizetype size);
    bool takeLine(QByteArray line);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    void headersComplete();
    void requestComplete();
    // Part of a request has arrived (empty lines between requests do not count).
    bool partialRequest() const
    {
        return m_phase == Phase::Body || m_haveRequestLine || (!m_line.isEmpty() && m_line != "\r");
    }

    void reject(int status, const char *code, const QString &message,
                const QJsonObject &details = {});
    void rearmTimers();

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    QTimer m_idleTimer;
    QTimer m_headerTimer;
    QTimer m_stallTimer;
    int m_inFlight = 0;
    bool m_rejected = false;

    // Bytes at the head of the socket's read buffer that scan() has already seen.
    qint64 m_seen = 0;

    // The request being read.
    Phase m_phase = Phase::Head;
    qint64 m_headBytes = 0; // request line + headers so far (incl. line ends)
    QByteArray m_line;      // the incomplete line
    bool m_haveRequestLine = false;
    qint64 m_contentLength = -1; // -1: no Content-Length header
    bool m_transferEncoding = false;
    qint64 m_bodyLeft = 0;
};
