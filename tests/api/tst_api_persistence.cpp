// What survives a restart of the server on the same store: jobs in every state with their
// history and incidents, due times that passed while it was down, and the key sequence.
#include "ApiTestKit.h"

using namespace ApiTestKit;

namespace {
const QString kJobs = u"/api/v1/jobs"_s;

// Details without the fields that change with the clock.
QJsonObject stableDetails(ApiClient &api, const QString &key)
{
    QJsonObject d = api.get(jobPath(key)).data();
    d.remove(u"elapsed_time_ms"_s);
    d.remove(u"remaining_time_ms"_s);
    d.remove(u"performance_metrics"_s);
    return d;
}

// The jobs table's counters in PostgreSQL's statistics, once the server's own have arrived: a
// backend reports them at most once a second, all together, so waiting until the updates
// counted reach atLeastUpdates also waits for the scans of the same statements.
struct JobsTableStats
{
    qint64 seqTuplesRead = -1, updates = -1;
};

JobsTableStats jobsTableStats(const StoreProbe &probe, qint64 atLeastUpdates)
{
    JobsTableStats stats;
    QDeadlineTimer deadline(20'000);
    do {
        probe.scalar(u"SELECT pg_stat_clear_snapshot()"_s);
        stats.updates = probe
                            .scalar(u"SELECT n_tup_upd FROM pg_stat_user_tables "
                                    "WHERE relname = 'jobs'"_s)
                            .toLongLong();
        stats.seqTuplesRead = probe
                                  .scalar(u"SELECT seq_tup_read FROM pg_stat_user_tables "
                                          "WHERE relname = 'jobs'"_s)
                                  .toLongLong();
        if (stats.updates >= atLeastUpdates)
            return stats;
        QTest::qWait(200);
    } while (!deadline.hasExpired());
    return {};
}
} // namespace

// Holds the store's write lock from a connection of its own: SQLite's RESERVED lock
// (BEGIN IMMEDIATE), or on PostgreSQL an exclusive lock on the jobs table.
class StoreWriteLock
{
public:
    explicit StoreWriteLock(const QString &path) : m_name(nextConnectionName("lock"))
    {
        QSqlDatabase db;
        if (SqlDialect::isPostgresUrl(path)) {
            StoreOptions options;
            options.path = path;
            db = Database::open(m_name, options);
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
            db.setDatabaseName(path);
            if (!db.open())
                return;
        }
        QSqlQuery q(db);
        m_held = SqlDialect::isPostgresUrl(path)
                     ? q.exec(u"BEGIN"_s) && q.exec(u"LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE"_s)
                     : q.exec(u"BEGIN IMMEDIATE"_s);
    }
    ~StoreWriteLock()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isHeld() const { return m_held; }

private:
    QString m_name;
    bool m_held = false;
};

class TestApiPersistence : public QObject
{
    Q_OBJECT
private slots:
    // A store that cannot be written (another connection holds its write lock) answers every
    // request of the batch with 503, also the one whose statement failed: none hangs.
    void lockedStoreAnswers503()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s, u"locked"_s);
        QVERIFY(!key.isEmpty());
        {
            StoreWriteLock lock(server.dbPath());
            QVERIFY(lock.isHeld());
            // The server waits its busy/lock timeout (5 s), then gives up.
            const ApiClient::Response r = api.put(jobPath(key, u"/complete"_s), {}, 30'000);
            QCOMPARE(r.status, 503);
            QCOMPARE(r.errorCode(), u"UNAVAILABLE"_s);
        }
        QCOMPARE(api.get(jobPath(key)).data().value(u"status"_s).toString(), u"ACTIVE"_s);
        QCOMPARE(api.put(jobPath(key, u"/complete"_s), {}).status, 200);
        QCOMPARE(api.get(jobPath(key)).data().value(u"status"_s).toString(), u"COMPLETED"_s);
    }

