#pragma once

#include "ActiveJobCache.h"
#include "JobRecord.h"
#include "PendingJobWrites.h"
#include "SqlDialect.h"
#include "SqliteStatement.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <memory>
#include <optional>

// The jobs, job_events, incidents, workers and meta tables, through one connection. Statements
// are prepared once and reused with bound values. Every failure throws StoreError.
class JobStore
{
public:
    explicit JobStore(QSqlDatabase db);

    // The connection, with every held-back write sent: whoever runs statements of their own on
    // it sees the transaction as it is.
    QSqlDatabase &database()
    {
        flush();
        forgetReadAhead(); // statements of others may change what was read
        return m_db;
    }
    SqlDialect dialect() const { return m_dialect; }
    // The engine's store: on PostgreSQL, the jobs it reads by id or key to change them are
    // locked until its transaction ends (another node may want to change them too).
    void setLockingReads(bool locking) { m_lockingReads = locking && m_dialect.isPostgres(); }
    // The engine's store on PostgreSQL: job and history writes are held back and sent as a few
    // multi-row statements when a read needs them or before COMMIT (flush()). Whoever turns
    // this on must flush() before committing and discardPending() after a rollback.
    void setWriteBehind(bool on) { m_writeBehind = on && m_dialect.isPostgres(); }
    void flush();
    // PostgreSQL: a transaction-level advisory lock on `name`, or false when another node's
    // transaction holds it (SQLite has one writer: always true).
    bool tryExclusive(const QString &name);
    // With write-behind: reads the jobs of these keys, locked, in one statement; findJob and
    // findJobByKey then answer them without a round trip until the transaction ends.
    void readAhead(const QStringList &keys);
    // After COMMIT: nothing held back, nothing read ahead.
    void endTransaction()
    {
        m_pending.clear();
        forgetReadAhead();
    }
    // After ROLLBACK: besides, no job is remembered as this transaction wrote it.
    void discardTransaction()
    {
        endTransaction();
        m_active.clear();
    }

    // Jobs
    void insertJob(const JobRecord &job);
    void updateJob(const JobRecord &job);
    void deleteJob(qint64 id); // with its events and incidents
    std::optional<JobRecord> findJob(qint64 id);
    std::optional<JobRecord> findJobByKey(const QString &key);
    // The jobs of these ids in one statement (a page of a list), in the order given; ids of
    // jobs that are gone are left out. Not a locking read.
    QList<JobRecord> findJobs(const QList<qint64> &ids);
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

    // PostgreSQL: a notification to listening connections, sent at COMMIT.
    void notify(const QString &channel, const QString &payload);

    // Engine state
    std::optional<QString> meta(const QString &key);
    void setMeta(const QString &key, const QString &value);

private:
    QSqlQuery &prepared(const char *sql);
    QList<JobRecord> readJobs(QSqlQuery &query);
    void rememberWrite(const JobRecord &job);
    SqliteStatement &sqlite(std::unique_ptr<SqliteStatement> &slot, const char *sql);
    void forgetReadAhead()
    {
        m_readAhead.clear();
        m_readAheadKeys.clear();
    }
    const JobRecord *readAheadJob(qint64 id) const;
    void flushRows(const char *sql, const PendingJobWrites::Rows &rows, bool countRows);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    bool m_lockingReads = false;
    bool m_writeBehind = false;
    PendingJobWrites m_pending;
    ActiveJobCache m_active; // SQLite only: PostgreSQL has other writers
    // SQLite: the job INSERT and UPDATE and the history INSERT through the C API
    // (SqliteStatement), prepared once.
    std::unique_ptr<SqliteStatement> m_insert, m_update, m_insertEvent;
    QHash<qint64, JobRecord> m_readAhead;
    QHash<QString, qint64> m_readAheadKeys;
    QHash<const char *, QSqlQuery> m_statements;
};
