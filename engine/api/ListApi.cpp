#include "ListApi.h"

#include "ListParams.h"
#include "api/JobListView.h"
#include "core/Clock.h"
#include "http/HttpFrontend.h"
#include "store/JobCounters.h"
#include "store/JobQuery.h"
#include "store/ReadSnapshot.h"

#include <QJsonArray>

namespace ListApi {
namespace {

// Beyond the counters, total_count counts at most this many matching jobs; above it the answer
// says total_count_exact: false (a page never costs a scan of every match).
constexpr qint64 kCountCap = 10'000;

// total_count: exact from the counters when only state, type and tenant filter; otherwise a
// count that stops at kCountCap.
std::pair<qint64, bool> totalCount(JobQuery &query, const JobFilter &filter,
                                   const QList<CounterCell> &cells)
{
    if (filter.countersSuffice()) {
        qint64 total = 0;
        for (const CounterCell &cell : cells)
            total += cell.count;
        return {total, true};
    }
    const qint64 counted = query.countUpTo(filter, cells, kCountCap);
    return {qMin(counted, kCountCap), counted <= kCountCap};
}

void listRoute(HttpFrontend *f, ApiRequest &request)
{
    ApiError error;
    const std::optional<ListParams> params =
        ListParams::parse(request.query(), request.caller(), Clock::nowMs(), error);
    if (!params)
        return request.fail(error);
    const ListParams &p = *params;
    JobStore &store = f->reader();
    QSqlDatabase db = store.database();
    ReadSnapshot snapshot(db);

    JobCounters counters(db);
    const QList<CounterCell> cells = counters.cells(p.filter);
    JobFilter summaryFilter;
    summaryFilter.type = p.filter.type;
    summaryFilter.tenantId = p.filter.tenantId;
    summaryFilter.visibleTenants = p.filter.visibleTenants;
    const CounterSummary summary = JobCounters::summarize(counters.cells(summaryFilter));

    JobQuery query(db);
    QList<JobQuery::Row> rows = query.page(p.filter, p.page, cells);
    const bool hasNext = rows.size() > p.page.limit;
    if (hasNext)
        rows.resize(p.page.limit);
    QJsonArray jobs;
    QList<qint64> ids;
    for (const JobQuery::Row &row : std::as_const(rows))
        ids.append(row.id);
    for (const JobRecord &job : store.findJobs(ids)) // one round trip for the page
        jobs.append(JobListView::entry(job, JobListView::needsEvents(job) ? store.events(job.id)
                                                                          : QList<JobEvent>()));
    const auto [total, exact] = totalCount(query, p.filter, cells);

    const QJsonObject pagination{
        {QStringLiteral("page"), p.pageNumber},
        {QStringLiteral("page_size"), p.page.limit},
        {QStringLiteral("total_count"), total},
        {QStringLiteral("total_count_exact"), exact},
        {QStringLiteral("total_pages"), (total + p.page.limit - 1) / p.page.limit},
        {QStringLiteral("has_next"), hasNext},
        {QStringLiteral("has_prev"), p.pageNumber > 1},
        {QStringLiteral("next_cursor"),
         hasNext && !rows.isEmpty()
             ? QJsonValue(p.cursorAfter(SortPosition{rows.last().sortValue, rows.last().id}))
             : QJsonValue(QJsonValue::Null)},
    };
    request.reply(
        ApiResult::ok(QJsonObject{{QStringLiteral("jobs"), jobs},
                                  {QStringLiteral("pagination"), pagination},
                                  {QStringLiteral("summary"), JobListView::summary(summary)},
                                  {QStringLiteral("filters_applied"), p.applied}}));
}

} // namespace

void registerRoutes(HttpFrontend &frontend)
{
    HttpFrontend *f = &frontend;
    f->router().add(Router::Method::Get, QStringLiteral("/api/v1/jobs"), Router::Access::Job,
                    [f](ApiRequest &request) { listRoute(f, request); });
}

} // namespace ListApi
