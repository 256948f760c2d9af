#include "TypeLimitStore.h"

#include "Database.h"
#include "JobColumns.h"
#include "SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

QVariant intOrNull(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}

} // namespace

QHash<QString, TypeLimit> TypeLimitStore::all()
{
    QSqlQuery q = Database::prepare(m_db, "SELECT type, max_active, rate_limit, rate_per_ms FROM "
                                          "job_type_limits");
    Database::exec(q);
    QHash<QString, TypeLimit> out;
    while (q.next()) {
        TypeLimit l;
        if (!q.value(1).isNull())
            l.maxActive = q.value(1).toInt();
        if (!q.value(2).isNull())
            l.rateLimit = q.value(2).toInt();
        l.ratePerMs = q.value(3).toLongLong();
        out.insert(q.value(0).toString(), l);
    }
    return out;
}

void TypeLimitStore::put(const QString &type, const TypeLimit &limit, qint64 now, const QString &by)
{
    if (limit.isEmpty()) {
        QSqlQuery q = Database::prepare(m_db, "DELETE FROM job_type_limits WHERE type = ?");
        q.addBindValue(type);
        Database::exec(q);
        return;
    }
    QSqlQuery q =
        Database::prepare(m_db, "INSERT INTO job_type_limits (type, max_active, rate_limit, "
                                "rate_per_ms, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT (type) DO UPDATE SET max_active = "
                                "excluded.max_active, rate_limit = excluded.rate_limit, "
                                "rate_per_ms = excluded.rate_per_ms, updated_at = "
                                "excluded.updated_at, updated_by = excluded.updated_by");
    q.addBindValue(type);
    q.addBindValue(intOrNull(limit.maxActive));
    q.addBindValue(intOrNull(limit.rateLimit));
    q.addBindValue(limit.rateLimit ? limit.ratePerMs : 0);
    q.addBindValue(now);
    q.addBindValue(by);
    Database::exec(q);
}

void TypeLimitStore::lock(const QString &type)
{
    if (!SqlDialect::of(m_db).isPostgres())
        return; // one writer: the transaction is alone anyway
    QSqlQuery q =
        Database::prepare(m_db, "SELECT type FROM job_type_limits WHERE type = ? FOR UPDATE");
    q.addBindValue(type);
    Database::exec(q);
}

int TypeLimitStore::activeJobs(const QString &type)
{
    QSqlQuery q =
        Database::prepare(m_db, "SELECT COUNT(*) FROM jobs WHERE type = ? AND state = {ACTIVE}");
    q.addBindValue(type);
    Database::exec(q);
    return q.next() ? q.value(0).toInt() : 0;
}

TypeLimitStore::Window TypeLimitStore::activationsAfter(const QString &type, qint64 since)
{
    QSqlQuery q =
        Database::prepare(m_db, "SELECT COALESCE(SUM(count), 0), COALESCE(MIN(at), 0) FROM "
                                "job_type_activations WHERE type = ? AND at > ?");
    q.addBindValue(type);
    q.addBindValue(since);
    Database::exec(q);
    Window w;
    if (q.next()) {
        w.activations = q.value(0).toInt();
        w.earliest = q.value(1).toLongLong();
    }
    return w;
}

void TypeLimitStore::logActivations(const QString &type, qint64 at, int count)
{
    QSqlQuery q = Database::prepare(
        m_db, "INSERT INTO job_type_activations (type, at, count) VALUES (?, ?, ?)");
    q.addBindValue(type);
    q.addBindValue(at);
    q.addBindValue(count);
    Database::exec(q);
}

void TypeLimitStore::pruneLog(const QString &type, qint64 before)
{
    QSqlQuery q =
        Database::prepare(m_db, "DELETE FROM job_type_activations WHERE type = ? AND at <= ?");
    q.addBindValue(type);
    q.addBindValue(before);
    Database::exec(q);
}
