#include "OperatorStore.h"

#include "Database.h"
#include "JobColumns.h"
#include "JobStore.h"
#include "SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

#define INCIDENT_COLUMNS                                                                           \
    "i.id, i.incident_key, i.job_id, i.job_key, i.job_type, i.tenant_id, i.type, i.status, "       \
    "i.error_message, i.error_code, i.created_at, i.resolved_at, i.resolved_by, "                  \
    "j.process_context, j.state"

// "?, ?, ?" for a list of bound values. Only the count comes from the request, never its text.
QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), n);
    return marks.join(QStringLiteral(", "));
}

OperatorStore::IncidentRow readIncidentRow(const QSqlQuery &q)
{
    OperatorStore::IncidentRow row;
    row.incident = JobStore::readIncident(q);
    int i = 13; // the columns after the incident's own
    row.processContext = q.value(i++).toString().toUtf8();
    const QVariant state = q.value(i++);
    if (!state.isNull())
        row.jobStatus = JobStates::name(JobState(state.toInt()));
    return row;
}

} // namespace

QList<OperatorStore::IncidentRow> OperatorStore::incidents(const IncidentFilter &f,
                                                           qint64 *totalCount)
{
    QStringList where;
    QVariantList binds;
    const auto condition = [&](const char *sql, const QString &value) {
        if (value.isEmpty())
            return;
        where.append(QLatin1String(sql));
        binds.append(value);
    };
    condition("i.status = ?", f.status);
    condition("i.type = ?", f.type);
    condition("i.job_type = ?", f.jobType);
    if (!f.tenants.isEmpty()) {
        where.append(QStringLiteral("i.tenant_id IN (%1)").arg(placeholders(f.tenants.size())));
        for (const QString &t : f.tenants)
            binds.append(t);
    }
    const QString whereSql = where.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));

    QSqlQuery count =
        Database::prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM incidents i") + whereSql);
    for (const QVariant &v : binds)
        count.addBindValue(v);
    Database::exec(count);
    *totalCount = count.next() ? count.value(0).toLongLong() : 0;

    QSqlQuery q = Database::prepare(
        m_db,
        QStringLiteral("SELECT " INCIDENT_COLUMNS " FROM incidents i LEFT JOIN jobs j ON j.id = "
                       "i.job_id") +
            whereSql + QStringLiteral(" ORDER BY i.id DESC LIMIT ? OFFSET ?"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(f.pageSize);
    q.addBindValue(qint64(f.page - 1) * f.pageSize);
    Database::exec(q);
    QList<IncidentRow> out;
    while (q.next())
        out.append(readIncidentRow(q));
    return out;
}

std::optional<OperatorStore::IncidentRow> OperatorStore::incident(const QString &incidentKey)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT " INCIDENT_COLUMNS
                                               " FROM incidents i LEFT JOIN jobs j ON j.id = "
                                               "i.job_id WHERE i.incident_key = ?"));
    q.addBindValue(incidentKey);
    Database::exec(q);
    if (!q.next())
        return std::nullopt;
    return readIncidentRow(q);
}

std::optional<IncidentRecord> OperatorStore::openIncidentOfJob(qint64 jobId)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT " INCIDENT_COLUMNS
                                               " FROM incidents i LEFT JOIN jobs j ON j.id = "
                                               "i.job_id WHERE i.job_id = ? AND i.status = "
                                               "'OPEN' ORDER BY i.id DESC LIMIT 1"));
    q.addBindValue(jobId);
    Database::exec(q);
    if (!q.next())
        return std::nullopt;
    return readIncidentRow(q).incident;
}

QHash<QString, OperatorStore::Pause> OperatorStore::pauses()
{
    QSqlQuery q = Database::prepare(
        m_db, QStringLiteral("SELECT type, paused_at, paused_by, reason FROM job_type_pauses"));
    Database::exec(q);
    QHash<QString, Pause> out;
    while (q.next()) {
        const Pause p{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                      q.value(3).toString()};
        out.insert(p.type, p);
    }
    return out;
}

void OperatorStore::insertPause(const Pause &pause)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("INSERT INTO job_type_pauses (type, paused_at, "
                                               "paused_by, reason) VALUES (?, ?, ?, ?)"));
    q.addBindValue(pause.type);
    q.addBindValue(pause.pausedAt);
    q.addBindValue(pause.pausedBy);
    q.addBindValue(pause.reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                          : QVariant(pause.reason));
    Database::exec(q);
}

bool OperatorStore::removePause(const QString &type)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("DELETE FROM job_type_pauses WHERE type = ?"));
    q.addBindValue(type);
    Database::exec(q);
    return q.numRowsAffected() > 0;
}

