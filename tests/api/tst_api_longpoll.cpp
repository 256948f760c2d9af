// Held requests: long-polling activations (hand-over, FIFO, expiry, lock timeouts, schedules,
// clients that leave, many at once) and await. Held requests go over raw sockets (HttpCall) so
// that many can be in flight at once; timing comes from the server's own holds, never from sleeps.
#include "ApiTestKit.h"

#include <memory>
#include <vector>

using namespace ApiTestKit;

namespace {
const QString kActivate = u"/api/v1/jobs/activate"_s;

std::unique_ptr<HttpCall> holdActivation(quint16 port, const QString &type, const QString &worker,
                                         int requestTimeoutMs, const QJsonObject &extra = {})
{
    QJsonObject body = activateBody(type, worker, extra);
    body.insert(u"request_timeout"_s, requestTimeoutMs);
    return std::make_unique<HttpCall>(port, "POST", kActivate, body);
}

QStringList sortedKeys(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}
} // namespace

class TestApiLongPoll : public QObject
{
    Q_OBJECT
private slots:
    void heldActivationGetsANewJobPromptly()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        // The shape of an answer given at once, for comparison.
        api.createJob(jobBody(u"other"_s));
        const QJsonObject immediate =
            api.post(kActivate, activateBody(u"other"_s, u"w0"_s, {{u"timeout"_s, 60000}})).data();

