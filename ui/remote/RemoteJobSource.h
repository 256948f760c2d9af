#pragma once

#include "RemoteClient.h"
#include "backend/JobSource.h"

#include <memory>

// The jobs view's reads from a Jobdeck server over its API: GET /api/v1/jobs in cursor pages
// (at most 100 rows an answer, so a longer page is several answers, each its own snapshot),
// GET /api/v1/jobs/:key, total_count, the bulk operations and the pickers' job types and
// workers. The server answers as the key may see: its tenants only. Failures throw
// SourceError with what ApiConnection said (never the key).
class RemoteJobSource : public JobSource
{
public:
    explicit RemoteJobSource(std::shared_ptr<const RemoteClient> client);

    Page page(const JobFilter &filter, const PageRequest &request) override;
    std::optional<JobDetails> details(const QString &key) override;
    Count count(const JobFilter &filter, qint64 cap) override;
    BulkStart bulkStart(const JobFilter &filter, qint64 cap) override;
    std::optional<BulkOperationRecord> bulkOperation(const QString &key) override;
    // The server's own list entries (a selection's: one request per job).
    EntryPage entries(const JobFilter &filter, const PageRequest &request) override;
    EntryPage entriesOf(const QStringList &keys) override;
    QStringList jobTypes() override;
    QStringList workerNames() override;

    static constexpr int kMaxPageSize = 100; // the API's

private:
    // The answer's data; SourceError unless it is a success (or, with `absent`, that code).
    QJsonObject get(const QString &path, const char *absent = nullptr, bool *missing = nullptr);

    std::shared_ptr<const RemoteClient> m_client;
};
