#include "RemoteBackend.h"

#include "JobJson.h"
#include "RemoteJobSource.h"
#include "RemoteOperatorSource.h"
#include "core/IsoDuration.h"

#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcRemote, "jobdeck.ui.remote")

namespace {

QString jobPath(const QString &key, const char *tail = "")
{
    return QStringLiteral("/api/v1/jobs/") + QString::fromLatin1(QUrl::toPercentEncoding(key)) +
           QLatin1String(tail);
}

} // namespace

RemoteBackend::RemoteBackend(const RemoteServer &server, QObject *parent)
    : ConsoleBackend(parent), m_client(std::make_shared<const RemoteClient>(server))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RemoteBackend::waitForChanges);
    waitForChanges();
}

RemoteBackend::~RemoteBackend() = default;

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
    const QString path = QStringLiteral("/api/v1/changes?since=%1&timeout=%2")
                             .arg(m_sequence)
                             .arg(m_sequence < 0 ? 0 : kChangesWaitMs);
    m_client->sendWithTimeout("GET", path, kChangesWaitMs + m_client->server().timeoutMs, this,
                              [this](const ApiAnswer &answer) { onChanges(answer); });
}

void RemoteBackend::onChanges(const ApiAnswer &answer)
{
    if (!answer.ok()) {
        // Backoff: 1 s, 2 s, 4 s … kMaxRetryMs; one line in the log, a banner in the window.
        m_retryMs = qBound(1000, m_retryMs * 2, kMaxRetryMs);
        if (m_connected)
            qCWarning(lcRemote) << "server not answering:" << answer.problem;
        m_connected = false;
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
        if (!out.ok) // no answer at all: the outcome is unknown, and said so
            out.error = answer.status ? answer.problem
                                      : tr("no answer (%1); the job is read again to see "
                                           "whether it changed")
                                            .arg(answer.problem);
        else if (kind == Kind::Replay)
            out.createdKey = answer.data.value(QStringLiteral("job_key")).toString();
        done(out);
    });
}

void RemoteBackend::startBulkOperation(const BulkSpec &spec, QObject *context, BulkDone done)
{
    QJsonObject body{{QStringLiteral("action"), BulkOperationRecord::actionName(spec.action)},
                     {QStringLiteral("filter"), JobJson::filterObject(spec.filter)}};
    if (spec.action == BulkAction::Retry)
        body.insert(QStringLiteral("retries"), spec.retries);
    if (spec.action == BulkAction::Cancel && !spec.reason.isEmpty())
        body.insert(QStringLiteral("reason"), spec.reason);
    m_client->send("POST", QStringLiteral("/api/v1/bulk-operations"), body, context,
                   [done](const ApiAnswer &answer) {
                       BulkAnswer out;
                       if (answer.ok())
                           out.operation = JobJson::bulkOperation(answer.data);
                       else
                           out.error = answer.problem;
                       done(out);
                   });
}

void RemoteBackend::stopBulkOperation(const QString &key, QObject *context, BulkDone done)
{
    m_client->send("DELETE",
                   QStringLiteral("/api/v1/bulk-operations/") +
                       QString::fromLatin1(QUrl::toPercentEncoding(key)),
                   {}, context, [done](const ApiAnswer &answer) {
                       BulkAnswer out;
                       if (answer.ok())
                           out.operation = JobJson::bulkOperation(answer.data);
                       else
                           out.error = answer.problem;
                       done(out);
                   });
}
