// The console's connection to a server over its API (issue 18): "Test connection" against a
// real server over HTTP and HTTPS says what it found (key, permissions, tenants, version, store)
// or why it failed (refused key, nothing listening, no answer in time, not a Jobdeck server, an
// untrusted certificate with its SHA-256 fingerprint), never with the key in the text; a
// certificate trusted by its fingerprint is accepted, another one is not. A read of rows over
// several answers lists a job once (against a scripted server).
#include "ApiClient.h"
#include "TestCertificate.h"
#include "TestServer.h"
#include "remote/ApiConnection.h"
#include "remote/RemoteClient.h"
#include "remote/RemoteJobSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <future>

using namespace Qt::StringLiterals;

namespace {

struct Probed
{
    ApiAnswer answer;
    ApiConnection::Session session;
};

Probed probe(ApiConnection &connection)
{
    Probed out;
    bool done = false;
    QObject context;
    connection.probe(&context, [&](const ApiAnswer &answer, const ApiConnection::Session &s) {
        out = {answer, s};
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 20'000))
        out.answer.problem = u"no callback"_s;
    return out;
}

QUrl local(quint16 port, const char *scheme = "http")
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(QLatin1String(scheme)).arg(port));
}

// A free loopback port with nothing listening on it.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestRemoteConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(makeTestCertificate(m_dir.path(), u"server"_s, {u"-newkey"_s, u"rsa:2048"_s}),
                 "openssl could not make a certificate");
        QVERIFY(makeTestCertificate(m_dir.path(), u"other"_s, {u"-newkey"_s, u"rsa:2048"_s}));
    }

    void testConnectionSaysWhatItFound()
    {
        TestServer server;
        ApiConnection admin(local(server.port()), TestServer::kAdminKey);
        Probed p = probe(admin);
        QVERIFY2(p.answer.ok(), qPrintable(p.answer.problem));
        QCOMPARE(p.session.permissions, QStringList{u"admin"_s});
        QCOMPARE(p.session.tenants, QStringList{u"*"_s});
        QCOMPARE(p.session.store, u"sqlite"_s);
        QVERIFY(!p.session.version.isEmpty());

        // A read key of two tenants: the console will offer no action and show only those.
        ApiClient api(server.port(), TestServer::kAdminKey);
        const QByteArray readKey =
            api.post(u"/api/v1/api-keys"_s, {{u"name"_s, u"desk"_s},
                                             {u"permissions"_s, QJsonArray{u"read"_s}},
                                             {u"tenants"_s, QJsonArray{u"acme"_s, u"beta"_s}}})
                .data()
                .value(u"api_key"_s)
                .toString()
                .toLatin1();
        QVERIFY(!readKey.isEmpty());
        ApiConnection reader(local(server.port()), readKey);
        p = probe(reader);
        QVERIFY(p.answer.ok());
        QCOMPARE(p.session.keyName, u"desk"_s);
        QCOMPARE(p.session.permissions, QStringList{u"read"_s});
        QCOMPARE(p.session.tenants, (QStringList{u"acme"_s, u"beta"_s}));

        // Revoked: refused, and the text does not show the key.
        QCOMPARE(api.del(u"/api/v1/api-keys/desk"_s).status, 200);
        p = probe(reader);
        QCOMPARE(p.answer.failure, ApiAnswer::Failure::KeyRefused);
        QCOMPARE(p.answer.status, 401);
        QVERIFY(!p.answer.problem.contains(QString::fromLatin1(readKey)));
        QVERIFY2(p.answer.problem.contains(u"refused the API key"_s), qPrintable(p.answer.problem));
    }

    void whyItFailed()
    {
        ApiConnection nobody(local(closedPort()), "some-key");
        Probed p = probe(nobody);
        QCOMPARE(p.answer.failure, ApiAnswer::Failure::Unreachable);
        QVERIFY2(p.answer.problem.startsWith(u"Cannot connect to http://127.0.0.1:"_s),
                 qPrintable(p.answer.problem));

        // Accepts and never answers: the request's timeout ends it.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ApiConnection slow(local(silent.serverPort()), "some-key");
        slow.setTimeoutMs(300);
        QElapsedTimer clock;
        clock.start();
        p = probe(slow);
        QCOMPARE(p.answer.failure, ApiAnswer::Failure::TimedOut);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));

        // Something else on the port: not a Jobdeck server.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        connect(&other, &QTcpServer::newConnection, &other, [&other] {
            QTcpSocket *s = other.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s] {
                s->readAll();
                s->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                         "Content-Length: 9\r\nConnection: close\r\n\r\nNot here.");
                s->disconnectFromHost();
            });
        });
        ApiConnection wrong(local(other.serverPort()), "some-key");
        p = probe(wrong);
        QCOMPARE(p.answer.failure, ApiAnswer::Failure::NotJobdeck);
        QCOMPARE(p.answer.status, 404);
    }

    void httpsWithATrustedFingerprint()
    {
        ServerSettings settings;
        settings.tlsCertFile = m_dir.filePath(u"server.crt"_s);
        settings.tlsKeyFile = m_dir.filePath(u"server.key"_s);
        TestServer server(settings);
        const QSslCertificate certificate =
            QSslCertificate::fromPath(settings.tlsCertFile).value(0);
        const QString print = ApiConnection::fingerprint(certificate);
        QCOMPARE(print.size(), 32 * 3 - 1); // "AB:CD:..." over 32 bytes

        // Self-signed: refused, with the fingerprint to show the operator.
        ApiConnection connection(local(server.port(), "https"), TestServer::kAdminKey);
        Probed p = probe(connection);
        QCOMPARE(p.answer.failure, ApiAnswer::Failure::UntrustedCertificate);
        QCOMPARE(p.answer.certificateFingerprint, print);
        QVERIFY(p.answer.problem.contains(print));

        // Another certificate's fingerprint trusts nothing here.
        connection.setTrustedFingerprints({ApiConnection::fingerprint(
            QSslCertificate::fromPath(m_dir.filePath(u"other.crt"_s)).value(0))});
        QCOMPARE(probe(connection).answer.failure, ApiAnswer::Failure::UntrustedCertificate);

        // The operator trusted this one: the session is read over TLS.
        connection.setTrustedFingerprints({print});
        p = probe(connection);
        QVERIFY2(p.answer.ok(), qPrintable(p.answer.problem));
        QCOMPARE(p.session.permissions, QStringList{u"admin"_s});
    }

    // A read of 200 rows is two answers of the API, two snapshots: a job updated in between
    // comes in both (here the first answer's last row), and the console lists it once.
    void jobInTwoAnswersIsListedOnce()
    {
        const auto entry = [](int id) {
            return QJsonObject{
                {u"job_key"_s,
                 u"srv1-job-"_s + QString::number(1000 + id, 36).rightJustified(13, u'0')},
                {u"type"_s, u"mail"_s},
                {u"status"_s, u"CREATED"_s},
                {u"created_at"_s, u"2026-12-06T08:00:00.000Z"_s},
                {u"updated_at"_s,
                 u"2026-12-06T08:00:%1.000Z"_s.arg(id % 60, 2, 10, QLatin1Char('0'))}};
        };
        const auto answer = [&](const QByteArray &path) {
            QJsonArray jobs;
            const bool first = !path.contains("cursor=");
            for (int id = first ? 0 : 99; id < (first ? 100 : 149); ++id)
                jobs.append(entry(id));
            const QJsonObject page{
                {u"next_cursor"_s, first ? QJsonValue(u"second"_s) : QJsonValue(QJsonValue::Null)}};
            return QJsonDocument(QJsonObject{{u"success"_s, true},
                                             {u"data"_s, QJsonObject{{u"jobs"_s, jobs},
                                                                     {u"pagination"_s, page}}}})
                .toJson(QJsonDocument::Compact);
        };
        // A scripted server: its answers come from this thread while the read waits on another.
        QTcpServer fake;
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        QByteArrayList paths;
        connect(&fake, &QTcpServer::newConnection, &fake, [&] {
            while (QTcpSocket *socket = fake.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [&, socket, buffer] {
                    buffer->append(socket->readAll());
                    for (qsizetype end; (end = buffer->indexOf("\r\n\r\n")) >= 0;) {
                        const QByteArray path = buffer->left(end).split(' ').value(1);
                        buffer->remove(0, end + 4);
                        paths.append(path);
                        const QByteArray body = answer(path);
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                      "Content-Length: " +
                                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    }
                });
            }
        });
        RemoteServer server;
        server.url = QUrl(u"http://127.0.0.1:%1"_s.arg(fake.serverPort()));
        server.apiKey = "scripted";
        RemoteJobSource source(std::make_shared<const RemoteClient>(server));
        PageRequest request;
        request.sort = SortKey::UpdatedAt;
        request.limit = 200;
        std::future<JobSource::Page> read =
            std::async(std::launch::async, [&] { return source.page(JobFilter{}, request); });
        QVERIFY(QTest::qWaitFor(
            [&] { return read.wait_for(std::chrono::seconds(0)) == std::future_status::ready; },
            20'000));
        const JobSource::Page page = read.get();
        QCOMPARE(paths.size(), 2);
        QVERIFY(paths.at(1).contains("cursor=second"));
        QCOMPARE(page.jobs.size(), 149); // 100 + 49: the one in both answers once
        QSet<QString> keys;
        for (const JobRecord &job : page.jobs)
            keys.insert(job.key);
        QCOMPARE(keys.size(), 149);
        QVERIFY(!page.hasMore);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestRemoteConnection)
#include "tst_remote_connection.moc"
