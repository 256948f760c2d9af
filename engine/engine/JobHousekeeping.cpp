// The engine's housekeeping: jobs whose lock deadline passed, retries and schedules that are due,
// and activations that never reached their client. Part of JobCommands (see JobCommands.h).
#include "JobCommands.h"

#include "core/Clock.h"
#include "core/JsonText.h"

using JsonText::compact;

namespace JobCommands {

int releaseExpiredLocks(Txn &txn, int limit)
{
    const QList<JobRecord> expired = txn.store().expiredLocks(txn.now(), limit);
    for (JobRecord job : expired) {
        const QString worker = job.worker;
        JobStates::moveTo(job, JobState::Created, txn.now());
        const qint64 deadline = job.deadline;
        job.deadline = 0;
        txn.store().updateJob(job);
        txn.record(
            job, QStringLiteral("JOB_TIMED_OUT"), worker, job.attempt,
            QStringLiteral("Lock deadline passed"),
            compact(QJsonObject{{QStringLiteral("message"),
                                 QStringLiteral("Deadline passed; job returned to the queue")},
                                {QStringLiteral("deadline"), Clock::toIso(deadline)}}));
        txn.activatable(job.type);
    }
    return int(expired.size());
}

int promoteDueJobs(Txn &txn, int limit)
{
    const QList<JobRecord> due = txn.store().dueWaiting(txn.now(), limit);
    for (JobRecord job : due) {
        JobStates::moveTo(job, JobState::Created, txn.now());
        job.dueAt = 0;
        txn.store().updateJob(job);
        txn.activatable(job.type);
    }
    return int(due.size());
}

void releaseUndelivered(Txn &txn, const QStringList &jobKeys, const QString &worker)
{
    for (const QString &key : jobKeys) {
        std::optional<JobRecord> job = txn.store().findJobByKey(key);
        // Only if it is still the lock we gave that worker.
        if (!job || job->state != JobState::Active || job->worker != worker)
            continue;
        JobStates::moveTo(*job, JobState::Created, txn.now());
        job->deadline = 0;
        txn.store().updateJob(*job);
        txn.record(*job, QStringLiteral("JOB_TIMED_OUT"), worker, job->attempt,
                   QStringLiteral("Worker left before the job was delivered"),
                   compact(QJsonObject{
                       {QStringLiteral("message"),
                        QStringLiteral("Activation not delivered; job returned to the queue")}}));
        txn.activatable(job->type);
    }
}

} // namespace JobCommands
