#include "Dashboard.h"

#include "store/JobStore.h"
#include "store/OperatorStore.h"
#include "store/ReadSnapshot.h"

#include <QMap>

namespace Dashboard {

DashboardSnapshot read(QSqlDatabase db, RollupHourCache *hours, qint64 nowMs,
                       const std::optional<RetentionPolicy> &retentionDefaults,
                       const QStringList &tenants)
{
    DashboardSnapshot out;
    out.generatedAt = nowMs;
    ReadSnapshot snapshot(db);
    JobFilter visible;
    visible.visibleTenants = tenants;
    const QList<CounterCell> cells = JobCounters(db).cells(visible);
    out.counts = JobCounters::summarize(cells);
    QMap<QString, DashboardSnapshot::Depth> depth;
    for (const CounterCell &cell : cells) {
        qint64 *slot = nullptr;
        DashboardSnapshot::Depth &d = depth[cell.type];
        d.type = cell.type;
        switch (cell.state) {
        case JobState::Created:
            slot = &d.waiting;
            break;
        case JobState::Scheduled:
            slot = &d.scheduled;
            break;
        case JobState::FailedRetryable:
            slot = &d.retrying;
            break;
        case JobState::Active:
            slot = &d.active;
            break;
        default:
            break;
        }
        if (slot)
            *slot += cell.count;
    }
    for (const DashboardSnapshot::Depth &d : std::as_const(depth))
        if (d.total() > 0)
            out.depth.append(d);

    // One primary-key range per minute of job_rollup; the window is their sum.
    StatsQuery stats(db, hours);
    const qint64 nowMinute = nowMs / 60'000;
    RollupFilter all;
    all.visibleTenants = tenants;
    for (qint64 m = nowMinute - DashboardSnapshot::kMinutes + 1; m <= nowMinute; ++m) {
        DashboardSnapshot::Minute minute;
        minute.minute = m;
        for (const RollupCell &cell : stats.readRange(all, m, m + 1)) {
            out.window.add(cell);
            if (cell.state == JobState::Completed)
                minute.completed += cell.jobs;
            else if (cell.state == JobState::Cancelled)
                minute.cancelled += cell.jobs;
            else
                minute.failed += cell.jobs;
        }
        out.minutes.append(minute);
    }
    out.p95ProcessingMs = out.window.percentile(0.95);

    OperatorStore::IncidentFilter open;
    open.status = QStringLiteral("OPEN");
    open.tenants = tenants;
    open.pageSize = 1;
    OperatorStore(db).incidents(open, &out.openIncidents);
    if (tenants.isEmpty())
        out.store = StoreFootprint::read(db);
    if (retentionDefaults) {
        JobStore store(db);
        out.retention = Retention::stored(store).value_or(*retentionDefaults);
    }
    return out;
}

} // namespace Dashboard
