// The limits of API.md enforced by a real Jobdeck server, over raw sockets: bodies, header
// blocks, malformed requests, slow and idle clients, and clients that vanish mid long poll.
#include "ApiClient.h"
#include "RawHttpClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QtTest>

#include <memory>
#include <vector>

using RawHttp::kWait;
using RawHttp::RawClient;

namespace {

ServerSettings smallTimeouts()
{
    ServerSettings s;
    s.http.idleTimeoutMs = 600;
    s.http.headerTimeoutMs = 600;
    s.http.stallTimeoutMs = 600;
    return s;
}

QByteArray activateRequest(const QByteArray &worker, int requestTimeoutMs)
{
    const QByteArray body = R"({"type":"vanish","worker":")" + worker + R"(","request_timeout":)" +
                            QByteArray::number(requestTimeoutMs) + "}";
    return "POST /api/v1/jobs/activate HTTP/1.1\r\nHost: x\r\nX-API-Key: " +
           QByteArray(TestServer::kAdminKey) +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT
private slots:
    void bodyOverLimitAnsweredBeforeItArrives()
    {
        TestServer server;
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: 5242880\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(client.count(), 1, kWait);
        QCOMPARE(client.at(0).status, 413);
        QCOMPARE(client.at(0).errorCode(), QStringLiteral("PAYLOAD_TOO_LARGE"));
        QVERIFY(!client.at(0).headers.value("x-request-id").isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), kWait);
    }

    void headerBlockOverLimit()
    {
        TestServer server;
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " +
                    QByteArray(70 * 1024, 'a') + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(client.count(), 1, kWait);
        QCOMPARE(client.at(0).status, 431);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), kWait);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addRow("garbage line") << QByteArray("GARBAGE\r\n\r\n");
        QTest::addRow("negative length")
            << QByteArray("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
        QTest::addRow("two lengths") << QByteArray(
            "POST /api/v1/jobs HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\n{}");
    }
    void malformedRequests()
    {
        QFETCH(QByteArray, request);
        TestServer server;
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(client.count(), 1, kWait);
        QCOMPARE(client.at(0).status, 400);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed(), kWait);
        // The server still serves others.
        ApiClient api(server.port(), TestServer::kAdminKey);
        QCOMPARE(api.get(QStringLiteral("/api/v1/health")).status, 200);
    }

    void slowAndIdleClientsAreClosed()
    {
        TestServer server(smallTimeouts());
        RawClient slow(server.port()), idle(server.port());
        QVERIFY(slow.waitConnected());
        QVERIFY(idle.waitConnected());
        slow.send("GET /api/v1/hea"); // and never more
        idle.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, kWait);
        QCOMPARE(idle.at(0).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(slow.closed(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(idle.closed(), kWait);
        QCOMPARE(slow.count(), 1);
        QCOMPARE(slow.at(0).status, 408);
    }

    void heldLongPollOutlivesIdleTimeout()
    {
        TestServer server(smallTimeouts());
        RawClient worker(server.port());
        QVERIFY(worker.waitConnected());
        worker.send(activateRequest("patient", 3000));
        QTest::qWait(1500); // well past the 600 ms idle timeout
        QVERIFY(!worker.closed());
        QTRY_COMPARE_WITH_TIMEOUT(worker.count(), 1, kWait);
        QCOMPARE(worker.at(0).status, 200);
    }

    void clientsVanishingMidLongPoll()
    {
        TestServer server;
        ApiClient api(server.port(), TestServer::kAdminKey);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 300; ++i) {
            clients.push_back(std::make_unique<RawClient>(server.port()));
            QVERIFY(clients.back()->waitConnected());
            clients.back()->send(activateRequest("ghost-" + QByteArray::number(i), 30'000));
        }
        const auto waiting = [&api] {
            return api.get(QStringLiteral("/api/v1/health"))
                .data()
                .value(QStringLiteral("long_polls_waiting"))
                .toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(waiting(), 300, kWait);
        for (auto &client : clients)
            client->socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(waiting(), 0, kWait);

        // A job created now goes to a worker that is still there, not to a ghost.
        RawClient good(server.port());
        QVERIFY(good.waitConnected());
        good.send(activateRequest("good-worker", 10'000));
        QTRY_COMPARE_WITH_TIMEOUT(waiting(), 1, kWait);
        const QString key = api.createJob({{QStringLiteral("type"), QStringLiteral("vanish")},
                                           {QStringLiteral("variables"), QJsonObject()}});
        QTRY_COMPARE_WITH_TIMEOUT(good.count(), 1, kWait);
        const QJsonArray jobs =
            good.at(0).json()[QStringLiteral("data")][QStringLiteral("jobs")].toArray();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.at(0)[QStringLiteral("key")].toString(), key);
        QCOMPARE(api.get(QStringLiteral("/api/v1/jobs/%1").arg(key))
                     .data()[QStringLiteral("worker_assignment")][QStringLiteral("worker_id")]
                     .toString(),
                 QStringLiteral("good-worker"));
    }
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_server_limits.moc"
