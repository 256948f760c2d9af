#pragma once

#include "store/JobDetails.h"

#include <QAbstractTableModel>

// A job's story, one row per activation (JobDetails::attempts): worker, start, end, run time,
// outcome (completed, retried, failed, error thrown, timed out, cancelled, running) and the error
// or the reason it was cancelled, with the backoff before the next try.
class AttemptsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What an operator reads first comes first: how it ended, how long, why.
    enum Column { Attempt, Outcome, RunTime, Detail, Worker, Started, Ended, Backoff, ColumnCount };

    explicit AttemptsModel(QObject *parent = nullptr);

    // `now` gives a running attempt its run time so far.
    void setAttempts(const QList<AttemptEntry> &attempts, qint64 now);
    static QString outcomeText(AttemptEntry::Outcome outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AttemptEntry> m_rows;
    qint64 m_now = 0;
};
