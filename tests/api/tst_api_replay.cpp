// POST /api/v1/jobs/:key/replay: a finished job runs again as a new job linked to it; and the
// lock in force while a job is ACTIVE (timeout_ms of GET /jobs/:key).
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kJobs = u"/api/v1/jobs"_s;

QStringList followUps(ApiClient &api, const QString &key)
{
    QStringList out;
    for (const QJsonValue &v : api.get(jobPath(key)).data().value(u"follow_up_jobs"_s).toArray())
        out.append(v.toString());
    return out;
}
} // namespace

class TestApiReplay : public QObject
{
    Q_OBJECT
private slots:
    void replayOfACompletedJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject input{{u"orderId"_s, u"ORD-7"_s}};
        const QString old =
            api.createJob(jobBody(u"invoice"_s, input,
                                  {{u"retries"_s, 5},
                                   {u"priority"_s, 3},
                                   {u"tenant_id"_s, u"acme"_s},
                                   {u"custom_headers"_s, QJsonObject{{u"locale"_s, u"de"_s}}}}));
        QCOMPARE(api.activate(u"invoice"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 1);
        QCOMPARE(
            api.put(jobPath(old, u"/complete"_s), {{u"variables"_s, QJsonObject{{u"pdf"_s, 1}}}})
                .status,
            200);

        // No body: the old job's input variables and settings.
        const ApiClient::Response r = api.post(jobPath(old, u"/replay"_s), {});
        QCOMPARE(r.status, 201);
        const QJsonObject d = r.data();
        const QString fresh = d.value(u"job_key"_s).toString();
        QVERIFY(fresh != old && fresh.startsWith(u"srv1-job-"_s));
        QCOMPARE(d.value(u"status"_s).toString(), u"CREATED"_s);
        QCOMPARE(d.value(u"type"_s).toString(), u"invoice"_s);
        QCOMPARE(d.value(u"retries"_s).toInt(), 5);
        QCOMPARE(d.value(u"priority"_s).toInt(), 3);
        QCOMPARE(d.value(u"tenant_id"_s).toString(), u"acme"_s);
        QCOMPARE(d.value(u"custom_headers"_s).toObject().value(u"locale"_s).toString(), u"de"_s);
        QCOMPARE(d.value(u"parent_job_key"_s).toString(), old);
        // The merged variables after completion are what the old job holds now.
        QCOMPARE(d.value(u"variables"_s).toObject().value(u"orderId"_s).toString(), u"ORD-7"_s);

        const QJsonObject details = api.get(jobPath(fresh)).data();
        QCOMPARE(details.value(u"parent_job_key"_s).toString(), old);
        QCOMPARE(followUps(api, old), QStringList{fresh});
        const QJsonArray history =
            api.get(jobPath(old)).data().value(u"execution_history"_s).toArray();
        QCOMPARE(history.last().toObject().value(u"action"_s).toString(), u"JOB_REPLAYED"_s);

        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(fresh), u"CREATED"_s);
        QCOMPARE(store.state(old), u"COMPLETED"_s);
        QCOMPARE(api.activate(u"invoice"_s, u"w2"_s).value(u"activated_count"_s).toInt(), 1);
    }

    void replayWithOtherSettings()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString old = api.createJob(jobBody(u"mail"_s, {{u"to"_s, u"a@example.com"_s}}));
        QCOMPARE(api.put(jobPath(old, u"/cancel"_s), {}).status, 200);
        const QJsonObject body{{u"variables"_s, QJsonObject{{u"to"_s, u"b@example.com"_s}}},
                               {u"priority"_s, -4},
                               {u"retries"_s, 0},
                               {u"custom_headers"_s, QJsonObject{{u"trace"_s, u"x1"_s}}}};
        const ApiClient::Response r = api.post(jobPath(old, u"/replay"_s), body);
        QCOMPARE(r.status, 201);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"variables"_s).toObject(), body.value(u"variables"_s).toObject());
        QCOMPARE(d.value(u"priority"_s).toInt(), -4);
        QCOMPARE(d.value(u"retries"_s).toInt(), 0);
        QCOMPARE(d.value(u"custom_headers"_s).toObject(),
                 body.value(u"custom_headers"_s).toObject());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("state"); // of the job asked to replay, or "missing"
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addRow("created") << u"CREATED"_s << QJsonObject() << 409 << u"JOB_NOT_REPLAYABLE"_s;
        QTest::addRow("active") << u"ACTIVE"_s << QJsonObject() << 409 << u"JOB_NOT_REPLAYABLE"_s;
        QTest::addRow("unknown job") << u"missing"_s << QJsonObject() << 404 << u"JOB_NOT_FOUND"_s;
        QTest::addRow("priority out of range")
            << u"CANCELLED"_s << QJsonObject{{u"priority"_s, 500}} << 400 << u"VALIDATION_ERROR"_s;
        QTest::addRow("variables not an object")
            << u"CANCELLED"_s << QJsonObject{{u"variables"_s, 3}} << 400 << u"VALIDATION_ERROR"_s;
        QTest::addRow("header not a string")
            << u"CANCELLED"_s << QJsonObject{{u"custom_headers"_s, QJsonObject{{u"n"_s, 1}}}} << 400
            << u"VALIDATION_ERROR"_s;
    }
    void refusals()
    {
        QFETCH(QString, state);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QString key = u"srv1-job-404"_s;
        if (state != u"missing"_s) {
            key = api.createJob(jobBody(u"r"_s, {}));
            if (state == u"ACTIVE"_s)
                api.activate(u"r"_s, u"w"_s);
            if (state == u"CANCELLED"_s)
                QCOMPARE(api.put(jobPath(key, u"/cancel"_s), {}).status, 200);
        }
        const ApiClient::Response r = api.post(jobPath(key, u"/replay"_s), body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        if (status == 409)
            QCOMPARE(r.error().value(u"details"_s).toObject().value(u"current_status"_s).toString(),
                     state);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs WHERE type = ?"_s, {u"r"_s}),
                 state == u"missing"_s ? 0 : 1); // nothing created
    }

    void anotherTenantsJobCannotBeReplayed()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const QString key = admin.createJob(jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"acme"_s}}));
        QCOMPARE(admin.put(jobPath(key, u"/cancel"_s), {}).status, 200);
        addApiKey(server, u"globex"_s, {u"job"_s}, {u"globex"_s}, "globex-key");
        ApiClient other(server.port(), "globex-key");
        QCOMPARE(other.post(jobPath(key, u"/replay"_s), {}).status, 404);
    }

    // While ACTIVE, timeout_ms is the lock in force: deadline = activated_at + timeout_ms.
    void activeJobShowsTheLockInForce()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"lock"_s, {}));
        QCOMPARE(api.get(jobPath(key)).data().value(u"timeout_ms"_s).toInteger(), 120'000);
        const ApiClient::Response a = api.post(
            kJobs + u"/activate"_s, activateBody(u"lock"_s, u"w"_s, {{u"timeout"_s, 60'000}}));
        QCOMPARE(a.data().value(u"activated_count"_s).toInt(), 1);
        const QJsonObject d = api.get(jobPath(key)).data();
        QCOMPARE(d.value(u"timeout_ms"_s).toInteger(), 60'000);
        const qint64 activatedAt = Clock::parseIso(d.value(u"activated_at"_s).toString()).value();
        const qint64 deadline = Clock::parseIso(d.value(u"deadline"_s).toString()).value();
        QCOMPARE(deadline - activatedAt, 60'000);
        // Finished, it shows the job's own timeout again.
        QCOMPARE(api.put(jobPath(key, u"/complete"_s), {}).status, 200);
        QCOMPARE(api.get(jobPath(key)).data().value(u"timeout_ms"_s).toInteger(), 120'000);
    }
};

QTEST_GUILESS_MAIN(TestApiReplay)
#include "tst_api_replay.moc"
