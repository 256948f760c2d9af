#pragma once

#include "JobCounters.h"
#include "JobDetails.h"
#include "JobFilter.h"
#include "JobStore.h"

#include <optional>

// The reads of jobs that every reader shares (the list API, the details API, the console's
// loader and detail panel, the export): a page, a count, one job's details. Each runs in one
// snapshot of the store on the reader's own connection (a caller that holds a ReadSnapshot
// already gets its snapshot). Typed records only: no JSON.
class JobReads
{
public:
    explicit JobReads(JobStore &store) : m_store(store) {}

    struct Page
    {
        QList<JobRecord> jobs;
        QList<SortPosition> positions; // keyset position of each job, for the next page
        bool hasMore = false;
    };
    // One page of jobs matching `filter` (GET /api/v1/jobs), read in one round trip.
    Page page(const JobFilter &filter, const PageRequest &request);

    // How many jobs match: exact from the counters when they suffice, otherwise counting at
    // most `cap` + 1 (then `exact` is false and total is `cap`).
    struct Count
    {
        qint64 total = 0;
        bool exact = true;
    };
    Count count(const JobFilter &filter, qint64 cap);
    // What a bulk operation on `filter` starts from, in one snapshot: how many jobs match, and
    // the highest job id (jobs created after it are not touched).
    struct BulkStart
    {
        Count count;
        qint64 lastJobId = 0;
    };
    BulkStart bulkStart(const JobFilter &filter, qint64 cap);
    // Both, as GET /api/v1/jobs answers them, from one read of the counters.
    std::pair<Page, Count> pageAndCount(const JobFilter &filter, const PageRequest &request,
                                        qint64 cap);

    // One job with its history, incident and its worker's load; nullopt when it does not exist.
    std::optional<JobDetails> details(const QString &key);

    // The history a list entry or an export row needs (only failed jobs show theirs).
    QList<JobEvent> eventsForEntry(const JobRecord &job);
    static bool entryNeedsEvents(const JobRecord &job);

private:
    Page page(const JobFilter &filter, const PageRequest &request, const QList<CounterCell> &cells);
    Count count(const JobFilter &filter, qint64 cap, const QList<CounterCell> &cells);

    JobStore &m_store;
};
