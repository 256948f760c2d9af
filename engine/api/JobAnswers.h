#pragma once

#include "JobErrors.h"
#include "engine/JobResults.h"
#include "engine/Outcome.h"
#include "http/ApiRequest.h"

// The engine's typed results as the contract's answers: status and data. Runs on the HTTP
// threads, never on the engine thread.
namespace JobAnswers {

ApiResult render(const JobsCreated &created, bool batch);
ApiResult render(const JobsActivated &activated);
ApiResult render(const JobCompleted &completed);
ApiResult render(const JobFailed &failed);
ApiResult render(const JobErrorThrown &thrown);
ApiResult render(const JobCancelled &cancelled);
ApiResult render(const JobDeleted &deleted);
ApiResult render(const ProgressReported &progress);
ApiResult render(const IncidentResolved &resolved);
ApiResult render(const JobPatched &patched);
ApiResult render(const TypePause &pause);
ApiResult render(const KeyCreated &created);
ApiResult render(const KeyDeleted &deleted);
ApiResult render(const JobReplayed &replayed);
ApiResult render(const JobRecord &status); // the light status (status, await)

template <typename T> ApiResult answer(const Outcome<T> &outcome)
{
    return outcome.ok() ? render(outcome.value())
                        : ApiResult::fail(JobErrors::toApi(outcome.error()));
}

// A reply for the engine that answers `request` on its HTTP thread: the outcome rendered by
// `render` (default: the overload above), or its error. `after` learns whether the client got
// the answer.
template <typename T>
Reply<T> later(
    ApiRequest &request,
    std::function<ApiResult(const T &)> render =
        [](const T &value) { return JobAnswers::render(value); },
    std::function<void(const Outcome<T> &, bool delivered)> after = {})
{
    return Reply<T>{request.context(), [send = request.sender(), render = std::move(render),
                                        after = std::move(after)](const Outcome<T> &outcome) {
                        const bool delivered =
                            send(outcome.ok() ? render(outcome.value())
                                              : ApiResult::fail(JobErrors::toApi(outcome.error())));
                        if (after)
                            after(outcome, delivered);
                    }};
}

} // namespace JobAnswers
