#pragma once

#include "JobsLink.h"
#include "KeyedTableModel.h"
#include "store/ScheduleRecord.h"

// Schedules by name: what they create, when (in words), their time zone, next and last run and
// the last job, paused or not (GET /api/v1/schedules).
class SchedulesModel : public KeyedTableModel<ScheduleRecord>
{
    Q_OBJECT
public:
    enum Column { Name, Type, When, TimeZone, NextRun, LastRun, LastJob, Status, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1 };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // A row leads to its last job when it has one, else to the jobs of its type.
    JobsLink jobsAt(const QModelIndex &index) const;

    // When a schedule fires, in words ("Every day at 02:00", "Every 15 min"); the expression
    // itself when it says more than a sentence would.
    static QString describe(const ScheduleRecord &schedule);

protected:
    QString keyOf(const ScheduleRecord &row) const override { return row.name; }
};
