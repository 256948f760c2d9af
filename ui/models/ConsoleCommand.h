#pragma once

#include "engine/Engine.h"

class ReadOnlyMode;

// Sends one of the engine's own rules (the ones the API runs: OperatorCommands...) as the
// console's local administrator. The outcome arrives on `context`'s thread after the commit; in
// read-only mode the rule is not sent and the outcome is a ReadOnly refusal.
namespace ConsoleCommand {

// The refusal when nothing may be sent (read-only mode, or no engine).
JobError refusal(bool haveEngine);
bool refuses(Engine *engine, const ReadOnlyMode *mode);

template <typename Rule, typename Done>
void send(Engine *engine, const ReadOnlyMode *mode, QObject *context, Rule rule, Done done)
{
    using T = typename std::invoke_result_t<Rule, Txn &>::value_type;
    Reply<T> reply{context, std::move(done)};
    if (refuses(engine, mode))
        return reply.send(refusal(engine != nullptr)); // queued like an engine answer
    engine->submit(std::move(rule), std::move(reply));
}

} // namespace ConsoleCommand
