#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

// A blocking HTTP client for tests: sends one request to a loopback server and waits (running
// the event loop) for the answer. Keep-alive connections are reused, as a worker would.
class ApiClient
{
public:
    struct Response
    {
        int status = 0; // 0: no answer (connection refused, timed out)
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QJsonObject json; // the whole parsed body
        QJsonObject data() const { return json.value(QStringLiteral("data")).toObject(); }
        QJsonObject error() const { return json.value(QStringLiteral("error")).toObject(); }
        QString errorCode() const { return error().value(QStringLiteral("code")).toString(); }
        QByteArray header(const QByteArray &name) const;
    };

    ApiClient(quint16 port, QByteArray apiKey);

    void setApiKey(const QByteArray &key) { m_apiKey = key; }
    Response get(const QString &path, int timeoutMs = 15'000);
    Response post(const QString &path, const QJsonObject &body, int timeoutMs = 15'000);
    Response put(const QString &path, const QJsonObject &body, int timeoutMs = 15'000);
    Response patch(const QString &path, const QJsonObject &body, int timeoutMs = 15'000);
    Response del(const QString &path, int timeoutMs = 15'000);
    // Any method and raw body, with optional extra headers.
    Response send(const QByteArray &method, const QString &path, const QByteArray &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15'000);

    // Conveniences for the common worker steps.
    QString createJob(const QJsonObject &body); // returns the job key, or empty on failure
    QJsonObject activate(const QString &type, const QString &worker, int maxJobs = 10,
                         int requestTimeoutMs = 0);

private:
    quint16 m_port;
    QByteArray m_apiKey;
    QNetworkAccessManager m_network;
};
