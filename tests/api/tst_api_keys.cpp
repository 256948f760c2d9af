// API keys over HTTP (create once in clear, list without secrets, delete takes effect at once)
// and Idempotency-Key on job creation (repeats, concurrent repeats, batches, per key).
#include "OpsTestKit.h"

using namespace OpsTestKit;

namespace {
const QString kKeys = u"/api/v1/api-keys"_s;
const QString kJobs = u"/api/v1/jobs"_s;

QList<QPair<QByteArray, QByteArray>> idempotency(const QByteArray &key)
{
    return {{"Idempotency-Key", key}};
}

QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TestApiKeys : public QObject
{
    Q_OBJECT
private slots:
    void createListDelete()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const ApiClient::Response created =
            admin.post(kKeys, {{u"name"_s, u"ci"_s},
                               {u"permissions"_s, QJsonArray{u"job"_s}},
                               {u"tenants"_s, QJsonArray{u"acme"_s}}});
        QCOMPARE(created.status, 201);
        const QByteArray clear = created.data().value(u"api_key"_s).toString().toLatin1();
        QVERIFY(clear.startsWith("jdk_"));
        QCOMPARE(created.data().value(u"permissions"_s).toArray(), QJsonArray{u"job"_s});

        // Stored hashed: neither the list nor the store holds the clear key.
        const ApiClient::Response list = admin.get(kKeys);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(clear));
        QVERIFY(!list.body.contains(ApiKey::hash(clear)));
        QStringList names;
        for (const QJsonValue &k : list.data().value(u"api_keys"_s).toArray()) {
            names.append(k["name"_L1].toString());
            QVERIFY(!k.toObject().contains(u"key_hash"_s));
        }
        QCOMPARE(names, (QStringList{adminKeyName(), u"ci"_s}));
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM api_keys WHERE key_hash = ?"_s,
                             {QString::fromLatin1(ApiKey::hash(clear))}),
                 1);

        // The new key works (and is cached by the server), then stops at once when deleted.
        ApiClient ci(server.port(), clear);
        QCOMPARE(ci.post(kJobs, jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"acme"_s}})).status, 201);
        QCOMPARE(ci.post(kJobs, jobBody(u"t"_s)).status, 403); // tenant "default" is not its
        const ApiClient::Response deleted = admin.del(kKeys + u"/ci"_s);
        QCOMPARE(deleted.status, 200);
        const ApiClient::Response after =
            ci.post(kJobs, jobBody(u"t"_s, {}, {{u"tenant_id"_s, u"acme"_s}}));
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), u"UNAUTHORIZED"_s);
        QCOMPARE(admin.del(kKeys + u"/ci"_s).errorCode(), u"API_KEY_NOT_FOUND"_s);
    }

    // GET /api/v1/session: any valid key learns its own name, permissions and tenants (what
    // a console attached over HTTP offers), and the server's version and store.
    void sessionNamesTheCallingKey()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        ApiClient::Response r = admin.get(u"/api/v1/session"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"key_name"_s).toString(), adminKeyName());
        QCOMPARE(r.data().value(u"permissions"_s).toArray(), QJsonArray{u"admin"_s});
        QCOMPARE(r.data().value(u"tenants"_s).toArray(), QJsonArray{u"*"_s});
        QCOMPARE(r.data().value(u"store"_s).toString(),
                 SqlDialect::isPostgresUrl(server.dbPath()) ? u"postgres"_s : u"sqlite"_s);
        QVERIFY(!r.data().value(u"version"_s).toString().isEmpty());

        ApiClient reader(server.port(),
                         createKey(admin, u"watcher"_s, {u"read"_s}, {u"acme"_s, u"beta"_s}));
        r = reader.get(u"/api/v1/session"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.data().value(u"key_name"_s).toString(), u"watcher"_s);
        QCOMPARE(r.data().value(u"permissions"_s).toArray(), QJsonArray{u"read"_s});
        QCOMPARE(r.data().value(u"tenants"_s).toArray(), (QJsonArray{u"acme"_s, u"beta"_s}));
        ApiClient worker(server.port(), createKey(admin, u"worker"_s, {u"job"_s}));
        QCOMPARE(worker.get(u"/api/v1/session"_s).data().value(u"key_name"_s).toString(),
                 u"worker"_s);

        ApiClient stranger(server.port(), "not-a-key");
        QCOMPARE(stranger.get(u"/api/v1/session"_s).status, 401);
        QCOMPARE(reader.send("POST", u"/api/v1/session"_s, "{}").status, 405);
    }

    void conflicts()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        QVERIFY(!createKey(admin, u"ops"_s, {u"read"_s}).isEmpty());
        const ApiClient::Response twice =
            admin.post(kKeys, {{u"name"_s, u"ops"_s}, {u"permissions"_s, QJsonArray{u"job"_s}}});
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.errorCode(), u"API_KEY_EXISTS"_s);
        // The last admin key cannot go; with a second one it can.
        const ApiClient::Response last = admin.del(kKeys + u"/"_s + adminKeyName());
        QCOMPARE(last.status, 409);
        QCOMPARE(last.errorCode(), u"LAST_ADMIN_KEY"_s);
        ApiClient second(server.port(), createKey(admin, u"admin2"_s, {u"admin"_s}));
        QCOMPARE(second.del(kKeys + u"/"_s + adminKeyName()).status, 200);
        QCOMPARE(admin.get(kKeys).status, 401);
    }

    void validation_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<QString>("field");
        const QJsonArray job{u"job"_s};
        QTest::addRow("no name") << QJsonObject{{u"permissions"_s, job}} << u"name"_s;
        QTest::addRow("bad name") << QJsonObject{{u"name"_s, u"a b"_s}, {u"permissions"_s, job}}
                                  << u"name"_s;
        QTest::addRow("no permissions") << QJsonObject{{u"name"_s, u"k"_s}} << u"permissions"_s;
        QTest::addRow("unknown permission")
            << QJsonObject{{u"name"_s, u"k"_s}, {u"permissions"_s, QJsonArray{u"root"_s}}}
            << u"permissions"_s;
        QTest::addRow("empty tenants") << QJsonObject{{u"name"_s, u"k"_s},
                                                      {u"permissions"_s, job},
                                                      {u"tenants"_s, QJsonArray()}}
                                       << u"tenants"_s;
        QTest::addRow("bad tenant") << QJsonObject{{u"name"_s, u"k"_s},
                                                   {u"permissions"_s, job},
                                                   {u"tenants"_s, QJsonArray{u"a/b"_s}}}
                                    << u"tenants"_s;
    }
    void validation()
    {
        QFETCH(QJsonObject, request);
        QFETCH(QString, field);
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        const ApiClient::Response r = admin.post(kKeys, request);
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
    }

    void tenantAdminsOnlyGiveTheirTenants()
    {
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        ApiClient acme(server.port(), createKey(admin, u"acme-admin"_s, {u"admin"_s}, {u"acme"_s}));
        QCOMPARE(acme.post(kKeys, {{u"name"_s, u"all"_s}, {u"permissions"_s, QJsonArray{u"job"_s}}})
                     .status,
                 403); // tenants default to ["*"]
        QVERIFY(!createKey(acme, u"acme-worker"_s, {u"job"_s}, {u"acme"_s}).isEmpty());
    }

    void permissions_data()
    {
        QTest::addColumn<QString>("permission");
        QTest::addColumn<QList<int>>("expected"); // create, list, delete
        QTest::addRow("read") << u"read"_s << QList<int>{403, 403, 403};
        QTest::addRow("job") << u"job"_s << QList<int>{403, 403, 403};
        QTest::addRow("admin") << u"admin"_s << QList<int>{201, 200, 200};
    }
    void permissions()
    {
        QFETCH(QString, permission);
        QFETCH(QList<int>, expected);
        TestServer server;
        ApiClient admin(server.port(), TestServer::kAdminKey);
        QVERIFY(!createKey(admin, u"victim"_s, {u"read"_s}).isEmpty());
        ApiClient api(server.port(), createKey(admin, u"k"_s, {permission}));
        const QList<int> got{
            api.post(kKeys, {{u"name"_s, u"new"_s}, {u"permissions"_s, QJsonArray{u"read"_s}}})
                .status,
            api.get(kKeys).status, api.del(kKeys + u"/victim"_s).status};
        QCOMPARE(got, expected);
    }

    void idempotentCreate()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QByteArray create = body(jobBody(u"t"_s, {{u"n"_s, 1}}));
        const ApiClient::Response first = api.send("POST", kJobs, create, idempotency("order-1"));
        QCOMPARE(first.status, 201);
        const ApiClient::Response again = api.send("POST", kJobs, create, idempotency("order-1"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.data().value(u"job_key"_s), first.data().value(u"job_key"_s));
        QCOMPARE(again.data().value(u"status"_s).toString(), u"CREATED"_s);
        const ApiClient::Response other = api.send("POST", kJobs, create, idempotency("order-2"));
        QCOMPARE(other.status, 201);
        QVERIFY(other.data().value(u"job_key"_s) != first.data().value(u"job_key"_s));
        // Keys are per API key: another key's "order-1" is its own.
        ApiClient second(server.port(), createKey(api, u"second"_s, {u"job"_s}));
        QCOMPARE(second.send("POST", kJobs, create, idempotency("order-1")).status, 201);
        QCOMPARE(StoreProbe(server.dbPath()).count(u"SELECT COUNT(*) FROM jobs"_s), 3);
        // The repeat answers the job as it is now.
        api.activate(u"t"_s, u"w1"_s, 1);
        const ApiClient::Response later = api.send("POST", kJobs, create, idempotency("order-1"));
        QCOMPARE(later.status, 200);
        QCOMPARE(later.data().value(u"status"_s).toString(), u"ACTIVE"_s);
        const ApiClient::Response bad =
            api.send("POST", kJobs, create, idempotency(QByteArray(300, 'x')));
        QCOMPARE(bad.status, 400);
    }

    void concurrentRepeatsCreateOneJob()
    {
        TestServer server;
        const QList<ApiClient::Response> answers =
            concurrently(server.port(), TestServer::kAdminKey, "POST", kJobs, body(jobBody(u"t"_s)),
                         12, idempotency("same"));
        QCOMPARE(answers.size(), 12);
        int created = 0;
        QSet<QString> keys;
        for (const ApiClient::Response &r : answers) {
            QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
            created += r.status == 201;
            keys.insert(r.data().value(u"job_key"_s).toString());
        }
        QCOMPARE(created, 1);
        QCOMPARE(keys.size(), 1);
        QCOMPARE(StoreProbe(server.dbPath()).count(u"SELECT COUNT(*) FROM jobs"_s), 1);
    }

    void idempotentBatch()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QByteArray batch = body({{u"jobs"_s, QJsonArray{jobBody(u"a"_s), jobBody(u"b"_s)}}});
        const ApiClient::Response first =
            api.send("POST", kJobs + u"/batch"_s, batch, idempotency("import-7"));
        QCOMPARE(first.status, 201);
        const ApiClient::Response again =
            api.send("POST", kJobs + u"/batch"_s, batch, idempotency("import-7"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.data().value(u"jobs"_s).toArray().size(), 2);
        QCOMPARE(again.data()["jobs"_L1][1]["job_key"_L1],
                 first.data()["jobs"_L1][1]["job_key"_L1]);
        QCOMPARE(StoreProbe(server.dbPath()).count(u"SELECT COUNT(*) FROM jobs"_s), 2);
    }
};

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_api_keys.moc"
