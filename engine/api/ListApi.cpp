#include "ListApi.h"

#include "ListParams.h"
#include "api/JobListView.h"
#include "core/Clock.h"
#include "http/HttpFrontend.h"
#include "store/JobCounters.h"
#include "store/JobReads.h"
#include "store/ReadSnapshot.h"

#include <QJsonArray>

namespace ListApi {
namespace {

// Beyond the counters, total_count counts at most this many matching jobs; above it the answer
// says total_count_exact: false (a page never costs a scan of every match).
constexpr qint64 kCountCap = 10'000;

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
    JobFilter summaryFilter;
    summaryFilter.type = p.filter.type;
    summaryFilter.tenantId = p.filter.tenantId;
    summaryFilter.visibleTenants = p.filter.visibleTenants;
    const CounterSummary summary = JobCounters::summarize(counters.cells(summaryFilter));

    JobReads reads(store);
    const auto [page, count] = reads.pageAndCount(p.filter, p.page, kCountCap);
    QJsonArray jobs;
    for (const JobRecord &job : page.jobs)
        jobs.append(JobListView::entry(job, reads.eventsForEntry(job)));
    const qint64 total = count.total;
    const QJsonObject pagination{
        {QStringLiteral("page"), p.pageNumber},
        {QStringLiteral("page_size"), p.page.limit},
        {QStringLiteral("total_count"), total},
        {QStringLiteral("total_count_exact"), count.exact},
        {QStringLiteral("total_pages"), (total + p.page.limit - 1) / p.page.limit},
        {QStringLiteral("has_next"), page.hasMore},
        {QStringLiteral("has_prev"), p.pageNumber > 1},
        {QStringLiteral("next_cursor"), page.hasMore && !page.positions.isEmpty()
                                            ? QJsonValue(p.cursorAfter(page.positions.last()))
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
    f->router().add(
        Router::Method::Get, QStringLiteral("/api/v1/jobs"), Router::Access::Job,
        [f](ApiRequest &request) { listRoute(f, request); },
        {"jobs", "List jobs: filters, sort, page or cursor, summary", false,
         "state status type worker process_instance_id element_id tenant_id created_after "
         "created_before period q page page_size sort_by sort_order cursor"});
}

} // namespace ListApi
