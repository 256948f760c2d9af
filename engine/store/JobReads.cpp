#include "JobReads.h"

#include "BulkOperationStore.h"
#include "JobCounters.h"
#include "JobQuery.h"
#include "ReadSnapshot.h"

JobReads::Page JobReads::page(const JobFilter &filter, const PageRequest &request)
{
    ReadSnapshot snapshot(m_store.database());
    return page(filter, request, JobCounters(m_store.database()).cells(filter));
}

JobReads::Count JobReads::count(const JobFilter &filter, qint64 cap)
{
    ReadSnapshot snapshot(m_store.database());
    return count(filter, cap, JobCounters(m_store.database()).cells(filter));
}

JobReads::BulkStart JobReads::bulkStart(const JobFilter &filter, qint64 cap)
{
    ReadSnapshot snapshot(m_store.database());
    return {count(filter, cap), BulkOperationStore(m_store.database()).lastJobId()};
}

std::pair<JobReads::Page, JobReads::Count>
JobReads::pageAndCount(const JobFilter &filter, const PageRequest &request, qint64 cap)
{
    ReadSnapshot snapshot(m_store.database());
    const QList<CounterCell> cells = JobCounters(m_store.database()).cells(filter);
    return {page(filter, request, cells), count(filter, cap, cells)};
}

JobReads::Page JobReads::page(const JobFilter &filter, const PageRequest &request,
                              const QList<CounterCell> &cells)
{
    QList<JobQuery::Row> rows = JobQuery(m_store.database()).page(filter, request, cells);
    Page out;
    out.hasMore = rows.size() > request.limit;
    if (out.hasMore)
        rows.resize(request.limit);
    QList<qint64> ids;
    QHash<qint64, qint64> sortValues;
    for (const JobQuery::Row &row : std::as_const(rows)) {
        ids.append(row.id);
        sortValues.insert(row.id, row.sortValue);
    }
    out.jobs = m_store.findJobs(ids); // one round trip for the page, not one per row
    out.positions.reserve(out.jobs.size());
    for (const JobRecord &job : std::as_const(out.jobs))
        out.positions.append(SortPosition{sortValues.value(job.id), job.id});
    return out;
}

JobReads::Count JobReads::count(const JobFilter &filter, qint64 cap,
                                const QList<CounterCell> &cells)
{
    Count out;
    if (filter.countersSuffice()) {
        for (const CounterCell &cell : cells)
            out.total += cell.count;
        return out;
    }
    const qint64 counted = JobQuery(m_store.database()).countUpTo(filter, cells, cap);
    return {qMin(counted, cap), counted <= cap};
}

std::optional<JobDetails> JobReads::details(const QString &key)
{
    ReadSnapshot snapshot(m_store.database());
    std::optional<JobRecord> job = m_store.findJobByKey(key);
    if (!job)
        return std::nullopt;
    JobDetails d;
    d.incident =
        job->incidentKey.isEmpty() ? std::nullopt : m_store.findIncidentByKey(job->incidentKey);
    d.workerLoad = job->worker.isEmpty() ? 0 : m_store.activeJobsOfWorker(job->worker);
    d.events = m_store.events(job->id);
    d.job = std::move(*job);
    return d;
}

bool JobReads::entryNeedsEvents(const JobRecord &job)
{
    return job.state == JobState::Failed || job.state == JobState::ErrorThrown ||
           job.state == JobState::FailedRetryable;
}

QList<JobEvent> JobReads::eventsForEntry(const JobRecord &job)
{
    return entryNeedsEvents(job) ? m_store.events(job.id) : QList<JobEvent>();
}
