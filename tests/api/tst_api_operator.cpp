// The operator's routes over HTTP: PATCH /jobs/:key, bulk delete, pausing and resuming job
// types, GET /job-types and GET /workers; tenants and permissions of each.
#include "OpsTestKit.h"

using namespace OpsTestKit;

namespace {
const QString kJobs = u"/api/v1/jobs"_s;
const QString kTypes = u"/api/v1/job-types"_s;

QJsonObject typeEntry(ApiClient &api, const QString &type)
{
    for (const QJsonValue &v : api.get(kTypes).data().value(u"job_types"_s).toArray())
        if (v.toObject().value(u"type"_s).toString() == type)
            return v.toObject();
    return {};
}

QJsonObject workerEntry(ApiClient &api, const QString &worker)
{
    for (const QJsonValue &v : api.get(u"/api/v1/workers"_s).data().value(u"workers"_s).toArray())
        if (v.toObject().value(u"worker_id"_s).toString() == worker)
            return v.toObject();
    return {};
}

QJsonObject batchOf(const QString &type, int n, const QJsonObject &extra = {})
{
    QJsonArray jobs;
    for (int i = 0; i < n; ++i)
        jobs.append(jobBody(type, {{u"i"_s, i}}, extra));
    return {{u"jobs"_s, jobs}};
}
} // namespace

class TestApiOperator : public QObject
{
    Q_OBJECT
private slots:
    void patchRetriesOfAFailedJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed f = failedJob(api, u"pay"_s);
        const ApiClient::Response r = api.patch(jobPath(f.jobKey), {{u"retries"_s, 3}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toString(), u"CREATED"_s);
        QCOMPARE(r.data().value(u"retries"_s).toInt(), 3);
        QCOMPARE(r.data()["incident_resolved"_L1]["incident_id"_L1].toString(), f.incidentId);
        const QStringList actions = actionsOf(api.get(jobPath(f.jobKey)).data());
        QCOMPARE(actions.mid(actions.size() - 2),
                 (QStringList{u"JOB_RETRIES_UPDATED"_s, u"INCIDENT_RESOLVED"_s}));
        const QJsonObject incident = api.get(u"/api/v1/incidents/"_s + f.incidentId).data();
        QCOMPARE(incident.value(u"status"_s).toString(), u"RESOLVED"_s);
        QCOMPARE(incident.value(u"resolved_by"_s).toString(), adminKeyName());
        QCOMPARE(api.activate(u"pay"_s, u"w2"_s).value(u"activated_count"_s).toInt(), 1);
    }

