// The shortest path through the worker API: create, activate, complete, read back.
#include "ApiClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QtTest>

class TestApiSmoke : public QObject
{
    Q_OBJECT
private slots:
    void lifecycle()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key =
            api.createJob({{QStringLiteral("type"), QStringLiteral("smoke")},
                           {QStringLiteral("variables"), QJsonObject{{QStringLiteral("n"), 1}}}});
        QVERIFY(!key.isEmpty());
        const QJsonObject activated = api.activate(QStringLiteral("smoke"), QStringLiteral("w1"));
        QCOMPARE(activated.value(QStringLiteral("activated_count")).toInt(), 1);
        const ApiClient::Response done =
            api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key),
                    {{QStringLiteral("variables"), QJsonObject{{QStringLiteral("ok"), true}}}});
        QCOMPARE(done.status, 200);
        const ApiClient::Response details = api.get(QStringLiteral("/api/v1/jobs/%1").arg(key));
        QCOMPARE(details.status, 200);
        QCOMPARE(details.data().value(QStringLiteral("status")).toString(),
                 QStringLiteral("COMPLETED"));
        QCOMPARE(details.data().value(QStringLiteral("execution_history")).toArray().size(), 3);
    }

    // A worker whose lock expired cannot answer for the worker that holds the job now.
    void staleWorkerCannotAnswer()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QString key = api.createJob({{QStringLiteral("type"), QStringLiteral("stale")},
                                           {QStringLiteral("variables"), QJsonObject()}});
        const auto activate = [&](const char *worker) {
            return api.post(QStringLiteral("/api/v1/jobs/activate"),
                            {{QStringLiteral("type"), QStringLiteral("stale")},
                             {QStringLiteral("worker"), QLatin1String(worker)},
                             {QStringLiteral("timeout"), 1000},
                             {QStringLiteral("request_timeout"), 5000}});
        };
        QCOMPARE(activate("first").data().value(QStringLiteral("activated_count")).toInt(), 1);
        // The lock expires after 1 s; the held long poll of the second worker then gets it.
        QCOMPARE(activate("second").data().value(QStringLiteral("activated_count")).toInt(), 1);
        const QString path = QStringLiteral("/api/v1/jobs/%1/complete").arg(key);
        const ApiClient::Response stale =
            api.put(path, {{QStringLiteral("worker"), QStringLiteral("first")}});
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.errorCode(), QStringLiteral("JOB_NOT_COMPLETABLE"));
        QCOMPARE(stale.error()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("worker_id"))
                     .toString(),
                 QStringLiteral("second"));
        const ApiClient::Response staleFail = api.put(
            QStringLiteral("/api/v1/jobs/%1/fail").arg(key),
            {{QStringLiteral("worker"), QStringLiteral("first")}, {QStringLiteral("retries"), 0}});
        QCOMPARE(staleFail.status, 409);
        QCOMPARE(api.put(path, {{QStringLiteral("worker"), QStringLiteral("second")}}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiSmoke)
#include "tst_api_smoke.moc"
