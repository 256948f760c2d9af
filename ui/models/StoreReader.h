#pragma once

#include "auth/ApiKey.h"
#include "backend/JobSource.h"
#include "store/BulkOperationRecord.h"
#include "store/Database.h"
#include "store/JobDetails.h"
#include "store/JobFilter.h"
#include "store/JobReads.h"
#include "store/JobRecord.h"
#include "store/JobStore.h"

#include <functional>
#include <memory>
#include <optional>

// The console's own read connection to the store (WAL: reads never wait for the engine): the
// embedded console's JobSource. A QSqlDatabase belongs to the thread that opened it: create and
// use a reader on one thread.
class StoreReader : public JobSource
{
public:
    explicit StoreReader(const StoreOptions &options);
    ~StoreReader() override;
    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    // Through the same JobQuery and JobReads the API uses.
    Page page(const JobFilter &filter, const PageRequest &request) override;
    std::optional<JobDetails> details(const QString &key) override;
    Count count(const JobFilter &filter, qint64 cap) override;
    BulkStart bulkStart(const JobFilter &filter, qint64 cap) override;
    std::optional<BulkOperationRecord> bulkOperation(const QString &key) override;
    EntryPage entries(const JobFilter &filter, const PageRequest &request) override;
    EntryPage entriesOf(const QStringList &keys) override;
    QStringList jobTypes() override;    // from job_counts (small)
    QStringList workerNames() override; // from workers (small)

    const StoreOptions &options() const { return m_options; }
    // Makes a reader of `options` on the thread that calls it (JobPageLoader::SourceFactory).
    static JobSourceFactory factory(const StoreOptions &options);

    // The console acts as a local administrator of every tenant.
    static ApiKey consoleKey();

private:
    StoreOptions m_options;
    QString m_connection;
    std::unique_ptr<JobStore> m_store;
};
