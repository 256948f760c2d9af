// Activation: claiming activatable jobs for workers, one request or several in turn, and the
// answer they get. Part of JobCommands (see JobCommands.h).
#include "JobCommands.h"

#include "JobView.h"
#include "core/JsonText.h"

using JsonText::compact;

namespace JobCommands {

namespace {

// Hands `jobs` (claimed for it) to one activation.
ApiResult claim(Txn &txn, const ActivationSpec &spec, QList<JobRecord> jobs)
{
    static const QByteArray activated = compact(
        QJsonObject{{QStringLiteral("message"), QStringLiteral("Job activated by worker")}});
    for (JobRecord &job : jobs) {
        JobStates::moveTo(job, JobState::Active, txn.now());
        job.worker = spec.worker;
        job.activatedAt = txn.now();
        job.deadline = txn.now() + spec.timeoutMs.value_or(job.timeoutMs);
        job.maxJobsForWorker = spec.maxJobs;
        job.attempt += 1;
        job.progress.clear();
        txn.store().updateJob(job);
        txn.record(job, QStringLiteral("JOB_ACTIVATED"), spec.worker, job.attempt, {}, activated);
        txn.wakeAt(job.deadline);
    }
    txn.touchWorker(spec.worker, spec.type);
    return activationAnswer(spec, jobs);
}

} // namespace

ApiResult activate(Txn &txn, const ActivationSpec &spec)
{
    return activateInTurn(txn, {&spec}).front();
}

std::vector<ApiResult> activateInTurn(Txn &txn, const std::vector<const ActivationSpec *> &specs)
{
    const ActivationSpec &first = *specs.front();
    int wanted = 0;
    for (const ActivationSpec *spec : specs) {
        Q_ASSERT(spec->type == first.type && spec->tenants == first.tenants);
        wanted += spec->maxJobs;
    }
    // A paused type hands nothing out: the requests answer empty or wait as long polls.
    const QList<JobRecord> jobs = txn.isPaused(first.type)
                                      ? QList<JobRecord>()
                                      : txn.store().activatable(first.type, first.tenants, wanted);
    std::vector<ApiResult> results;
    results.reserve(specs.size());
    qsizetype next = 0;
    for (const ActivationSpec *spec : specs) {
        const qsizetype taken = qMin<qsizetype>(spec->maxJobs, jobs.size() - next);
        results.push_back(claim(txn, *spec, jobs.mid(next, taken)));
        next += taken;
    }
    return results;
}

ApiResult activationAnswer(const ActivationSpec &spec, const QList<JobRecord> &jobs)
{
    // data carries the count for the engine; the answer itself is built on the HTTP thread.
    ApiResult result = ApiResult::later([spec, jobs] {
        QJsonArray out;
        for (const JobRecord &job : jobs)
            out.append(JobView::activated(job, spec.fetchVariables));
        return QJsonObject{{QStringLiteral("jobs"), out},
                           {QStringLiteral("worker"), spec.worker},
                           {QStringLiteral("activated_count"), out.size()},
                           {QStringLiteral("timeout"), spec.timeoutMs.value_or(300'000)}};
    });
    result.data.insert(QStringLiteral("activated_count"), jobs.size());
    return result;
}

} // namespace JobCommands
