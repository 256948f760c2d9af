#include "ActivationApi.h"

#include "JobAnswers.h"
#include "Validation.h"
#include "engine/Engine.h"
#include "http/HttpFrontend.h"

#include <QJsonArray>
#include <QPointer>

namespace ActivationApi {
namespace {

// The seed 002 field messages, word for word.
std::optional<ActivationSpec> parse(FieldReader &in, const ApiKey &caller, const ApiLimits &limits)
{
    ActivationSpec spec;
    spec.type = in.jobType();
    spec.worker = in.name(QStringLiteral("worker"), QStringLiteral("Worker ID is required"),
                          QStringLiteral("Worker ID must be 1-100 characters: letters, digits, "
                                         "hyphens, underscores"));
    spec.maxJobs = int(in.integer(QStringLiteral("max_jobs"), 10, 1, 100,
                                  QStringLiteral("Max jobs must be between 1 and 100")));
    if (in.has(QStringLiteral("timeout")))
        spec.timeoutMs = in.integer(QStringLiteral("timeout"), 300'000, 1000, 3'600'000,
                                    QStringLiteral("Timeout must be between 1000 and 3600000 "
                                                   "milliseconds"));
    spec.fetchVariables = in.stringList(QStringLiteral("fetch_variables"));
    const qint64 requested = in.integer(
        QStringLiteral("request_timeout"), spec.timeoutMs.value_or(limits.longPollLimitMs), 0,
        600'000, QStringLiteral("Request timeout must be between 0 and 600000 milliseconds"));
    spec.requestTimeoutMs = qMin(requested, limits.longPollLimitMs);

    // Tenants: the asked ones must all be the key's; none asked means every tenant of the key.
    const QStringList asked = in.stringList(QStringLiteral("tenant_ids"));
    for (const QString &tenant : asked)
        if (!caller.seesTenant(tenant))
            in.error(QStringLiteral("tenant_ids"),
                     QStringLiteral("Tenant '%1' is not available to this API key").arg(tenant));
    spec.tenants = asked.isEmpty() && !caller.seesAllTenants() ? caller.tenants : asked;
    if (!in.ok())
        return std::nullopt;
    return spec;
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    HttpFrontend *f = &frontend;
    f->router().add(
        Router::Method::Post, QStringLiteral("/api/v1/jobs/activate"), Router::Access::Job,
        [f](ApiRequest &request) {
            const std::optional<QJsonObject> body = request.jsonBody();
            if (!body)
                return;
            FieldReader in(*body);
            const std::optional<ActivationSpec> spec = parse(in, request.caller(), f->limits());
            if (!spec)
                return request.fail(in.toError());
            Engine *engine = f->engine();
            const QString worker = spec->worker;
            auto onDisconnect = std::make_shared<QMetaObject::Connection>();
            // Jobs activated for a client that left before the answer reached it go back to
            // the queue at once instead of waiting for their lock to expire.
            const quint64 waiterId = engine->activate(
                *spec, JobAnswers::later<JobsActivated>(
                           request, [](const JobsActivated &a) { return JobAnswers::render(a); },
                           [engine, worker, onDisconnect](const Outcome<JobsActivated> &outcome,
                                                          bool delivered) {
                               QObject::disconnect(*onDisconnect);
                               if (delivered || !outcome.ok() || outcome.value().jobs.isEmpty())
                                   return;
                               QStringList keys;
                               for (const JobRecord &job : outcome.value().jobs)
                                   keys.append(job.key);
                               engine->submit(
                                   [keys, worker](Txn &txn) -> Outcome<Done> {
                                       JobCommands::releaseUndelivered(txn, keys, worker);
                                       return Done{};
                                   },
                                   Reply<Done>{});
                           }));
            if (QTcpSocket *socket = request.socket())
                *onDisconnect =
                    QObject::connect(socket, &QTcpSocket::disconnected, f,
                                     [engine = QPointer<Engine>(engine), waiterId] {
                                         if (engine) // gone when sockets close at shutdown
                                             engine->cancelWaiter(waiterId);
                                     });
        },
        {"workers", "Activate jobs of a type (long polling when none is available)", true});
}

} // namespace ActivationApi
