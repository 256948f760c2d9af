// Several Jobdeck nodes (real `jobdeck` processes) on one PostgreSQL database: a long poll held
// on one node gets a job created on another, every job is completed exactly once and is never
// active at two workers at the same time, and the jobs a node's workers held when that node was
// killed (-9) time out and are completed by workers of the other nodes; a schedule fires each
// due time once and a type's max_active holds, whichever node acts. Runs on PostgreSQL only
// (registered as tst_api_cluster_pg). JOBDECK_CLUSTER_JOBS sets the number of jobs: 5000 in
// CTest; the 20000 by hand (about 67 s on the shared 2-core machine).

#include "ClusterKit.h"
#include "TestStore.h"
#include "core/Clock.h"
#include "core/JobState.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

using namespace ClusterKit;

class TestApiCluster : public QObject
{
    Q_OBJECT

    QString m_url;
    std::vector<std::unique_ptr<Node>> m_nodes;
    QString m_connection = u"cluster-probe"_s;

    Node &startNode(const QString &id, const QString &configHome = {})
    {
        auto node = std::make_unique<Node>();
        node->id = id;
        node->process = launch(m_url, id, configHome);
        node->port = waitForPort(*node->process);
        node->alive = node->port != 0;
        m_nodes.push_back(std::move(node));
        return *m_nodes.back();
    }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_connection));
        if (!q.exec(sql) || !q.next()) {
            qWarning() << sql << "failed";
            return -1;
        }
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        if (!TestStore::usePostgres())
            QSKIP("several nodes need a PostgreSQL store (JOBDECK_TEST_PG or "
                  "JOBDECK_TEST_PG_FILE)");
    }

    void init()
    {
        m_url = TestStore::createDatabase();
        StoreOptions options;
        options.path = m_url;
        Database::open(m_connection, options);
    }

    void cleanup()
    {
        for (auto &node : m_nodes) {
            if (node->process->state() != QProcess::NotRunning) {
                node->process->terminate();
                if (!node->process->waitForFinished(10'000))
                    node->process->kill();
                node->process->waitForFinished(5000);
            }
        }
        m_nodes.clear();
        Database::close(m_connection);
        TestStore::dropDatabase(m_url);
    }

    // A long poll held on node A is answered with a job created on node B (LISTEN/NOTIFY: the
    // poll would otherwise answer empty after its 20 s), an await on A with B's completion.
    // Two nodes with the same id are refused; /health and /workers list the nodes.
    // A bulk operation whose node is killed (-9) is taken over by another node once the first
    // stops beating: it ends COMPLETED with every matched job acted on once.
    void bulkOperationOfAKilledNodeGoesOn()
    {
        QTemporaryDir config;
        QDir(config.path()).mkpath(u"Jobdeck"_s);
        QFile conf(config.filePath(u"Jobdeck/jobdeck.conf"_s));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[server]\nbulk_step_jobs=50\nbulk_max_busy_percent=10\n");
        conf.close();
        Node &a = startNode(u"nodeA"_s, config.path());
        QVERIFY(a.alive);
        Node &b = startNode(u"nodeB"_s, config.path());
        QVERIFY(b.alive);
        BlockingHttp onA(a.port);
        for (int batch = 0; batch < 2; ++batch) {
            QJsonArray jobs;
            for (int i = 0; i < 500; ++i)
                jobs.append(QJsonObject{{u"type"_s, u"orphan"_s}, {u"variables"_s, QJsonObject{}}});
            QCOMPARE(onA.call("POST", u"/api/v1/jobs/batch"_s, {{u"jobs"_s, jobs}}).status, 201);
        }
        const BlockingHttp::Answer started = onA.call(
            "POST", u"/api/v1/bulk-operations"_s,
            {{u"action"_s, u"cancel"_s}, {u"filter"_s, QJsonObject{{u"type"_s, u"orphan"_s}}}});
        QCOMPARE(started.status, 202);
        const QString id = started.data().value(u"operation_id"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(scalar(u"SELECT processed FROM bulk_operations WHERE "
                                        "operation_key = '%1'"_s.arg(id)) > 0,
                                 20'000);
        a.process->kill(); // SIGKILL: no clean stop
        a.process->waitForFinished(5000);
        const qint64 atKill =
            scalar(u"SELECT processed FROM bulk_operations WHERE operation_key = '%1'"_s.arg(id));
        QVERIFY2(atKill < 1000, qPrintable(QString::number(atKill)));

        BlockingHttp onB(b.port);
        QJsonObject o;
        QTRY_VERIFY_WITH_TIMEOUT((o = onB.call("GET", u"/api/v1/bulk-operations/"_s + id).data())
                                         .value(u"status"_s)
                                         .toString() == u"COMPLETED"_s,
                                 60'000);
        QCOMPARE(o.value(u"processed"_s).toInt(), 1000); // each job once
        QCOMPARE(o.value(u"succeeded"_s).toInt(), 1000);
        QCOMPARE(scalar(u"SELECT node_id = 'nodeB' FROM bulk_operations WHERE operation_key = "
                        "'%1'"_s.arg(id)),
                 1);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE type = 'orphan' AND state = %1"_s.arg(
                     int(JobState::Cancelled))),
                 1000);
    }

    void wakeUpAcrossNodes()
    {
        Node &a = startNode(u"nodeA"_s);
        QVERIFY(a.alive);
        Node &b = startNode(u"nodeB"_s);
        QVERIFY(b.alive);

        std::unique_ptr<QProcess> twin = launch(m_url, u"nodeA"_s);
        QVERIFY(twin->waitForFinished(30'000));
        QCOMPARE(twin->exitCode(), 1);
        QVERIFY2(twin->readAllStandardError().contains("in use by another running Jobdeck node"),
                 "a second nodeA is refused");

        BlockingHttp onB(b.port);
        const BlockingHttp::Answer health = onB.call("GET", u"/api/v1/health"_s);
        QCOMPARE(health.status, 200);
        QStringList ids;
        for (const QJsonValue &n : health.data().value(u"nodes"_s).toArray())
            ids.append(n[u"node_id"_s].toString());
        QCOMPARE(ids, (QStringList{u"nodeA"_s, u"nodeB"_s}));

        BlockingHttp::Answer polled;
        std::jthread poll([&] {
            BlockingHttp onA(a.port);
            polled = onA.call(
                "POST", u"/api/v1/jobs/activate"_s,
                {{u"type"_s, u"wake"_s}, {u"worker"_s, u"wa"_s}, {u"request_timeout"_s, 20'000}});
        });
        // The poll is held on A before the job exists.
        BlockingHttp onA(a.port);
        QTRY_COMPARE_WITH_TIMEOUT(
            onA.call("GET", u"/api/v1/health"_s).data().value(u"long_polls_waiting"_s).toInt(), 1,
            10'000);
        const BlockingHttp::Answer created =
            onB.call("POST", u"/api/v1/jobs"_s,
                     {{u"type"_s, u"wake"_s}, {u"variables"_s, QJsonObject{{u"n"_s, 1}}}});
        QCOMPARE(created.status, 201);
        const QString key = created.data().value(u"job_key"_s).toString();
        QVERIFY2(key.startsWith(u"nodeB-job-"_s), qPrintable(key));
        poll.join();
        QCOMPARE(polled.status, 200);
        const QJsonArray jobs = polled.data().value(u"jobs"_s).toArray();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.at(0)[u"key"_s].toString(), key);

        BlockingHttp::Answer awaited;
        std::jthread await([&] {
            BlockingHttp onA2(a.port);
            awaited = onA2.call("GET", u"/api/v1/jobs/%1/await?timeout=20000"_s.arg(key));
        });
        QTest::qWait(300);
        QCOMPARE(onB.call("PUT", u"/api/v1/jobs/%1/complete"_s.arg(key), {}).status, 200);
        await.join();
        QCOMPARE(awaited.status, 200);
        QCOMPARE(awaited.data().value(u"status"_s).toString(), u"COMPLETED"_s);

        const BlockingHttp::Answer workers = onA.call("GET", u"/api/v1/workers"_s);
        QCOMPARE(workers.status, 200);
        QCOMPARE(workers.data().value(u"nodes"_s).toArray().size(), 2);
    }

    // A schedule firing every second, watched by three nodes for 30 s (JOBDECK_CLUSTER_SCHEDULE_S):
    // each due time creates exactly one job, whichever node fires it.
    void scheduleFiresOnceAcrossThreeNodes()
    {
        for (const QString &id : {u"nodeA"_s, u"nodeB"_s, u"nodeC"_s})
            QVERIFY(startNode(id).alive);
        BlockingHttp onA(m_nodes[0]->port);
        const BlockingHttp::Answer created = onA.call(
            "POST", u"/api/v1/schedules"_s,
            {{u"name"_s, u"heartbeat"_s}, {u"type"_s, u"beat"_s}, {u"every"_s, u"PT1S"_s}});
        QCOMPARE(created.status, 201);
        const qint64 firstDue =
            Clock::parseIso(created.data().value(u"next_run_at"_s).toString()).value_or(0);
        const int seconds = qEnvironmentVariableIntValue("JOBDECK_CLUSTER_SCHEDULE_S") > 0
                                ? qEnvironmentVariableIntValue("JOBDECK_CLUSTER_SCHEDULE_S")
                                : 30;
        QTest::qWait(seconds * 1000);
        BlockingHttp onC(m_nodes[2]->port);
        QCOMPARE(onC.call("PUT", u"/api/v1/schedules/heartbeat/pause"_s).status, 200);
        const BlockingHttp::Answer after = onC.call("GET", u"/api/v1/schedules/heartbeat"_s);
        const qint64 lastRun =
            Clock::parseIso(after.data().value(u"last_run_at"_s).toString()).value_or(0);
        QCOMPARE((lastRun - firstDue) % 1000, 0);
        const qint64 dueTimes = (lastRun - firstDue) / 1000 + 1;
        QVERIFY2(dueTimes >= seconds - 2, qPrintable(QString::number(dueTimes)));
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM jobs WHERE type = 'beat'"_s), dueTimes);
        // No two jobs for one due time: consecutive creations are most of a second apart.
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM (SELECT created_at - lag(created_at) OVER (ORDER "
                        "BY created_at) AS gap FROM jobs WHERE type = 'beat') g WHERE gap < 500"_s),
                 0);
        qInfo() << dueTimes << "due times fired by"
                << scalar(u"SELECT COUNT(DISTINCT split_part(job_key, '-job-', 1)) FROM jobs "
                          "WHERE type = 'beat'"_s)
                << "nodes";
    }

    // max_active 2 for one type, watched by three nodes with two workers each: sampled from the
    // store every few milliseconds, the committed ACTIVE count never passes 2 (the limit row is
    // locked while a node counts and claims), and the jobs all complete.
    void limitHoldsAcrossThreeNodes()
    {
        for (const QString &id : {u"nodeA"_s, u"nodeB"_s, u"nodeC"_s})
            QVERIFY(startNode(id).alive);
        BlockingHttp onA(m_nodes[0]->port);
        QCOMPARE(
            onA.call("PUT", u"/api/v1/job-types/capped/limits"_s, {{u"max_active"_s, 2}}).status,
            200);
        constexpr int kJobs = 40;
        for (int i = 0; i < kJobs; ++i)
            QCOMPARE(
                onA.call("POST", u"/api/v1/jobs"_s,
                         {{u"type"_s, u"capped"_s}, {u"variables"_s, QJsonObject{{u"i"_s, i}}}})
                    .status,
                201);
        // The other nodes read the limit at their next cluster tick.
        QTest::qWait(1000);
        std::atomic<int> completed{0};
        std::atomic<bool> stop{false};
        std::vector<std::jthread> workers;
        for (int w = 0; w < 6; ++w)
            workers.emplace_back([&, w] {
                BlockingHttp http(m_nodes[size_t(w % 3)]->port);
                const QString worker = u"cap-%1"_s.arg(w);
                while (!stop && completed < kJobs) {
                    const BlockingHttp::Answer r = http.call("POST", u"/api/v1/jobs/activate"_s,
                                                             {{u"type"_s, u"capped"_s},
                                                              {u"worker"_s, worker},
                                                              {u"max_jobs"_s, 2},
                                                              {u"request_timeout"_s, 500}});
                    for (const QJsonValue &job : r.data().value(u"jobs"_s).toArray()) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(20));
                        if (http.call("PUT",
                                      u"/api/v1/jobs/%1/complete"_s.arg(job[u"key"_s].toString()),
                                      {{u"worker"_s, worker}})
                                .status == 200)
                            ++completed;
                    }
                }
            });
        qint64 most = 0;
        int samples = 0;
        QElapsedTimer clock;
        clock.start();
        while (completed < kJobs && clock.elapsed() < 60'000) {
            most = qMax(most, scalar(u"SELECT COUNT(*) FROM jobs WHERE type = 'capped' AND "
                                     "state = %1"_s.arg(int(JobState::Active))));
            ++samples;
            QTest::qWait(2);
        }
        stop = true;
        workers.clear();
        qInfo() << samples << "samples, at most" << most << "active at once";
        QCOMPARE(int(completed), kJobs);
        QVERIFY2(most <= 2, qPrintable(QString::number(most)));
        QCOMPARE(most, 2);
    }

    // 3 nodes, 10 workers spread over them, producers on A and B; node C is killed (-9) midway.
    void manyJobsThreeNodesOneKilled()
    {
        const int total = qEnvironmentVariableIntValue("JOBDECK_CLUSTER_JOBS") > 0
                              ? qEnvironmentVariableIntValue("JOBDECK_CLUSTER_JOBS")
                              : 5000;
        for (const QString &id : {u"nodeA"_s, u"nodeB"_s, u"nodeC"_s})
            QVERIFY(startNode(id).alive);
        const int victim = 2;

        std::atomic<int> created{0}, completed{0}, refused{0};
        std::atomic<bool> stop{false}, producerFailed{false};
        std::mutex mutex;
        QStringList completedKeys;
        QStringList uncertainKeys; // completions whose answer the kill cut off

        const auto nextAlive = [&](int node) {
            for (int i = 1; i <= 3; ++i)
                if (m_nodes[size_t((node + i) % 3)]->alive)
                    return (node + i) % 3;
            return node;
        };
        std::vector<std::jthread> threads;
        const auto stopAll = qScopeGuard([&] {
            stop = true;
            threads.clear(); // joins
        });
        // Producers: batches of 100 on A and B only, so that every 201 is a committed batch and
        // no create is left in doubt by the kill.
        for (int p = 0; p < 2; ++p)
            threads.emplace_back([&, p] {
                BlockingHttp http(m_nodes[size_t(p)]->port);
                for (int done = 0; done < total / 2 && !stop;) {
                    const int n = qMin(100, total / 2 - done);
                    QJsonArray batch;
                    for (int i = 0; i < n; ++i)
                        batch.append(
                            QJsonObject{{u"type"_s, u"cluster"_s},
                                        {u"variables"_s, QJsonObject{{u"n"_s, done + i}}}});
                    const BlockingHttp::Answer r =
                        http.call("POST", u"/api/v1/jobs/batch"_s, {{u"jobs"_s, batch}});
                    if (r.status != 201) {
                        producerFailed = true;
                        return;
                    }
                    done += n;
                    created += n;
                }
            });
        // Workers: each asks its node, completes what it got; when its node is gone it drops
        // the jobs it holds (they must time out) and moves to another node.
        for (int w = 0; w < 10; ++w)
            threads.emplace_back([&, w] {
                const QString worker = u"w%1"_s.arg(w);
                int node = w % 3;
                auto http = std::make_unique<BlockingHttp>(m_nodes[size_t(node)]->port);
                const auto moveOn = [&] {
                    node = nextAlive(node);
                    http = std::make_unique<BlockingHttp>(m_nodes[size_t(node)]->port);
                };
                while (!stop) {
                    if (!m_nodes[size_t(node)]->alive)
                        moveOn();
                    const BlockingHttp::Answer r = http->call("POST", u"/api/v1/jobs/activate"_s,
                                                              {{u"type"_s, u"cluster"_s},
                                                               {u"worker"_s, worker},
                                                               {u"max_jobs"_s, 5},
                                                               {u"timeout"_s, 3000},
                                                               {u"request_timeout"_s, 500}});
                    if (r.status != 200) {
                        moveOn();
                        continue;
                    }
                    for (const QJsonValue &job : r.data().value(u"jobs"_s).toArray()) {
                        const QString key = job[u"key"_s].toString();
                        const BlockingHttp::Answer c =
                            http->call("PUT", u"/api/v1/jobs/%1/complete"_s.arg(key),
                                       {{u"worker"_s, worker},
                                        {u"variables"_s, QJsonObject{{u"by"_s, worker}}}});
                        if (c.status == 0) {
                            // The node is gone: this completion may or may not have committed;
                            // the rest of these jobs time out.
                            std::lock_guard lock(mutex);
                            uncertainKeys.append(key);
                            break;
                        }
                        if (c.status != 200) {
                            ++refused;
                            continue;
                        }
                        {
                            std::lock_guard lock(mutex);
                            completedKeys.append(key);
                        }
                        ++completed;
                    }
                }
            });

        QTRY_VERIFY_WITH_TIMEOUT(completed >= total / 3 || producerFailed, 120'000);
        QVERIFY(!producerFailed);
        // Jobs node C hands out to a worker that dies with it: they can only finish by timing out.
        BlockingHttp onVictim(m_nodes[victim]->port);
        const BlockingHttp::Answer doomed = onVictim.call("POST", u"/api/v1/jobs/activate"_s,
                                                          {{u"type"_s, u"cluster"_s},
                                                           {u"worker"_s, u"doomed"_s},
                                                           {u"max_jobs"_s, 5},
                                                           {u"timeout"_s, 3000},
                                                           {u"request_timeout"_s, 0}});
        QCOMPARE(doomed.status, 200);
        QStringList doomedKeys;
        for (const QJsonValue &job : doomed.data().value(u"jobs"_s).toArray())
            doomedKeys.append(job[u"key"_s].toString());
        m_nodes[victim]->alive = false;
        m_nodes[victim]->process->kill(); // SIGKILL
        QVERIFY(m_nodes[victim]->process->waitForFinished(10'000));

        QTRY_VERIFY_WITH_TIMEOUT(scalar(u"SELECT count(*) FROM jobs WHERE state = 4"_s) >= total ||
                                     producerFailed,
                                 180'000);
        stop = true;
        for (std::jthread &t : threads)
            t.join();
        QVERIFY(!producerFailed);
        qInfo("%d jobs created, %d completed, %d answers refused (lock passed on), %lld doomed, "
              "%lld completions cut off by the kill",
              int(created), int(completed), int(refused), qlonglong(doomedKeys.size()),
              qlonglong(uncertainKeys.size()));

        // Every job completed exactly once: never two 200s for one job at the workers (only
        // completions the kill cut off may lack one), one COMPLETED state and one JOB_COMPLETED
        // event per job in the store.
        QCOMPARE(int(created), total);
        const QSet<QString> confirmed(completedKeys.begin(), completedKeys.end());
        QCOMPARE(confirmed.size(), completedKeys.size());
        QVERIFY(int(completed) <= total);
        QVERIFY(int(completed) >= total - uncertainKeys.size());
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs"_s), qint64(total));
        QCOMPARE(scalar(u"SELECT count(*) FROM jobs WHERE state = 4"_s), qint64(total));
        QCOMPARE(scalar(u"SELECT count(*) FROM job_events WHERE action = 'JOB_COMPLETED'"_s),
                 qint64(total));
        QCOMPARE(scalar(u"SELECT count(DISTINCT job_id) FROM job_events WHERE action = "
                        "'JOB_COMPLETED'"_s),
                 qint64(total));
        // Never active at two workers: in each job's history an activation follows a time-out,
        // never another activation, and the completion comes from the last activation's worker.
        const QString history =
            u"SELECT action, worker, lag(action) OVER w AS prev, lag(worker) OVER w AS prev_worker "
            "FROM job_events WHERE action IN ('JOB_ACTIVATED', 'JOB_TIMED_OUT', "
            "'JOB_COMPLETED') WINDOW w AS (PARTITION BY job_id ORDER BY id)"_s;
        QCOMPARE(scalar(u"SELECT count(*) FROM ("_s + history +
                        u") h WHERE action = 'JOB_ACTIVATED' AND prev = 'JOB_ACTIVATED'"_s),
                 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM ("_s + history +
                        u") h WHERE action = 'JOB_COMPLETED' AND (prev IS DISTINCT FROM "
                        "'JOB_ACTIVATED' OR worker IS DISTINCT FROM prev_worker)"_s),
                 0);
        // The doomed jobs timed out and were completed by the others.
        for (const QString &key : doomedKeys) {
            QSqlQuery q(QSqlDatabase::database(m_connection));
            q.prepare(u"SELECT j.state, j.finished_by, (SELECT count(*) FROM job_events e WHERE "
                      "e.job_id = j.id AND e.action = 'JOB_TIMED_OUT') FROM jobs j WHERE "
                      "j.job_key = ?"_s);
            q.addBindValue(key);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), 4);
            QVERIFY(q.value(1).toString() != u"doomed"_s);
            QVERIFY(q.value(2).toInt() >= 1);
        }
        // Keys from both producing nodes, never the same key twice (ids from the node slots).
        QVERIFY(scalar(u"SELECT count(*) FROM jobs WHERE job_key LIKE 'nodeA-job-%'"_s) > 0);
        QVERIFY(scalar(u"SELECT count(*) FROM jobs WHERE job_key LIKE 'nodeB-job-%'"_s) > 0);
        QCOMPARE(scalar(u"SELECT count(DISTINCT id) FROM jobs"_s), qint64(total));
    }
};

QTEST_GUILESS_MAIN(TestApiCluster)
#include "tst_api_cluster.moc"
