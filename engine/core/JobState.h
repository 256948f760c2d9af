#pragma once

#include <QList>
#include <QString>

#include <optional>

// The job state machine of API.md. The integer values are stored in the jobs table: never
// renumber them.
enum class JobState : int {
    Created = 0,
    Scheduled = 1,
    FailedRetryable = 2,
    Active = 3,
    Completed = 4,
    Failed = 5,
    ErrorThrown = 6,
    Cancelled = 7,
};

namespace JobStates {

QString name(JobState state);                          // "FAILED_RETRYABLE"
std::optional<JobState> fromName(const QString &name); // exact status name
// A list filter word ("pending", "running", "retrying", ...), case-insensitive.
std::optional<QList<JobState>> fromFilterWord(const QString &word);
QList<JobState> all();

bool isTerminal(JobState state); // COMPLETED, FAILED, ERROR_THROWN, CANCELLED
// The one table of legal transitions; every state change in the engine is checked against it.
bool canTransition(JobState from, JobState to);

// Moves a job record to `to`, asserting the move is in the transition table, and notes when an
// activation ends (whatever ends it). Templated on the record so that core/ needs no store types.
template <typename Record> void moveTo(Record &job, JobState to, qint64 now)
{
    Q_ASSERT_X(canTransition(job.state, to), "JobStates::moveTo", "illegal job state transition");
    if (to == JobState::Active)
        job.attemptEndedAt = 0;
    else if (job.state == JobState::Active)
        job.attemptEndedAt = now;
    job.state = to;
    job.updatedAt = now;
}

inline bool canComplete(JobState s)
{
    return canTransition(s, JobState::Completed);
}
inline bool canCancel(JobState s)
{
    return canTransition(s, JobState::Cancelled);
}
inline bool canDelete(JobState s)
{
    return s != JobState::Active;
}

} // namespace JobStates