    // U+0000 in a text field: PostgreSQL text cannot hold it (it is stored as U+FFFD there); on
    // either store the request succeeds and the text around it is kept.
    void nulCharacterInTextIsStored()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = jobIn(api, u"ACTIVE"_s, u"nul"_s);
        const QString message = u"bad"_s + QChar(0) + u"thing"_s;
        const ApiClient::Response r =
            api.put(jobPath(key, u"/fail"_s), {{u"retries"_s, 0}, {u"error_message"_s, message}});
        QCOMPARE(r.status, 200);
        const QJsonObject job = api.get(jobPath(key)).data();
        QCOMPARE(job.value(u"status"_s).toString(), u"FAILED"_s);
        const QString stored =
            api.get(jobPath(key, u"/status"_s)).data().value(u"error_message"_s).toString();
        QCOMPARE(stored.size(), message.size());
        QVERIFY(stored.startsWith(u"bad"_s) && stored.endsWith(u"thing"_s));
        // A job key with U+0000 in the path is simply not found.
        QCOMPARE(api.put(jobPath(key + QChar(0), u"/complete"_s), {}).status, 404);
    }

    // PostgreSQL: the engine's batched writes and read-ahead find their jobs by index however
    // much the store grew after they first ran. A generic plan cached while jobs was nearly
    // empty kept hash-joining every batch against the whole table: each complete then read all
    // 20,000 jobs.
    void batchWritesUseIndexesAfterTheStoreGrew()
    {
        TestServer server;
        if (!SqlDialect::isPostgresUrl(server.dbPath()))
            QSKIP("cached plans are PostgreSQL's");
        ApiClient api(server.port(), TestServer::kAdminKey);
        StoreProbe probe(server.dbPath());
        QVERIFY(probe.isOpen());
        // No ANALYZE in between to refresh the plans by chance.
        probe.scalar(u"ALTER TABLE jobs SET (autovacuum_enabled = false)"_s);
        // More than five runs of each statement (PostgreSQL's threshold for a generic plan).
        for (int i = 0; i < 8; ++i)
            QVERIFY(!jobIn(api, u"COMPLETED"_s, u"early"_s).isEmpty());
        const QJsonObject filler{{u"type"_s, u"filler"_s},
                                 {u"variables"_s, QJsonObject{{u"text"_s, QString(200, u'x')}}}};
        for (int batch = 0; batch < 20; ++batch) {
            QJsonArray jobs;
            for (int i = 0; i < 1000; ++i)
                jobs.append(filler);
            QCOMPARE(api.post(u"/api/v1/jobs/batch"_s, {{u"jobs"_s, jobs}}, 60'000).status, 201);
        }
        const JobsTableStats before = jobsTableStats(probe, 16);
        QVERIFY(before.updates >= 16);
        constexpr int kLate = 10;
        for (int i = 0; i < kLate; ++i)
            QVERIFY(!jobIn(api, u"COMPLETED"_s, u"late"_s).isEmpty());
        const JobsTableStats after = jobsTableStats(probe, before.updates + 2 * kLate);
        QVERIFY2(after.updates >= before.updates + 2 * kLate, "statistics did not arrive");
        const qint64 read = after.seqTuplesRead - before.seqTuplesRead;
        QVERIFY2(read < 20'000, qPrintable(u"%1 jobs read by sequential scans"_s.arg(read)));
    }

    void jobsStatesAndHistorySurvive()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QMap<QString, QString> keys; // state -> job key
        for (const QString &state : {u"CREATED"_s, u"SCHEDULED"_s, u"FAILED_RETRYABLE"_s,
                                     u"ACTIVE"_s, u"FAILED"_s, u"CANCELLED"_s})
            keys.insert(state, jobIn(api, state, state.toLower()));
        // Completed with result variables and a follow-up job; an error thrown with an incident.
        const QString parent = api.createJob(
            jobBody(u"pay"_s, {{u"amount"_s, 10}},
                    {{u"next_jobs"_s, QJsonArray{QJsonObject{{u"type"_s, u"ship"_s}}}}}));
        api.activate(u"pay"_s, u"w1"_s);
        QCOMPARE(api.put(jobPath(parent, u"/complete"_s),
                         {{u"variables"_s, QJsonObject{{u"paid"_s, true}}}})
                     .status,
                 200);
        keys.insert(u"COMPLETED"_s, parent);
        const QString thrown = jobIn(api, u"ACTIVE"_s, u"risky"_s);
        QCOMPARE(
            api.post(jobPath(thrown, u"/throw-error"_s), {{u"error_code"_s, u"BOOM"_s}}).status,
            200);
        keys.insert(u"ERROR_THROWN"_s, thrown);

        QMap<QString, QJsonObject> before;
        for (const QString &key : keys)
            before.insert(key, stableDetails(api, key));
        const QString followUp =
            before.value(parent).value(u"follow_up_jobs"_s).toArray().at(0).toString();
        QVERIFY(!followUp.isEmpty());
        int jobCount = 0, eventCount = 0, incidentCount = 0;
        {
            StoreProbe store(server.dbPath());
            jobCount = store.count(u"SELECT COUNT(*) FROM jobs"_s);
            eventCount = store.count(u"SELECT COUNT(*) FROM job_events"_s);
            incidentCount = store.count(u"SELECT COUNT(*) FROM incidents WHERE status = 'OPEN'"_s);
        }
        QCOMPARE(incidentCount, 2);

        server.restart();

        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            const QJsonObject after = stableDetails(api, it.value());
            QCOMPARE(after.value(u"status"_s).toString(), it.key());
            QCOMPARE(after, before.value(it.value()));
        }
        QCOMPARE(api.get(jobPath(followUp)).data().value(u"status"_s).toString(), u"CREATED"_s);
        QCOMPARE(api.get(jobPath(parent))
                     .data()
                     .value(u"execution_summary"_s)
                     .toObject()
                     .value(u"result_variables"_s)
                     .toObject(),
                 QJsonObject({{u"paid"_s, true}}));
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), jobCount);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM job_events"_s), eventCount);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM incidents WHERE status = 'OPEN'"_s),
                 incidentCount);

        // And the restarted server goes on from there.
        const QJsonObject active = firstJob(api.activate(u"created"_s, u"w2"_s));
        QCOMPARE(active.value(u"key"_s).toString(), keys.value(u"CREATED"_s));
        QCOMPARE(api.put(jobPath(keys.value(u"ACTIVE"_s), u"/complete"_s), {}).status, 200);
        QCOMPARE(store.state(keys.value(u"ACTIVE"_s)), u"COMPLETED"_s);
    }

    void dueWhileDown_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("lastAction");
        QTest::addRow("lock deadline") << u"active"_s << u"JOB_TIMED_OUT"_s;
        QTest::addRow("schedule") << u"scheduled"_s << u"JOB_SCHEDULED"_s;
        QTest::addRow("retry backoff") << u"retrying"_s << u"JOB_FAILED_RETRY"_s;
    }
    void dueWhileDown()
    {
        QFETCH(QString, kind);
        QFETCH(QString, lastAction);
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QString key;
        qint64 dueAt = 0;
        if (kind == u"scheduled"_s) {
            const QJsonObject d =
                api.post(kJobs, jobBody(u"due"_s, {}, {{u"delay"_s, u"PT0.5S"_s}})).data();
            key = d.value(u"job_key"_s).toString();
            dueAt = isoMs(d.value(u"run_at"_s));
        } else {
            key = api.createJob(jobBody(u"due"_s));
            const QJsonObject job =
                firstJob(api.post(kJobs + u"/activate"_s,
                                  activateBody(u"due"_s, u"w1"_s, {{u"timeout"_s, 1000}}))
                             .data());
            dueAt = isoMs(job.value(u"deadline"_s));
            if (kind == u"retrying"_s) {
                const ApiClient::Response failed =
                    api.put(jobPath(key, u"/fail"_s),
                            {{u"retries"_s, 1}, {u"backoff_duration"_s, u"PT0.5S"_s}});
                dueAt = isoMs(
                    failed.data().value(u"retry_strategy"_s).toObject().value(u"next_retry_at"_s));
            }
        }
        QVERIFY(dueAt > Clock::nowMs());
        server.stop();
        // Wait (server down) until the due time has passed.
        QTRY_VERIFY_WITH_TIMEOUT(Clock::nowMs() > dueAt + 50, 3000);
        server.start();

        StoreProbe store(server.dbPath());
        QTRY_COMPARE_WITH_TIMEOUT(store.state(key), u"CREATED"_s, 3000);
        const QJsonObject details = api.get(jobPath(key)).data();
        QCOMPARE(details.value(u"status"_s).toString(), u"CREATED"_s);
        QCOMPARE(actionsOf(details).constLast(), lastAction);
        QCOMPARE(heldLongPolls(api), 0);

        const QJsonObject got = firstJob(api.activate(u"due"_s, u"w2"_s, 1, 5000));
        QCOMPARE(got.value(u"key"_s).toString(), key);
        QCOMPARE(got.value(u"attempt"_s).toInt(), kind == u"scheduled"_s ? 1 : 2);
    }

    void keysNeverRepeatAcrossRestarts()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        QStringList keys;
        for (int round = 0; round < 3; ++round) {
            QJsonArray jobs;
            for (int i = 0; i < 20; ++i)
                jobs.append(jobBody(u"k"_s));
            const ApiClient::Response r = api.post(kJobs + u"/batch"_s, {{u"jobs"_s, jobs}});
            QCOMPARE(r.status, 201);
            const QString single = api.createJob(jobBody(u"k"_s));
            QStringList created;
            for (const QJsonValue &job : r.data().value(u"jobs"_s).toArray())
                created.append(job.toObject().value(u"job_key"_s).toString());
            created.append(single);
            for (const QString &key : created) {
                QVERIFY(key.startsWith(u"srv1-job-"_s));
                if (!keys.isEmpty())
                    QVERIFY2(key > keys.constLast(),
                             qPrintable(key + u" after "_s + keys.constLast()));
                keys.append(key);
            }
            // Incident keys come from the same sequence.
            const QString failing = jobIn(api, u"FAILED"_s, u"inc%1"_s.arg(round));
            const QString incident = api.get(jobPath(failing))
                                         .data()
                                         .value(u"incident_information"_s)
                                         .toObject()
                                         .value(u"incident_id"_s)
                                         .toString();
            QVERIFY(incident.startsWith(u"srv1-incident-"_s));
            QVERIFY(failing > keys.constLast());
            keys.append(failing);
            server.restart();
        }
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
        StoreProbe store(server.dbPath());
        QCOMPARE(store.count(u"SELECT COUNT(DISTINCT job_key) FROM jobs WHERE type = 'k'"_s), 63);
    }
};

QTEST_GUILESS_MAIN(TestApiPersistence)
#include "tst_api_persistence.moc"
