#include "StoreReader.h"

#include "api/JobView.h"
#include "core/Clock.h"
#include "store/JobCounters.h"
#include "store/JobQuery.h"
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
    m_store = std::make_unique<JobStore>(Database::open(m_connection, options));
}

StoreReader::~StoreReader()
{
    m_store.reset();
    Database::close(m_connection);
}

ApiKey StoreReader::consoleKey()
{
    return ApiKey{QStringLiteral("console"), {QStringLiteral("admin")}, {QStringLiteral("*")}};
}

StoreReader::Page StoreReader::page(const JobFilter &filter, const PageRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    Page out;
    QSqlDatabase db = m_store->database();
    ReadSnapshot snapshot(db);
    const QList<CounterCell> cells = JobCounters(db).cells(filter);
    QList<JobQuery::Row> rows = JobQuery(db).page(filter, request, cells);
    out.hasMore = rows.size() > request.limit;
    if (out.hasMore)
        rows.resize(request.limit);
    QList<qint64> ids;
    QHash<qint64, qint64> sortValues;
    for (const JobQuery::Row &row : std::as_const(rows)) {
        ids.append(row.id);
        sortValues.insert(row.id, row.sortValue);
    }
    out.jobs = m_store->findJobs(ids); // one round trip for the page, not one per row
    out.positions.reserve(out.jobs.size());
    for (const JobRecord &job : std::as_const(out.jobs))
        out.positions.append(SortPosition{sortValues.value(job.id), job.id});
    out.micros = timer.nsecsElapsed() / 1000;
    return out;
}

StoreReader::Count StoreReader::count(const JobFilter &filter, qint64 cap)
{
    QSqlDatabase db = m_store->database();
    ReadSnapshot snapshot(db);
    const QList<CounterCell> cells = JobCounters(db).cells(filter);
    Count out;
    if (filter.countersSuffice()) {
        for (const CounterCell &cell : cells)
            out.total += cell.count;
        return out;
    }
    out.total = JobQuery(db).countUpTo(filter, cells, cap);
    out.exact = out.total <= cap;
    out.total = qMin(out.total, cap);
    return out;
}

std::optional<QJsonObject> StoreReader::details(const QString &key)
{
    QSqlDatabase db = m_store->database();
    ReadSnapshot snapshot(db);
    const std::optional<JobRecord> job = m_store->findJobByKey(key);
    if (!job)
        return std::nullopt;
    const std::optional<IncidentRecord> incident =
        job->incidentKey.isEmpty() ? std::nullopt : m_store->findIncidentByKey(job->incidentKey);
    const int workerLoad = job->worker.isEmpty() ? 0 : m_store->activeJobsOfWorker(job->worker);
    return JobView::details(*job, m_store->events(job->id), incident, workerLoad, Clock::nowMs());
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
