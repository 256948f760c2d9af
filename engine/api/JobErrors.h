#pragma once

#include "engine/JobError.h"
#include "http/ApiError.h"

// The one table from the engine's refusals to the contract's errors: status, code, message and
// details. The console shows the same messages.
namespace JobErrors {

ApiError toApi(const JobError &error);
inline QString message(const JobError &error)
{
    return toApi(error).message;
}

} // namespace JobErrors
