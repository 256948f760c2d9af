#pragma once

#include "engine/Retention.h"
#include "store/BulkOperationRecord.h"
#include "store/Database.h"
#include "store/JobCounters.h"
#include "store/KeyStore.h"
#include "store/OperatorStore.h"
#include "store/RollupTotals.h"
#include "store/ScheduleRecord.h"
#include "store/StatsQuery.h"
#include "store/StoreFootprint.h"
#include "store/TypeLimitStore.h"

#include <QList>
#include <QString>

class Engine;

// What the dashboard shows, read in one snapshot: counts per state (job_counts), the finished
// jobs of each of the last kMinutes minutes (job_rollup), queue depth per type and the p95
// processing time of the window: the numbers GET /api/v1/jobs/stats computes, from the same
// engine classes; and the store's size, its oldest finished job and the retention in force.
struct DashboardSnapshot
{
    static constexpr int kMinutes = 15;

    qint64 generatedAt = 0; // ms
    CounterSummary counts;
    struct Minute
    {
        qint64 minute = 0; // epoch minutes
        qint64 completed = 0;
        qint64 failed = 0; // FAILED, ERROR_THROWN
        qint64 cancelled = 0;
        double failureRate() const // percent of completed + failed
        {
            return completed + failed ? 100.0 * double(failed) / double(completed + failed) : 0;
        }
    };
    QList<Minute> minutes; // kMinutes entries, oldest first; the last is the current minute
    struct Depth
    {
        QString type;
        qint64 waiting = 0, scheduled = 0, retrying = 0, active = 0;
        qint64 total() const { return waiting + scheduled + retrying + active; }
    };
    QList<Depth> depth;  // types with unfinished jobs, by name
    RollupTotals window; // every job finished in the kMinutes minutes
    qint64 p95ProcessingMs = 0;
    qint64 openIncidents = 0;
    StoreFootprint store;
    RetentionPolicy retention; // the store's, or the server's [retention] settings
};

// One row of the job types view: what GET /api/v1/job-types answers for a type.
struct JobTypeSnapshot
{
    QString type;
    qint64 depth[8] = {}; // per JobState
    qint64 total = 0;
    qint64 oldestWaitingAt = 0; // ms, 0 = none waiting
    bool paused = false;
    qint64 pausedAt = 0;
    QString pausedBy;
    QString pauseReason;
    QStringList workers; // with active jobs of the type or long-polling for it
    int longPolls = 0;
    TypeLimit limit;             // PUT /job-types/:type/limits; empty: none
    int activeNow = 0;           // ACTIVE jobs, when there is a limit
    int activationsInWindow = 0; // in the rate limit's window
};

// One row of the workers view: GET /api/v1/workers.
struct WorkerSnapshot
{
    OperatorStore::WorkerRow worker;
    int longPolling = 0;
};

struct IncidentsSnapshot
{
    QList<OperatorStore::IncidentRow> rows; // newest first
    qint64 total = 0;                       // matching the status filter
};

// The operator views' reads, through a read connection of its own (opened on the thread that
// constructs it, and used only there) and the engine's thread-safe long-poll snapshot. Every
// method reads one snapshot of the store; StoreError escapes.
class OperatorReader
{
public:
    OperatorReader(const StoreOptions &options, Engine *engine);
    ~OperatorReader();
    OperatorReader(const OperatorReader &) = delete;
    OperatorReader &operator=(const OperatorReader &) = delete;

    DashboardSnapshot dashboard(qint64 nowMs);
    QList<JobTypeSnapshot> jobTypes();
    // status: OPEN, RESOLVED or empty for both; at most `limit` rows, newest first.
    IncidentsSnapshot incidents(const QString &status, int limit);
    QList<WorkerSnapshot> workers(int limit = 1000);
    QList<KeyStore::Listed> apiKeys();
    QList<ScheduleRecord> schedules();
    // GET /api/v1/bulk-operations: the newest, with their progress.
    QList<BulkOperationRecord> bulkOperations(int limit = 100);
    // GET /api/v1/settings/retention: the store's policy, or the server's [retention] settings.
    RetentionPolicy retention();

    QSqlDatabase database() const { return m_db; }

private:
    QString m_connection;
    QSqlDatabase m_db;
    Engine *m_engine;
    RollupHourCache m_hours;
};
