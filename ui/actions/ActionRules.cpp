#include "ActionRules.h"

namespace ActionRules {

bool allowed(JobActions::Kind kind, JobState state, bool openIncident)
{
    const bool finished = JobStates::isTerminal(state);
    switch (kind) {
    case JobActions::Kind::Cancel: // CREATED, SCHEDULED, FAILED_RETRYABLE, ACTIVE
        return JobStates::canCancel(state);
    case JobActions::Kind::Delete: // anything but ACTIVE
        return JobStates::canDelete(state);
    case JobActions::Kind::Retry: // PATCH retries: unfinished, or finished with an open incident
        return !finished || openIncident;
    case JobActions::Kind::Priority: // PATCH priority / timeout: unfinished jobs
    case JobActions::Kind::Timeout:
        return !finished;
    case JobActions::Kind::Replay: // the console's replay: finished jobs
        return finished;
    }
    return false;
}

} // namespace ActionRules