    void patchRetriesOfZeroKeepsAFailedJobFailed()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed f = failedJob(api, u"pay"_s);
        const ApiClient::Response r = api.patch(jobPath(f.jobKey), {{u"retries"_s, 0}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY(r.data().value(u"incident_resolved"_s).isNull());
        QCOMPARE(api.get(u"/api/v1/incidents/"_s + f.incidentId).data()["status"_L1].toString(),
                 u"OPEN"_s);
    }

    void patchTimeoutMovesTheDeadline()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"t"_s));
        const ApiClient::Response activated = api.post(
            kJobs + u"/activate"_s, activateBody(u"t"_s, u"w1"_s, {{u"timeout"_s, 3'600'000}}));
        QCOMPARE(activated.data().value(u"activated_count"_s).toInt(), 1);
        const qint64 before = Clock::nowMs();
        const ApiClient::Response r = api.patch(jobPath(key), {{u"timeout"_s, u"PT2S"_s}});
        QCOMPARE(r.status, 200);
        const qint64 deadline = isoMs(r.data().value(u"deadline"_s));
        QVERIFY(deadline >= before + 2000 && deadline <= Clock::nowMs() + 2000);
        QCOMPARE(r.data().value(u"timeout_ms"_s).toInteger(), 2000);
        QCOMPARE(actionsOf(api.get(jobPath(key)).data()).last(), u"JOB_TIMEOUT_UPDATED"_s);
        // The engine's timer follows the new deadline: the lock expires in about 2 s, not 1 h.
        QTRY_COMPARE_WITH_TIMEOUT(StoreProbe(server.dbPath()).state(key), u"CREATED"_s, 10000);
    }

    void patchPriorityChangesActivationOrder()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        api.createJob(jobBody(u"t"_s));
        const QString second = api.createJob(jobBody(u"t"_s));
        QCOMPARE(api.patch(jobPath(second), {{u"priority"_s, 50}}).status, 200);
        const QJsonObject got = api.activate(u"t"_s, u"w1"_s, 1);
        QCOMPARE(firstJob(got).value(u"key"_s).toString(), second);
        QCOMPARE(firstJob(got).value(u"priority"_s).toInt(), 50);
    }

    void patchConflicts()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString done = jobIn(api, u"COMPLETED"_s, u"done"_s);
        const ApiClient::Response retries = api.patch(jobPath(done), {{u"retries"_s, 2}});
        QCOMPARE(retries.status, 409);
        QCOMPARE(retries.errorCode(), u"JOB_NOT_RETRYABLE"_s);
        QCOMPARE(currentStatus(retries), u"COMPLETED"_s);
        const ApiClient::Response priority = api.patch(jobPath(done), {{u"priority"_s, 2}});
        QCOMPARE(priority.status, 409);
        QCOMPARE(priority.errorCode(), u"JOB_NOT_UPDATABLE"_s);
        QCOMPARE(api.patch(jobPath(u"srv1-job-1"_s), {{u"priority"_s, 2}}).status, 404);
    }

    void patchValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::addRow("empty") << QJsonObject() << u"body"_s;
        QTest::addRow("unknown field") << QJsonObject{{u"retry"_s, 1}} << u"retry"_s;
        QTest::addRow("retries range") << QJsonObject{{u"retries"_s, 101}} << u"retries"_s;
        QTest::addRow("timeout format") << QJsonObject{{u"timeout"_s, u"5m"_s}} << u"timeout"_s;
        QTest::addRow("priority range") << QJsonObject{{u"priority"_s, 500}} << u"priority"_s;
    }
    void patchValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"t"_s));
        const ApiClient::Response r =
            api.send("PATCH", jobPath(key), QJsonDocument(body).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
    }

    void bulkDeleteByState()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QStringList completed;
        for (int i = 0; i < 3; ++i)
            completed.append(jobIn(api, u"COMPLETED"_s, u"c%1"_s.arg(i)));
        const QString waiting = jobIn(api, u"CREATED"_s, u"w"_s);
        const QString active = jobIn(api, u"ACTIVE"_s, u"a"_s);
        const ApiClient::Response r = api.del(kJobs + u"?state=completed"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"deleted_count"_s).toInt(), 3);
        QCOMPARE(r.data()["filters_applied"_L1]["state"_L1].toString(), u"completed"_s);
        StoreProbe store(server.dbPath());
        for (const QString &key : completed) {
            QCOMPARE(store.state(key), QString());
            QCOMPARE(store.eventCount(key), 0);
        }
        QCOMPARE(store.state(waiting), u"CREATED"_s);
        // Without a state filter, ACTIVE jobs still stay.
        QCOMPARE(api.del(kJobs + u"?type=a"_s).data().value(u"deleted_count"_s).toInt(), 0);
        QCOMPARE(store.state(active), u"ACTIVE"_s);
    }

    void bulkDeleteByCreationTime()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString old = api.createJob(jobBody(u"t"_s));
        const qint64 oldAt = isoMs(api.get(jobPath(old)).data().value(u"created_at"_s));
        QTRY_VERIFY(Clock::nowMs() > oldAt + 5); // the next job gets a later created_at
        const QString young = api.createJob(jobBody(u"t"_s));
        const qint64 youngAt = isoMs(api.get(jobPath(young)).data().value(u"created_at"_s));
        const ApiClient::Response r = api.del(kJobs + u"?created_before="_s +
                                              Clock::toIso(youngAt).replace(u"+"_s, u"%2B"_s));
        QCOMPARE(r.data().value(u"deleted_count"_s).toInt(), 1);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(old), QString());
        QCOMPARE(store.state(young), u"CREATED"_s);
        QCOMPARE(api.del(kJobs + u"?created_after="_s + Clock::toIso(oldAt))
                     .data()["deleted_count"_L1]
                     .toInt(),
                 1);
        QCOMPARE(store.state(young), QString());
    }

    void bulkDeleteRunsInBoundedTransactions()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(api.post(kJobs + u"/batch"_s, batchOf(u"bulk"_s, 700)).status, 201);
        const QString other = api.createJob(jobBody(u"keep"_s));
        const ApiClient::Response r = api.del(kJobs + u"?state=pending&type=bulk"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"deleted_count"_s).toInt(), 1400);
        QVERIFY2(r.data().value(u"transactions"_s).toInt() >= 3,
                 "at most 500 jobs per transaction");
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 1);
        QCOMPARE(store.state(other), u"CREATED"_s);
    }

    void bulkDeleteValidation_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addRow("no filter") << QString() << u"state"_s;
        QTest::addRow("active") << u"state=active"_s << u"state"_s;
        QTest::addRow("unknown state") << u"state=done"_s << u"state"_s;
        QTest::addRow("unknown filter") << u"stat=completed"_s << u"stat"_s;
        QTest::addRow("bad time") << u"created_before=yesterday"_s << u"created_before"_s;
        QTest::addRow("bad type") << u"type=a%20b"_s << u"type"_s;
    }
    void bulkDeleteValidation()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"COMPLETED"_s);
        const ApiClient::Response r = api.del(kJobs + u"?"_s + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
        QCOMPARE(StoreProbe(server.dbPath()).state(key), u"COMPLETED"_s);
    }

    void bulkDeleteKeepsToTheKeysTenants()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const QString acme = admin.createJob(jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"acme"_s}}));
        const QString other = admin.createJob(jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"other"_s}}));
        ApiClient acmeAdmin(server.port(), createKey(admin, u"acme"_s, {u"admin"_s}, {u"acme"_s}));
        QCOMPARE(acmeAdmin.del(kJobs + u"?tenant_id=other"_s).status, 403);
        const ApiClient::Response r = acmeAdmin.del(kJobs + u"?state=created"_s);
        QCOMPARE(r.data().value(u"deleted_count"_s).toInt(), 1);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(acme), QString());
        QCOMPARE(store.state(other), u"CREATED"_s);
    }

    void pauseAndResume()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response paused =
            api.put(kTypes + u"/pay/pause"_s, {{u"reason"_s, u"bank down"_s}});
        QCOMPARE(paused.status, 200);
        QCOMPARE(paused.data().value(u"paused"_s).toBool(), true);
        QCOMPARE(paused.data().value(u"paused_by"_s).toString(), adminKeyName());
        QVERIFY(isoMs(paused.data().value(u"paused_at"_s)) > 0);
        const QString first = api.createJob(jobBody(u"pay"_s));
        QCOMPARE(api.activate(u"pay"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 0);

        // A held long poll keeps waiting while new jobs arrive...
        HttpCall poll(server.port(), "POST", kJobs + u"/activate"_s,
                      activateBody(u"pay"_s, u"poller"_s,
                                   {{u"request_timeout"_s, 20000}, {u"max_jobs"_s, 1}}));
        QTRY_COMPARE(heldLongPolls(api), 1);
        api.createJob(jobBody(u"pay"_s));
        QCOMPARE(api.get(jobPath(first, u"/status"_s)).status, 200); // a full round trip later
        QVERIFY(!poll.isDone());
        const QJsonObject entry = typeEntry(api, u"pay"_s);
        QCOMPARE(entry.value(u"paused"_s).toBool(), true);
        QCOMPARE(entry["depth"_L1]["CREATED"_L1].toInt(), 2);
        QCOMPARE(entry.value(u"long_polls_waiting"_s).toInt(), 1);
        QCOMPARE(entry["pause_history"_L1][0]["action"_L1].toString(), u"JOB_TYPE_PAUSED"_s);
        QVERIFY(api.get(u"/metrics"_s).body.contains("jobdeck_job_type_paused{type=\"pay\"} 1"));

        // ...and gets the oldest job the moment the type resumes.
        const ApiClient::Response resumed = api.put(kTypes + u"/pay/resume"_s, {});
        QCOMPARE(resumed.status, 200);
        QCOMPARE(resumed.data().value(u"paused"_s).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(poll.isDone(), 5000);
        QCOMPARE(poll.jobs().size(), 1);
        QCOMPARE(poll.jobs().at(0).toObject().value(u"key"_s).toString(), first);
        QCOMPARE(typeEntry(api, u"pay"_s).value(u"paused"_s).toBool(), false);
        QCOMPARE(api.activate(u"pay"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 1);
    }

    void pauseSurvivesARestart()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(api.put(kTypes + u"/pay/pause"_s, {}).status, 200);
        QCOMPARE(api.put(kTypes + u"/pay/pause"_s, {}).status, 200); // twice: no change
        api.createJob(jobBody(u"pay"_s));
        server.restart();
        ApiClient again(server.port(), TestServer::kAdminKey);
        QCOMPARE(again.activate(u"pay"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 0);
        QCOMPARE(typeEntry(again, u"pay"_s).value(u"pause_history"_s).toArray().size(), 1);
        QCOMPARE(again.put(kTypes + u"/pay/resume"_s, {}).status, 200);
        QCOMPARE(again.activate(u"pay"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 1);
    }

    void jobTypesAndWorkers()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString waiting = api.createJob(jobBody(u"mail"_s));
        const qint64 waitingAt = isoMs(api.get(jobPath(waiting)).data().value(u"created_at"_s));
        api.createJob(jobBody(u"pay"_s));
        api.createJob(jobBody(u"pay"_s));
        api.createJob(jobBody(u"pay"_s));
        const QJsonArray got = api.activate(u"pay"_s, u"w1"_s, 3).value(u"jobs"_s).toArray();
        QCOMPARE(got.size(), 3);
        api.put(jobPath(got[0]["key"_L1].toString(), u"/complete"_s), {});
        api.put(jobPath(got[1]["key"_L1].toString(), u"/fail"_s), {{u"retries"_s, 0}});
        HttpCall poll(server.port(), "POST", kJobs + u"/activate"_s,
                      activateBody(u"pay"_s, u"w1"_s, {{u"request_timeout"_s, 20000}}));
        QTRY_COMPARE(heldLongPolls(api), 1);

        const QJsonObject pay = typeEntry(api, u"pay"_s);
        QCOMPARE(pay["depth"_L1]["ACTIVE"_L1].toInt(), 1);
        QCOMPARE(pay["depth"_L1]["COMPLETED"_L1].toInt(), 1);
        QCOMPARE(pay["depth"_L1]["FAILED"_L1].toInt(), 1);
        QCOMPARE(pay["depth"_L1]["CREATED"_L1].toInt(), 0);
        QCOMPARE(pay.value(u"active_workers"_s).toInt(), 1);
        QCOMPARE(pay.value(u"paused"_s).toBool(), false);
        QVERIFY(pay.value(u"oldest_waiting_at"_s).isNull());
        const QJsonObject mail = typeEntry(api, u"mail"_s);
        QCOMPARE(mail["depth"_L1]["CREATED"_L1].toInt(), 1);
        QCOMPARE(isoMs(mail.value(u"oldest_waiting_at"_s)), waitingAt);

        const QJsonObject w1 = workerEntry(api, u"w1"_s);
        QCOMPARE(w1.value(u"types"_s).toArray(), QJsonArray{u"pay"_s});
        QCOMPARE(w1.value(u"active_jobs"_s).toInt(), 1);
        QCOMPARE(w1.value(u"completed"_s).toInt(), 1);
        QCOMPARE(w1.value(u"failed"_s).toInt(), 1);
        QCOMPARE(w1.value(u"long_polling"_s).toInt(), 1);
        QVERIFY(isoMs(w1.value(u"last_seen_at"_s)) > 0);
        poll.abort();
        QTRY_COMPARE(workerEntry(api, u"w1"_s).value(u"long_polling"_s).toInt(), 0);
    }

    void tenantsOfJobTypesAndWorkers()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        admin.createJob(jobBody(u"pay"_s, {}, {{u"tenant_id"_s, u"acme"_s}}));
        admin.createJob(jobBody(u"pay"_s, {}, {{u"tenant_id"_s, u"other"_s}}));
        admin.createJob(jobBody(u"secret"_s, {}, {{u"tenant_id"_s, u"other"_s}}));
        admin.post(kJobs + u"/activate"_s,
                   activateBody(u"secret"_s, u"other-worker"_s,
                                {{u"tenant_ids"_s, QJsonArray{u"other"_s}}}));
        ApiClient acme(server.port(), createKey(admin, u"acme"_s, {u"job"_s}, {u"acme"_s}));
        QCOMPARE(typeEntry(acme, u"pay"_s)["depth"_L1]["CREATED"_L1].toInt(), 1);
        QVERIFY(typeEntry(acme, u"secret"_s).isEmpty());
        QCOMPARE(typeEntry(admin, u"pay"_s)["depth"_L1]["CREATED"_L1].toInt(), 2);
        QVERIFY(workerEntry(acme, u"other-worker"_s).isEmpty());
        QVERIFY(!workerEntry(admin, u"other-worker"_s).isEmpty());
        // A pause holds for every tenant: a key of some tenants may not set it.
        QCOMPARE(acme.put(kTypes + u"/pay/pause"_s, {}).status, 403);
        QCOMPARE(acme.patch(jobPath(admin.createJob(
                                jobBody(u"x"_s, {}, {{u"tenant_id"_s, u"other"_s}}))),
                            {{u"priority"_s, 1}})
                     .status,
                 404);
    }

    void permissions_data()
    {
        QTest::addColumn<QString>("permission");
        QTest::addColumn<QList<int>>(
            "expected"); // patch, bulk delete, types, pause, resume, workers
        QTest::addRow("read") << u"read"_s << QList<int>{403, 403, 200, 403, 403, 200};
        QTest::addRow("job") << u"job"_s << QList<int>{200, 403, 200, 200, 200, 200};
        QTest::addRow("admin") << u"admin"_s << QList<int>{200, 200, 200, 200, 200, 200};
    }
    void permissions()
    {
        QFETCH(QString, permission);
        QFETCH(QList<int>, expected);
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const QString key = admin.createJob(jobBody(u"t"_s));
        ApiClient api(server.port(), createKey(admin, u"k"_s, {permission}));
        const QList<int> got{
            api.patch(jobPath(key), {{u"priority"_s, 1}}).status,
            api.del(kJobs + u"?state=completed"_s).status,
            api.get(kTypes).status,
            api.put(kTypes + u"/t/pause"_s, {}).status,
            api.put(kTypes + u"/t/resume"_s, {}).status,
            api.get(u"/api/v1/workers"_s).status,
        };
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestApiOperator)
#include "tst_api_operator.moc"
