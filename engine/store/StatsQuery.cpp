#include "StatsQuery.h"

#include "Database.h"
#include "SqlWhere.h"

namespace {

SqlWhere rollupWhere(const RollupFilter &f)
{
    SqlWhere where;
    where.add("minute >= ?", {f.fromMinute});
    if (!f.type.isEmpty())
        where.add("type = ?", {f.type});
    if (!f.worker.isEmpty())
        where.add("worker = ?", {f.worker});
    if (!f.tenantId.isEmpty())
        where.add("tenant_id = ?", {f.tenantId});
    QVariantList tenants;
    for (const QString &tenant : f.visibleTenants)
        tenants.append(tenant);
    where.addIn("tenant_id", tenants);
    return where;
}

} // namespace

QList<RollupCell> StatsQuery::cells(const RollupFilter &filter)
{
    const SqlWhere where = rollupWhere(filter);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT type, worker, state, bucket, sum(jobs), sum(timed_jobs), "
                             "sum(processing_ms_sum), sum(queue_ms_sum) FROM job_rollup") +
              where.clause() + QStringLiteral(" GROUP BY type, worker, state, bucket"));
    SqlWhere::bindAll(q, where.binds());
    Database::exec(q);
    QList<RollupCell> out;
    while (q.next())
        out.append(RollupCell{q.value(0).toString(), q.value(1).toString(),
                              JobState(q.value(2).toInt()), q.value(3).toInt(),
                              q.value(4).toLongLong(), q.value(5).toLongLong(),
                              q.value(6).toLongLong(), q.value(7).toLongLong()});
    return out;
}

qint64 StatsQuery::peakMinuteJobs(const RollupFilter &filter)
{
    const SqlWhere where = rollupWhere(filter);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT max(n) FROM (SELECT sum(jobs) AS n FROM job_rollup") +
              where.clause() + QStringLiteral(" GROUP BY minute)"));
    SqlWhere::bindAll(q, where.binds());
    Database::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}
