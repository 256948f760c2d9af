#include "AttemptsModel.h"

#include "HistoryModel.h"
#include "JobStateStyle.h"
#include "TimeText.h"
#include "views/SpanText.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>

namespace {

// The job state an outcome led to, for its colour.
JobState stateOf(AttemptEntry::Outcome outcome)
{
    using O = AttemptEntry::Outcome;
    switch (outcome) {
    case O::Running:
        return JobState::Active;
    case O::Completed:
        return JobState::Completed;
    case O::Retried:
        return JobState::FailedRetryable;
    case O::Failed:
        return JobState::Failed;
    case O::ErrorThrown:
        return JobState::ErrorThrown;
    case O::TimedOut:
        return JobState::Created;
    case O::Cancelled:
        return JobState::Cancelled;
    }
    return JobState::Created;
}

} // namespace

AttemptsModel::AttemptsModel(QObject *parent) : QAbstractTableModel(parent) {}

void AttemptsModel::setAttempts(const QList<AttemptEntry> &attempts, qint64 now)
{
    beginResetModel();
    m_rows = attempts;
    m_now = now;
    endResetModel();
}

QString AttemptsModel::outcomeText(AttemptEntry::Outcome outcome)
{
    using O = AttemptEntry::Outcome;
    switch (outcome) {
    case O::Running:
        return tr("running");
    case O::Completed:
        return tr("completed");
    case O::Retried:
        return tr("failed, retried");
    case O::Failed:
        return tr("failed");
    case O::ErrorThrown:
        return tr("error thrown");
    case O::TimedOut:
        return tr("timed out");
    case O::Cancelled:
        return tr("cancelled");
    }
    return {};
}

int AttemptsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttemptsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttemptsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttemptEntry &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Detail)
        return row.detail;
    if (role == Qt::ForegroundRole && index.column() == Outcome)
        return JobStateStyle::color(stateOf(row.outcome), QGuiApplication::palette());
    if (role == Qt::TextAlignmentRole && (index.column() == Attempt || index.column() == RunTime))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Attempt:
        return row.attempt;
    case Worker:
        return row.worker;
    case Started:
        return localTimeText(row.startedAt);
    case Ended:
        return localTimeText(row.endedAt);
    case RunTime:
        return SpanText::duration(row.runMs(m_now));
    case Outcome:
        return outcomeText(row.outcome);
    case Detail:
        return row.detail;
    case Backoff:
        return row.backoffMs ? HistoryModel::deltaText(*row.backoffMs).mid(1) // a wait: no "+"
                             : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AttemptsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Attempt:
        return tr("Attempt");
    case Worker:
        return tr("Worker");
    case Started:
        return tr("Started");
    case Ended:
        return tr("Ended");
    case RunTime:
        return tr("Run time");
    case Outcome:
        return tr("Outcome");
    case Detail:
        return tr("Error / reason");
    case Backoff:
        return tr("Backoff");
    case ColumnCount:
        break;
    }
    return {};
}
