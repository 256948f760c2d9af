#include "JobErrors.h"

#include <QJsonArray>

namespace JobErrors {
namespace {

using Action = JobError::Action;

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue stateOf(const JobError &e)
{
    return e.state ? QJsonValue(JobStates::name(*e.state)) : QJsonValue();
}

// The code of a refusal for the job's state, per action.
QString wrongStateCode(Action action)
{
    switch (action) {
    case Action::Complete:
        return QStringLiteral("JOB_NOT_COMPLETABLE");
    case Action::Fail:
    case Action::Throw:
        return QStringLiteral("JOB_NOT_FAILABLE");
    case Action::Progress:
        return QStringLiteral("JOB_NOT_ACTIVE");
    case Action::Cancel:
        return QStringLiteral("JOB_NOT_CANCELLABLE");
    case Action::Delete:
        return QStringLiteral("JOB_NOT_DELETABLE");
    case Action::Retry:
    case Action::Resolve:
        return QStringLiteral("JOB_NOT_RETRYABLE");
    case Action::Update:
        return QStringLiteral("JOB_NOT_UPDATABLE");
    case Action::Replay:
        return QStringLiteral("JOB_NOT_REPLAYABLE");
    }
    return {};
}

// A worker's answer (complete, fail, throw, progress) names what it tried to do to the job.
QString workerVerb(Action action)
{
    switch (action) {
    case Action::Complete:
        return QStringLiteral("completed");
    case Action::Fail:
        return QStringLiteral("failed");
    case Action::Throw:
        return QStringLiteral("failed with an error");
    case Action::Progress:
        return QStringLiteral("given progress");
    default:
        return {};
    }
}

// Why a job that is not ACTIVE cannot take a worker's answer.
QString whyNotActive(const JobError &e)
{
    if (!e.state)
        return {};
    switch (*e.state) {
    case JobState::Cancelled:
        return QStringLiteral("Job was cancelled before completion");
    case JobState::Completed:
        return QStringLiteral("Job is already completed");
    case JobState::Failed:
        return QStringLiteral("Job has already failed and has an open incident");
    case JobState::ErrorThrown:
        return QStringLiteral("An error was already thrown for this job");
    case JobState::FailedRetryable:
        return QStringLiteral("Job already failed and waits for its retry");
    case JobState::Scheduled:
        return QStringLiteral("Job is scheduled and has not been activated yet");
    case JobState::Created:
        return e.timedOut
                   ? QStringLiteral("The job's deadline passed and it went back to the queue")
                   : QStringLiteral("Job is waiting for a worker and is not activated");
    case JobState::Active:
        break;
    }
    return {};
}

ApiError wrongState(const JobError &e)
{
    const QString code = wrongStateCode(e.action);
    const QString status = e.state ? JobStates::name(*e.state) : QString();
    QJsonObject details{{QStringLiteral("job_key"), e.subject},
                        {QStringLiteral("current_status"), stateOf(e)}};
    QString message;
    switch (e.action) {
    case Action::Complete:
    case Action::Fail:
    case Action::Throw:
    case Action::Progress:
        message = QStringLiteral("Job cannot be %1 in current state").arg(workerVerb(e.action));
        details.insert(QStringLiteral("worker_id"), orNull(e.worker));
        details.insert(QStringLiteral("reason"), whyNotActive(e));
        break;
    case Action::Cancel:
        message = QStringLiteral("Cannot cancel job with status '%1'. Only CREATED, SCHEDULED, "
                                 "FAILED_RETRYABLE or ACTIVE jobs can be cancelled.")
                      .arg(status);
        break;
    case Action::Delete:
        message = QStringLiteral("Cannot delete job that is currently active. Please cancel the "
                                 "job first or wait for it to complete.");
        details.insert(QStringLiteral("worker_id"), e.worker);
        break;
    case Action::Retry:
        message = QStringLiteral("Retries of a %1 job cannot be changed").arg(status);
        break;
    case Action::Update:
        message = QStringLiteral("Timeout and priority of a finished job cannot be changed");
        break;
    case Action::Resolve:
        message = QStringLiteral("The incident's job is not failed any more and cannot be retried");
        break;
    case Action::Replay:
        message = QStringLiteral("Only a finished job can be replayed; this one is %1").arg(status);
        break;
    }
    return ApiError::conflict(code, message, details);
}

} // namespace

ApiError toApi(const JobError &e)
{
    using Kind = JobError::Kind;
    const QJsonObject named{{QStringLiteral("name"), e.subject}};
    switch (e.kind) {
    case Kind::JobNotFound:
        return ApiError::jobNotFound(e.subject);
    case Kind::WrongState:
        return wrongState(e);
    case Kind::LockHeldByOther:
        return ApiError::conflict(
            wrongStateCode(e.action),
            QStringLiteral("Job cannot be %1 by this worker").arg(workerVerb(e.action)),
            QJsonObject{{QStringLiteral("job_key"), e.subject},
                        {QStringLiteral("current_status"), stateOf(e)},
                        {QStringLiteral("worker_id"), e.worker},
                        {QStringLiteral("reason"),
                         QStringLiteral("The job's lock passed to worker %1 after %2's deadline")
                             .arg(e.worker, e.expectedWorker)}});
    case Kind::InvalidRetryCount:
        return {400, QStringLiteral("INVALID_RETRY_COUNT"),
                QStringLiteral("retries must be between 0 and the job's current retries"),
                QJsonObject{
                    {QStringLiteral("provided_retries"), e.requested},
                    {QStringLiteral("valid_range"), QStringLiteral("0-%1").arg(e.currentRetries)},
                    {QStringLiteral("current_retries"), e.currentRetries}}};
    case Kind::InvalidVariables:
        return ApiError::validation({{QStringLiteral("variables"), e.reason}});
    case Kind::IncidentNotFound:
        return {404, QStringLiteral("INCIDENT_NOT_FOUND"), QStringLiteral("Incident not found"),
                QJsonObject{{QStringLiteral("incident_id"), e.subject}}};
    case Kind::IncidentAlreadyResolved:
        return ApiError::conflict(
            QStringLiteral("INCIDENT_ALREADY_RESOLVED"),
            QStringLiteral("The incident is already resolved"),
            QJsonObject{{QStringLiteral("incident_id"), e.subject},
                        {QStringLiteral("current_status"), QStringLiteral("RESOLVED")},
                        {QStringLiteral("resolved_by"), orNull(e.worker)}});
    case Kind::ApiKeyExists:
        return ApiError::conflict(QStringLiteral("API_KEY_EXISTS"),
                                  QStringLiteral("An API key of that name exists"), named);
    case Kind::ApiKeyNotFound:
        return {404, QStringLiteral("API_KEY_NOT_FOUND"), QStringLiteral("No API key of that name"),
                named};
    case Kind::LastAdminKey:
        return ApiError::conflict(
            QStringLiteral("LAST_ADMIN_KEY"),
            QStringLiteral("The last admin key cannot be deleted; create another one first"),
            named);
    case Kind::ScheduleNotFound:
        return {404, QStringLiteral("SCHEDULE_NOT_FOUND"), QStringLiteral("No schedule of that name"),
                named};
    case Kind::BulkOperationNotFound:
        return {404, QStringLiteral("BULK_OPERATION_NOT_FOUND"),
                QStringLiteral("No bulk operation with that id"),
                QJsonObject{{QStringLiteral("operation_id"), e.subject}}};
    case Kind::ScheduleExists:
        return ApiError::conflict(QStringLiteral("SCHEDULE_EXISTS"),
                                  QStringLiteral("A schedule of that name exists"), named);
    case Kind::StoreUnavailable:
        return ApiError::unavailable(
            QStringLiteral("The job store is not writable right now; nothing was changed"));
    case Kind::ShuttingDown:
        return ApiError::unavailable(QStringLiteral("Server is shutting down"));
    case Kind::ReadOnly:
        return {403,
                QStringLiteral("READ_ONLY"),
                e.reason.isEmpty() ? QStringLiteral("Read-only: nothing can be changed") : e.reason,
                {}};
    }
    return ApiError::internal();
}

} // namespace JobErrors
