#include "ConsoleCommand.h"

#include "ReadOnlyMode.h"

namespace ConsoleCommand {

JobError refusal(bool haveEngine)
{
    JobError error = JobError::of(JobError::Kind::ReadOnly);
    error.reason = haveEngine ? ReadOnlyMode::refusal() : QStringLiteral("No engine");
    return error;
}

bool refuses(Engine *engine, const ReadOnlyMode *mode)
{
    return !engine || (mode && mode->isOn());
}

} // namespace ConsoleCommand
