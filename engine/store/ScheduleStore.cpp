#include "ScheduleStore.h"

#include "Database.h"
#include "JobColumns.h"
#include "SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

#define SCHEDULE_COLUMNS                                                                           \
    "name, type, tenant_id, cron, every_ms, timezone, anchor_at, variables, custom_headers, "      \
    "priority, retries, timeout_ms, paused, next_run_at, last_run_at, last_job_key, created_at, "  \
    "created_by, updated_at"

ScheduleRecord read(const QSqlQuery &q)
{
    ScheduleRecord s;
    int i = 0;
    s.name = q.value(i++).toString();
    s.type = q.value(i++).toString();
    s.tenantId = q.value(i++).toString();
    s.cron = q.value(i++).toString();
    s.everyMs = q.value(i++).toLongLong();
    s.timezone = q.value(i++).toString();
    s.anchorAt = q.value(i++).toLongLong();
    s.variables = q.value(i++).toString().toUtf8();
    s.customHeaders = q.value(i++).toString().toUtf8();
    s.priority = q.value(i++).toInt();
    s.retries = q.value(i++).toInt();
    s.timeoutMs = q.value(i++).toLongLong();
    s.paused = q.value(i++).toInt() != 0;
    s.nextRunAt = q.value(i++).toLongLong();
    s.lastRunAt = q.value(i++).toLongLong();
    s.lastJobKey = q.value(i++).toString();
    s.createdAt = q.value(i++).toLongLong();
    s.createdBy = q.value(i++).toString();
    s.updatedAt = q.value(i++).toLongLong();
    return s;
}

// Every column but the name, in SCHEDULE_COLUMNS order.
void bindFields(QSqlQuery &q, const ScheduleRecord &s)
{
    q.addBindValue(s.type);
    q.addBindValue(s.tenantId);
    q.addBindValue(JobColumns::orNull(s.cron));
    q.addBindValue(s.cron.isEmpty() ? QVariant(s.everyMs)
                                    : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(s.timezone);
    q.addBindValue(s.anchorAt);
    q.addBindValue(QString::fromUtf8(s.variables));
    q.addBindValue(QString::fromUtf8(s.customHeaders));
    q.addBindValue(s.priority);
    q.addBindValue(s.retries);
    q.addBindValue(s.timeoutMs);
    q.addBindValue(s.paused ? 1 : 0);
    q.addBindValue(JobColumns::orNull(s.nextRunAt));
    q.addBindValue(JobColumns::orNull(s.lastRunAt));
    q.addBindValue(JobColumns::orNull(s.lastJobKey));
    q.addBindValue(s.createdAt);
    q.addBindValue(s.createdBy);
    q.addBindValue(s.updatedAt);
}

QList<ScheduleRecord> readAll(QSqlQuery &q)
{
    Database::exec(q);
    QList<ScheduleRecord> out;
    while (q.next())
        out.append(read(q));
    return out;
}

} // namespace

std::optional<ScheduleRecord> ScheduleStore::find(const QString &name, bool forUpdate)
{
    const bool lock = forUpdate && SqlDialect::of(m_db).isPostgres();
    QSqlQuery q = Database::prepare(
        m_db, QStringLiteral("SELECT " SCHEDULE_COLUMNS " FROM schedules WHERE name = ?") +
                  (lock ? QStringLiteral(" FOR UPDATE") : QString()));
    q.addBindValue(name);
    const QList<ScheduleRecord> rows = readAll(q);
    return rows.isEmpty() ? std::nullopt : std::optional<ScheduleRecord>(rows.first());
}

QList<ScheduleRecord> ScheduleStore::list(const QStringList &tenants)
{
    QString sql = QStringLiteral("SELECT " SCHEDULE_COLUMNS " FROM schedules");
    if (!tenants.isEmpty()) {
        QStringList marks;
        marks.fill(QStringLiteral("?"), tenants.size());
        sql += QStringLiteral(" WHERE tenant_id IN (%1)").arg(marks.join(QStringLiteral(", ")));
    }
    QSqlQuery q = Database::prepare(m_db, sql + QStringLiteral(" ORDER BY name"));
    for (const QString &t : tenants)
        q.addBindValue(t);
    return readAll(q);
}

bool ScheduleStore::insert(const ScheduleRecord &s)
{
    // ON CONFLICT: two nodes creating one name at once; the second learns it exists (a unique
    // violation would roll back its whole batch).
    QSqlQuery q =
        Database::prepare(m_db, QStringLiteral("INSERT INTO schedules (" SCHEDULE_COLUMNS
                                               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                               "?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"));
    q.addBindValue(s.name);
    bindFields(q, s);
    Database::exec(q);
    return q.numRowsAffected() > 0;
}

void ScheduleStore::update(const ScheduleRecord &s)
{
    QSqlQuery q = Database::prepare(
        m_db, QStringLiteral("UPDATE schedules SET type = ?, tenant_id = ?, cron = ?, "
                             "every_ms = ?, timezone = ?, anchor_at = ?, variables = ?, "
                             "custom_headers = ?, priority = ?, retries = ?, timeout_ms = ?, "
                             "paused = ?, next_run_at = ?, last_run_at = ?, last_job_key = ?, "
                             "created_at = ?, created_by = ?, updated_at = ? WHERE name = ?"));
    bindFields(q, s);
    q.addBindValue(s.name);
    Database::exec(q);
}

bool ScheduleStore::remove(const QString &name)
{
    QSqlQuery q = Database::prepare(m_db, QStringLiteral("DELETE FROM schedules WHERE name = ?"));
    q.addBindValue(name);
    Database::exec(q);
    return q.numRowsAffected() > 0;
}

QList<ScheduleRecord> ScheduleStore::due(qint64 now, int limit)
{
    const bool postgres = SqlDialect::of(m_db).isPostgres();
    QSqlQuery q = Database::prepare(
        m_db, QStringLiteral("SELECT " SCHEDULE_COLUMNS " FROM schedules WHERE paused = 0 AND "
                             "next_run_at <= ? ORDER BY next_run_at LIMIT ?") +
                  (postgres ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString()));
    q.addBindValue(now);
    q.addBindValue(limit);
    return readAll(q);
}

std::optional<qint64> ScheduleStore::earliestDue()
{
    QSqlQuery q = Database::prepare(
        m_db, QStringLiteral("SELECT MIN(next_run_at) FROM schedules WHERE paused = 0"));
    Database::exec(q);
    if (!q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}
