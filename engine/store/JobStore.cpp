#include "JobStore.h"

#include "Database.h"
#include "JobColumns.h"
#include "SqliteStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace {

#define INCIDENT_COLUMNS                                                                           \
    "id, incident_key, job_id, job_key, job_type, tenant_id, type, status, error_message, "        \
    "error_code, created_at, resolved_at, resolved_by"

// Reads of the engine's claims; PostgreSQL appends FOR UPDATE SKIP LOCKED.
// Templates: JobColumns::expand fills in the column list and the states' numbers (literals, not
// binds: the partial indexes on state are only used for a literal the planner can see).
#define JOB_COLUMNS "{job_columns}"
#define ACTIVATABLE "SELECT " JOB_COLUMNS " FROM jobs WHERE type = ? AND state = {CREATED} "
#define EXPIRED "SELECT " JOB_COLUMNS " FROM jobs WHERE state = {ACTIVE} AND deadline <= ? "
#define DUE                                                                                        \
    "SELECT " JOB_COLUMNS " FROM jobs WHERE state IN ({SCHEDULED}, {FAILED_RETRYABLE}) AND "       \
    "due_at <= ? "
#define TOUCH_WORKER(contains)                                                                     \
    "INSERT INTO workers (name, types, last_seen_at) VALUES (?, ?, ?) ON CONFLICT(name) DO "       \
    "UPDATE SET last_seen_at = excluded.last_seen_at, types = CASE WHEN " contains " > 0 THEN "    \
    "workers.types ELSE workers.types || ',' || excluded.types END"

using JobColumns::orNull;

JobRecord readJob(const QSqlQuery &q)
{
    return JobColumns::read(q);
}

void bindIncident(QSqlQuery &q, const IncidentRecord &r)
{
    int i = 0;
    q.bindValue(i++, r.id);
    q.bindValue(i++, r.key);
    q.bindValue(i++, r.jobId);
    q.bindValue(i++, r.jobKey);
    q.bindValue(i++, r.jobType);
    q.bindValue(i++, r.tenantId);
    q.bindValue(i++, r.type);
    q.bindValue(i++, r.status);
    q.bindValue(i++, orNull(r.errorMessage));
    q.bindValue(i++, orNull(r.errorCode));
    q.bindValue(i++, r.createdAt);
    q.bindValue(i++, orNull(r.resolvedAt));
    q.bindValue(i++, orNull(r.resolvedBy));
}

IncidentRecord incidentFromRow(const QSqlQuery &q)
{
    IncidentRecord r;
    int i = 0;
    r.id = q.value(i++).toLongLong();
    r.key = q.value(i++).toString();
    r.jobId = q.value(i++).toLongLong();
    r.jobKey = q.value(i++).toString();
    r.jobType = q.value(i++).toString();
    r.tenantId = q.value(i++).toString();
    r.type = q.value(i++).toString();
    r.status = q.value(i++).toString();
    r.errorMessage = q.value(i++).toString();
    r.errorCode = q.value(i++).toString();
    r.createdAt = q.value(i++).toLongLong();
    r.resolvedAt = q.value(i++).toLongLong();
    r.resolvedBy = q.value(i++).toString();
    return r;
}

std::optional<qint64> firstValue(QSqlQuery &q)
{
    Database::exec(q);
    std::optional<qint64> out;
    if (q.next() && !q.value(0).isNull())
        out = q.value(0).toLongLong();
    q.finish();
    return out;
}

} // namespace

IncidentRecord JobStore::readIncident(const QSqlQuery &query)
{
    return incidentFromRow(query);
}

JobStore::JobStore(QSqlDatabase db) : m_db(std::move(db)), m_dialect(SqlDialect::of(m_db)) {}

QSqlQuery &JobStore::prepared(const char *sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true); // no row cache: every result is read once, in order
        if (!query.prepare(JobColumns::expand(QString::fromLatin1(sql))))
            throw StoreError(QStringLiteral("prepare failed: %1").arg(query.lastError().text()));
        it = m_statements.insert(sql, query);
    }
    return *it;
}

