#pragma once

// Pieces shared by the operator API tests (incidents, operator, keys, system): keys made over
// the API, failed jobs with their incidents, many requests in flight at once.

#include "ApiTestKit.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace OpsTestKit {

using namespace ApiTestKit;

// Creates an API key through POST /api/v1/api-keys; returns its clear key (empty on failure).
inline QByteArray createKey(ApiClient &admin, const QString &name, const QStringList &permissions,
                            const QStringList &tenants = {u"*"_s})
{
    const ApiClient::Response r = admin.post(
        u"/api/v1/api-keys"_s, {{u"name"_s, name},
                                {u"permissions"_s, QJsonArray::fromStringList(permissions)},
                                {u"tenants"_s, QJsonArray::fromStringList(tenants)}});
    return r.status == 201 ? r.data().value(u"api_key"_s).toString().toLatin1() : QByteArray();
}

struct Failed
{
    QString jobKey;
    QString incidentId;
};

// A job of `type` (its own type: activation takes it) failed with no retries left.
inline Failed failedJob(ApiClient &api, const QString &type, const QJsonObject &extra = {})
{
    Failed out;
    out.jobKey = api.createJob(jobBody(type, {{u"n"_s, 1}}, extra));
    if (api.activate(type, u"w1"_s).value(u"activated_count"_s).toInt() != 1)
        return {};
    const ApiClient::Response r = api.put(jobPath(out.jobKey, u"/fail"_s),
                                          {{u"retries"_s, 0}, {u"error_message"_s, u"boom"_s}});
    out.incidentId =
        r.data().value(u"incident_created"_s).toObject().value(u"incident_id"_s).toString();
    return out;
}

// The same request `count` times at once (six connections per host, as browsers do); answers in
// the order sent.
inline QList<ApiClient::Response>
concurrently(quint16 port, const QByteArray &apiKey, const QByteArray &method, const QString &path,
             const QByteArray &body, int count,
             const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        request.setRawHeader("X-API-Key", apiKey);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        replies.append(network.sendCustomRequest(request, method, body));
    }
    const auto allDone = [&] {
        return std::all_of(replies.begin(), replies.end(),
                           [](QNetworkReply *r) { return r->isFinished(); });
    };
    if (!QTest::qWaitFor(allDone, 15000))
        qWarning("concurrently: not every request was answered in 15 s");
    QList<ApiClient::Response> out;
    for (QNetworkReply *reply : replies) {
        ApiClient::Response r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        out.append(r);
        reply->deleteLater();
    }
    return out;
}

} // namespace OpsTestKit
