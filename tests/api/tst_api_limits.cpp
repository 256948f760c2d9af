// Per-type limits over HTTP (issue 16, API.md "Per-type limits"): the PUT and its refusals,
// limits and their use in GET /job-types, max_active under concurrent long-polling workers
// (never more ACTIVE than allowed, checked from the history, and no slot left idle while jobs
// wait), a rate limit's sliding window, and limits surviving a restart.
#include "ApiTestKit.h"
#include "OpsTestKit.h"

#include <memory>
#include <vector>

using namespace ApiTestKit;

namespace {

QString limitsPath(const QString &type)
{
    return u"/api/v1/job-types/"_s + type + u"/limits"_s;
}

QJsonObject limitsOf(ApiClient &api, const QString &type)
{
    for (const QJsonValue &t :
         api.get(u"/api/v1/job-types"_s).data().value(u"job_types"_s).toArray())
        if (t[u"type"_s].toString() == type)
            return t[u"limits"_s].toObject();
    return {};
}

void createJobs(ApiClient &api, const QString &type, int n)
{
    for (int i = 0; i < n; ++i)
        QVERIFY(!api.createJob(jobBody(type, {{u"i"_s, i}})).isEmpty());
}

// The job events of a type in the order they happened: (at, action).
QList<std::pair<qint64, QString>> eventsOf(const QString &dbPath, const QString &type)
{
    StoreProbe store(dbPath);
    QSqlQuery q(store.database());
    q.prepare(u"SELECT e.at, e.action FROM job_events e JOIN jobs j ON j.id = e.job_id WHERE "
              "j.type = ? ORDER BY e.id"_s);
    q.addBindValue(type);
    QList<std::pair<qint64, QString>> out;
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString()});
    return out;
}

} // namespace

class TestApiLimits : public QObject
{
    Q_OBJECT

private slots:
    void setShowAndRefuse()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response set =
            api.put(limitsPath(u"payments"_s),
                    {{u"max_active"_s, 5},
                     {u"rate"_s, QJsonObject{{u"limit"_s, 100}, {u"per"_s, u"PT1M"_s}}}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.data().value(u"type"_s).toString(), u"payments"_s);
        const QJsonObject expected{
            {u"max_active"_s, 5},
            {u"rate"_s, QJsonObject{{u"limit"_s, 100}, {u"per"_s, u"PT1M"_s}}}};
        QCOMPARE(set.data().value(u"limits"_s).toObject(), expected);
        // Shown with their use now, for a type with no jobs yet.
        QJsonObject shown = limitsOf(api, u"payments"_s);
        QCOMPARE(shown.value(u"max_active"_s).toInt(), 5);
        QCOMPARE(shown.value(u"active"_s).toInt(), 0);
        QCOMPARE(shown.value(u"activations_in_window"_s).toInt(), 0);

        // A field left out keeps its value; null removes that limit.
        QCOMPARE(api.put(limitsPath(u"payments"_s), {{u"rate"_s, QJsonValue()}}).status, 200);
        shown = limitsOf(api, u"payments"_s);
        QCOMPARE(shown.value(u"max_active"_s).toInt(), 5);
        QVERIFY(shown.value(u"rate"_s).isNull());
        QVERIFY(shown.value(u"activations_in_window"_s).isNull());

        const auto refused = [&](const QJsonObject &body, const QString &field) {
            const ApiClient::Response r = api.put(limitsPath(u"payments"_s), body);
            QCOMPARE(r.status, 400);
            QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
        };
        refused({{u"max_active"_s, 0}}, u"max_active"_s);
        refused({{u"max_active"_s, 2.5}}, u"max_active"_s);
        refused({{u"max_active"_s, u"five"_s}}, u"max_active"_s);
        refused({{u"rate"_s, QJsonObject{{u"limit"_s, 10}}}}, u"rate"_s);
        refused({{u"rate"_s, QJsonObject{{u"limit"_s, 10}, {u"per"_s, u"PT0.1S"_s}}}}, u"rate"_s);
        refused({{u"rate"_s, QJsonObject{{u"limit"_s, 0}, {u"per"_s, u"PT1S"_s}}}}, u"rate"_s);
        refused({{u"maxActive"_s, 3}}, u"maxActive"_s);
        QCOMPARE(api.put(u"/api/v1/job-types/bad type/limits"_s, {{u"max_active"_s, 1}}).status,
                 400);

        ApiClient acme(server.port(),
                       OpsTestKit::createKey(api, u"acme"_s, {u"job"_s}, {u"acme"_s}));
        QCOMPARE(acme.put(limitsPath(u"payments"_s), {{u"max_active"_s, 1}}).status, 403);
        ApiClient reader(server.port(), OpsTestKit::createKey(api, u"reader"_s, {u"read"_s}));
        QCOMPARE(reader.put(limitsPath(u"payments"_s), {{u"max_active"_s, 1}}).status, 403);
        QCOMPARE(limitsOf(reader, u"payments"_s).value(u"max_active"_s).toInt(), 5);

        // Limits survive a restart, and still hold.
        server.restart();
        ApiClient again(server.port(), TestServer::kAdminKey);
        QCOMPARE(limitsOf(again, u"payments"_s).value(u"max_active"_s).toInt(), 5);
        createJobs(again, u"payments"_s, 7);
        QCOMPARE(again.activate(u"payments"_s, u"w1"_s, 10).value(u"jobs"_s).toArray().size(), 5);
        QCOMPARE(limitsOf(again, u"payments"_s).value(u"active"_s).toInt(), 5);
    }

