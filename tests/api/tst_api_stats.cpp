// GET /api/v1/jobs/stats over real HTTP: the shape, the figures against what the test did and
// against a recount of the store, filters, tenant isolation and 400s.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QByteArray kAcmeKey = "acme-stats-key";
const QByteArray kWatcherKey = "watcher-stats-key";
}

class TestApiStats : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;

    QJsonObject stats(const QString &query = {}, ApiClient *api = nullptr)
    {
        const ApiClient::Response r =
            (api ? api : m_api.get())
                ->get(u"/api/v1/jobs/stats"_s + (query.isEmpty() ? QString() : u"?"_s + query));
        if (r.status != 200)
            qWarning() << r.body;
        return r.data();
    }
    // Creates `count` jobs of a type, activates them as `worker`, and completes or fails them.
    void finish(const QString &type, const QString &worker, int count, bool complete,
                const QString &tenant = u"default"_s)
    {
        QStringList keys;
        for (int i = 0; i < count; ++i)
            keys.append(m_api->createJob(jobBody(type, {{u"i"_s, i}}, {{u"tenant_id"_s, tenant}})));
        const QJsonObject got = m_api->activate(type, worker, count);
        QCOMPARE(got.value(u"activated_count"_s).toInt(), count);
        for (const QString &key : keys) {
            const ApiClient::Response r =
                complete ? m_api->put(jobPath(key, u"/complete"_s), {})
                         : m_api->put(jobPath(key, u"/fail"_s),
                                      {{u"retries"_s, 0}, {u"error_message"_s, u"boom"_s}});
            QCOMPARE(r.status, 200);
        }
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        addApiKey(*m_server, u"acme-stats"_s, {u"read"_s}, {u"acme"_s}, kAcmeKey);
        addApiKey(*m_server, u"watcher-stats"_s, {u"read"_s}, {u"*"_s}, kWatcherKey);
        m_api = std::make_unique<ApiClient>(m_server->port(), TestServer::kAdminKey);
        finish(u"s1"_s, u"ws"_s, 3, true);
        finish(u"s1"_s, u"ws"_s, 1, false);
        finish(u"s2"_s, u"wt"_s, 2, true, u"acme"_s);
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_api->createJob(jobBody(u"s1"_s, {})).isEmpty());
        QVERIFY(!m_api->createJob(jobBody(u"s3"_s, {}, {{u"delay"_s, u"PT1H"_s}})).isEmpty());
    }
    void cleanupTestCase()
    {
        m_api.reset();
        m_server.reset();
    }

    void shape()
    {
        const QJsonObject s = stats();
        QCOMPARE(s.value(u"period"_s).toString(), u"24h"_s);
        QVERIFY(isoMs(s.value(u"generated_at"_s)) > 0);
        for (const char *key :
             {"overview", "job_types", "worker_performance", "performance_metrics", "queue_depth"})
            QVERIFY2(s.value(QLatin1String(key)).isObject(), key);
        const QJsonObject overview = s.value(u"overview"_s).toObject();
        for (const char *key : {"total_jobs", "active_jobs", "completed_jobs", "failed_jobs",
                                "cancelled_jobs", "success_rate_percent", "avg_duration_seconds"})
            QVERIFY2(overview.contains(QLatin1String(key)), key);
        const QJsonObject metrics = s.value(u"performance_metrics"_s).toObject();
        for (const char *key :
             {"jobs_per_second", "peak_throughput", "avg_queue_time_ms", "p95_processing_time_ms"})
            QVERIFY2(metrics.value(QLatin1String(key)).isDouble(), key);
        const QJsonObject s1 = s.value(u"job_types"_s).toObject().value(u"s1"_s).toObject();
        for (const char *key : {"count", "success_rate", "avg_duration_ms"})
            QVERIFY2(s1.value(QLatin1String(key)).isDouble(), key);
        const QJsonObject ws =
            s.value(u"worker_performance"_s).toObject().value(u"ws"_s).toObject();
        for (const char *key : {"jobs_processed", "success_rate", "avg_processing_time_ms"})
            QVERIFY2(ws.value(QLatin1String(key)).isDouble(), key);
    }

    // GET /api/v1/dashboard: what the console's dashboard shows, counted from what the test did;
    // a tenant's key counts its tenant only, and is not told the whole store's size nor the
    // retention (an admin's to read).
    void dashboard()
    {
        const ApiClient::Response r = m_api->get(u"/api/v1/dashboard"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"total_jobs"_s).toInt(), 11);
        const QJsonObject byState = d.value(u"jobs_by_state"_s).toObject();
        QCOMPARE(byState.value(u"COMPLETED"_s).toInt(), 5);
        QCOMPARE(byState.value(u"FAILED"_s).toInt(), 1);
        QCOMPARE(byState.value(u"CREATED"_s).toInt(), 4);
        QCOMPARE(byState.value(u"SCHEDULED"_s).toInt(), 1);
        QCOMPARE(d.value(u"open_incidents"_s).toInt(), 1);
        QCOMPARE(d.value(u"minutes"_s).toArray().size(), 15);
        qint64 completedByMinute = 0;
        for (const QJsonValue &m : d.value(u"minutes"_s).toArray())
            completedByMinute += m.toObject().value(u"completed"_s).toInteger();
        QCOMPARE(completedByMinute, 5);
        const QJsonObject window = d.value(u"window"_s).toObject();
        QCOMPARE(window.value(u"finished"_s).toInt(), 6);
        QCOMPARE(window.value(u"failed"_s).toInt(), 1);
        QVERIFY(window.value(u"p95_processing_time_ms"_s).isDouble());
        QJsonObject s1Depth, s3Depth;
        for (const QJsonValue &v : d.value(u"queue_depth"_s).toArray()) {
            if (v.toObject().value(u"type"_s).toString() == u"s1"_s)
                s1Depth = v.toObject();
            if (v.toObject().value(u"type"_s).toString() == u"s3"_s)
                s3Depth = v.toObject();
        }
        QCOMPARE(s1Depth.value(u"waiting"_s).toInt(), 4);
        QCOMPARE(s3Depth.value(u"scheduled"_s).toInt(), 1);
        QVERIFY(d.value(u"store"_s).toObject().value(u"bytes"_s).toInteger() > 0);
        QCOMPARE(d.value(u"retention"_s).toObject().value(u"completed"_s).toString(), u"P7D"_s);

        ApiClient acme(m_server->port(), kAcmeKey);
        const QJsonObject a = acme.get(u"/api/v1/dashboard"_s).data();
        QCOMPARE(a.value(u"total_jobs"_s).toInt(), 2);
        QCOMPARE(a.value(u"jobs_by_state"_s).toObject().value(u"COMPLETED"_s).toInt(), 2);
        QCOMPARE(a.value(u"open_incidents"_s).toInt(), 0);
        QCOMPARE(a.value(u"window"_s).toObject().value(u"finished"_s).toInt(), 2);
        QVERIFY(a.value(u"queue_depth"_s).toArray().isEmpty());
        QVERIFY(a.contains(u"store"_s) && a.value(u"store"_s).isNull());
        QVERIFY(a.contains(u"retention"_s) && a.value(u"retention"_s).isNull());
        // A read key of every tenant is told the store's size (as by GET /metrics), not the
        // retention.
        ApiClient watcher(m_server->port(), kWatcherKey);
        const QJsonObject w = watcher.get(u"/api/v1/dashboard"_s).data();
        QCOMPARE(w.value(u"total_jobs"_s).toInt(), 11);
        QVERIFY(w.value(u"store"_s).toObject().value(u"bytes"_s).toInteger() > 0);
        QVERIFY(w.contains(u"retention"_s) && w.value(u"retention"_s).isNull());
    }

    void figures()
    {
        const QJsonObject s = stats(u"period=1h"_s);
        const QJsonObject overview = s.value(u"overview"_s).toObject();
        QCOMPARE(overview.value(u"total_jobs"_s).toInt(), 11);
        QCOMPARE(overview.value(u"completed_jobs"_s).toInt(), 5);
        QCOMPARE(overview.value(u"failed_jobs"_s).toInt(), 1);
        QCOMPARE(overview.value(u"active_jobs"_s).toInt(), 5);
        const QJsonObject types = s.value(u"job_types"_s).toObject();
        QCOMPARE(types.value(u"s1"_s).toObject().value(u"count"_s).toInt(), 4);
        QCOMPARE(types.value(u"s1"_s).toObject().value(u"success_rate"_s).toDouble(), 75.0);
        QCOMPARE(types.value(u"s2"_s).toObject().value(u"success_rate"_s).toDouble(), 100.0);
        const QJsonObject workers = s.value(u"worker_performance"_s).toObject();
        QCOMPARE(workers.value(u"ws"_s).toObject().value(u"jobs_processed"_s).toInt(), 4);
        QCOMPARE(workers.value(u"wt"_s).toObject().value(u"jobs_processed"_s).toInt(), 2);
        const QJsonObject metrics = s.value(u"performance_metrics"_s).toObject();
        QCOMPARE(metrics.value(u"finished_jobs"_s).toInt(), 6);
        QVERIFY(metrics.value(u"peak_throughput"_s).toDouble() > 0.0);
        QVERIFY(metrics.value(u"jobs_per_second"_s).toDouble() > 0.0);
        QVERIFY(metrics.value(u"p95_processing_time_ms"_s).toInteger() >= 0);
        const QJsonObject depth = s.value(u"queue_depth"_s).toObject();
        QCOMPARE(depth.value(u"s1"_s).toObject().value(u"waiting"_s).toInt(), 4);
        QCOMPARE(depth.value(u"s3"_s).toObject().value(u"scheduled"_s).toInt(), 1);
        QVERIFY(!depth.contains(u"s2"_s)); // nothing waits

        // The rollup agrees with the store: every finished job counted once.
        StoreProbe store(m_server->dbPath());
        QCOMPARE(store.count(u"SELECT sum(jobs) FROM job_rollup"_s),
                 store.count(u"SELECT COUNT(*) FROM jobs WHERE state >= 4"_s));
        QCOMPARE(
            store.count(u"SELECT sum(jobs) FROM job_rollup WHERE worker = 'ws' AND state = 4"_s),
            3);
    }

    void filters()
    {
        QJsonObject s = stats(u"type=s2&period=all"_s);
        QCOMPARE(s.value(u"job_types"_s).toObject().keys(), QStringList{u"s2"_s});
        QCOMPARE(s.value(u"overview"_s).toObject().value(u"total_jobs"_s).toInt(), 2);
        s = stats(u"worker=ws&period=7d"_s);
        QCOMPARE(s.value(u"worker_performance"_s).toObject().keys(), QStringList{u"ws"_s});
        QCOMPARE(s.value(u"overview"_s).toObject().value(u"completed_jobs"_s).toInt(), 3);
        QCOMPARE(s.value(u"overview"_s).toObject().value(u"failed_jobs"_s).toInt(), 1);
        s = stats(u"tenant_id=acme"_s);
        QCOMPARE(s.value(u"job_types"_s).toObject().keys(), QStringList{u"s2"_s});
        QCOMPARE(s.value(u"filters_applied"_s).toObject().value(u"tenant_id"_s).toString(),
                 u"acme"_s);
    }

    void tenantIsolation()
    {
        ApiClient acme(m_server->port(), kAcmeKey);
        const QJsonObject s = stats(QString(), &acme);
        QCOMPARE(s.value(u"overview"_s).toObject().value(u"total_jobs"_s).toInt(), 2);
        QCOMPARE(s.value(u"job_types"_s).toObject().keys(), QStringList{u"s2"_s});
        QCOMPARE(s.value(u"worker_performance"_s).toObject().keys(), QStringList{u"wt"_s});
        QVERIFY(s.value(u"queue_depth"_s).toObject().isEmpty());
        const QJsonObject other = stats(u"tenant_id=default"_s, &acme);
        QCOMPARE(other.value(u"overview"_s).toObject().value(u"total_jobs"_s).toInt(), 0);
        QVERIFY(other.value(u"job_types"_s).toObject().isEmpty());
    }

    void badValues_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addRow("period") << u"period=1y"_s << u"period"_s;
        QTest::addRow("type") << u"type=a%20b"_s << u"type"_s;
        QTest::addRow("worker") << u"worker=%2A"_s << u"worker"_s;
        QTest::addRow("tenant") << u"tenant_id=a.b"_s << u"tenant_id"_s;
    }
    void badValues()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const ApiClient::Response r = m_api->get(u"/api/v1/jobs/stats?"_s + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
    }

    void routeIsNotAJobKey()
    {
        const ApiClient::Response r = m_api->get(u"/api/v1/jobs/stats"_s);
        QCOMPARE(r.status, 200);
        QVERIFY(r.data().contains(u"overview"_s));
    }
};

QTEST_GUILESS_MAIN(TestApiStats)
#include "tst_api_stats.moc"
