#include "JobState.h"

#include <array>

namespace JobStates {
namespace {

struct StateInfo
{
    JobState state;
    const char *name;
    bool terminal;
};

constexpr std::array<StateInfo, 8> kStates{{
    {JobState::Created, "CREATED", false},
    {JobState::Scheduled, "SCHEDULED", false},
    {JobState::FailedRetryable, "FAILED_RETRYABLE", false},
    {JobState::Active, "ACTIVE", false},
    {JobState::Completed, "COMPLETED", true},
    {JobState::Failed, "FAILED", true},
    {JobState::ErrorThrown, "ERROR_THROWN", true},
    {JobState::Cancelled, "CANCELLED", true},
}};

using S = JobState;
struct Transition
{
    JobState from, to;
};
// Timeouts, retries due and schedules due all lead back to CREATED; an operator's new retries
// or a resolved incident lead FAILED / ERROR_THROWN back there too.
constexpr std::array<Transition, 15> kTransitions{{
    {S::Created, S::Active},
    {S::Created, S::Cancelled},
    {S::Scheduled, S::Created},
    {S::Scheduled, S::Cancelled},
    {S::FailedRetryable, S::Created},
    {S::FailedRetryable, S::Cancelled},
    {S::Active, S::Created},
    {S::Active, S::Completed},
    {S::Active, S::FailedRetryable},
    {S::Active, S::Failed},
    {S::Active, S::ErrorThrown},
    {S::Active, S::Cancelled},
    {S::Failed, S::Created},
    {S::ErrorThrown, S::Created},
    {S::Failed, S::Failed}, // new retries of 0 on a failed job: stays failed
}};

} // namespace

QString name(JobState state)
{
    return QLatin1String(kStates[static_cast<int>(state)].name);
}

std::optional<JobState> fromName(const QString &name)
{
    for (const StateInfo &info : kStates)
        if (name == QLatin1String(info.name))
            return info.state;
    return std::nullopt;
}

std::optional<QList<JobState>> fromFilterWord(const QString &word)
{
    const QString w = word.trimmed().toLower();
    if (w == QLatin1String("pending") || w == QLatin1String("activatable") ||
        w == QLatin1String("created"))
        return QList<JobState>{S::Created};
    if (w == QLatin1String("scheduled"))
        return QList<JobState>{S::Scheduled};
    if (w == QLatin1String("failed_retryable") || w == QLatin1String("retrying"))
        return QList<JobState>{S::FailedRetryable};
    if (w == QLatin1String("activated") || w == QLatin1String("running") ||
        w == QLatin1String("active"))
        return QList<JobState>{S::Active};
    if (w == QLatin1String("completed"))
        return QList<JobState>{S::Completed};
    if (w == QLatin1String("failed"))
        return QList<JobState>{S::Failed};
    if (w == QLatin1String("error_thrown"))
        return QList<JobState>{S::ErrorThrown};
    if (w == QLatin1String("cancelled"))
        return QList<JobState>{S::Cancelled};
    return std::nullopt;
}

QList<JobState> all()
{
    QList<JobState> out;
    for (const StateInfo &info : kStates)
        out.append(info.state);
    return out;
}

bool isTerminal(JobState state)
{
    return kStates[static_cast<int>(state)].terminal;
}

bool canTransition(JobState from, JobState to)
{
    for (const Transition &t : kTransitions)
        if (t.from == from && t.to == to)
            return true;
    return false;
}

} // namespace JobStates
