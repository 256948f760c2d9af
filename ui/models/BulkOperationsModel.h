#pragma once

#include "KeyedTableModel.h"
#include "store/BulkOperationRecord.h"

// Bulk operations, newest first: what they do to which jobs, how far they got, who started them
// (GET /api/v1/bulk-operations). Started by the console's "All matching" or over the API.
class BulkOperationsModel : public KeyedTableModel<BulkOperationRecord>
{
    Q_OBJECT
public:
    enum Column {
        Started,
        Action,
        Filter,
        Status,
        Progress,
        Succeeded,
        Refused,
        StartedBy,
        Finished,
        ColumnCount
    };
    enum Role { KeyRole = Qt::UserRole + 1, RunningRole };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The filter as the API's query would say it: "type=email&state=failed"; "every job" for {}.
    static QString filterText(const QByteArray &filterJson);

protected:
    QString keyOf(const BulkOperationRecord &row) const override { return row.key; }
};
