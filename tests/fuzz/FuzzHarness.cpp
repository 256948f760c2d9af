#include "FuzzHarness.h"

#include "Server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/socket.h>

#include <cstdlib>

namespace Fuzz {
namespace {

QCoreApplication *g_app = nullptr;
QTemporaryDir *g_dir = nullptr;
Server *g_server = nullptr;
quint16 g_port = 0;

// Status and body of the first complete answer in `data`, if there is one.
bool parseAnswer(const QByteArray &data, Answer &answer)
{
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0 || !data.startsWith("HTTP/1.1 "))
        return false;
    qint64 length = 0;
    for (const QByteArray &line : data.left(headEnd).split('\n')) {
        const QByteArray l = line.trimmed().toLower();
        if (l.startsWith("content-length:"))
            length = l.mid(15).trimmed().toLongLong();
    }
    if (data.size() < headEnd + 4 + length)
        return false;
    answer.status = data.mid(9, 3).toInt();
    answer.body = data.mid(headEnd + 4, length);
    return true;
}

} // namespace

quint16 start()
{
    if (g_server)
        return g_port;
    static int argc = 1;
    static char name[] = "jobdeck-fuzz";
    static char *argv[] = {name, nullptr};
    g_app = new QCoreApplication(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*=false\n*.critical=true"));
    g_dir = new QTemporaryDir;
    ServerSettings settings;
    settings.dbPath = g_dir->filePath(QStringLiteral("fuzz.db"));
    settings.port = 0;
    settings.synchronousFull = false;
    settings.api.longPollLimitMs = 50;
    settings.api.maxAwaitMs = 50;
    settings.api.maxBatchJobs = 20;
    settings.http.headerTimeoutMs = 500;
    settings.http.stallTimeoutMs = 500;
    g_server = new Server(settings);
    g_server->prepareAdminKey(kKey);
    g_server->start();
    g_port = g_server->port();
    // libFuzzer ends with exit(): stop the server's threads before static destructors run.
    std::atexit([] {
        delete g_server;
        g_server = nullptr;
        delete g_dir;
        delete g_app;
    });
    return g_port;
}

Answer exchange(const QByteArray &bytes, bool halfClose, int timeoutMs)
{
    Answer answer;
    QTcpSocket socket;
    QEventLoop loop;
    QByteArray received;
    bool done = false;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] {
        socket.write(bytes);
        if (!halfClose)
            return;
        // Half-close once everything is written: the server reads to the end, then sees EOF.
        const auto shut = [&] {
            if (socket.bytesToWrite() == 0)
                ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
        };
        QObject::connect(&socket, &QTcpSocket::bytesWritten, &loop, shut);
        shut();
    });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (!halfClose && parseAnswer(received, answer)) {
            done = true;
            loop.quit();
        }
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        received += socket.readAll();
        parseAnswer(received, answer);
        done = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop,
                     [&](QAbstractSocket::SocketError e) {
                         if (e != QAbstractSocket::RemoteHostClosedError) {
                             done = true;
                             loop.quit();
                         }
                     });
    socket.connectToHost(QHostAddress::LocalHost, g_port);
    timer.start(timeoutMs);
    if (!done)
        loop.exec();
    socket.abort();
    // Let the server handle the close before the next input.
    QCoreApplication::processEvents();
    return answer;
}

Answer request(const QByteArray &method, const QByteArray &path, const QByteArray &body)
{
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + kKey +
                       "\r\nConnection: close\r\n";
    if (!body.isEmpty() || method != "GET")
        bytes +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    bytes += "\r\n" + body;
    static const bool trace = qEnvironmentVariableIsSet("JOBDECK_FUZZ_TRACE");
    QElapsedTimer clock;
    clock.start();
    const Answer answer = exchange(bytes, false);
    if (trace)
        qCritical("%s %s -> %d in %lld ms", method.constData(), path.left(60).constData(),
                  answer.status, clock.elapsed());
    return answer;
}

} // namespace Fuzz
