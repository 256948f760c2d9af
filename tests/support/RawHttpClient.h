#pragma once

// A raw HTTP/1.1 client for tests of the connection layer: it writes bytes exactly as given and
// splits what comes back into answers, so that a test sees what a hostile or sloppy client sees.

#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

namespace RawHttp {

constexpr int kWait = 5000; // generous upper bound for anything that should happen "soon"

struct Response
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject error() const { return json().value(QStringLiteral("error")).toObject(); }
    QString errorCode() const { return error().value(QStringLiteral("code")).toString(); }
    QString message() const { return error().value(QStringLiteral("message")).toString(); }
};

// A raw HTTP/1.1 client: writes bytes as given, collects and splits the answers.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QIODevice::readyRead, &socket, [this] { pull(); });
        QObject::connect(&socket, &QAbstractSocket::disconnected, &socket, [this] {
            pull();
            closedByPeer = true;
        });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected() { return socket.waitForConnected(kWait); }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    int count() const { return int(responses.size()); }
    bool closed() const
    {
        return closedByPeer || socket.state() == QAbstractSocket::UnconnectedState;
    }
    const Response &at(int i) const { return responses.at(i); }

    QTcpSocket socket;
    QList<Response> responses;
    QByteArray pending;
    bool closedByPeer = false;

private:
    void pull()
    {
        if (socket.isOpen())
            pending += socket.readAll();
        for (;;) {
            const qsizetype end = pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = pending.left(end).split('\n');
            Response r;
            r.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    r.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
            }
            const qsizetype length = r.headers.value("content-length").toLongLong();
            if (pending.size() < end + 4 + length)
                return;
            r.body = pending.mid(end + 4, length);
            pending.remove(0, end + 4 + length);
            responses.append(r);
        }
    }
};

} // namespace RawHttp
