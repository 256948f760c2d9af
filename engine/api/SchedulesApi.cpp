#include "SchedulesApi.h"

#include "JobView.h"

#include "JobAnswers.h"
#include "Validation.h"
#include "core/Clock.h"
#include "core/CronExpression.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"
#include "engine/Engine.h"
#include "engine/ScheduleCommands.h"
#include "http/HttpFrontend.h"
#include "store/ScheduleStore.h"

#include <QJsonArray>
#include <QTimeZone>

namespace SchedulesApi {
namespace {

using Method = Router::Method;
using Access = Router::Access;

constexpr qint64 kMaxEveryMs = 366LL * 24 * 3600 * 1000;

const QStringList &knownFields()
{
    static const QStringList fields{
        QStringLiteral("name"),     QStringLiteral("type"),           QStringLiteral("cron"),
        QStringLiteral("every"),    QStringLiteral("timezone"),       QStringLiteral("variables"),
        QStringLiteral("priority"), QStringLiteral("custom_headers"), QStringLiteral("retries"),
        QStringLiteral("timeout"),  QStringLiteral("tenant_id"),      QStringLiteral("paused")};
    return fields;
}

// The body of a POST (`creating`: name and type required, cron or every) or a PUT (every field
// optional). Problems go to `in`; a tenant the caller may not use makes `forbidden` true.
ScheduleChange parse(FieldReader &in, const ApiKey &caller, const ApiLimits &limits, bool creating,
                     bool *forbidden)
{
    ScheduleChange c;
    const QJsonObject &body = in.body();
    for (const QString &key : body.keys())
        if (!knownFields().contains(key))
            in.error(key, QStringLiteral("Unknown field; a schedule takes %1")
                              .arg(knownFields().join(QStringLiteral(", "))));
    const auto has = [&](const char *key) { return in.has(QLatin1String(key)); };
    if (creating || has("type"))
        c.type = in.jobType();
    if (has("cron") && has("every"))
        in.error(QStringLiteral("every"), QStringLiteral("Give cron or every, not both"));
    else if (creating && !has("cron") && !has("every"))
        in.error(QStringLiteral("cron"),
                 QStringLiteral("Give cron (\"0 2 * * *\") or every (\"PT15M\")"));
    if (has("cron")) {
        QString problem;
        const QString cron = in.text(QStringLiteral("cron"), 200);
        if (!CronExpression::parse(cron, &problem))
            in.error(QStringLiteral("cron"), problem);
        c.cron = cron;
    }
    if (has("every"))
        c.everyMs = in.duration(QStringLiteral("every"), 1000, kMaxEveryMs);
    if (has("timezone")) {
        const QString zone = in.text(QStringLiteral("timezone"), 100);
        if (zone.isEmpty() || !QTimeZone(zone.toUtf8()).isValid())
            in.error(QStringLiteral("timezone"),
                     QStringLiteral("\"%1\" is not an IANA time zone (such as Europe/Moscow or "
                                    "UTC)")
                         .arg(zone));
        c.timezone = zone;
    }
    if (has("variables") || creating) {
        const QByteArray variables = JsonText::compact(in.object(QStringLiteral("variables")));
        if (variables.size() > limits.maxVariablesBytes)
            in.error(QStringLiteral("variables"),
                     QStringLiteral("Variables exceed %1 bytes").arg(limits.maxVariablesBytes));
        c.variables = variables;
    }
    if (has("custom_headers") || creating)
        c.customHeaders = JsonText::compact(in.customHeaders());
    if (has("priority"))
        c.priority = in.priority();
    if (has("retries"))
        c.retries = in.retries();
    if (has("timeout"))
        c.timeoutMs = in.duration(QStringLiteral("timeout"), 1000, 24LL * 3'600'000);
    if (has("tenant_id")) {
        c.tenantId = in.tenantId();
        *forbidden = in.ok() && !caller.seesTenant(*c.tenantId);
    } else if (creating) {
        *forbidden = !caller.seesTenant(QStringLiteral("default"));
    }
    if (has("paused"))
        c.paused = in.boolean(QStringLiteral("paused"), false);
    return c;
}

ApiResult ok(const ScheduleRecord &s, int status = 200)
{
    return ApiResult::ok(render(s), status);
}

// The body's schedule change, or nothing once the request has its 400 or 403.
std::optional<ScheduleChange> change(HttpFrontend *f, ApiRequest &request, const QJsonObject &body,
                                     bool creating)
{
    FieldReader in(body);
    if (creating)
        in.name(QStringLiteral("name"), QStringLiteral("A schedule needs a name"),
                QStringLiteral("Name must be 1-100 characters: letters, digits, hyphens, "
                               "underscores"));
    else if (in.has(QStringLiteral("name")) &&
             in.body().value(QStringLiteral("name")).toString() != request.argument(0))
        in.error(QStringLiteral("name"),
                 QStringLiteral("A schedule cannot be renamed; create one of the new name"));
    bool forbidden = false;
    ScheduleChange c = parse(in, request.caller(), f->limits(), creating, &forbidden);
    if (!in.ok()) {
        request.fail(in.toError());
        return std::nullopt;
    }
    if (forbidden) {
        request.fail(ApiError::forbidden(
            QStringLiteral("This API key may not schedule jobs for that tenant")));
        return std::nullopt;
    }
    return c;
}

void createRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    const std::optional<ScheduleChange> c = change(f, request, *body, true);
    if (!c)
        return;
    const QString name = body->value(QStringLiteral("name")).toString();
    f->engine()->submit([caller = request.caller(), name, c = *c](
                            Txn &txn) { return ScheduleCommands::create(txn, caller, name, c); },
                        JobAnswers::later<ScheduleRecord>(
                            request, [](const ScheduleRecord &s) { return ok(s, 201); }));
}

void listRoute(HttpFrontend *f, ApiRequest &request)
{
    const ApiKey &caller = request.caller();
    QJsonArray list;
    for (const ScheduleRecord &s :
         ScheduleStore(f->reader().database()).list(caller.tenantFilter()))
        list.append(render(s));
    request.reply(ApiResult::ok(QJsonObject{{QStringLiteral("schedules"), list},
                                            {QStringLiteral("total_count"), list.size()}}));
}

void getRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<ScheduleRecord> s =
        ScheduleStore(f->reader().database()).find(request.argument(0));
    if (!s || !request.caller().seesTenant(s->tenantId))
        return request.fail(
            JobErrors::toApi(JobError::of(JobError::Kind::ScheduleNotFound, request.argument(0))));
    request.reply(ok(*s));
}

