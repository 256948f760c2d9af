#include "OperatorModels.h"

#include "JobStateStyle.h"
#include "TimeText.h"
#include "views/SpanText.h"

#include <QDateTime>
#include <QGuiApplication>

namespace {

QVariant numberAlignment()
{
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

bool valid(const QAbstractItemModel *model, const QModelIndex &index)
{
    return index.isValid() && !index.parent().isValid() && index.row() < model->rowCount() &&
           index.column() < model->columnCount();
}

} // namespace

// ---- JobTypesModel

int JobTypesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTypesModel::data(const QModelIndex &index, int role) const
{
    if (!valid(this, index))
        return {};
    const JobTypeSnapshot &t = rowAt(index.row());
    const int column = index.column();
    if (role == TypeRole)
        return t.type;
    if (role == PausedRole)
        return t.paused;
    if (role == Qt::TextAlignmentRole && column >= FirstState && column <= LongPolls &&
        column != OldestWaiting)
        return numberAlignment();
    if (role == Qt::ForegroundRole && column == Status && t.paused)
        return JobStateStyle::color(JobState::FailedRetryable, QGuiApplication::palette());
    if (role == Qt::ToolTipRole && column == Status && t.paused)
        return tr("Paused by %1 at %2%3")
            .arg(t.pausedBy, localTimeText(t.pausedAt),
                 t.pauseReason.isEmpty() ? QString() : QStringLiteral(": ") + t.pauseReason);
    if (role == Qt::ToolTipRole && column == Workers)
        return t.workers.join(QStringLiteral(", "));
    if (role == Qt::ToolTipRole && column == Limits)
        return tr("Activation hands out no more than these limits allow (Limits… changes them)");
    if (role != Qt::DisplayRole)
        return {};
    if (column >= FirstState && column < Total)
        return t.depth[column - FirstState];
    switch (column) {
    case Type:
        return t.type;
    case Status:
        return t.paused ? tr("Paused") : tr("Running");
    case Total:
        return t.total;
    case OldestWaiting:
        return localTimeText(t.oldestWaitingAt);
    case Workers:
        return int(t.workers.size());
    case LongPolls:
        return t.longPolls;
    case Limits:
        return limitsText(t);
    }
    return {};
}

QString JobTypesModel::limitsText(const JobTypeSnapshot &t)
{
    QStringList parts;
    if (t.limit.maxActive)
        parts.append(tr("%1 of %2 active").arg(t.activeNow).arg(*t.limit.maxActive));
    if (t.limit.rateLimit)
        parts.append(tr("%1 of %2 per %3")
                         .arg(t.activationsInWindow)
                         .arg(*t.limit.rateLimit)
                         .arg(SpanText::duration(t.limit.ratePerMs)));
    return parts.join(QStringLiteral(" · "));
}

QVariant JobTypesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section >= FirstState && section < Total) {
        const JobState state = JobState(section - FirstState);
        if (role == Qt::DisplayRole)
            return JobStateStyle::text(state);
        if (role == Qt::ForegroundRole)
            return JobStateStyle::color(state, QGuiApplication::palette());
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    case Total:
        return tr("Total");
    case OldestWaiting:
        return tr("Oldest waiting");
    case Workers:
        return tr("Workers");
    case LongPolls:
        return tr("Long polls");
    case Limits:
        return tr("Limits");
    }
    return {};
}

// ---- IncidentsModel

void IncidentsModel::setSnapshot(const IncidentsSnapshot &snapshot)
{
    m_total = snapshot.total;
    m_fetching = false;
    setRows(snapshot.rows);
}

bool IncidentsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && rowCount() >= m_limit && rowCount() < m_total;
}

void IncidentsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    m_limit += kPageSize;
    emit moreWanted();
}

int IncidentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentsModel::data(const QModelIndex &index, int role) const
{
    if (!valid(this, index))
        return {};
    const IncidentRecord &i = rowAt(index.row()).incident;
    const bool open = i.status == QLatin1String("OPEN");
    switch (role) {
    case IncidentKeyRole:
        return i.key;
    case OpenRole:
        return open;
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return JobStateStyle::color(open ? JobState::Failed : JobState::Completed,
                                        QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Error)
            return i.errorCode.isEmpty() ? i.errorMessage
                                         : i.errorCode + QStringLiteral(": ") + i.errorMessage;
        if (index.column() == Resolved && !i.resolvedBy.isEmpty())
            return tr("Resolved by %1").arg(i.resolvedBy);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            return i.key;
        case JobKey:
            return i.jobKey;
        case JobType:
            return i.jobType;
        case Kind:
            return i.type;
        case Status:
            return i.status;
        case Error:
            return i.errorMessage;
        case Created:
            return localTimeText(i.createdAt);
        case Resolved:
            return localTimeText(i.resolvedAt);
        }
    }
    return {};
}

QVariant IncidentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Incident");
    case JobKey:
        return tr("Job");
    case JobType:
        return tr("Job type");
    case Kind:
        return tr("Kind");
    case Status:
        return tr("Status");
    case Error:
        return tr("Error");
    case Created:
        return tr("Created");
    case Resolved:
        return tr("Resolved");
    }
    return {};
}

// ---- WorkersModel

int WorkersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkersModel::data(const QModelIndex &index, int role) const
{
    if (!valid(this, index))
        return {};
    const WorkerSnapshot &w = rowAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= ActiveJobs)
        return numberAlignment();
    if (role == Qt::ToolTipRole && index.column() == Unanswered)
        return headerData(Unanswered, Qt::Horizontal, Qt::ToolTipRole);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return w.worker.name;
    case Types:
        return w.worker.types.join(QStringLiteral(", "));
    case LastSeen:
        return localTimeText(w.worker.lastSeenAt);
    case ActiveJobs:
        return w.worker.activeJobs;
    case LongPolls:
        return w.longPolling;
    case Activated:
        return w.worker.activated;
    case Completed:
        return w.worker.completed;
    case Failed:
        return w.worker.failed;
    case Unanswered:
        return w.worker.unanswered();
    }
    return {};
}

QVariant WorkersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Unanswered)
        return tr("Activations that ended with no answer from the worker: the lock ran out, the "
                  "activation never reached it, or the job was cancelled while it ran "
                  "(activated − completed − failed − active)");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Worker");
    case Types:
        return tr("Job types");
    case LastSeen:
        return tr("Last seen");
    case ActiveJobs:
        return tr("Active jobs");
    case LongPolls:
        return tr("Long polls");
    case Activated:
        return tr("Activated");
    case Completed:
        return tr("Completed");
    case Failed:
        return tr("Failed");
    case Unanswered:
        return tr("Timed out / cancelled");
    }
    return {};
}

// ---- ApiKeysModel

int ApiKeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApiKeysModel::data(const QModelIndex &index, int role) const
{
    if (!valid(this, index))
        return {};
    const KeyStore::Listed &k = rowAt(index.row());
    if (role == NameRole)
        return k.key.name;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return k.key.name;
    case Permissions:
        return k.key.permissions.join(QStringLiteral(", "));
    case Tenants:
        return k.key.tenants.join(QStringLiteral(", "));
    case Created:
        return localTimeText(k.createdAt);
    }
    return {};
}

QVariant ApiKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Permissions:
        return tr("Permissions");
    case Tenants:
        return tr("Tenants");
    case Created:
        return tr("Created");
    }
    return {};
}

// ---- QueueDepthModel

int QueueDepthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueDepthModel::data(const QModelIndex &index, int role) const
{
    if (!valid(this, index))
        return {};
    const DashboardSnapshot::Depth &d = rowAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() != Type)
        return numberAlignment();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Type:
        return d.type;
    case Waiting:
        return d.waiting;
    case Scheduled:
        return d.scheduled;
    case Retrying:
        return d.retrying;
    case Active:
        return d.active;
    case Total:
        return d.total();
    }
    return {};
}

QVariant QueueDepthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    static constexpr JobState kStates[] = {JobState::Created, JobState::Scheduled,
                                           JobState::FailedRetryable, JobState::Active};
    if (role == Qt::ForegroundRole && section >= Waiting && section <= Active)
        return JobStateStyle::color(kStates[section - Waiting], QGuiApplication::palette());
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Job type");
    case Waiting:
        return tr("Waiting");
    case Scheduled:
        return tr("Scheduled");
    case Retrying:
        return tr("Retrying");
    case Active:
        return tr("Active");
    case Total:
        return tr("Total");
    }
    return {};
}

JobsLink JobTypesModel::jobsAt(const QModelIndex &index) const
{
    if (!valid(this, index))
        return {};
    JobsLink link;
    link.type = rowAt(index.row()).type;
    if (index.column() >= FirstState && index.column() < Total)
        link.states = {JobState(index.column() - FirstState)};
    return link;
}

JobsLink IncidentsModel::jobsAt(const QModelIndex &index) const
{
    if (!valid(this, index))
        return {};
    // The incident's job, found by its key (its own words in the search index).
    JobsLink link;
    link.jobKey = rowAt(index.row()).incident.jobKey;
    link.search = link.jobKey;
    return link;
}

JobsLink WorkersModel::jobsAt(const QModelIndex &index) const
{
    if (!valid(this, index))
        return {};
    JobsLink link;
    link.worker = rowAt(index.row()).worker.name;
    if (index.column() == ActiveJobs)
        link.states = {JobState::Active};
    else if (index.column() == Completed)
        link.states = {JobState::Completed};
    else if (index.column() == Failed)
        link.states = {JobState::FailedRetryable, JobState::Failed, JobState::ErrorThrown};
    return link;
}

JobsLink QueueDepthModel::jobsAt(const QModelIndex &index) const
{
    if (!valid(this, index))
        return {};
    JobsLink link;
    link.type = rowAt(index.row()).type;
    switch (index.column()) {
    case Waiting:
        link.states = {JobState::Created};
        break;
    case Scheduled:
        link.states = {JobState::Scheduled};
        break;
    case Retrying:
        link.states = {JobState::FailedRetryable};
        break;
    case Active:
        link.states = {JobState::Active};
        break;
    default: // every unfinished job of the type
        link.states = {JobState::Created, JobState::Scheduled, JobState::FailedRetryable,
                       JobState::Active};
        break;
    }
    return link;
}
