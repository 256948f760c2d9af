#include "RemoteBackend.h"

#include "JobJson.h"
#include "OperatorJson.h"
#include "RemoteJobSource.h"
#include "RemoteOperatorSource.h"
#include "api/ListParams.h"
#include "core/IsoDuration.h"
#include "core/JsonText.h"

#include <QJsonArray>

#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcRemote, "jobdeck.ui.remote")

namespace {

// "/api/v1/<collection>/<name, encoded><tail>".
QString itemPath(const char *collection, const QString &name, const char *tail = "")
{
    return QStringLiteral("/api/v1/") + QLatin1String(collection) + QLatin1Char('/') +
           QString::fromLatin1(QUrl::toPercentEncoding(name)) + QLatin1String(tail);
}

QString jobPath(const QString &key, const char *tail = "")
{
    return itemPath("jobs", key, tail);
}

// An action's or command's failure: the server's refusal, or `noAnswer` with why none came
// (the outcome is then unknown, and said so).
QString problemOf(const ApiAnswer &answer, const QString &noAnswer)
{
    return answer.status ? answer.problem : noAnswer.arg(answer.problem);
}

// What a bulk operation request got, for `done`.
ApiConnection::Done bulkAnswer(ConsoleBackend::BulkDone done)
{
    return [done = std::move(done)](const ApiAnswer &answer) {
        BulkAnswer out;
        if (answer.ok())
            out.operation = JobJson::bulkOperation(answer.data);
        else
            out.error = answer.problem;
        done(out);
    };
}

// A duration the API reads, or null: "keep for ever", "no limit".
QJsonValue durationOrNull(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(IsoDuration::fromMs(*ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

RemoteBackend::RemoteBackend(const RemoteServer &server, QObject *parent)
    : ConsoleBackend(parent), m_client(std::make_shared<const RemoteClient>(server))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RemoteBackend::waitForChanges);
    waitForChanges();
}

RemoteBackend::~RemoteBackend()
{
    close();
}

void RemoteBackend::close()
{
    m_retry.stop();
    m_client->close();
}

JobSourceFactory RemoteBackend::sourceFactory() const
{
    return [client = m_client] { return std::make_unique<RemoteJobSource>(client); };
}

OperatorSourceFactory RemoteBackend::operatorSourceFactory() const
{
    return [client = m_client] { return std::make_unique<RemoteOperatorSource>(client); };
}

void RemoteBackend::waitForChanges()
{
    // The first ask answers at once with the server's sequence; then each waits for a commit
    // after it.
    m_asked = m_sequence < 0 ? 0 : m_waitMs;
    const QString path =
        QStringLiteral("/api/v1/changes?since=%1&timeout=%2").arg(m_sequence).arg(m_asked);
    m_askedAt.start();
    m_client->sendWithTimeout("GET", path, m_waitMs + m_client->server().timeoutMs, this,
                              [this](const ApiAnswer &answer) { onChanges(answer); });
}

void RemoteBackend::onChanges(const ApiAnswer &answer)
{
    // A server whose long_poll_limit_ms is below the wait refuses it (400): ask shorter.
    if (answer.status == 400 && m_waitMs > kMinChangesWaitMs) {
        m_waitMs = qMax(kMinChangesWaitMs, m_waitMs / 2);
        return waitForChanges();
    }
    if (!answer.ok()) {
        // Backoff: 1 s, 2 s, 4 s … kMaxRetryMs; one line in the log, a banner in the window.
        const bool keyRefused = answer.failure == ApiAnswer::Failure::KeyRefused;
        m_retryMs = keyRefused ? kMaxRetryMs : qBound(1000, m_retryMs * 2, kMaxRetryMs);
        if (m_connected)
            qCWarning(lcRemote) << "server not answering:" << answer.problem;
        m_connected = false;
        if (keyRefused)
            emit this->keyRefused(answer.problem);
        else
            emit connectionChanged(false, answer.problem, m_retryMs);
        m_retry.start(m_retryMs);
        return;
    }
    const qint64 sequence = answer.data.value(QStringLiteral("sequence")).toInteger();
    const qint64 epoch = answer.data.value(QStringLiteral("epoch")).toInteger();
    const bool again = !m_connected;
    const bool restarted = m_epoch && epoch != m_epoch;
    const bool changed = m_sequence >= 0 && sequence != m_sequence;
    m_retryMs = 0;
    m_connected = true;
    m_epoch = epoch;
    m_sequence = sequence;
    if (again)
        emit connectionChanged(true, {}, 0);
    if (changed || again || restarted)
        emit jobsChanged();
    // A server whose feed is full answers at once, unchanged: no faster than once a second.
    if (m_asked > 0 && !changed && m_askedAt.elapsed() < kMinChangesWaitMs)
        return m_retry.start(kMinChangesWaitMs);
    waitForChanges();
}

void RemoteBackend::jobAction(JobActions::Kind kind, const QString &key,
                              const JobActions::Input &input, QObject *context,
                              std::function<void(const JobActionAnswer &)> done)
{
    using Kind = JobActions::Kind;
    QByteArray method = "PATCH";
    QString path = jobPath(key);
    QJsonObject body;
    switch (kind) {
    case Kind::Cancel:
        method = "POST";
        path = jobPath(key, "/cancel");
        if (!input.reason.isEmpty())
            body.insert(QStringLiteral("reason"), input.reason);
        break;
    case Kind::Delete:
        method = "DELETE";
        break;
    case Kind::Retry:
        body.insert(QStringLiteral("retries"), input.retries);
        break;
    case Kind::Priority:
        body.insert(QStringLiteral("priority"), input.priority);
        break;
    case Kind::Timeout:
        body.insert(QStringLiteral("timeout"), IsoDuration::fromMs(input.timeoutMs));
        break;
    case Kind::Replay:
        method = "POST";
        path = jobPath(key, "/replay");
        body.insert(QStringLiteral("variables"), input.variables);
        break;
    }
    m_client->send(method, path, body, context, [kind, done](const ApiAnswer &answer) {
        JobActionAnswer out;
        out.ok = answer.ok();
        if (!out.ok)
            out.error = problemOf(answer, tr("no answer (%1); the job is read again to see "
                                             "whether it changed"));
        else if (kind == Kind::Replay)
            out.createdKey = answer.data.value(QStringLiteral("job_key")).toString();
        done(out);
    });
}

void RemoteBackend::startBulkOperation(const BulkSpec &spec, QObject *context, BulkDone done)
{
    QJsonObject body{{QStringLiteral("action"), BulkOperationRecord::actionName(spec.action)},
                     {QStringLiteral("filter"), ListParams::filterObject(spec.filter)}};
    if (spec.action == BulkAction::Retry)
        body.insert(QStringLiteral("retries"), spec.retries);
    if (spec.action == BulkAction::Cancel && !spec.reason.isEmpty())
        body.insert(QStringLiteral("reason"), spec.reason);
    m_client->send("POST", QStringLiteral("/api/v1/bulk-operations"), body, context,
                   bulkAnswer(std::move(done)));
}

void RemoteBackend::stopBulkOperation(const QString &key, QObject *context, BulkDone done)
{
    m_client->send("DELETE",
                   QStringLiteral("/api/v1/bulk-operations/") +
                       QString::fromLatin1(QUrl::toPercentEncoding(key)),
                   {}, context, bulkAnswer(std::move(done)));
}

void RemoteBackend::command(const QByteArray &method, const QString &path, const QJsonObject &body,
                            QObject *context, CommandDone done,
                            std::function<void(const QJsonObject &, CommandAnswer &)> created)
{
    m_client->send(method, path, body, context, [done, created](const ApiAnswer &answer) {
        CommandAnswer out;
        out.ok = answer.ok();
        if (!out.ok)
            out.error = problemOf(answer, tr("no answer (%1); the view is read again to see "
                                             "whether it changed"));
        else if (created)
            created(answer.data, out);
        done(out);
    });
}

void RemoteBackend::pauseType(const QString &type, const QString &reason, QObject *context,
                              CommandDone done)
{
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    command("PUT", itemPath("job-types", type, "/pause"), body, context, std::move(done));
}

void RemoteBackend::resumeType(const QString &type, QObject *context, CommandDone done)
{
    command("PUT", itemPath("job-types", type, "/resume"), {}, context, std::move(done));
}

void RemoteBackend::setTypeLimit(const QString &type, const TypeLimitChange &change,
                                 QObject *context, CommandDone done)
{
    QJsonObject body; // a field left out keeps its value, null removes that limit
    if (change.maxActive)
        body.insert(QStringLiteral("max_active"), *change.maxActive ? QJsonValue(**change.maxActive)
                                                                    : QJsonValue(QJsonValue::Null));
    if (change.rate)
        body.insert(QStringLiteral("rate"),
                    *change.rate
                        ? QJsonValue(QJsonObject{
                              {QStringLiteral("limit"), (*change.rate)->first},
                              {QStringLiteral("per"), IsoDuration::fromMs((*change.rate)->second)}})
                        : QJsonValue(QJsonValue::Null));
    command("PUT", itemPath("job-types", type, "/limits"), body, context, std::move(done));
}

void RemoteBackend::resolveIncident(const QString &key, int retries, QObject *context,
                                    CommandDone done)
{
    command("PUT", itemPath("incidents", key, "/resolve"), {{QStringLiteral("retries"), retries}},
            context, std::move(done));
}

void RemoteBackend::saveSchedule(const QString &name, const ScheduleChange &c, bool create,
                                 QObject *context, CommandDone done)
{
    QJsonObject body;
    if (create)
        body.insert(QStringLiteral("name"), name);
    const auto text = [&body](const char *field, const std::optional<QString> &value) {
        if (value)
            body.insert(QLatin1String(field), *value);
    };
    text("type", c.type);
    text("cron", c.cron);
    text("timezone", c.timezone);
    text("tenant_id", c.tenantId);
    if (c.everyMs)
        body.insert(QStringLiteral("every"), IsoDuration::fromMs(*c.everyMs));
    if (c.timeoutMs)
        body.insert(QStringLiteral("timeout"), IsoDuration::fromMs(*c.timeoutMs));
    if (c.variables)
        body.insert(QStringLiteral("variables"), JsonText::object(*c.variables));
    if (c.customHeaders)
        body.insert(QStringLiteral("custom_headers"), JsonText::object(*c.customHeaders));
    if (c.priority)
        body.insert(QStringLiteral("priority"), *c.priority);
    if (c.retries)
        body.insert(QStringLiteral("retries"), *c.retries);
    if (c.paused)
        body.insert(QStringLiteral("paused"), *c.paused);
    if (create)
        command("POST", QStringLiteral("/api/v1/schedules"), body, context, std::move(done));
    else
        command("PUT", itemPath("schedules", name), body, context, std::move(done));
}

void RemoteBackend::scheduleAction(const QString &name, ScheduleOp op, QObject *context,
                                   CommandDone done)
{
    switch (op) {
    case ScheduleOp::Run:
        return command("POST", itemPath("schedules", name, "/run"), {}, context, std::move(done),
                       [](const QJsonObject &data, CommandAnswer &answer) {
                           answer.created = data.value(QStringLiteral("job_key")).toString();
                       });
    case ScheduleOp::Delete:
        return command("DELETE", itemPath("schedules", name), {}, context, std::move(done));
    case ScheduleOp::Pause:
        return command("PUT", itemPath("schedules", name, "/pause"), {}, context, std::move(done));
    case ScheduleOp::Resume:
        return command("PUT", itemPath("schedules", name, "/resume"), {}, context, std::move(done));
    }
}

void RemoteBackend::createApiKey(const ApiKey &key, QObject *context, CommandDone done)
{
    command("POST", QStringLiteral("/api/v1/api-keys"),
            {{QStringLiteral("name"), key.name},
             {QStringLiteral("permissions"), QJsonArray::fromStringList(key.permissions)},
             {QStringLiteral("tenants"), QJsonArray::fromStringList(key.tenants)}},
            context, std::move(done), [](const QJsonObject &data, CommandAnswer &answer) {
                answer.created = data.value(QStringLiteral("api_key")).toString();
            });
}

void RemoteBackend::deleteApiKey(const QString &name, QObject *context, CommandDone done)
{
    command("DELETE", itemPath("api-keys", name), {}, context, std::move(done));
}

void RemoteBackend::setRetention(const RetentionChange &change, QObject *context, CommandDone done)
{
    QJsonObject body;
    const auto field = [&body](const char *name, const std::optional<std::optional<qint64>> &v) {
        if (v)
            body.insert(QLatin1String(name), durationOrNull(*v));
    };
    field("completed", change.completedMs);
    field("cancelled", change.cancelledMs);
    field("failed", change.failedMs);
    command("PUT", QStringLiteral("/api/v1/settings/retention"), body, context, std::move(done),
            [](const QJsonObject &data, CommandAnswer &answer) {
                answer.retention = OperatorJson::retention(data);
            });
}

void RemoteBackend::createJob(const CreateSpec &spec, QObject *context, CommandDone done)
{
    QJsonObject body{{QStringLiteral("type"), spec.type},
                     {QStringLiteral("variables"), spec.variables},
                     {QStringLiteral("retries"), spec.retries},
                     {QStringLiteral("timeout"), IsoDuration::fromMs(spec.timeoutMs)},
                     {QStringLiteral("tenant_id"), spec.tenantId},
                     {QStringLiteral("priority"), spec.priority}};
    if (spec.delayMs > 0)
        body.insert(QStringLiteral("delay"), IsoDuration::fromMs(spec.delayMs));
    command("POST", QStringLiteral("/api/v1/jobs"), body, context, std::move(done),
            [](const QJsonObject &data, CommandAnswer &answer) {
                answer.created = data.value(QStringLiteral("job_key")).toString();
            });
}
