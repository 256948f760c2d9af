#include "HistoryModel.h"

#include "store/JobDetails.h"

#include <QDateTime>

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryModel::setHistory(const QList<JobEvent> &events)
{
    beginResetModel();
    m_events.clear();
    qint64 previous = -1;
    for (const JobEvent &event : events) {
        Event e;
        e.at = event.at;
        e.delta = previous < 0 ? -1 : e.at - previous;
        previous = e.at;
        e.action = event.action;
        e.worker = event.worker;
        e.attempt = event.attempt;
        e.error = JobDetails::eventText(event);
        m_events.append(e);
    }
    endResetModel();
}

QString HistoryModel::deltaText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("+%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("+%1 s").arg(double(ms) / 1000.0, 0, 'f', 2);
    if (ms < 3'600'000)
        return QStringLiteral("+%1 min %2 s").arg(ms / 60'000).arg(ms / 1000 % 60);
    return QStringLiteral("+%1 h %2 min").arg(ms / 3'600'000).arg(ms / 60'000 % 60);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Event &e = m_events.at(index.row());
    switch (Column(index.column())) {
    case Time:
        return QDateTime::fromMSecsSinceEpoch(e.at).toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Delta:
        return deltaText(e.delta);
    case Action:
        return e.action;
    case Attempt:
        return e.attempt ? QVariant(e.attempt) : QVariant();
    case Worker:
        return e.worker;
    case Error:
        return e.error;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Delta:
        return tr("Δ previous");
    case Action:
        return tr("Event");
    case Attempt:
        return tr("Attempt");
    case Worker:
        return tr("Worker");
    case Error:
        return tr("Error / details");
    case ColumnCount:
        break;
    }
    return {};
}
