#pragma once

#include "engine/Engine.h"

#include <functional>

class ReadOnlyMode;

// Sends one of the engine's own commands (the ones the API runs: OperatorCommands...) as the
// console's local administrator. The answer arrives on `context`'s thread after the commit; in
// read-only mode the command is not sent and the answer is a refusal (403 READ_ONLY).
namespace ConsoleCommand {

using Done = std::function<void(const ApiResult &)>;
void send(Engine *engine, const ReadOnlyMode *mode, QObject *context, Engine::Operation operation,
          Done done);

} // namespace ConsoleCommand