QList<JobRecord> JobStore::readJobs(QSqlQuery &query)
{
    Database::exec(query);
    QList<JobRecord> out;
    while (query.next())
        out.append(readJob(query));
    query.finish();
    return out;
}

void JobStore::insertJob(const JobRecord &job)
{
    if (m_writeBehind)
        return m_pending.insert(job);
    if (!m_dialect.isPostgres()) {
        SqliteStatement &s =
            sqlite(m_insert, "INSERT INTO jobs ({job_columns}) VALUES ({job_values})");
        JobColumns::bindInsert(s, job);
        s.run();
        return rememberWrite(job);
    }
    QSqlQuery &q = prepared("INSERT INTO jobs ({job_columns}) VALUES ({job_values})");
    JobColumns::bindInsert(q, job);
    Database::exec(q);
}

SqliteStatement &JobStore::sqlite(std::unique_ptr<SqliteStatement> &slot, const char *sql)
{
    if (!slot)
        slot =
            std::make_unique<SqliteStatement>(m_db, JobColumns::expand(QString::fromLatin1(sql)));
    return *slot;
}

void JobStore::rememberWrite(const JobRecord &job)
{
    if (!m_dialect.isPostgres())
        m_active.wrote(job);
}

void JobStore::updateJob(const JobRecord &j)
{
    if (m_writeBehind) {
        m_readAhead.remove(j.id); // the pending write is the job now
        return m_pending.update(j);
    }
    // Only the columns a job's life can change (JobColumns::Changeable).
    int changed;
    if (!m_dialect.isPostgres()) {
        SqliteStatement &s = sqlite(m_update, "UPDATE jobs SET {job_set} WHERE id = ?");
        JobColumns::bindUpdate(s, j);
        changed = s.run();
    } else {
        QSqlQuery &q = prepared("UPDATE jobs SET {job_set} WHERE id = ?");
        JobColumns::bindUpdate(q, j);
        Database::exec(q);
        changed = q.numRowsAffected();
    }
    if (changed != 1)
        throw StoreError(QStringLiteral("job %1 vanished during an update").arg(j.key));
    rememberWrite(j);
}

void JobStore::deleteJob(qint64 id)
{
    flush();
    m_readAhead.remove(id);
    m_active.forget(id);
    for (const char *sql :
         {"DELETE FROM job_events WHERE job_id = ?", "DELETE FROM incidents WHERE job_id = ?",
          "DELETE FROM jobs WHERE id = ?"}) {
        QSqlQuery &q = prepared(sql);
        q.bindValue(0, id);
        Database::exec(q);
    }
}

std::optional<JobRecord> JobStore::findJob(qint64 id)
{
    if (const JobRecord *pending = m_pending.find(id))
        return *pending;
    if (const JobRecord *read = readAheadJob(id))
        return *read;
    if (const JobRecord *active = m_active.find(id))
        return *active;
    QSqlQuery &q =
        prepared(m_lockingReads ? "SELECT " JOB_COLUMNS " FROM jobs WHERE id = ? FOR UPDATE"
                                : "SELECT " JOB_COLUMNS " FROM jobs WHERE id = ?");
    q.bindValue(0, id);
    const QList<JobRecord> rows = readJobs(q);
    return rows.isEmpty() ? std::nullopt : std::optional<JobRecord>(rows.first());
}

std::optional<JobRecord> JobStore::findJobByKey(const QString &key)
{
    if (const JobRecord *pending = m_pending.findByKey(key))
        return *pending;
    if (const auto it = m_readAheadKeys.constFind(key); it != m_readAheadKeys.constEnd())
        if (const JobRecord *read = readAheadJob(*it))
            return *read;
    if (const JobRecord *active = m_active.findByKey(key))
        return *active;
    QSqlQuery &q =
        prepared(m_lockingReads ? "SELECT " JOB_COLUMNS " FROM jobs WHERE job_key = ? FOR UPDATE"
                                : "SELECT " JOB_COLUMNS " FROM jobs WHERE job_key = ?");
    q.bindValue(0, key);
    const QList<JobRecord> rows = readJobs(q);
    return rows.isEmpty() ? std::nullopt : std::optional<JobRecord>(rows.first());
}

