// Jobs as a client sees them: create (one and batch) with every validation rule, details in each
// state (seed 000), the light status, delete (seed 003) and cancel.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kJobs = u"/api/v1/jobs"_s;
} // namespace

class TestApiJobs : public QObject
{
    Q_OBJECT
private slots:
    void createAnswersWithDefaults()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject vars{{u"orderId"_s, u"ORD-1"_s}, {u"amount"_s, 299.99}};
        const ApiClient::Response r = api.post(kJobs, jobBody(u"payment-processor"_s, vars));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(u"success"_s).toBool(), true);
        const QJsonObject d = r.data();
        QVERIFY2(d.value(u"job_key"_s).toString().startsWith(u"srv1-job-"_s), r.body.constData());
        QCOMPARE(d.value(u"type"_s).toString(), u"payment-processor"_s);
        QCOMPARE(d.value(u"status"_s).toString(), u"CREATED"_s);
        QVERIFY(Clock::parseIso(d.value(u"created_at"_s).toString()).has_value());
        QVERIFY(d.value(u"deadline"_s).isNull());
        QVERIFY(d.value(u"run_at"_s).isNull());
        QCOMPARE(d.value(u"retries"_s).toInt(), 3);
        QCOMPARE(d.value(u"timeout_ms"_s).toInt(), 120000);
        QCOMPARE(d.value(u"tenant_id"_s).toString(), u"default"_s);
        QCOMPARE(d.value(u"priority"_s).toInt(), 0);
        QCOMPARE(d.value(u"variables"_s).toObject(), vars);
        QCOMPARE(d.value(u"custom_headers"_s).toObject(), QJsonObject());
        QCOMPARE(d.value(u"manual_job"_s).toBool(), true);
        QCOMPARE(d.value(u"available_for_activation"_s).toBool(), true);

        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(d.value(u"job_key"_s).toString()), u"CREATED"_s);
    }

    void createScheduled_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("status");
        const QString future = Clock::toIso(Clock::nowMs() + 3'600'000);
        const QString past = Clock::toIso(Clock::nowMs() - 3'600'000);
        QTest::addRow("run_at in the future")
            << QJsonObject{{u"run_at"_s, future}} << u"SCHEDULED"_s;
        QTest::addRow("delay") << QJsonObject{{u"delay"_s, u"PT30M"_s}} << u"SCHEDULED"_s;
        QTest::addRow("run_at in the past") << QJsonObject{{u"run_at"_s, past}} << u"CREATED"_s;
        QTest::addRow("all options")
            << QJsonObject{{u"retries"_s, 7},
                           {u"timeout"_s, u"PT1H30M"_s},
                           {u"priority"_s, -5},
                           {u"tenant_id"_s, u"acme"_s},
                           {u"custom_headers"_s, QJsonObject{{u"locale"_s, u"en-US"_s}}}}
            << u"CREATED"_s;
    }
    void createScheduled()
    {
        QFETCH(QJsonObject, extra);
        QFETCH(QString, status);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r = api.post(kJobs, jobBody(u"t"_s, {}, extra));
        QCOMPARE(r.status, 201);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"status"_s).toString(), status);
        QCOMPARE(d.value(u"available_for_activation"_s).toBool(), status == u"CREATED"_s);
        if (status == u"SCHEDULED"_s) {
            const qint64 runAt = Clock::parseIso(d.value(u"run_at"_s).toString()).value_or(0);
            QVERIFY(runAt > Clock::nowMs() + 1'000'000);
            QCOMPARE(api.activate(u"t"_s, u"w"_s).value(u"activated_count"_s).toInt(), 0);
        }
        if (extra.contains(u"retries"_s)) {
            QCOMPARE(d.value(u"retries"_s).toInt(), 7);
            QCOMPARE(d.value(u"timeout_ms"_s).toInt(), 5'400'000);
            QCOMPARE(d.value(u"priority"_s).toInt(), -5);
            QCOMPARE(d.value(u"tenant_id"_s).toString(), u"acme"_s);
            QCOMPARE(d.value(u"custom_headers"_s).toObject(), extra.value(u"custom_headers"_s));
        }
    }

    void createValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QStringList>("fields");
        const QJsonObject vars;
        QTest::addRow("missing type")
            << QJsonObject{{u"variables"_s, vars}} << QStringList{u"type"_s};
        QTest::addRow("type charset") << jobBody(u"bad type!"_s) << QStringList{u"type"_s};
        QTest::addRow("type 101 chars") << jobBody(QString(101, u'a')) << QStringList{u"type"_s};
        QTest::addRow("variables missing")
            << QJsonObject{{u"type"_s, u"t"_s}} << QStringList{u"variables"_s};
        QTest::addRow("variables an array")
            << QJsonObject{{u"type"_s, u"t"_s}, {u"variables"_s, QJsonArray{1}}}
            << QStringList{u"variables"_s};
        QTest::addRow("retries -1")
            << jobBody(u"t"_s, {}, {{u"retries"_s, -1}}) << QStringList{u"retries"_s};
        QTest::addRow("retries 101")
            << jobBody(u"t"_s, {}, {{u"retries"_s, 101}}) << QStringList{u"retries"_s};
        QTest::addRow("priority 101")
            << jobBody(u"t"_s, {}, {{u"priority"_s, 101}}) << QStringList{u"priority"_s};
        QTest::addRow("bad ISO timeout")
            << jobBody(u"t"_s, {}, {{u"timeout"_s, u"2 minutes"_s}}) << QStringList{u"timeout"_s};
        QTest::addRow("bad ISO delay")
            << jobBody(u"t"_s, {}, {{u"delay"_s, u"PTXS"_s}}) << QStringList{u"delay"_s};
        QTest::addRow("run_at and delay")
            << jobBody(u"t"_s, {},
                       {{u"run_at"_s, u"2030-01-01T00:00:00.000Z"_s}, {u"delay"_s, u"PT1M"_s}})
            << QStringList{u"delay"_s};
        QTest::addRow("every field at once")
            << QJsonObject{{u"type"_s, u"no spaces"_s},
                           {u"variables"_s, u"text"_s},
                           {u"retries"_s, 101},
                           {u"priority"_s, -101},
                           {u"timeout"_s, u"soon"_s}}
            << QStringList{u"priority"_s, u"retries"_s, u"timeout"_s, u"type"_s, u"variables"_s};
    }
    void createValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QStringList, fields);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r = api.post(kJobs, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        const QJsonObject errors = errorDetails(r).value(u"field_errors"_s).toObject();
        QCOMPARE(fieldErrorKeys(r.error()), fields);
        for (const QString &field : fields)
            QVERIFY(!errors.value(field).toString().isEmpty());
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 0);
    }

    void createBadBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray json = "application/json";
        QTest::addRow("broken JSON")
            << QByteArray(R"({"type": "t", "variables": {)") << json << 400 << u"INVALID_JSON"_s;
        QTest::addRow("JSON array") << QByteArray(R"([{"type": "t", "variables": {}}])") << json
                                    << 400 << u"VALIDATION_ERROR"_s;
        QTest::addRow("text/plain")
            << QByteArray(R"({"type": "t", "variables": {}})") << QByteArray("text/plain") << 415
            << u"UNSUPPORTED_MEDIA_TYPE"_s;
        QTest::addRow("nested 100 deep") << QByteArray(R"({"type": "t", "variables": {"v": )") +
                                                QByteArray(100, '[') + QByteArray(100, ']') + "}}"
                                         << json << 400 << u"VALIDATION_ERROR"_s;
        QTest::addRow("variables over 1 MiB")
            << QByteArray(R"({"type": "t", "variables": {"blob": ")") +
                   QByteArray(1024 * 1024 + 10, 'x') + "\"}}"
            << json << 400 << u"VALIDATION_ERROR"_s;
    }
    void createBadBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r =
            api.send("POST", kJobs, body, {{"Content-Type", contentType}});
        QCOMPARE(r.status, status);
        QCOMPARE(r.json.value(u"success"_s).toBool(true), false);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.error().value(u"message"_s).toString().isEmpty());
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 0);
    }

    void batchCreate()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QJsonArray jobs;
        for (int i = 0; i < 3; ++i)
            jobs.append(jobBody(u"batch"_s, {{u"i"_s, i}}, {{u"priority"_s, i}}));
        jobs.append(jobBody(u"batch"_s, {}, {{u"delay"_s, u"PT1H"_s}}));
        const ApiClient::Response r = api.post(kJobs + u"/batch"_s, {{u"jobs"_s, jobs}});
        QCOMPARE(r.status, 201);
        const QJsonArray created = r.data().value(u"jobs"_s).toArray();
        QCOMPARE(created.size(), 4);
        QStringList keys;
        for (int i = 0; i < 4; ++i) {
            const QJsonObject job = created.at(i).toObject();
            keys.append(job.value(u"job_key"_s).toString());
            QCOMPARE(job.value(u"type"_s).toString(), u"batch"_s);
            QCOMPARE(job.value(u"manual_job"_s).toBool(), true);
            QCOMPARE(job.value(u"status"_s).toString(), i < 3 ? u"CREATED"_s : u"SCHEDULED"_s);
        }
        QCOMPARE(created.at(1).toObject().value(u"variables"_s).toObject(),
                 QJsonObject({{u"i"_s, 1}}));
        QStringList sorted = keys;
        sorted.sort();
        QCOMPARE(sorted, keys); // time-ordered keys, in the order asked
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 4);
    }

    void batchInvalid_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QStringList>("fields");
        QTest::addRow("0 jobs") << QJsonObject{{u"jobs"_s, QJsonArray()}} << QStringList{u"jobs"_s};
        QJsonArray many;
        for (int i = 0; i < 1001; ++i)
            many.append(jobBody(u"t"_s));
        QTest::addRow("1001 jobs") << QJsonObject{{u"jobs"_s, many}} << QStringList{u"jobs"_s};
        QTest::addRow("no jobs field") << QJsonObject{} << QStringList{u"jobs"_s};
        QTest::addRow("one bad job")
            << QJsonObject{{u"jobs"_s, QJsonArray{jobBody(u"t"_s), jobBody(u"t"_s),
                                                  jobBody(u"bad type"_s, {}, {{u"retries"_s, -1}}),
                                                  jobBody(u"t"_s)}}}
            << QStringList{u"jobs[2].retries"_s, u"jobs[2].type"_s};
    }
    void batchInvalid()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QStringList, fields);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r = api.post(kJobs + u"/batch"_s, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(fieldErrorKeys(r.error()), fields);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), 0);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM job_events"_s), 0);
    }

    void detailsCreated()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QJsonObject context{{u"process_instance_id"_s, u"srv1-aB3dEf9hK2mN5pQ8uV"_s},
                                  {u"process_id"_s, u"order-processing"_s},
                                  {u"process_version"_s, 3},
                                  {u"element_id"_s, u"process-payment"_s}};
        const QJsonObject headers{{u"payment_provider"_s, u"stripe"_s}};
        const QString key = api.createJob(jobBody(
            u"payment-processor"_s, {{u"orderId"_s, u"ORD-12345"_s}},
            {{u"process_context"_s, context}, {u"custom_headers"_s, headers}, {u"priority"_s, 4}}));
        const ApiClient::Response r = api.get(jobPath(key));
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"job_key"_s).toString(), key);
        QCOMPARE(d.value(u"status"_s).toString(), u"CREATED"_s);
        QVERIFY(d.value(u"activated_at"_s).isNull());
        QVERIFY(d.value(u"deadline"_s).isNull());
        QCOMPARE(d.value(u"timeout_ms"_s).toInt(), 120000);
        QCOMPARE(d.value(u"process_context"_s).toObject(), context);
        QCOMPARE(d.value(u"custom_headers"_s).toObject(), headers);
        QCOMPARE(d.value(u"variables"_s).toObject(), QJsonObject({{u"orderId"_s, u"ORD-12345"_s}}));
        QCOMPARE(d.value(u"tenant_id"_s).toString(), u"default"_s);
        QCOMPARE(d.value(u"priority"_s).toInt(), 4);
        QVERIFY(!d.contains(u"worker_assignment"_s));
        QVERIFY(!d.contains(u"elapsed_time_ms"_s));
        const QJsonObject retry = d.value(u"retry_configuration"_s).toObject();
        QCOMPARE(retry.value(u"retries"_s).toInt(), 3);
        QCOMPARE(retry.value(u"original_retries"_s).toInt(), 3);
        QCOMPARE(retry.value(u"retries_used"_s).toInt(), 0);
        QCOMPARE(retry.value(u"retry_backoff"_s).toString(), u"EXPONENTIAL"_s);
        QCOMPARE(retry.value(u"max_retry_delay_ms"_s).toInt(), 60000);
        QCOMPARE(actionsOf(d), QStringList{u"JOB_CREATED"_s});

        const ApiClient::Response missing = api.get(jobPath(u"srv1-job-nonexistent"_s));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"JOB_NOT_FOUND"_s);
        QCOMPARE(errorDetails(missing).value(u"job_key"_s).toString(), u"srv1-job-nonexistent"_s);
    }

    void detailsActive()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"payment-processor"_s));
        const ApiClient::Response a = api.post(
            kJobs + u"/activate"_s, activateBody(u"payment-processor"_s, u"payment-worker-02"_s,
                                                 {{u"max_jobs"_s, 5}, {u"timeout"_s, 60000}}));
        QCOMPARE(a.data().value(u"activated_count"_s).toInt(), 1);
        const QJsonObject d = api.get(jobPath(key)).data();
        QCOMPARE(d.value(u"status"_s).toString(), u"ACTIVE"_s);
        const qint64 activatedAt = Clock::parseIso(d.value(u"activated_at"_s).toString()).value();
        const qint64 deadline = Clock::parseIso(d.value(u"deadline"_s).toString()).value();
        QCOMPARE(deadline - activatedAt, 60000);
        const qint64 elapsed = d.value(u"elapsed_time_ms"_s).toInteger(-1);
        const qint64 remaining = d.value(u"remaining_time_ms"_s).toInteger(-1);
        QVERIFY2(elapsed >= 0 && elapsed < 5000, qPrintable(QString::number(elapsed)));
        QVERIFY(remaining > 55000 && remaining <= 60000);
        const QJsonObject worker = d.value(u"worker_assignment"_s).toObject();
        QCOMPARE(worker.value(u"worker_id"_s).toString(), u"payment-worker-02"_s);
        QCOMPARE(worker.value(u"worker_type"_s).toString(), u"payment-processor"_s);
        QCOMPARE(worker.value(u"assigned_at"_s).toString(), d.value(u"activated_at"_s).toString());
        QCOMPARE(worker.value(u"max_jobs_for_worker"_s).toInt(), 5);
        QCOMPARE(worker.value(u"current_jobs_for_worker"_s).toInt(), 1);
        const QJsonObject metrics = d.value(u"performance_metrics"_s).toObject();
        QVERIFY(metrics.value(u"creation_to_activation_ms"_s).toInteger(-1) >= 0);
        QCOMPARE(metrics.value(u"timeout_risk"_s).toString(), u"LOW"_s);
        QCOMPARE(actionsOf(d), QStringList({u"JOB_CREATED"_s, u"JOB_ACTIVATED"_s}));
        const QJsonObject activated = d.value(u"execution_history"_s).toArray().at(1).toObject();
        QCOMPARE(activated.value(u"worker_id"_s).toString(), u"payment-worker-02"_s);
        QVERIFY(!activated.value(u"details"_s).toString().isEmpty());
    }

    void detailsCompleted()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key =
            api.createJob(jobBody(u"email-sender"_s, {{u"recipient"_s, u"a@example.com"_s}}));
        api.activate(u"email-sender"_s, u"email-worker-01"_s);
        const QJsonObject result{{u"emailSent"_s, true}, {u"messageId"_s, u"msg_abc"_s}};
        QCOMPARE(api.put(jobPath(key, u"/complete"_s), {{u"variables"_s, result}}).status, 200);
        const QJsonObject d = api.get(jobPath(key)).data();
        QCOMPARE(d.value(u"status"_s).toString(), u"COMPLETED"_s);
        QVERIFY(Clock::parseIso(d.value(u"completed_at"_s).toString()).has_value());
        QVERIFY(!d.contains(u"remaining_time_ms"_s));
        const QJsonObject summary = d.value(u"execution_summary"_s).toObject();
        for (const QString &field : {u"total_duration_ms"_s, u"activation_duration_ms"_s,
                                     u"processing_duration_ms"_s, u"system_overhead_ms"_s})
            QVERIFY2(summary.value(field).toInteger(-1) >= 0, qPrintable(field));
        QCOMPARE(summary.value(u"completed_by"_s).toString(), u"email-worker-01"_s);
        QCOMPARE(summary.value(u"result_variables"_s).toObject(), result);
        QCOMPARE(d.value(u"variables"_s).toObject().value(u"emailSent"_s).toBool(), true);
        QCOMPARE(d.value(u"variables"_s).toObject().value(u"recipient"_s).toString(),
                 u"a@example.com"_s);
        QVERIFY(d.value(u"performance_metrics"_s)
                    .toObject()
                    .contains(u"activation_to_completion_ms"_s));
        QCOMPARE(actionsOf(d),
                 QStringList({u"JOB_CREATED"_s, u"JOB_ACTIVATED"_s, u"JOB_COMPLETED"_s}));
        const QJsonObject done = d.value(u"execution_history"_s).toArray().at(2).toObject();
        QCOMPARE(done.value(u"worker_id"_s).toString(), u"email-worker-01"_s);
        QCOMPARE(done.value(u"result_summary"_s).toObject().value(u"variables_added"_s).toInt(), 2);
    }

    void detailsFailed()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob(jobBody(u"inventory-checker"_s, {}, {{u"retries"_s, 2}}));
        api.activate(u"inventory-checker"_s, u"inventory-worker-03"_s);
        QCOMPARE(api.put(jobPath(key, u"/fail"_s), {{u"retries"_s, 1},
                                                    {u"error_message"_s, u"Connection timeout"_s},
                                                    {u"backoff_duration"_s, u"PT0.1S"_s}})
                     .status,
                 200);
        // The retry comes due after 100 ms; a held activation gets it.
        const QJsonObject again =
            api.activate(u"inventory-checker"_s, u"inventory-worker-03"_s, 1, 5000);
        QCOMPARE(again.value(u"activated_count"_s).toInt(), 1);
        QCOMPARE(api.put(jobPath(key, u"/fail"_s),
                         {{u"retries"_s, 0}, {u"error_message"_s, u"Max retries exceeded"_s}})
                     .status,
                 200);
        const QJsonObject d = api.get(jobPath(key)).data();
        QCOMPARE(d.value(u"status"_s).toString(), u"FAILED"_s);
        QVERIFY(Clock::parseIso(d.value(u"failed_at"_s).toString()).has_value());
        const QJsonObject retry = d.value(u"retry_configuration"_s).toObject();
        QCOMPARE(retry.value(u"retries"_s).toInt(), 0);
        QCOMPARE(retry.value(u"original_retries"_s).toInt(), 2);
        QCOMPARE(retry.value(u"retries_used"_s).toInt(), 2);
        QCOMPARE(retry.value(u"retry_backoff"_s).toString(), u"FIXED"_s);

        const QJsonObject failure = d.value(u"failure_information"_s).toObject();
        QCOMPARE(failure.value(u"error_message"_s).toString(), u"Max retries exceeded"_s);
        QVERIFY(failure.contains(u"error_code"_s));
        QCOMPARE(failure.value(u"final_attempt"_s).toBool(), true);
        QCOMPARE(failure.value(u"total_attempts"_s).toInt(), 2);
        const QJsonArray history = failure.value(u"failure_history"_s).toArray();
        QCOMPARE(history.size(), 2);
        const QJsonObject first = history.at(0).toObject();
        QCOMPARE(first.value(u"attempt"_s).toInt(), 1);
        QCOMPARE(first.value(u"error"_s).toString(), u"Connection timeout"_s);
        QCOMPARE(first.value(u"backoff_ms"_s).toInt(), 100);
        QVERIFY(Clock::parseIso(first.value(u"failed_at"_s).toString()).has_value());
        const QJsonObject last = history.at(1).toObject();
        QCOMPARE(last.value(u"attempt"_s).toInt(), 2);
        QCOMPARE(last.value(u"error"_s).toString(), u"Max retries exceeded"_s);
        QCOMPARE(last.value(u"final_attempt"_s).toBool(), true);

        const QJsonObject incident = d.value(u"incident_information"_s).toObject();
        QCOMPARE(incident.value(u"incident_created"_s).toBool(), true);
        QVERIFY(incident.value(u"incident_id"_s).toString().startsWith(u"srv1-incident-"_s));
        QCOMPARE(incident.value(u"incident_type"_s).toString(), u"JOB_FAILURE"_s);
        QVERIFY(Clock::parseIso(incident.value(u"created_at"_s).toString()).has_value());
        QCOMPARE(actionsOf(d),
                 QStringList({u"JOB_CREATED"_s, u"JOB_ACTIVATED"_s, u"JOB_FAILED_RETRY"_s,
                              u"JOB_ACTIVATED"_s, u"JOB_FAILED_FINAL"_s, u"INCIDENT_CREATED"_s}));
        const QJsonObject retryEvent = d.value(u"execution_history"_s).toArray().at(2).toObject();
        QCOMPARE(retryEvent.value(u"attempt"_s).toInt(), 1);
        QCOMPARE(retryEvent.value(u"error"_s).toString(), u"Connection timeout"_s);
    }

    void lightStatus_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("terminal");
        QTest::addRow("created") << u"CREATED"_s << false;
        QTest::addRow("scheduled") << u"SCHEDULED"_s << false;
        QTest::addRow("active") << u"ACTIVE"_s << false;
        QTest::addRow("failed_retryable") << u"FAILED_RETRYABLE"_s << false;
        QTest::addRow("completed") << u"COMPLETED"_s << true;
        QTest::addRow("failed") << u"FAILED"_s << true;
        QTest::addRow("cancelled") << u"CANCELLED"_s << true;
    }
    void lightStatus()
    {
        QFETCH(QString, state);
        QFETCH(bool, terminal);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, state);
        QVERIFY(!key.isEmpty());
        const ApiClient::Response r = api.get(jobPath(key, u"/status"_s));
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        QCOMPARE(d.value(u"job_key"_s).toString(), key);
        QCOMPARE(d.value(u"status"_s).toString(), state);
        QCOMPARE(d.value(u"terminal"_s).toBool(!terminal), terminal);
        QVERIFY(Clock::parseIso(d.value(u"updated_at"_s).toString()).has_value());
        QVERIFY(d.value(u"retries"_s).isDouble());
        QVERIFY(!d.contains(u"variables"_s)); // light: no payload
        const ApiClient::Response missing = api.get(jobPath(u"srv1-job-nope"_s, u"/status"_s));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"JOB_NOT_FOUND"_s);
    }

    void deleteJob_data()
    {
        QTest::addColumn<QString>("state");
        for (const QString &state : {u"CREATED"_s, u"SCHEDULED"_s, u"FAILED_RETRYABLE"_s,
                                     u"COMPLETED"_s, u"FAILED"_s, u"CANCELLED"_s})
            QTest::addRow("%s", qPrintable(state)) << state;
    }
    void deleteJob()
    {
        QFETCH(QString, state);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, state, u"report"_s);
        const QString other = api.createJob(jobBody(u"report"_s));
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), state);
        QVERIFY(store.eventCount(key) > 0);
        const qint64 id = store.jobId(key);

        const ApiClient::Response r = api.del(jobPath(key));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"message"_s).toString(),
                 u"Job %1 deleted successfully"_s.arg(key));
        const QJsonObject deleted = r.data().value(u"deleted_job"_s).toObject();
        QCOMPARE(deleted.value(u"job_key"_s).toString(), key);
        QCOMPARE(deleted.value(u"status"_s).toString(), state);
        QCOMPARE(deleted.value(u"type"_s).toString(), u"report"_s);

        QCOMPARE(store.state(key), QString());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM job_events WHERE job_id = ?"_s, {id}), 0);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM incidents WHERE job_id = ?"_s, {id}), 0);
        QCOMPARE(store.state(other), u"CREATED"_s); // only that job
        QVERIFY(store.eventCount(other) > 0);
        QCOMPARE(api.get(jobPath(key)).errorCode(), u"JOB_NOT_FOUND"_s);
        const ApiClient::Response again = api.del(jobPath(key));
        QCOMPARE(again.status, 404);
        QCOMPARE(again.errorCode(), u"JOB_NOT_FOUND"_s);
    }

    void deleteActiveIsRefused()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        const ApiClient::Response r = api.del(jobPath(key));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"JOB_NOT_DELETABLE"_s);
        QCOMPARE(currentStatus(r), u"ACTIVE"_s);
        QVERIFY(r.error().value(u"message"_s).toString().contains(u"cancel the job first"_s));
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"ACTIVE"_s);
    }

    void cancel_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QByteArray>("method");
        for (const QString &state :
             {u"CREATED"_s, u"SCHEDULED"_s, u"FAILED_RETRYABLE"_s, u"ACTIVE"_s})
            for (const QByteArray method : {"PUT", "POST"})
                QTest::addRow("%s %s", qPrintable(state), method.constData()) << state << method;
    }
    void cancel()
    {
        QFETCH(QString, state);
        QFETCH(QByteArray, method);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, state);
        const ApiClient::Response r = api.send(method, jobPath(key, u"/cancel"_s),
                                               R"({"reason": "customer withdrew the order"})");
        QCOMPARE(r.status, 200);
        const QJsonObject d = r.data();
        const bool wasActive = state == u"ACTIVE"_s;
        QCOMPARE(d.value(u"job_key"_s).toString(), key);
        QCOMPARE(d.value(u"status"_s).toString(), u"CANCELLED"_s);
        QVERIFY(Clock::parseIso(d.value(u"cancelled_at"_s).toString()).has_value());
        QCOMPARE(d.value(u"cancelled_by"_s).toString(), adminKeyName());
        QCOMPARE(d.value(u"was_active"_s).toBool(!wasActive), wasActive);
        QCOMPARE(d.value(u"worker_id"_s).toString(), wasActive ? u"w1"_s : QString());
        QCOMPARE(d.value(u"cancellation_reason"_s).toString(), u"customer withdrew the order"_s);
        QVERIFY(d.value(u"message"_s).toString().contains(u"cancelled"_s));
        QCOMPARE(d.value(u"cancelled_job"_s).toObject().value(u"job_key"_s).toString(), key);

        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"CANCELLED"_s);
        const QJsonObject details = api.get(jobPath(key)).data();
        QCOMPARE(actionsOf(details).constLast(), u"JOB_CANCELLED"_s);
        QVERIFY(details.contains(u"cancelled_at"_s));
        QCOMPARE(api.get(jobPath(key, u"/status"_s)).data().value(u"terminal"_s).toBool(), true);
        // Nothing is handed out any more, even after its backoff or schedule.
        QCOMPARE(api.activate(u"t"_s, u"w2"_s).value(u"activated_count"_s).toInt(), 0);
    }

    void cancelRefused_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addRow("completed") << u"COMPLETED"_s;
        QTest::addRow("failed") << u"FAILED"_s;
        QTest::addRow("cancelled") << u"CANCELLED"_s;
    }
    void cancelRefused()
    {
        QFETCH(QString, state);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, state);
        for (const QByteArray method : {"PUT", "POST"}) {
            const ApiClient::Response r = api.send(method, jobPath(key, u"/cancel"_s), {});
            QCOMPARE(r.status, 409);
            QCOMPARE(r.errorCode(), u"JOB_NOT_CANCELLABLE"_s);
            QCOMPARE(currentStatus(r), state);
        }
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), state);
        QCOMPARE(api.put(jobPath(u"srv1-job-nope"_s, u"/cancel"_s), {}).errorCode(),
                 u"JOB_NOT_FOUND"_s);
    }

    void completingACancelledJob()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s);
        QCOMPARE(api.put(jobPath(key, u"/cancel"_s), {}).status, 200);
        const ApiClient::Response r =
            api.put(jobPath(key, u"/complete"_s), {{u"variables"_s, QJsonObject{{u"x"_s, 1}}}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"JOB_NOT_COMPLETABLE"_s);
        const QJsonObject details = errorDetails(r);
        QCOMPARE(details.value(u"current_status"_s).toString(), u"CANCELLED"_s);
        QCOMPARE(details.value(u"worker_id"_s).toString(), u"w1"_s);
        QVERIFY2(details.value(u"reason"_s).toString().contains(u"cancelled"_s),
                 qPrintable(details.value(u"reason"_s).toString()));
        const ApiClient::Response failed = api.put(jobPath(key, u"/fail"_s), {{u"retries"_s, 0}});
        QCOMPARE(failed.status, 409);
        QCOMPARE(failed.errorCode(), u"JOB_NOT_FAILABLE"_s);
        StoreProbe store(server.dbPath());
        QCOMPARE(store.state(key), u"CANCELLED"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiJobs)
#include "tst_api_jobs.moc"
