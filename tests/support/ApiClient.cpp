#include "ApiClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

QByteArray ApiClient::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

ApiClient::ApiClient(quint16 port, QByteArray apiKey) : m_port(port), m_apiKey(std::move(apiKey)) {}

ApiClient::Response ApiClient::send(const QByteArray &method, const QString &path,
                                    const QByteArray &body,
                                    const QList<QPair<QByteArray, QByteArray>> &headers,
                                    int timeoutMs)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setTransferTimeout(timeoutMs);
    if (!m_apiKey.isEmpty())
        request.setRawHeader("X-API-Key", m_apiKey);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    if (reply->isFinished()) {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
        response.json = QJsonDocument::fromJson(response.body).object();
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return response;
}

static QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ApiClient::Response ApiClient::get(const QString &path, int timeoutMs)
{
    return send("GET", path, {}, {}, timeoutMs);
}
ApiClient::Response ApiClient::post(const QString &path, const QJsonObject &body, int timeoutMs)
{
    return send("POST", path, compact(body), {}, timeoutMs);
}
ApiClient::Response ApiClient::put(const QString &path, const QJsonObject &body, int timeoutMs)
{
    return send("PUT", path, compact(body), {}, timeoutMs);
}
ApiClient::Response ApiClient::patch(const QString &path, const QJsonObject &body, int timeoutMs)
{
    return send("PATCH", path, compact(body), {}, timeoutMs);
}
ApiClient::Response ApiClient::del(const QString &path, int timeoutMs)
{
    return send("DELETE", path, {}, {}, timeoutMs);
}

QString ApiClient::createJob(const QJsonObject &body)
{
    const Response r = post(QStringLiteral("/api/v1/jobs"), body);
    return r.status == 201 ? r.data().value(QStringLiteral("job_key")).toString() : QString();
}

QJsonObject ApiClient::activate(const QString &type, const QString &worker, int maxJobs,
                                int requestTimeoutMs)
{
    const Response r = post(QStringLiteral("/api/v1/jobs/activate"),
                            QJsonObject{{QStringLiteral("type"), type},
                                        {QStringLiteral("worker"), worker},
                                        {QStringLiteral("max_jobs"), maxJobs},
                                        {QStringLiteral("request_timeout"), requestTimeoutMs}},
                            requestTimeoutMs + 15'000);
    return r.data();
}