QList<JobRecord> JobStore::activatable(const QString &type, const QStringList &tenants, int limit)
{
    flush();
    if (tenants.isEmpty()) {
        QSqlQuery &q =
            prepared(m_dialect.pick(ACTIVATABLE "ORDER BY priority DESC, id LIMIT ?", ACTIVATABLE
                                    "ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED"));
        q.bindValue(0, type);
        q.bindValue(1, limit);
        return readJobs(q);
    }
    // A tenant list: one indexed look-up per tenant, merged by priority then age.
    QList<JobRecord> merged;
    for (const QString &tenant : tenants) {
        QSqlQuery &q = prepared(m_dialect.pick(
            ACTIVATABLE "AND tenant_id = ? ORDER BY priority DESC, id LIMIT ?",
            ACTIVATABLE "AND tenant_id = ? ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP "
                        "LOCKED"));
        q.bindValue(0, type);
        q.bindValue(1, tenant);
        q.bindValue(2, limit);
        merged += readJobs(q);
    }
    std::sort(merged.begin(), merged.end(), [](const JobRecord &a, const JobRecord &b) {
        return a.priority != b.priority ? a.priority > b.priority : a.id < b.id;
    });
    merged.resize(qMin<qsizetype>(merged.size(), limit));
    return merged;
}

QList<JobRecord> JobStore::expiredLocks(qint64 now, int limit)
{
    flush();
    QSqlQuery &q = prepared(m_dialect.pick(EXPIRED "ORDER BY deadline LIMIT ?",
                                           EXPIRED "ORDER BY deadline LIMIT ? FOR UPDATE SKIP "
                                                   "LOCKED"));
    q.bindValue(0, now);
    q.bindValue(1, limit);
    return readJobs(q);
}

QList<JobRecord> JobStore::dueWaiting(qint64 now, int limit)
{
    flush();
    QSqlQuery &q = prepared(m_dialect.pick(DUE "ORDER BY due_at LIMIT ?",
                                           DUE "ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED"));
    q.bindValue(0, now);
    q.bindValue(1, limit);
    return readJobs(q);
}

std::optional<qint64> JobStore::earliestDeadline()
{
    flush();
    return firstValue(prepared("SELECT MIN(deadline) FROM jobs WHERE state = {ACTIVE}"));
}

std::optional<qint64> JobStore::earliestDue()
{
    flush();
    return firstValue(
        prepared("SELECT MIN(due_at) FROM jobs WHERE state IN ({SCHEDULED}, {FAILED_RETRYABLE})"));
}

int JobStore::activeJobsOfWorker(const QString &worker)
{
    flush();
    QSqlQuery &q = prepared("SELECT COUNT(*) FROM jobs WHERE worker = ? AND state = {ACTIVE}");
    q.bindValue(0, worker);
    return int(firstValue(q).value_or(0));
}

void JobStore::appendEvent(qint64 jobId, const JobEvent &e)
{
    if (m_writeBehind)
        return m_pending.appendEvent(jobId, e);
    static constexpr char kInsert[] = "INSERT INTO job_events (job_id, at, action, worker, "
                                      "attempt, error, details) VALUES (?, ?, ?, ?, ?, ?, ?)";
    if (!m_dialect.isPostgres()) {
        SqliteStatement &s = sqlite(m_insertEvent, kInsert);
        s.bindInt(1, jobId);
        s.bindInt(2, e.at);
        s.bindText(3, e.action);
        s.bindText(4, e.worker.isEmpty() ? QString() : e.worker);
        e.attempt ? s.bindInt(5, e.attempt) : s.bindNull(5);
        s.bindText(6, e.error.isEmpty() ? QString() : e.error);
        s.bindUtf8(7, e.details.isEmpty() ? QByteArray() : e.details);
        s.run();
        return;
    }
    QSqlQuery &q = prepared(kInsert);
    q.bindValue(0, jobId);
    q.bindValue(1, e.at);
    q.bindValue(2, e.action);
    q.bindValue(3, orNull(e.worker));
    q.bindValue(4, e.attempt ? QVariant(e.attempt) : QVariant(QMetaType(QMetaType::Int)));
    q.bindValue(5, orNull(e.error));
    q.bindValue(6, orNull(e.details));
    Database::exec(q);
}

