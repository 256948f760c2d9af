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
};

QTEST_GUILESS_MAIN(TestApiSmoke)
#include "tst_api_smoke.moc"
