#include "JobsApi.h"

#include "JobAnswers.h"
#include "JobView.h"
#include "Validation.h"
#include "core/Clock.h"
#include "core/JsonText.h"
#include "engine/Engine.h"
#include "engine/OperatorCommands.h"
#include "http/HttpFrontend.h"
#include "store/JobReads.h"

#include <QPointer>
#include <QRegularExpression>

namespace JobsApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

std::optional<CreateSpec> parseCreate(FieldReader &in, const ApiKey &caller,
                                      const ApiLimits &limits, const QString &prefix = {})
{
    CreateSpec spec;
    spec.type = in.jobType();
    if (!in.has(QStringLiteral("variables")))
        in.error(QStringLiteral("variables"),
                 QStringLiteral("Variables are required (a JSON object)"));
    spec.variables = in.object(QStringLiteral("variables"));
    spec.variablesJson = JsonText::compact(spec.variables);
    if (spec.variablesJson.size() > limits.maxVariablesBytes)
        in.error(QStringLiteral("variables"),
                 QStringLiteral("Variables exceed %1 bytes").arg(limits.maxVariablesBytes));
    spec.retries = in.retries();
    spec.timeoutMs = in.duration(QStringLiteral("timeout"), 1000, 3'600'000 * 24).value_or(120'000);
    spec.customHeaders = in.customHeaders();
    spec.customHeadersJson = JsonText::compact(spec.customHeaders);
    if (in.has(QStringLiteral("tenant_id")))
        spec.tenantId = in.tenantId();
    spec.priority = in.priority();
    if (in.has(QStringLiteral("run_at")) && in.has(QStringLiteral("delay")))
        in.error(QStringLiteral("delay"), QStringLiteral("Give run_at or delay, not both"));
    spec.runAt = in.timestamp(QStringLiteral("run_at")).value_or(0);
    spec.delayMs = in.duration(QStringLiteral("delay"), 0, 366LL * 24 * 3'600'000).value_or(0);
    spec.maxRetryDelayMs =
        in.integer(QStringLiteral("max_retry_delay_ms"), 60'000, 0, 24LL * 3'600'000,
                   QStringLiteral("max_retry_delay_ms must be between 0 and 86400000"));
    spec.processContext = in.object(QStringLiteral("process_context"));
    spec.nextJobs = in.array(QStringLiteral("next_jobs"));
    for (const QJsonValue &next : spec.nextJobs)
        if (!FieldReader::isName(next.toObject().value(QStringLiteral("type")).toString()))
            in.error(QStringLiteral("next_jobs"),
                     QStringLiteral("Each follow-up job needs a valid type"));
    spec.errorHandlers = in.object(QStringLiteral("error_handlers"));
    for (auto it = spec.errorHandlers.begin(); it != spec.errorHandlers.end(); ++it)
        if (!FieldReader::isName(it.value().toObject().value(QStringLiteral("type")).toString()))
            in.error(QStringLiteral("error_handlers"),
                     QStringLiteral("Each error handler needs a valid follow-up job type"));
    if (in.ok() && !caller.seesTenant(spec.tenantId))
        return std::nullopt; // the caller answers 403
    Q_UNUSED(prefix);
    return spec;
}

// Submits a rule on the job named in the path (which the engine may read ahead) and answers the
// request with its rendered outcome after the commit.
template <typename Rule> void submitOnJob(HttpFrontend *f, ApiRequest &request, Rule rule)
{
    using T = typename std::invoke_result_t<Rule, Txn &>::value_type;
    f->engine()->submit(std::move(rule), JobAnswers::later<T>(request), request.argument(0));
}

// The Idempotency-Key header: empty when absent; nullopt (after a 400) when malformed.
std::optional<QString> idempotencyKey(ApiRequest &request)
{
    const QByteArray value = request.header("Idempotency-Key").trimmed();
    const bool printable =
        std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
    if (value.size() > 255 || !printable) {
        request.fail(
            ApiError::validation({{QStringLiteral("Idempotency-Key"),
                                   QStringLiteral("Must be 1-255 printable ASCII characters")}}));
        return std::nullopt;
    }
    return QString::fromLatin1(value);
}

// With an Idempotency-Key, the engine checks for an earlier request inside its transaction, so
// that two concurrent requests cannot both create.
void submitCreate(HttpFrontend *f, ApiRequest &request, const QString &idempotency,
                  QList<CreateSpec> specs, bool batch)
{
    constexpr qint64 kIdempotencyTtlMs = 24LL * 3600 * 1000;
    Reply<JobsCreated> reply =
        JobAnswers::later<JobsCreated>(request, [batch](const JobsCreated &created) {
            return JobAnswers::render(created, batch);
        });
    if (idempotency.isEmpty() && batch)
        return f->engine()->submit(
            [specs](Txn &txn) { return JobCommands::createBatch(txn, specs); }, reply);
    if (idempotency.isEmpty())
        return f->engine()->submit(
            [spec = specs.first()](Txn &txn) { return JobCommands::create(txn, spec); }, reply);
    f->engine()->submit(
        [caller = request.caller(), idempotency, specs, batch](Txn &txn) {
            return OperatorCommands::createIdempotent(txn, caller, idempotency, specs, batch,
                                                      kIdempotencyTtlMs);
        },
        reply);
}

void createRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QString> idempotency = idempotencyKey(request);
    if (!idempotency)
        return;
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    FieldReader in(*body);
    const std::optional<CreateSpec> spec = parseCreate(in, request.caller(), f->limits());
    if (!in.ok())
        return request.fail(in.toError());
    if (!spec)
        return request.fail(ApiError::forbidden(
            QStringLiteral("This API key may not create jobs for that tenant")));
    submitCreate(f, request, *idempotency, {*spec}, false);
}

void batchRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QString> idempotency = idempotencyKey(request);
    if (!idempotency)
        return;
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    const QJsonValue jobs = body->value(QStringLiteral("jobs"));
    const int max = f->limits().maxBatchJobs;
    if (!jobs.isArray() || jobs.toArray().isEmpty() || jobs.toArray().size() > max)
        return request.fail(ApiError::validation(
            {{QStringLiteral("jobs"),
              QStringLiteral("jobs must be an array of 1 to %1 job objects").arg(max)}}));
    QList<CreateSpec> specs;
    QJsonObject errors;
    const QJsonArray list = jobs.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        FieldReader in(list.at(i).toObject());
        if (!list.at(i).isObject())
            in.error(QStringLiteral("job"), QStringLiteral("Must be a JSON object"));
        const std::optional<CreateSpec> spec = parseCreate(in, request.caller(), f->limits());
        const QJsonObject jobErrors =
            in.toError().details.value(QStringLiteral("field_errors")).toObject();
        for (auto it = jobErrors.begin(); it != jobErrors.end(); ++it)
            errors.insert(QStringLiteral("jobs[%1].%2").arg(i).arg(it.key()), it.value());
        if (in.ok() && !spec)
            return request.fail(ApiError::forbidden(
                QStringLiteral("This API key may not create jobs for the tenant of jobs[%1]")
                    .arg(i)));
        if (spec)
            specs.append(*spec);
    }
    if (!errors.isEmpty())
        return request.fail(ApiError::validation(errors));
    submitCreate(f, request, *idempotency, specs, true);
}

// The worker that answers, when it names itself: its answer is refused once the job's lock
// has passed to another worker.
QString answeringWorker(FieldReader &in)
{
    if (!in.has(QStringLiteral("worker")))
        return {};
    return in.name(QStringLiteral("worker"), QStringLiteral("Worker ID is required"),
                   QStringLiteral("Worker ID must be 1-100 characters: letters, digits, hyphens, "
                                  "underscores"));
}

void completeRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody();
    if (!body)
        return;
    FieldReader in(*body);
    const QString worker = answeringWorker(in);
    if (!in.ok())
        return request.fail(in.toError());
    // Seed 001: bad result variables answer INVALID_VARIABLES with validation_errors[].
    const QJsonValue given = body->value(QStringLiteral("variables"));
    const QJsonObject variables = given.toObject();
    QString problem;
    if (!given.isUndefined() && !given.isNull() && !given.isObject())
        problem = QStringLiteral("Must be a JSON object");
    else if (JsonText::compact(variables).size() > f->limits().maxVariablesBytes)
        problem = QStringLiteral("Variables exceed %1 bytes").arg(f->limits().maxVariablesBytes);
    if (!problem.isEmpty())
        return request.fail(ApiError{
            400, QStringLiteral("INVALID_VARIABLES"),
            QStringLiteral("Invalid result variables provided"),
            QJsonObject{
                {QStringLiteral("validation_errors"),
                 QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("variables")},
                                        {QStringLiteral("error"), problem}}}}}});
    submitOnJob(f, request,
                [caller = request.caller(), key = request.argument(0), variables, worker,
                 receivedAt = request.receivedAt()](Txn &txn) {
                    return JobCommands::complete(txn, caller, key, variables, receivedAt, worker);
                });
}

void failRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    FieldReader in(*body);
    FailSpec spec;
    spec.worker = answeringWorker(in);
    if (!in.has(QStringLiteral("retries")))
        in.error(QStringLiteral("retries"), QStringLiteral("Retries is required"));
    const QJsonValue retries = body->value(QStringLiteral("retries"));
    if (in.has(QStringLiteral("retries")) &&
        (!retries.isDouble() || retries.toDouble() != double(retries.toInteger())))
        in.error(QStringLiteral("retries"), QStringLiteral("Retries must be an integer"));
    // Out-of-range counts (negative too) go to the engine, which answers INVALID_RETRY_COUNT
    // with the job's valid range and current retries.
    spec.retries = int(qBound(qint64(std::numeric_limits<int>::min()), retries.toInteger(),
                              qint64(std::numeric_limits<int>::max())));
    spec.errorMessage = in.text(QStringLiteral("error_message"));
    if (in.has(QStringLiteral("backoff_duration")))
        spec.backoffMs = in.duration(QStringLiteral("backoff_duration"), 0, 24LL * 3'600'000);
    spec.variables = in.object(QStringLiteral("variables"));
    if (!in.ok())
        return request.fail(in.toError());
    submitOnJob(f, request, [caller = request.caller(), key = request.argument(0), spec](Txn &txn) {
        return JobCommands::fail(txn, caller, key, spec);
    });
}

void throwErrorRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    static const QRegularExpression codePattern(QStringLiteral("^[A-Za-z0-9_.:-]{1,100}$"));
    const QJsonValue code = body->value(QStringLiteral("error_code"));
    if (!code.isString() || !codePattern.match(code.toString()).hasMatch())
        return request.fail(ApiError{
            400, QStringLiteral("INVALID_ERROR_CODE"),
            QStringLiteral("error_code is required: 1-100 characters of letters, digits, _ . : -"),
            QJsonObject{{QStringLiteral("provided_error_code"), code}}});
    FieldReader in(*body);
    ThrowSpec spec;
    spec.worker = answeringWorker(in);
    spec.errorCode = code.toString();
    spec.errorMessage = in.text(QStringLiteral("error_message"));
    spec.variables = in.object(QStringLiteral("variables"));
    if (!in.ok())
        return request.fail(in.toError());
    submitOnJob(f, request, [caller = request.caller(), key = request.argument(0), spec](Txn &txn) {
        return JobCommands::throwError(txn, caller, key, spec);
    });
}

void cancelRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody();
    if (!body)
        return;
    FieldReader in(*body);
    const QString reason = in.text(QStringLiteral("reason"), 1000);
    if (!in.ok())
        return request.fail(in.toError());
    submitOnJob(f, request,
                [caller = request.caller(), key = request.argument(0), reason](Txn &txn) {
                    return JobCommands::cancel(txn, caller, key, reason);
                });
}

void deleteRoute(HttpFrontend *f, ApiRequest &request)
{
    submitOnJob(f, request, [caller = request.caller(), key = request.argument(0)](Txn &txn) {
        return JobCommands::remove(txn, caller, key);
    });
}

void progressRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    FieldReader in(*body);
    ProgressSpec spec;
    const qint64 max = std::numeric_limits<qint32>::max() * qint64(1000);
    const QString range = QStringLiteral("Must be a non-negative integer");
    spec.total = in.integer(QStringLiteral("total"), 0, 0, max, range);
    spec.processed = in.integer(QStringLiteral("processed"), 0, 0, max, range);
    spec.succeeded = in.integer(QStringLiteral("succeeded"), 0, 0, max, range);
    spec.failed = in.integer(QStringLiteral("failed"), 0, 0, max, range);
    spec.message = in.text(QStringLiteral("message"), 1000);
    spec.extendDeadline = in.boolean(QStringLiteral("extend_deadline"), false);
    if (spec.total && spec.processed > spec.total)
        in.error(QStringLiteral("processed"), QStringLiteral("Must not exceed total"));
    if (!in.ok())
        return request.fail(in.toError());
    submitOnJob(f, request, [caller = request.caller(), key = request.argument(0), spec](Txn &txn) {
        return JobCommands::progress(txn, caller, key, spec);
    });
}

// POST /jobs/:key/replay {"variables", "custom_headers", "priority", "retries"} (all optional):
// the finished job runs again as a new job linked to it.
void replayRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody();
    if (!body)
        return;
    FieldReader in(*body);
    ReplaySpec spec;
    if (in.has(QStringLiteral("variables")))
        spec.variables = in.object(QStringLiteral("variables"));
    if (in.has(QStringLiteral("custom_headers")))
        spec.customHeaders = in.customHeaders();
    if (in.has(QStringLiteral("priority")))
        spec.priority = in.priority();
    if (in.has(QStringLiteral("retries")))
        spec.retries = in.retries();
    if (!in.ok())
        return request.fail(in.toError());
    submitOnJob(f, request,
                [caller = request.caller(), key = request.argument(0), spec,
                 max = f->limits().maxVariablesBytes](Txn &txn) {
                    return JobCommands::replay(txn, caller, key, spec, max);
                });
}

