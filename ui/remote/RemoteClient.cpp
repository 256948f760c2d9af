#include "RemoteClient.h"

#include <QCoreApplication>
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
    if (m_closed.load())
        return closedAnswer();
    auto answer = std::make_shared<std::promise<ApiAnswer>>();
    std::future<ApiAnswer> future = answer->get_future();
    ApiConnection *connection = m_connection;
    const std::atomic<bool> *closed = &m_closed;
    QMetaObject::invokeMethod(connection, [connection, method, path, body, answer, closed] {
        if (closed->load()) // closed while this waited for the network thread
            return answer->set_value(closedAnswer());
        connection->send(method, path, body, connection,
                         [answer](const ApiAnswer &a) { answer->set_value(a); });
    });
    // The request's transfer timeout, or close(), ends every wait.
    return future.get();
}

ApiAnswer RemoteClient::closedAnswer()
{
    ApiAnswer a;
    a.failure = ApiAnswer::Failure::Unreachable;
    a.problem = QStringLiteral("The console is closing.");
    return a;
}

void RemoteClient::close() const
{
    m_closed.store(true);
    ApiConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection] { connection->abortAll(); }, Qt::BlockingQueuedConnection);
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
    // Askers live on the GUI thread: the answer goes there, and `context` is looked at only
    // there, where it is destroyed.
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    ApiConnection *connection = m_connection;
    QMetaObject::invokeMethod(connection, [connection, method, path, timeoutMs, body,
                                           context = QPointer<QObject>(context),
                                           done = std::move(done)] {
        const auto answer = [context, done](const ApiAnswer &a) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [context, done, a] {
                    if (context) // dropped if the asker is gone by then
                        done(a);
                },
                Qt::QueuedConnection);
        };
        connection->send(method, path, body, connection, answer, timeoutMs);
    });
}
