#pragma once

#include "ScheduleRecord.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

// The schedules table (migration 7). Used by the engine inside its transaction and by readers.
class ScheduleStore
{
public:
    explicit ScheduleStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // `forUpdate`: on PostgreSQL the row is locked until the transaction ends.
    std::optional<ScheduleRecord> find(const QString &name, bool forUpdate = false);
    // By name; only these tenants' (empty: all).
    QList<ScheduleRecord> list(const QStringList &tenants);
    // False when a schedule of that name exists.
    bool insert(const ScheduleRecord &schedule);
    void update(const ScheduleRecord &schedule);
    bool remove(const QString &name);
    // Unpaused schedules due at `now`, earliest first. On PostgreSQL they are locked, and rows
    // another node holds are skipped: each due time is fired by one node.
    QList<ScheduleRecord> due(qint64 now, int limit);
    std::optional<qint64> earliestDue();

private:
    QSqlDatabase m_db;
};
