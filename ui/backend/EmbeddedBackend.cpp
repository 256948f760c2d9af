#include "EmbeddedBackend.h"

#include "api/JobErrors.h"
#include "engine/BulkOperationRunner.h"
#include "engine/Engine.h"
#include "engine/JobCommands.h"
#include "engine/OperatorCommands.h"
#include "models/OperatorReader.h"
#include "models/StoreReader.h"
#include "store/SqlDialect.h"

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

Reply<BulkOperationRecord> bulkReply(QObject *context, ConsoleBackend::BulkDone done)
{
    return Reply<BulkOperationRecord>{context,
                                      [done = std::move(done)](const Outcome<BulkOperationRecord> &o) {
                                          BulkAnswer answer;
                                          if (o.ok())
                                              answer.operation = o.value();
                                          else
                                              answer.error = JobErrors::message(o.error());
                                          done(answer);
                                      }};
}

} // namespace

EmbeddedBackend::EmbeddedBackend(Engine *engine, const StoreOptions &store, QObject *parent)
    : ConsoleBackend(parent), m_engine(engine), m_store(store),
      m_shared(SqlDialect::isPostgresUrl(store.path))
{
    // Queued: the engine signals on its own thread. On PostgreSQL the engine also commits a
    // housekeeping batch (no command) every cluster tick (0.5 s): those are left to the views'
    // polls, or an idle cluster would re-read them twice a second.
    if (m_engine)
        connect(m_engine, &Engine::batchCommitted, this, [this](int operations) {
            if (operations > 0 || !m_shared)
                emit jobsChanged();
        });
}

JobSourceFactory EmbeddedBackend::sourceFactory() const
{
    return StoreReader::factory(m_store);
}

OperatorSourceFactory EmbeddedBackend::operatorSourceFactory() const
{
    return OperatorReader::factory(m_store, m_engine);
}

void EmbeddedBackend::jobAction(JobActions::Kind kind, const QString &key,
                                const JobActions::Input &input, QObject *context,
                                std::function<void(const JobActionAnswer &)> done)
{
    using Kind = JobActions::Kind;
    const ApiKey caller = StoreReader::consoleKey();
    switch (kind) {
    case Kind::Cancel:
        return m_engine->submit(
            [caller, key, reason = input.reason](Txn &txn) {
                return JobCommands::cancel(txn, caller, key, reason);
            },
            answerTo<JobCancelled>(context, std::move(done)), key);
    case Kind::Delete:
        return m_engine->submit(
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
        return m_engine->submit(
            [caller, key, spec](Txn &txn) {
                return OperatorCommands::patchJob(txn, caller, key, spec);
            },
            answerTo<JobPatched>(context, std::move(done)), key);
    }
    case Kind::Replay: {
        ReplaySpec spec; // POST /api/v1/jobs/:key/replay {"variables": ...}
        spec.variables = input.variables;
        return m_engine->submit(
            [caller, key, spec](Txn &txn) {
                return JobCommands::replay(txn, caller, key, spec, kDefaultMaxVariablesBytes);
            },
            answerTo<JobReplayed>(context, std::move(done)), key);
    }
    }
}

void EmbeddedBackend::startBulkOperation(const BulkSpec &spec, QObject *context, BulkDone done)
{
    m_engine->bulkOperations()->start(StoreReader::consoleKey(), spec,
                                      bulkReply(context, std::move(done)));
}

void EmbeddedBackend::stopBulkOperation(const QString &key, QObject *context, BulkDone done)
{
    m_engine->submit(
        [key](Txn &txn) { return BulkOperations::stop(txn, StoreReader::consoleKey(), key); },
        bulkReply(context, std::move(done)));
}
