#pragma once

#include "JobActions.h"
#include "core/JobState.h"

// Which actions the API accepts for a job, from its state (the same rules as JobCommands and
// OperatorCommands::patchJob), so that the console offers only those. The engine still checks:
// a job can change between the moment a button is shown and the moment it is pressed.
namespace ActionRules {

// `openIncident`: the job has an open incident (FAILED or ERROR_THROWN with no resolution).
bool allowed(JobActions::Kind kind, JobState state, bool openIncident);

} // namespace ActionRules
