// Incidents over HTTP: list with filters and pages, one incident, resolve (admin) with the job
// back to CREATED and handed to a held long poll at once, tenants, permissions.
#include "OpsTestKit.h"

using namespace OpsTestKit;

namespace {
const QString kIncidents = u"/api/v1/incidents"_s;

QString resolvePath(const QString &id)
{
    return kIncidents + u"/"_s + id + u"/resolve"_s;
}

QStringList incidentIds(const ApiClient::Response &r)
{
    QStringList ids;
    for (const QJsonValue &v : r.data().value(u"incidents"_s).toArray())
        ids.append(v.toObject().value(u"incident_id"_s).toString());
    return ids;
}
} // namespace

class TestApiIncidents : public QObject
{
    Q_OBJECT
private slots:
    void listAndGet()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed a =
            failedJob(api, u"pay"_s,
                      {{u"process_context"_s, QJsonObject{{u"process_instance_id"_s, u"p-1"_s}}}});
        const Failed b = failedJob(api, u"mail"_s);
        // An unhandled business error opens an UNHANDLED_ERROR incident.
        const QString c = api.createJob(jobBody(u"ship"_s));
        QCOMPARE(api.activate(u"ship"_s, u"w1"_s).value(u"activated_count"_s).toInt(), 1);
        const ApiClient::Response thrown =
            api.post(jobPath(c, u"/throw-error"_s), {{u"error_code"_s, u"NO_STOCK"_s}});
        QCOMPARE(thrown.status, 200);
        const QString cId = thrown.data()
                                .value(u"incident_created"_s)
                                .toObject()
                                .value(u"incident_id"_s)
                                .toString();
        QVERIFY(!a.incidentId.isEmpty() && !b.incidentId.isEmpty() && !cId.isEmpty());

        const ApiClient::Response all = api.get(kIncidents);
        QCOMPARE(all.status, 200);
        QCOMPARE(incidentIds(all), (QStringList{cId, b.incidentId, a.incidentId})); // newest first
        QCOMPARE(all.data().value(u"pagination"_s).toObject().value(u"total_count"_s).toInt(), 3);

        QCOMPARE(incidentIds(api.get(kIncidents + u"?type=UNHANDLED_ERROR"_s)), QStringList{cId});
        QCOMPARE(incidentIds(api.get(kIncidents + u"?job_type=pay"_s)), QStringList{a.incidentId});
        QCOMPARE(incidentIds(api.get(kIncidents + u"?status=resolved"_s)), QStringList());
        const ApiClient::Response page2 = api.get(kIncidents + u"?page=2&page_size=2"_s);
        QCOMPARE(incidentIds(page2), QStringList{a.incidentId});
        const QJsonObject pagination = page2.data().value(u"pagination"_s).toObject();
        QCOMPARE(pagination.value(u"total_pages"_s).toInt(), 2);
        QCOMPARE(pagination.value(u"has_prev"_s).toBool(), true);
        QCOMPARE(pagination.value(u"has_next"_s).toBool(), false);

        const ApiClient::Response one = api.get(kIncidents + u"/"_s + a.incidentId);
        QCOMPARE(one.status, 200);
        const QJsonObject incident = one.data();
        QCOMPARE(incident.value(u"type"_s).toString(), u"JOB_FAILURE"_s);
        QCOMPARE(incident.value(u"status"_s).toString(), u"OPEN"_s);
        QCOMPARE(incident.value(u"job_key"_s).toString(), a.jobKey);
        QCOMPARE(incident.value(u"job_type"_s).toString(), u"pay"_s);
        QCOMPARE(incident.value(u"error_message"_s).toString(), u"boom"_s);
        QVERIFY(isoMs(incident.value(u"created_at"_s)) > 0);
        QVERIFY(incident.value(u"resolved_at"_s).isNull());
        QCOMPARE(incident.value(u"process_context"_s)
                     .toObject()
                     .value(u"process_instance_id"_s)
                     .toString(),
                 u"p-1"_s);

