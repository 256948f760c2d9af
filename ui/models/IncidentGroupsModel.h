#pragma once

#include "JobsLink.h"
#include "KeyedTableModel.h"
#include "store/IncidentGroups.h"

// Open incidents grouped by job type, error code and message, most numerous first.
class IncidentGroupsModel : public KeyedTableModel<IncidentGroups::Group>
{
    Q_OBJECT
public:
    enum Column { Count, JobType, ErrorCode, Error, Newest, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // The failed jobs of a group: its type, FAILED and ERROR_THROWN, the message's words.
    JobsLink jobsAt(const QModelIndex &index) const;

protected:
    QString keyOf(const IncidentGroups::Group &row) const override
    {
        return row.jobType + QChar(0) + row.errorCode + QChar(0) + row.errorMessage;
    }
};
