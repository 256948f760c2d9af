#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <functional>

// One answer of a Jobdeck server as the console needs it: the envelope's `data`, or why there
// is none, said for an operator (never with the API key in it).
struct ApiAnswer
{
    enum class Failure {
        None,
        Unreachable,          // no connection (refused, no route, name not found)
        TimedOut,             // no answer within the connection's timeout
        UntrustedCertificate, // TLS: the certificate is neither trusted by the system nor pinned
        KeyRefused,           // 401: unknown or revoked key
        Forbidden,            // 403: the key lacks the permission or the tenant
        Refused,              // another error of the contract (4xx, 5xx with its code)
        NotJobdeck,           // an answer that is not the contract's envelope
    };
    Failure failure = Failure::None;
    int status = 0; // HTTP status; 0 without an answer
    QJsonObject data;
    QString errorCode;              // the contract's error code, e.g. JOB_NOT_FOUND
    QString problem;                // what went wrong, for the operator
    QString certificateFingerprint; // UntrustedCertificate: the server certificate's SHA-256

    bool ok() const { return failure == Failure::None; }
};

// The console's connection to a Jobdeck server over its REST API: one QNetworkAccessManager
// (keep-alive, HTTP and HTTPS), the key on every request, a timeout on every request, and TLS
// checked against the system's CAs or a certificate the operator trusted for this server by its
// SHA-256 fingerprint. No certificate error is ever ignored unless its certificate is the pinned
// one.
class ApiConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 10'000;

    ApiConnection(QUrl baseUrl, QByteArray apiKey, QObject *parent = nullptr);

    const QUrl &baseUrl() const { return m_baseUrl; }
    // Fingerprints (as fingerprint() writes them) of certificates trusted for this server.
    void setTrustedFingerprints(const QStringList &fingerprints) { m_trusted = fingerprints; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    using Done = std::function<void(const ApiAnswer &)>;
    // `done` runs on this connection's thread, unless `context` is gone by then.
    void get(const QString &path, QObject *context, Done done);
    // GET and DELETE send no body. `timeoutMs` 0: the connection's.
    void send(const QByteArray &method, const QString &path, const QJsonObject &body,
              QObject *context, Done done, int timeoutMs = 0);

    // Aborts every request under way: each is answered (as timed out) now.
    void abortAll();

    // "Test connection": who the key is and what the server is (GET /api/v1/session).
    struct Session
    {
        QString keyName;
        QStringList permissions;
        QStringList tenants;
        QString version;
        QString store;
    };
    void probe(QObject *context, std::function<void(const ApiAnswer &, const Session &)> done);

    // "AB:CD:…": the SHA-256 of a certificate, as the console shows it and remembers it.
    static QString fingerprint(const QSslCertificate &certificate);

private:
    void request(const QByteArray &method, const QString &path, const QByteArray &body,
                 QObject *context, Done done, int timeoutMs = 0);

    QUrl m_baseUrl;
    QByteArray m_apiKey;
    QStringList m_trusted;
    int m_timeoutMs = kDefaultTimeoutMs;
    QNetworkAccessManager m_network;
};
