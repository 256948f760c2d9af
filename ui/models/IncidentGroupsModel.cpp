#include "IncidentGroupsModel.h"

#include "TimeText.h"
#include "api/ListParams.h"

#include <QLocale>

namespace {
constexpr int kSearchWords = 8; // the API's q takes at most 16 words and 200 characters
}

int IncidentGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentGroups::Group &g = rowAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == Count)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Error)
        return g.errorMessage;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Count:
        return QLocale().toString(g.count);
    case JobType:
        return g.jobType;
    case ErrorCode:
        return g.errorCode;
    case Error:
        return g.errorMessage;
    case Newest:
        return QDateTime::fromMSecsSinceEpoch(g.newestAt)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant IncidentGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Count:
        return tr("Incidents");
    case JobType:
        return tr("Job type");
    case ErrorCode:
        return tr("Error code");
    case Error:
        return tr("Error");
    case Newest:
        return tr("Newest");
    case ColumnCount:
        break;
    }
    return {};
}

JobsLink IncidentGroupsModel::jobsAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentGroups::Group &g = rowAt(index.row());
    JobsLink link;
    link.type = g.jobType;
    link.states = {JobState::Failed, JobState::ErrorThrown};
    // The message's first words, as the API's q splits them.
    link.search =
        ListParams::searchTerms(g.errorMessage).mid(0, kSearchWords).join(QLatin1Char(' '));
    return link;
}
