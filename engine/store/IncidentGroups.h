#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// Open incidents grouped by what went wrong: job type, error code and error message, with how
// many and the newest, most numerous first; and the incident keys of one group, for "retry all
// with this error". Tenant lists: empty means every tenant. Failures throw StoreError.
class IncidentGroups
{
public:
    struct Group
    {
        QString jobType;
        QString errorCode;    // empty when none
        QString errorMessage; // empty when none
        qint64 count = 0;
        qint64 newestAt = 0;
    };
    static constexpr int kMaxGroups = 500;

    explicit IncidentGroups(QSqlDatabase db) : m_db(std::move(db)) {}

    QList<Group> open(const QStringList &tenants, int limit = kMaxGroups);
    QStringList openKeys(const Group &group, const QStringList &tenants);

private:
    QSqlDatabase m_db;
};