void OperatorStore::appendTypeEvent(const QString &type, const TypeEvent &e)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("INSERT INTO job_type_events (type, at, action, "
                                               "actor, reason) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(type);
    q.addBindValue(e.at);
    q.addBindValue(e.action);
    q.addBindValue(e.actor);
    q.addBindValue(e.reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                      : QVariant(e.reason));
    Database::exec(q);
}

QList<OperatorStore::TypeEvent> OperatorStore::typeEvents(const QString &type, int limit)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT at, action, actor, reason FROM "
                                               "job_type_events WHERE type = ? ORDER BY id DESC "
                                               "LIMIT ?"));
    q.addBindValue(type);
    q.addBindValue(limit);
    Database::exec(q);
    QList<TypeEvent> out;
    while (q.next())
        out.append(TypeEvent{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString()});
    return out;
}

QList<OperatorStore::TypeStateCount> OperatorStore::typeStateCounts(const QStringList &tenants)
{
    const QString tenantFilter =
        tenants.isEmpty()
            ? QString()
            : QStringLiteral(" WHERE tenant_id IN (%1)").arg(placeholders(tenants.size()));
    // The maintained counters when the store has them; else one pass over the (type, state)
    // index, which grows with the store (see README).
    const QString sql =
        hasTable(QStringLiteral("job_counts"))
            ? QStringLiteral("SELECT type, state, SUM(count) FROM job_counts%1 GROUP BY type, "
                             "state HAVING SUM(count) > 0")
                  .arg(tenantFilter)
            : QStringLiteral("SELECT type, state, COUNT(*) FROM jobs%1 GROUP BY type, state")
                  .arg(tenantFilter);
    QSqlQuery q = Database::prepare(m_db, sql);
    for (const QString &t : tenants)
        q.addBindValue(t);
    Database::exec(q);
    QList<TypeStateCount> out;
    while (q.next())
        out.append(TypeStateCount{q.value(0).toString(), JobState(q.value(1).toInt()),
                                  q.value(2).toLongLong()});
    return out;
}

std::optional<qint64> OperatorStore::oldestWaiting(const QString &type, const QStringList &tenants)
{
    // Ids grow with creation time: the smallest id is the oldest job, found in the index alone
    // (no row is read but that one), however long the queue.
    const QString tenantFilter =
        tenants.isEmpty()
            ? QString()
            : QStringLiteral(" AND tenant_id IN (%1)").arg(placeholders(tenants.size()));
    QSqlQuery q = Database::prepare(
        m_db, QStringLiteral("SELECT created_at FROM jobs WHERE id = (SELECT "
                             "MIN(id) FROM jobs WHERE type = ? AND state = {CREATED}%1)")
                  .arg(tenantFilter));
    q.addBindValue(type);
    for (const QString &t : tenants)
        q.addBindValue(t);
    Database::exec(q);
    if (q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QStringList OperatorStore::workersWithActiveJobs(const QString &type, const QStringList &tenants)
{
    const QString tenantFilter =
        tenants.isEmpty()
            ? QString()
            : QStringLiteral(" AND tenant_id IN (%1)").arg(placeholders(tenants.size()));
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT DISTINCT worker FROM jobs WHERE type = ? "
                                               "AND state = {ACTIVE}%1")
                                    .arg(tenantFilter));
    q.addBindValue(type);
    for (const QString &t : tenants)
        q.addBindValue(t);
    Database::exec(q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QList<OperatorStore::WorkerRow> OperatorStore::workers(const QStringList &tenants, int limit)
{
    // A key limited to some tenants sees the workers that worked on their jobs, and only the
    // counts of those tenants.
    const QString tenantFilter =
        tenants.isEmpty()
            ? QString()
            : QStringLiteral(" AND s.tenant_id IN (%1)").arg(placeholders(tenants.size()));
    QSqlQuery q = Database::prepare(
        m_db,
        QStringLiteral("SELECT w.name, w.types, w.last_seen_at, SUM(s.activated), "
                       "SUM(s.completed), SUM(s.failed) FROM workers w LEFT JOIN "
                       "worker_stats s ON s.worker = w.name%1 GROUP BY w.name%2 ORDER BY "
                       "w.last_seen_at DESC LIMIT ?")
            .arg(tenantFilter,
                 tenants.isEmpty() ? QString() : QStringLiteral(" HAVING COUNT(s.worker) > 0")));
    for (const QString &t : tenants)
        q.addBindValue(t);
    q.addBindValue(limit);
    Database::exec(q);
    QList<WorkerRow> out;
    while (q.next()) {
        WorkerRow w;
        w.name = q.value(0).toString();
        w.types = q.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        w.lastSeenAt = q.value(2).toLongLong();
        w.activated = q.value(3).toLongLong();
        w.completed = q.value(4).toLongLong();
        w.failed = q.value(5).toLongLong();
        out.append(w);
    }
    q.finish();
    const QString activeFilter =
        tenants.isEmpty()
            ? QString()
            : QStringLiteral(" AND tenant_id IN (%1)").arg(placeholders(tenants.size()));
    QSqlQuery active = Database::prepare(
        m_db, QStringLiteral("SELECT COUNT(*) FROM jobs WHERE worker = ? AND state = {ACTIVE}%1")
                  .arg(activeFilter));
    for (WorkerRow &w : out) {
        active.addBindValue(w.name);
        for (const QString &t : tenants)
            active.addBindValue(t);
        Database::exec(active);
        w.activeJobs = active.next() ? active.value(0).toLongLong() : 0;
        active.finish();
    }
    return out;
}

std::optional<QStringList> OperatorStore::idempotentJobs(const QString &keyName,
                                                         const QString &scope,
                                                         const QString &idempotencyKey,
                                                         qint64 notBefore)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT job_keys FROM idempotency_keys WHERE "
                                               "key_name = ? AND scope = ? AND idempotency_key "
                                               "= ? AND created_at >= ?"));
    q.addBindValue(keyName);
    q.addBindValue(scope);
    q.addBindValue(idempotencyKey);
    q.addBindValue(notBefore);
    Database::exec(q);
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
}