    // max_active 3, five workers holding long polls for two jobs each, 15 jobs: never more than
    // three ACTIVE at once, and a freed slot is taken at once while jobs wait.
    void maxActiveUnderConcurrentWorkers()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(api.put(limitsPath(u"capped"_s), {{u"max_active"_s, 3}}).status, 200);
        createJobs(api, u"capped"_s, 15);
        std::vector<std::unique_ptr<HttpCall>> polls;
        const auto poll = [&](int worker) {
            return std::make_unique<HttpCall>(
                server.port(), "POST", u"/api/v1/jobs/activate"_s,
                activateBody(u"capped"_s, u"w%1"_s.arg(worker),
                             {{u"max_jobs"_s, 2}, {u"request_timeout"_s, 5000}}));
        };
        for (int w = 0; w < 5; ++w)
            polls.push_back(poll(w));
        int completed = 0;
        QElapsedTimer clock;
        clock.start();
        while (completed < 15 && clock.elapsed() < 30'000) {
            QTest::qWait(20);
            for (int w = 0; w < 5; ++w) {
                if (!polls[size_t(w)]->isDone())
                    continue;
                const QJsonArray jobs = polls[size_t(w)]->jobs();
                QVERIFY(jobs.size() <= 3);
                for (const QJsonValue &job : jobs) {
                    QTest::qWait(30); // some work
                    QCOMPARE(api.put(jobPath(job[u"key"_s].toString(), u"/complete"_s), {}).status,
                             200);
                    ++completed;
                }
                polls[size_t(w)] = poll(w);
            }
        }
        QCOMPARE(completed, 15);

        // From the history: the ACTIVE count never passed 3, and reached it; while jobs waited,
        // each completion's slot went to a held poll within a second.
        int active = 0, waiting = 15, most = 0;
        qint64 freedAt = -1;
        for (const auto &[at, action] : eventsOf(server.dbPath(), u"capped"_s)) {
            if (action == u"JOB_ACTIVATED"_s) {
                ++active;
                --waiting;
                if (freedAt >= 0)
                    QVERIFY2(at - freedAt < 1000, qPrintable(QString::number(at - freedAt)));
                freedAt = -1;
            } else if (action == u"JOB_COMPLETED"_s) {
                --active;
                if (waiting > 0 && freedAt < 0)
                    freedAt = at;
            }
            QVERIFY2(active <= 3, "more jobs ACTIVE than max_active");
            most = qMax(most, active);
        }
        QCOMPARE(most, 3);
        QCOMPARE(waiting, 0);
    }

    // 4 activations per second: the fifth waits for the window to move, a held poll gets it then.
    void rateLimitSlidingWindow()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(api.put(limitsPath(u"metered"_s),
                         {{u"rate"_s, QJsonObject{{u"limit"_s, 4}, {u"per"_s, u"PT1S"_s}}}})
                     .status,
                 200);
        createJobs(api, u"metered"_s, 10);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(api.activate(u"metered"_s, u"w1"_s, 10).value(u"jobs"_s).toArray().size(), 4);
        QCOMPARE(api.activate(u"metered"_s, u"w1"_s, 10).value(u"jobs"_s).toArray().size(), 0);
        QCOMPARE(limitsOf(api, u"metered"_s).value(u"activations_in_window"_s).toInt(), 4);
        HttpCall held(server.port(), "POST", u"/api/v1/jobs/activate"_s,
                      activateBody(u"metered"_s, u"w2"_s,
                                   {{u"max_jobs"_s, 10}, {u"request_timeout"_s, 5000}}));
        QTRY_VERIFY_WITH_TIMEOUT(held.isDone(), 4000);
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(held.jobs().size(), 4);

        // Any window of one second holds at most four activations.
        QList<qint64> activations;
        for (const auto &[at, action] : eventsOf(server.dbPath(), u"metered"_s))
            if (action == u"JOB_ACTIVATED"_s)
                activations.append(at);
        QCOMPARE(activations.size(), 8);
        for (qsizetype i = 4; i < activations.size(); ++i)
            QVERIFY(activations.at(i) - activations.at(i - 4) >= 1000);
    }
};

QTEST_GUILESS_MAIN(TestApiLimits)
#include "tst_api_limits.moc"
