#include "FailuresModel.h"

#include "HistoryModel.h"

#include <QDateTime>

FailuresModel::FailuresModel(QObject *parent) : QAbstractTableModel(parent) {}

void FailuresModel::setFailures(const QList<FailureEntry> &failures)
{
    beginResetModel();
    m_rows = failures;
    endResetModel();
}

int FailuresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FailuresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailuresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FailureEntry &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Error)
        return row.error;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Attempt:
        return row.attempt;
    case FailedAt:
        return QDateTime::fromMSecsSinceEpoch(row.at).toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Error:
        return row.error;
    case Worker:
        return row.worker;
    case Backoff:
        return row.backoffMs ? HistoryModel::deltaText(*row.backoffMs).mid(1) // a wait: no "+"
                             : QString();
    case Outcome:
        if (row.timedOut)
            return tr("timed out");
        if (row.finalAttempt)
            return tr("final");
        return tr("retried");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FailuresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Attempt:
        return tr("Attempt");
    case FailedAt:
        return tr("Failed at");
    case Error:
        return tr("Error");
    case Worker:
        return tr("Worker");
    case Backoff:
        return tr("Backoff");
    case Outcome:
        return tr("Outcome");
    case ColumnCount:
        break;
    }
    return {};
}
