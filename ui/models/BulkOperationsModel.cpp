#include "BulkOperationsModel.h"

#include "TimeText.h"
#include "actions/JobActions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QString actionText(BulkAction action)
{
    switch (action) {
    case BulkAction::Cancel:
        return JobActions::name(JobActions::Kind::Cancel);
    case BulkAction::Retry:
        return JobActions::name(JobActions::Kind::Retry);
    case BulkAction::Delete:
        return JobActions::name(JobActions::Kind::Delete);
    }
    return {};
}

} // namespace

QString BulkOperationsModel::filterText(const QByteArray &filterJson)
{
    const QJsonObject filter = QJsonDocument::fromJson(filterJson).object();
    if (filter.isEmpty())
        return tr("every job");
    QStringList parts;
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        QString value = it.value().toString();
        if (it.value().isArray()) {
            QStringList words;
            for (const QJsonValue &v : it.value().toArray())
                words.append(v.toString());
            value = words.join(QLatin1Char(','));
        }
        parts.append(it.key() + QLatin1Char('=') + value);
    }
    return parts.join(QLatin1Char('&'));
}

int BulkOperationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkOperationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const BulkOperationRecord &o = rowAt(index.row());
    if (role == KeyRole)
        return o.key;
    if (role == RunningRole)
        return o.status == BulkStatus::Running;
    if (role == Qt::ToolTipRole && index.column() == Refused && !o.refusals.isEmpty())
        return tr("First refused: %1").arg(o.refusals.first().jobKey);
    if (role == Qt::ToolTipRole && index.column() == Started)
        return o.key;
    if (role == Qt::TextAlignmentRole && index.column() >= Progress && index.column() <= Refused)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case Started:
        return localTimeText(o.createdAt);
    case Action:
        return actionText(o.action);
    case Filter:
        return filterText(o.filterText);
    case Status:
        return o.status == BulkStatus::Running     ? tr("Running")
               : o.status == BulkStatus::Completed ? tr("Completed")
                                                   : tr("Stopped");
    case Progress:
        return o.matchedExact
                   ? tr("%1 of %2").arg(locale.toString(o.processed), locale.toString(o.matched))
                   : tr("%1 of more than %2")
                         .arg(locale.toString(o.processed), locale.toString(o.matched));
    case Succeeded:
        return locale.toString(o.succeeded);
    case Refused:
        return locale.toString(o.refused);
    case StartedBy:
        return o.createdBy;
    case Finished:
        return localTimeText(o.finishedAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BulkOperationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Started:
        return tr("Started");
    case Action:
        return tr("Action");
    case Filter:
        return tr("Jobs matching");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Done");
    case Succeeded:
        return tr("Succeeded");
    case Refused:
        return tr("Refused");
    case StartedBy:
        return tr("Started by");
    case Finished:
        return tr("Finished");
    case ColumnCount:
        break;
    }
    return {};
}
