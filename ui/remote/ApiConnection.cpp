#include "ApiConnection.h"

#include "JsonRead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>

namespace {

// The answer of a finished reply; `untrusted`: the fingerprint of a certificate refused.
ApiAnswer answerOf(QNetworkReply *reply, const QString &untrusted, bool timedOut,
                   const QUrl &baseUrl)
{
    ApiAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An aborted reply is closed: nothing to read (and reading it warns).
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QString server = baseUrl.toDisplayString(QUrl::RemoveUserInfo);
    if (!untrusted.isEmpty()) {
        a.failure = ApiAnswer::Failure::UntrustedCertificate;
        a.certificateFingerprint = untrusted;
        a.problem = ApiConnection::tr("The certificate of %1 is not trusted (SHA-256 %2).")
                        .arg(server, untrusted);
        return a;
    }
    if (timedOut) {
        a.failure = ApiAnswer::Failure::TimedOut;
        a.problem = ApiConnection::tr("%1 did not answer in time.").arg(server);
        return a;
    }
    if (a.status == 0) {
        a.failure = ApiAnswer::Failure::Unreachable;
        a.problem = ApiConnection::tr("Cannot connect to %1: %2").arg(server, reply->errorString());
        return a;
    }
    const QJsonObject envelope = QJsonDocument::fromJson(body).object();
    if (!envelope.contains(QStringLiteral("success"))) {
        a.failure = ApiAnswer::Failure::NotJobdeck;
        a.problem = ApiConnection::tr("%1 is not a Jobdeck server (HTTP %2 without the API's "
                                      "answer).")
                        .arg(server)
                        .arg(a.status);
        return a;
    }
    if (envelope.value(QStringLiteral("success")).toBool()) {
        a.data = envelope.value(QStringLiteral("data")).toObject();
        return a;
    }
    const QJsonObject error = envelope.value(QStringLiteral("error")).toObject();
    a.errorCode = error.value(QStringLiteral("code")).toString();
    a.problem = error.value(QStringLiteral("message")).toString();
    if (a.status == 401) {
        a.failure = ApiAnswer::Failure::KeyRefused;
        a.problem = ApiConnection::tr("%1 refused the API key (unknown or revoked).").arg(server);
    } else if (a.status == 403) {
        a.failure = ApiAnswer::Failure::Forbidden;
    } else {
        a.failure = ApiAnswer::Failure::Refused;
    }
    return a;
}

} // namespace

ApiConnection::ApiConnection(QUrl baseUrl, QByteArray apiKey, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)), m_apiKey(std::move(apiKey))
{
    m_network.setParent(this); // moves with the connection to a network thread
    m_network.setAutoDeleteReplies(false);
}

QString ApiConnection::fingerprint(const QSslCertificate &certificate)
{
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs.append(QString::fromLatin1(hex.mid(i, 2)));
    return pairs.join(QLatin1Char(':'));
}

void ApiConnection::abortAll()
{
    for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>())
        reply->abort();
}

void ApiConnection::get(const QString &path, QObject *context, Done done)
{
    request("GET", path, {}, context, std::move(done));
}

void ApiConnection::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                         QObject *context, Done done, int timeoutMs)
{
    const bool bodyless = method == "GET" || method == "DELETE";
    request(method, path,
            bodyless ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), context,
            std::move(done), timeoutMs);
}

void ApiConnection::probe(QObject *context,
                          std::function<void(const ApiAnswer &, const Session &)> done)
{
    get(QStringLiteral("/api/v1/session"), context,
        [done = std::move(done)](const ApiAnswer &answer) {
            Session s;
            s.keyName = answer.data.value(QStringLiteral("key_name")).toString();
            s.permissions = JsonRead::strings(answer.data.value(QStringLiteral("permissions")));
            s.tenants = JsonRead::strings(answer.data.value(QStringLiteral("tenants")));
            s.version = answer.data.value(QStringLiteral("version")).toString();
            s.store = answer.data.value(QStringLiteral("store")).toString();
            done(answer, s);
        });
}

void ApiConnection::request(const QByteArray &method, const QString &path, const QByteArray &body,
                            QObject *context, Done done, int timeoutMs)
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path().chopped(m_baseUrl.path().endsWith(QLatin1Char('/')) ? 1 : 0) +
                path.section(QLatin1Char('?'), 0, 0));
    if (path.contains(QLatin1Char('?')))
        url.setQuery(path.section(QLatin1Char('?'), 1));
    QNetworkRequest request(url);
    request.setRawHeader("X-API-Key", m_apiKey);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs > 0 ? timeoutMs : m_timeoutMs);
    // The API never redirects; following one would send the key to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);

    auto untrusted = std::make_shared<QString>();
    connect(reply, &QNetworkReply::sslErrors, reply,
            [this, reply, untrusted](const QList<QSslError> &errors) {
                const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
                const QString print = fingerprint(peer);
                // Pinned: only the errors about that very certificate are let through.
                const bool pinned =
                    !peer.isNull() && m_trusted.contains(print) &&
                    std::all_of(errors.begin(), errors.end(), [&peer](const QSslError &e) {
                        return e.certificate().isNull() || e.certificate() == peer;
                    });
                if (pinned)
                    reply->ignoreSslErrors(errors);
                else
                    *untrusted = print;
            });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, untrusted, context = QPointer<QObject>(context), done = std::move(done)] {
                reply->deleteLater();
                const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                                      reply->error() == QNetworkReply::TimeoutError;
                const ApiAnswer answer = answerOf(reply, *untrusted, timedOut, m_baseUrl);
                if (context)
                    done(answer);
            });
}
