#include "RemoteClient.h"

#include <QPointer>

#include <future>

RemoteClient::RemoteClient(const RemoteServer &server) : m_server(server)
{
    m_thread.setObjectName(QStringLiteral("jobdeck-ui-network"));
    m_connection = new ApiConnection(server.url, server.apiKey);
    m_connection->setTrustedFingerprints(server.trustedFingerprints);
    m_connection->setTimeoutMs(server.timeoutMs);
    m_connection->moveToThread(&m_thread);
    m_thread.start();
}

RemoteClient::~RemoteClient()
{
    ApiConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection] { delete connection; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

ApiAnswer RemoteClient::call(const QByteArray &method, const QString &path,
                             const QJsonObject &body) const
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    auto answer = std::make_shared<std::promise<ApiAnswer>>();
    std::future<ApiAnswer> future = answer->get_future();
    ApiConnection *connection = m_connection;
    QMetaObject::invokeMethod(connection, [connection, method, path, body, answer] {
        connection->send(method, path, body, connection,
                         [answer](const ApiAnswer &a) { answer->set_value(a); });
    });
    return future.get(); // the request's transfer timeout ends every wait
}

void RemoteClient::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                        QObject *context, ApiConnection::Done done) const
{
    post(method, path, body, 0, context, std::move(done));
}

void RemoteClient::sendWithTimeout(const QByteArray &method, const QString &path, int timeoutMs,
                                   QObject *context, ApiConnection::Done done) const
{
    post(method, path, {}, timeoutMs, context, std::move(done));
}

void RemoteClient::post(const QByteArray &method, const QString &path, const QJsonObject &body,
                        int timeoutMs, QObject *context, ApiConnection::Done done) const
{
    ApiConnection *connection = m_connection;
    QMetaObject::invokeMethod(connection, [connection, method, path, timeoutMs, body,
                                           context = QPointer<QObject>(context),
                                           done = std::move(done)] {
        const auto answer = [context, done](const ApiAnswer &a) {
            if (context) // back on the asker's thread; dropped if it is gone by then
                QMetaObject::invokeMethod(context.data(), [context, done, a] {
                    if (context)
                        done(a);
                });
        };
        connection->send(method, path, body, connection, answer, timeoutMs);
    });
}
