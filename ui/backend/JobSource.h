#pragma once

#include "store/BulkOperationRecord.h"
#include "store/JobDetails.h"
#include "store/JobFilter.h"
#include "store/JobReads.h"
#include "store/JobRecord.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

// Why a read of a job source failed, said for the operator: the store's message, or the
// server's (unreachable, key refused…). Every JobSource throws this or StoreError.
class SourceError : public std::runtime_error
{
public:
    explicit SourceError(const QString &what) : std::runtime_error(what.toStdString()) {}
};

// The jobs view's reads, typed: what GET /api/v1/jobs, GET /api/v1/jobs/:key and the pickers
// answer. Two kinds: the store itself through a read connection of the console (StoreReader),
// or a Jobdeck server over its API (RemoteJobSource). A source is made, used and destroyed on
// one thread (a reader thread: reads may wait for a disk or a network); every read may throw
// a std::runtime_error (StoreError, SourceError) whose message is for the operator.
class JobSource
{
public:
    virtual ~JobSource() = default;

    struct Page
    {
        QList<JobRecord> jobs;
        QList<SortPosition> positions; // keyset position of each job, for the next page
        bool hasMore = false;
        qint64 micros = 0; // how long the query and the row reads took
        QString error;     // why the read failed (then no jobs)
    };
    // One page of GET /api/v1/jobs, in one snapshot.
    virtual Page page(const JobFilter &filter, const PageRequest &request) = 0;
    // GET /api/v1/jobs/:key; nullopt when the job does not exist (or is not the caller's).
    virtual std::optional<JobDetails> details(const QString &key) = 0;

    // How many jobs match, as GET /api/v1/jobs counts total_count: exact from the counters
    // when they suffice, otherwise counting at most `cap` + 1 (then `exact` is false).
    using Count = JobReads::Count; // total, exact
    virtual Count count(const JobFilter &filter, qint64 cap) = 0;
    // What a bulk operation on `filter` starts from (JobReads::bulkStart). A server bounds
    // its operations itself: a remote source answers the count and lastJobId 0.
    using BulkStart = JobReads::BulkStart;
    virtual BulkStart bulkStart(const JobFilter &filter, qint64 cap) = 0;
    // A bulk operation with its progress; nullopt when there is none of that key.
    virtual std::optional<BulkOperationRecord> bulkOperation(const QString &key) = 0;

    // What an export writes (File ▸ Export): each job with its GET /api/v1/jobs entry (a failed
    // job's with its failure history), a page in one snapshot of the store, or as the server
    // sent it (100 entries an answer).
    struct EntryPage
    {
        QList<JobRecord> jobs;
        QList<QJsonObject> entries; // one per job
        QList<SortPosition> positions;
        bool hasMore = false;
    };
    virtual EntryPage entries(const JobFilter &filter, const PageRequest &request) = 0;
    // The entries of these jobs (a selection); a job gone since it was selected is left out.
    virtual EntryPage entriesOf(const QStringList &keys) = 0;

    // The job types with jobs and the workers seen, for the filter's pickers.
    virtual QStringList jobTypes() = 0;
    virtual QStringList workerNames() = 0;
};

// Makes a JobSource on the thread that calls it. Self-contained (it holds what it needs, not the
// backend that made it): a loader thread may call it while its owner is going away.
using JobSourceFactory = std::function<std::unique_ptr<JobSource>()>;