QList<JobEvent> JobStore::events(qint64 jobId)
{
    flush();
    QSqlQuery &q = prepared("SELECT at, action, worker, attempt, error, details FROM job_events "
                            "WHERE job_id = ? ORDER BY id");
    q.bindValue(0, jobId);
    Database::exec(q);
    QList<JobEvent> out;
    while (q.next()) {
        out.append(JobEvent{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toInt(), q.value(4).toString(),
                            q.value(5).toString().toUtf8()});
    }
    q.finish();
    return out;
}

void JobStore::insertIncident(const IncidentRecord &incident)
{
    QSqlQuery &q = prepared("INSERT INTO incidents (" INCIDENT_COLUMNS
                            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bindIncident(q, incident);
    Database::exec(q);
}

void JobStore::updateIncident(const IncidentRecord &incident)
{
    QSqlQuery &q = prepared("UPDATE incidents SET id = ?, incident_key = ?, job_id = ?, "
                            "job_key = ?, job_type = ?, tenant_id = ?, type = ?, status = ?, "
                            "error_message = ?, error_code = ?, created_at = ?, resolved_at = ?, "
                            "resolved_by = ? WHERE id = ?");
    bindIncident(q, incident);
    q.bindValue(13, incident.id);
    Database::exec(q);
}

std::optional<IncidentRecord> JobStore::findIncidentByKey(const QString &key)
{
    QSqlQuery &q = prepared("SELECT " INCIDENT_COLUMNS " FROM incidents WHERE incident_key = ?");
    q.bindValue(0, key);
    Database::exec(q);
    std::optional<IncidentRecord> out;
    if (q.next())
        out = readIncident(q);
    q.finish();
    return out;
}

void JobStore::touchWorker(const QString &name, const QString &type, qint64 now)
{
    // types is a comma-separated set; a worker usually serves one type, so appending a type
    // that is not there yet is rare.
    QSqlQuery &q = prepared(m_dialect.pick(
        TOUCH_WORKER("instr(',' || workers.types || ',', ',' || excluded.types || ',')"),
        TOUCH_WORKER("position(',' || excluded.types || ',' in ',' || workers.types || ',')")));
    q.bindValue(0, name);
    q.bindValue(1, type);
    q.bindValue(2, now);
    Database::exec(q);
}

std::optional<QString> JobStore::meta(const QString &key)
{
    QSqlQuery &q = prepared("SELECT value FROM meta WHERE key = ?");
    q.bindValue(0, key);
    Database::exec(q);
    std::optional<QString> out;
    if (q.next())
        out = q.value(0).toString();
    q.finish();
    return out;
}

void JobStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery &q = prepared("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                            "UPDATE SET value = excluded.value");
    q.bindValue(0, key);
    q.bindValue(1, value);
    Database::exec(q);
}

void JobStore::flush()
{
    if (m_pending.isEmpty())
        return;
    const QList<PendingJobWrites::Round> rounds = m_pending.takeRounds();
    const PendingJobWrites::Rows events = m_pending.takeEvents();
    for (const PendingJobWrites::Round &round : rounds) {
        flushRows("INSERT INTO jobs (" JOB_COLUMNS ") SELECT " JOB_COLUMNS
                  " FROM json_populate_recordset(NULL::jobs, ?::json)",
                  round.inserts, false);
        flushRows("UPDATE jobs AS j SET {job_set_from_v} "
                  "FROM json_populate_recordset(NULL::jobs, ?::json) AS v WHERE j.id = v.id",
                  round.updates, true);
    }
    // In the order they were recorded: the identity ids order a job's history.
    flushRows("INSERT INTO job_events (job_id, at, action, worker, attempt, error, details) "
              "SELECT job_id, at, action, worker, attempt, error, details FROM "
              "json_populate_recordset(NULL::job_events, ?::json) WITH ORDINALITY AS e "
              "ORDER BY e.ordinality",
              events, false);
}

void JobStore::flushRows(const char *sql, const PendingJobWrites::Rows &rows, bool countRows)
{
    if (!rows.count)
        return;
    QSqlQuery &q = prepared(sql);
    q.bindValue(0, QString::fromUtf8(rows.json));
    Database::exec(q);
    if (countRows && q.numRowsAffected() != rows.count)
        throw StoreError(QStringLiteral("%1 of %2 jobs vanished during an update")
                             .arg(rows.count - q.numRowsAffected())
                             .arg(rows.count));
}

void JobStore::readAhead(const QStringList &keys)
{
    if (!m_writeBehind || keys.isEmpty())
        return;
    QStringList readable;
    for (const QString &key : keys)
        if (!key.contains(QChar(0))) // not valid in PostgreSQL text; found one by one, not at all
            readable.append(key);
    if (readable.isEmpty())
        return;
    // In id order, as every node locks them: two nodes reading ahead the same jobs wait for
    // each other instead of deadlocking.
    QSqlQuery &q = prepared("SELECT " JOB_COLUMNS " FROM jobs WHERE job_key IN "
                            "(SELECT json_array_elements_text(?::json)) ORDER BY id FOR UPDATE");
    q.bindValue(
        0, QString::fromUtf8(
               QJsonDocument(QJsonArray::fromStringList(readable)).toJson(QJsonDocument::Compact)));
    for (JobRecord &job : readJobs(q)) {
        if (m_pending.find(job.id))
            continue;
        m_readAheadKeys.insert(job.key, job.id);
        m_readAhead.insert(job.id, std::move(job));
    }
}

const JobRecord *JobStore::readAheadJob(qint64 id) const
{
    const auto it = m_readAhead.constFind(id);
    return it == m_readAhead.constEnd() ? nullptr : &*it;
}

void JobStore::notify(const QString &channel, const QString &payload)
{
    QSqlQuery &q = prepared("SELECT pg_notify(?, ?)");
    q.bindValue(0, channel);
    q.bindValue(1, payload);
    Database::exec(q);
    q.finish();
}

QList<JobRecord> JobStore::findJobs(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    flush();
    QByteArray list = "[";
    for (qint64 id : ids) {
        if (list.size() > 1)
            list += ',';
        list += QByteArray::number(id);
    }
    list += ']';
    QSqlQuery &q = prepared(m_dialect.pick(
        "SELECT " JOB_COLUMNS " FROM jobs WHERE id IN (SELECT value FROM json_each(?))",
        "SELECT " JOB_COLUMNS " FROM jobs WHERE id IN "
        "(SELECT json_array_elements_text(?::json)::bigint)"));
    q.bindValue(0, QString::fromLatin1(list));
    QHash<qint64, JobRecord> found;
    for (JobRecord &job : readJobs(q))
        found.insert(job.id, std::move(job));
    QList<JobRecord> out;
    out.reserve(found.size());
    for (qint64 id : ids)
        if (auto it = found.find(id); it != found.end())
            out.append(std::move(*it));
    return out;
}

bool JobStore::tryExclusive(const QString &name)
{
    if (!m_dialect.isPostgres())
        return true;
    QSqlQuery &q = prepared("SELECT pg_try_advisory_xact_lock(hashtext(?))");
    q.bindValue(0, name);
    Database::exec(q);
    const bool locked = q.next() && q.value(0).toBool();
    q.finish();
    return locked;
}
