#include "JobActions.h"

#include "api/JobErrors.h"
#include "engine/Engine.h"
#include "engine/JobCommands.h"
#include "engine/OperatorCommands.h"
#include "models/ReadOnlyMode.h"
#include "models/StoreReader.h"

JobActions::JobActions(Engine *engine, QObject *parent) : QObject(parent), m_engine(engine) {}

QString JobActions::name(Kind kind)
{
    switch (kind) {
    case Kind::Cancel:
        return tr("Cancel");
    case Kind::Delete:
        return tr("Delete");
    case Kind::Retry:
        return tr("Retry");
    case Kind::Priority:
        return tr("Priority");
    case Kind::Timeout:
        return tr("Timeout");
    case Kind::Replay:
        return tr("Replay");
    }
    return {};
}

QString JobActions::describe(Kind kind, int count, const Input &input)
{
    // Retry, priority and timeout take their value in the dialog's field below this question,
    // which the user edits: the question names no number of its own.
    Q_UNUSED(input);
    switch (kind) {
    case Kind::Cancel:
        return tr("Cancel %n job(s)? Waiting jobs will never run; active jobs lose their lock "
                  "and their worker's answer will be refused. Finished jobs cannot be cancelled.",
                  nullptr, count);
    case Kind::Delete:
        return tr("Delete %n job(s) with their history and incidents? This cannot be undone. "
                  "Active jobs cannot be deleted: cancel them first.",
                  nullptr, count);
    case Kind::Retry:
        return tr("Give %n job(s) the number of retries below? A FAILED job with an open "
                  "incident goes back to the queue and its incident is resolved.",
                  nullptr, count);
    case Kind::Priority:
        return tr("Set the priority of %n job(s) to the value below? Finished jobs cannot be "
                  "changed.",
                  nullptr, count);
    case Kind::Timeout:
        return tr("Set the timeout of %n job(s) to the value below? An active job's deadline "
                  "moves to that long from now. Finished jobs cannot be changed.",
                  nullptr, count);
    case Kind::Replay:
        return tr("Replay %n job(s) as new job(s) with the variables shown? The old job stays as "
                  "it is; the new one links to it. Only finished jobs can be replayed.",
                  nullptr, count);
    }
    return {};
}

namespace {

// The outcome of any rule, as an action's answer.
template <typename T>
Reply<T> answerTo(QObject *context, std::function<void(const JobActionAnswer &)> done)
{
    return Reply<T>{context, [done = std::move(done)](const Outcome<T> &outcome) {
                        JobActionAnswer answer;
                        answer.ok = outcome.ok();
                        if (!outcome.ok())
                            answer.error = JobErrors::message(outcome.error());
                        else if constexpr (std::is_same_v<T, JobReplayed>)
                            answer.createdKey = outcome.value().job.key;
                        done(answer);
                    }};
}

} // namespace

void JobActions::send(Engine *engine, Kind kind, const QString &key, const Input &input,
                      QObject *context, std::function<void(const Answer &)> done)
{
    const ApiKey caller = StoreReader::consoleKey();
    switch (kind) {
    case Kind::Cancel:
        return engine->submit(
            [caller, key, reason = input.reason](Txn &txn) {
                return JobCommands::cancel(txn, caller, key, reason);
            },
            answerTo<JobCancelled>(context, std::move(done)), key);
    case Kind::Delete:
        return engine->submit(
            [caller, key](Txn &txn) { return JobCommands::remove(txn, caller, key); },
            answerTo<JobDeleted>(context, std::move(done)), key);
    case Kind::Retry:
    case Kind::Priority:
    case Kind::Timeout: {
        PatchSpec spec; // PATCH /api/v1/jobs/:key with one field
        if (kind == Kind::Retry)
            spec.retries = input.retries;
        else if (kind == Kind::Priority)
            spec.priority = input.priority;
        else
            spec.timeoutMs = input.timeoutMs;
        return engine->submit(
            [caller, key, spec](Txn &txn) {
                return OperatorCommands::patchJob(txn, caller, key, spec);
            },
            answerTo<JobPatched>(context, std::move(done)), key);
    }
    case Kind::Replay: {
        ReplaySpec spec; // POST /api/v1/jobs/:key/replay {"variables": ...}
        spec.variables = input.variables;
        return engine->submit(
            [caller, key, spec](Txn &txn) {
                return JobCommands::replay(txn, caller, key, spec, kDefaultMaxVariablesBytes);
            },
            answerTo<JobReplayed>(context, std::move(done)), key);
    }
    }
}

void JobActions::run(Kind kind, const QStringList &keys, const Input &input)
{
    if (keys.isEmpty() || isBusy() || !m_engine)
        return;
    if (m_readOnly) {
        QStringList refused;
        for (const QString &key : keys)
            refused.append(QStringLiteral("%1: %2").arg(key, ReadOnlyMode::refusal()));
        emit finished(kind, 0, refused);
        return;
    }
    m_kind = kind;
    m_pending = int(keys.size());
    m_succeeded = 0;
    m_errors.clear();
    for (const QString &key : keys) {
        // The answer comes back queued to this object's thread, after the commit.
        send(m_engine, kind, key, input, this, [this, key](const Answer &answer) {
            if (answer.ok) {
                ++m_succeeded;
                if (m_kind == Kind::Replay)
                    emit jobCreated(answer.createdKey);
            } else {
                m_errors.append(QStringLiteral("%1: %2").arg(key, answer.error));
            }
            if (--m_pending == 0)
                emit finished(m_kind, m_succeeded, m_errors);
        });
    }
}
