#include "StoreReader.h"

#include "api/JobListView.h"
#include "store/BulkOperationStore.h"
#include "store/JobReads.h"
#include "store/ReadSnapshot.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include <atomic>

namespace {
std::atomic<int> s_readers{0};
}

StoreReader::StoreReader(const StoreOptions &options)
    : m_options(options), m_connection(QStringLiteral("jobdeck-ui-%1").arg(s_readers.fetch_add(1)))
{
    try {
        m_store = std::make_unique<JobStore>(Database::open(m_connection, options));
    } catch (...) {
        Database::close(m_connection); // no connection left behind by a store that did not open
        throw;
    }
}

StoreReader::~StoreReader()
{
    m_store.reset();
    Database::close(m_connection);
}

JobSourceFactory StoreReader::factory(const StoreOptions &options)
{
    return [options] { return std::make_unique<StoreReader>(options); };
}

ApiKey StoreReader::consoleKey()
{
    return ApiKey{QStringLiteral("console"), {QStringLiteral("admin")}, {QStringLiteral("*")}};
}

JobSource::Page StoreReader::page(const JobFilter &filter, const PageRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    JobReads::Page page = JobReads(*m_store).page(filter, request);
    Page out;
    out.jobs = std::move(page.jobs);
    out.positions = std::move(page.positions);
    out.hasMore = page.hasMore;
    out.micros = timer.nsecsElapsed() / 1000;
    return out;
}

JobSource::Count StoreReader::count(const JobFilter &filter, qint64 cap)
{
    return JobReads(*m_store).count(filter, cap);
}

JobSource::BulkStart StoreReader::bulkStart(const JobFilter &filter, qint64 cap)
{
    return JobReads(*m_store).bulkStart(filter, cap);
}

std::optional<BulkOperationRecord> StoreReader::bulkOperation(const QString &key)
{
    return BulkOperationStore(m_store->database()).find(key);
}

std::optional<JobDetails> StoreReader::details(const QString &key)
{
    return JobReads(*m_store).details(key);
}

JobSource::EntryPage StoreReader::entries(const JobFilter &filter, const PageRequest &request)
{
    JobReads reads(*m_store);
    ReadSnapshot snapshot(m_store->database()); // a page and its jobs' histories agree
    JobReads::Page page = reads.page(filter, request);
    EntryPage out;
    for (const JobRecord &job : std::as_const(page.jobs))
        out.entries.append(JobListView::entry(job, reads.eventsForEntry(job)));
    out.jobs = std::move(page.jobs);
    out.positions = std::move(page.positions);
    out.hasMore = page.hasMore;
    return out;
}

JobSource::EntryPage StoreReader::entriesOf(const QStringList &keys)
{
    JobReads reads(*m_store);
    ReadSnapshot snapshot(m_store->database());
    EntryPage out;
    for (const QString &key : keys) {
        const std::optional<JobRecord> job = m_store->findJobByKey(key);
        if (!job)
            continue;
        out.entries.append(JobListView::entry(*job, reads.eventsForEntry(*job)));
        out.jobs.append(*job);
    }
    return out;
}

namespace {
QStringList column(QSqlDatabase db, const QString &sql)
{
    QStringList names;
    QSqlQuery query(db);
    if (!query.exec(sql))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}
} // namespace

QStringList StoreReader::jobTypes()
{
    return column(
        m_store->database(),
        QStringLiteral("SELECT DISTINCT type FROM job_counts WHERE count > 0 ORDER BY type "
                       "LIMIT 1000"));
}

QStringList StoreReader::workerNames()
{
    return column(m_store->database(),
                  QStringLiteral("SELECT name FROM workers ORDER BY name LIMIT 1000"));
}
