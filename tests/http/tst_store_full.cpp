// Disk full / store not writable (issue 7), against the jobdeck binary over real HTTP.
//
// A soft RLIMIT_FSIZE set on the running server with prlimit(2) makes every write that grows the
// store's WAL fail (EFBIG; the server ignores SIGXFSZ), as a full disk would; raising it again is
// the space coming back. While writes fail: every mutating request answers 503 UNAVAILABLE with
// a message and no internals, reads keep working, nothing of a failed transaction is in the
// store, held long polls stay held. When the limit is raised, the same server (no restart)
// applies writes again, its timers (lock expiry) run again, and after a clean stop the store
// passes SQLite's integrity check with exactly the acknowledged changes in it.
#include "ApiClient.h"
#include "RawHttpClient.h"
#include "ServerProcess.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <memory>
#include <vector>

using RawHttp::RawClient;

namespace {

constexpr int kWait = 15'000;

QByteArray request(const QByteArray &method, const QByteArray &path, const QJsonObject &body = {})
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return method + ' ' + path + " HTTP/1.1\r\nHost: x\r\nX-API-Key: " + ServerProcess::kKey +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

QJsonObject newJob(const QString &type, int n)
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("variables"), QJsonObject{{QStringLiteral("n"), n}}}};
}

// Requests sent at the same moment, one connection each, so that the engine applies them in as
// few transactions as it can; their answers in the order of the requests.
QList<RawHttp::Response> sendTogether(quint16 port, const QList<QByteArray> &requests)
{
    std::vector<std::unique_ptr<RawClient>> clients;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        clients.push_back(std::make_unique<RawClient>(port));
        if (!clients.back()->waitConnected())
            return {};
    }
    for (size_t i = 0; i < clients.size(); ++i)
        clients[i]->send(requests.at(qsizetype(i)));
    QList<RawHttp::Response> answers;
    for (auto &client : clients) {
        if (!QTest::qWaitFor([&client] { return client->count() > 0; }, kWait))
            return {};
        answers.append(client->at(0));
    }
    return answers;
}

QString jobStatus(ApiClient &api, const QString &key)
{
    return api.get(QStringLiteral("/api/v1/jobs/%1/status").arg(key))
        .data()
        .value(QStringLiteral("status"))
        .toString();
}

int jobsOfType(ApiClient &api, const QString &type)
{
    const ApiClient::Response r = api.get(QStringLiteral("/api/v1/jobs?type=%1").arg(type));
    return r.status == 200
               ? r.data()[QStringLiteral("pagination")][QStringLiteral("total_count")].toInt()
               : -1;
}

int longPollsWaiting(ApiClient &api)
{
    return api.get(QStringLiteral("/api/v1/health"))
        .data()
        .value(QStringLiteral("long_polls_waiting"))
        .toInt();
}

} // namespace

class TestStoreFull : public QObject
{
    Q_OBJECT
private:
    // The mutations of one round: creates, a batch, complete / fail of active jobs, cancel and
    // delete of waiting ones, an activation that would take a job.
    struct Round
    {
        QStringList active;  // ACTIVE, held by "holder"
        QStringList waiting; // CREATED
        QString toTake;      // CREATED, the only job of its type
        QList<QByteArray> requests;
        QList<int> expected; // the status each request gets when the store is writable
        int newJobs = 0;     // jobs the requests create when they succeed
    };

    Round prepareRound(ApiClient &api, const QString &type)
    {
        Round round;
        for (int i = 0; i < 6; ++i)
            round.waiting.append(api.createJob(newJob(type, i)));
        const QJsonArray activated =
            api.activate(type, QStringLiteral("holder"), 3).value(QStringLiteral("jobs")).toArray();
        for (const QJsonValue &job : activated) {
            const QString key = job[QStringLiteral("key")].toString();
            round.active.append(key);
            round.waiting.removeAll(key);
        }
        // The activation below takes this one (its own type: the order in which the engine
        // applies requests sent together is not fixed).
        round.toTake = api.createJob(newJob(type + QStringLiteral("-take"), 0));
        const QByteArray newType = type.toUtf8() + "-new";
        auto add = [&round](const QByteArray &r, int status) {
            round.requests.append(r);
            round.expected.append(status);
        };
        for (int i = 0; i < 8; ++i)
            add(request("POST", "/api/v1/jobs", newJob(QString::fromUtf8(newType), i)), 201);
        round.newJobs = 8 + 3; // and the batch below
        add(request(
                "POST", "/api/v1/jobs/batch",
                {{QStringLiteral("jobs"), QJsonArray{newJob(QString::fromUtf8(newType), 100),
                                                     newJob(QString::fromUtf8(newType), 101),
                                                     newJob(QString::fromUtf8(newType), 102)}}}),
            201);
        add(request("PUT", "/api/v1/jobs/" + round.active.at(0).toUtf8() + "/complete",
                    {{QStringLiteral("variables"), QJsonObject{{QStringLiteral("ok"), true}}}}),
            200);
        add(request("PUT", "/api/v1/jobs/" + round.active.at(1).toUtf8() + "/fail",
                    {{QStringLiteral("retries"), 0},
                     {QStringLiteral("error_message"), QStringLiteral("gave up")}}),
            200);
        add(request("POST", "/api/v1/jobs/" + round.active.at(2).toUtf8() + "/cancel"), 200);
        add(request("POST", "/api/v1/jobs/" + round.waiting.at(0).toUtf8() + "/cancel"), 200);
        add(request("DELETE", "/api/v1/jobs/" + round.waiting.at(1).toUtf8()), 200);
        add(request("POST", "/api/v1/jobs/activate",
                    {{QStringLiteral("type"), type + QStringLiteral("-take")},
                     {QStringLiteral("worker"), QStringLiteral("late")},
                     {QStringLiteral("max_jobs"), 1},
                     {QStringLiteral("request_timeout"), 0}}),
            200);
        return round;
    }

