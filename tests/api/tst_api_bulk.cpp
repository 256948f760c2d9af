// Bulk operations over a filter (issue 18, API.md "Bulk operations over a filter"): started with
// POST /api/v1/bulk-operations, run by the server in steps, read back and stopped over the API;
// refusals, tenant scope, jobs created after the start, a restart in the middle. Both stores.
#include "OpsTestKit.h"

using namespace OpsTestKit;

namespace {
const QString kOps = u"/api/v1/bulk-operations"_s;

// Creates `count` jobs of `type` in batches; returns their keys in creation order.
QStringList createJobs(ApiClient &api, const QString &type, int count,
                       const QJsonObject &extra = {})
{
    QStringList keys;
    while (keys.size() < count) {
        QJsonArray jobs;
        for (int i = 0; i < qMin(500, int(count - keys.size())); ++i) {
            QJsonObject job = jobBody(type, {{u"n"_s, int(keys.size()) + i}}, extra);
            if (extra.contains(u"variables"_s))
                job.insert(u"variables"_s, extra.value(u"variables"_s));
            jobs.append(job);
        }
        const ApiClient::Response r = api.post(u"/api/v1/jobs/batch"_s, {{u"jobs"_s, jobs}});
        if (r.status != 201)
            return {};
        for (const QJsonValue &job : r.data().value(u"jobs"_s).toArray())
            keys.append(job.toObject().value(u"job_key"_s).toString());
    }
    return keys;
}

QJsonObject start(ApiClient &api, const QJsonObject &body)
{
    const ApiClient::Response r = api.post(kOps, body);
    return r.status == 202 ? r.data() : QJsonObject{{u"status_code"_s, r.status}};
}

QJsonObject operation(ApiClient &api, const QString &id)
{
    return api.get(kOps + u"/"_s + id).data();
}

// Waits until the operation is no longer RUNNING; returns it as then read.
QJsonObject finished(ApiClient &api, const QString &id, int timeoutMs = 20'000)
{
    QElapsedTimer clock;
    clock.start();
    QJsonObject o = operation(api, id);
    while (o.value(u"status"_s).toString() == u"RUNNING"_s && clock.elapsed() < timeoutMs) {
        QTest::qWait(50);
        o = operation(api, id);
    }
    return o;
}

QStringList refusalCodes(const QJsonObject &o)
{
    QStringList codes;
    for (const QJsonValue &r : o.value(u"refusals"_s).toArray())
        codes.append(r.toObject().value(u"code"_s).toString());
    return codes;
}

int retriesOf(const QJsonObject &details)
{
    return details.value(u"retry_configuration"_s).toObject().value(u"retries"_s).toInt();
}

int jobsIn(StoreProbe &store, const QString &type, JobState state)
{
    return store.count(u"SELECT COUNT(*) FROM jobs WHERE type = ? AND state = ?"_s,
                       {type, int(state)});
}

// Slow steps: an operation over a few hundred jobs runs for a while.
ServerSettings slowSteps(int stepJobs, int busyPercent)
{
    ServerSettings s;
    s.bulkStepJobs = stepJobs;
    s.bulkBusyPercent = busyPercent;
    return s;
}
} // namespace

class TestApiBulk : public QObject
{
    Q_OBJECT
private slots:
    void badRequestsAreRefused()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        ApiClient::Response r = admin.post(kOps, {});
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.error()), (QStringList{u"action"_s, u"filter"_s}));
        r = admin.post(
            kOps, {{u"action"_s, u"purge"_s},
                   {u"filter"_s,
                    QJsonObject{{u"page"_s, u"2"_s}, {u"state"_s, u"sleeping"_s}, {u"type"_s, 7}}},
                   {u"retries"_s, 2},
                   {u"force"_s, true}});
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(fieldErrorKeys(r.error()),
                 (QStringList{u"action"_s, u"filter.page"_s, u"filter.state"_s, u"filter.type"_s,
                              u"force"_s}));
        r = admin.post(
            kOps, {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{}}, {u"retries"_s, 2}});
        QCOMPARE(fieldErrorKeys(r.error()), QStringList{u"retries"_s});
        r = admin.post(
            kOps, {{u"action"_s, u"retry"_s}, {u"filter"_s, QJsonObject{}}, {u"retries"_s, 0}});
        QCOMPARE(fieldErrorKeys(r.error()), QStringList{u"retries"_s});
        r = admin.post(kOps, {{u"action"_s, u"delete"_s}, {u"filter"_s, u"all"_s}});
        QCOMPARE(fieldErrorKeys(r.error()), QStringList{u"filter"_s});

        r = admin.get(kOps + u"/srv1-bulk-nothing"_s);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"BULK_OPERATION_NOT_FOUND"_s);
        QCOMPARE(admin.del(kOps + u"/srv1-bulk-nothing"_s).errorCode(),
                 u"BULK_OPERATION_NOT_FOUND"_s);

        // Admin only: a job key may act on single jobs, not on every job of a filter.
        ApiClient worker(server.port(), createKey(admin, u"worker"_s, {u"job"_s}));
        QCOMPARE(
            worker.post(kOps, {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{}}}).status,
            403);
        QCOMPARE(worker.get(kOps).status, 403);
    }

    void cancelActsOnEveryMatchingJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString done = jobIn(api, u"COMPLETED"_s, u"mail"_s);
        const QStringList jobs = createJobs(api, u"mail"_s, 30);
        QCOMPARE(jobs.size(), 30);
        QCOMPARE(api.activate(u"mail"_s, u"w1"_s, 3).value(u"activated_count"_s).toInt(), 3);
        const QStringList others = createJobs(api, u"sms"_s, 5);

        const QJsonObject started = start(api, {{u"action"_s, u"cancel"_s},
                                                {u"filter"_s, QJsonObject{{u"type"_s, u"mail"_s}}},
                                                {u"reason"_s, u"campaign withdrawn"_s}});
        QCOMPARE(started.value(u"status"_s).toString(), u"RUNNING"_s);
        QCOMPARE(started.value(u"action"_s).toString(), u"cancel"_s);
        QCOMPARE(started.value(u"filter"_s).toObject(), (QJsonObject{{u"type"_s, u"mail"_s}}));
        QCOMPARE(started.value(u"matched"_s).toInt(), 31);
        QCOMPARE(started.value(u"created_by"_s).toString(), adminKeyName());
        const QString id = started.value(u"operation_id"_s).toString();
        QVERIFY2(id.startsWith(u"srv1-bulk-"_s), qPrintable(id));

        const QJsonObject o = finished(api, id);
        QCOMPARE(o.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(o.value(u"processed"_s).toInt(), 31);
        QCOMPARE(o.value(u"succeeded"_s).toInt(), 30); // the 3 ACTIVE ones too
        QCOMPARE(o.value(u"refused"_s).toInt(), 1);
        QCOMPARE(refusalCodes(o), QStringList{u"JOB_NOT_CANCELLABLE"_s});
        QCOMPARE(o.value(u"refusals"_s).toArray().first().toObject().value(u"job_key"_s).toString(),
                 done);
        QVERIFY(!o.value(u"finished_at"_s).isNull());

        StoreProbe store(server.dbPath());
        QCOMPARE(jobsIn(store, u"mail"_s, JobState::Cancelled), 30);
        QCOMPARE(store.state(done), u"COMPLETED"_s);
        QCOMPARE(jobsIn(store, u"sms"_s, JobState::Created), int(others.size()));
        // The reason is in each job's history, as a single cancel puts it.
        const QJsonArray history =
            api.get(jobPath(jobs.first())).data().value(u"execution_history"_s).toArray();
        QCOMPARE(history.last().toObject().value(u"action"_s).toString(), u"JOB_CANCELLED"_s);
        QVERIFY2(QJsonDocument(history.last().toObject()).toJson().contains("campaign withdrawn"),
                 QJsonDocument(history.last().toObject()).toJson().constData());
        // And the list shows it, newest first.
        const QJsonArray listed = api.get(kOps).data().value(u"operations"_s).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(u"succeeded"_s).toInt(), 30);
    }

    void retryReopensFailedJobs()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QList<Failed> failed;
        for (int i = 0; i < 3; ++i)
            failed.append(failedJob(api, u"pay"_s));
        const QString done = jobIn(api, u"COMPLETED"_s, u"pay"_s);
        const QString waiting = api.createJob(jobBody(u"pay"_s));

        // state=failed,completed: the completed job is refused, the waiting one not looked at.
        const QJsonObject started = start(
            api, {{u"action"_s, u"retry"_s},
                  {u"filter"_s, QJsonObject{{u"type"_s, u"pay"_s},
                                            {u"state"_s, QJsonArray{u"failed"_s, u"completed"_s}}}},
                  {u"retries"_s, 2}});
        QCOMPARE(started.value(u"matched"_s).toInt(), 4);
        QCOMPARE(started.value(u"retries"_s).toInt(), 2);
        const QJsonObject o = finished(api, started.value(u"operation_id"_s).toString());
        QCOMPARE(o.value(u"succeeded"_s).toInt(), 3);
        QCOMPARE(refusalCodes(o), QStringList{u"JOB_NOT_RETRYABLE"_s});
        for (const Failed &f : std::as_const(failed)) {
            const QJsonObject job = api.get(jobPath(f.jobKey)).data();
            QCOMPARE(job.value(u"status"_s).toString(), u"CREATED"_s);
            QCOMPARE(retriesOf(job), 2);
            QCOMPARE(api.get(u"/api/v1/incidents/"_s + f.incidentId)
                         .data()
                         .value(u"status"_s)
                         .toString(),
                     u"RESOLVED"_s);
        }
        QCOMPARE(retriesOf(api.get(jobPath(waiting)).data()), 3);
        // The reopened jobs are handed out again.
        QCOMPARE(api.activate(u"pay"_s, u"w2"_s, 10).value(u"activated_count"_s).toInt(), 4);
    }

    void deleteLeavesActiveJobsAndFindsBySearch()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        createJobs(api, u"report"_s, 6, {{u"variables"_s, QJsonObject{{u"c"_s, u"acme & co"_s}}}});
        createJobs(api, u"report"_s, 4);
        QCOMPARE(api.activate(u"report"_s, u"w1"_s, 1).value(u"activated_count"_s).toInt(), 1);
        // The search filter with characters a query string would have to escape.
        QTRY_COMPARE(api.get(u"/api/v1/jobs?q=acme%20%26&type=report"_s)
                         .data()
                         .value(u"pagination"_s)
                         .toObject()
                         .value(u"total_count"_s)
                         .toInt(),
                     6);
        const QJsonObject started = start(
            api, {{u"action"_s, u"delete"_s},
                  {u"filter"_s, QJsonObject{{u"q"_s, u"acme &"_s}, {u"type"_s, u"report"_s}}}});
        QCOMPARE(started.value(u"matched"_s).toInt(), 6);
        const QJsonObject o = finished(api, started.value(u"operation_id"_s).toString());
        QCOMPARE(o.value(u"processed"_s).toInt(), 6);
        // The oldest job was activated: it stays, refused; the other five are gone.
        QCOMPARE(o.value(u"succeeded"_s).toInt(), 5);
        QCOMPARE(refusalCodes(o), QStringList{u"JOB_NOT_DELETABLE"_s});
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs WHERE type = 'report'"_s), 5);
        QCOMPARE(api.get(u"/api/v1/jobs?type=report"_s)
                     .data()
                     .value(u"summary"_s)
                     .toObject()
                     .value(u"total_jobs"_s)
                     .toInt(),
                 5); // counters follow the deletes
    }

    void jobsCreatedAfterTheStartAreNotTouched()
    {
        TestServer server(slowSteps(20, 5));
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(createJobs(api, u"late"_s, 200).size(), 200);
        const QJsonObject started = start(
            api, {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{{u"type"_s, u"late"_s}}}});
        const QString id = started.value(u"operation_id"_s).toString();
        const QStringList later = createJobs(api, u"late"_s, 5);
        QCOMPARE(later.size(), 5);
        // Still running: the later jobs came while it worked through the earlier ones.
        QCOMPARE(operation(api, id).value(u"status"_s).toString(), u"RUNNING"_s);
        const QJsonObject o = finished(api, id);
        QCOMPARE(o.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(o.value(u"matched"_s).toInt(), 200);
        QCOMPARE(o.value(u"succeeded"_s).toInt(), 200);
        StoreProbe store(server.dbPath());
        for (const QString &key : later)
            QCOMPARE(store.state(key), u"CREATED"_s);
        QCOMPARE(jobsIn(store, u"late"_s, JobState::Cancelled), 200);
    }

    void stopKeepsWhatWasDone()
    {
        TestServer server(slowSteps(20, 5));
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(createJobs(api, u"bulk"_s, 1000).size(), 1000);
        const QJsonObject started = start(
            api, {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{{u"type"_s, u"bulk"_s}}}});
        const QString id = started.value(u"operation_id"_s).toString();
        QTRY_VERIFY(operation(api, id).value(u"processed"_s).toInt() >= 40);
        const ApiClient::Response stopped = api.del(kOps + u"/"_s + id);
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.data().value(u"status"_s).toString(), u"CANCELLED"_s);
        QCOMPARE(stopped.data().value(u"stopped_by"_s).toString(), adminKeyName());
        const int processed = stopped.data().value(u"processed"_s).toInt();
        QVERIFY2(processed < 1000, qPrintable(QString::number(processed)));
        QTest::qWait(300); // no step after the stop
        const QJsonObject o = operation(api, id);
        QCOMPARE(o.value(u"processed"_s).toInt(), processed);
        QVERIFY(!o.value(u"finished_at"_s).isNull());
        StoreProbe store(server.dbPath());
        QCOMPARE(jobsIn(store, u"bulk"_s, JobState::Cancelled), processed);
        QCOMPARE(jobsIn(store, u"bulk"_s, JobState::Created), 1000 - processed);
        // Stopping a finished operation changes nothing.
        QCOMPARE(api.del(kOps + u"/"_s + id).data().value(u"processed"_s).toInt(), processed);
    }

    void tenantScopedAdminTouchesOnlyItsTenants()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        createJobs(admin, u"t"_s, 4, {{u"tenant_id"_s, u"acme"_s}});
        createJobs(admin, u"t"_s, 3, {{u"tenant_id"_s, u"other"_s}});
        ApiClient acme(server.port(), createKey(admin, u"acme-admin"_s, {u"admin"_s}, {u"acme"_s}));
        ApiClient other(server.port(),
                        createKey(admin, u"other-admin"_s, {u"admin"_s}, {u"other"_s}));

        QCOMPARE(acme.post(kOps, {{u"action"_s, u"cancel"_s},
                                  {u"filter"_s, QJsonObject{{u"tenant_id"_s, u"other"_s}}}})
                     .status,
                 403);
        const QJsonObject started =
            start(acme, {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{}}});
        QCOMPARE(started.value(u"matched"_s).toInt(), 4);
        const QString id = started.value(u"operation_id"_s).toString();
        QCOMPARE(finished(acme, id).value(u"succeeded"_s).toInt(), 4);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs WHERE tenant_id = 'acme' AND state = ?"_s,
                             {int(JobState::Cancelled)}),
                 4);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs WHERE tenant_id = 'other' AND state = ?"_s,
                             {int(JobState::Created)}),
                 3);
        // Seen by its tenant's keys and by keys of every tenant, not by another tenant's.
        QCOMPARE(other.get(kOps + u"/"_s + id).status, 404);
        QCOMPARE(other.del(kOps + u"/"_s + id).status, 404);
        QVERIFY(other.get(kOps).data().value(u"operations"_s).toArray().isEmpty());
        QCOMPARE(admin.get(kOps + u"/"_s + id).status, 200);
        QCOMPARE(acme.get(kOps).data().value(u"total_count"_s).toInt(), 1);
    }

    // The store keeps the newest bulk_keep_operations operations: starting one forgets the
    // oldest finished ones with their refusals; a running one is never forgotten.
    void onlyTheNewestAreKept()
    {
        ServerSettings settings = slowSteps(10, 5);
        settings.bulkKeepOperations = 2;
        TestServer server(settings);
        ApiClient api(server.port(), TestServer::kAdminKey);
        QVERIFY(!jobIn(api, u"COMPLETED"_s, u"keep"_s).isEmpty());
        QCOMPARE(createJobs(api, u"keep-long"_s, 300).size(), 300);
        const auto startOn = [&](const QString &type) {
            return start(api, {{u"action"_s, u"cancel"_s},
                               {u"filter"_s, QJsonObject{{u"type"_s, type}}}})
                .value(u"operation_id"_s)
                .toString();
        };
        const QString running = startOn(u"keep-long"_s); // runs for a while
        const QString first = startOn(u"keep"_s);        // refused: the job is completed
        QCOMPARE(finished(api, first).value(u"refused"_s).toInt(), 1);
        const QString second = startOn(u"keep"_s);
        QCOMPARE(finished(api, second).value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(operation(api, running).value(u"status"_s).toString(), u"RUNNING"_s);
        const QString third = startOn(u"keep"_s);             // the newest two: third and second
        QCOMPARE(api.get(kOps + u"/"_s + first).status, 404); // forgotten
        QCOMPARE(api.get(kOps + u"/"_s + second).status, 200);
        QCOMPARE(finished(api, third).value(u"status"_s).toString(), u"COMPLETED"_s);
        const QString fourth = startOn(u"keep"_s);
        QCOMPARE(api.get(kOps + u"/"_s + second).status, 404);
        QCOMPARE(api.get(kOps + u"/"_s + third).status, 200);
        QCOMPARE(api.get(kOps + u"/"_s + fourth).status, 200);
        QCOMPARE(api.get(kOps + u"/"_s + running).status, 200); // running: never forgotten
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM bulk_operation_refusals WHERE "
                             "operation_key = ?"_s,
                             {first}),
                 0);
        QCOMPARE(api.del(kOps + u"/"_s + running).status, 200);
    }

    void aRestartedServerGoesOn()
    {
        TestServer server(slowSteps(20, 5));
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(createJobs(api, u"long"_s, 400).size(), 400);
        const QString id = start(api, {{u"action"_s, u"cancel"_s},
                                       {u"filter"_s, QJsonObject{{u"type"_s, u"long"_s}}}})
                               .value(u"operation_id"_s)
                               .toString();
        QTRY_VERIFY(operation(api, id).value(u"processed"_s).toInt() >= 20);
        QCOMPARE(operation(api, id).value(u"status"_s).toString(), u"RUNNING"_s);
        server.restart();
        const QJsonObject o = finished(api, id);
        QCOMPARE(o.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(o.value(u"processed"_s).toInt(), 400); // each job once
        QCOMPARE(o.value(u"succeeded"_s).toInt(), 400);
        StoreProbe store(server.dbPath());
        QCOMPARE(jobsIn(store, u"long"_s, JobState::Cancelled), 400);
    }
};

QTEST_GUILESS_MAIN(TestApiBulk)
#include "tst_api_bulk.moc"