        const ApiClient::Response missing = api.get(kIncidents + u"/srv1-incident-1"_s);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"INCIDENT_NOT_FOUND"_s);
    }

    void badListParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addRow("status") << u"status=broken"_s << u"status"_s;
        QTest::addRow("type") << u"type=X"_s << u"type"_s;
        QTest::addRow("job_type") << u"job_type=a%20b"_s << u"job_type"_s;
        QTest::addRow("page") << u"page=0"_s << u"page"_s;
        QTest::addRow("page_size") << u"page_size=101"_s << u"page_size"_s;
        QTest::addRow("unknown") << u"colour=red"_s << u"colour"_s;
    }
    void badListParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r = api.get(kIncidents + u"?"_s + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
    }

    void resolve()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed f = failedJob(api, u"pay"_s);
        const ApiClient::Response r = api.put(resolvePath(f.incidentId), {{u"retries"_s, 2}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"status"_s).toString(), u"RESOLVED"_s);
        QCOMPARE(r.data().value(u"resolved_by"_s).toString(), adminKeyName());
        QVERIFY(isoMs(r.data().value(u"resolved_at"_s)) > 0);
        QCOMPARE(r.data().value(u"job"_s).toObject().value(u"status"_s).toString(), u"CREATED"_s);

        const QJsonObject job = api.get(jobPath(f.jobKey)).data();
        QCOMPARE(job.value(u"status"_s).toString(), u"CREATED"_s);
        QCOMPARE(job["retry_configuration"_L1]["retries"_L1].toInt(), 2);
        QCOMPARE(actionsOf(job).last(), u"INCIDENT_RESOLVED"_s);
        QCOMPARE(api.get(kIncidents + u"/"_s + f.incidentId).data().value(u"status"_s).toString(),
                 u"RESOLVED"_s);
        QCOMPARE(incidentIds(api.get(kIncidents + u"?status=OPEN"_s)), QStringList());

        // The job runs again; resolving twice is a conflict.
        QCOMPARE(api.activate(u"pay"_s, u"w2"_s).value(u"activated_count"_s).toInt(), 1);
        const ApiClient::Response again = api.put(resolvePath(f.incidentId), {{u"retries"_s, 1}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), u"INCIDENT_ALREADY_RESOLVED"_s);
    }

    void resolveValidation_data()
    {
        QTest::addColumn<QJsonValue>("retries");
        QTest::addRow("zero") << QJsonValue(0);
        QTest::addRow("negative") << QJsonValue(-1);
        QTest::addRow("too many") << QJsonValue(101);
        QTest::addRow("text") << QJsonValue(u"2"_s);
    }
    void resolveValidation()
    {
        QFETCH(QJsonValue, retries);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed f = failedJob(api, u"pay"_s);
        const ApiClient::Response r = api.put(resolvePath(f.incidentId), {{u"retries"_s, retries}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(StoreProbe(server.dbPath()).state(f.jobKey), u"FAILED"_s);
    }

    void resolveHandsTheJobToAHeldLongPoll()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed f = failedJob(api, u"pay"_s);
        HttpCall poll(server.port(), "POST", u"/api/v1/jobs/activate"_s,
                      activateBody(u"pay"_s, u"poller"_s, {{u"request_timeout"_s, 20000}}));
        QTRY_COMPARE(heldLongPolls(api), 1);
        QCOMPARE(api.put(resolvePath(f.incidentId), {{u"retries"_s, 1}}).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(poll.isDone(), 5000);
        QVERIFY2(poll.answeredAfterMs() < 10000, "answered by the resolve, not by its timeout");
        QCOMPARE(poll.status(), 200);
        QCOMPARE(poll.jobs().size(), 1);
        QCOMPARE(poll.jobs().at(0).toObject().value(u"key"_s).toString(), f.jobKey);
        QCOMPARE(poll.jobs().at(0).toObject().value(u"retries"_s).toInt(), 1);
    }

    void tenantsAreIsolated()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const Failed acme = failedJob(admin, u"acme-pay"_s, {{u"tenant_id"_s, u"acme"_s}});
        const Failed other = failedJob(admin, u"other-pay"_s, {{u"tenant_id"_s, u"other"_s}});
        ApiClient acmeAdmin(server.port(),
                            createKey(admin, u"acme-admin"_s, {u"admin"_s}, {u"acme"_s}));
        QCOMPARE(incidentIds(acmeAdmin.get(kIncidents)), QStringList{acme.incidentId});
        QCOMPARE(acmeAdmin.get(kIncidents).data()["pagination"_L1]["total_count"_L1].toInt(), 1);
        QCOMPARE(acmeAdmin.get(kIncidents + u"/"_s + acme.incidentId).status, 200);
        const ApiClient::Response hidden = acmeAdmin.get(kIncidents + u"/"_s + other.incidentId);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.errorCode(), u"INCIDENT_NOT_FOUND"_s);
        const ApiClient::Response resolve =
            acmeAdmin.put(resolvePath(other.incidentId), {{u"retries"_s, 1}});
        QCOMPARE(resolve.status, 404);
        QCOMPARE(resolve.errorCode(), u"INCIDENT_NOT_FOUND"_s);
        QCOMPARE(StoreProbe(server.dbPath()).state(other.jobKey), u"FAILED"_s);
        QCOMPARE(acmeAdmin.put(resolvePath(acme.incidentId), {{u"retries"_s, 1}}).status, 200);
    }

    void permissions_data()
    {
        QTest::addColumn<QString>("permission");
        QTest::addColumn<int>("list");
        QTest::addColumn<int>("get");
        QTest::addColumn<int>("resolve");
        QTest::addRow("read") << u"read"_s << 200 << 200 << 403;
        QTest::addRow("job") << u"job"_s << 200 << 200 << 403;
        QTest::addRow("admin") << u"admin"_s << 200 << 200 << 200;
    }
    // GET /incidents/groups: open incidents by job type and error, most numerous first; and
    // /groups/ids: the ids of one group, to resolve them together.
    void groups()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const Failed a = failedJob(api, u"pay"_s);
        const Failed b = failedJob(api, u"pay"_s);
        const Failed c = failedJob(api, u"mail"_s);
        const ApiClient::Response r = api.get(kIncidents + u"/groups"_s);
        QCOMPARE(r.status, 200);
        const QJsonArray groups = r.data().value(u"groups"_s).toArray();
        QCOMPARE(groups.size(), 2);
        const QJsonObject first = groups.first().toObject();
        QCOMPARE(first.value(u"job_type"_s).toString(), u"pay"_s);
        QCOMPARE(first.value(u"count"_s).toInt(), 2);
        QCOMPARE(first.value(u"error_message"_s).toString(), u"boom"_s);
        QVERIFY(first.value(u"error_code"_s).isNull());
        QVERIFY(isoMs(first.value(u"newest_at"_s)) > 0);

        const ApiClient::Response ids =
            api.get(kIncidents + u"/groups/ids?job_type=pay&error_message=boom"_s);
        QCOMPARE(ids.status, 200);
        QStringList got;
        for (const QJsonValue &v : ids.data().value(u"incident_ids"_s).toArray())
            got.append(v.toString());
        QCOMPARE(got, (QStringList{a.incidentId, b.incidentId}));
        QCOMPARE(api.get(kIncidents + u"/groups/ids?job_type=pay&error_message=other"_s)
                     .data()
                     .value(u"count"_s)
                     .toInt(),
                 0);
        const ApiClient::Response missing = api.get(kIncidents + u"/groups/ids"_s);
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorCode(), u"VALIDATION_ERROR"_s);
        // A key of another tenant sees no group.
        ApiClient other(server.port(), createKey(api, u"other"_s, {u"read"_s}, {u"acme"_s}));
        QCOMPARE(other.get(kIncidents + u"/groups"_s).data().value(u"count"_s).toInt(), 0);
        QVERIFY(!c.incidentId.isEmpty());
    }

    void permissions()
    {
        QFETCH(QString, permission);
        QFETCH(int, list);
        QFETCH(int, get);
        QFETCH(int, resolve);
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const Failed f = failedJob(admin, u"pay"_s);
        ApiClient api(server.port(), createKey(admin, u"k"_s, {permission}));
        QCOMPARE(api.get(kIncidents).status, list);
        QCOMPARE(api.get(kIncidents + u"/"_s + f.incidentId).status, get);
        QCOMPARE(api.put(resolvePath(f.incidentId), {{u"retries"_s, 1}}).status, resolve);
        ApiClient anonymous(server.port(), {});
        QCOMPARE(anonymous.get(kIncidents).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiIncidents)
#include "tst_api_incidents.moc"