// Reads run on the front end's own read connection: they never wait for the engine.
std::optional<JobRecord> readVisibleJob(HttpFrontend *f, ApiRequest &request)
{
    Outcome<JobRecord> job =
        JobCommands::status(f->reader(), request.caller(), request.argument(0));
    if (!job.ok()) {
        request.reply(JobAnswers::answer(job));
        return std::nullopt;
    }
    return job.value();
}

void detailsRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<JobDetails> details = JobReads(f->reader()).details(request.argument(0));
    if (!details || !request.caller().seesTenant(details->job.tenantId))
        return request.fail(ApiError::jobNotFound(request.argument(0)));
    request.reply(ApiResult::ok(JobView::details(*details, Clock::nowMs())));
}

void statusRoute(HttpFrontend *f, ApiRequest &request)
{
    if (const std::optional<JobRecord> job = readVisibleJob(f, request))
        request.reply(JobAnswers::render(*job));
}

void awaitRoute(HttpFrontend *f, ApiRequest &request)
{
    bool ok = true;
    const QString asked = request.query().queryItemValue(QStringLiteral("timeout"));
    const qint64 timeout = asked.isEmpty() ? 30'000 : asked.toLongLong(&ok);
    if (!ok || timeout < 0 || timeout > f->limits().maxAwaitMs)
        return request.fail(
            ApiError::validation({{QStringLiteral("timeout"),
                                   QStringLiteral("Timeout must be between 0 and %1 milliseconds")
                                       .arg(f->limits().maxAwaitMs)}}));
    Engine *engine = f->engine();
    auto onDisconnect = std::make_shared<QMetaObject::Connection>();
    const quint64 waiterId =
        engine->await(request.argument(0), request.caller(), timeout,
                      JobAnswers::later<JobRecord>(
                          request, [](const JobRecord &job) { return JobAnswers::render(job); },
                          [onDisconnect](const Outcome<JobRecord> &, bool) {
                              QObject::disconnect(*onDisconnect);
                          }));
    if (QTcpSocket *socket = request.socket())
        *onDisconnect = QObject::connect(socket, &QTcpSocket::disconnected, f,
                                         [engine = QPointer<Engine>(engine), waiterId] {
                                             if (engine) // gone when sockets close at shutdown
                                                 engine->cancelWaiter(waiterId);
                                         });
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Post, "/api/v1/jobs", Access::Job, createRoute,
                   {"jobs",
                    "Create a job (201); Idempotency-Key header: a repeat within 24 h answers the "
                    "first job (200)",
                    true, "", "Idempotency-Key"});
    frontend.route(Method::Post, "/api/v1/jobs/batch", Access::Job, batchRoute,
                   {"jobs", "Create 1-1000 jobs, all or nothing", true, "", "Idempotency-Key"});
    frontend.route(Method::Get, "/api/v1/jobs/:key", Access::Job, detailsRoute,
                   {"jobs", "Job details", false});
    frontend.route(Method::Delete, "/api/v1/jobs/:key", Access::Job, deleteRoute,
                   {"jobs", "Delete a job that is not ACTIVE", false});
    frontend.route(Method::Get, "/api/v1/jobs/:key/status", Access::Job, statusRoute,
                   {"jobs", "Light status", false});
    frontend.route(Method::Get, "/api/v1/jobs/:key/await", Access::Job, awaitRoute,
                   {"jobs", "Wait until the job is terminal", false, "timeout"});
    frontend.route(Method::Put, "/api/v1/jobs/:key/complete", Access::Job, completeRoute,
                   {"workers", "Complete an ACTIVE job", true});
    frontend.route(Method::Put, "/api/v1/jobs/:key/fail", Access::Job, failRoute,
                   {"workers", "Fail an ACTIVE job", true});
    frontend.route(Method::Post, "/api/v1/jobs/:key/throw-error", Access::Job, throwErrorRoute,
                   {"workers", "Throw a business error", true});
    frontend.route(Method::Put, "/api/v1/jobs/:key/cancel", Access::Job, cancelRoute,
                   {"jobs", "Cancel a job", true});
    frontend.route(Method::Post, "/api/v1/jobs/:key/cancel", Access::Job, cancelRoute,
                   {"jobs", "Cancel a job", true});
    frontend.route(Method::Put, "/api/v1/jobs/:key/progress", Access::Job, progressRoute,
                   {"workers", "Report progress", true});
    frontend.route(Method::Post, "/api/v1/jobs/:key/replay", Access::Job, replayRoute,
                   {"jobs", "Run a finished job again as a new job linked to it (201)", true});
}

} // namespace JobsApi
