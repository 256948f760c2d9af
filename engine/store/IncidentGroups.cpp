#include "IncidentGroups.h"

#include "Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

// " AND tenant_id IN (?, ?)" with the tenants bound, or nothing for every tenant.
QString tenantCondition(const QStringList &tenants, QVariantList &binds)
{
    if (tenants.isEmpty())
        return {};
    QStringList marks;
    for (const QString &tenant : tenants) {
        marks.append(QStringLiteral("?"));
        binds.append(tenant);
    }
    return QStringLiteral(" AND tenant_id IN (%1)").arg(marks.join(QStringLiteral(", ")));
}

QSqlQuery run(QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    Database::exec(q);
    return q;
}

} // namespace

QList<IncidentGroups::Group> IncidentGroups::open(const QStringList &tenants, int limit)
{
    // A missing code or message groups with an empty one (COALESCE on both stores).
    QVariantList binds;
    const QString tenantSql = tenantCondition(tenants, binds);
    binds.append(qBound(1, limit, kMaxGroups));
    QSqlQuery q = run(m_db,
                      QStringLiteral("SELECT job_type, COALESCE(error_code, '') AS code, "
                                     "COALESCE(error_message, '') AS message, COUNT(*) AS n, "
                                     "MAX(created_at) FROM incidents WHERE status = 'OPEN'") +
                          tenantSql +
                          QStringLiteral(" GROUP BY job_type, code, message ORDER BY n DESC, "
                                         "job_type, code, message LIMIT ?"),
                      binds);
    QList<Group> out;
    while (q.next())
        out.append(Group{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toLongLong(), q.value(4).toLongLong()});
    return out;
}

QStringList IncidentGroups::openKeys(const Group &group, const QStringList &tenants)
{
    QVariantList binds{group.jobType, group.errorCode, group.errorMessage};
    const QString tenantSql = tenantCondition(tenants, binds);
    QSqlQuery q =
        run(m_db,
            QStringLiteral("SELECT incident_key FROM incidents WHERE status = 'OPEN' "
                           "AND job_type = ? AND COALESCE(error_code, '') = COALESCE(?, '') "
                           "AND COALESCE(error_message, '') = COALESCE(?, '')") +
                tenantSql + QStringLiteral(" ORDER BY id"),
            binds);
    QStringList keys;
    while (q.next())
        keys.append(q.value(0).toString());
    return keys;
}
