// libFuzzer target: JSON bodies (and query strings) through routing, request validation and the
// engine's commands. The first byte of the input picks the endpoint, the rest is the body.
// Endpoints on one job get a job created and activated for this input, so that the commands
// run on an ACTIVE job (complete, fail, throw-error, progress) as well as on others.
#include "FuzzHarness.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

QByteArray freshJob(bool activate)
{
    const Fuzz::Answer created =
        Fuzz::request("POST", "/api/v1/jobs", R"({"type":"fz","variables":{"a":1},"retries":2})");
    const QByteArray key = QJsonDocument::fromJson(created.body)
                               .object()
                               .value(QStringLiteral("data"))
                               .toObject()
                               .value(QStringLiteral("job_key"))
                               .toString()
                               .toLatin1();
    if (activate)
        Fuzz::request("POST", "/api/v1/jobs/activate",
                      R"({"type":"fz","worker":"fzw","max_jobs":100,"request_timeout":0})");
    return key.isEmpty() ? QByteArray("srv1-job-missing") : key;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::start();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 14) {
    case 0:
        Fuzz::request("POST", "/api/v1/jobs", body);
        break;
    case 1:
        Fuzz::request("POST", "/api/v1/jobs/batch", body);
        break;
    case 2:
        Fuzz::request("POST", "/api/v1/jobs/activate", body);
        break;
    case 3:
        Fuzz::request("PUT", "/api/v1/jobs/" + freshJob(true) + "/complete", body);
        break;
    case 4:
        Fuzz::request("PUT", "/api/v1/jobs/" + freshJob(true) + "/fail", body);
        break;
    case 5:
        Fuzz::request("POST", "/api/v1/jobs/" + freshJob(true) + "/throw-error", body);
        break;
    case 6:
        Fuzz::request("PUT", "/api/v1/jobs/" + freshJob(data[0] & 0x80) + "/cancel", body);
        break;
    case 7:
        Fuzz::request("PATCH", "/api/v1/jobs/" + freshJob(data[0] & 0x80), body);
        break;
    case 8:
        Fuzz::request("PUT", "/api/v1/jobs/" + freshJob(true) + "/progress", body);
        break;
    case 9:
        Fuzz::request("POST", "/api/v1/api-keys", body);
        break;
    case 10: // the body as a query string of the list
        Fuzz::request("GET", "/api/v1/jobs?" + body.toPercentEncoding("=&,"));
        break;
    case 11:
        Fuzz::request("GET", "/api/v1/jobs/stats?" + body.toPercentEncoding("=&,"));
        break;
    case 12:
        Fuzz::request("GET", "/api/v1/jobs/" + freshJob(false) + "/await?" +
                                 body.toPercentEncoding("=&,"));
        break;
    default:
        Fuzz::request("PUT", "/api/v1/incidents/srv1-incident-1/resolve", body);
        break;
    }
    return 0;
}
