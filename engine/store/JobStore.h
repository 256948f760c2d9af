#pragma once

#include "JobRecord.h"
#include "SqlDialect.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

// The jobs, job_events, incidents, workers and meta tables, through one connection. Statements
// are prepared once and reused with bound values. Every failure throws StoreError.
class JobStore
{
public:
    explicit JobStore(QSqlDatabase db);

    QSqlDatabase &database() { return m_db; }
    SqlDialect dialect() const { return m_dialect; }
    // The engine's store: on PostgreSQL, the jobs it reads by id or key to change them are
    // locked until its transaction ends (another node may want to change them too).
    void setLockingReads(bool locking) { m_lockingReads = locking && m_dialect.isPostgres(); }

    // Jobs
    void insertJob(const JobRecord &job);
    void updateJob(const JobRecord &job);
    void deleteJob(qint64 id); // with its events and incidents
    std::optional<JobRecord> findJob(qint64 id);
    std::optional<JobRecord> findJobByKey(const QString &key);
    // Activatable (CREATED) jobs of a type, by priority then age. An empty tenant list means
    // every tenant. On PostgreSQL the rows are claimed (FOR UPDATE SKIP LOCKED): rows another
    // node is handing out are passed over; the same holds for expiredLocks and dueWaiting.
    QList<JobRecord> activatable(const QString &type, const QStringList &tenants, int limit);
    QList<JobRecord> expiredLocks(qint64 now, int limit); // ACTIVE, deadline <= now
    QList<JobRecord> dueWaiting(qint64 now, int limit);   // SCHEDULED / FAILED_RETRYABLE
    std::optional<qint64> earliestDeadline();
    std::optional<qint64> earliestDue();
    int activeJobsOfWorker(const QString &worker);

    // History
    void appendEvent(qint64 jobId, const JobEvent &event);
    QList<JobEvent> events(qint64 jobId);

    // Incidents
    void insertIncident(const IncidentRecord &incident);
    void updateIncident(const IncidentRecord &incident);
    std::optional<IncidentRecord> findIncidentByKey(const QString &key);
    // An incident from the first 13 columns of a row (INCIDENT_COLUMNS order).
    static IncidentRecord readIncident(const QSqlQuery &query);

    // Workers seen in activations
    void touchWorker(const QString &name, const QString &type, qint64 now);

    // Engine state
    std::optional<QString> meta(const QString &key);
    void setMeta(const QString &key, const QString &value);

private:
    QSqlQuery &prepared(const char *sql);
    QList<JobRecord> readJobs(QSqlQuery &query);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    bool m_lockingReads = false;
    QHash<const char *, QSqlQuery> m_statements;
};
