#include "CrashLoad.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace {

const QString kTypes[] = {QStringLiteral("crash-a"), QStringLiteral("crash-b")};

} // namespace

CrashLoad::CrashLoad(quint16 port, QByteArray apiKey, Options options, QObject *parent)
    : QObject(parent), m_port(port), m_apiKey(std::move(apiKey)), m_options(options),
      m_random(options.seed)
{}

CrashLoad::~CrashLoad() = default;

QString CrashLoad::opName(Op op)
{
    switch (op) {
    case Op::Create:
        return QStringLiteral("create");
    case Op::Activate:
        return QStringLiteral("activate");
    case Op::Complete:
        return QStringLiteral("complete");
    case Op::Fail:
        return QStringLiteral("fail");
    case Op::ThrowError:
        return QStringLiteral("throw-error");
    case Op::Cancel:
        return QStringLiteral("cancel");
    case Op::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

void CrashLoad::start()
{
    m_running = true;
    const auto network = [this] {
        m_networks.push_back(std::make_unique<QNetworkAccessManager>());
        return m_networks.back().get();
    };
    QNetworkAccessManager *creators = network(); // up to 6 connections, shared by the lanes
    for (int i = 0; i < m_options.creators; ++i)
        createLoop(creators);
    for (int i = 0; i < m_options.workers; ++i) // each worker has its own connections
        workerLoop(network(), QStringLiteral("crash-worker-%1").arg(i));
    QNetworkAccessManager *operators = network();
    for (int i = 0; i < m_options.operators; ++i)
        operatorLoop(operators);
}

void CrashLoad::stop()
{
    m_running = false;
}

void CrashLoad::later(int ms, std::function<void()> next)
{
    QTimer::singleShot(ms, this, [this, next = std::move(next)] {
        if (m_running)
            next();
    });
}

void CrashLoad::send(QNetworkAccessManager *network, const QByteArray &method, const QString &path,
                     const QJsonObject &body, Handler handler)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setRawHeader("X-API-Key", m_apiKey);
    request.setTransferTimeout(30'000);
    QByteArray payload;
    if (!body.isEmpty() || method != "DELETE") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = network->sendCustomRequest(request, method, payload);
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, method, path, handler = std::move(handler)] {
                --m_inFlight;
                reply->deleteLater();
                Answer answer;
                answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                // A 2xx counts only when its whole body arrived: a reply cut by the kill is
                // not an acknowledgement.
                if (reply->error() != QNetworkReply::NoError && answer.status / 100 == 2)
                    answer.status = 0;
                if (answer.status == 0)
                    ++m_networkErrors;
                const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
                answer.data = json.value(QStringLiteral("data")).toObject();
                if (answer.status / 100 == 2 && !json.value(QStringLiteral("success")).toBool())
                    answer.status = 0; // truncated or unparsable: not an acknowledgement
                checkUnexpected(method, path, answer);
                handler(answer);
            });
}

void CrashLoad::checkUnexpected(const QByteArray &method, const QString &path, const Answer &answer)
{
    // 409: a cancel, delete or worker step raced another one (expected under this load).
    // 404 on a job's own path: the job was cancelled and then deleted by an operator.
    const bool jobPath = path.startsWith(QLatin1String("/api/v1/jobs/")) &&
                         !path.endsWith(QLatin1String("/batch")) &&
                         !path.endsWith(QLatin1String("/activate"));
    const bool expected = answer.status == 0 || answer.status / 100 == 2 || answer.status == 409 ||
                          (answer.status == 404 && jobPath);
    if (!expected && m_unexpected.size() < 50)
        m_unexpected.append(QStringLiteral("%1 %2 -> %3")
                                .arg(QString::fromLatin1(method), path)
                                .arg(answer.status));
}

void CrashLoad::acknowledge(Op op, const QString &key, const QString &status)
{
    const std::optional<JobState> state = JobStates::fromName(status);
    if (key.isEmpty() || !state) {
        if (m_unexpected.size() < 50)
            m_unexpected.append(QStringLiteral("2xx %1 without key/status: '%2' '%3'")
                                    .arg(opName(op), key, status));
        return;
    }
    m_ledger.append({op, key, *state});
    if (op == Op::Create)
        m_pool.append(key);
}

void CrashLoad::createLoop(QNetworkAccessManager *network)
{
    if (!m_running)
        return;
    const auto job = [this] {
        return QJsonObject{
            {QStringLiteral("type"), kTypes[m_random.bounded(2)]},
            {QStringLiteral("retries"), int(m_random.bounded(3))},
            {QStringLiteral("variables"), QJsonObject{{QStringLiteral("n"), ++m_counter}}}};
    };
    const bool batch = m_random.bounded(10) < 3;
    QJsonObject body;
    if (batch) {
        QJsonArray jobs;
        for (int i = 0; i < m_options.batchSize; ++i)
            jobs.append(job());
        body.insert(QStringLiteral("jobs"), jobs);
    } else {
        body = job();
    }
    send(network, "POST",
         batch ? QStringLiteral("/api/v1/jobs/batch") : QStringLiteral("/api/v1/jobs"), body,
         [this, network, batch](const Answer &a) {
             if (a.status == 201) {
                 const QJsonArray jobs =
                     batch ? a.data.value(QStringLiteral("jobs")).toArray() : QJsonArray{a.data};
                 for (const QJsonValue &j : jobs)
                     acknowledge(Op::Create, j[QStringLiteral("job_key")].toString(),
                                 j[QStringLiteral("status")].toString());
             }
             later(a.status == 0 ? m_options.retryPauseMs : 0,
                   [this, network] { createLoop(network); });
         });
}

