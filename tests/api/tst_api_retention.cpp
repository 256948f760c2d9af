// Retention (issue 15): GET|PUT /api/v1/settings/retention, and finished jobs past the policy
// leaving the store with their history while counts stay exact; a job with an open incident
// stays. Both stores.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kRetention = u"/api/v1/settings/retention"_s;

ServerSettings fastSweep()
{
    ServerSettings s;
    s.retentionIntervalMs = 200;
    return s;
}
} // namespace

class TestApiRetention : public QObject
{
    Q_OBJECT
private slots:
    void defaultsAndUpdates()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        ApiClient::Response r = admin.get(kRetention);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data(), (QJsonObject{{u"completed"_s, u"P7D"_s},
                                        {u"cancelled"_s, u"P7D"_s},
                                        {u"failed"_s, u"P30D"_s}}));
        r = admin.send("PUT", kRetention, R"({"completed": "PT12H", "cancelled": null})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data(), (QJsonObject{{u"completed"_s, u"PT12H"_s},
                                        {u"cancelled"_s, QJsonValue::Null},
                                        {u"failed"_s, u"P30D"_s}}));
        server.restart(); // kept in the store
        QCOMPARE(admin.get(kRetention).data().value(u"completed"_s).toString(), u"PT12H"_s);

        QCOMPARE(admin.send("PUT", kRetention, R"({"completed": "soon"})").errorCode(),
                 u"VALIDATION_ERROR"_s);
        QCOMPARE(admin.send("PUT", kRetention, R"({"completed": "PT0.5S"})").status, 400);
        QCOMPARE(admin.send("PUT", kRetention, R"({"archived": "P1D"})").status, 400);
        addApiKey(server, u"worker"_s, {u"job"_s}, {u"*"_s}, "worker-key");
        ApiClient worker(server.port(), "worker-key");
        QCOMPARE(worker.get(kRetention).status, 403);
        QCOMPARE(worker.send("PUT", kRetention, R"({"completed": "P1D"})").status, 403);
    }

    void finishedJobsPastThePolicyLeave()
    {
        TestServer server(fastSweep());
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString done = api.createJob(jobBody(u"r"_s, {}));
        const QString failed = api.createJob(jobBody(u"r"_s, {}));
        const QString cancelled = api.createJob(jobBody(u"r"_s, {}));
        const QString waiting = api.createJob(jobBody(u"r-wait"_s, {}));
        QCOMPARE(api.activate(u"r"_s, u"w"_s, 2).value(u"activated_count"_s).toInt(), 2);
        QCOMPARE(api.put(jobPath(done, u"/complete"_s), {}).status, 200);
        QCOMPARE(api.put(jobPath(failed, u"/fail"_s), {{u"retries"_s, 0}}).status, 200);
        QCOMPARE(api.put(jobPath(cancelled, u"/cancel"_s), {}).status, 200);
        QCOMPARE(api.send("PUT", kRetention,
                          R"({"completed": "PT1S", "cancelled": null, "failed": "PT1S"})")
                     .status,
                 200);
        // The completed job goes within a few sweeps after its second; the others stay.
        QTRY_COMPARE_WITH_TIMEOUT(api.get(jobPath(done)).status, 404, 10'000);
        QTest::qWait(1500);
        QCOMPARE(api.get(jobPath(failed)).status, 200);    // its incident is open
        QCOMPARE(api.get(jobPath(cancelled)).status, 200); // kept for ever
        QCOMPARE(api.get(jobPath(waiting)).status, 200);   // not finished

        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM job_events WHERE job_id NOT IN "
                             "(SELECT id FROM jobs)"_s),
                 0); // the history went with it
        // Counts stay exact: the list's summary and counters agree with the rows.
        const QJsonObject summary =
            api.get(u"/api/v1/jobs"_s).data().value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"total_jobs"_s).toInt(),
                 store.count(u"SELECT COUNT(*) FROM jobs"_s));
        QCOMPARE(summary.value(u"total_jobs"_s).toInt(), 3);
        QCOMPARE(summary.value(u"completed_jobs"_s).toInt(), 0);
        // And /metrics counts what went (on PostgreSQL, this node did it: it is the only one).
        const QByteArray metrics = api.get(u"/metrics"_s).body;
        QVERIFY2(metrics.contains("\njobdeck_retention_deleted_jobs_total 1\n"),
                 metrics.constData());
        QVERIFY(metrics.contains("\njobdeck_retention_seconds_total "));
    }
};

QTEST_GUILESS_MAIN(TestApiRetention)
#include "tst_api_retention.moc"
