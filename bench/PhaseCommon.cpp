#include "Phases.h"

#include <ctime>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <unistd.h>

namespace bench {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject createObject(const std::string &type, int payloadBytes)
{
    QJsonObject variables{{QStringLiteral("n"), 1},
                          {QStringLiteral("payload"), QString(payloadBytes, QLatin1Char('x'))}};
    return QJsonObject{{QStringLiteral("type"), q(type)},
                       {QStringLiteral("variables"), variables},
                       {QStringLiteral("retries"), 3}};
}

QJsonObject dataOf(const std::string &body, bool &ok)
{
    QJsonParseError err{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), qsizetype(body.size())), &err);
    ok = err.error == QJsonParseError::NoError && doc.isObject() &&
         doc.object().value(QStringLiteral("data")).isObject();
    return ok ? doc.object().value(QStringLiteral("data")).toObject() : QJsonObject();
}

std::string keyText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().toStdString();
    if (v.isDouble())
        return std::to_string(v.toInteger());
    return {};
}

} // namespace

std::string createBody(const std::string &type, int payloadBytes)
{
    return compact(createObject(type, payloadBytes));
}

std::string batchBody(const std::string &type, int payloadBytes, int count)
{
    QJsonArray jobs;
    const QJsonObject one = createObject(type, payloadBytes);
    for (int i = 0; i < count; ++i)
        jobs.append(one);
    return compact(QJsonObject{{QStringLiteral("jobs"), jobs}});
}

std::string activateBody(const std::string &type, const std::string &worker, int maxJobs,
                         int timeoutMs, int requestTimeoutMs)
{
    return compact(QJsonObject{{QStringLiteral("type"), q(type)},
                               {QStringLiteral("worker"), q(worker)},
                               {QStringLiteral("max_jobs"), maxJobs},
                               {QStringLiteral("timeout"), timeoutMs},
                               {QStringLiteral("request_timeout"), requestTimeoutMs}});
}

std::string completeRequest(const Target &target, const std::string &jobKey)
{
    static const std::string body = R"({"variables":{"ok":true}})";
    return buildRequest(target, "PUT", "/api/v1/jobs/" + encodePathSegment(jobKey) + "/complete",
                        body);
}

std::vector<std::string> jobKeys(const std::string &body, bool &ok)
{
    std::vector<std::string> keys;
    const QJsonObject data = dataOf(body, ok);
    if (!ok)
        return keys;
    const QJsonValue jobsValue = data.value(QStringLiteral("jobs"));
    if (!jobsValue.isArray()) {
        ok = false;
        return keys;
    }
    const QJsonArray jobs = jobsValue.toArray();
    keys.reserve(std::size_t(jobs.size()));
    for (const QJsonValue &j : jobs) {
        const QJsonObject job = j.toObject();
        std::string key = keyText(job.value(QStringLiteral("key")));
        if (key.empty())
            key = keyText(job.value(QStringLiteral("job_key")));
        if (key.empty()) {
            ok = false;
            continue;
        }
        keys.push_back(std::move(key));
    }
    return keys;
}

std::string createdJobKey(const std::string &body)
{
    bool ok = false;
    const QJsonObject data = dataOf(body, ok);
    return ok ? keyText(data.value(QStringLiteral("job_key"))) : std::string();
}

std::string runSuffix()
{
    return std::to_string(::getpid()) + "-" + std::to_string(long(std::time(nullptr)));
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

void RssPoller::schedule()
{
    m_loop.after(std::chrono::milliseconds(100), [this] {
        m_mon.poll();
        schedule();
    });
}

HttpResponse requestOnce(const Target &target, const std::string &request,
                         std::chrono::milliseconds timeout)
{
    Loop loop(target);
    HttpResponse result;
    result.error = "no answer within " + std::to_string(timeout.count()) + " ms";
    bool done = false;
    loop.connection()->send(request, [&](const HttpResponse &r) {
        result = r;
        done = true;
    });
    loop.runUntil(Clock::now() + timeout, [&] { return done; });
    return result;
}

} // namespace bench