    static bool hasInternals(const QString &message)
    {
        static const QRegularExpression internals(
            QStringLiteral("sql|disk I/O|database|\\.db|errno|EFBIG|file|/"),
            QRegularExpression::CaseInsensitiveOption);
        return internals.match(message).hasMatch();
    }

    int rollbacksLogged(ServerProcess &server)
    {
        return int(server.log().count("transaction rolled back"));
    }

private slots:
    void storeFullRefusesWritesAndRecovers();
};

void TestStoreFull::storeFullRefusesWritesAndRecovers()
{
    ServerProcess server;
    QVERIFY(server.start());
    ApiClient api(server.port(), ServerProcess::kKey);

    const Round round = prepareRound(api, QStringLiteral("full"));
    QCOMPARE(round.active.size(), 3);
    QCOMPARE(round.waiting.size(), 3);
    // A lock that runs out while the store is full: the engine's timer must cope, and put the
    // job back once writes work again.
    const QString expiring = api.createJob(newJob(QStringLiteral("full-expiring"), 0));
    QCOMPARE(api.post(QStringLiteral("/api/v1/jobs/activate"),
                      {{QStringLiteral("type"), QStringLiteral("full-expiring")},
                       {QStringLiteral("worker"), QStringLiteral("slow")},
                       {QStringLiteral("timeout"), 1000},
                       {QStringLiteral("request_timeout"), 0}})
                 .data()
                 .value(QStringLiteral("activated_count"))
                 .toInt(),
             1);
    // A worker long-polling a type whose jobs are created during the failure.
    RawClient poller(server.port());
    QVERIFY(poller.waitConnected());
    poller.send(request("POST", "/api/v1/jobs/activate",
                        {{QStringLiteral("type"), QStringLiteral("full-late")},
                         {QStringLiteral("worker"), QStringLiteral("patient")},
                         {QStringLiteral("request_timeout"), 60'000}}));
    QTRY_COMPARE_WITH_TIMEOUT(longPollsWaiting(api), 1, kWait);

    // The disk is full: the WAL cannot grow; the next frame written is cut short.
    const qint64 walSize = QFileInfo(server.dbPath() + QStringLiteral("-wal")).size();
    QVERIFY(walSize > 0);
    QVERIFY(server.setFileSizeLimit(rlim_t(walSize) + 3000));
    const int rollbacksBefore = rollbacksLogged(server);

    const QList<RawHttp::Response> refused = sendTogether(server.port(), round.requests);
    QCOMPARE(refused.size(), round.requests.size());
    for (const RawHttp::Response &r : refused) {
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("success")).toBool(true), false);
        QCOMPARE(r.errorCode(), QStringLiteral("UNAVAILABLE"));
        QVERIFY(!r.message().isEmpty());
        QVERIFY2(!hasInternals(r.message()), qPrintable(r.message()));
        QVERIFY(!r.json().value(QStringLiteral("request_id")).toString().isEmpty());
    }
    const ApiClient::Response late =
        api.post(QStringLiteral("/api/v1/jobs"), newJob(QStringLiteral("full-late"), 0));
    QCOMPARE(late.status, 503);
    QCOMPARE(late.errorCode(), QStringLiteral("UNAVAILABLE"));

    // Reads keep working, and show nothing of the refused writes.
    for (const QString &key : round.active) {
        const ApiClient::Response details = api.get(QStringLiteral("/api/v1/jobs/%1").arg(key));
        QCOMPARE(details.status, 200);
        QCOMPARE(details.data().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ACTIVE"));
        QCOMPARE(details.data()[QStringLiteral("worker_assignment")][QStringLiteral("worker_id")]
                     .toString(),
                 QStringLiteral("holder"));
    }
    for (const QString &key : round.waiting + QStringList{round.toTake})
        QCOMPARE(jobStatus(api, key), QStringLiteral("CREATED"));
    QCOMPARE(jobsOfType(api, QStringLiteral("full-new")), 0);
    QCOMPARE(jobsOfType(api, QStringLiteral("full-late")), 0);
    QCOMPARE(jobsOfType(api, QStringLiteral("full")), 6);
    QCOMPARE(api.get(QStringLiteral("/api/v1/health")).status, 200);
    QCOMPARE(api.get(QStringLiteral("/metrics")).status, 200);
    QCOMPARE(poller.count(), 0); // still held: nothing was created for it
    QCOMPARE(longPollsWaiting(api), 1);

    // Past the expiring job's deadline, the engine retries its housekeeping at a bounded pace
    // (it does not spin on a store that refuses every write) and still refuses writes.
    QTest::qWait(2500);
    QCOMPARE(jobStatus(api, expiring), QStringLiteral("ACTIVE"));
    const int rollbacks = rollbacksLogged(server) - rollbacksBefore;
    qInfo() << "transactions rolled back while the store was full:" << rollbacks;
    QVERIFY(rollbacks >= 1);
    QVERIFY2(rollbacks < 50, qPrintable(QString::number(rollbacks)));
    QCOMPARE(api.post(QStringLiteral("/api/v1/jobs"), newJob(QStringLiteral("full-new"), 0)).status,
             503);

    // Space returns: the same server applies the same requests.
    QVERIFY(server.setFileSizeLimit(RLIM_INFINITY));
    const QList<RawHttp::Response> applied = sendTogether(server.port(), round.requests);
    QCOMPARE(applied.size(), round.requests.size());
    for (qsizetype i = 0; i < applied.size(); ++i)
        QVERIFY2(applied.at(i).status == round.expected.at(i),
                 qPrintable(QStringLiteral("request %1: %2 %3")
                                .arg(i)
                                .arg(applied.at(i).status)
                                .arg(QString::fromUtf8(applied.at(i).body))));
    int created = round.newJobs;
    QCOMPARE(jobStatus(api, round.active.at(0)), QStringLiteral("COMPLETED"));
    QCOMPARE(jobStatus(api, round.active.at(1)), QStringLiteral("FAILED"));
    QCOMPARE(jobStatus(api, round.active.at(2)), QStringLiteral("CANCELLED"));
    QCOMPARE(jobStatus(api, round.waiting.at(0)), QStringLiteral("CANCELLED"));
    QCOMPARE(api.get(QStringLiteral("/api/v1/jobs/%1").arg(round.waiting.at(1))).status, 404);
    QCOMPARE(jobStatus(api, round.waiting.at(2)), QStringLiteral("CREATED"));
    QCOMPARE(api.get(QStringLiteral("/api/v1/jobs/%1").arg(round.toTake))
                 .data()[QStringLiteral("worker_assignment")][QStringLiteral("worker_id")]
                 .toString(),
             QStringLiteral("late"));
    QCOMPARE(jobsOfType(api, QStringLiteral("full-new")), created);
    // The lock that ran out during the failure is released now; the held long poll gets a job
    // created now.
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(api, expiring), QStringLiteral("CREATED"), kWait);
    const QString lateKey = api.createJob(newJob(QStringLiteral("full-late"), 1));
    QVERIFY(!lateKey.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(poller.count(), 1, kWait);
    QCOMPARE(poller.at(0).status, 200);
    const QJsonArray handed =
        poller.at(0).json()[QStringLiteral("data")][QStringLiteral("jobs")].toArray();
    QCOMPARE(handed.size(), 1);
    QCOMPARE(handed.at(0)[QStringLiteral("key")].toString(), lateKey);

    // A second failure and recovery on the same connection: nothing was left stuck.
    QVERIFY(server.setFileSizeLimit(
        rlim_t(QFileInfo(server.dbPath() + QStringLiteral("-wal")).size())));
    QCOMPARE(
        api.post(QStringLiteral("/api/v1/jobs"), newJob(QStringLiteral("full-new"), 200)).status,
        503);
    QVERIFY(server.setFileSizeLimit(RLIM_INFINITY));
    QVERIFY(!api.createJob(newJob(QStringLiteral("full-new"), 201)).isEmpty());
    created += 1;

    // After a clean stop the store is sound and holds exactly what was acknowledged.
    QVERIFY(server.stop());
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(server.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'full-new'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), created);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE type = 'full-late'")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

QTEST_GUILESS_MAIN(TestStoreFull)
#include "tst_store_full.moc"
