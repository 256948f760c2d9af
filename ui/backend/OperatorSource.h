#pragma once

#include "engine/Dashboard.h"
#include "engine/Retention.h"
#include "store/BulkOperationRecord.h"
#include "store/IncidentGroups.h"
#include "store/JobCounters.h"
#include "store/KeyStore.h"
#include "store/OperatorStore.h"
#include "store/RollupTotals.h"
#include "store/ScheduleRecord.h"
#include "store/StoreFootprint.h"
#include "store/TypeLimitStore.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

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

// The operator views' reads, typed: the dashboard, job types, incidents, workers, API keys,
// schedules, bulk operations and retention. Two kinds, as for JobSource: the store through a
// read connection of the console (OperatorReader), or a server over its API
// (RemoteOperatorSource). Made, used and destroyed on one reader thread; every read may throw a
// std::runtime_error (StoreError, SourceError) whose message is for the operator.
class OperatorSource
{
public:
    virtual ~OperatorSource() = default;

    virtual DashboardSnapshot dashboard(qint64 nowMs) = 0;
    virtual QList<JobTypeSnapshot> jobTypes() = 0;
    // status: OPEN, RESOLVED or empty for both; at most `limit` rows, newest first.
    virtual IncidentsSnapshot incidents(const QString &status, int limit) = 0;
    // Open incidents grouped by job type and error (IncidentGroups), and the keys of groups.
    virtual QList<IncidentGroups::Group> incidentGroups() = 0;
    virtual QStringList incidentKeys(const QList<IncidentGroups::Group> &groups) = 0;
    virtual QList<WorkerSnapshot> workers(int limit = 1000) = 0;
    virtual QList<KeyStore::Listed> apiKeys() = 0;
    virtual QList<ScheduleRecord> schedules() = 0;
    // GET /api/v1/bulk-operations: the newest, with their progress.
    virtual QList<BulkOperationRecord> bulkOperations(int limit = 100) = 0;
    // GET /api/v1/settings/retention: the store's policy, or the server's [retention] settings.
    virtual RetentionPolicy retention() = 0;
};

// Makes an OperatorSource on the thread that calls it; self-contained, as JobSourceFactory.
using OperatorSourceFactory = std::function<std::unique_ptr<OperatorSource>()>;
