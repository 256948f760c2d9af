// Recurring schedules over HTTP (issue 16, API.md "Recurring schedules"): the contract's shape,
// refusals naming the field, each due time creating exactly one job (its header and history
// say which schedule), pause, resume, run now, edit and delete, tenants and permissions, and
// a restart after downtime creating one job for the latest missed time only.
#include "ApiTestKit.h"
#include "OpsTestKit.h"

using namespace ApiTestKit;

namespace {

const QString kSchedules = u"/api/v1/schedules"_s;

QJsonObject everySecond(const QString &name, const QString &type)
{
    return {{u"name"_s, name},
            {u"type"_s, type},
            {u"every"_s, u"PT1S"_s},
            {u"variables"_s, QJsonObject{{u"from"_s, name}}}};
}

} // namespace

class TestApiSchedules : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server; // shared by the refusals

    // The jobs of a type, oldest first, as the store has them.
    static QList<QJsonObject> jobsOf(ApiClient &api, const QString &type)
    {
        QList<QJsonObject> jobs;
        const QJsonArray page = api.get(u"/api/v1/jobs?page_size=100&sort_order=asc&type="_s + type)
                                    .data()
                                    .value(u"jobs"_s)
                                    .toArray();
        for (const QJsonValue &j : page)
            jobs.append(j.toObject());
        return jobs;
    }