void putRoute(HttpFrontend *f, ApiRequest &request)
{
    const std::optional<QJsonObject> body = request.jsonBody(false);
    if (!body)
        return;
    const std::optional<ScheduleChange> c = change(f, request, *body, false);
    if (!c)
        return;
    f->engine()->submit(
        [caller = request.caller(), name = request.argument(0), c = *c](Txn &txn) {
            return ScheduleCommands::update(txn, caller, name, c);
        },
        JobAnswers::later<ScheduleRecord>(request, [](const ScheduleRecord &s) { return ok(s); }));
}

void deleteRoute(HttpFrontend *f, ApiRequest &request)
{
    f->engine()->submit([caller = request.caller(), name = request.argument(0)](
                            Txn &txn) { return ScheduleCommands::remove(txn, caller, name); },
                        JobAnswers::later<ScheduleRecord>(request, [](const ScheduleRecord &s) {
                            return ApiResult::ok(QJsonObject{
                                {QStringLiteral("message"), QStringLiteral("Schedule deleted")},
                                {QStringLiteral("deleted_schedule"), render(s)}});
                        }));
}

void pauseRoute(HttpFrontend *f, ApiRequest &request, bool paused)
{
    f->engine()->submit(
        [caller = request.caller(), name = request.argument(0), paused](Txn &txn) {
            return ScheduleCommands::setPaused(txn, caller, name, paused);
        },
        JobAnswers::later<ScheduleRecord>(request, [](const ScheduleRecord &s) { return ok(s); }));
}

