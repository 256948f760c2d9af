#include "ConnectionGuard.h"

#include "Envelope.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <limits>

namespace {

Q_LOGGING_CATEGORY(lcGuard, "jobdeck.http.guard", QtWarningMsg)

constexpr qsizetype kMaxQuotedBytes = 40; // of a client's bytes quoted in an error message

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 411:
        return QByteArrayLiteral("Length Required");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    default:
        return QByteArrayLiteral("Error");
    }
}

bool isUpperMethodChar(char c)
{
    return (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
}

// RFC 9110 tchar: the characters a header name may use.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// The start of a request line can be judged before its end arrives: a client that sends binary
// (a TLS handshake, say) is answered at once, not after the header timeout.
bool plausibleRequestLinePrefix(const QByteArray &partial)
{
    for (qsizetype i = 0; i < partial.size(); ++i) {
        const char c = partial.at(i);
        if (c == ' ')
            return i > 0;
        if (c == '\r' && i == partial.size() - 1)
            return true; // maybe the CR of an empty line
        if (!isUpperMethodChar(c))
            return false;
    }
    return true;
}

// Digits only; values too large for qint64 saturate (they are above any limit anyway).
bool parseLength(const QByteArray &text, qint64 *value)
{
    if (text.isEmpty())
        return false;
    qint64 v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        const int digit = c - '0';
        if (v > (std::numeric_limits<qint64>::max() - digit) / 10)
            v = std::numeric_limits<qint64>::max();
        else
            v = v * 10 + digit;
    }
    *value = v;
    return true;
}

QString quoted(const QByteArray &bytes)
{
    QString text = QString::fromLatin1(bytes.left(kMaxQuotedBytes));
    if (bytes.size() > kMaxQuotedBytes)
        text += QStringLiteral("...");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QJsonObject reason(const QString &why)
{
    return QJsonObject{{QStringLiteral("reason"), why}};
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    m_idleTimer.setSingleShot(true);
    m_headerTimer.setSingleShot(true);
    m_stallTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.idleTimeoutMs);
    m_headerTimer.setInterval(m_limits.headerTimeoutMs);
    m_stallTimer.setInterval(m_limits.stallTimeoutMs);

    m_idleTimer.callOnTimeout(this, [this] {
        if (!m_socket || m_rejected || m_inFlight > 0 || partialRequest())
            return;
        qCDebug(lcGuard) << "closing idle connection from" << m_socket->peerAddress();
        m_rejected = true; // whatever still arrives is swallowed
        rearmTimers();
        m_socket->disconnectFromHost();
    });
    m_headerTimer.callOnTimeout(this, [this] {
        reject(408, "REQUEST_TIMEOUT",
               QStringLiteral("The request headers did not arrive within %1 ms")
                   .arg(m_limits.headerTimeoutMs),
               QJsonObject{{QStringLiteral("timeout_ms"), m_limits.headerTimeoutMs}});
    });
    m_stallTimer.callOnTimeout(this, [this] {
        const QString what = m_phase == Phase::Body ? QStringLiteral("request body")
                                                    : QStringLiteral("request headers");
        reject(408, "REQUEST_TIMEOUT",
               QStringLiteral("No byte of the %1 arrived for %2 ms")
                   .arg(what)
                   .arg(m_limits.stallTimeoutMs),
               QJsonObject{{QStringLiteral("timeout_ms"), m_limits.stallTimeoutMs}});
    });

    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        m_idleTimer.stop();
        m_headerTimer.stop();
        m_stallTimer.stop();
    });
    rearmTimers();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    if (!socket)
        return nullptr;
    return socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
}

void ConnectionGuard::attachAfterServer()
{
    if (m_socket)
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterServerRead);
}

void ConnectionGuard::responseSent()
{
    if (m_inFlight > 0)
        --m_inFlight;
    else
        qCWarning(lcGuard) << "responseSent() without a request in flight";
    rearmTimers();
}

void ConnectionGuard::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_rejected) {
        m_socket->readAll(); // swallowed: QHttpServer must not see it
        m_seen = 0;
        return;
    }
    // QHttpServer may have left bytes we scanned before (pipelined requests); only what follows
    // them is new. Without new bytes this is QHttpServer's own re-emitted readyRead.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_seen) {
        m_seen = available;
        return;
    }
    const QByteArray buffered = m_socket->peek(available);
    if (buffered.size() <= m_seen)
        return;
    scan(buffered.constData() + m_seen, buffered.size() - m_seen);
    if (m_rejected)
        return;
    m_seen = buffered.size();
    if (partialRequest() && m_limits.stallTimeoutMs > 0)
        m_stallTimer.start(); // a byte arrived: the stall clock starts again
    rearmTimers();
}

