#pragma once

#include "backend/ConsoleBackend.h"

class ReadOnlyMode;

// The read-only gate of the operator views' commands: in read-only mode nothing is sent and
// `done` gets the refusal, queued to `context` like a server's answer.
namespace ConsoleCommand {

// True (and `done` answered) when `mode` refuses every change.
bool refused(const ReadOnlyMode *mode, QObject *context, const ConsoleBackend::CommandDone &done);

} // namespace ConsoleCommand
