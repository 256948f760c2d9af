#include "FailuresModel.h"

#include "HistoryModel.h"
#include "core/Clock.h"

#include <QDateTime>
#include <QJsonObject>

FailuresModel::FailuresModel(QObject *parent) : QAbstractTableModel(parent) {}

void FailuresModel::setFailures(const QJsonArray &failures)
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &value : failures)
        m_rows.append(value.toObject());
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
    const QJsonObject &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Error)
        return row.value(QStringLiteral("error")).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Attempt:
        return row.value(QStringLiteral("attempt")).toInt();
    case FailedAt: {
        const std::optional<qint64> at =
            Clock::parseIso(row.value(QStringLiteral("failed_at")).toString());
        return at ? QDateTime::fromMSecsSinceEpoch(*at).toString(
                        QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                  : QString();
    }
    case Error:
        return row.value(QStringLiteral("error")).toString();
    case Worker:
        return row.value(QStringLiteral("worker_id")).toString();
    case Backoff:
        return row.contains(QStringLiteral("backoff_ms"))
                   ? HistoryModel::deltaText(row.value(QStringLiteral("backoff_ms")).toInteger())
                         .mid(1) // a wait, not a delta: no "+"
                   : QString();
    case Outcome:
        if (row.value(QStringLiteral("timed_out")).toBool())
            return tr("timed out");
        if (row.value(QStringLiteral("final_attempt")).toBool())
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
