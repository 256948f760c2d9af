#pragma once

// Shared pieces of the API tests: a read-only look into a test server's store, API keys put in
// the store before the server starts, and an asynchronous raw HTTP call for held requests (long
// polls, await), which QNetworkAccessManager would queue behind its six connections per host.

#include "ApiClient.h"
#include "TestServer.h"
#include "auth/ApiKey.h"
#include "core/Clock.h"
#include "core/JobState.h"
#include "store/Database.h"
#include "store/KeyStore.h"
#include "store/Schema.h"
#include "store/SqlDialect.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QtTest>

#include <atomic>

using namespace Qt::StringLiterals;

namespace ApiTestKit {

inline QString nextConnectionName(const char *prefix)
{
    static std::atomic<int> counter{0};
    return u"%1-%2"_s.arg(QLatin1String(prefix)).arg(counter.fetch_add(1));
}

// A create body: type and variables, plus any extra fields.
inline QJsonObject jobBody(const QString &type, const QJsonObject &variables = {},
                           const QJsonObject &extra = {})
{
    QJsonObject body = extra;
    body.insert(u"type"_s, type);
    body.insert(u"variables"_s, variables);
    return body;
}

inline QJsonObject activateBody(const QString &type, const QString &worker,
                                const QJsonObject &extra = {})
{
    QJsonObject body = extra;
    body.insert(u"type"_s, type);
    body.insert(u"worker"_s, worker);
    if (!body.contains(u"request_timeout"_s))
        body.insert(u"request_timeout"_s, 0);
    return body;
}

inline QString jobPath(const QString &key, const QString &suffix = {})
{
    return u"/api/v1/jobs/"_s + key + suffix;
}

inline QStringList actionsOf(const QJsonObject &details)
{
    QStringList actions;
    for (const QJsonValue &e : details.value(u"execution_history"_s).toArray())
        actions.append(e.toObject().value(u"action"_s).toString());
    return actions;
}

inline qint64 isoMs(const QJsonValue &v)
{
    return Clock::parseIso(v.toString()).value_or(-1);
}

inline QJsonObject errorDetails(const ApiClient::Response &r)
{
    return r.error().value(u"details"_s).toObject();
}

inline QString currentStatus(const ApiClient::Response &r)
{
    return errorDetails(r).value(u"current_status"_s).toString();
}

inline QJsonObject firstJob(const QJsonObject &activation)
{
    return activation.value(u"jobs"_s).toArray().at(0).toObject();
}

// The name the server gives the test's admin key (Server::prepareAdminKey).
inline QString adminKeyName()
{
    return u"admin-"_s + QString::fromLatin1(ApiKey::hash(TestServer::kAdminKey).left(8));
}

// The fields named in a 400 VALIDATION_ERROR answer, sorted.
inline QStringList fieldErrorKeys(const QJsonObject &error)
{
    QStringList keys =
        error.value(u"details"_s).toObject().value(u"field_errors"_s).toObject().keys();
    keys.sort();
    return keys;
}

// A job of type `type` brought into `state` through the API (activated by worker "w1").
inline QString jobIn(ApiClient &api, const QString &state, const QString &type = u"t"_s)
{
    QJsonObject extra;
    if (state == u"SCHEDULED"_s)
        extra.insert(u"delay"_s, u"PT1H"_s);
    const QString key = api.createJob(jobBody(type, {{u"n"_s, 1}}, extra));
    if (state == u"CREATED"_s || state == u"SCHEDULED"_s)
        return key;
    if (api.activate(type, u"w1"_s).value(u"activated_count"_s).toInt() != 1)
        return {};
    if (state == u"FAILED_RETRYABLE"_s)
        api.put(jobPath(key, u"/fail"_s), {{u"retries"_s, 1}, {u"backoff_duration"_s, u"PT1H"_s}});
    else if (state == u"COMPLETED"_s)
        api.put(jobPath(key, u"/complete"_s), {});
    else if (state == u"FAILED"_s)
        api.put(jobPath(key, u"/fail"_s), {{u"retries"_s, 0}});
    else if (state == u"CANCELLED"_s)
        api.put(jobPath(key, u"/cancel"_s), {});
    return key;
}

// The store of a running test server, opened read-only under its own connection name. The
// server keeps the file in WAL mode, so reads never block its writer.
class StoreProbe
{
public:
    explicit StoreProbe(const QString &path) : m_name(nextConnectionName("probe"))
    {
        if (SqlDialect::isPostgresUrl(path)) {
            StoreOptions options;
            options.path = path;
            try {
                Database::open(m_name, options);
                m_open = true;
            } catch (const StoreError &) {
            }
            return;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        m_open = db.open();
    }
    ~StoreProbe()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    StoreProbe(const StoreProbe &) = delete;
    StoreProbe &operator=(const StoreProbe &) = delete;

    bool isOpen() const { return m_open; }

    // The first column of the first row; invalid when there is no row.
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0);
    }
    int count(const QString &sql, const QVariantList &binds = {}) const
    {
        return scalar(sql, binds).toInt();
    }
    // The stored state of a job by key, as its status name; empty when the job is not there.
    QString state(const QString &jobKey) const
    {
        const QVariant v = scalar(u"SELECT state FROM jobs WHERE job_key = ?"_s, {jobKey});
        return v.isValid() ? JobStates::name(JobState(v.toInt())) : QString();
    }
    int eventCount(const QString &jobKey) const
    {
        return count(u"SELECT COUNT(*) FROM job_events e JOIN jobs j ON j.id = e.job_id "
                     "WHERE j.job_key = ?"_s,
                     {jobKey});
    }
    qint64 jobId(const QString &jobKey) const
    {
        return scalar(u"SELECT id FROM jobs WHERE job_key = ?"_s, {jobKey}).toLongLong();
    }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

// Puts an API key into the server's store while the server is stopped, then starts it again
// (same port, same store).
inline void addApiKey(TestServer &server, const QString &name, const QStringList &permissions,
                      const QStringList &tenants, const QByteArray &clearKey)
{
    server.stop();
    const QString connection = nextConnectionName("keys");
    {
        StoreOptions options;
        options.path = server.dbPath();
        QSqlDatabase db = Database::open(connection, options);
        Schema::migrate(db);
        KeyStore(db).insert(ApiKey{name, permissions, tenants}, ApiKey::hash(clearKey),
                            Clock::nowMs());
    }
    Database::close(connection);
    server.start();
}

// How many activations the server holds right now (GET /health).
inline int heldLongPolls(ApiClient &api)
{
    return api.get(u"/api/v1/health"_s).data().value(u"long_polls_waiting"_s).toInt(-1);
}

// One HTTP/1.1 request over its own socket, answered whenever the server decides. Runs on the
// test's event loop: wait for it with QTRY_VERIFY(call.isDone()).
class HttpCall
{
public:
    HttpCall(quint16 port, const QByteArray &method, const QString &path,
             const QJsonObject &body = {}, const QByteArray &apiKey = TestServer::kAdminKey)
    {
        m_clock.start();
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            m_buffer += m_socket.readAll();
            parse();
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        const QByteArray payload = body.isEmpty() && method == "GET"
                                       ? QByteArray()
                                       : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QByteArray request =
            method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
        if (!apiKey.isEmpty())
            request += "X-API-Key: " + apiKey + "\r\n";
        if (!payload.isEmpty())
            request += "Content-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(payload.size()) + "\r\n";
        request += "\r\n" + payload;
        m_socket.write(request);
    }
    HttpCall(const HttpCall &) = delete;
    HttpCall &operator=(const HttpCall &) = delete;

    bool isDone() const { return m_done; }
    int status() const { return m_status; }
    const QJsonObject &json() const { return m_json; }
    QJsonObject data() const { return m_json.value(u"data"_s).toObject(); }
    QJsonArray jobs() const { return data().value(u"jobs"_s).toArray(); }
    QString errorCode() const
    {
        return m_json.value(u"error"_s).toObject().value(u"code"_s).toString();
    }
    // Milliseconds from sending to the complete answer.
    qint64 answeredAfterMs() const { return m_answeredAfter; }
    void abort() { m_socket.abort(); }

private:
    void parse()
    {
        if (m_done)
            return;
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return;
        const QList<QByteArray> statusLine = lines.value(0).split(' ');
        m_status = statusLine.value(1).toInt();
        m_json = QJsonDocument::fromJson(m_buffer.mid(headEnd + 4, length)).object();
        m_answeredAfter = m_clock.elapsed();
        m_done = true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QElapsedTimer m_clock;
    bool m_done = false;
    int m_status = 0;
    QJsonObject m_json;
    qint64 m_answeredAfter = -1;
};

} // namespace ApiTestKit