void ConnectionGuard::afterServerRead()
{
    // Runs after QHttpServer's readyRead slot: whatever it left in the buffer was scanned.
    if (m_socket)
        m_seen = m_rejected ? 0 : m_socket->bytesAvailable();
}

void ConnectionGuard::scan(const char *data, qsizetype size)
{
    qsizetype pos = 0;
    while (pos < size && !m_rejected) {
        if (m_phase == Phase::Body) {
            const qint64 take = qMin<qint64>(m_bodyLeft, size - pos);
            m_bodyLeft -= take;
            pos += take;
            if (m_bodyLeft == 0)
                requestComplete();
            continue;
        }

        const char *start = data + pos;
        const auto *newline = static_cast<const char *>(std::memchr(start, '\n', size - pos));
        const qsizetype take = newline ? newline - start + 1 : size - pos;
        m_headBytes += take;
        if (m_headBytes > m_limits.maxHeaderBytes) {
            reject(431, "HEADERS_TOO_LARGE",
                   QStringLiteral("Request line and headers exceed the %1-byte limit")
                       .arg(m_limits.maxHeaderBytes),
                   QJsonObject{{QStringLiteral("limit_bytes"), m_limits.maxHeaderBytes}});
            return;
        }
        m_line.append(start, take);
        pos += take;
        if (!newline) {
            if (!m_haveRequestLine && !plausibleRequestLinePrefix(m_line)) {
                reject(400, "MALFORMED_REQUEST",
                       QStringLiteral("Malformed request line: expected \"METHOD /path HTTP/1.1\""),
                       reason(QStringLiteral("the method must be an uppercase token")));
            }
            return;
        }
        QByteArray line;
        line.swap(m_line);
        if (!takeLine(std::move(line)))
            return;
    }
}

bool ConnectionGuard::takeLine(QByteArray line)
{
    line.chop(1); // '\n'
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.contains('\r') || line.contains('\0')) {
        reject(400, "MALFORMED_REQUEST",
               QStringLiteral("The request head contains a stray CR or NUL byte"),
               reason(QStringLiteral("control character in the request head")));
        return false;
    }
    if (!m_haveRequestLine) {
        if (line.isEmpty())
            return true; // empty lines before a request line are ignored (RFC 9112 2.2)
        return parseRequestLine(line);
    }
    if (line.isEmpty()) {
        headersComplete();
        return !m_rejected;
    }
    return parseHeaderLine(line);
}

bool ConnectionGuard::parseRequestLine(const QByteArray &line)
{
    const auto malformed = [this](const QString &why) {
        reject(400, "MALFORMED_REQUEST",
               QStringLiteral("Malformed request line: expected \"METHOD /path HTTP/1.1\" (%1)")
                   .arg(why),
               reason(why));
        return false;
    };
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0 || sp2 == sp1 + 1)
        return malformed(QStringLiteral("it must be three parts separated by single spaces"));
    const QByteArray method = line.left(sp1);
    const QByteArray target = line.mid(sp1 + 1, sp2 - sp1 - 1);
    const QByteArray version = line.mid(sp2 + 1);
    if (!std::all_of(method.cbegin(), method.cend(), isUpperMethodChar))
        return malformed(QStringLiteral("the method must be an uppercase token"));
    for (const char c : target) {
        if (c < 0x21 || c > 0x7e)
            return malformed(QStringLiteral("the target must be printable ASCII"));
    }
    if (version.size() != 8 || !version.startsWith("HTTP/1.") || version.at(7) < '0' ||
        version.at(7) > '9') {
        return malformed(QStringLiteral("the version must be HTTP/1.x"));
    }
    m_haveRequestLine = true;
    return true;
}

