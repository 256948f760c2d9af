#pragma once

#include "store/JobDetails.h"
#include <QAbstractTableModel>

// A job's failed attempts (JobDetails::failures; failure_history of the API): attempt, when,
// error, worker, the backoff before the next try, and whether it timed out or was the last.
class FailuresModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Attempt, FailedAt, Error, Worker, Backoff, Outcome, ColumnCount };

    explicit FailuresModel(QObject *parent = nullptr);

    void setFailures(const QList<FailureEntry> &failures);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FailureEntry> m_rows;
};