        auto held = holdActivation(server.port(), u"lp"_s, u"w1"_s, 5000, {{u"timeout"_s, 60000}});
        QTRY_COMPARE(heldLongPolls(api), 1);
        QVERIFY(!held->isDone());
        QElapsedTimer sinceCreate;
        sinceCreate.start();
        const QString key = api.createJob(jobBody(u"lp"_s, {{u"n"_s, 1}}));
        QTRY_VERIFY_WITH_TIMEOUT(held->isDone(), 4000);
        QVERIFY2(sinceCreate.elapsed() < 1500, qPrintable(QString::number(sinceCreate.elapsed())));
        QCOMPARE(held->status(), 200);
        const QJsonObject d = held->data();
        QCOMPARE(sortedKeys(d), sortedKeys(immediate));
        QCOMPARE(d.value(u"activated_count"_s).toInt(), 1);
        QCOMPARE(d.value(u"worker"_s).toString(), u"w1"_s);
        QCOMPARE(d.value(u"timeout"_s).toInt(), 60000);
        const QJsonObject job = firstJob(d);
        QCOMPARE(sortedKeys(job), sortedKeys(firstJob(immediate)));
        QCOMPARE(job.value(u"key"_s).toString(), key);
        QCOMPARE(job.value(u"variables"_s).toObject(), QJsonObject({{u"n"_s, 1}}));
        QCOMPARE(job.value(u"attempt"_s).toInt(), 1);
        QCOMPARE(isoMs(job.value(u"deadline"_s)) - isoMs(job.value(u"activated_at"_s)), 60000);
        QCOMPARE(heldLongPolls(api), 0);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ACTIVE"_s);
    }

    void longestWaitingGetsTheFirstJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        auto first = holdActivation(server.port(), u"fifo"_s, u"first"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 1);
        auto second = holdActivation(server.port(), u"fifo"_s, u"second"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 2);

        const QString a = api.createJob(jobBody(u"fifo"_s));
        QTRY_VERIFY_WITH_TIMEOUT(first->isDone(), 4000);
        QCOMPARE(firstJob(first->data()).value(u"key"_s).toString(), a);
        QCOMPARE(first->data().value(u"activated_count"_s).toInt(), 1);
        QCOMPARE(heldLongPolls(api), 1);
        QVERIFY(!second->isDone());

        const QString b = api.createJob(jobBody(u"fifo"_s));
        QTRY_VERIFY_WITH_TIMEOUT(second->isDone(), 4000);
        QCOMPARE(firstJob(second->data()).value(u"key"_s).toString(), b);
        QCOMPARE(api.get(jobPath(a))
                     .data()
                     .value(u"worker_assignment"_s)
                     .toObject()
                     .value(u"worker_id"_s)
                     .toString(),
                 u"first"_s);
        QCOMPARE(api.get(jobPath(b))
                     .data()
                     .value(u"worker_assignment"_s)
                     .toObject()
                     .value(u"worker_id"_s)
                     .toString(),
                 u"second"_s);
    }

    // Held polls served from one transaction's new jobs share them in the order they came, each
    // up to its max_jobs: what each would get asking alone after the ones before it.
    void heldPollsShareNewJobsInTurn()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const int maxJobs[] = {3, 2, 4, 1};
        std::vector<std::unique_ptr<HttpCall>> polls;
        for (int i = 0; i < 4; ++i) {
            polls.push_back(holdActivation(server.port(), u"turns"_s, u"w%1"_s.arg(i), 5000,
                                           {{u"max_jobs"_s, maxJobs[i]}}));
            QTRY_COMPARE(heldLongPolls(api), i + 1);
        }
        QJsonArray jobs;
        for (int i = 0; i < 6; ++i)
            jobs.append(jobBody(u"turns"_s, {{u"i"_s, i}}));
        const ApiClient::Response created = api.post(u"/api/v1/jobs/batch"_s, {{u"jobs"_s, jobs}});
        QCOMPARE(created.status, 201);
        QStringList keys;
        for (const QJsonValue &job : created.data().value(u"jobs"_s).toArray())
            keys.append(job.toObject().value(u"job_key"_s).toString());
        QCOMPARE(keys.size(), 6);
        QTRY_VERIFY_WITH_TIMEOUT(polls[0]->isDone() && polls[1]->isDone() && polls[2]->isDone(),
                                 4000);
        const auto received = [](const HttpCall &poll) {
            QStringList out;
            for (const QJsonValue &job : poll.data().value(u"jobs"_s).toArray())
                out.append(job.toObject().value(u"key"_s).toString());
            return out;
        };
        QCOMPARE(received(*polls[0]), keys.mid(0, 3));
        QCOMPARE(received(*polls[1]), keys.mid(3, 2));
        QCOMPARE(received(*polls[2]), keys.mid(5, 1));
        QVERIFY(!polls[3]->isDone()); // nothing left for it: it keeps waiting
        QCOMPARE(heldLongPolls(api), 1);
    }

    void expiry_data()
    {
        QTest::addColumn<int>("requestTimeout");
        QTest::addRow("0: at once") << 0;
        QTest::addRow("300 ms") << 300;
    }
    void expiry()
    {
        QFETCH(int, requestTimeout);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        auto call = holdActivation(server.port(), u"nothing"_s, u"w1"_s, requestTimeout,
                                   {{u"timeout"_s, 30000}});
        QTRY_VERIFY_WITH_TIMEOUT(call->isDone(), requestTimeout + 3000);
        QCOMPARE(call->status(), 200);
        QCOMPARE(call->data(), QJsonObject({{u"jobs"_s, QJsonArray()},
                                            {u"worker"_s, u"w1"_s},
                                            {u"activated_count"_s, 0},
                                            {u"timeout"_s, 30000}}));
        const qint64 after = call->answeredAfterMs();
        QVERIFY2(after >= requestTimeout - 10 && after < requestTimeout + 1000,
                 qPrintable(QString::number(after)));
        QCOMPARE(heldLongPolls(api), 0);
    }

    void lockTimeoutReturnsTheJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        StoreProbe store(server.dbPath());
        const QString key = api.createJob(jobBody(u"lock"_s));
        const QJsonObject job = firstJob(
            api.post(kActivate, activateBody(u"lock"_s, u"w1"_s, {{u"timeout"_s, 1000}})).data());
        QCOMPARE(job.value(u"key"_s).toString(), key);
        const qint64 deadline = isoMs(job.value(u"deadline"_s));

        // Nobody waits: after its deadline the job is CREATED again, retries unchanged.
        QTRY_COMPARE_WITH_TIMEOUT(store.state(key), u"CREATED"_s, 4000);
        QVERIFY(Clock::nowMs() >= deadline);
        const QJsonObject details = api.get(jobPath(key)).data();
        QCOMPARE(actionsOf(details),
                 QStringList({u"JOB_CREATED"_s, u"JOB_ACTIVATED"_s, u"JOB_TIMED_OUT"_s}));
        const QJsonObject timedOut =
            details.value(u"execution_history"_s).toArray().at(2).toObject();
        QCOMPARE(timedOut.value(u"worker_id"_s).toString(), u"w1"_s);
        QVERIFY(isoMs(timedOut.value(u"timestamp"_s)) >= deadline);
        QCOMPARE(details.value(u"retry_configuration"_s).toObject().value(u"retries"_s).toInt(), 3);
        QVERIFY(details.value(u"deadline"_s).isNull());

        // The late worker cannot complete it: the lock is gone.
        const ApiClient::Response late = api.put(jobPath(key, u"/complete"_s), {});
        QCOMPARE(late.status, 409);
        QCOMPARE(late.errorCode(), u"JOB_NOT_COMPLETABLE"_s);
        QCOMPARE(currentStatus(late), u"CREATED"_s);
        QVERIFY(errorDetails(late).value(u"reason"_s).toString().contains(u"deadline"_s));

        // The next worker gets it as attempt 2 and completes it.
        const QJsonObject again = firstJob(api.activate(u"lock"_s, u"w2"_s));
        QCOMPARE(again.value(u"key"_s).toString(), key);
        QCOMPARE(again.value(u"attempt"_s).toInt(), 2);
        const ApiClient::Response done = api.put(jobPath(key, u"/complete"_s), {});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.data().value(u"completed_by"_s).toString(), u"w2"_s);
        QCOMPARE(store.state(key), u"COMPLETED"_s);
    }

    // A job cancelled while it waited after a lock timeout ran until the timeout: the end of
    // its run is kept, and the rollup (p95 processing time) counts that run, not the wait.
    void cancelAfterTimeoutTimesTheRun()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        StoreProbe store(server.dbPath());
        const QString key = api.createJob(jobBody(u"stall"_s));
        const QJsonObject job = firstJob(
            api.post(kActivate, activateBody(u"stall"_s, u"w1"_s, {{u"timeout"_s, 1000}})).data());
        const qint64 activated = isoMs(job.value(u"activated_at"_s));
        QTRY_COMPARE_WITH_TIMEOUT(store.state(key), u"CREATED"_s, 4000);
        const qint64 id = store.jobId(key);
        const qint64 runEnd =
            store.scalar(u"SELECT attempt_ended_at FROM jobs WHERE id = ?"_s, {id}).toLongLong();
        QVERIFY2(runEnd - activated >= 1000 && runEnd - activated < 2000,
                 qPrintable(QString::number(runEnd - activated)));
        QTest::qWait(1500);
        QCOMPARE(api.put(jobPath(key, u"/cancel"_s), {}).status, 200);
        QCOMPARE(store.state(key), u"CANCELLED"_s);
        QCOMPARE(
            store.scalar(u"SELECT attempt_ended_at FROM jobs WHERE id = ?"_s, {id}).toLongLong(),
            runEnd);
        QCOMPARE(store
                     .scalar(u"SELECT SUM(processing_ms_sum) FROM job_rollup WHERE type = "
                             "'stall'"_s)
                     .toLongLong(),
                 runEnd - activated);

        // Activated again, the run is open until it ends.
        QVERIFY(store
                    .scalar(u"SELECT attempt_ended_at FROM jobs WHERE id = ?"_s,
                            {store.jobId(api.createJob(jobBody(u"stall"_s)))})
                    .isNull());
        const QString next = firstJob(api.activate(u"stall"_s, u"w2"_s)).value(u"key"_s).toString();
        QVERIFY(store.scalar(u"SELECT attempt_ended_at FROM jobs WHERE job_key = ?"_s, {next})
                    .isNull());
        QCOMPARE(api.put(jobPath(next, u"/complete"_s), {}).status, 200);
        QVERIFY(!store.scalar(u"SELECT attempt_ended_at FROM jobs WHERE job_key = ?"_s, {next})
                     .isNull());
    }

    void lockTimeoutWakesAHeldPoll()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"lock"_s));
        const QJsonObject job = firstJob(
            api.post(kActivate, activateBody(u"lock"_s, u"w1"_s, {{u"timeout"_s, 1000}})).data());
        const qint64 deadline = isoMs(job.value(u"deadline"_s));
        auto held = holdActivation(server.port(), u"lock"_s, u"w2"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 1);
        QTRY_VERIFY_WITH_TIMEOUT(held->isDone(), 4000);
        QVERIFY(Clock::nowMs() >= deadline);
        const QJsonObject got = firstJob(held->data());
        QCOMPARE(got.value(u"key"_s).toString(), key);
        QCOMPARE(got.value(u"worker"_s).toString(), u"w2"_s);
        QCOMPARE(got.value(u"attempt"_s).toInt(), 2);
        QVERIFY(isoMs(got.value(u"activated_at"_s)) >= deadline);

        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ACTIVE"_s);
        const QJsonObject details = api.get(jobPath(key)).data();
        QCOMPARE(details.value(u"worker_assignment"_s).toObject().value(u"worker_id"_s).toString(),
                 u"w2"_s);
        QCOMPARE(actionsOf(details), QStringList({u"JOB_CREATED"_s, u"JOB_ACTIVATED"_s,
                                                  u"JOB_TIMED_OUT"_s, u"JOB_ACTIVATED"_s}));
        QCOMPARE(api.put(jobPath(key, u"/complete"_s), {}).status, 200);
        QCOMPARE(store.state(key), u"COMPLETED"_s);
    }

    void scheduledJobIsHandedOutWhenDue()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response created =
            api.post(u"/api/v1/jobs"_s, jobBody(u"later"_s, {}, {{u"delay"_s, u"PT0.3S"_s}}));
        QCOMPARE(created.data().value(u"status"_s).toString(), u"SCHEDULED"_s);
        const QString key = created.data().value(u"job_key"_s).toString();
        const qint64 runAt = isoMs(created.data().value(u"run_at"_s));
        QCOMPARE(api.activate(u"later"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 0);

        auto held = holdActivation(server.port(), u"later"_s, u"w1"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(held->isDone(), 4000);
        QVERIFY(held->answeredAfterMs() < 2000);
        const QJsonObject job = firstJob(held->data());
        QCOMPARE(job.value(u"key"_s).toString(), key);
        QVERIFY(isoMs(job.value(u"activated_at"_s)) >= runAt);
        QCOMPARE(actionsOf(api.get(jobPath(key)).data()),
                 QStringList({u"JOB_CREATED"_s, u"JOB_SCHEDULED"_s, u"JOB_ACTIVATED"_s}));
    }

    void awaitHeldUntilCompletion()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        HttpCall await(server.port(), "GET", jobPath(key, u"/await?timeout=5000"_s));
        QElapsedTimer clock;
        clock.start();
        // The server answers other requests meanwhile; the await stays held.
        QCOMPARE(api.get(jobPath(key, u"/status"_s)).data().value(u"status"_s).toString(),
                 u"ACTIVE"_s);
        QCOMPARE(api.get(u"/api/v1/health"_s).status, 200);
        QVERIFY(!await.isDone());
        const qint64 beforeComplete = clock.elapsed();
        QCOMPARE(api.put(jobPath(key, u"/complete"_s), {}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(await.isDone(), 3000);
        QVERIFY(await.answeredAfterMs() >= beforeComplete);
        QCOMPARE(await.status(), 200);
        QCOMPARE(await.data().value(u"job_key"_s).toString(), key);
        QCOMPARE(await.data().value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(await.data().value(u"terminal"_s).toBool(), true);

        // A job that is already finished answers at once.
        const ApiClient::Response done = api.get(jobPath(key, u"/await?timeout=5000"_s));
        QCOMPARE(done.data().value(u"terminal"_s).toBool(), true);
    }

    void awaitTimesOut()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        HttpCall await(server.port(), "GET", jobPath(key, u"/await?timeout=200"_s));
        QTRY_VERIFY_WITH_TIMEOUT(await.isDone(), 3000);
        QCOMPARE(await.status(), 200);
        QCOMPARE(await.data().value(u"terminal"_s).toBool(true), false);
        QCOMPARE(await.data().value(u"status"_s).toString(), u"ACTIVE"_s);
        QVERIFY2(await.answeredAfterMs() >= 190 && await.answeredAfterMs() < 1500,
                 qPrintable(QString::number(await.answeredAfterMs())));
    }

    void awaitOnADeletedJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"t"_s));
        HttpCall await(server.port(), "GET", jobPath(key, u"/await?timeout=5000"_s));
        QCOMPARE(api.get(jobPath(key, u"/status"_s)).status, 200);
        QVERIFY(!await.isDone());
        QCOMPARE(api.del(jobPath(key)).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(await.isDone(), 3000);
        QCOMPARE(await.status(), 404);
        QCOMPARE(await.errorCode(), u"JOB_NOT_FOUND"_s);
        QCOMPARE(await.json()
                     .value(u"error"_s)
                     .toObject()
                     .value(u"details"_s)
                     .toObject()
                     .value(u"job_key"_s)
                     .toString(),
                 key);
    }

    void awaitErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("knownJob");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addRow("unknown key") << u"?timeout=100"_s << false << 404 << u"JOB_NOT_FOUND"_s;
        QTest::addRow("timeout=abc") << u"?timeout=abc"_s << true << 400 << u"VALIDATION_ERROR"_s;
        QTest::addRow("timeout=-1") << u"?timeout=-1"_s << true << 400 << u"VALIDATION_ERROR"_s;
        QTest::addRow("timeout above 600000")
            << u"?timeout=600001"_s << true << 400 << u"VALIDATION_ERROR"_s;
    }
    void awaitErrors()
    {
        QFETCH(QString, query);
        QFETCH(bool, knownJob);
        QFETCH(int, status);
        QFETCH(QString, code);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = knownJob ? api.createJob(jobBody(u"t"_s)) : u"srv1-job-nonexistent"_s;
        const ApiClient::Response r = api.get(jobPath(key, u"/await"_s + query));
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        if (status == 400)
            QCOMPARE(fieldErrorKeys(r.error()), QStringList{u"timeout"_s});
    }

    void clientLeavingDuringAHeldPoll()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        auto gone = holdActivation(server.port(), u"leave"_s, u"gone-worker"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 1);
        gone->abort();
        // The server notices the closed connection and forgets that waiter.
        QTRY_COMPARE_WITH_TIMEOUT(heldLongPolls(api), 0, 3000);
        auto live = holdActivation(server.port(), u"leave"_s, u"live-worker"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 1);

        const QString key = api.createJob(jobBody(u"leave"_s));
        QTRY_VERIFY_WITH_TIMEOUT(live->isDone(), 4000);
        QCOMPARE(firstJob(live->data()).value(u"key"_s).toString(), key);
        const QJsonObject details = api.get(jobPath(key)).data();
        QCOMPARE(details.value(u"worker_assignment"_s).toObject().value(u"worker_id"_s).toString(),
                 u"live-worker"_s);
        QCOMPARE(actionsOf(details), QStringList({u"JOB_CREATED"_s, u"JOB_ACTIVATED"_s}));
        QCOMPARE(api.get(u"/api/v1/health"_s).status, 200);
    }

    void clientLeavingRightAfterTheHandOver()
    {
        // Whatever the race, a job given to a client that left is not lost: it goes to the next
        // waiting poll (or back to the queue), never stays locked by the dead one.
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        auto gone = holdActivation(server.port(), u"leave"_s, u"gone-worker"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 1);
        auto live = holdActivation(server.port(), u"leave"_s, u"live-worker"_s, 5000);
        QTRY_COMPARE(heldLongPolls(api), 2);
        gone->abort();
        const QString key = api.createJob(jobBody(u"leave"_s));
        QTRY_VERIFY_WITH_TIMEOUT(live->isDone(), 4000);
        QCOMPARE(firstJob(live->data()).value(u"key"_s).toString(), key);
        QCOMPARE(api.get(jobPath(key))
                     .data()
                     .value(u"worker_assignment"_s)
                     .toObject()
                     .value(u"worker_id"_s)
                     .toString(),
                 u"live-worker"_s);
    }

    void manyConcurrentPolls()
    {
        constexpr int kPolls = 200;
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        std::vector<std::unique_ptr<HttpCall>> polls;
        for (int i = 0; i < kPolls; ++i)
            polls.push_back(holdActivation(server.port(), u"many"_s, u"w%1"_s.arg(i), 10000,
                                           {{u"max_jobs"_s, 1}}));
        QTRY_COMPARE_WITH_TIMEOUT(heldLongPolls(api), kPolls, 8000);
        QJsonArray jobs;
        for (int i = 0; i < kPolls; ++i)
            jobs.append(jobBody(u"many"_s, {{u"i"_s, i}}));
        QCOMPARE(api.post(u"/api/v1/jobs/batch"_s, {{u"jobs"_s, jobs}}).status, 201);
        const auto allDone = [&polls] {
            for (const auto &p : polls)
                if (!p->isDone())
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allDone(), 8000);
        QSet<QString> keys;
        for (const auto &p : polls) {
            QCOMPARE(p->status(), 200);
            QCOMPARE(p->data().value(u"activated_count"_s).toInt(), 1);
            keys.insert(firstJob(p->data()).value(u"key"_s).toString());
        }
        QCOMPARE(keys.size(), kPolls);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs WHERE state = 3"_s), kPolls);
        QCOMPARE(heldLongPolls(api), 0);
    }
};

QTEST_GUILESS_MAIN(TestApiLongPoll)
#include "tst_api_longpoll.moc"