bool ConnectionGuard::parseHeaderLine(const QByteArray &line)
{
    const auto malformed = [this](const QString &message, const QString &why) {
        reject(400, "MALFORMED_REQUEST", message, reason(why));
        return false;
    };
    if (line.startsWith(' ') || line.startsWith('\t')) {
        return malformed(QStringLiteral("Folded header lines are not accepted"),
                         QStringLiteral("obsolete line folding"));
    }
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        return malformed(QStringLiteral("Malformed header line: expected \"Name: value\""),
                         QStringLiteral("header line without a colon"));
    }
    const QByteArray name = line.left(colon); // the value is not quoted back: it may be secret
    if (name.isEmpty() || !std::all_of(name.cbegin(), name.cend(), isTokenChar)) {
        return malformed(QStringLiteral("Malformed header name %1: expected \"Name: value\" "
                                        "with no space before the colon")
                             .arg(quoted(name)),
                         QStringLiteral("invalid header name"));
    }
    const QByteArray value = line.mid(colon + 1).trimmed();

    if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
        m_transferEncoding = true;
    } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
        // Digits only. RFC 9110 8.6 would allow a list of equal values ("5, 5"), but QHttpServer
        // 6.4.2 reads that as 0 and parses the body as the next request: it must never pass.
        // Repeated headers with the same value are read alike by both and may pass.
        qint64 length = 0;
        if (!parseLength(value, &length)) {
            return malformed(QStringLiteral("Content-Length %1 is not a non-negative integer")
                                 .arg(quoted(value)),
                             QStringLiteral("invalid Content-Length"));
        }
        if (m_contentLength >= 0 && m_contentLength != length) {
            return malformed(QStringLiteral("Conflicting Content-Length headers"),
                             QStringLiteral("conflicting Content-Length"));
        }
        m_contentLength = length;
    }
    return true;
}

void ConnectionGuard::headersComplete()
{
    m_headerTimer.stop();
    if (m_transferEncoding) {
        reject(411, "LENGTH_REQUIRED",
               QStringLiteral("Transfer-Encoding is not supported: send the body with a "
                              "Content-Length header"));
        return;
    }
    if (m_contentLength > m_limits.maxBodyBytes) {
        reject(413, "PAYLOAD_TOO_LARGE",
               QStringLiteral("Request body of %1 bytes exceeds the %2-byte limit")
                   .arg(m_contentLength)
                   .arg(m_limits.maxBodyBytes),
               QJsonObject{{QStringLiteral("content_length"), m_contentLength},
                           {QStringLiteral("limit_bytes"), m_limits.maxBodyBytes}});
        return;
    }
    if (m_contentLength > 0) {
        m_phase = Phase::Body;
        m_bodyLeft = m_contentLength;
        return;
    }
    requestComplete();
}

void ConnectionGuard::requestComplete()
{
    ++m_inFlight;
    m_phase = Phase::Head;
    m_headBytes = 0;
    m_line.clear();
    m_haveRequestLine = false;
    m_contentLength = -1;
    m_transferEncoding = false;
    m_bodyLeft = 0;
}

void ConnectionGuard::reject(int status, const char *code, const QString &message,
                             const QJsonObject &details)
{
    if (m_rejected)
        return;
    m_rejected = true;
    rearmTimers(); // stops them all
    if (!m_socket)
        return;
    m_socket->readAll(); // QHttpServer never sees the rejected input
    m_seen = 0;
    qCInfo(lcGuard).noquote() << "rejecting connection from" << m_socket->peerAddress().toString()
                              << status << code << message;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;

    const QByteArray requestId = Envelope::newRequestId();
    const QByteArray body = Envelope::error(QString::fromLatin1(code), message, details, requestId);
    QByteArray response;
    response.reserve(256 + body.size());
    response += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: application/json; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "X-Request-Id: " + requestId + "\r\n";
    response += "Connection: close\r\n\r\n";
    response += body;
    m_socket->write(response);
    m_socket->disconnectFromHost(); // sends what was written first
}

void ConnectionGuard::rearmTimers()
{
    if (m_rejected || !m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_idleTimer.stop();
        m_headerTimer.stop();
        m_stallTimer.stop();
        return;
    }
    // A timeout of 0 or less switches that timer off.
    if (partialRequest()) {
        m_idleTimer.stop();
        if (m_phase == Phase::Head && !m_headerTimer.isActive() && m_limits.headerTimeoutMs > 0)
            m_headerTimer.start();
        if (!m_stallTimer.isActive() && m_limits.stallTimeoutMs > 0)
            m_stallTimer.start();
        return;
    }
    m_headerTimer.stop();
    m_stallTimer.stop();
    if (m_inFlight > 0)
        m_idleTimer.stop(); // an answer is pending (a held long poll): never idle
    else if (!m_idleTimer.isActive() && m_limits.idleTimeoutMs > 0)
        m_idleTimer.start();
}