private slots:
    void cleanupTestCase() { m_server.reset(); }

    // The curl example of API.md, verbatim, then the list, one schedule, and the refusals of a
    // duplicate and an unknown name.
    void createShowAndList()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject example{{u"name"_s, u"nightly-report"_s},
                                  {u"type"_s, u"report"_s},
                                  {u"cron"_s, u"0 2 * * *"_s},
                                  {u"timezone"_s, u"Europe/Moscow"_s},
                                  {u"variables"_s, QJsonObject{}},
                                  {u"custom_headers"_s, QJsonObject{}},
                                  {u"priority"_s, 0},
                                  {u"retries"_s, 3},
                                  {u"timeout"_s, u"PT2M"_s},
                                  {u"tenant_id"_s, u"default"_s},
                                  {u"paused"_s, false}};
        const ApiClient::Response created = api.post(kSchedules, example);
        QCOMPARE(created.status, 201);
        const QJsonObject s = created.data();
        for (auto it = example.begin(); it != example.end(); ++it)
            QCOMPARE(s.value(it.key()), it.value());
        QVERIFY(s.value(u"every"_s).isNull());
        QVERIFY(s.value(u"last_run_at"_s).isNull());
        QVERIFY(s.value(u"last_job_key"_s).isNull());
        QVERIFY(isoMs(s.value(u"created_at"_s)) > 0);
        // 02:00 in Moscow (UTC+3) is 23:00 UTC, within the next day.
        const QDateTime next =
            QDateTime::fromMSecsSinceEpoch(isoMs(s.value(u"next_run_at"_s)), Qt::UTC);
        QCOMPARE(next.time(), QTime(23, 0));
        QVERIFY(next.toMSecsSinceEpoch() > Clock::nowMs());
        QVERIFY(next.toMSecsSinceEpoch() <= Clock::nowMs() + 24 * 3'600'000);

        QCOMPARE(api.get(kSchedules + u"/nightly-report"_s).data(), s);
        const QJsonObject list = api.get(kSchedules).data();
        QCOMPARE(list.value(u"total_count"_s).toInt(), 1);
        QCOMPARE(list.value(u"schedules"_s).toArray().at(0).toObject(), s);

        const ApiClient::Response again = api.post(kSchedules, example);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), u"SCHEDULE_EXISTS"_s);
        for (const ApiClient::Response &r :
             {api.get(kSchedules + u"/nope"_s), api.put(kSchedules + u"/nope"_s, {}),
              api.del(kSchedules + u"/nope"_s), api.put(kSchedules + u"/nope/pause"_s, {}),
              api.post(kSchedules + u"/nope/run"_s, {})}) {
            QCOMPARE(r.status, 404);
            QCOMPARE(r.errorCode(), u"SCHEDULE_NOT_FOUND"_s);
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject ok{{u"name"_s, u"s"_s}, {u"type"_s, u"t"_s}, {u"cron"_s, u"* * * * *"_s}};
        const auto with = [&](const char *key, const QJsonValue &value) {
            QJsonObject b = ok;
            b.insert(QLatin1String(key), value);
            return b;
        };
        QJsonObject neither = ok;
        neither.remove(u"cron"_s);
        QJsonObject nameless = ok;
        nameless.remove(u"name"_s);
        QTest::newRow("bad cron") << with("cron", u"61 * * * *"_s) << u"cron"_s;
        QTest::newRow("cron of 4 fields") << with("cron", u"* * * *"_s) << u"cron"_s;
        QTest::newRow("cron and every") << with("every", u"PT1M"_s) << u"every"_s;
        QTest::newRow("neither") << neither << u"cron"_s;
        QTest::newRow("every under 1 s")
            << QJsonObject{{u"name"_s, u"s"_s}, {u"type"_s, u"t"_s}, {u"every"_s, u"PT0.5S"_s}}
            << u"every"_s;
        QTest::newRow("every not a duration")
            << QJsonObject{{u"name"_s, u"s"_s}, {u"type"_s, u"t"_s}, {u"every"_s, u"often"_s}}
            << u"every"_s;
        QTest::newRow("time zone") << with("timezone", u"Mars/Olympus"_s) << u"timezone"_s;
        QTest::newRow("unknown field") << with("crontab", u"x"_s) << u"crontab"_s;
        QTest::newRow("type") << with("type", u"bad type!"_s) << u"type"_s;
        QTest::newRow("name") << nameless << u"name"_s;
        QTest::newRow("priority") << with("priority", 1000) << u"priority"_s;
        QTest::newRow("header values")
            << with("custom_headers", QJsonObject{{u"a"_s, 1}}) << u"custom_headers"_s;
    }
    void refusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        if (!m_server)
            m_server = std::make_unique<TestServer>();
        ApiClient api(m_server->port(), TestServer::kAdminKey);
        const ApiClient::Response r = api.post(kSchedules, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
        QCOMPARE(api.get(kSchedules).data().value(u"total_count"_s).toInt(), 0);
    }

    // Every second for ~3.5 s: one job per due time, none twice, each saying where it came from.
    void eachDueTimeCreatesOneJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject s = api.post(kSchedules, everySecond(u"tick"_s, u"ticked"_s)).data();
        const qint64 firstDue = isoMs(s.value(u"next_run_at"_s));
        QCOMPARE(firstDue, isoMs(s.value(u"created_at"_s)) + 1000);
        QTRY_VERIFY_WITH_TIMEOUT(jobsOf(api, u"ticked"_s).size() >= 3, 6000);
        QVERIFY(api.put(kSchedules + u"/tick/pause"_s, {}).status == 200);

        const QList<QJsonObject> jobs = jobsOf(api, u"ticked"_s);
        const QJsonObject after = api.get(kSchedules + u"/tick"_s).data();
        // No due time fired twice: at most one job per due time up to the last run (a late
        // engine may skip one, as after downtime), each on the schedule's grid.
        const qint64 lastRun = isoMs(after.value(u"last_run_at"_s));
        QCOMPARE((lastRun - firstDue) % 1000, 0);
        QVERIFY(jobs.size() <= (lastRun - firstDue) / 1000 + 1);
        QCOMPARE(after.value(u"last_job_key"_s).toString(),
                 jobs.last().value(u"job_key"_s).toString());
        for (const QJsonObject &job : jobs) {
            QCOMPARE(job.value(u"custom_headers"_s).toObject().value(u"schedule"_s).toString(),
                     u"tick"_s);
            QCOMPARE(job.value(u"variables"_s).toObject().value(u"from"_s).toString(), u"tick"_s);
        }
        const QJsonObject details =
            api.get(jobPath(jobs.first().value(u"job_key"_s).toString())).data();
        const QJsonObject createdEvent =
            details.value(u"execution_history"_s).toArray().at(0).toObject();
        QCOMPARE(createdEvent.value(u"action"_s).toString(), u"JOB_CREATED"_s);
        QCOMPARE(createdEvent.value(u"details"_s).toString(), u"Created by schedule tick"_s);
    }

    void pauseRunEditDelete()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(api.post(kSchedules, everySecond(u"ctl"_s, u"controlled"_s)).status, 201);
        const QJsonObject paused = api.put(kSchedules + u"/ctl/pause"_s, {}).data();
        QCOMPARE(paused.value(u"paused"_s).toBool(), true);
        QVERIFY(paused.value(u"next_run_at"_s).isNull());
        QTest::qWait(1500);
        QCOMPARE(jobsOf(api, u"controlled"_s).size(), 0);

        // Run now: one job at once (201, the create answer), the schedule stays paused.
        const ApiClient::Response run = api.post(kSchedules + u"/ctl/run"_s, {});
        QCOMPARE(run.status, 201);
        const QString key = run.data().value(u"job_key"_s).toString();
        QVERIFY(!key.isEmpty());
        QCOMPARE(jobsOf(api, u"controlled"_s).size(), 1);
        const QJsonObject afterRun = api.get(kSchedules + u"/ctl"_s).data();
        QCOMPARE(afterRun.value(u"last_job_key"_s).toString(), key);
        QCOMPARE(afterRun.value(u"paused"_s).toBool(), true);

        // Edit: a cron instead of every, another priority; resume plans the next time.
        const ApiClient::Response edited = api.put(
            kSchedules + u"/ctl"_s,
            {{u"cron"_s, u"0 0 1 1 *"_s}, {u"timezone"_s, u"Europe/Berlin"_s}, {u"priority"_s, 7}});
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.data().value(u"cron"_s).toString(), u"0 0 1 1 *"_s);
        QVERIFY(edited.data().value(u"every"_s).isNull());
        QCOMPARE(edited.data().value(u"priority"_s).toInt(), 7);
        QCOMPARE(api.put(kSchedules + u"/ctl"_s, {{u"name"_s, u"other"_s}}).status, 400);
        const QJsonObject resumed = api.put(kSchedules + u"/ctl/resume"_s, {}).data();
        QCOMPARE(resumed.value(u"paused"_s).toBool(), false);
        const QDateTime next = QDateTime::fromMSecsSinceEpoch(
            isoMs(resumed.value(u"next_run_at"_s)), QTimeZone("Europe/Berlin"));
        QCOMPARE(next.date().day(), 1);
        QCOMPARE(next.date().month(), 1);
        QCOMPARE(next.time(), QTime(0, 0));

        const ApiClient::Response deleted = api.del(kSchedules + u"/ctl"_s);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data().value(u"deleted_schedule"_s).toObject().value(u"name"_s),
                 QJsonValue(u"ctl"_s));
        QCOMPARE(api.get(kSchedules + u"/ctl"_s).status, 404);
        QCOMPARE(jobsOf(api, u"controlled"_s).size(), 1); // its job stays
    }

    // An edit of the job a schedule creates keeps when it runs.
    void editKeepsTiming()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject created =
            api.post(kSchedules, {{u"name"_s, u"hourly"_s},
                                  {u"type"_s, u"t"_s},
                                  {u"every"_s, u"PT1H"_s},
                                  {u"custom_headers"_s, QJsonObject{{u"team"_s, u"ops"_s}}}})
                .data();
        QTest::qWait(20);
        const QJsonObject edited =
            api.put(kSchedules + u"/hourly"_s, {{u"priority"_s, 5}, {u"every"_s, u"PT1H"_s}})
                .data();
        QCOMPARE(edited.value(u"priority"_s).toInt(), 5);
        QCOMPARE(edited.value(u"next_run_at"_s), created.value(u"next_run_at"_s));
        QCOMPARE(edited.value(u"custom_headers"_s), created.value(u"custom_headers"_s));
        const QJsonObject longer =
            api.put(kSchedules + u"/hourly"_s, {{u"every"_s, u"PT2H"_s}}).data();
        QVERIFY(isoMs(longer.value(u"next_run_at"_s)) > isoMs(created.value(u"next_run_at"_s)));
    }

    void tenantsAndPermissions()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        QCOMPARE(
            admin
                .post(kSchedules,
                      {{u"name"_s, u"main"_s}, {u"type"_s, u"t"_s}, {u"cron"_s, u"0 3 * * *"_s}})
                .status,
            201);
        ApiClient acme(server.port(),
                       OpsTestKit::createKey(admin, u"acme"_s, {u"job"_s}, {u"acme"_s}));
        ApiClient reader(server.port(), OpsTestKit::createKey(admin, u"reader"_s, {u"read"_s}));
        // Another tenant's schedule does not exist for the key.
        QCOMPARE(acme.get(kSchedules + u"/main"_s).status, 404);
        QCOMPARE(acme.put(kSchedules + u"/main/pause"_s, {}).status, 404);
        QCOMPARE(acme.get(kSchedules).data().value(u"total_count"_s).toInt(), 0);
        // It schedules for its own tenant only.
        QCOMPARE(acme.post(kSchedules,
                           {{u"name"_s, u"a1"_s}, {u"type"_s, u"t"_s}, {u"cron"_s, u"0 3 * * *"_s}})
                     .status,
                 403);
        QCOMPARE(acme.post(kSchedules, {{u"name"_s, u"a1"_s},
                                        {u"type"_s, u"t"_s},
                                        {u"cron"_s, u"0 3 * * *"_s},
                                        {u"tenant_id"_s, u"acme"_s}})
                     .status,
                 201);
        QCOMPARE(acme.put(kSchedules + u"/a1"_s, {{u"tenant_id"_s, u"default"_s}}).status, 403);
        QCOMPARE(acme.get(kSchedules).data().value(u"total_count"_s).toInt(), 1);
        QCOMPARE(admin.get(kSchedules).data().value(u"total_count"_s).toInt(), 2);
        // A read key reads, and changes nothing.
        QCOMPARE(reader.get(kSchedules).data().value(u"total_count"_s).toInt(), 2);
        QCOMPARE(reader.post(kSchedules + u"/main/run"_s, {}).status, 403);
        QCOMPARE(reader.del(kSchedules + u"/main"_s).status, 403);
    }

    // Down for several due times: on restart one job for the latest missed time, not a burst
    // of the missed ones, then the schedule goes on.
    void downtimeCreatesOneJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(api.post(kSchedules, everySecond(u"catchup"_s, u"caught"_s)).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(jobsOf(api, u"caught"_s).size() >= 1, 4000);
        server.stop();
        const qint64 stoppedAt = Clock::nowMs();
        QTest::qWait(4500); // four due times pass
        const qint64 restartAt = Clock::nowMs();
        server.start();
        ApiClient again(server.port(), TestServer::kAdminKey);
        const auto createdSinceRestart = [&] {
            QList<qint64> times;
            for (const QJsonObject &job : jobsOf(again, u"caught"_s))
                if (isoMs(job.value(u"created_at"_s)) >= restartAt)
                    times.append(isoMs(job.value(u"created_at"_s)));
            return times;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!createdSinceRestart().isEmpty(), 4000);
        QCOMPARE(again.put(kSchedules + u"/catchup/pause"_s, {}).status, 200);
        const qint64 pausedAt = Clock::nowMs();
        const QList<qint64> times = createdSinceRestart();
        // The catch-up, and then one per second at most.
        QVERIFY2(times.size() <= 2 + (pausedAt - restartAt) / 1000,
                 qPrintable(u"%1 jobs in %2 ms"_s.arg(times.size()).arg(pausedAt - restartAt)));
        if (times.size() >= 3)
            QVERIFY(times.at(2) - times.at(0) >= 900);
        // The run on record is a due time after the downtime, on the schedule's grid.
        const QJsonObject s = again.get(kSchedules + u"/catchup"_s).data();
        const qint64 lastRun = isoMs(s.value(u"last_run_at"_s));
        QVERIFY2(lastRun >= stoppedAt + 3000, qPrintable(QString::number(lastRun - stoppedAt)));
        QCOMPARE((lastRun - isoMs(s.value(u"created_at"_s))) % 1000, 0);
    }
};

QTEST_GUILESS_MAIN(TestApiSchedules)
#include "tst_api_schedules.moc"