void CrashLoad::workerLoop(QNetworkAccessManager *network, const QString &worker)
{
    if (!m_running)
        return;
    const QJsonObject body{{QStringLiteral("type"), kTypes[m_random.bounded(2)]},
                           {QStringLiteral("worker"), worker},
                           {QStringLiteral("max_jobs"), 5},
                           {QStringLiteral("timeout"), m_options.lockTimeoutMs},
                           {QStringLiteral("request_timeout"), 500}};
    send(network, "POST", QStringLiteral("/api/v1/jobs/activate"), body,
         [this, network, worker](const Answer &a) {
             const auto next = [this, network, worker, refused = a.status == 0] {
                 later(refused ? m_options.retryPauseMs : 0,
                       [this, network, worker] { workerLoop(network, worker); });
             };
             const QJsonArray jobs =
                 a.status == 200 ? a.data.value(QStringLiteral("jobs")).toArray() : QJsonArray{};
             if (jobs.isEmpty())
                 return next();
             auto pending = std::make_shared<int>(int(jobs.size()));
             for (const QJsonValue &j : jobs) {
                 acknowledge(Op::Activate, j[QStringLiteral("key")].toString(),
                             QStringLiteral("ACTIVE"));
                 finishJob(network, j.toObject(), [pending, next] {
                     if (--*pending == 0)
                         next();
                 });
             }
         });
}

void CrashLoad::finishJob(QNetworkAccessManager *network, const QJsonObject &job,
                          std::function<void()> done)
{
    const QString key = job.value(QStringLiteral("key")).toString();
    const int retries = job.value(QStringLiteral("retries")).toInt();
    const quint32 dice = m_random.bounded(100);
    Op op;
    QString path;
    QJsonObject body;
    if (dice < 60) {
        op = Op::Complete;
        path = QStringLiteral("/api/v1/jobs/%1/complete");
        body = {{QStringLiteral("variables"), QJsonObject{{QStringLiteral("done"), true}}}};
    } else if (dice < 88) {
        op = Op::Fail;
        path = QStringLiteral("/api/v1/jobs/%1/fail");
        body = {{QStringLiteral("retries"), qMax(0, retries - 1)},
                {QStringLiteral("error_message"), QStringLiteral("crash test failure")},
                {QStringLiteral("backoff_duration"), QStringLiteral("PT0.1S")}};
    } else {
        op = Op::ThrowError;
        path = QStringLiteral("/api/v1/jobs/%1/throw-error");
        body = {{QStringLiteral("error_code"), QStringLiteral("CRASH_TEST")},
                {QStringLiteral("error_message"), QStringLiteral("thrown")}};
    }
    const QByteArray method = op == Op::ThrowError ? QByteArray("POST") : QByteArray("PUT");
    send(network, method, path.arg(key), body, [this, op, key, done](const Answer &a) {
        if (a.status == 200)
            acknowledge(op, key, a.data.value(QStringLiteral("status")).toString());
        done();
    });
}

void CrashLoad::operatorLoop(QNetworkAccessManager *network)
{
    if (!m_running)
        return;
    if (m_pool.isEmpty())
        return later(m_options.operatorPauseMs, [this, network] { operatorLoop(network); });
    // Cancels go to recent jobs (most likely still open), deletes to any job.
    const bool cancel = m_random.bounded(10) < 6;
    const quint32 span = quint32(cancel ? qMin<qsizetype>(m_pool.size(), 30) : m_pool.size());
    const QString key = m_pool.at(m_pool.size() - 1 - qsizetype(m_random.bounded(span)));
    const auto handler = [this, network, key, cancel](const Answer &a) {
        if (a.status == 200 && cancel) {
            acknowledge(Op::Cancel, key, a.data.value(QStringLiteral("status")).toString());
        } else if (a.status == 200) {
            acknowledge(Op::Delete, key,
                        a.data.value(QStringLiteral("deleted_job"))
                            .toObject()
                            .value(QStringLiteral("status"))
                            .toString());
            m_pool.removeOne(key);
        } else if (a.status == 0 && !cancel) {
            m_deleteAttempts.insert(key); // unanswered: it may have taken effect
        }
        later(a.status == 0 ? m_options.retryPauseMs : m_options.operatorPauseMs,
              [this, network] { operatorLoop(network); });
    };
    if (cancel)
        send(network, "PUT", QStringLiteral("/api/v1/jobs/%1/cancel").arg(key),
             {{QStringLiteral("reason"), QStringLiteral("crash test")}}, handler);
    else
        send(network, "DELETE", QStringLiteral("/api/v1/jobs/%1").arg(key), {}, handler);
}
