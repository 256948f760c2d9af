#pragma once

// Pieces of the several-nodes test (tst_api_cluster): a blocking HTTP connection usable from a
// plain thread, and `jobdeck --headless` processes on one PostgreSQL database.

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>

#include <atomic>
#include <memory>

namespace ClusterKit {

using namespace Qt::StringLiterals;

inline constexpr const char *kKey = "cluster-test-key";

// One keep-alive HTTP/1.1 connection used from one plain thread (blocking waits, no event loop).
// status 0: the connection failed (the node is gone).
class BlockingHttp
{
public:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
        QJsonObject data() const { return json.value(u"data"_s).toObject(); }
    };

    explicit BlockingHttp(quint16 port) : m_port(port) {}

    Answer call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                int waitMs = 30'000)
    {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket = std::make_unique<QTcpSocket>();
            m_socket->connectToHost(QHostAddress::LocalHost, m_port);
            if (!m_socket->waitForConnected(5000))
                return {};
        }
        const QByteArray payload = body.isEmpty() && method == "GET"
                                       ? QByteArray()
                                       : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                             "X-API-Key: " + kKey + "\r\nContent-Type: application/json\r\n" +
                             "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n" +
                             payload;
        m_socket->write(request);
        if (!m_socket->waitForBytesWritten(5000))
            return drop();
        QByteArray buffer;
        qsizetype headerEnd = -1;
        qint64 length = -1;
        for (;;) {
            if (headerEnd < 0) {
                headerEnd = buffer.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    static const QRegularExpression contentLength(
                        u"content-length:\\s*(\\d+)"_s, QRegularExpression::CaseInsensitiveOption);
                    const QRegularExpressionMatch m =
                        contentLength.match(QString::fromLatin1(buffer.left(headerEnd)));
                    length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
                }
            }
            if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length)
                break;
            if (!m_socket->waitForReadyRead(waitMs))
                return drop();
            buffer += m_socket->readAll();
        }
        Answer answer;
        answer.status = buffer.split(' ').value(1).toInt();
        answer.json = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, length)).object();
        return answer;
    }

private:
    Answer drop()
    {
        m_socket.reset();
        return {};
    }

    quint16 m_port;
    std::unique_ptr<QTcpSocket> m_socket;
};

// A `jobdeck --headless` process on the shared database.
struct Node
{
    QString id;
    std::unique_ptr<QProcess> process;
    quint16 port = 0;
    std::atomic<bool> alive{false};
};

// `configHome`: the XDG_CONFIG_HOME of the node (its Jobdeck/jobdeck.conf), when not the user's.
inline std::unique_ptr<QProcess> launch(const QString &url, const QString &nodeId,
                                        const QString &configHome = {})
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"*.info=false"_s);
    if (!configHome.isEmpty())
        env.insert(u"XDG_CONFIG_HOME"_s, configHome);
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(JOBDECK_BINARY),
                   {u"--headless"_s, u"--db"_s, url, u"--node-id"_s, nodeId, u"--port"_s, u"0"_s,
                    u"--api-key"_s, QString::fromLatin1(kKey), u"--synchronous"_s, u"NORMAL"_s});
    return process;
}

// Waits for "listening on http://127.0.0.1:PORT"; 0 when the process ended instead.
inline quint16 waitForPort(QProcess &process)
{
    static const QRegularExpression listening(u"listening on http://[^:]+:(\\d+)"_s);
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30'000) {
        if (process.state() == QProcess::NotRunning)
            return 0;
        process.waitForReadyRead(200);
        out += process.readAllStandardOutput();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    return 0;
}

} // namespace ClusterKit
