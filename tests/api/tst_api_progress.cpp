// Progress reports from a worker (seed 003): the progress block, deadline renewal, refusals.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kActivate = u"/api/v1/jobs/activate"_s;
} // namespace

class TestApiProgress : public QObject
{
    Q_OBJECT
private slots:
    void progress()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"import"_s));
        const QJsonObject job = firstJob(
            api.post(kActivate, activateBody(u"import"_s, u"w1"_s, {{u"timeout"_s, 2000}})).data());
        const qint64 firstDeadline = isoMs(job.value(u"deadline"_s));
        const ApiClient::Response r =
            api.put(jobPath(key, u"/progress"_s), {{u"total"_s, 1000},
                                                   {u"processed"_s, 450},
                                                   {u"succeeded"_s, 440},
                                                   {u"failed"_s, 10},
                                                   {u"message"_s, u"halfway"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(isoMs(r.data().value(u"deadline"_s)), firstDeadline);
        const QJsonObject d = api.get(jobPath(key)).data();
        const QJsonObject p = d.value(u"progress"_s).toObject();
        QCOMPARE(p.value(u"total_rows"_s).toInt(), 1000);
        QCOMPARE(p.value(u"processed_rows"_s).toInt(), 450);
        QCOMPARE(p.value(u"successful_rows"_s).toInt(), 440);
        QCOMPARE(p.value(u"failed_rows"_s).toInt(), 10);
        QCOMPARE(p.value(u"progress_percentage"_s).toDouble(), 45.0);
        QCOMPARE(p.value(u"remaining_rows"_s).toInt(), 550);
        QVERIFY(p.value(u"rows_per_second"_s).toDouble() > 0.0);
        QVERIFY(p.value(u"estimated_completion_seconds"_s).toInteger(-1) >= 0);
        QVERIFY(actionsOf(d).contains(u"JOB_PROGRESS"_s));
        QCOMPARE(
            api.get(jobPath(key, u"/status"_s)).data().value(u"progress_percentage"_s).toDouble(),
            45.0);

        // A heartbeat renews the lock.
        const ApiClient::Response beat =
            api.put(jobPath(key, u"/progress"_s),
                    {{u"total"_s, 1000}, {u"processed"_s, 500}, {u"extend_deadline"_s, true}});
        QCOMPARE(beat.status, 200);
        QVERIFY(isoMs(beat.data().value(u"deadline"_s)) > firstDeadline);
        QCOMPARE(api.get(jobPath(key)).data().value(u"deadline"_s),
                 beat.data().value(u"deadline"_s));

        const ApiClient::Response bad =
            api.put(jobPath(key, u"/progress"_s), {{u"total"_s, 10}, {u"processed"_s, 11}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(api.put(jobPath(key, u"/complete"_s), {}).status, 200);
        const ApiClient::Response late =
            api.put(jobPath(key, u"/progress"_s), {{u"total"_s, 1000}, {u"processed"_s, 600}});
        QCOMPARE(late.status, 409);
        QCOMPARE(currentStatus(late), u"COMPLETED"_s);
        QCOMPARE(api.put(jobPath(u"srv1-job-nope"_s, u"/progress"_s), {{u"total"_s, 1}}).status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TestApiProgress)
#include "tst_api_progress.moc"
