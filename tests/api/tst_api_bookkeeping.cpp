// The store's bookkeeping under multi-row statements written straight to the jobs table (the
// path of the engine's batched writes): several jobs per INSERT, UPDATE and DELETE, mixed state
// transitions, worker changes, deletes, jobs inserted and updated in one transaction. Afterwards
// the counters equal a recount of the jobs, the rollup and the worker stats equal what the jobs
// went through, and GET /jobs?q= finds the changed text (and no longer the replaced one) once the
// search queue is indexed, including text replaced after an earlier indexing. On
// PostgreSQL also: a store written with the per-row triggers of version 3 keeps its counters
// right through migration 4 (statement-level triggers).
#include "ApiTestKit.h"
#include "BookkeepingModel.h"
#include "TestStore.h"
#include "store/PgSchema.h"
#include "store/Schema.h"
#include "store/SearchQueue.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QTemporaryDir>

#include <map>
#include <tuple>

using namespace ApiTestKit;

using namespace BookkeepingModel;

class TestApiBookkeeping : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    QString m_connection;
    std::map<qint64, Job> m_jobs;
    bool m_runEndColumn = true; // false while a test writes a store older than version 6
    std::map<RollupCell, RollupSums> m_rollup; // expected: every arrival in a terminal state
    std::map<WorkerCell, WorkerSums> m_workerStats;

    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }

    bool exec(const QString &sql)
    {
        QSqlQuery q(db());
        if (q.exec(sql))
            return true;
        qWarning().noquote() << "failed:" << sql.left(300) << q.lastError().text();
        return false;
    }

    Job newJob(qint64 id, const QString &type, const QString &tenant, const QString &word)
    {
        Job j;
        j.id = id;
        j.key = u"bk-%1"_s.arg(id);
        j.type = type;
        j.tenant = tenant;
        j.variables = u"{\"word\": \"%1\", \"n\": %2}"_s.arg(word).arg(id);
        j.createdAt = j.updatedAt = kBase + id * 7'919;
        return j;
    }

    // What the triggers count when a job arrives in `to` (inserted: from == -1).
    void account(const Job &from, const Job &to, bool inserted)
    {
        if (to.state >= 4 && (inserted || from.state != to.state)) {
            const RollupCell cell{(to.finishedAt ? to.finishedAt : to.updatedAt) / 60'000,
                                  to.tenant,
                                  to.type,
                                  to.worker,
                                  to.state,
                                  bucketOf(to)};
            auto &[jobs, timed, processing, queue] = m_rollup[cell];
            ++jobs;
            if (::timed(to)) {
                ++timed;
                processing += to.attemptEndedAt - to.activatedAt;
            }
            if (to.activatedAt)
                queue += to.activatedAt - to.createdAt;
        }
        if (!inserted && !to.worker.isNull() && from.state != to.state &&
            (to.state == 3 || from.state == 3)) {
            auto &[activated, completed, failed] = m_workerStats[{to.worker, to.tenant}];
            activated += to.state == 3;
            completed += to.state == 4;
            failed += to.state == 2 || to.state == 5 || to.state == 6;
        }
    }

    // One INSERT of all `jobs`.
    bool insert(const QList<Job> &jobs)
    {
        QStringList rows;
        for (const Job &j : jobs) {
            rows.append(u"("_s +
                        QStringList{number(j.id, false), text(j.key), text(j.type),
                                    number(j.state, false), text(j.tenant),
                                    u"0, 3, 3, 30000, 1000"_s, text(j.variables), u"'{}'"_s,
                                    text(j.resultVariables), text(j.worker), u"1"_s,
                                    number(j.createdAt), number(j.updatedAt), number(j.activatedAt),
                                    number(j.finishedAt), text(j.errorMessage)}
                            .join(u", "_s) +
                        (m_runEndColumn ? u", "_s + number(j.attemptEndedAt) : QString()) + u")"_s);
            m_jobs[j.id] = j;
            account(Job{}, j, true);
        }
        return exec(u"INSERT INTO jobs (id, job_key, type, state, tenant_id, priority, retries, "
                    "original_retries, timeout_ms, max_retry_delay_ms, variables, custom_headers, "
                    "result_variables, worker, attempt, created_at, updated_at, activated_at, "
                    "finished_at, error_message"_s +
                    (m_runEndColumn ? u", attempt_ended_at"_s : QString()) + u") VALUES "_s +
                    rows.join(u", "_s));
    }

    // One UPDATE giving every job of `changed` its new values (all columns a job's life and an
    // operator's move can change), as the engine's full-row updates do.
    bool update(const QList<Job> &changed)
    {
        const auto column = [&](const char *name, auto value) {
            QString sql = QLatin1String(name) + u" = CASE id"_s;
            for (const Job &j : changed)
                sql += u" WHEN %1 THEN %2"_s.arg(j.id).arg(value(j));
            return sql + u" END"_s;
        };
        QStringList ids;
        for (const Job &j : changed) {
            ids.append(QString::number(j.id));
            account(m_jobs.at(j.id), j, false);
            m_jobs[j.id] = j;
        }
        QStringList sets{
            column("state", [](const Job &j) { return number(j.state, false); }),
            column("type", [](const Job &j) { return text(j.type); }),
            column("tenant_id", [](const Job &j) { return text(j.tenant); }),
            column("worker", [](const Job &j) { return text(j.worker); }),
            column("variables", [](const Job &j) { return text(j.variables); }),
            column("result_variables", [](const Job &j) { return text(j.resultVariables); }),
            column("error_message", [](const Job &j) { return text(j.errorMessage); }),
            column("updated_at", [](const Job &j) { return number(j.updatedAt); }),
            column("activated_at", [](const Job &j) { return number(j.activatedAt); }),
            column("finished_at", [](const Job &j) { return number(j.finishedAt); }),
        };
        if (m_runEndColumn)
            sets.append(
                column("attempt_ended_at", [](const Job &j) { return number(j.attemptEndedAt); }));
        return exec(u"UPDATE jobs SET "_s + sets.join(u", "_s) + u" WHERE id IN ("_s +
                    ids.join(u", "_s) + u")"_s);
    }

    bool remove(const QList<qint64> &ids)
    {
        QStringList list;
        for (qint64 id : ids) {
            list.append(QString::number(id));
            m_jobs.erase(id);
        }
        return exec(u"DELETE FROM jobs WHERE id IN ("_s + list.join(u", "_s) + u")"_s);
    }

    Job activated(qint64 id, const QString &worker, qint64 at) const
    {
        Job j = m_jobs.at(id);
        j.state = 3;
        j.worker = worker;
        j.activatedAt = j.updatedAt = at;
        j.attemptEndedAt = 0;
        return j;
    }
    // A job's move to `state`; leaving ACTIVE ends its run.
    Job ended(qint64 id, int state, qint64 at) const
    {
        Job j = m_jobs.at(id);
        if (j.state == 3)
            j.attemptEndedAt = at;
        j.state = state;
        j.updatedAt = at;
        if (state != 2)
            j.finishedAt = at;
        return j;
    }

    // The store's jobs, counters, rollup and worker stats against the model.
    void checkAgainstModel(const QString &dbPath)
    {
        // The model and the store agree on the jobs.
        StoreProbe store(dbPath);
        QVERIFY(store.isOpen());
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM jobs"_s), int(m_jobs.size()));
        for (const auto &[id, job] : m_jobs)
            QCOMPARE(store.scalar(u"SELECT state FROM jobs WHERE id = ?"_s, {id}).toInt(),
                     job.state);

        // Counters: every cell (count and duration sum) equals a recount, none is missing.
        const QString isNot =
            SqlDialect::isPostgresUrl(dbPath) ? u"IS DISTINCT FROM"_s : u"IS NOT"_s;
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM (SELECT tenant_id, type, state, COUNT(*) AS n, "
                             "SUM(CASE WHEN state = 4 AND activated_at IS NOT NULL AND finished_at "
                             "IS NOT NULL THEN finished_at - activated_at ELSE 0 END) AS d FROM "
                             "jobs GROUP BY 1, 2, 3) r FULL JOIN (SELECT * FROM job_counts WHERE "
                             "count <> 0 OR duration_ms_sum <> 0) c USING (tenant_id, type, state) "
                             "WHERE r.n "_s +
                             isNot + u" c.count OR r.d "_s + isNot + u" c.duration_ms_sum"_s),
                 0);

        // Rollup: one entry per arrival in a terminal state (deleted jobs included).
        QSqlQuery rollup(QSqlDatabase::database(m_connection, false));
        QVERIFY(rollup.exec(u"SELECT minute, tenant_id, type, worker, state, bucket, SUM(jobs), "
                            "SUM(timed_jobs), SUM(processing_ms_sum), SUM(queue_ms_sum) FROM "
                            "job_rollup GROUP BY 1, 2, 3, 4, 5, 6"_s));
        std::map<RollupCell, RollupSums> storedRollup;
        while (rollup.next())
            storedRollup[{rollup.value(0).toLongLong(), rollup.value(1).toString(),
                          rollup.value(2).toString(), rollup.value(3).toString(),
                          rollup.value(4).toInt(), rollup.value(5).toInt()}] = {
                rollup.value(6).toLongLong(), rollup.value(7).toLongLong(),
                rollup.value(8).toLongLong(), rollup.value(9).toLongLong()};
        QCOMPARE(storedRollup.size(), m_rollup.size());
        QVERIFY(storedRollup == m_rollup);

        // Worker stats: activations, completions and failures per worker and tenant.
        QSqlQuery stats(QSqlDatabase::database(m_connection, false));
        QVERIFY(stats.exec(u"SELECT worker, tenant_id, SUM(activated), SUM(completed), "
                           "SUM(failed) FROM worker_stats GROUP BY 1, 2"_s));
        std::map<WorkerCell, WorkerSums> storedStats;
        while (stats.next())
            storedStats[{stats.value(0).toString(), stats.value(1).toString()}] = {
                stats.value(2).toLongLong(), stats.value(3).toLongLong(),
                stats.value(4).toLongLong()};
        QCOMPARE(storedStats.size(), m_workerStats.size());
        QVERIFY(storedStats == m_workerStats);
    }

    // SQLite queues changed jobs for its search index (SearchQueue); the server's engine indexes
    // them in its own next transaction. This test writes behind the engine's back, so it drains
    // the queue itself, as the engine would.
    void indexQueuedJobs()
    {
        if (TestStore::usePostgres())
            return; // its triggers write the index
        QVERIFY(SearchQueue(db()).drain(1000));
        QSqlQuery left(db());
        QVERIFY(left.exec(u"SELECT COUNT(*) FROM search_pending"_s) && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
    }

    QStringList search(const QString &term)
    {
        const ApiClient::Response r = m_api->get(u"/api/v1/jobs?q="_s + term);
        QStringList keys;
        for (const QJsonValue &job : r.data().value(u"jobs"_s).toArray())
            keys.append(job.toObject().value(u"job_key"_s).toString());
        keys.sort();
        return keys;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_api = std::make_unique<ApiClient>(m_server->port(), TestServer::kAdminKey);
        m_connection = nextConnectionName("writer");
        StoreOptions options;
        options.path = m_server->dbPath();
        Database::open(m_connection, options);
        // Counter rows of another node's slot: readers must sum the slots.
        if (SqlDialect::isPostgresUrl(m_server->dbPath()))
            QVERIFY(exec(u"SET jobdeck.shard = '7'"_s));
    }

    void init()
    {
        m_jobs.clear();
        m_rollup.clear();
        m_workerStats.clear();
    }

    void upgradeFromRowTriggers()
    {
        if (!TestStore::usePostgres())
            QSKIP("migration 4 changes PostgreSQL's triggers only");
        const QString url = TestStore::createDatabase();
        const QString serverConnection = m_connection;
        m_connection = nextConnectionName("upgrade");
        const auto restore = qScopeGuard([&] {
            m_runEndColumn = true;
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
            m_connection = serverConnection;
            TestStore::dropDatabase(url);
        });
        StoreOptions options;
        options.path = url;
        Database::open(m_connection, options);

        // A version 3 store (per-row triggers) with jobs written through them.
        for (int version = 0; version < 3; ++version)
            for (size_t i = 0; i < PgSchema::migrations()[version].count; ++i)
                QVERIFY(exec(Schema::statementSql(PgSchema::migrations()[version].statements[i])));
        QVERIFY(exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s));
        QVERIFY(exec(u"INSERT INTO schema_version VALUES (3)"_s));
        QVERIFY(exec(u"SET jobdeck.shard = '3'"_s));
        m_runEndColumn = false;
        QList<Job> jobs;
        for (qint64 id = 201; id <= 212; ++id)
            jobs.append(newJob(id, u"up"_s, id % 2 ? u"ta"_s : u"tb"_s, u"before"_s));
        QVERIFY(insert(jobs));
        QList<Job> batch;
        for (qint64 id = 201; id <= 208; ++id)
            batch.append(activated(id, id % 2 ? u"w1"_s : u"w2"_s, kBase + 1'000'000 + id));
        QVERIFY(update(batch));
        QVERIFY(update({ended(201, 4, kBase + 1'100'000), ended(202, 4, kBase + 1'200'000),
                        ended(203, 4, kBase + 1'300'000), ended(204, 5, kBase + 1'300'000),
                        ended(205, 2, kBase + 1'300'000)}));

        QSqlDatabase upgraded = db();
        Schema::migrate(upgraded);
        m_runEndColumn = true;
        QCOMPARE(Schema::currentVersion(upgraded), Schema::latestVersion());
        StoreProbe store(url);
        QCOMPARE(store.count(u"SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'jobs'::regclass "
                             "AND NOT tgisinternal"_s),
                 3);

        // Jobs written before and after the migration, in multi-row statements.
        QVERIFY(
            update({ended(206, 4, kBase + 2'000'000), ended(207, 4, kBase + 2'100'000),
                    ended(208, 7, kBase + 2'100'000), activated(209, u"w1"_s, kBase + 2'000'000),
                    activated(210, u"w2"_s, kBase + 2'000'000),
                    activated(205, u"w1"_s, kBase + 2'000'000)}));
        QVERIFY(remove({201, 209, 211}));
        checkAgainstModel(url);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_workerStats.at({u"w1"_s, u"ta"_s}), WorkerSums(6, 3, 1));
    }

    // A store of version 5 (before attempt_ended_at) upgraded: each job that ran gets the end of
    // its last run from its history, and the rollup times later finishings by it.
    void upgradeTimesTheLastRun()
    {
        QTemporaryDir dir;
        const QString url =
            TestStore::usePostgres() ? TestStore::createDatabase() : dir.filePath(u"v5.db"_s);
        const QString serverConnection = m_connection;
        m_connection = nextConnectionName("v5");
        const auto restore = qScopeGuard([&] {
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
            m_connection = serverConnection;
            if (TestStore::usePostgres())
                TestStore::dropDatabase(url);
        });
        StoreOptions options;
        options.path = url;
        Database::open(m_connection, options);
        QSqlDatabase store = db();
        Schema::migrateTo(store, 5);
        m_runEndColumn = false;
        const auto columnBack = qScopeGuard([&] { m_runEndColumn = true; });

        // 301: ran 1 s, timed out, cancelled a minute later while it waited. 302: failed once,
        // then ran 30 ms to completion. 303: timed out, waits. 304: runs. 305: never ran.
        const qint64 t = kBase + 5'000'000;
        QList<Job> jobs;
        for (qint64 id = 301; id <= 305; ++id)
            jobs.append(newJob(id, u"ran"_s, u"ta"_s, u"upgrade"_s));
        jobs[0].state = 7;
        jobs[0].activatedAt = t;
        jobs[0].finishedAt = jobs[0].updatedAt = t + 61'000;
        jobs[1].state = 4;
        jobs[1].activatedAt = t + 100;
        jobs[1].finishedAt = jobs[1].updatedAt = t + 130;
        jobs[2].activatedAt = t;
        jobs[2].updatedAt = t + 2'000;
        jobs[3].state = 3;
        jobs[3].activatedAt = jobs[3].updatedAt = t;
        QVERIFY(insert(jobs));
        const auto event = [&](qint64 id, const char *action, qint64 at) {
            return exec(
                u"INSERT INTO job_events (job_id, at, action) VALUES (%1, %2, '%3')"_s.arg(id)
                    .arg(at)
                    .arg(QLatin1String(action)));
        };
        QVERIFY(event(301, "JOB_ACTIVATED", t) && event(301, "JOB_TIMED_OUT", t + 1'000) &&
                event(301, "JOB_CANCELLED", t + 61'000));
        QVERIFY(event(302, "JOB_ACTIVATED", t) && event(302, "JOB_FAILED_RETRY", t + 5) &&
                event(302, "JOB_ACTIVATED", t + 100) && event(302, "JOB_PROGRESS", t + 110) &&
                event(302, "JOB_COMPLETED", t + 130));
        QVERIFY(event(303, "JOB_ACTIVATED", t) && event(303, "JOB_TIMED_OUT", t + 2'000));
        QVERIFY(event(304, "JOB_ACTIVATED", t));

        Schema::migrate(store);
        QCOMPARE(Schema::currentVersion(store), Schema::latestVersion());
        m_runEndColumn = true;
        StoreProbe probe(url);
        const auto endOf = [&](qint64 id) {
            return probe.scalar(u"SELECT attempt_ended_at FROM jobs WHERE id = ?"_s, {id});
        };
        QCOMPARE(endOf(301).toLongLong(), t + 1'000);
        QCOMPARE(endOf(302).toLongLong(), t + 130);
        QCOMPARE(endOf(303).toLongLong(), t + 2'000);
        QVERIFY(endOf(304).isNull());
        QVERIFY(endOf(305).isNull());

        // Finished after the upgrade: 303 is cancelled an hour after its timeout, 304 completes.
        m_jobs.at(301).attemptEndedAt = t + 1'000;
        m_jobs.at(302).attemptEndedAt = t + 130;
        m_jobs.at(303).attemptEndedAt = t + 2'000;
        m_rollup.clear(); // what the upgrade adds only
        const qint64 before = probe.count(u"SELECT COALESCE(SUM(jobs), 0) FROM job_rollup"_s);
        QVERIFY(update({ended(303, 7, t + 3'600'000), ended(304, 4, t + 50)}));
        QSqlQuery rollup(db());
        QVERIFY(rollup.exec(u"SELECT bucket, processing_ms_sum FROM job_rollup WHERE type = "
                            "'ran' AND state = 7 AND timed_jobs = 1 AND minute = %1"_s.arg(
                                (t + 3'600'000) / 60'000)));
        QVERIFY(rollup.next());
        QCOMPARE(rollup.value(0).toInt(), 11); // 2-5 s, not an hour (21)
        QCOMPARE(rollup.value(1).toLongLong(), 2'000);
        QCOMPARE(probe.count(u"SELECT SUM(jobs) FROM job_rollup"_s), before + 2);

        // SQLite: the text indexed by the row triggers of earlier versions is replaced through
        // the search queue of version 9 (a contentless index deletes by the old text).
        if (TestStore::usePostgres())
            return;
        Job edited = m_jobs.at(305);
        edited.variables = u"{\"word\": \"afterword\"}"_s;
        QVERIFY(update({edited}));
        indexQueuedJobs();
        const auto found = [&](const QString &word) {
            QSqlQuery q(db());
            q.prepare(u"SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ? ORDER BY rowid"_s);
            q.addBindValue(word);
            QList<qint64> ids;
            if (q.exec())
                while (q.next())
                    ids.append(q.value(0).toLongLong());
            return ids;
        };
        QCOMPARE(found(u"afterword"_s), QList<qint64>{305});
        QCOMPARE(found(u"upgrade"_s), (QList<qint64>{301, 302, 303, 304}));
        QVERIFY(exec(u"INSERT INTO jobs_fts (jobs_fts) VALUES ('integrity-check')"_s));
    }

    void cleanupTestCase()
    {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        m_api.reset();
        m_server.reset();
    }

    void multiRowStatements()
    {
        // 1. Forty jobs in one INSERT: created, scheduled, and a few already finished.
        QList<Job> jobs;
        for (qint64 id = 1; id <= 40; ++id) {
            Job j = newJob(id, id % 3 ? u"alpha"_s : u"beta"_s, id % 2 ? u"ta"_s : u"tb"_s,
                           u"plain%1"_s.arg(id % 4));
            if (id % 10 == 9)
                j.state = 1;
            if (id >= 37) { // inserted finished: completed with times, and one cancelled
                j.state = id == 40 ? 7 : 4;
                j.worker = id == 40 ? QString() : u"wimport"_s;
                j.activatedAt = id == 40 ? 0 : j.createdAt + 40;
                j.finishedAt = j.updatedAt = j.createdAt + 40 + id * 1'000;
                if (j.activatedAt)
                    j.attemptEndedAt = j.finishedAt;
            }
            jobs.append(j);
        }
        jobs[4].variables = u"{\"word\": \"oldterm\"}"_s;    // job 5: replaced below
        jobs[1].variables = u"{\"word\": \"doomedword\"}"_s; // job 2: deleted below
        QVERIFY(insert(jobs));

        // 2. One UPDATE activates twenty jobs at two workers.
        QList<Job> batch;
        for (qint64 id = 1; id <= 24; ++id)
            if (m_jobs.at(id).state == 0)
                batch.append(activated(id, id % 2 ? u"w1"_s : u"w2"_s, kBase + 90'000'000 + id));
        QCOMPARE(batch.size(), 22);
        QVERIFY(update(batch));
        indexQueuedJobs(); // what follows replaces indexed text

        // 3. One UPDATE of mixed transitions: completions (processing times across buckets),
        // failures, an error thrown, a retryable failure, a cancel, a timeout back to created
        // (worker cleared), a finished job's worker changed, a created job's variables
        // changed, and a created job moved to another type and tenant.
        batch.clear();
        for (qint64 id : {1, 2, 3, 4, 6, 7, 8})
            batch.append(ended(id, 4, m_jobs.at(id).activatedAt + id * id * 997));
        batch[0].resultVariables = u"{\"answer\": \"zebra\"}"_s;
        batch[2].worker = u"wdone"_s; // job 3: completed under another worker name
        batch.append(ended(10, 5, kBase + 90'100'000));
        batch.back().errorMessage = u"kaboom disk-full"_s;
        batch.append(ended(11, 6, kBase + 90'100'000));
        batch.append(ended(12, 2, kBase + 90'100'000));
        batch.back().errorMessage = u"flaky network"_s; // indexed, the job not finished
        batch.append(ended(13, 7, kBase + 90'200'000));
        Job timedOut = m_jobs.at(14);
        timedOut.state = 0;
        timedOut.worker = QString();
        timedOut.updatedAt += 30'000;
        timedOut.attemptEndedAt = timedOut.updatedAt;
        batch.append(timedOut);
        Job renamed = m_jobs.at(37);
        renamed.worker = u"wzulu"_s;
        batch.append(renamed);
        Job edited = m_jobs.at(5);
        QCOMPARE(edited.state, 3);
        edited.variables = u"{\"word\": \"newterm\"}"_s;
        batch.append(edited);
        Job moved = m_jobs.at(25);
        QCOMPARE(moved.state, 0);
        moved.type = u"gamma"_s;
        moved.tenant = u"tc"_s;
        batch.append(moved);
        QVERIFY(update(batch));

        // 4. One DELETE of a finished, an active, a created and a scheduled job.
        QVERIFY(remove({2, 17, 26, 29}));

        // 5. In one transaction: jobs inserted, activated, partly completed, partly deleted,
        // then single-row statements.
        QVERIFY(db().transaction());
        jobs.clear();
        for (qint64 id = 101; id <= 106; ++id)
            jobs.append(newJob(id, u"delta"_s, u"ta"_s, u"fresh"_s));
        QVERIFY(insert(jobs));
        batch.clear();
        for (qint64 id = 101; id <= 106; ++id)
            batch.append(activated(id, u"wactive"_s, kBase + 95'000'000));
        QVERIFY(update(batch));
        batch.clear();
        for (qint64 id = 101; id <= 103; ++id)
            batch.append(ended(id, 4, kBase + 95'000'000 + id * 10));
        batch[0].resultVariables = u"{\"late\": \"lateanswer\"}"_s;
        Job rewritten = m_jobs.at(4); // a finished job's result rewritten, nothing else
        rewritten.resultVariables = u"{\"answer\": \"rewritten\"}"_s;
        batch.append(rewritten);
        QVERIFY(update(batch));
        QVERIFY(remove({106, 15}));
        QVERIFY(update({activated(12, u"w2"_s, kBase + 96'000'000)})); // the retry
        QVERIFY(update({ended(16, 4, kBase + 96'000'000)}));
        // Cancelled while it waited after its timeout: its run lasted until the timeout (30 s),
        // not until the cancel (6.5 min after its activation).
        QVERIFY(update({ended(14, 7, kBase + 96'500'000)}));
        QCOMPARE(bucketOf(m_jobs.at(14)), 14);
        QVERIFY(db().commit());
        indexQueuedJobs();

        checkAgainstModel(m_server->dbPath());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(std::get<0>(m_workerStats.at({u"w1"_s, u"ta"_s})), 10);
        QVERIFY(m_rollup.size() >= 10); // several buckets, outcomes and workers

        // Search: changed text is found, replaced and deleted text is not, the worker of a
        // finished job is indexed, that of an active one is not.
        const auto key = [](qint64 id) { return u"bk-%1"_s.arg(id); };
        QCOMPARE(search(u"newterm"_s), QStringList{key(5)});
        QCOMPARE(search(u"oldterm"_s), QStringList());
        QCOMPARE(search(u"doomedword"_s), QStringList());
        QCOMPARE(search(u"zebra"_s), QStringList{key(1)});
        QCOMPARE(search(u"disk-full"_s), QStringList{key(10)});
        QCOMPARE(search(u"flaky"_s), QStringList{key(12)});
        QCOMPARE(search(u"rewritten"_s), QStringList{key(4)});
        QCOMPARE(search(u"wzulu"_s), QStringList{key(37)});
        QCOMPARE(search(u"wdone"_s), QStringList{key(3)});
        QCOMPARE(search(u"lateanswer"_s), QStringList{key(101)});
        QCOMPARE(search(u"wactive"_s), (QStringList{key(101), key(102), key(103)}));
        QCOMPARE(search(u"fresh"_s).size(), 5);

        // The list summary (from the counters) agrees with the jobs.
        const QJsonObject summary =
            m_api->get(u"/api/v1/jobs"_s).data().value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"total_jobs"_s).toInt(), int(m_jobs.size()));
    }
};

QTEST_GUILESS_MAIN(TestApiBookkeeping)
#include "tst_api_bookkeeping.moc"
