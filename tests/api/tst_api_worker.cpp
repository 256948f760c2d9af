// The worker's side of the API: activate (seed 002), complete (seed 001), fail, throw-error,
// follow-up jobs. Progress (seed 003) is in tst_api_progress.cpp.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kActivate = u"/api/v1/jobs/activate"_s;

} // namespace

class TestApiWorker : public QObject
{
    Q_OBJECT
private slots:
    void activateAnswersSeedShape()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject context{{u"process_instance_id"_s, u"srv1-aB3dEf9hK2mN5pQ8uV"_s},
                                  {u"element_id"_s, u"send-confirmation-email"_s},
                                  {u"element_instance_id"_s, u"srv1-elem-aB3dEf9h"_s}};
        const QJsonObject headers{{u"template"_s, u"order-confirmation"_s}};
        const QJsonObject vars{{u"recipient"_s, u"customer@example.com"_s}};
        const QString first = api.createJob(
            jobBody(u"email-service"_s, vars,
                    {{u"process_context"_s, context}, {u"custom_headers"_s, headers}}));
        const QString second = api.createJob(jobBody(u"email-service"_s));
        const ApiClient::Response r =
            api.post(kActivate, activateBody(u"email-service"_s, u"email-worker-01"_s,
                                             {{u"max_jobs"_s, 5}, {u"timeout"_s, 60000}}));
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"worker"_s).toString(), u"email-worker-01"_s);
        QCOMPARE(d.value(u"activated_count"_s).toInt(), 2);
        QCOMPARE(d.value(u"timeout"_s).toInt(), 60000);
        const QJsonArray jobs = d.value(u"jobs"_s).toArray();
        QCOMPARE(jobs.size(), 2);
        const QJsonObject job = jobs.at(0).toObject();
        QCOMPARE(job.value(u"key"_s).toString(), first);
        QCOMPARE(jobs.at(1).toObject().value(u"key"_s).toString(), second);
        QCOMPARE(job.value(u"type"_s).toString(), u"email-service"_s);
        QCOMPARE(job.value(u"process_instance_id"_s), context.value(u"process_instance_id"_s));
        QCOMPARE(job.value(u"element_id"_s), context.value(u"element_id"_s));
        QCOMPARE(job.value(u"element_instance_id"_s), context.value(u"element_instance_id"_s));
        QCOMPARE(job.value(u"worker"_s).toString(), u"email-worker-01"_s);
        QCOMPARE(job.value(u"retries"_s).toInt(), 3);
        QCOMPARE(isoMs(job.value(u"deadline"_s)) - isoMs(job.value(u"activated_at"_s)), 60000);
        QVERIFY(isoMs(job.value(u"created_at"_s)) <= isoMs(job.value(u"activated_at"_s)));
        QCOMPARE(job.value(u"variables"_s).toObject(), vars);
        QCOMPARE(job.value(u"custom_headers"_s).toObject(), headers);
        QCOMPARE(job.value(u"tenant_id"_s).toString(), u"default"_s);
        QCOMPARE(job.value(u"priority"_s).toInt(), 0);
        QCOMPARE(job.value(u"attempt"_s).toInt(), 1);
        QVERIFY(jobs.at(1).toObject().value(u"process_instance_id"_s).isNull());
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(first), u"ACTIVE"_s);
        QCOMPARE(store.state(second), u"ACTIVE"_s);
    }

    void activateEmpty()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r =
            api.post(kActivate, activateBody(u"email-service"_s, u"email-worker-01"_s,
                                             {{u"timeout"_s, 60000}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data(), QJsonObject({{u"jobs"_s, QJsonArray()},
                                        {u"worker"_s, u"email-worker-01"_s},
                                        {u"activated_count"_s, 0},
                                        {u"timeout"_s, 60000}}));
    }

    void activateValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QJsonObject>("errors");
        QTest::addRow("seed 002: all four")
            << QJsonObject{{u"max_jobs"_s, 0}, {u"timeout"_s, 999}}
            << QJsonObject{
                   {u"type"_s, u"Job type is required"_s},
                   {u"worker"_s, u"Worker ID is required"_s},
                   {u"max_jobs"_s, u"Max jobs must be between 1 and 100"_s},
                   {u"timeout"_s, u"Timeout must be between 1000 and 3600000 milliseconds"_s}};
        const auto one = [](const char *field) {
            return QJsonObject{{QLatin1String(field), QJsonValue(QJsonValue::Null)}};
        };
        QTest::addRow("type charset") << activateBody(u"a b"_s, u"w"_s) << one("type");
        QTest::addRow("worker 101 chars")
            << activateBody(u"t"_s, QString(101, u'w')) << one("worker");
        QTest::addRow("max_jobs 101")
            << activateBody(u"t"_s, u"w"_s, {{u"max_jobs"_s, 101}}) << one("max_jobs");
        QTest::addRow("timeout 3600001")
            << activateBody(u"t"_s, u"w"_s, {{u"timeout"_s, 3600001}}) << one("timeout");
        QTest::addRow("timeout a string")
            << activateBody(u"t"_s, u"w"_s, {{u"timeout"_s, u"PT1M"_s}}) << one("timeout");
        QTest::addRow("fetch_variables not a list")
            << activateBody(u"t"_s, u"w"_s, {{u"fetch_variables"_s, u"a"_s}})
            << one("fetch_variables");
        QTest::addRow("request_timeout -1")
            << activateBody(u"t"_s, u"w"_s, {{u"request_timeout"_s, -1}}) << one("request_timeout");
    }
    void activateValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QJsonObject, errors);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"t"_s));
        const ApiClient::Response r = api.post(kActivate, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(r.error().value(u"message"_s).toString(), u"Invalid request parameters"_s);
        QStringList expected = errors.keys();
        expected.sort();
        QCOMPARE(fieldErrorKeys(r.error()), expected);
        const QJsonObject got = errorDetails(r).value(u"field_errors"_s).toObject();
        for (auto it = errors.begin(); it != errors.end(); ++it)
            if (it.value().isString())
                QCOMPARE(got.value(it.key()).toString(), it.value().toString());
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"CREATED"_s);
    }

    void fetchVariables_data()
    {
        QTest::addColumn<QJsonArray>("fetch");
        QTest::addColumn<QStringList>("names");
        QTest::addRow("some") << QJsonArray{u"amount"_s, u"currency"_s, u"missing"_s}
                              << QStringList{u"amount"_s, u"currency"_s};
        QTest::addRow("empty = all")
            << QJsonArray() << QStringList{u"amount"_s, u"currency"_s, u"paymentMethod"_s};
    }
    void fetchVariables()
    {
        QFETCH(QJsonArray, fetch);
        QFETCH(QStringList, names);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(
            u"pay"_s,
            {{u"amount"_s, 299.99}, {u"currency"_s, u"USD"_s}, {u"paymentMethod"_s, u"credit"_s}}));
        const QJsonObject d =
            api.post(kActivate, activateBody(u"pay"_s, u"w"_s, {{u"fetch_variables"_s, fetch}}))
                .data();
        const QJsonObject vars = firstJob(d).value(u"variables"_s).toObject();
        QCOMPARE(vars.keys(), names);
        QCOMPARE(vars.value(u"amount"_s).toDouble(), 299.99);
        // The job keeps all of them.
        QCOMPARE(api.get(jobPath(key)).data().value(u"variables"_s).toObject().size(), 3);
    }

    void activationOrderAndMaxJobs()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QStringList keys; // created oldest first, with these priorities:
        for (int priority : {0, 5, 0, 5, -1, 100})
            keys.append(api.createJob(jobBody(u"ordered"_s, {}, {{u"priority"_s, priority}})));
        const QStringList expected{keys[5], keys[1], keys[3], keys[0], keys[2], keys[4]};
        QStringList got;
        for (int maxJobs : {2, 3, 5}) {
            const QJsonObject d = api.activate(u"ordered"_s, u"w"_s, maxJobs);
            QCOMPARE(d.value(u"activated_count"_s).toInt(), qMin(maxJobs, int(6 - got.size())));
            for (const QJsonValue &job : d.value(u"jobs"_s).toArray())
                got.append(job.toObject().value(u"key"_s).toString());
        }
        QCOMPARE(got, expected);
        QCOMPARE(api.activate(u"ordered"_s, u"w"_s).value(u"activated_count"_s).toInt(), 0);
    }

    void complete()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(
            u"pay"_s, {{u"amount"_s, 100}, {u"orderId"_s, u"ORD-1"_s}, {u"draft"_s, true}}));
        const QJsonObject job = firstJob(api.activate(u"pay"_s, u"payment-worker-02"_s));
        const QJsonObject result{{u"amount"_s, 299.99},
                                 {u"orderId"_s, u"ORD-1"_s},
                                 {u"paymentStatus"_s, u"completed"_s},
                                 {u"receipt"_s, QJsonObject{{u"id"_s, u"rcpt_789xyz"_s}}},
                                 {u"draft"_s, QJsonValue::Null}};
        const ApiClient::Response r =
            api.put(jobPath(key, u"/complete"_s), {{u"variables"_s, result}});
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"job_key"_s).toString(), key);
        QCOMPARE(d.value(u"status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(d.value(u"completed_by"_s).toString(), u"payment-worker-02"_s);
        QVERIFY(isoMs(d.value(u"completed_at"_s)) >= isoMs(job.value(u"activated_at"_s)));
        const QJsonObject summary = d.value(u"execution_summary"_s).toObject();
        QCOMPARE(summary.value(u"started_at"_s), job.value(u"activated_at"_s));
        const qint64 total = summary.value(u"total_duration_ms"_s).toInteger(-1);
        QVERIFY(total >= 0);
        QCOMPARE(summary.value(u"processing_time_ms"_s).toInteger() +
                     summary.value(u"system_overhead_ms"_s).toInteger(),
                 total);
        QCOMPARE(summary.value(u"retries_used"_s).toInt(-1), 0);
        const QJsonObject updated = d.value(u"variables_updated"_s).toObject();
        QCOMPARE(updated.value(u"added"_s).toArray(),
                 QJsonArray({u"paymentStatus"_s, u"receipt"_s}));
        QCOMPARE(updated.value(u"modified"_s).toArray(), QJsonArray{u"amount"_s});
        QCOMPARE(updated.value(u"removed"_s).toArray(), QJsonArray{u"draft"_s});
        QCOMPARE(d.value(u"result_variables"_s).toObject().value(u"paymentStatus"_s).toString(),
                 u"completed"_s);
        QVERIFY(!d.contains(u"process_continuation"_s)); // no context, no follow-ups

        const QJsonObject vars = api.get(jobPath(key)).data().value(u"variables"_s).toObject();
        QCOMPARE(vars.value(u"amount"_s).toDouble(), 299.99);
        QCOMPARE(vars.value(u"paymentStatus"_s).toString(), u"completed"_s);
        QVERIFY(!vars.contains(u"draft"_s));

        const ApiClient::Response twice = api.put(jobPath(key, u"/complete"_s), {});
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.errorCode(), u"JOB_NOT_COMPLETABLE"_s);
        const QJsonObject details = errorDetails(twice);
        QCOMPARE(details.value(u"current_status"_s).toString(), u"COMPLETED"_s);
        QCOMPARE(details.value(u"worker_id"_s).toString(), u"payment-worker-02"_s);
        QVERIFY(!details.value(u"reason"_s).toString().isEmpty());

        const ApiClient::Response unknown =
            api.put(jobPath(u"srv1-job-nonexistent"_s, u"/complete"_s), {});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), u"JOB_NOT_FOUND"_s);
        const QString waiting = api.createJob(jobBody(u"other"_s));
        const ApiClient::Response notActive = api.put(jobPath(waiting, u"/complete"_s), {});
        QCOMPARE(notActive.status, 409);
        QCOMPARE(currentStatus(notActive), u"CREATED"_s);
    }

    void completeWithBadVariables()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        const ApiClient::Response r = api.put(jobPath(key, u"/complete"_s), {{u"variables"_s, 42}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"INVALID_VARIABLES"_s);
        const QJsonArray errors = errorDetails(r).value(u"validation_errors"_s).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(u"field"_s).toString(), u"variables"_s);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ACTIVE"_s);
    }

    void failRetryable_data()
    {
        QTest::addColumn<QJsonObject>("create");
        QTest::addColumn<QJsonObject>("fail");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("backoffMs");
        QTest::addColumn<QString>("duration");
        // Backoffs of 1 s: shorter ones ran out under load before the "not yet" activation.
        QTest::addRow("fixed") << QJsonObject{} << QJsonObject{{u"backoff_duration"_s, u"PT1S"_s}}
                               << u"FIXED"_s << 1000 << u"PT1S"_s;
        QTest::addRow("exponential")
            << QJsonObject{} << QJsonObject{} << u"EXPONENTIAL"_s << 2000 << u"PT2S"_s;
        QTest::addRow("exponential, capped")
            << QJsonObject{{u"max_retry_delay_ms"_s, 1000}} << QJsonObject{} << u"EXPONENTIAL"_s
            << 1000 << u"PT1S"_s;
    }
    void failRetryable()
    {
        QFETCH(QJsonObject, create);
        QFETCH(QJsonObject, fail);
        QFETCH(QString, type);
        QFETCH(int, backoffMs);
        QFETCH(QString, duration);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"inv"_s, {{u"n"_s, 1}}, create));
        api.activate(u"inv"_s, u"inventory-worker-03"_s);
        fail.insert(u"retries"_s, 2);
        fail.insert(u"error_message"_s, u"Connection timeout"_s);
        const ApiClient::Response r = api.put(jobPath(key, u"/fail"_s), fail);
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"status"_s).toString(), u"FAILED_RETRYABLE"_s);
        QCOMPARE(d.value(u"retries"_s).toInt(), 2);
        QCOMPARE(d.value(u"attempt_number"_s).toInt(), 1);
        const QJsonObject strategy = d.value(u"retry_strategy"_s).toObject();
        QCOMPARE(strategy.value(u"backoff_type"_s).toString(), type);
        QCOMPARE(strategy.value(u"backoff_duration"_s).toString(), duration);
        QCOMPARE(isoMs(strategy.value(u"next_retry_at"_s)) - isoMs(d.value(u"failed_at"_s)),
                 backoffMs);
        const QJsonArray history = d.value(u"failure_history"_s).toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).toObject().value(u"attempt"_s).toInt(), 1);
        QCOMPARE(history.at(0).toObject().value(u"error"_s).toString(), u"Connection timeout"_s);
        QCOMPARE(history.at(0).toObject().value(u"worker_id"_s).toString(),
                 u"inventory-worker-03"_s);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"FAILED_RETRYABLE"_s);
        // The list entry and the details tell when the failed run ended (its duration).
        const QJsonObject entry =
            api.get(u"/api/v1/jobs?type=inv"_s).data().value(u"jobs"_s).toArray().at(0).toObject();
        QCOMPARE(isoMs(entry.value(u"attempt_ended_at"_s)), isoMs(d.value(u"failed_at"_s)));
        QVERIFY(isoMs(entry.value(u"attempt_ended_at"_s)) >= isoMs(entry.value(u"activated_at"_s)));
        QCOMPARE(api.get(jobPath(key, QString())).data().value(u"attempt_ended_at"_s),
                 entry.value(u"attempt_ended_at"_s));
        QCOMPARE(api.activate(u"inv"_s, u"w2"_s).value(u"activated_count"_s).toInt(), 0);
        if (backoffMs > 1000)
            return; // the long wait is covered by the short rows
        // After the backoff, a held activation gets it again: attempt 2, retries as left.
        QElapsedTimer clock;
        clock.start();
        const QJsonObject again = api.activate(u"inv"_s, u"w2"_s, 1, 5000);
        QCOMPARE(again.value(u"activated_count"_s).toInt(), 1);
        QVERIFY(clock.elapsed() < 3000);
        const QJsonObject job = firstJob(again);
        QCOMPARE(job.value(u"key"_s).toString(), key);
        QCOMPARE(job.value(u"attempt"_s).toInt(), 2);
        QCOMPARE(job.value(u"retries"_s).toInt(), 2);
        QVERIFY(isoMs(job.value(u"activated_at"_s)) >= isoMs(strategy.value(u"next_retry_at"_s)));
    }

    void failFinal()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        const ApiClient::Response r =
            api.put(jobPath(key, u"/fail"_s),
                    {{u"retries"_s, 0}, {u"error_message"_s, u"Service unavailable"_s}});
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"status"_s).toString(), u"FAILED"_s);
        QCOMPARE(d.value(u"total_attempts"_s).toInt(), 1);
        QVERIFY(!d.contains(u"retry_strategy"_s));
        const QJsonObject incident = d.value(u"incident_created"_s).toObject();
        const QString incidentId = incident.value(u"incident_id"_s).toString();
        QVERIFY(incidentId.startsWith(u"srv1-incident-"_s));
        QCOMPARE(incident.value(u"type"_s).toString(), u"JOB_FAILURE"_s);
        QCOMPARE(incident.value(u"status"_s).toString(), u"OPEN"_s);
        QVERIFY(isoMs(incident.value(u"created_at"_s)) > 0);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"FAILED"_s);
        QCOMPARE(store
                     .scalar(u"SELECT type || ' ' || status || ' ' || job_key FROM incidents "
                             "WHERE incident_key = ?"_s,
                             {incidentId})
                     .toString(),
                 u"JOB_FAILURE OPEN "_s + key);
        QCOMPARE(api.get(jobPath(key, u"/status"_s)).data().value(u"terminal"_s).toBool(), true);
    }

    void invalidRetryCount_data()
    {
        QTest::addColumn<int>("retries");
        QTest::addRow("above current") << 4;
        QTest::addRow("negative") << -1;
    }
    void invalidRetryCount()
    {
        QFETCH(int, retries);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        const ApiClient::Response r = api.put(jobPath(key, u"/fail"_s), {{u"retries"_s, retries}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"INVALID_RETRY_COUNT"_s);
        const QJsonObject details = errorDetails(r);
        QCOMPARE(details.value(u"provided_retries"_s).toInt(), retries);
        QCOMPARE(details.value(u"valid_range"_s).toString(), u"0-3"_s);
        QCOMPARE(details.value(u"current_retries"_s).toInt(), 3);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ACTIVE"_s);
    }

    void failNotActive_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addRow("created") << u"CREATED"_s;
        QTest::addRow("completed") << u"COMPLETED"_s;
        QTest::addRow("failed_retryable") << u"FAILED_RETRYABLE"_s;
    }
    void failNotActive()
    {
        QFETCH(QString, state);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, state);
        for (const QString &action : {u"/fail"_s, u"/throw-error"_s}) {
            const QJsonObject body{{u"retries"_s, 0}, {u"error_code"_s, u"E"_s}};
            const ApiClient::Response r = action == u"/fail"_s
                                              ? api.put(jobPath(key, action), body)
                                              : api.post(jobPath(key, action), body);
            QCOMPARE(r.status, 409);
            QCOMPARE(r.errorCode(), u"JOB_NOT_FAILABLE"_s);
            QCOMPARE(currentStatus(r), state);
        }
        QCOMPARE(api.put(jobPath(u"srv1-job-nope"_s, u"/fail"_s), {{u"retries"_s, 0}}).status, 404);
    }

    void throwErrorCodeValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addRow("missing") << QJsonObject{{u"error_message"_s, u"x"_s}};
        QTest::addRow("empty") << QJsonObject{{u"error_code"_s, u""_s}};
        QTest::addRow("space") << QJsonObject{{u"error_code"_s, u"PAYMENT DECLINED"_s}};
        QTest::addRow("101 chars") << QJsonObject{{u"error_code"_s, QString(101, u'E')}};
        QTest::addRow("number") << QJsonObject{{u"error_code"_s, 42}};
    }
    void throwErrorCodeValidation()
    {
        QFETCH(QJsonObject, body);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        const ApiClient::Response r = api.post(jobPath(key, u"/throw-error"_s), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"INVALID_ERROR_CODE"_s);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ACTIVE"_s);
    }

    void throwUnhandled()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(
            u"pay"_s, {{u"amount"_s, 5}},
            {{u"error_handlers"_s, QJsonObject{{u"OTHER"_s, QJsonObject{{u"type"_s, u"h"_s}}}}}}));
        api.activate(u"pay"_s, u"w1"_s);
        const ApiClient::Response r =
            api.post(jobPath(key, u"/throw-error"_s),
                     {{u"error_code"_s, u"PAYMENT_DECLINED"_s},
                      {u"error_message"_s, u"Card declined"_s},
                      {u"variables"_s, QJsonObject{{u"reason"_s, u"cvc"_s}}}});
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"status"_s).toString(), u"ERROR_THROWN"_s);
        QCOMPARE(d.value(u"thrown_by"_s).toString(), u"w1"_s);
        QVERIFY(isoMs(d.value(u"error_thrown_at"_s)) > 0);
        const QJsonObject error = d.value(u"error_details"_s).toObject();
        QCOMPARE(error.value(u"error_code"_s).toString(), u"PAYMENT_DECLINED"_s);
        QCOMPARE(error.value(u"error_message"_s).toString(), u"Card declined"_s);
        const QJsonObject completion = d.value(u"job_completion"_s).toObject();
        QCOMPARE(completion.value(u"completed_with_error"_s).toBool(), true);
        QVERIFY(completion.value(u"execution_duration_ms"_s).toInteger(-1) >= 0);
        const QJsonObject cont = d.value(u"process_continuation"_s).toObject();
        QCOMPARE(cont.value(u"error_handled"_s).toBool(true), false);
        QCOMPARE(cont.value(u"next_activities"_s).toArray().size(), 0);
        const QJsonObject incident = d.value(u"incident_created"_s).toObject();
        QCOMPARE(incident.value(u"type"_s).toString(), u"UNHANDLED_ERROR"_s);
        QCOMPARE(incident.value(u"status"_s).toString(), u"OPEN"_s);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ERROR_THROWN"_s);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM incidents WHERE type = 'UNHANDLED_ERROR' "
                             "AND status = 'OPEN' AND error_code = 'PAYMENT_DECLINED'"_s),
                 1);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 1); // no follow-up
        const QJsonObject details = api.get(jobPath(key)).data();
        QCOMPARE(
            details.value(u"failure_information"_s).toObject().value(u"error_code"_s).toString(),
            u"PAYMENT_DECLINED"_s);
        QCOMPARE(details.value(u"incident_information"_s)
                     .toObject()
                     .value(u"incident_type"_s)
                     .toString(),
                 u"UNHANDLED_ERROR"_s);
    }

    void throwHandled_data()
    {
        QTest::addColumn<QString>("handlerCode");
        QTest::addRow("by code") << u"PAYMENT_DECLINED"_s;
        QTest::addRow("by *") << u"*"_s;
    }
    void throwHandled()
    {
        QFETCH(QString, handlerCode);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject handlers{{handlerCode, QJsonObject{{u"type"_s, u"notify-customer"_s}}}};
        const QString key =
            api.createJob(jobBody(u"pay"_s, {{u"orderId"_s, u"ORD-9"_s}},
                                  {{u"error_handlers"_s, handlers}, {u"tenant_id"_s, u"acme"_s}}));
        api.activate(u"pay"_s, u"w1"_s);
        const ApiClient::Response r =
            api.post(jobPath(key, u"/throw-error"_s),
                     {{u"error_code"_s, u"PAYMENT_DECLINED"_s},
                      {u"error_message"_s, u"Card declined"_s},
                      {u"variables"_s, QJsonObject{{u"reason"_s, u"cvc"_s}}}});
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"status"_s).toString(), u"ERROR_THROWN"_s);
        QVERIFY(!d.contains(u"incident_created"_s));
        const QJsonObject cont = d.value(u"process_continuation"_s).toObject();
        QCOMPARE(cont.value(u"error_handled"_s).toBool(), true);
        const QJsonObject boundary = cont.value(u"error_boundary_triggered"_s).toObject();
        QCOMPARE(boundary.value(u"error_code_matched"_s).toString(), handlerCode);
        QVERIFY(isoMs(boundary.value(u"triggered_at"_s)) > 0);
        const QJsonArray next = cont.value(u"next_activities"_s).toArray();
        QCOMPARE(next.size(), 1);
        const QString followUp = next.at(0).toObject().value(u"job_key"_s).toString();

        const QJsonObject child = api.get(jobPath(followUp)).data();
        QCOMPARE(child.value(u"status"_s).toString(), u"CREATED"_s);
        QCOMPARE(child.value(u"type"_s).toString(), u"notify-customer"_s);
        QCOMPARE(child.value(u"tenant_id"_s).toString(), u"acme"_s);
        const QJsonObject vars = child.value(u"variables"_s).toObject();
        QCOMPARE(vars.value(u"orderId"_s).toString(), u"ORD-9"_s);
        QCOMPARE(vars.value(u"reason"_s).toString(), u"cvc"_s);
        QCOMPARE(vars.value(u"error_code"_s).toString(), u"PAYMENT_DECLINED"_s);
        QCOMPARE(vars.value(u"error_message"_s).toString(), u"Card declined"_s);
        QCOMPARE(api.get(jobPath(key)).data().value(u"follow_up_jobs"_s).toArray(),
                 QJsonArray{followUp});
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM incidents"_s), 0);
        QCOMPARE(api.activate(u"notify-customer"_s, u"w2"_s).value(u"activated_count"_s).toInt(),
                 1);
    }

    void nextJobsOnCompletion()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject context{{u"process_instance_id"_s, u"srv1-p1"_s},
                                  {u"element_id"_s, u"process-payment"_s},
                                  {u"token_id"_s, u"srv1-token-1"_s}};
        const QJsonArray nextJobs{
            QJsonObject{{u"type"_s, u"ship"_s},
                        {u"variables"_s, QJsonObject{{u"carrier"_s, u"ups"_s}}}},
            QJsonObject{{u"type"_s, u"invoice"_s}, {u"priority"_s, 5}}};
        const QString key =
            api.createJob(jobBody(u"pay"_s, {{u"orderId"_s, u"ORD-1"_s}, {u"amount"_s, 1}},
                                  {{u"next_jobs"_s, nextJobs}, {u"process_context"_s, context}}));
        api.activate(u"pay"_s, u"w1"_s);
        const ApiClient::Response r =
            api.put(jobPath(key, u"/complete"_s),
                    {{u"variables"_s, QJsonObject{{u"amount"_s, 2}, {u"paid"_s, true}}}});
        QCOMPARE(r.status, 200);
        const QJsonObject cont = r.data().value(u"process_continuation"_s).toObject();
        QCOMPARE(cont.value(u"process_instance_id"_s).toString(), u"srv1-p1"_s);
        QCOMPARE(cont.value(u"element_id"_s).toString(), u"process-payment"_s);
        QCOMPARE(cont.value(u"token_id"_s).toString(), u"srv1-token-1"_s);
        const QJsonArray next = cont.value(u"next_activities"_s).toArray();
        QCOMPARE(next.size(), 2);
        QStringList keys;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject activity = next.at(i).toObject();
            QCOMPARE(activity.value(u"type"_s).toString(), i == 0 ? u"ship"_s : u"invoice"_s);
            QCOMPARE(activity.value(u"status"_s).toString(), u"CREATED"_s);
            keys.append(activity.value(u"job_key"_s).toString());
        }
        const QJsonObject ship = api.get(jobPath(keys[0])).data();
        QCOMPARE(ship.value(u"variables"_s).toObject(), QJsonObject({{u"orderId"_s, u"ORD-1"_s},
                                                                     {u"amount"_s, 2},
                                                                     {u"paid"_s, true},
                                                                     {u"carrier"_s, u"ups"_s}}));
        QCOMPARE(ship.value(u"process_context"_s).toObject(), context);
        QCOMPARE(ship.value(u"parent_job_key"_s).toString(), key);
        QCOMPARE(api.get(jobPath(keys[1])).data().value(u"priority"_s).toInt(), 5);
        QCOMPARE(api.get(jobPath(key)).data().value(u"follow_up_jobs"_s).toArray(),
                 QJsonArray::fromStringList(keys));
        QCOMPARE(api.activate(u"ship"_s, u"w2"_s).value(u"activated_count"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiWorker)
#include "tst_api_worker.moc"
