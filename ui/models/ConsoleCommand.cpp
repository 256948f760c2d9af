#include "ConsoleCommand.h"

#include "ReadOnlyMode.h"

namespace ConsoleCommand {

void send(Engine *engine, const ReadOnlyMode *mode, QObject *context, Engine::Operation operation,
          Done done)
{
    if (!engine || (mode && mode->isOn())) {
        const ApiResult refused =
            ApiResult::fail(ApiError{403,
                                     QStringLiteral("READ_ONLY"),
                                     engine ? ReadOnlyMode::refusal() : QStringLiteral("No engine"),
                                     {}});
        // Queued like an engine answer, so callers see one behaviour.
        ReplyTo{context, std::move(done)}.send(refused);
        return;
    }
    engine->submit(std::move(operation), ReplyTo{context, std::move(done)});
}

} // namespace ConsoleCommand