void OperatorStore::rememberIdempotent(const QString &keyName, const QString &scope,
                                       const QString &idempotencyKey, const QStringList &jobKeys,
                                       qint64 now)
{
    const SqlDialect dialect = SqlDialect::of(m_db);
    QSqlQuery q = Database::prepare(
        m_db, QString::fromLatin1(dialect.pick(
                  "INSERT OR REPLACE INTO idempotency_keys (key_name, scope, idempotency_key, "
                  "job_keys, created_at) VALUES (?, ?, ?, ?, ?)",
                  "INSERT INTO idempotency_keys (key_name, scope, idempotency_key, job_keys, "
                  "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_name, scope, "
                  "idempotency_key) DO UPDATE SET job_keys = excluded.job_keys, created_at = "
                  "excluded.created_at")));
    q.addBindValue(keyName);
    q.addBindValue(scope);
    q.addBindValue(idempotencyKey);
    q.addBindValue(jobKeys.join(QLatin1Char(',')));
    q.addBindValue(now);
    Database::exec(q);
}

int OperatorStore::forgetIdempotentBefore(qint64 cutoff, int limit)
{
    const SqlDialect dialect = SqlDialect::of(m_db);
    QSqlQuery q =
        Database::prepare(m_db, QString::fromLatin1(dialect.pick(
                                    "DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid "
                                    "FROM idempotency_keys WHERE created_at < ? LIMIT ?)",
                                    "DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid "
                                    "FROM idempotency_keys WHERE created_at < ? LIMIT ?)")));
    q.addBindValue(cutoff);
    q.addBindValue(limit);
    Database::exec(q);
    return q.numRowsAffected();
}

QList<OperatorStore::JobBrief> OperatorStore::jobsAfter(qint64 afterId, int limit)
{
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT id, state, type, tenant_id, created_at "
                                               "FROM jobs WHERE id > ? ORDER BY id LIMIT ?"));
    q.addBindValue(afterId);
    q.addBindValue(limit);
    Database::exec(q);
    QList<JobBrief> out;
    while (q.next())
        out.append(JobBrief{q.value(0).toLongLong(), JobState(q.value(1).toInt()),
                            q.value(2).toString(), q.value(3).toString(), q.value(4).toLongLong()});
    return out;
}

bool OperatorStore::hasTable(const QString &name)
{
    const SqlDialect dialect = SqlDialect::of(m_db);
    QSqlQuery q = Database::prepare(
        m_db,
        QString::fromLatin1(dialect.pick("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                         "name = ?",
                                         "SELECT 1 WHERE to_regclass(?) IS NOT NULL")));
    q.addBindValue(name);
    Database::exec(q);
    return q.next();
}

QList<qint64> OperatorStore::finishedBefore(Finished kind, qint64 before, int limit)
{
    QString states;
    switch (kind) {
    case Finished::Completed:
        states = QStringLiteral("+state = {COMPLETED}");
        break;
    case Finished::Cancelled:
        states = QStringLiteral("+state = {CANCELLED}");
        break;
    case Finished::Failed:
        states = QStringLiteral("+state IN ({FAILED}, {ERROR_THROWN}) AND NOT EXISTS (SELECT 1 "
                                "FROM incidents i WHERE i.job_id = jobs.id AND i.status = 'OPEN')");
        break;
    }
    // "+state": not by the index on state (every job of the kind, then sorted) but along
    // jobs_finished, oldest first, stopping at the limit.
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("SELECT id FROM jobs WHERE %1 AND finished_at < ? "
                                               "ORDER BY finished_at LIMIT ?")
                                    .arg(states));
    q.addBindValue(before);
    q.addBindValue(limit);
    Database::exec(q);
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}
