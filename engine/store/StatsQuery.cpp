#include "StatsQuery.h"

#include "Database.h"
#include "SqlWhere.h"

namespace {

SqlWhere rollupWhere(const RollupFilter &f)
{
    SqlWhere where;
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

bool matches(const RollupFilter &f, const RollupCell &c)
{
    return (f.type.isEmpty() || c.type == f.type) && (f.worker.isEmpty() || c.worker == f.worker) &&
           (f.tenantId.isEmpty() || c.tenantId == f.tenantId) &&
           (f.visibleTenants.isEmpty() || f.visibleTenants.contains(c.tenantId));
}

} // namespace

const QList<RollupCell> *RollupHourCache::find(qint64 hour) const
{
    const auto it = m_hours.constFind(hour);
    return it == m_hours.cend() ? nullptr : &*it;
}

void RollupHourCache::insert(qint64 hour, QList<RollupCell> cells)
{
    m_hours.insert(hour, std::move(cells));
    // Keep the newest hours only.
    while (m_hours.size() > kHours) {
        qint64 oldest = hour;
        for (auto it = m_hours.cbegin(); it != m_hours.cend(); ++it)
            oldest = qMin(oldest, it.key());
        m_hours.remove(oldest);
    }
}

QList<RollupCell> StatsQuery::readRange(const RollupFilter &filter, qint64 fromMinute,
                                        qint64 toMinute)
{
    SqlWhere where;
    where.add("minute >= ? AND minute < ?", {fromMinute, toMinute});
    where.append(rollupWhere(filter));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT tenant_id, type, worker, state, bucket, sum(jobs), "
                             "sum(timed_jobs), sum(processing_ms_sum), sum(queue_ms_sum) FROM "
                             "job_rollup") +
              where.clause() + QStringLiteral(" GROUP BY tenant_id, type, worker, state, bucket"));
    SqlWhere::bindAll(q, where.binds());
    Database::exec(q);
    QList<RollupCell> out;
    while (q.next())
        out.append(RollupCell{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              JobState(q.value(3).toInt()), q.value(4).toInt(),
                              q.value(5).toLongLong(), q.value(6).toLongLong(),
                              q.value(7).toLongLong(), q.value(8).toLongLong()});
    return out;
}

QList<RollupCell> StatsQuery::cells(const RollupFilter &filter, qint64 nowMinute)
{
    constexpr qint64 kEnd = std::numeric_limits<qint64>::max() / 2;
    // Whole hours that ended at least five minutes ago, within the cache's reach.
    const qint64 sealedEnd = (nowMinute - 5) / 60;
    const qint64 firstCached =
        qMax((filter.fromMinute + 59) / 60, sealedEnd - RollupHourCache::kHours + 1);
    if (!m_cache || firstCached >= sealedEnd)
        return readRange(filter, filter.fromMinute, kEnd);

    QList<RollupCell> out = readRange(filter, filter.fromMinute, firstCached * 60);
    const RollupFilter all{0, {}, {}, {}, {}};
    for (qint64 hour = firstCached; hour < sealedEnd; ++hour) {
        const QList<RollupCell> *cached = m_cache->find(hour);
        if (!cached) {
            m_cache->insert(hour, readRange(all, hour * 60, (hour + 1) * 60));
            cached = m_cache->find(hour);
        }
        for (const RollupCell &c : *cached)
            if (matches(filter, c))
                out.append(c);
    }
    out += readRange(filter, sealedEnd * 60, kEnd);
    return out;
}

qint64 StatsQuery::peakMinuteJobs(const RollupFilter &filter)
{
    SqlWhere where;
    where.add("minute >= ?", {filter.fromMinute});
    where.append(rollupWhere(filter));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT max(n) FROM (SELECT sum(jobs) AS n FROM job_rollup") +
              where.clause() + QStringLiteral(" GROUP BY minute) AS per_minute"));
    SqlWhere::bindAll(q, where.binds());
    Database::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}
