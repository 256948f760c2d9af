#include "OperatorReader.h"

#include "store/BulkOperationStore.h"

#include "core/Clock.h"
#include "engine/Dashboard.h"
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
    return Dashboard::read(m_db, &m_hours, nowMs,
                           m_engine ? m_engine->defaultRetention() : RetentionPolicy{});
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
