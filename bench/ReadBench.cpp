// jobdeck-readbench: latency of the read side of a running server (list pages, a deep cursor
// page, filtered and full-text searches, stats) over one keep-alive loopback connection, one
// request at a time. Run it against a store from jobdeck-generate, alone or while
// `jobdeck-bench --phases c` loads the server.
//
//   build/bench/jobdeck-readbench --key K --samples 200 --deep-pages 500
#include "HttpClient.h"
#include "Stats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cstdio>

using namespace bench;

namespace {

class Reader
{
public:
    explicit Reader(const Target &target) : m_loop(target), m_connection(m_loop.connection()) {}

    HttpResponse get(const std::string &path)
    {
        HttpResponse out;
        bool done = false;
        m_connection->send(buildRequest(m_loop.target(), "GET", path, {}),
                           [&](const HttpResponse &r) {
                               out = r;
                               done = true;
                           });
        m_loop.runUntil(Clock::now() + std::chrono::seconds(30), [&] { return done; });
        return out;
    }

private:
    Loop m_loop;
    Connection *m_connection;
};

QJsonObject dataOf(const HttpResponse &r)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body))
        .object()
        .value(QStringLiteral("data"))
        .toObject();
}

std::string cursorOf(const HttpResponse &r)
{
    return dataOf(r)
        .value(QStringLiteral("pagination"))
        .toObject()
        .value(QStringLiteral("next_cursor"))
        .toString()
        .toStdString();
}

bool measure(Reader &reader, const char *name, const std::string &path, int samples)
{
    LatencyRecorder latencies;
    int failures = 0;
    qint64 total = -1;
    for (int i = 0; i < samples; ++i) {
        const HttpResponse r = reader.get(path);
        if (!r.ok()) {
            if (++failures == 1)
                std::fprintf(stderr, "  %s: HTTP %d %s %s\n", name, r.status, r.error.c_str(),
                             r.body.substr(0, 300).c_str());
            continue;
        }
        latencies.add(r.latency);
        if (total < 0)
            total = dataOf(r)
                        .value(QStringLiteral("pagination"))
                        .toObject()
                        .value(QStringLiteral("total_count"))
                        .toInteger(-1);
    }
    const LatencyRecorder::Summary s = latencies.summarize();
    std::printf("%-34s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms  (n=%zu%s%s)\n", name, s.p50Ms,
                s.p90Ms, s.p99Ms, s.maxMs, s.count,
                total >= 0 ? (", total_count " + std::to_string(total)).c_str() : "",
                failures ? (", " + std::to_string(failures) + " failed").c_str() : "");
    return failures == 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Read-side latency of a Jobdeck server."));
    parser.addHelpOption();
    const QCommandLineOption portOpt(QStringLiteral("port"), QStringLiteral("Port."),
                                     QStringLiteral("n"), QStringLiteral("27555"));
    const QCommandLineOption keyOpt(QStringLiteral("key"), QStringLiteral("API key."),
                                    QStringLiteral("key"), qEnvironmentVariable("JOBDECK_API_KEY"));
    const QCommandLineOption samplesOpt(QStringLiteral("samples"),
                                        QStringLiteral("Requests per figure."), QStringLiteral("n"),
                                        QStringLiteral("200"));
    const QCommandLineOption deepOpt(QStringLiteral("deep-pages"),
                                     QStringLiteral("Cursor pages of 100 to walk down first."),
                                     QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption qOpt(QStringLiteral("q"), QStringLiteral("Search text."),
                                  QStringLiteral("text"), QStringLiteral("user4242@example.com"));
    parser.addOptions({portOpt, keyOpt, samplesOpt, deepOpt, qOpt});
    parser.process(app);

    Target target;
    std::string error;
    if (!parseLoopbackTarget("127.0.0.1", parser.value(portOpt).toInt(), target, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    target.apiKey = parser.value(keyOpt).toStdString();
    const int samples = parser.value(samplesOpt).toInt();
    const std::string q =
        QUrl::toPercentEncoding(parser.value(qOpt)).toStdString(); // user text, encoded
    Reader reader(target);

    bool ok = true;
    ok &= measure(reader, "list page 1", "/api/v1/jobs", samples);
    ok &= measure(reader, "list state=failed&type", "/api/v1/jobs?state=failed&type=email-service",
                  samples);
    ok &= measure(reader, "list tenant+completed by updated",
                  "/api/v1/jobs?state=completed&tenant_id=acme&sort_by=updated_at", samples);
    ok &= measure(reader, "list active+created,24h", "/api/v1/jobs?state=active,pending&period=24h",
                  samples);
    ok &= measure(reader, "list element_id", "/api/v1/jobs?element_id=charge-card", samples);
    ok &= measure(reader, "list worker", "/api/v1/jobs?worker=fraud-check-worker-2", samples);
    ok &= measure(reader, "list sort priority (scan)", "/api/v1/jobs?sort_by=priority",
                  samples / 10 + 1);
    ok &= measure(reader, "search q", "/api/v1/jobs?q=" + q, samples);
    ok &= measure(reader, "search q + state=completed", "/api/v1/jobs?state=completed&q=" + q,
                  samples);
    ok &= measure(reader, "search q=eu-west (common) 7d", "/api/v1/jobs?q=eu-west&period=7d",
                  samples);

    // A deep cursor: walk down, then ask for the same deep page again and again.
    std::string cursor;
    const int deepPages = parser.value(deepOpt).toInt();
    LatencyRecorder walk;
    for (int i = 0; i < deepPages; ++i) {
        const HttpResponse r = reader.get("/api/v1/jobs?page_size=100" +
                                          (cursor.empty() ? std::string() : "&cursor=" + cursor));
        if (!r.ok())
            break;
        walk.add(r.latency);
        const std::string next = cursorOf(r);
        if (next.empty())
            break;
        cursor = next;
    }
    const LatencyRecorder::Summary w = walk.summarize();
    std::printf("%-34s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms  (n=%zu pages of 100)\n",
                "cursor walk, each page", w.p50Ms, w.p90Ms, w.p99Ms, w.maxMs, w.count);
    if (!cursor.empty())
        ok &= measure(reader,
                      ("deep cursor page (" + std::to_string(w.count * 100) + " deep)").c_str(),
                      "/api/v1/jobs?page_size=100&cursor=" + cursor, samples);
    ok &= measure(reader, "stats 24h", "/api/v1/jobs/stats?period=24h", samples);
    ok &= measure(reader, "stats 24h type", "/api/v1/jobs/stats?period=24h&type=email-service",
                  samples);
    ok &= measure(reader, "stats 7d", "/api/v1/jobs/stats?period=7d", samples / 4 + 1);
    return ok ? 0 : 2;
}
