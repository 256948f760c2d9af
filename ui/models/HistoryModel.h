#pragma once

#include "store/JobRecord.h"
#include <QAbstractTableModel>

// A job's history (execution_history of the API): one row per event with its time, the delta
// to the previous event, the action, attempt, worker and error (or the event's message).
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Delta, Action, Attempt, Worker, Error, ColumnCount };

    explicit HistoryModel(QObject *parent = nullptr);

    void setHistory(const QList<JobEvent> &events);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString deltaText(qint64 ms);

private:
    struct Event
    {
        qint64 at = 0;
        qint64 delta = -1; // -1: the first event
        QString action, worker, error;
        int attempt = 0;
    };
    QList<Event> m_events;
};
