// Who may do what: API keys (X-API-Key or Bearer), permissions, tenants; unknown routes and
// methods; the request id on every answer.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kJobs = u"/api/v1/jobs"_s;
const QByteArray kReadKey = "reader-key-0123456789";
const QByteArray kAcmeKey = "acme-key-0123456789";

QJsonObject acmeJob(const QString &tenant)
{
    return jobBody(u"tenant-work"_s, {{u"tenant"_s, tenant}}, {{u"tenant_id"_s, tenant}});
}
} // namespace

class TestApiAuth : public QObject
{
    Q_OBJECT
private slots:
    void healthNeedsNoKey()
    {
        TestServer server;
        ApiClient anonymous(server.port(), {});
        const ApiClient::Response r = anonymous.get(u"/api/v1/health"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(r.data().value(u"store"_s).toString(),
                 SqlDialect::isPostgresUrl(server.dbPath()) ? u"postgres"_s : u"sqlite"_s);
        QVERIFY(!r.data().value(u"version"_s).toString().isEmpty());
        QVERIFY(r.data().value(u"uptime_s"_s).toInteger(-1) >= 0);
        if (SqlDialect::isPostgresUrl(server.dbPath())) {
            // The node sharing the database: this one, alive.
            const QJsonArray nodes = r.data().value(u"nodes"_s).toArray();
            QCOMPARE(nodes.size(), 1);
            QCOMPARE(nodes.at(0)[u"node_id"_s].toString(), server.settings().nodeId);
            QCOMPARE(nodes.at(0)[u"alive"_s].toBool(), true);
        } else {
            QVERIFY(!r.data().contains(u"nodes"_s));
        }
    }

    void unauthorized_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addRow("no key") << QByteArray() << QByteArray();
        QTest::addRow("unknown X-API-Key") << QByteArray("X-API-Key") << QByteArray("nope");
        QTest::addRow("unknown Bearer") << QByteArray("Authorization") << QByteArray("Bearer nope");
        QTest::addRow("Basic auth")
            << QByteArray("Authorization") << QByteArray("Basic dGVzdC1hZG1pbi1rZXk=");
        QTest::addRow("empty Bearer") << QByteArray("Authorization") << QByteArray("Bearer ");
    }
    void unauthorized()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const QString key = admin.createJob(jobBody(u"t"_s));
        ApiClient api(server.port(), {});
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!header.isEmpty())
            headers.append({header, value});
        const QList<QPair<QByteArray, QString>> requests{{"GET", jobPath(key)},
                                                         {"POST", kJobs},
                                                         {"POST", kJobs + u"/activate"_s},
                                                         {"PUT", jobPath(key, u"/cancel"_s)},
                                                         {"DELETE", jobPath(key)}};
        for (const auto &[method, path] : requests) {
            const QByteArray body = method == "POST" || method == "PUT"
                                        ? QByteArray(R"({"type": "t", "variables": {}})")
                                        : QByteArray();
            const ApiClient::Response r = api.send(method, path, body, headers);
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), u"UNAUTHORIZED"_s);
        }
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 1);
        QCOMPARE(store.state(key), u"CREATED"_s);
    }

    void bearerIsTheSameAsXApiKey_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addRow("Bearer") << QByteArray("Bearer ") + TestServer::kAdminKey;
        QTest::addRow("bearer, lower case") << QByteArray("bearer ") + TestServer::kAdminKey;
    }
    void bearerIsTheSameAsXApiKey()
    {
        QFETCH(QByteArray, authorization);
        TestServer server;
        ApiClient api(server.port(), {});
        const ApiClient::Response created = api.send(
            "POST", kJobs, R"({"type": "t", "variables": {}})", {{"Authorization", authorization}});
        QCOMPARE(created.status, 201);
        const QString key = created.data().value(u"job_key"_s).toString();
        const ApiClient::Response read =
            api.send("GET", jobPath(key), {}, {{"Authorization", authorization}});
        QCOMPARE(read.status, 200);
        QCOMPARE(read.data().value(u"status"_s).toString(), u"CREATED"_s);
    }

    void readOnlyKey()
    {
        TestServer server;
        addApiKey(server, u"reader"_s, {u"read"_s}, {u"*"_s}, kReadKey);
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(admin, u"ACTIVE"_s);
        ApiClient reader(server.port(), kReadKey);

        const ApiClient::Response create = reader.post(kJobs, jobBody(u"t"_s));
        QCOMPARE(create.status, 403);
        QCOMPARE(create.errorCode(), u"FORBIDDEN"_s);
        QCOMPARE(reader.get(jobPath(key)).status, 200);
        QCOMPARE(reader.get(jobPath(key)).data().value(u"job_key"_s).toString(), key);
        QCOMPARE(reader.get(jobPath(key, u"/status"_s)).status, 200);
        QCOMPARE(reader.get(jobPath(key, u"/await?timeout=0"_s)).status, 200);

        const QList<ApiClient::Response> refused{
            reader.post(kJobs + u"/batch"_s, {{u"jobs"_s, QJsonArray{jobBody(u"t"_s)}}}),
            reader.post(kJobs + u"/activate"_s, activateBody(u"t"_s, u"w"_s)),
            reader.put(jobPath(key, u"/complete"_s), {}),
            reader.put(jobPath(key, u"/fail"_s), {{u"retries"_s, 0}}),
            reader.put(jobPath(key, u"/progress"_s), {{u"total"_s, 1}}),
            reader.put(jobPath(key, u"/cancel"_s), {}),
            reader.del(jobPath(key))};
        for (const ApiClient::Response &r : refused) {
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), u"FORBIDDEN"_s);
        }
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 1);
        QCOMPARE(store.state(key), u"ACTIVE"_s);
    }

    void tenantRestrictedKey()
    {
        TestServer server;
        addApiKey(server, u"acme-worker"_s, {u"job"_s}, {u"acme"_s}, kAcmeKey);
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const QString other = admin.createJob(acmeJob(u"other"_s));
        const QString acme1 = admin.createJob(acmeJob(u"acme"_s));
        const QString other2 = admin.createJob(acmeJob(u"other"_s));
        ApiClient acme(server.port(), kAcmeKey);

        // Another tenant's job does not exist for this key.
        for (const ApiClient::Response &r :
             {acme.get(jobPath(other)), acme.get(jobPath(other, u"/status"_s)),
              acme.get(jobPath(other, u"/await?timeout=0"_s)),
              acme.put(jobPath(other, u"/cancel"_s), {}), acme.del(jobPath(other))}) {
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), u"JOB_NOT_FOUND"_s);
        }
        QCOMPARE(acme.get(jobPath(acme1)).status, 200);

        // Creating: only for its tenants (and "default" is not one of them).
        for (const QJsonObject &body : {acmeJob(u"other"_s), jobBody(u"tenant-work"_s)}) {
            const ApiClient::Response r = acme.post(kJobs, body);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.errorCode(), u"FORBIDDEN"_s);
        }
        const ApiClient::Response batch =
            acme.post(kJobs + u"/batch"_s,
                      {{u"jobs"_s, QJsonArray{acmeJob(u"acme"_s), acmeJob(u"other"_s)}}});
        QCOMPARE(batch.status, 403);
        const QString acme2 = acme.createJob(acmeJob(u"acme"_s));
        QVERIFY(!acme2.isEmpty());

        // Activation hands it only jobs of its tenants.
        const QJsonObject got = acme.activate(u"tenant-work"_s, u"acme-w"_s);
        QCOMPARE(got.value(u"activated_count"_s).toInt(), 2);
        for (const QJsonValue &job : got.value(u"jobs"_s).toArray())
            QCOMPARE(job.toObject().value(u"tenant_id"_s).toString(), u"acme"_s);
        const ApiClient::Response foreign = acme.post(
            kJobs + u"/activate"_s, activateBody(u"tenant-work"_s, u"acme-w"_s,
                                                 {{u"tenant_ids"_s, QJsonArray{u"other"_s}}}));
        QCOMPARE(foreign.status, 400);
        QCOMPARE(fieldErrorKeys(foreign.error()), QStringList{u"tenant_ids"_s});

        // A held poll of this key lets another tenant's new job go by and takes its own.
        auto held = std::make_unique<HttpCall>(
            server.port(), "POST", kJobs + u"/activate"_s,
            activateBody(u"tenant-work"_s, u"acme-w"_s, {{u"request_timeout"_s, 5000}}), kAcmeKey);
        QTRY_COMPARE(heldLongPolls(admin), 1);
        const QString other3 = admin.createJob(acmeJob(u"other"_s));
        const QString acme3 = admin.createJob(acmeJob(u"acme"_s));
        QTRY_VERIFY_WITH_TIMEOUT(held->isDone(), 4000);
        QCOMPARE(held->data().value(u"activated_count"_s).toInt(), 1);
        QCOMPARE(firstJob(held->data()).value(u"key"_s).toString(), acme3);

        StoreProbe store(server.dbPath());
        for (const QString &key : {other, other2, other3})
            QCOMPARE(store.state(key), u"CREATED"_s);
        QCOMPARE(admin.activate(u"tenant-work"_s, u"admin-w"_s).value(u"activated_count"_s).toInt(),
                 3);
    }

    void routeNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addRow("GET /api/v1/nope") << QByteArray("GET") << u"/api/v1/nope"_s;
        QTest::addRow("GET /api/v2/health") << QByteArray("GET") << u"/api/v2/health"_s;
        QTest::addRow("POST job action") << QByteArray("POST") << u"/api/v1/jobs/k/explode"_s;
        QTest::addRow("GET /") << QByteArray("GET") << u"/"_s;
    }
    void routeNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r =
            api.send(method, path, method == "GET" ? QByteArray() : QByteArray("{}"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"ROUTE_NOT_FOUND"_s);
        QCOMPARE(r.json.value(u"success"_s).toBool(true), false);
    }

    void methodNotAllowed_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("allowed");
        QTest::addRow("PATCH activate")
            << QByteArray("PATCH") << u"/api/v1/jobs/activate"_s << u"POST"_s;
        // Literal segments win over parameters: "activate" and "batch" are never job keys.
        QTest::addRow("GET activate")
            << QByteArray("GET") << u"/api/v1/jobs/activate"_s << u"POST"_s;
        QTest::addRow("DELETE batch")
            << QByteArray("DELETE") << u"/api/v1/jobs/batch"_s << u"POST"_s;
        QTest::addRow("DELETE health") << QByteArray("DELETE") << u"/api/v1/health"_s << u"GET"_s;
        QTest::addRow("POST health") << QByteArray("POST") << u"/api/v1/health"_s << u"GET"_s;
        QTest::addRow("GET complete")
            << QByteArray("GET") << u"/api/v1/jobs/k/complete"_s << u"PUT"_s;
        QTest::addRow("DELETE cancel")
            << QByteArray("DELETE") << u"/api/v1/jobs/k/cancel"_s << u"PUT"_s;
    }
    void methodNotAllowed()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, allowed);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r = api.send(method, path, {});
        QCOMPARE(r.status, 405);
        QCOMPARE(r.errorCode(), u"METHOD_NOT_ALLOWED"_s);
        const QJsonArray methods = errorDetails(r).value(u"allowed_methods"_s).toArray();
        QVERIFY2(methods.contains(allowed), r.body.constData());
        QVERIFY(!methods.contains(QString::fromLatin1(method)));
    }

    void requestIdOnEveryAnswer()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        ApiClient anonymous(server.port(), {});
        const QString key = api.createJob(jobBody(u"t"_s));
        const QList<ApiClient::Response> answers{
            anonymous.get(u"/api/v1/health"_s),                              // 200, no key
            api.post(kJobs, jobBody(u"t"_s)),                                // 201
            api.get(jobPath(key)),                                           // 200
            api.post(kJobs, jobBody(u"bad type"_s)),                         // 400
            api.send("POST", kJobs, "{oops", {}),                            // 400 INVALID_JSON
            anonymous.get(jobPath(key)),                                     // 401
            api.get(jobPath(u"srv1-job-nope"_s)),                            // 404 job
            api.get(u"/api/v1/nope"_s),                                      // 404 route
            api.send("DELETE", u"/api/v1/health"_s, {}),                     // 405
            api.put(jobPath(key, u"/complete"_s), {}),                       // 409
            api.send("POST", kJobs, "{}", {{"Content-Type", "text/plain"}}), // 415
        };
        QSet<QString> ids;
        for (const ApiClient::Response &r : answers) {
            QVERIFY2(r.status >= 200, r.body.constData());
            const QString id = QString::fromLatin1(r.header("X-Request-Id"));
            QVERIFY2(id.startsWith(u"req_"_s), qPrintable(QString::number(r.status)));
            QCOMPARE(r.json.value(u"request_id"_s).toString(), id);
            QVERIFY(r.header("Content-Type").startsWith("application/json"));
            ids.insert(id);
        }
        QCOMPARE(ids.size(), answers.size());
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_api_auth.moc"
