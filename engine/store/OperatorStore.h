#pragma once

#include "JobRecord.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// The operator side of the store: incidents by filter, paused job types and their history,
// workers with their counters, Idempotency-Key records, bulk-delete scans and counts per job
// type and state. Used by the engine (inside its transaction) and by the HTTP thread's read
// connection. Tenant lists: empty means every tenant. Every failure throws StoreError.
class OperatorStore
{
public:
    explicit OperatorStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Incidents
    struct IncidentFilter
    {
        QString status;  // OPEN / RESOLVED, or empty
        QString type;    // JOB_FAILURE / UNHANDLED_ERROR, or empty
        QString jobType; // or empty
        QStringList tenants;
        int page = 1;
        int pageSize = 20;
    };
    struct IncidentRow
    {
        IncidentRecord incident;
        QByteArray processContext; // of its job
        QString jobStatus;         // empty when the job is gone
    };
    QList<IncidentRow> incidents(const IncidentFilter &filter, qint64 *totalCount);
    std::optional<IncidentRow> incident(const QString &incidentKey);
    std::optional<IncidentRecord> openIncidentOfJob(qint64 jobId);

    // Paused job types
    struct Pause
    {
        QString type;
        qint64 pausedAt = 0;
        QString pausedBy;
        QString reason;
    };
    struct TypeEvent
    {
        qint64 at = 0;
        QString action; // JOB_TYPE_PAUSED / JOB_TYPE_RESUMED
        QString actor;
        QString reason;
    };
    QHash<QString, Pause> pauses();
    void insertPause(const Pause &pause);
    bool removePause(const QString &type);
    void appendTypeEvent(const QString &type, const TypeEvent &event);
    QList<TypeEvent> typeEvents(const QString &type, int limit);

    // Counts per job type and state, for the key's tenants; from the job_counts table when the
    // store has it, else counted over the (type, state) index.
    struct TypeStateCount
    {
        QString type;
        JobState state;
        qint64 count;
    };
    QList<TypeStateCount> typeStateCounts(const QStringList &tenants);
    std::optional<qint64> oldestWaiting(const QString &type, const QStringList &tenants);
    QStringList workersWithActiveJobs(const QString &type, const QStringList &tenants);

    // Workers seen in activations, with their counters for the given tenants.
    struct WorkerRow
    {
        QString name;
        QStringList types;
        qint64 lastSeenAt = 0;
        qint64 activeJobs = 0;
        qint64 activated = 0;
        qint64 completed = 0;
        qint64 failed = 0;
        // Attempts that ended with no answer from the worker: its lock ran out, the activation
        // never reached it, or an operator cancelled the job while it ran.
        qint64 unanswered() const
        {
            return qMax<qint64>(0, activated - completed - failed - activeJobs);
        }
    };
    QList<WorkerRow> workers(const QStringList &tenants, int limit);

    // Idempotency-Key records: the job keys a (key name, scope, idempotency key) created.
    std::optional<QStringList> idempotentJobs(const QString &keyName, const QString &scope,
                                              const QString &idempotencyKey, qint64 notBefore);
    void rememberIdempotent(const QString &keyName, const QString &scope,
                            const QString &idempotencyKey, const QStringList &jobKeys, qint64 now);
    int forgetIdempotentBefore(qint64 cutoff, int limit);

    // Bulk delete: the next jobs after `afterId` in id order, with what a filter looks at.
    struct JobBrief
    {
        qint64 id = 0;
        JobState state = JobState::Created;
        QString type;
        QString tenantId;
        qint64 createdAt = 0;
    };
    QList<JobBrief> jobsAfter(qint64 afterId, int limit);
    // Retention: ids of finished jobs of a kind with finished_at before `before`, oldest
    // first. Failed: FAILED and ERROR_THROWN jobs without an open incident.
    enum class Finished { Completed, Cancelled, Failed };
    QList<qint64> finishedBefore(Finished kind, qint64 before, int limit);

    bool hasTable(const QString &name);

private:
    QSqlDatabase m_db;
};
