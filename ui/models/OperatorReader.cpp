#include "OperatorReader.h"

#include "store/BulkOperationStore.h"

#include "core/Clock.h"
#include "engine/Engine.h"
#include "store/ReadSnapshot.h"
#include "store/ScheduleStore.h"

#include <QMap>

#include <atomic>

namespace {
std::atomic<int> s_readers{0};
}

OperatorReader::OperatorReader(const StoreOptions &options, Engine *engine)
    : m_connection(QStringLiteral("jobdeck-ui-ops-%1").arg(s_readers.fetch_add(1))),
      m_engine(engine)
{
    m_db = Database::open(m_connection, options);
}

OperatorReader::~OperatorReader()
{
    m_db = QSqlDatabase();
    Database::close(m_connection);
}

DashboardSnapshot OperatorReader::dashboard(qint64 nowMs)
{
    DashboardSnapshot out;
    out.generatedAt = nowMs;
    ReadSnapshot snapshot(m_db);
    const QList<CounterCell> cells = JobCounters(m_db).cells(JobFilter{});
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
    StatsQuery stats(m_db, &m_hours);
    const qint64 nowMinute = nowMs / 60'000;
    const RollupFilter all;
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
    open.pageSize = 1;
    OperatorStore(m_db).incidents(open, &out.openIncidents);
    out.store = StoreFootprint::read(m_db);
    out.retention = retention();
    return out;
}

RetentionPolicy OperatorReader::retention()
{
    JobStore store(m_db);
    return Retention::stored(store).value_or(m_engine ? m_engine->defaultRetention()
                                                      : RetentionPolicy{});
}

QList<JobTypeSnapshot> OperatorReader::jobTypes()
{
    ReadSnapshot snapshot(m_db);
    OperatorStore ops(m_db);
    // As GET /api/v1/job-types: every type with jobs, paused or waited for.
    QMap<QString, JobTypeSnapshot> types;
    for (const OperatorStore::TypeStateCount &c : ops.typeStateCounts({})) {
        JobTypeSnapshot &t = types[c.type];
        t.depth[qBound(0, int(c.state), 7)] += c.count;
        t.total += c.count;
    }
    const QHash<QString, OperatorStore::Pause> pauses = ops.pauses();
    const Engine::LongPollSnapshot polls =
        m_engine ? m_engine->longPolls() : Engine::LongPollSnapshot{};
    for (const QString &type : pauses.keys())
        types[type];
    for (const QString &type : polls.workersByType.keys())
        types[type];
    TypeLimitStore limitStore(m_db);
    const QHash<QString, TypeLimit> limits = limitStore.all();
    for (const QString &type : limits.keys())
        types[type];
    const qint64 now = Clock::nowMs();
    QList<JobTypeSnapshot> out;
    for (auto it = types.begin(); it != types.end(); ++it) {
        JobTypeSnapshot t = it.value();
        t.type = it.key();
        t.oldestWaitingAt = ops.oldestWaiting(t.type, {}).value_or(0);
        if (const auto pause = pauses.constFind(t.type); pause != pauses.constEnd()) {
            t.paused = true;
            t.pausedAt = pause->pausedAt;
            t.pausedBy = pause->pausedBy;
            t.pauseReason = pause->reason;
        }
        t.workers = ops.workersWithActiveJobs(t.type, {});
        const QStringList polling = polls.workersByType.value(t.type);
        for (const QString &w : polling)
            if (!t.workers.contains(w))
                t.workers.append(w);
        t.longPolls = int(polling.size());
        if (const auto limit = limits.constFind(t.type); limit != limits.constEnd()) {
            t.limit = *limit;
            t.activeNow = limitStore.activeJobs(t.type);
            if (limit->rateLimit)
                t.activationsInWindow =
                    limitStore.activationsAfter(t.type, now - limit->ratePerMs).activations;
        }
        out.append(std::move(t));
    }
    return out;
}

IncidentsSnapshot OperatorReader::incidents(const QString &status, int limit)
{
    ReadSnapshot snapshot(m_db);
    OperatorStore::IncidentFilter filter;
    filter.status = status;
    filter.pageSize = qMax(1, limit);
    IncidentsSnapshot out;
    out.rows = OperatorStore(m_db).incidents(filter, &out.total);
    return out;
}

QList<WorkerSnapshot> OperatorReader::workers(int limit)
{
    const Engine::LongPollSnapshot polls =
        m_engine ? m_engine->longPolls() : Engine::LongPollSnapshot{};
    ReadSnapshot snapshot(m_db);
    QList<WorkerSnapshot> out;
    for (const OperatorStore::WorkerRow &w : OperatorStore(m_db).workers({}, limit))
        out.append(WorkerSnapshot{w, polls.byWorker.value(w.name)});
    return out;
}

QList<KeyStore::Listed> OperatorReader::apiKeys()
{
    return KeyStore(m_db).list();
}

QList<BulkOperationRecord> OperatorReader::bulkOperations(int limit)
{
    ReadSnapshot snapshot(m_db);
    return BulkOperationStore(m_db).newest(limit);
}

QList<ScheduleRecord> OperatorReader::schedules()
{
    return ScheduleStore(m_db).list({});
}

QList<IncidentGroups::Group> OperatorReader::incidentGroups()
{
    return IncidentGroups(m_db).open(QStringList());
}

QStringList OperatorReader::incidentKeys(const QList<IncidentGroups::Group> &groups)
{
    QStringList keys;
    IncidentGroups store(m_db);
    for (const IncidentGroups::Group &g : groups)
        keys += store.openKeys(g, QStringList());
    return keys;
}

OperatorSourceFactory OperatorReader::factory(const StoreOptions &options, Engine *engine)
{
    return [options, engine] { return std::make_unique<OperatorReader>(options, engine); };
}
