// The jobdeck binary as a process. kill -9 at a moment when requests are in flight: every
// acknowledged create and completion must be in the store after a restart, and an acknowledged
// activation must still hold its job (never handed to a second worker while its lock runs).
// SIGTERM: held long polls are answered with an empty job list and the process exits cleanly.
#include "ApiClient.h"
#include "RawHttpClient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

const QByteArray kKey = "crash-test-key";

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_server;

    void startServer()
    {
        m_server = std::make_unique<QProcess>();
        m_server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server->start(QStringLiteral(JOBDECK_BINARY),
                        {QStringLiteral("--headless"), QStringLiteral("--port"),
                         QString::number(m_port), QStringLiteral("--db"),
                         m_dir.filePath(QStringLiteral("jobs.db")), QStringLiteral("--api-key"),
                         QString::fromLatin1(kKey), QStringLiteral("--synchronous"),
                         QStringLiteral("FULL")});
        QVERIFY(m_server->waitForStarted());
        ApiClient probe(m_port, {});
        QTRY_VERIFY_WITH_TIMEOUT(probe.get(QStringLiteral("/api/v1/health"), 500).status == 200,
                                 15'000);
    }

    void killServer()
    {
        ::kill(pid_t(m_server->processId()), SIGKILL);
        QVERIFY(m_server->waitForFinished(10'000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_port = freePort();
        startServer();
    }

    void acknowledgedWorkSurvivesKill9()
    {
        ApiClient api(m_port, kKey);
        const auto job = [](const QString &type, int n) {
            return QJsonObject{
                {QStringLiteral("type"), type},
                {QStringLiteral("variables"), QJsonObject{{QStringLiteral("n"), n}}}};
        };
        // Acknowledged before the crash: 50 creates, 10 completions, 10 held activations.
        QStringList created;
        for (int i = 0; i < 50; ++i) {
            const QString key = api.createJob(job(QStringLiteral("crash"), i));
            QVERIFY(!key.isEmpty());
            created.append(key);
        }
        QStringList held, completed;
        const ApiClient::Response activation =
            api.post(QStringLiteral("/api/v1/jobs/activate"),
                     {{QStringLiteral("type"), QStringLiteral("crash")},
                      {QStringLiteral("worker"), QStringLiteral("first-worker")},
                      {QStringLiteral("max_jobs"), 20},
                      {QStringLiteral("timeout"), 600'000},
                      {QStringLiteral("request_timeout"), 0}});
        QCOMPARE(activation.status, 200);
        const QJsonArray jobs = activation.data().value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 20);
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            const QString key = jobs.at(i).toObject().value(QStringLiteral("key")).toString();
            if (i < 10) {
                QCOMPARE(api.put(QStringLiteral("/api/v1/jobs/%1/complete").arg(key), {}).status,
                         200);
                completed.append(key);
            } else {
                held.append(key);
            }
        }

        // In flight at the moment of the crash: 200 creates on several connections. Those
        // answered 201 before the kill count as acknowledged too.
        QNetworkAccessManager network;
        QStringList acknowledgedInFlight;
        int answered = 0;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 200; ++i) {
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/jobs").arg(m_port)));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            request.setRawHeader("X-API-Key", kKey);
            QNetworkReply *reply = network.post(
                request,
                QJsonDocument(job(QStringLiteral("inflight"), i)).toJson(QJsonDocument::Compact));
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                ++answered;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    acknowledgedInFlight.append(QJsonDocument::fromJson(reply->readAll())
                                                    .object()
                                                    .value(QStringLiteral("data"))
                                                    .toObject()
                                                    .value(QStringLiteral("job_key"))
                                                    .toString());
            });
            replies.append(reply);
        }
        QTRY_VERIFY_WITH_TIMEOUT(answered >= 20, 10'000); // some answered, most still in flight
        killServer();
        QTRY_COMPARE_WITH_TIMEOUT(answered, 200, 10'000); // the rest fail: connection closed
        qInfo() << "acknowledged before kill -9:" << created.size() + acknowledgedInFlight.size()
                << "creates," << completed.size() << "completions," << held.size()
                << "held activations";

        startServer();
        ApiClient after(m_port, kKey);
        for (const QString &key : created + acknowledgedInFlight) {
            const ApiClient::Response r =
                after.get(QStringLiteral("/api/v1/jobs/%1/status").arg(key));
            QVERIFY2(r.status == 200, qPrintable(QStringLiteral("lost job %1").arg(key)));
        }
        for (const QString &key : completed)
            QCOMPARE(after.get(QStringLiteral("/api/v1/jobs/%1/status").arg(key))
                         .data()
                         .value(QStringLiteral("status"))
                         .toString(),
                     QStringLiteral("COMPLETED"));
        for (const QString &key : held)
            QCOMPARE(after.get(QStringLiteral("/api/v1/jobs/%1").arg(key))
                         .data()
                         .value(QStringLiteral("worker_assignment"))
                         .toObject()
                         .value(QStringLiteral("worker_id"))
                         .toString(),
                     QStringLiteral("first-worker"));

        // A second worker gets the 30 jobs never activated, never one of the held ones.
        const QJsonArray second =
            after.activate(QStringLiteral("crash"), QStringLiteral("second-worker"), 100)
                .value(QStringLiteral("jobs"))
                .toArray();
        QCOMPARE(second.size(), 30);
        for (const QJsonValue &j : second)
            QVERIFY(!held.contains(j.toObject().value(QStringLiteral("key")).toString()));
    }

    void sigtermAnswersHeldLongPollsAndExits()
    {
        RawHttp::RawClient worker(m_port);
        QVERIFY(worker.waitConnected());
        const QByteArray body = R"({"type":"never","worker":"w","request_timeout":60000})";
        worker.send("POST /api/v1/jobs/activate HTTP/1.1\r\nHost: x\r\nX-API-Key: " + kKey +
                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
        ApiClient api(m_port, kKey);
        QTRY_COMPARE_WITH_TIMEOUT(api.get(QStringLiteral("/api/v1/health"))
                                      .data()
                                      .value(QStringLiteral("long_polls_waiting"))
                                      .toInt(),
                                  1, 10'000);
        m_server->terminate(); // SIGTERM
        QTRY_COMPARE_WITH_TIMEOUT(worker.count(), 1, 10'000);
        QCOMPARE(worker.at(0).status, 200);
        QCOMPARE(
            worker.at(0).json()[QStringLiteral("data")][QStringLiteral("activated_count")].toInt(),
            0);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->state(), QProcess::NotRunning, 10'000);
        QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->exitCode(), 0);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->state() != QProcess::NotRunning) {
            m_server->terminate();
            m_server->waitForFinished(10'000);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"
