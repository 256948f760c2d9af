#include "ConsoleCommand.h"

#include "ReadOnlyMode.h"

namespace ConsoleCommand {

bool refused(const ReadOnlyMode *mode, QObject *context, const ConsoleBackend::CommandDone &done)
{
    if (!mode || !mode->isOn())
        return false;
    CommandAnswer refusal;
    refusal.error = ReadOnlyMode::refusal();
    QMetaObject::invokeMethod(
        context, [done, refusal] { done(refusal); }, Qt::QueuedConnection);
    return true;
}

} // namespace ConsoleCommand
