// GET /api/v1/jobs over real HTTP: every filter, sort and paging path, cursor stability while
// jobs are inserted, full-text search in variables and results, 400 on unknown values, the
// summary against a recount of the store, tenant isolation, and the query plans.
#include "ApiTestKit.h"
#include "api/ListParams.h"
#include "store/JobCounters.h"
#include "store/JobQuery.h"
#include "store/SqlWhere.h"

#include <QSqlError>
#include <QUrlQuery>

#include <cmath>

using namespace ApiTestKit;

namespace {

const QByteArray kAcmeKey = "acme-key";

QStringList keysOf(const ApiClient::Response &r)
{
    QStringList keys;
    for (const QJsonValue &job : r.data().value(u"jobs"_s).toArray())
        keys.append(job.toObject().value(u"job_key"_s).toString());
    return keys;
}

QJsonObject paginationOf(const ApiClient::Response &r)
{
    return r.data().value(u"pagination"_s).toObject();
}

} // namespace

class TestApiList : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    QHash<QString, QString> m_key; // name -> job key
    QStringList m_created;         // names in creation order
    qint64 m_middle = 0;           // created_at between bC and bF

    QString create(const QString &name, const QJsonObject &body)
    {
        const QString key = m_api->createJob(body);
        m_key.insert(name, key);
        m_created.append(name);
        return key;
    }
    void through(const QString &name, const QString &state)
    {
        m_key.insert(name, jobIn(*m_api, state, u"beta"_s));
        m_created.append(name);
    }
    QStringList names(const QStringList &wanted) const
    {
        QStringList out;
        for (const QString &n : wanted)
            out.append(m_key.value(n));
        return out;
    }
    ApiClient::Response list(const QString &query, ApiClient *api = nullptr)
    {
        return (api ? api : m_api.get())
            ->get(u"/api/v1/jobs"_s + (query.isEmpty() ? QString() : u"?"_s + query));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        addApiKey(*m_server, u"acme-reader"_s, {u"job"_s}, {u"acme"_s}, kAcmeKey);
        m_api = std::make_unique<ApiClient>(m_server->port(), TestServer::kAdminKey);
        create(u"a1"_s, jobBody(u"alpha"_s, {{u"color"_s, u"red"_s}}, {{u"priority"_s, 5}}));
        create(u"a2"_s,
               jobBody(u"alpha"_s, {{u"color"_s, u"blue"_s}},
                       {{u"process_context"_s, QJsonObject{{u"process_instance_id"_s, u"pi-1"_s},
                                                           {u"element_id"_s, u"el-a"_s}}}}));
        create(u"t1"_s, jobBody(u"alpha"_s, {{u"color"_s, u"green"_s}},
                                {{u"tenant_id"_s, u"acme"_s}, {u"priority"_s, -3}}));
        const QString bC = create(u"bC"_s, jobBody(u"beta"_s, {{u"n"_s, 1}}));
        QCOMPARE(m_api->activate(u"beta"_s, u"w9"_s).value(u"activated_count"_s).toInt(), 1);
        QCOMPARE(m_api
                     ->put(jobPath(bC, u"/complete"_s),
                           {{u"variables"_s, QJsonObject{{u"receipt"_s, u"zebra42"_s}}}})
                     .status,
                 200);
        m_middle = Clock::nowMs() + 1;
        QTRY_VERIFY(Clock::nowMs() > m_middle); // created_at of the next jobs is after it
        through(u"bF"_s, u"FAILED"_s);
        through(u"bX"_s, u"CANCELLED"_s);
        through(u"bS"_s, u"SCHEDULED"_s);
        through(u"bR"_s, u"FAILED_RETRYABLE"_s);
        through(u"bA"_s, u"ACTIVE"_s);
        for (const QString &name : m_created)
            QVERIFY2(!m_key.value(name).isEmpty(), qPrintable(name));
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_server.reset();
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // names, in the expected order
        const QStringList all{u"bA"_s, u"bR"_s, u"bS"_s, u"bX"_s, u"bF"_s,
                              u"bC"_s, u"t1"_s, u"a2"_s, u"a1"_s};
        QTest::addRow("none") << QString() << all;
        QTest::addRow("pending") << u"state=pending"_s << QStringList{u"t1"_s, u"a2"_s, u"a1"_s};
        QTest::addRow("CREATED") << u"state=CREATED"_s << QStringList{u"t1"_s, u"a2"_s, u"a1"_s};
        QTest::addRow("status two words")
            << u"status=completed,Failed"_s << QStringList{u"bF"_s, u"bC"_s};
        QTest::addRow("running") << u"state=Running"_s << QStringList{u"bA"_s};
        QTest::addRow("activated") << u"state=activated"_s << QStringList{u"bA"_s};
        QTest::addRow("retrying") << u"state=retrying"_s << QStringList{u"bR"_s};
        QTest::addRow("failed_retryable") << u"state=failed_retryable"_s << QStringList{u"bR"_s};
        QTest::addRow("scheduled") << u"state=scheduled"_s << QStringList{u"bS"_s};
        QTest::addRow("cancelled") << u"state=cancelled"_s << QStringList{u"bX"_s};
        QTest::addRow("error_thrown") << u"state=error_thrown"_s << QStringList{};
        QTest::addRow("type") << u"type=alpha"_s << QStringList{u"t1"_s, u"a2"_s, u"a1"_s};
        QTest::addRow("type+states")
            << u"type=beta&state=active,completed"_s << QStringList{u"bA"_s, u"bC"_s};
        QTest::addRow("worker w9") << u"worker=w9"_s << QStringList{u"bC"_s};
        QTest::addRow("worker w1")
            << u"worker=w1"_s << QStringList{u"bA"_s, u"bR"_s, u"bX"_s, u"bF"_s};
        QTest::addRow("worker+state") << u"worker=w1&state=failed"_s << QStringList{u"bF"_s};
        QTest::addRow("process_instance_id")
            << u"process_instance_id=pi-1"_s << QStringList{u"a2"_s};
        QTest::addRow("element_id") << u"element_id=el-a"_s << QStringList{u"a2"_s};
        QTest::addRow("element_id none") << u"element_id=el-zz"_s << QStringList{};
        QTest::addRow("tenant") << u"tenant_id=acme"_s << QStringList{u"t1"_s};
        QTest::addRow("q variables") << u"q=red"_s << QStringList{u"a1"_s};
        QTest::addRow("q result variables") << u"q=zebra42"_s << QStringList{u"bC"_s};
        QTest::addRow("q worker of a finished job") << u"q=w9"_s << QStringList{u"bC"_s};
        QTest::addRow("q type") << u"q=alpha&tenant_id=acme"_s << QStringList{u"t1"_s};
        QTest::addRow("q two words") << u"q=color%20blue"_s << QStringList{u"a2"_s};
        QTest::addRow("q + filter, no match") << u"q=blue&type=beta"_s << QStringList{};
        // The last word also finds the words it begins, from three characters on.
        QTest::addRow("q word start") << u"q=zeb"_s << QStringList{u"bC"_s};
        QTest::addRow("q last word start") << u"q=color%20blu"_s << QStringList{u"a2"_s};
        QTest::addRow("q earlier words whole") << u"q=colo%20blue"_s << QStringList{};
        QTest::addRow("q short start is a whole word") << u"q=ze"_s << QStringList{};
        QTest::addRow("period 1h") << u"period=1h"_s << all;
        QTest::addRow("period all") << u"period=all"_s << all;
        QTest::addRow("created asc")
            << u"sort_by=created_at&sort_order=asc"_s << QList<QString>(all.crbegin(), all.crend());
        QTest::addRow("priority") << u"sort_by=priority"_s
                                  << QStringList{u"a1"_s, u"bA"_s, u"bR"_s, u"bS"_s, u"bX"_s,
                                                 u"bF"_s, u"bC"_s, u"a2"_s, u"t1"_s};
        QTest::addRow("priority asc, type") << u"sort_by=priority&sort_order=ASC&type=alpha"_s
                                            << QStringList{u"t1"_s, u"a2"_s, u"a1"_s};
        QTest::addRow("activated_at")
            << u"sort_by=activated_at&state=active,completed"_s << QStringList{u"bA"_s, u"bC"_s};
        QTest::addRow("updated_at")
            << u"sort_by=updated_at&type=alpha"_s << QStringList{u"t1"_s, u"a2"_s, u"a1"_s};
        QTest::addRow("deadline asc, active")
            << u"sort_by=deadline&sort_order=asc&state=active"_s << QStringList{u"bA"_s};
    }
    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        const ApiClient::Response r = list(query);
        QCOMPARE(r.status, 200);
        QCOMPARE(keysOf(r), names(expected));
        QCOMPARE(paginationOf(r).value(u"total_count"_s).toInt(), expected.size());
        QVERIFY(paginationOf(r).value(u"total_count_exact"_s).toBool());
    }

    void createdRange()
    {
        const QString after = u"created_after="_s + Clock::toIso(m_middle);
        QCOMPARE(keysOf(list(after)), names({u"bA"_s, u"bR"_s, u"bS"_s, u"bX"_s, u"bF"_s}));
        const QString before = u"created_before="_s + Clock::toIso(m_middle);
        QCOMPARE(keysOf(list(before)), names({u"bC"_s, u"t1"_s, u"a2"_s, u"a1"_s}));
        QCOMPARE(
            list(before).data().value(u"filters_applied"_s).toObject().value(u"created_before"_s),
            QJsonValue(Clock::toIso(m_middle)));
    }

    // A job key's start finds it: the last part of a key is one word of the index.
    void keyStartFindsTheJob()
    {
        const QString key = m_key.value(u"a1"_s);
        const QString start = key.left(key.size() - 2);
        const QStringList found = keysOf(list(u"q="_s + start));
        QVERIFY2(found.contains(key), qPrintable(found.join(u' ')));
        for (const QString &k : found)
            QVERIFY2(k.startsWith(start), qPrintable(k));
        QCOMPARE(keysOf(list(u"q="_s + key)), QStringList{key});
    }

    void listShape()
    {
        const ApiClient::Response r = list(u"state=completed,failed"_s);
        const QJsonArray jobs = r.data().value(u"jobs"_s).toArray();
        const QJsonObject failed = jobs.at(0).toObject();
        const QJsonObject completed = jobs.at(1).toObject();
        for (const char *field : {"job_key", "type", "status", "tenant_id", "priority", "worker",
                                  "created_at", "updated_at", "activated_at", "deadline",
                                  "timeout_ms", "retries", "variables", "custom_headers"})
            QVERIFY2(completed.contains(QLatin1String(field)), field);
        QCOMPARE(completed.value(u"execution_summary"_s)
                     .toObject()
                     .value(u"result_variables"_s)
                     .toObject()
                     .value(u"receipt"_s),
                 QJsonValue(u"zebra42"_s));
        QCOMPARE(completed.value(u"execution_summary"_s).toObject().value(u"completed_by"_s),
                 QJsonValue(u"w9"_s));
        QVERIFY(completed.contains(u"completed_at"_s));
        QVERIFY(failed.value(u"incident_id"_s).isString());
        QVERIFY(failed.contains(u"error_message"_s));
        QCOMPARE(failed.value(u"failure_history"_s).toArray().size(), 1);
        QVERIFY(failed.contains(u"failed_at"_s));
        const QJsonObject applied = r.data().value(u"filters_applied"_s).toObject();
        QCOMPARE(applied.value(u"state"_s).toArray(), (QJsonArray{u"COMPLETED"_s, u"FAILED"_s}));
        QCOMPARE(applied.value(u"sort_by"_s).toString(), u"created_at"_s);
        QCOMPARE(applied.value(u"sort_order"_s).toString(), u"DESC"_s);
    }

    void pages()
    {
        QStringList seen;
        for (int page = 1; page <= 3; ++page) {
            const ApiClient::Response r = list(u"page_size=4&page=%1"_s.arg(page));
            const QJsonObject p = paginationOf(r);
            QCOMPARE(p.value(u"page"_s).toInt(), page);
            QCOMPARE(p.value(u"page_size"_s).toInt(), 4);
            QCOMPARE(p.value(u"total_count"_s).toInt(), 9);
            QCOMPARE(p.value(u"total_pages"_s).toInt(), 3);
            QCOMPARE(p.value(u"has_prev"_s).toBool(), page > 1);
            QCOMPARE(p.value(u"has_next"_s).toBool(), page < 3);
            QCOMPARE(p.value(u"next_cursor"_s).isString(), page < 3);
            seen += keysOf(r);
        }
        QCOMPARE(seen, keysOf(list(QString())));
        QCOMPARE(list(u"page=2"_s).data().value(u"jobs"_s).toArray().size(), 0);
    }

    void cursorWalk_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addRow("created desc") << u"page_size=2"_s;
        QTest::addRow("created asc") << u"page_size=2&sort_order=asc"_s;
        QTest::addRow("priority") << u"page_size=2&sort_by=priority"_s;
        QTest::addRow("updated, state") << u"page_size=1&sort_by=updated_at&state=pending,failed"_s;
        QTest::addRow("worker") << u"page_size=1&worker=w1"_s;
        QTest::addRow("q") << u"page_size=1&q=color"_s;
    }
    void cursorWalk()
    {
        QFETCH(QString, query);
        const int size = QUrlQuery(query).queryItemValue(u"page_size"_s).toInt();
        QUrlQuery all(query);
        all.removeQueryItem(u"page_size"_s);
        all.addQueryItem(u"page_size"_s, u"100"_s);
        const QStringList whole = keysOf(list(all.toString()));
        QVERIFY(!whole.isEmpty());
        QStringList walked;
        QString cursor;
        int page = 1;
        do {
            const ApiClient::Response r =
                list(query + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(r.status, 200);
            QCOMPARE(paginationOf(r).value(u"page"_s).toInt(), page++);
            QVERIFY(keysOf(r).size() <= size);
            walked += keysOf(r);
            cursor = paginationOf(r).value(u"next_cursor"_s).toString();
        } while (!cursor.isEmpty() && page < 50);
        QCOMPARE(walked, whole);
    }

    void cursorStableWhileInserting()
    {
        const QStringList before = keysOf(list(u"type=gamma&page_size=100"_s));
        QVERIFY(before.isEmpty());
        QStringList original;
        for (int i = 0; i < 7; ++i)
            original.prepend(m_api->createJob(jobBody(u"gamma"_s, {{u"i"_s, i}})));
        QStringList walked;
        QString cursor;
        int inserted = 0;
        do {
            const ApiClient::Response r =
                list(u"type=gamma&page_size=2"_s +
                     (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            walked += keysOf(r);
            cursor = paginationOf(r).value(u"next_cursor"_s).toString();
            // New jobs between pages: newer than every page already read.
            QVERIFY(!m_api->createJob(jobBody(u"gamma"_s, {{u"late"_s, ++inserted}})).isEmpty());
        } while (!cursor.isEmpty());
        QCOMPARE(walked, original);
        QCOMPARE(
            list(u"type=gamma"_s).data().value(u"pagination"_s).toObject().value(u"total_count"_s),
            QJsonValue(7 + inserted));
    }

    void cursorOfAnotherList()
    {
        const QString cursor =
            paginationOf(list(u"page_size=1&type=alpha"_s)).value(u"next_cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        const ApiClient::Response r = list(u"page_size=1&type=beta&cursor="_s + cursor);
        QCOMPARE(r.status, 400);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{u"cursor"_s});
    }

    void unknownValues_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addRow("state") << u"state=pending,bogus"_s << u"state"_s;
        QTest::addRow("status") << u"status=done"_s << u"status"_s;
        QTest::addRow("type") << u"type=bad%20type"_s << u"type"_s;
        QTest::addRow("worker") << u"worker=w%2F1"_s << u"worker"_s;
        QTest::addRow("tenant_id") << u"tenant_id=a.b"_s << u"tenant_id"_s;
        QTest::addRow("sort_by") << u"sort_by=name"_s << u"sort_by"_s;
        QTest::addRow("sort_order") << u"sort_order=up"_s << u"sort_order"_s;
        QTest::addRow("page") << u"page=0"_s << u"page"_s;
        QTest::addRow("page_size big") << u"page_size=101"_s << u"page_size"_s;
        QTest::addRow("page_size text") << u"page_size=ten"_s << u"page_size"_s;
        QTest::addRow("period") << u"period=2d"_s << u"period"_s;
        QTest::addRow("created_after") << u"created_after=yesterday"_s << u"created_after"_s;
        QTest::addRow("created_before") << u"created_before=2025-13-01"_s << u"created_before"_s;
        QTest::addRow("cursor") << u"cursor=garbage"_s << u"cursor"_s;
        QTest::addRow("q") << u"q=%21%21%21"_s << u"q"_s;
        QTest::addRow("element_id") << u"element_id="_s + QString(201, u'x') << u"element_id"_s;
    }
    void unknownValues()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const ApiClient::Response r = list(query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
        QCOMPARE(fieldErrorKeys(r.json.value(u"error"_s).toObject()), QStringList{field});
    }

    void summaryMatchesRecount()
    {
        // A delete and a cancel move counters too.
        const QString doomed = m_api->createJob(jobBody(u"delta"_s, {}));
        const QString cancelled = m_api->createJob(jobBody(u"delta"_s, {}));
        QCOMPARE(m_api->del(jobPath(doomed)).status, 200);
        QCOMPARE(m_api->put(jobPath(cancelled, u"/cancel"_s), {}).status, 200);

        const QJsonObject summary = list(QString()).data().value(u"summary"_s).toObject();
        StoreProbe store(m_server->dbPath());
        QVERIFY(store.isOpen());
        const auto count = [&store](const QString &where) {
            return store.count(u"SELECT COUNT(*) FROM jobs WHERE "_s + where);
        };
        QCOMPARE(summary.value(u"total_jobs"_s).toInt(), count(u"1 = 1"_s));
        QCOMPARE(summary.value(u"active_jobs"_s).toInt(), count(u"state < 4"_s));
        QCOMPARE(summary.value(u"completed_jobs"_s).toInt(), count(u"state = 4"_s));
        QCOMPARE(summary.value(u"failed_jobs"_s).toInt(), count(u"state IN (5, 6)"_s));
        QCOMPARE(summary.value(u"cancelled_jobs"_s).toInt(), count(u"state = 7"_s));
        // Every counter cell equals a recount, and no recount is missing from the counters.
        const QString isNot =
            SqlDialect::isPostgresUrl(m_server->dbPath()) ? u"IS DISTINCT FROM"_s : u"IS NOT"_s;
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM (SELECT tenant_id, type, state, COUNT(*) AS n "
                             "FROM jobs GROUP BY 1, 2, 3) r FULL JOIN (SELECT * FROM job_counts "
                             "WHERE count > 0) c USING (tenant_id, type, state) WHERE r.n "_s +
                             isNot + u" c.count"_s),
                 0);
        QVERIFY(store.count(u"SELECT COUNT(*) FROM job_counts"_s) > 0);
        const double rate = summary.value(u"success_rate_percent"_s).toDouble();
        const int terminal = count(u"state >= 4"_s);
        QCOMPARE(rate, std::round(10000.0 * count(u"state = 4"_s) / terminal) / 100.0);
        QVERIFY(summary.value(u"avg_duration_seconds"_s).toDouble() >= 0.0);
    }

    void tenantIsolation()
    {
        ApiClient acme(m_server->port(), kAcmeKey);
        ApiClient::Response r = list(QString(), &acme);
        QCOMPARE(r.status, 200);
        QCOMPARE(keysOf(r), names({u"t1"_s}));
        QCOMPARE(r.data().value(u"summary"_s).toObject().value(u"total_jobs"_s).toInt(), 1);
        QCOMPARE(paginationOf(r).value(u"total_count"_s).toInt(), 1);
        QCOMPARE(keysOf(list(u"tenant_id=default"_s, &acme)), QStringList());
        QCOMPARE(keysOf(list(u"q=red"_s, &acme)), QStringList());
        QCOMPARE(keysOf(list(u"q=green"_s, &acme)), names({u"t1"_s}));
        QCOMPARE(keysOf(list(u"state=completed"_s, &acme)), QStringList());
        QCOMPARE(keysOf(list(u"worker=w1"_s, &acme)), QStringList());
        QCOMPARE(keysOf(list(u"sort_by=priority"_s, &acme)), names({u"t1"_s}));
        const QJsonObject overview =
            acme.get(u"/api/v1/jobs/stats"_s).data().value(u"overview"_s).toObject();
        QCOMPARE(overview.value(u"total_jobs"_s).toInt(), 1);
    }

    // Each list path is driven by an index (EXPLAIN QUERY PLAN on the statements the server
    // runs), and created_at order never needs a sort. On PostgreSQL the planner picks plans from
    // table statistics (on these few rows a sequential scan is its right choice), so there the
    // test checks the strategy and that each statement runs with its bound values.
    void queryPlans_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("strategy");
        QTest::addRow("all") << QString() << u"sort_index"_s;
        QTest::addRow("all asc") << u"sort_order=asc"_s << u"sort_index"_s;
        QTest::addRow("state") << u"state=completed,failed"_s << u"cells"_s;
        QTest::addRow("type+tenant") << u"type=alpha&tenant_id=acme"_s << u"cells"_s;
        QTest::addRow("period") << u"period=24h&state=pending"_s << u"cells"_s;
        QTest::addRow("worker") << u"worker=w1"_s << u"worker"_s;
        QTest::addRow("element") << u"element_id=el-a"_s << u"element"_s;
        QTest::addRow("process instance") << u"process_instance_id=pi-1"_s << u"process_instance"_s;
        QTest::addRow("q") << u"q=red&state=pending"_s << u"fulltext"_s;
        QTest::addRow("updated") << u"sort_by=updated_at"_s << u"sort_index"_s;
    }
    void queryPlans()
    {
        QFETCH(QString, query);
        QFETCH(QString, strategy);
        const QString name = nextConnectionName("plans");
        const bool postgres = SqlDialect::isPostgresUrl(m_server->dbPath());
        {
            QSqlDatabase db;
            if (postgres) {
                StoreOptions options;
                options.path = m_server->dbPath();
                db = Database::open(name, options);
            } else {
                db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                db.setDatabaseName(m_server->dbPath());
                db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            }
            QVERIFY(db.open());
            ApiError error;
            const ApiKey admin{u"a"_s, {u"admin"_s}, {u"*"_s}};
            const ApiClient::Response first = list(query + u"&page_size=1"_s);
            QUrlQuery q(query);
            q.addQueryItem(u"cursor"_s, paginationOf(first).value(u"next_cursor"_s).toString());
            for (const QUrlQuery &asked : {QUrlQuery(query), q}) {
                std::optional<ListParams> p =
                    ListParams::parse(asked, admin, Clock::nowMs(), error);
                QVERIFY(p);
                const QList<CounterCell> cells = JobCounters(db).cells(p->filter);
                JobQuery jobs(db);
                for (const JobQuery::Statement &s :
                     {jobs.pageStatement(p->filter, p->page, cells),
                      jobs.countStatement(p->filter, cells, 10'000)}) {
                    QCOMPARE(s.strategy, strategy);
                    if (postgres) {
                        QSqlQuery run(db);
                        QVERIFY2(run.prepare(s.sql), qPrintable(s.sql));
                        SqlWhere::bindAll(run, s.binds);
                        QVERIFY2(run.exec(), qPrintable(run.lastError().text()));
                        continue;
                    }
                    QSqlQuery explain(db);
                    QVERIFY(explain.prepare(u"EXPLAIN QUERY PLAN "_s + s.sql));
                    SqlWhere::bindAll(explain, s.binds);
                    QVERIFY(explain.exec());
                    QStringList plan;
                    while (explain.next())
                        plan.append(explain.value(3).toString());
                    const QString text = plan.join(u" | "_s);
                    for (const QString &step : plan) {
                        if (!step.startsWith(u"SCAN j"_s) && !step.startsWith(u"SEARCH j"_s))
                            continue;
                        // A bare "SCAN j" only walks the table in id order, bounded by LIMIT.
                        const bool indexed = step.contains(u"INDEX"_s) ||
                                             step.contains(u"PRIMARY KEY"_s) ||
                                             (step == u"SCAN j"_s && strategy == u"sort_index"_s);
                        QVERIFY2(indexed, qPrintable(text));
                    }
                    if (p->page.sort == SortKey::CreatedAt || strategy == u"sort_index"_s)
                        QVERIFY2(!text.contains(u"TEMP B-TREE FOR ORDER BY"_s) ||
                                     text.contains(u"COMPOUND"_s) || text.contains(u"UNION"_s),
                                 qPrintable(text));
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
    }

    // While creates keep coming, a new job is found by its text within 1 s of its creation's
    // answer (SQLite indexes queued jobs at least every search_lag_ms, 250 by default). Last:
    // it adds jobs of its own type that the fixed lists above do not expect.
    void searchKeepsUpUnderLoad()
    {
        std::vector<std::unique_ptr<HttpCall>> load(16);
        int answered = 0;
        const auto keepBusy = [&] {
            for (std::unique_ptr<HttpCall> &call : load) {
                if (call && !call->isDone())
                    continue;
                if (call)
                    answered += call->status() == 201;
                call = std::make_unique<HttpCall>(m_server->port(), "POST", u"/api/v1/jobs"_s,
                                                  jobBody(u"busy"_s, {{u"n"_s, answered}}));
            }
            QTest::qWait(5);
        };
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 300)
            keepBusy();
        const QString key = m_api->createJob(jobBody(u"busy"_s, {{u"word"_s, u"needle77"_s}}));
        QElapsedTimer sinceCreated;
        sinceCreated.start();
        const int answeredBefore = answered;
        bool found = false;
        while (!found && sinceCreated.elapsed() < 1500) {
            keepBusy();
            found = keysOf(list(u"q=needle77"_s)) == QStringList{key};
        }
        const qint64 after = sinceCreated.elapsed();
        QVERIFY2(found, qPrintable(u"not found after %1 ms"_s.arg(after)));
        QVERIFY2(after <= 1000, qPrintable(u"found after %1 ms"_s.arg(after)));
        QVERIFY2(answered > answeredBefore, "the load kept going while the test searched");
        for (std::unique_ptr<HttpCall> &call : load)
            QTRY_VERIFY(!call || call->isDone());
    }
};

QTEST_GUILESS_MAIN(TestApiList)
#include "tst_api_list.moc"
