// HTTPS (issue 18): a server started with a certificate and key (made here with openssl) serves
// the API over TLS only, presents that certificate, keeps the connection guard's limits over
// TLS, closes a handshake that never comes, and refuses to start on files it cannot use.
#include "TestCertificate.h"
#include "TestServer.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError> sslErrors;
    QSslCertificate peer;
};

// One HTTPS request; `trusted`: the certificate the client trusts besides the system's CAs.
Answer request(quint16 port, const QByteArray &method, const QString &path,
               const QSslCertificate &trusted, const QByteArray &body = {})
{
    QNetworkAccessManager network;
    QNetworkRequest r(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!trusted.isNull())
        tls.addCaCertificate(trusted);
    r.setSslConfiguration(tls);
    r.setRawHeader("X-API-Key", TestServer::kAdminKey);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    Answer out;
    QNetworkReply *reply = network.sendCustomRequest(r, method, body);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&out](const QList<QSslError> &errors) { out.sslErrors = errors; });
    QObject::connect(reply, &QNetworkReply::encrypted, reply,
                     [&out, reply] { out.peer = reply->sslConfiguration().peerCertificate(); });
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(15'000);
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.json = QJsonDocument::fromJson(reply->readAll()).object();
    out.error = reply->error();
    delete reply;
    return out;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QVERIFY(m_dir.isValid());
        QVERIFY2(makeTestCertificate(m_dir.path(), u"rsa"_s, {u"-newkey"_s, u"rsa:2048"_s}),
                 "openssl could not make a certificate");
        QVERIFY(makeTestCertificate(
            m_dir.path(), u"ec"_s,
            {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s}));
        m_certificate = QSslCertificate::fromPath(file(u"rsa.crt"_s)).value(0);
        QVERIFY(!m_certificate.isNull());
    }

    void servesTheApiOverHttps()
    {
        TestServer server(tlsSettings(u"rsa"_s));
        QCOMPARE(server.server().baseUrl(), u"https://127.0.0.1:%1"_s.arg(server.port()));
        const Answer health = request(server.port(), "GET", u"/api/v1/health"_s, m_certificate);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(u"data"_s).toObject().value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(health.peer, m_certificate); // the certificate of --tls-cert
        const Answer created = request(server.port(), "POST", u"/api/v1/jobs"_s, m_certificate,
                                       R"({"type": "tls", "variables": {"a": 1}})");
        QCOMPARE(created.status, 201);
        const QString key = created.json.value(u"data"_s).toObject().value(u"job_key"_s).toString();
        QCOMPARE(request(server.port(), "GET", u"/api/v1/jobs/"_s + key, m_certificate).status,
                 200);
    }

    void anEcKeyServesToo()
    {
        TestServer server(tlsSettings(u"ec"_s));
        const QSslCertificate ec = QSslCertificate::fromPath(file(u"ec.crt"_s)).value(0);
        QCOMPARE(request(server.port(), "GET", u"/api/v1/health"_s, ec).status, 200);
    }

    // A client that trusts only the system's CAs refuses the self-signed certificate and says
    // why: what the console shows before the operator trusts a server's fingerprint.
    void anUntrustedCertificateIsNamedNotIgnored()
    {
        TestServer server(tlsSettings(u"rsa"_s));
        const Answer a = request(server.port(), "GET", u"/api/v1/health"_s, QSslCertificate());
        QCOMPARE(a.status, 0);
        QCOMPARE(a.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(!a.sslErrors.isEmpty());
        QCOMPARE(a.sslErrors.first().certificate(), m_certificate);
    }

    void plainHttpGetsNoAnswer()
    {
        TestServer server(tlsSettings(u"rsa"_s));
        QTcpSocket plain;
        plain.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(plain.state(), QAbstractSocket::UnconnectedState, 10'000);
        QVERIFY(!plain.readAll().contains("200"));
    }

    // The connection guard sees the decrypted bytes: its limits answer over TLS as over HTTP,
    // and a client that never starts its handshake is closed after the header timeout.
    void limitsHoldOverTls()
    {
        ServerSettings settings = tlsSettings(u"rsa"_s);
        settings.http.headerTimeoutMs = 500;
        TestServer server(settings);

        QSslSocket tls;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificate(m_certificate);
        tls.setSslConfiguration(config);
        tls.connectToHostEncrypted(u"127.0.0.1"_s, server.port());
        QVERIFY2(tls.waitForEncrypted(10'000), qPrintable(tls.errorString()));
        tls.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(80 * 1024, 'a') +
                  "\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += tls.readAll()).contains("HEADERS_TOO_LARGE"), 10'000);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(80).constData());

        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(silent.waitForConnected(5000));
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 10'000);
        QVERIFY2(clock.elapsed() >= 400, qPrintable(QString::number(clock.elapsed())));
    }

    void unusableFilesStopTheStart_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::addRow("no such file") << u"missing.crt"_s << u"rsa.key"_s << u"cannot read"_s;
        QTest::addRow("key as certificate")
            << u"rsa.key"_s << u"rsa.key"_s << u"holds no PEM certificate"_s;
        QTest::addRow("certificate as key")
            << u"rsa.crt"_s << u"rsa.crt"_s << u"holds no unencrypted PEM private key"_s;
        QTest::addRow("another key") << u"rsa.crt"_s << u"ec.key"_s << u"does not belong"_s;
        QTest::addRow("no key") << u"rsa.crt"_s << QString() << u"both a certificate and a key"_s;
    }

    void unusableFilesStopTheStart()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QTemporaryDir store;
        ServerSettings settings;
        settings.dbPath = store.filePath(u"jobs.db"_s);
        settings.port = 0;
        settings.tlsCertFile = file(cert);
        settings.tlsKeyFile = key.isEmpty() ? QString() : file(key);
        Server server(settings);
        try {
            server.start();
            QFAIL("the server started");
        } catch (const StoreError &error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
        }
    }

private:
    QString file(const QString &name) const { return m_dir.filePath(name); }
    ServerSettings tlsSettings(const QString &name) const
    {
        ServerSettings s;
        s.tlsCertFile = file(name + u".crt"_s);
        s.tlsKeyFile = file(name + u".key"_s);
        return s;
    }

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
