#pragma once

#include "auth/ApiKey.h"
#include "store/BulkOperationRecord.h"
#include "store/Database.h"
#include "store/JobDetails.h"
#include "store/JobFilter.h"
#include "store/JobReads.h"
#include "store/JobRecord.h"
#include "store/JobStore.h"

#include <memory>
#include <optional>

// The console's own read connection to the store (WAL: reads never wait for the engine).
// A QSqlDatabase belongs to the thread that opened it: create and use a reader on one thread.
class StoreReader
{
public:
    explicit StoreReader(const StoreOptions &options);
    ~StoreReader();
    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    struct Page
    {
        QList<JobRecord> jobs;
        QList<SortPosition> positions; // keyset position of each job, for the next page
        bool hasMore = false;
        qint64 micros = 0; // how long the query and the row reads took
        QString error;     // the store's message when the read failed (then no jobs)
    };
    // One page of GET /api/v1/jobs, through the same JobQuery the API uses, in one snapshot.
    Page page(const JobFilter &filter, const PageRequest &request);
    // GET /api/v1/jobs/:key as the API reads it; nullopt when the job does not exist.
    std::optional<JobDetails> details(const QString &key);

    // How many jobs match, as GET /api/v1/jobs counts total_count: exact from the counters
    // when they suffice, otherwise counting at most `cap` + 1 (then `exact` is false).
    struct Count
    {
        qint64 total = 0;
        bool exact = true;
    };
    Count count(const JobFilter &filter, qint64 cap);
    // What a bulk operation on `filter` starts from (JobReads::bulkStart).
    using BulkStart = JobReads::BulkStart;
    BulkStart bulkStart(const JobFilter &filter, qint64 cap);
    // A bulk operation with its progress; nullopt when there is none of that key.
    std::optional<BulkOperationRecord> bulkOperation(const QString &key);

    // The job types with jobs and the workers seen, for the filter's pickers (small tables).
    QStringList jobTypes();
    QStringList workerNames();

    const StoreOptions &options() const { return m_options; }

    // The console acts as a local administrator of every tenant.
    static ApiKey consoleKey();

private:
    StoreOptions m_options;
    QString m_connection;
    std::unique_ptr<JobStore> m_store;
};
