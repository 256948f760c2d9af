// Activation: claiming activatable jobs for workers, one request or several in turn. Part of
// JobCommands (see JobCommands.h).
#include "JobCommands.h"

#include "core/JsonText.h"

#include <QSet>

using JsonText::compact;

namespace JobCommands {

namespace {

// Hands `jobs` (claimed for it) to one activation. The caller records that the worker was seen.
JobsActivated claim(Txn &txn, const ActivationSpec &spec, QList<JobRecord> jobs)
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
    return JobsActivated{spec, std::move(jobs)};
}

} // namespace

std::vector<JobsActivated> activateInTurn(Txn &txn,
                                          const std::vector<const ActivationSpec *> &specs)
{
    std::vector<JobsActivated> results;
    results.reserve(specs.size());
    QSet<QString> exhausted; // types of which a claim for every tenant got less than it asked
    for (std::size_t run = 0; run < specs.size();) {
        // A run: consecutive requests for the same type and tenants, served by one claim.
        const ActivationSpec &first = *specs[run];
        std::size_t end = run + 1;
        int wanted = first.maxJobs;
        while (end < specs.size() && specs[end]->type == first.type &&
               specs[end]->tenants == first.tenants)
            wanted += specs[end++]->maxJobs;
        // A paused type hands nothing out, a limited one what its limits leave: the requests
        // answer with less, or wait as long polls.
        bool none = txn.isPaused(first.type) || exhausted.contains(first.type);
        const std::optional<int> allowed = none ? std::nullopt : txn.limitAllowance(first.type);
        if (allowed && *allowed < wanted) {
            wanted = *allowed;
            none = wanted == 0;
        }
        const QList<JobRecord> jobs =
            none ? QList<JobRecord>() : txn.store().activatable(first.type, first.tenants, wanted);
        if (!none && first.tenants.isEmpty() && jobs.size() < wanted)
            exhausted.insert(first.type);
        if (allowed)
            txn.limitClaimed(first.type, int(jobs.size()));
        qsizetype next = 0;
        for (std::size_t i = run; i < end; ++i) {
            const qsizetype taken = qMin<qsizetype>(specs[i]->maxJobs, jobs.size() - next);
            results.push_back(claim(txn, *specs[i], jobs.mid(next, taken)));
            next += taken;
        }
        run = end;
    }
    return results;
}

} // namespace JobCommands