void runRoute(HttpFrontend *f, ApiRequest &request)
{
    f->engine()->submit([caller = request.caller(), name = request.argument(0)](
                            Txn &txn) { return ScheduleCommands::runNow(txn, caller, name); },
                        JobAnswers::later<JobsCreated>(request, [](const JobsCreated &created) {
                            return JobAnswers::render(created, false);
                        }));
}

} // namespace

QJsonObject render(const ScheduleRecord &s)
{
    return QJsonObject{
        {QStringLiteral("name"), s.name},
        {QStringLiteral("type"), s.type},
        {QStringLiteral("cron"), s.cron.isEmpty() ? QJsonValue() : QJsonValue(s.cron)},
        {QStringLiteral("every"),
         s.cron.isEmpty() ? QJsonValue(IsoDuration::fromMs(s.everyMs)) : QJsonValue()},
        {QStringLiteral("timezone"), s.timezone},
        {QStringLiteral("variables"), JsonText::object(s.variables)},
        {QStringLiteral("custom_headers"), JsonText::object(s.customHeaders)},
        {QStringLiteral("priority"), s.priority},
        {QStringLiteral("retries"), s.retries},
        {QStringLiteral("timeout"), IsoDuration::fromMs(s.timeoutMs)},
        {QStringLiteral("tenant_id"), s.tenantId},
        {QStringLiteral("paused"), s.paused},
        {QStringLiteral("next_run_at"), JobView::timeOrNull(s.nextRunAt)},
        {QStringLiteral("last_run_at"), JobView::timeOrNull(s.lastRunAt)},
        {QStringLiteral("last_job_key"),
         s.lastJobKey.isEmpty() ? QJsonValue() : QJsonValue(s.lastJobKey)},
        {QStringLiteral("created_at"), JobView::timeOrNull(s.createdAt)},
        {QStringLiteral("created_by"), s.createdBy},
        {QStringLiteral("updated_at"), JobView::timeOrNull(s.updatedAt)},
    };
}

void registerRoutes(HttpFrontend &frontend)
{
    frontend.route(Method::Post, "/api/v1/schedules", Access::Job, createRoute,
                   {"schedules", "Create a recurring schedule (cron or every)", true});
    frontend.route(Method::Get, "/api/v1/schedules", Access::Read, listRoute,
                   {"schedules", "List schedules", false});
    frontend.route(Method::Get, "/api/v1/schedules/:name", Access::Read, getRoute,
                   {"schedules", "A schedule", false});
    frontend.route(Method::Put, "/api/v1/schedules/:name", Access::Job, putRoute,
                   {"schedules", "Change a schedule (the fields given)", true});
    frontend.route(Method::Delete, "/api/v1/schedules/:name", Access::Job, deleteRoute,
                   {"schedules", "Delete a schedule", false});
    frontend.route(Method::Put, "/api/v1/schedules/:name/pause", Access::Job,
                   [](HttpFrontend *f, ApiRequest &r) { pauseRoute(f, r, true); },
                   {"schedules", "Pause a schedule", false});
    frontend.route(Method::Put, "/api/v1/schedules/:name/resume", Access::Job,
                   [](HttpFrontend *f, ApiRequest &r) { pauseRoute(f, r, false); },
                   {"schedules", "Resume a schedule from the next time after now", false});
    frontend.route(Method::Post, "/api/v1/schedules/:name/run", Access::Job, runRoute,
                   {"schedules", "Create the schedule's job now", false});
}

} // namespace SchedulesApi
