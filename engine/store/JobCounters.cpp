#include "JobCounters.h"

#include "Database.h"
#include "SqlWhere.h"

void CounterSummary::add(const CounterCell &cell)
{
    total += cell.count;
    byState[int(cell.state)] += cell.count;
    if (cell.state == JobState::Completed)
        completedDurationMsSum += cell.durationMsSum;
}

QList<CounterCell> JobCounters::cells(const JobFilter &filter)
{
    SqlWhere where;
    where.add("count > 0");
    if (!filter.type.isEmpty())
        where.add("type = ?", {filter.type});
    if (!filter.tenantId.isEmpty())
        where.add("tenant_id = ?", {filter.tenantId});
    QVariantList tenants;
    for (const QString &tenant : filter.visibleTenants)
        tenants.append(tenant);
    where.addIn("tenant_id", tenants);
    QVariantList states;
    for (JobState state : filter.states)
        states.append(int(state));
    where.addIn("state", states);

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT tenant_id, type, state, count, duration_ms_sum FROM "
                             "job_counts") +
              where.clause() + QStringLiteral(" ORDER BY state, type, tenant_id"));
    SqlWhere::bindAll(q, where.binds());
    Database::exec(q);
    QList<CounterCell> out;
    while (q.next())
        out.append(CounterCell{q.value(0).toString(), q.value(1).toString(),
                               JobState(q.value(2).toInt()), q.value(3).toLongLong(),
                               q.value(4).toLongLong()});
    return out;
}

CounterSummary JobCounters::summarize(const QList<CounterCell> &cells)
{
    CounterSummary summary;
    for (const CounterCell &cell : cells)
        summary.add(cell);
    return summary;
}
